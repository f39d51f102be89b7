"""The wheel of life (人生的车轮): seven sliders, a radar chart and what it says.

The widget only wires the sliders to :func:`course.professional.assess_wheel` and
:func:`course.plots.professional.plot_wheel`; it computes nothing itself.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as widgets

from course.i18n import _
from course.plots.professional import plot_wheel
from course.professional import (
    SELLING_MODES,
    SPOKES,
    SURVEY,
    WRONG_ATTITUDES,
    WheelAssessment,
    assess_wheel,
    spoke_name,
    success_share,
)
from course.widgets._base import CourseWidget
from course.widgets.quiz import ChoiceQuiz, Question

__all__ = ["ChoiceQuiz", "ProfessionalSelfCheck", "Question", "WheelOfLife"]

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
        self.draw(self.chart, plot_wheel(result))


# ---------------------------------------------------------------- self-check
def professional_questions() -> list[Question]:
    """Lesson 1's self-check questions; the answers come from :mod:`course.professional`.

    Examples
    --------
    >>> [q.answer for q in professional_questions()]
    ['13%', 'yes', 'near_temple', 'hunting']
    """
    shares = sorted({f"{g.share:.0%}" for g in SURVEY} | {f"{success_share():.0%}"}, key=lambda t: float(t[:-1]))
    example = dict(family=8, career=9, mood=6, relationships=7, health=4, money=7, personal_growth=6)
    lopsided = assess_wheel(example).lopsided
    wrong = WRONG_ATTITUDES[:3] + WRONG_ATTITUDES[3:4]
    return [
        Question("survey", _("In the training material's survey, what share of people live comfortably or better?"),
                 tuple((s, s) for s in shares), f"{success_share():.0%}",
                 _("Add the financially independent and the comfortable.")),
        Question("wheel", _("Family 8, career 9, mood 6, relationships 7, health 4, money 7, growth 6: "
                            "is this wheel lopsided?"),
                 ((_("yes"), "yes"), (_("no"), "no")), "yes" if lopsided else "no",
                 _("Compare the strongest and the weakest spoke with the 4-point rule.")),
        Question("near_temple", _("Which habit is 近庙欺神?"),
                 tuple((str(w.note), w.key) for w in wrong), "near_temple",
                 _("The temple is near: think of the people closest to you.")),
        Question("hunting", _("Opening a new department and its doctors is ..."),
                 tuple((m.name.both, m.key) for m in SELLING_MODES), "hunting",
                 _("New customers or existing ones?")),
    ]


class ProfessionalSelfCheck(ChoiceQuiz):
    """Lesson 1's ungraded self-check.

    Examples
    --------
    >>> quiz = ProfessionalSelfCheck()
    >>> quiz.choices[0].value = "13%"
    >>> quiz.last_result["survey"]
    True
    """

    def __init__(self) -> None:
        super().__init__(professional_questions())
