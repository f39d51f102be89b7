"""Each lesson's quiz (测验): ungraded questions whose right answers the library computes.

A *quiz* is ungraded: the trainee picks an answer in a lesson and sees at once whether
it is right. A *check* (:mod:`course.checks`) is the graded exercises' test of an answer.

- :class:`Question` — one multiple-choice question, shared by every quiz;
- :mod:`course.quiz.professional`, :mod:`~course.quiz.goals`, :mod:`~course.quiz.accounts`,
  :mod:`~course.quiz.planning`, :mod:`~course.quiz.portfolio` — each lesson's
  ``questions()``, answered by that topic's functions, so a quiz cannot drift from the
  course's rules;
- :mod:`course.quiz.time` — lesson 2's practice tasks to sort into the urgent/important
  matrix, and their marking.

The widgets (:mod:`course.widgets.quiz`) only show them.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Question"]


@dataclass(frozen=True)
class Question:
    """One multiple-choice question of a quiz; the answer comes from the library.

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
