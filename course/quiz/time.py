"""Lesson 2's quiz: sort a representative's tasks into the matrix, and mark the answers.

Each practice task says whether it is important (tied to your goals) and urgent
(needs attention now) and why; :func:`mark_sorting` compares a trainee's letters
with the training material's rule (:func:`~course.timemgmt.matrix.quadrant`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from course.errors import CourseInputError
from course.i18n import Text
from course.inputs import check_columns
from course.inputs.phrases import one_of
from course.timemgmt.matrix import QUADRANT_CODES, classify, quadrant

__all__ = ["PRACTICE_TASKS", "PracticeTask", "mark_sorting", "practice_tasks", "sorting_score"]


@dataclass(frozen=True)
class PracticeTask:
    """A task to sort, with the facts that decide its quadrant."""

    task: Text
    """What the task is."""
    important: bool
    """Tied to your mission, values and priority goals."""
    urgent: bool
    """You or others think it needs attention now."""
    why: Text
    """Why it is (not) important and (not) urgent."""

    @property
    def quadrant(self) -> str:
        """The training material's letter for this task.

        Examples
        --------
        >>> PRACTICE_TASKS[0].quadrant
        'B'
        """
        return quadrant(self.important, self.urgent)


PRACTICE_TASKS: tuple[PracticeTask, ...] = (
    PracticeTask(Text("Prepare next week's call plan", "准备下周的拜访计划"), True, False,
                 Text("It drives your goals, and nobody is chasing you for it yet.",
                      "它直接服务于你的目标，但还没有人催你。")),
    PracticeTask(Text("A key doctor calls: the pharmacy has run out of your product today",
                      "重点医生来电：药房今天断货了"), True, True,
                 Text("Prescriptions are lost today at a key account.", "重点客户今天就在流失处方。")),
    PracticeTask(Text("A colleague asks you to forward a file right now", "同事让你马上转发一个文件"),
                 False, True,
                 Text("Someone else's pressure, not your goal: delegate or batch it.",
                      "是别人的紧急，不是你的目标：授权或集中处理。")),
    PracticeTask(Text("Scroll through group chats while waiting", "等待时刷群聊"), False, False,
                 Text("Neither tied to a goal nor needed now: use waiting time for B work.",
                      "与目标无关也不急：把等待时间用在B类事务上。")),
    PracticeTask(Text("Study the new clinical data before the department meeting",
                      "科室会前学习新的临床资料"), True, False,
                 Text("It makes every future call stronger; the meeting is still weeks away.",
                      "它让以后的每次拜访更有说服力；科室会还在几周以后。")),
    PracticeTask(Text("Tender documents for the hospital are due tomorrow morning",
                      "医院招标文件明早截止"), True, True,
                 Text("Tied to your sales goal, and the deadline is tomorrow.",
                      "与销售目标相关，而且明天就截止。")),
)
"""Six practice tasks, at least one in every quadrant."""


def practice_tasks() -> pd.DataFrame:
    """The practice tasks as a table: ``task``, ``task_zh``, ``important``, ``urgent``, ``why``.

    Examples
    --------
    >>> practice_tasks()[["important", "urgent"]].sum().tolist()
    [4, 3]
    """
    return pd.DataFrame({
        "task": [t.task.en for t in PRACTICE_TASKS],
        "task_zh": [t.task.zh for t in PRACTICE_TASKS],
        "important": [t.important for t in PRACTICE_TASKS],
        "urgent": [t.urgent for t in PRACTICE_TASKS],
        "why": [t.why.en for t in PRACTICE_TASKS],
        "why_zh": [t.why.zh for t in PRACTICE_TASKS],
    })


def mark_sorting(tasks: pd.DataFrame, answers: Mapping[str, str | None]) -> pd.DataFrame:
    """Mark a trainee's quadrant letters against the training material's rule.

    Parameters
    ----------
    tasks
        Tasks with ``task``, ``important`` and ``urgent``.
    answers
        The trainee's letter per task name; a missing or empty answer is marked wrong.
        Letters are read without regard to case or spaces.

    Returns
    -------
    pandas.DataFrame
        ``task``, ``answer``, ``quadrant`` (the right letter) and ``correct``.

    Examples
    --------
    >>> marked = mark_sorting(practice_tasks(), {"Prepare next week's call plan": " b"})
    >>> marked.loc[0, ["answer", "quadrant"]].tolist(), bool(marked.loc[0, "correct"])
    (['B', 'B'], True)
    >>> int(marked["correct"].sum()), len(marked)
    (1, 6)
    >>> mark_sorting(practice_tasks(), {"Prepare next week's call plan": "E"})
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: answer for "Prepare next week's call plan": got 'E'; allowed: one of 'A', 'B', 'C', 'D' or empty
    """
    check_columns("tasks", tasks, ["task"])
    placed = classify(tasks).reset_index(drop=True)
    names = placed["task"].astype(str)
    given: list[str | None] = []
    for name in names:
        raw = answers.get(name)
        letter = None if raw is None else str(raw).strip().upper() or None
        if letter is not None and letter not in QUADRANT_CODES:
            raise CourseInputError.single(f'answer for "{name}"', raw,
                                          one_of("ABCD", or_empty=True))
        given.append(letter)
    marked = pd.DataFrame({"task": names, "answer": pd.Series(given, dtype="object"),
                           "quadrant": placed["quadrant"]})
    marked["correct"] = (marked["answer"] == marked["quadrant"]).fillna(False).astype(bool)
    return marked


def sorting_score(marked: pd.DataFrame) -> tuple[int, int]:
    """Return (right answers, tasks) of a :func:`mark_sorting` table.

    Examples
    --------
    >>> sorting_score(mark_sorting(practice_tasks(), {"Prepare next week's call plan": "B"}))
    (1, 6)
    """
    check_columns("marked", marked, ["correct"])
    return int(marked["correct"].sum()), len(marked)
