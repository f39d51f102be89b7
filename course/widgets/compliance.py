"""The case sorter: sort situations from the representative's day as allowed, not allowed or ask first.

A thin shell over :func:`course.compliance.sort_cases`: one drop-down per case;
once a case is sorted it shows whether the verdict is right, the reason with the
rules it rests on, and the compliant way to do the same job.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets

from course.compliance import CASES, RULES, VERDICTS, Case, CaseMark, SortResult, sort_cases
from course.i18n import _
from course.widgets._base import CourseWidget

__all__ = ["CaseSorter"]


class CaseSorter(CourseWidget):
    """Sort each case: allowed, not allowed, or ask compliance first; see why at once.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> sorter = CaseSorter(["festival_gift", "adverse_event"])
    >>> sorter.choices["festival_gift"].value = "not allowed"
    >>> sorter.last_result.right, sorter.last_result.answered
    (1, 1)
    >>> sorter.choices["adverse_event"].value = "not allowed"
    >>> "Allowed" in sorter.verdicts["adverse_event"].value
    True
    """

    def __init__(self, cases: Sequence[str] | None = None) -> None:
        keys = list(cases) if cases is not None else list(CASES)
        unknown = [k for k in keys if k not in CASES]
        self.cases: list[Case] = [CASES[k] for k in keys if k in CASES]
        options = [("—", ""), *((str(label), key) for key, label in VERDICTS.items())]
        self.choices = {case.key: widgets.Dropdown(options=options, value="",
                                                   layout=widgets.Layout(width="16em"))
                        for case in self.cases}
        self.verdicts = {case.key: widgets.HTML() for case in self.cases}
        intro = widgets.HTML("<b>" + html.escape(_(
            "Sort each case: is it allowed, not allowed, or do you ask compliance first?")) + "</b>")
        rows = [widgets.VBox([widgets.HTML(f"<b>{i}.</b> {html.escape(str(case.situation))}"),
                              self.choices[case.key], self.verdicts[case.key]],
                             layout=widgets.Layout(margin="0 0 0.8em 0"))
                for i, case in enumerate(self.cases, start=1)]
        self.score = widgets.HTML()
        super().__init__([intro, *rows, self.score])
        self.watch(*self.choices.values())
        self._unknown = unknown
        self.refresh()

    def compute(self) -> SortResult:
        """Mark the verdicts chosen so far (the library decides what is right)."""
        answers: dict[str, object] = {key: choice.value for key, choice in self.choices.items()}
        answers.update({key: "" for key in self._unknown})  # reported by sort_cases as unknown cases
        result = sort_cases(answers)
        shown = set(self.choices)
        return SortResult(tuple(m for m in result.marks if m.case.key in shown))

    def show(self, result: SortResult) -> None:
        """Put the verdict, the reason and the compliant way under each sorted case."""
        for mark in result.marks:
            self.verdicts[mark.case.key].value = _explain(mark)
        self.score.value = html.escape(_("{right} of {total} sorted right").format(
            right=result.right, total=result.total))


def _explain(mark: CaseMark) -> str:
    if mark.right is None:
        return ""
    case = mark.case
    answer = html.escape(str(VERDICTS[case.verdict]))
    if mark.right:
        head = f'<span style="color:#1b7837">✓ {html.escape(_("Correct"))}: {answer}.</span>'
    else:
        head = ('<span style="color:#b00020">✗ '
                + html.escape(_("Not quite: the verdict is {verdict}.").format(verdict=str(VERDICTS[case.verdict])))
                + "</span>")
    rules = "; ".join(RULES[key].citation() for key in case.rules)
    return (f"{head}<br><b>{html.escape(_('Why'))}:</b> {html.escape(str(case.reason))}"
            f"<br><b>{html.escape(_('The compliant way'))}:</b> {html.escape(str(case.instead))}"
            f"<br><small>{html.escape(_('Rules'))}: {html.escape(rules)}</small>")
