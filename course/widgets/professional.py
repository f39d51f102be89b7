"""The wheel of life (人生的车轮): seven sliders, a radar chart and what it says.

The widget only wires the sliders to :func:`course.professional.assess_wheel` and
:func:`course.plots.professional.plot_wheel`; it computes nothing itself.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as widgets

from course.i18n import _, get_language
from course.plots.professional import move_wheel, plot_wheel
from course.professional import (
    SPOKES,
    WheelAssessment,
    assess_wheel,
    spoke_name,
)
from course.quiz.professional import questions
from course.widgets._base import CourseWidget
from course.widgets._chart import KeptChart
from course.widgets.quiz import ChoiceQuiz

__all__ = ["ProfessionalQuiz", "WheelOfLife"]

DEFAULT_SCORES: Mapping[str, float] = {s.key: 5 for s in SPOKES}
"""Where the sliders start: the middle of the scale."""


class WheelOfLife(CourseWidget):
    """Score the seven spokes of your wheel of life 0-10 and see how round it rolls.

    Parameters
    ----------
    scores
        Starting scores per spoke (code, English or Chinese name); 5 for any not given.

    Examples
    --------
    >>> wheel = WheelOfLife()
    >>> wheel.sliders["health"].value = 2
    >>> wheel.last_result.weakest, wheel.last_result.lopsided
    (('health',), False)
    >>> wheel.sliders["career"].value = 9
    >>> wheel.last_result.lopsided
    True
    """

    def __init__(self, scores: Mapping[str, float] | None = None) -> None:
        start = assess_wheel({**DEFAULT_SCORES, **(scores or {})}).scores if scores else DEFAULT_SCORES
        self.sliders: dict[str, widgets.FloatSlider] = {
            s.key: widgets.FloatSlider(value=float(start[s.key]), min=0, max=10, step=1,
                                       description=spoke_name(s.key), readout_format=".0f",
                                       continuous_update=False,
                                       style={"description_width": "110px"},
                                       layout=widgets.Layout(width="360px"))
            for s in SPOKES
        }
        self.summary = widgets.HTML()
        self.chart = self.image()
        self._chart = KeptChart(self.chart, dpi=100)  # a slider moves the wheel on a kept chart
        intro = widgets.HTML(html.escape(_("Score each spoke from 0 (very unhappy) to 10 (fully satisfied).")))
        super().__init__([intro, widgets.HBox([widgets.VBox(list(self.sliders.values())), self.chart]),
                          self.summary])
        self.watch(*self.sliders.values())
        self.refresh()

    def compute(self) -> WheelAssessment:
        """Assess the slider values with the library."""
        return assess_wheel({key: slider.value for key, slider in self.sliders.items()})

    def show(self, result: WheelAssessment) -> None:
        """Show the summary, the weakest spokes' advice and the radar chart."""
        names = ", ".join(spoke_name(k) for k in result.weakest)
        advice = _("Start with {names}: what one step this month would raise it by a point?").format(
            names=names)
        balance = _("Balance")
        self.summary.value = (f"<b>{html.escape(result.summary())}</b><br>"
                              f"{html.escape(balance)}: {result.balance:.2f} · {html.escape(advice)}")
        self._chart.show(get_language(), lambda: plot_wheel(result), lambda ax: move_wheel(ax, result))


class ProfessionalQuiz(ChoiceQuiz):
    """Lesson 1's quiz (not graded).

    Examples
    --------
    >>> quiz = ProfessionalQuiz()
    >>> quiz.choices[0].value = "13%"
    >>> quiz.last_result["survey"]
    True
    """

    def __init__(self) -> None:
        super().__init__(questions())
