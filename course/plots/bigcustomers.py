"""Plots for big customers: the relationship-health grid of a territory's accounts."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap

from course.bigcustomers.health import HEALTH_CHECKS, STATUSES
from course.inputs import check_columns, check_not_empty
from course.plots._style import new_axes, plot_context, plot_text, title

__all__ = ["FAIL_COLOUR", "PASS_COLOUR", "move_relationship_health", "plot_relationship_health",
           "relationship_health_still"]

PASS_COLOUR = "#a6dba0"
"""A check passed."""
FAIL_COLOUR = "#f4a582"
"""A check failed."""


def plot_relationship_health(health: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw the five relationship checks per hospital: green passed, orange to work on.

    Parameters
    ----------
    health
        The table of :func:`course.bigcustomers.relationship_health`.
    ax
        Axes to draw on; a new figure when None.

    Examples
    --------
    >>> table = pd.DataFrame({"hospital_id": ["H1", "H2"], "regular": [True, False],
    ...     "steady": [True, False], "broad": [True, True], "well_timed": [False, False],
    ...     "followed": [True, True], "passed": [4, 2], "status": ["healthy", "at_risk"]})
    >>> ax = plot_relationship_health(table)
    >>> ax.images[0].get_array().tolist()
    [[1, 1, 1, 0, 1], [0, 0, 1, 0, 1]]
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['H1 · healthy', 'H2 · at risk']
    """
    checks = list(HEALTH_CHECKS)
    check_not_empty("health", health)
    check_columns("health", health, ["hospital_id", *checks, "status"])
    grid = health[checks].to_numpy(dtype=bool).astype(int)
    with plot_context():
        ax = new_axes(ax, figsize=(7.5, 0.45 * len(health) + 1.8))
        ax.imshow(grid, cmap=ListedColormap([FAIL_COLOUR, PASS_COLOUR]), vmin=0, vmax=1, aspect="auto")
        for (row, col), value in np.ndenumerate(grid):
            ax.text(col, row, "✓" if value else "✗", ha="center", va="center", fontsize=11, gid="mark")
        ax.set_xticks(range(len(checks)), [plot_text(HEALTH_CHECKS[c]) for c in checks],
                      rotation=20, ha="right")
        ax.set_yticks(range(len(health)), _account_labels(health))
        ax.set_title(title("Relationship health of the accounts"))
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
    return ax


def _account_labels(health: pd.DataFrame) -> list[str]:
    return [f"{h} · {plot_text(STATUSES[s])}" for h, s in zip(health["hospital_id"], health["status"], strict=True)]


def move_relationship_health(ax: Axes, health: pd.DataFrame) -> list[Artist]:
    """Set a :func:`plot_relationship_health` grid to new results for the same accounts.

    The cells' colours and marks become the new table's; the accounts and their statuses
    must be those the chart was drawn with (:func:`relationship_health_still`).

    Examples
    --------
    >>> table = pd.DataFrame({"hospital_id": ["H1"], "regular": [True], "steady": [False], "broad": [True],
    ...                       "well_timed": [True], "followed": [True], "status": ["healthy"]})
    >>> ax = plot_relationship_health(table)
    >>> _ = move_relationship_health(ax, table.assign(steady=[True]))
    >>> ax.images[0].get_array().tolist(), [t.get_text() for t in ax.texts]
    ([[1, 1, 1, 1, 1]], ['✓', '✓', '✓', '✓', '✓'])
    """
    grid = health[list(HEALTH_CHECKS)].to_numpy(dtype=bool).astype(int)
    image = ax.images[0]
    image.set_data(grid)
    marks = [t for t in ax.texts if t.get_gid() == "mark"]
    for text, value in zip(marks, grid.ravel(), strict=True):
        text.set_text("✓" if value else "✗")
    return [image, *marks]


def relationship_health_still(health: pd.DataFrame) -> tuple[str, ...]:
    """What the unmoving parts of :func:`plot_relationship_health` show: each account and its
    status (their labels set the chart's margin).

    Examples
    --------
    >>> relationship_health_still(pd.DataFrame({"hospital_id": ["H1"], "status": ["healthy"]}))
    ('H1 · healthy',)
    """
    return tuple(_account_labels(health))
