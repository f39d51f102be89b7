"""The time-management matrix (时间管理表): every task is important or not, urgent or not.

The training material defines the two axes and the four letters:

- **important** (重要): an activity you value, closely tied to your mission, values
  and priority goals;
- **urgent** (紧急): an activity that you or others think needs attention right now.

::

                          urgent 紧急    not urgent 不紧急
    important 重要            A               B
    not important 不重要      C               D

A = important and urgent, B = important not urgent, C = urgent not important,
D = neither. Effective people grow B: time planned for what matters before it
becomes a crisis. (Published tools often draw the table transposed, so the
letters B and C swap; the tests pin the training material's table.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from course.errors import CourseInputError
from course.i18n import Text, _
from course.inputs import bool_column, check_bool, check_choice, check_columns, number_column

__all__ = [
    "QUADRANTS", "QUADRANT_CODES", "Quadrant", "classify", "describe", "matrix_layout", "quadrant",
    "time_per_quadrant",
]

QUADRANT_CODES: tuple[str, ...] = ("A", "B", "C", "D")
"""The four quadrants in the training material's order."""


@dataclass(frozen=True)
class Quadrant:
    """One cell of the time-management matrix."""

    code: str
    """The training material's letter: A, B, C or D."""
    important: bool
    """Whether the tasks in this cell are important (重要)."""
    urgent: bool
    """Whether the tasks in this cell are urgent (紧急)."""
    name: Text
    """What the cell holds, e.g. "Important and urgent" (重要且紧急)."""
    action: Text
    """What to do with such a task, in two or three words."""
    advice: Text
    """One sentence of advice for this kind of task."""
    examples: tuple[Text, ...]
    """Typical tasks of a representative in this cell."""


QUADRANTS: dict[str, Quadrant] = {
    "A": Quadrant(
        "A", True, True,
        Text("Important and urgent", "重要且紧急"),
        Text("Do it now", "立即去做"),
        Text("Handle it yourself now; many A crises are B tasks that were left too long.",
             "马上亲自处理；很多A类危机来自被拖延的B类事务。"),
        (Text("A key doctor reports a stock-out today", "重点医生今天反映断货"),
         Text("Tender documents due tomorrow", "明天截止的招标文件")),
    ),
    "B": Quadrant(
        "B", True, False,
        Text("Important, not urgent", "重要不紧急"),
        Text("Plan it", "计划去做"),
        Text("Book time for it before the week starts: effective people grow B.",
             "在一周开始前为它预留时间：高效能的人不断扩大B类事务。"),
        (Text("Prepare next week's call plan", "准备下周的拜访计划"),
         Text("Study the new clinical data", "学习新的临床资料"),
         Text("Build the relationship with a high-potential doctor", "与高潜力医生建立关系")),
    ),
    "C": Quadrant(
        "C", False, True,
        Text("Urgent, not important", "紧急不重要"),
        Text("Delegate or limit", "授权或限制"),
        Text("Delegate it, batch it or learn to say no; it feels pressing but does not serve your goals.",
             "授权、集中处理或学会说“不”；它看似紧迫，却与你的目标无关。"),
        (Text("Most phone calls and messages", "大部分电话和消息"),
         Text("A colleague's last-minute request", "同事临时的请求")),
    ),
    "D": Quadrant(
        "D", False, False,
        Text("Neither urgent nor important", "不紧急也不重要"),
        Text("Drop it", "尽量不做"),
        Text("Cut it: this is where wasted time hides.", "删掉它：浪费的时间就藏在这里。"),
        (Text("Waiting without a plan", "无计划地等待"),
         Text("Too much socialising", "应酬过多")),
    ),
}
"""The four quadrants by letter, with their names, action and advice in English and Chinese."""


def quadrant(important: bool, urgent: bool) -> str:
    """Return the training material's letter for a task: A, B, C or D.

    Parameters
    ----------
    important
        Tied to your mission, values and priority goals (重要).
    urgent
        You or others think it needs attention now (紧急).

    Examples
    --------
    >>> quadrant(important=True, urgent=True)
    'A'
    >>> quadrant(important=True, urgent=False)
    'B'
    >>> quadrant(important=False, urgent=True)
    'C'
    >>> quadrant(important=False, urgent=False)
    'D'
    >>> quadrant("yes", True)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: important: got 'yes'; allowed: True or False
    """
    for field, value in (("important", important), ("urgent", urgent)):
        check_bool(field, value)
    if important:
        return "A" if urgent else "B"
    return "C" if urgent else "D"


def classify(tasks: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``tasks`` with a ``quadrant`` column (A/B/C/D).

    ``tasks`` needs boolean-like columns ``important`` and ``urgent``
    (True/False, 1/0, yes/no, 是/否). Every bad cell is reported at once.

    Examples
    --------
    >>> tasks = pd.DataFrame({"task": ["call plan", "stock-out", "email", "chat"],
    ...                       "important": [True, True, False, False],
    ...                       "urgent": [False, True, True, False]})
    >>> classify(tasks)["quadrant"].tolist()
    ['B', 'A', 'C', 'D']
    >>> classify(tasks.drop(columns="urgent"))
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: tasks: got columns ['task', 'important']; allowed: a table with columns ['important', 'urgent'] (missing: ['urgent'])
    """
    check_columns("tasks", tasks, ["important", "urgent"])
    important, bad_important = bool_column(tasks, "important")
    urgent, bad_urgent = bool_column(tasks, "urgent")
    problems = bad_important + bad_urgent
    if problems:
        raise CourseInputError(sorted(problems, key=lambda p: (p.row or 0, p.field)))
    codes = np.where(important, np.where(urgent, "A", "B"), np.where(urgent, "C", "D"))
    result = tasks.copy()
    result["quadrant"] = pd.Series(codes, index=tasks.index, dtype=object)
    return result


def time_per_quadrant(tasks: pd.DataFrame, minutes: str = "minutes") -> pd.DataFrame:
    """Return minutes, share and number of tasks per quadrant A-D (all four rows).

    Examples
    --------
    >>> tasks = pd.DataFrame({"minutes": [60, 30, 30], "important": [True, True, False],
    ...                       "urgent": [False, False, True]})
    >>> time_per_quadrant(tasks)
              minutes  share  tasks
    quadrant
    A               0    0.0      0
    B              90    0.75     2
    C              30    0.25     1
    D               0    0.0      0
    """
    check_columns("tasks", tasks, [minutes])
    placed = classify(tasks)
    spent, problems = number_column(placed, minutes, low=0, high=None)
    if problems:
        raise CourseInputError(problems)
    frame = pd.DataFrame({"quadrant": placed["quadrant"].to_numpy(), "minutes": spent})
    grouped = frame.groupby("quadrant")["minutes"]
    table = pd.DataFrame({
        "minutes": grouped.sum().reindex(list(QUADRANT_CODES), fill_value=0.0),
        "tasks": grouped.size().reindex(list(QUADRANT_CODES), fill_value=0),
    })
    if (table["minutes"] == table["minutes"].round()).all():
        table["minutes"] = table["minutes"].astype(int)
    total = float(table["minutes"].sum())
    table.insert(1, "share", table["minutes"] / total if total > 0 else 0.0)
    table.index.name = "quadrant"
    return table


def matrix_layout() -> pd.DataFrame:
    """Return the matrix as the training material draws it: rows important / not important, columns urgent / not urgent.

    The row and column labels are in the language in force.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en"); matrix_layout()
                   urgent not urgent
    important           A          B
    not important       C          D
    >>> set_language("zh"); matrix_layout().loc["重要", "不紧急"]
    'B'
    >>> set_language("en")
    """
    return pd.DataFrame(
        [[quadrant(True, True), quadrant(True, False)],
         [quadrant(False, True), quadrant(False, False)]],
        index=[_("important"), _("not important")],
        columns=[_("urgent"), _("not urgent")],
    )


def describe(code: str) -> Quadrant:
    """Return the :class:`Quadrant` of a letter.

    Examples
    --------
    >>> describe("B").name.both
    'Important, not urgent (重要不紧急)'
    """
    check_choice("quadrant", code, QUADRANT_CODES)
    return QUADRANTS[code]

