"""Call objectives (拜访目的): at least three per call, each one SMART.

The training material's daily call plan asks "what is the purpose of the call? at least three
objectives" (拜访目的是什么? 最少3项目的), and its call-planning slide asks for
objectives "that meet the SMART standard and move the customer up the adoption
ladder". :func:`check_call_objectives` counts them and runs the goal coach on
each one in call mode (:func:`course.goals.coach.coach_goal` with ``call=True``):
the doctor called is the customer, a commitment is measurable, the call is the
deadline. An objective *fails* when any letter fails; letters that cannot be
judged from the words ("check") do not fail it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from course.errors import CourseInputError
from course.goals.coach import CoachReport, coach_goal
from course.goals.smart import SmartThresholds
from course.i18n import _
from course.inputs import check_columns, check_int
from course.inputs.phrases import A_TEXT

__all__ = [
    "MIN_OBJECTIVES",
    "CallObjectivesReport",
    "ObjectiveCheck",
    "audit_call_objectives",
    "check_call_objectives",
    "split_objectives",
]

MIN_OBJECTIVES = 3
"""The training material: at least three objectives per call (最少3项目的)."""


@dataclass(frozen=True)
class ObjectiveCheck:
    """One call objective and what the coach says about it."""

    text: str
    """The objective as written."""
    report: CoachReport
    """The coach's letter-by-letter report."""

    @property
    def ok(self) -> bool:
        """True when no SMART letter fails."""
        return not self.report.failed

    @property
    def failed(self) -> tuple[str, ...]:
        """The letters that fail."""
        return self.report.failed

    def why(self) -> str:
        """The reasons of the failing letters, in one line."""
        return " ".join(_("{letter}: {reason}").format(letter=v.letter, reason=v.reason)
                        for v in self.report.verdict.letters if v.verdict == "fail")


@dataclass(frozen=True)
class CallObjectivesReport:
    """The objectives of one call, checked."""

    objectives: tuple[ObjectiveCheck, ...]
    """Each objective with its check."""
    minimum: int
    """How many objectives a call needs."""

    @property
    def enough(self) -> bool:
        """True when the call has at least ``minimum`` objectives."""
        return len(self.objectives) >= self.minimum

    @property
    def failing(self) -> tuple[ObjectiveCheck, ...]:
        """The objectives with a failing letter."""
        return tuple(o for o in self.objectives if not o.ok)

    @property
    def ok(self) -> bool:
        """Enough objectives and none failing."""
        return self.enough and not self.failing

    def summary(self) -> str:
        """A sentence for the trainee, in the language in force.

        Examples
        --------
        >>> from course.i18n import set_language
        >>> set_language("en")
        >>> print(check_call_objectives("尽可能取得客户详细承诺", today=date(2026, 3, 2)).summary())
        1 objective(s), at least 3 needed. 1 not SMART.
        """
        text = _("{n} objective(s), at least {minimum} needed.").format(
            n=len(self.objectives), minimum=self.minimum) if not self.enough else \
            _("{n} objective(s): enough.").format(n=len(self.objectives))
        if self.failing:
            text += " " + _("{n} not SMART.").format(n=len(self.failing))
        return text

    def as_frame(self) -> pd.DataFrame:
        """One row per objective: text, ok, failing letters, why."""
        return pd.DataFrame(
            [(o.text, o.ok, "".join(o.failed), o.why()) for o in self.objectives],
            columns=["objective", "ok", "failed", "why"],
        )


_SPLIT = re.compile(r"[;；\n]+")


def split_objectives(objectives: str | Sequence[str]) -> list[str]:
    """Return the objectives as a list: a text is split at ``;``, ``；`` and new lines.

    Examples
    --------
    >>> split_objectives("Agree to trial CARDIA; 确认下次拜访时间 ;")
    ['Agree to trial CARDIA', '确认下次拜访时间']
    """
    if isinstance(objectives, str):
        items = _SPLIT.split(objectives)
    elif isinstance(objectives, Sequence):
        items = list(objectives)
    else:
        raise CourseInputError.single("objectives", objectives, "a text or a list of texts")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise CourseInputError.single(f"objectives[{i}]", item, A_TEXT)
        if item.strip():
            out.append(item.strip())
    return out


def check_call_objectives(objectives: str | Sequence[str], *, today: date | None = None,
                          minimum: int = MIN_OBJECTIVES,
                          thresholds: SmartThresholds | None = None) -> CallObjectivesReport:
    """Check a call's objectives: at least ``minimum`` of them, each SMART.

    Parameters
    ----------
    objectives
        A list of objectives, or one text separated by ``;`` or new lines.
    today
        The day of the call (default: today).
    minimum
        How many objectives a call needs (the training material: 3).

    Examples
    --------
    >>> report = check_call_objectives([
    ...     "让王主任同意在3位新病人中试用CARDIA",
    ...     "Confirm the date of the department meeting",
    ...     "加强关系",
    ... ], today=date(2026, 3, 2))
    >>> report.enough, [o.ok for o in report.objectives], report.failing[0].failed
    (True, [True, True, False], ('S', 'M'))
    """
    minimum = check_int("minimum", minimum, low=1)
    items = split_objectives(objectives)
    checks = tuple(ObjectiveCheck(text, coach_goal(text, today=today, thresholds=thresholds, call=True))
                   for text in items)
    return CallObjectivesReport(checks, minimum)


def audit_call_objectives(calls: pd.DataFrame, *, today: date | None = None,
                          minimum: int = MIN_OBJECTIVES) -> pd.DataFrame:
    """Check the objectives of every call in a call history.

    Parameters
    ----------
    calls
        A table with ``call_id`` and ``objectives`` (separated by ``;``), like the
        sample territory's ``calls``.

    Returns
    -------
    DataFrame
        One row per call: ``call_id``, ``n_objectives``, ``enough``,
        ``n_not_smart`` and ``ok``.

    Examples
    --------
    >>> calls = pd.DataFrame({"call_id": ["C1", "C2"],
    ...     "objectives": ["同意试用CARDIA; 确认下次拜访时间; 邀请参加科室会", "尽量多聊"]})
    >>> audit_call_objectives(calls, today=date(2026, 3, 2))
      call_id  n_objectives  enough  n_not_smart     ok
    0      C1             3    True            0   True
    1      C2             1   False            1  False
    """
    check_columns("calls", calls, ["call_id", "objectives"])
    rows = []
    for call_id, text in zip(calls["call_id"], calls["objectives"].fillna(""), strict=True):
        report = check_call_objectives(str(text), today=today, minimum=minimum)
        rows.append((call_id, len(report.objectives), report.enough, len(report.failing), report.ok))
    return pd.DataFrame(rows, columns=["call_id", "n_objectives", "enough", "n_not_smart", "ok"])
