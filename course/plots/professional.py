"""Plots for the professional representative: the wheel-of-life radar and the survey."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.projections.polar import PolarAxes

from course.plots._style import new_axes, plot_context, plot_text, title
from course.professional import SPOKES, SURVEY, WheelAssessment, assess_wheel

__all__ = ["WEAK_COLOUR", "WHEEL_COLOUR", "move_wheel", "plot_survey", "plot_wheel"]

WHEEL_COLOUR = "#4c72b0"
"""Outline and fill of the wheel."""
WEAK_COLOUR = "#d7301f"
"""Markers of the weakest spokes."""
MEAN_COLOUR = "#7f7f7f"
"""The dashed circle at the mean score (a perfectly round wheel of the same size)."""


def spoke_angles() -> np.ndarray:
    """Angle of each spoke, starting at the top and going clockwise.

    Examples
    --------
    >>> spoke_angles().round(3).tolist()[:2]
    [0.0, 0.898]
    """
    return np.linspace(0, 2 * np.pi, len(SPOKES), endpoint=False)


def plot_wheel(scores: Mapping[str, float] | WheelAssessment, ax: Axes | None = None) -> Axes:
    """Draw the wheel of life (人生的车轮) as a radar chart, 0 at the hub, 10 at the rim.

    The wheel is the filled polygon; the weakest spokes are marked in red; the
    dashed circle is a perfectly round wheel with the same mean.

    Parameters
    ----------
    scores
        Scores 0-10 per spoke (see :func:`course.professional.assess_wheel`) or
        an assessment already made.
    ax
        A polar Axes to draw on; a new figure when None.

    Examples
    --------
    >>> ax = plot_wheel(dict(family=8, career=7, mood=6, relationships=7,
    ...                      health=3, money=5, personal_growth=6))
    >>> [line.get_label() for line in ax.lines]
    ['wheel', 'mean', 'weakest']
    >>> ax.lines[0].get_ydata().tolist()
    [8.0, 7.0, 6.0, 7.0, 3.0, 5.0, 6.0, 8.0]
    """
    assessment = scores if isinstance(scores, WheelAssessment) else assess_wheel(scores)
    keys = [s.key for s in SPOKES]
    values = np.array([assessment.scores[k] for k in keys])
    angles = spoke_angles()
    closed_angles = np.append(angles, angles[0])
    closed_values = np.append(values, values[0])
    with plot_context():
        ax = new_axes(ax, figsize=(6, 6), polar=True)
        if isinstance(ax, PolarAxes):
            ax.set_theta_offset(np.pi / 2)
            ax.set_theta_direction(-1)
        ax.plot(closed_angles, closed_values, color=WHEEL_COLOUR, linewidth=2, label="wheel")
        ax.fill(closed_angles, closed_values, color=WHEEL_COLOUR, alpha=0.25, label="wheel area")
        circle = np.linspace(0, 2 * np.pi, 120)
        ax.plot(circle, np.full_like(circle, assessment.mean), color=MEAN_COLOUR, linestyle="--",
                linewidth=1, label="mean")
        weak = [keys.index(k) for k in assessment.weakest]
        ax.plot(angles[weak], values[weak], linestyle="none", marker="o", markersize=10,
                color=WEAK_COLOUR, label="weakest")
        ax.set_ylim(0, 10)
        ax.set_yticks([2, 4, 6, 8, 10])
        ax.set_xticks(angles, _spoke_labels(values))
        ax.tick_params(axis="x", pad=10)
        ax.set_title(_wheel_title(assessment), pad=18)
    return ax


def _spoke_labels(values: np.ndarray) -> list[str]:
    return [f"{plot_text(s.name)}\n{_fmt(v)}" for s, v in zip(SPOKES, values, strict=True)]


def _wheel_title(assessment: WheelAssessment) -> str:
    heading = title("Wheel of life")
    state = title("lopsided") if assessment.lopsided else title("balanced")
    mean = title("mean {score}").format(score=f"{assessment.mean:.1f}")
    return f"{heading}: {state}, {mean}"


def move_wheel(ax: Axes, assessment: WheelAssessment) -> list[Artist]:
    """Set a :func:`plot_wheel` chart to new scores: the wheel, the mean, the weakest, the labels.

    Returns the artists changed (with the axes' grid and labels, which lie over the
    wheel's area), for :class:`course.widgets._chart.KeptChart`.

    Examples
    --------
    >>> scores = dict(family=8, career=7, mood=6, relationships=7, health=3, money=5, personal_growth=6)
    >>> ax = plot_wheel(scores)
    >>> _ = move_wheel(ax, assess_wheel({**scores, "health": 9}))
    >>> ax.lines[0].get_ydata().tolist()
    [8.0, 7.0, 6.0, 7.0, 9.0, 5.0, 6.0, 8.0]
    >>> ax.get_title()
    'Wheel of life: lopsided, mean 6.9'
    """
    keys = [s.key for s in SPOKES]
    values = np.array([assessment.scores[k] for k in keys])
    angles = spoke_angles()
    closed = np.append(values, values[0])
    wheel, mean, weakest = (next(x for x in ax.lines if x.get_label() == name)
                            for name in ("wheel", "mean", "weakest"))
    area = next(p for p in ax.patches if p.get_label() == "wheel area")
    wheel.set_ydata(closed)
    area.set_xy(np.column_stack([np.append(angles, angles[0]), closed]))  # type: ignore[attr-defined]
    mean.set_ydata(np.full_like(mean.get_xdata(), assessment.mean))
    weak = [keys.index(k) for k in assessment.weakest]
    weakest.set_data(angles[weak], values[weak])
    with plot_context():
        ax.set_xticks(angles, _spoke_labels(values))
    ax.title.set_text(_wheel_title(assessment))  # its place stays where the chart put it
    # the axes' grid, labels and rim lie over the wheel's area: they are drawn again with it
    return [wheel, area, mean, weakest, ax.xaxis, ax.yaxis, *ax.spines.values(), ax.title]


def plot_survey(ax: Axes | None = None) -> Axes:
    """Bar chart of the training material's survey: 3% / 10% / 60% / 27%.

    Examples
    --------
    >>> ax = plot_survey()
    >>> [round(float(p.get_width()), 2) for p in ax.patches]
    [0.03, 0.1, 0.6, 0.27]
    """
    colours = ["#1b9e77", "#66c2a5", "#bdbdbd", "#fc8d62"]
    with plot_context():
        ax = new_axes(ax, figsize=(7, 3))
        labels = [plot_text(g.name) for g in SURVEY]
        positions = np.arange(len(SURVEY))[::-1]
        ax.barh(positions, [g.share for g in SURVEY], color=colours)
        for y, group in zip(positions, SURVEY, strict=True):
            ax.text(group.share + 0.01, y, f"{group.share:.0%}", va="center")
        ax.set_yticks(positions, labels)
        ax.set_xlim(0, 0.7)
        ax.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0%}")
        ax.set_title(title("How people end up: the survey"))
    return ax


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"
