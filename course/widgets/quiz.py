"""The quiz widget: choose an answer to each question, see at once whether it is right.

Every lesson's quiz (not graded) is a :class:`ChoiceQuiz` over the questions of
:mod:`course.quiz`, whose right answers the library computes; lesson 2's
:class:`course.widgets.time.QuadrantQuiz` sorts tasks into the matrix instead.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets

from course.i18n import _
from course.quiz import Question
from course.widgets._base import CourseWidget

__all__ = ["ChoiceQuiz"]


class ChoiceQuiz(CourseWidget):
    """A quiz (not graded): choose an answer, see at once whether it is right.

    Examples
    --------
    >>> quiz = ChoiceQuiz([Question("q", "2 + 2?", (("4", "4"), ("5", "5")), "4", "Count.")])
    >>> quiz.choices[0].value = "5"
    >>> quiz.last_result
    {'q': False}
    """

    def __init__(self, questions: Sequence[Question], *, width: str = "22em") -> None:
        self.questions = list(questions)
        self.choices = [widgets.Dropdown(options=[("—", ""), *q.options], value="",
                                         layout=widgets.Layout(width=width))
                        for q in self.questions]
        self.verdicts = [widgets.HTML() for _q in self.questions]
        rows = [widgets.VBox([widgets.HTML(f"<b>{i}.</b> {html.escape(q.prompt)}"),
                              widgets.HBox([choice, verdict])])
                for i, (q, choice, verdict) in enumerate(
                    zip(self.questions, self.choices, self.verdicts, strict=True), start=1)]
        self.score = widgets.HTML()
        super().__init__([*rows, self.score])
        self.watch(*self.choices)
        self.refresh()

    def compute(self) -> dict[str, bool | None]:
        """Each question's verdict: True, False, or None while unanswered."""
        return {q.key: None if not c.value else c.value == q.answer
                for q, c in zip(self.questions, self.choices, strict=True)}

    def show(self, result: dict[str, bool | None]) -> None:
        """Put ✓ or ✗ and a hint beside each answered question, and the score."""
        right_text, wrong_text, hint_text = _("Correct"), _("Not yet"), _("Hint")
        for q, verdict in zip(self.questions, self.verdicts, strict=True):
            right = result[q.key]
            if right is None:
                verdict.value = ""
            elif right:
                verdict.value = f'<span style="color:#1b7837">✓ {html.escape(right_text)}</span>'
            else:
                verdict.value = (f'<span style="color:#b00020">✗ {html.escape(wrong_text)}. '
                                 f"{html.escape(hint_text)}: {html.escape(q.hint)}</span>")
        score = _("{right} of {total} right").format(
            right=sum(1 for v in result.values() if v), total=len(result))
        self.score.value = html.escape(score)
