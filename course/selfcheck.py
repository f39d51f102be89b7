"""The record of one ungraded self-check question, shared by every lesson's quiz.

Each topic builds its questions with answers computed by the library; the quiz
widget (:class:`course.widgets.quiz.ChoiceQuiz`) only shows them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Question"]


@dataclass(frozen=True)
class Question:
    """One multiple-choice question of a self-check; the answer comes from the library.

    Examples
    --------
    >>> Question("q", "2 + 2?", (("4", "4"), ("5", "5")), "4", "Count.").answer
    '4'
    """

    key: str
    """Short name of the question."""
    prompt: str
    """The question, in the language in force."""
    options: tuple[tuple[str, str], ...]
    """(label, value) pairs offered in the drop-down."""
    answer: str
    """The value of the right option (computed by the library)."""
    hint: str
    """What to look at again when the answer is wrong."""
