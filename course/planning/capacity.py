"""Cycle-plan measures as CRM systems (Veeva) define them (拜访执行率).

- **remaining calls** = max(planned − actual, 0) per account: what is still to do;
- **capacity** = daily interactions × working days in the cycle: what a rep can do;
- **utilisation** = planned activity ÷ capacity: above 100% the plan cannot be kept;
- **reach** = targets reached ÷ assigned accounts, a target being *reached* when
  it had at least one call in the cycle;
- **attainment** = actual calls ÷ planned calls (how much of the plan was done).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Phrase, Problem
from course.i18n import _
from course.inputs import check_columns, check_int, check_number
from course.inputs.phrases import A_DATE, not_before, number

__all__ = [
    "CycleMeasures",
    "calls_made",
    "capacity",
    "cycle_measures",
    "reach",
    "remaining_calls",
    "utilisation",
]


def remaining_calls(planned: float, actual: float) -> int:
    """Calls still to make on one account: max(planned − actual, 0).

    Examples
    --------
    >>> remaining_calls(6, 2), remaining_calls(2, 3)
    (4, 0)
    """
    planned_n = check_int("planned", planned, low=0)
    actual_n = check_int("actual", actual, low=0)
    return max(planned_n - actual_n, 0)


def capacity(daily_interactions: float, working_days: int) -> float:
    """Calls a rep can make in a cycle: daily interactions × working days.

    Examples
    --------
    >>> capacity(12, 21)
    252.0
    >>> capacity(12, -1)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: working_days: got -1; allowed: a whole number from 0 to 31
    """
    per_day = check_number("daily_interactions", daily_interactions, low=0)
    days = check_int("working_days", working_days, low=0, high=31)
    return per_day * days


def utilisation(planned: float, capacity: float) -> float:
    """Planned activity ÷ capacity (1.0 = the plan fills the cycle exactly).

    Examples
    --------
    >>> utilisation(230, 252)
    0.9126984126984127
    >>> utilisation(10, 0)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: capacity: got 0; allowed: a number > 0
    """
    planned_n = check_number("planned", planned, low=0)
    cap = check_number("capacity", capacity, low=0, low_open=True)
    return planned_n / cap


def reach(targets_reached: int, assigned_accounts: int) -> float:
    """Targets reached ÷ assigned accounts.

    Examples
    --------
    >>> reach(45, 60)
    0.75
    >>> reach(61, 60)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: targets_reached: got 61; allowed: a whole number from 0 to 60
    """
    assigned = check_int("assigned_accounts", assigned_accounts, low=1)
    reached = check_int("targets_reached", targets_reached, low=0, high=assigned)
    return reached / assigned


@dataclass(frozen=True)
class CycleMeasures:
    """The measures of one rep's cycle plan."""

    accounts: int
    """Assigned accounts (targets with at least one planned call)."""
    reached: int
    """Targets with at least one actual call."""
    planned: int
    """Planned calls in the cycle."""
    actual: int
    """Calls made on the targets."""
    remaining: int
    """Sum over accounts of max(planned − actual, 0)."""
    capacity: float
    """Daily interactions × working days."""
    utilisation: float
    """Planned ÷ capacity."""
    reach: float
    """Reached ÷ accounts."""
    attainment: float
    """Actual calls counted against the plan (at most the planned per account) ÷ planned."""

    def as_text(self) -> str:
        """The measures as plain lines (for lessons), in the language in force.

        Examples
        --------
        >>> plan = pd.DataFrame({"account": ["D1", "D2"], "planned": [4, 2], "actual": [1, 0]})
        >>> print(cycle_measures(plan, 10, 20).as_text())
        accounts 2, reached 1, reach 50%
        planned 6, actual 1, remaining 5, attainment 17%
        capacity 200, utilisation 3%
        """
        return "\n".join((
            _("accounts {accounts}, reached {reached}, reach {reach:.0%}").format(
                accounts=self.accounts, reached=self.reached, reach=self.reach),
            _("planned {planned}, actual {actual}, remaining {remaining}, attainment {attainment:.0%}").format(
                planned=self.planned, actual=self.actual, remaining=self.remaining, attainment=self.attainment),
            _("capacity {capacity:g}, utilisation {utilisation:.0%}").format(
                capacity=self.capacity, utilisation=self.utilisation),
        ))


def cycle_measures(plan: pd.DataFrame, daily_interactions: float, working_days: int) -> CycleMeasures:
    """Measure a cycle plan: one row per account with ``planned`` and ``actual`` calls.

    Accounts with no planned call are not targets and are left out; calls made
    beyond an account's plan do not hide calls missing elsewhere (attainment counts
    at most the planned calls per account).

    Examples
    --------
    >>> plan = pd.DataFrame({"account": ["D1", "D2", "D3", "D4"],
    ...                      "planned": [6, 3, 2, 0], "actual": [4, 4, 0, 1]})
    >>> m = cycle_measures(plan, 12, 20)
    >>> m.remaining, m.capacity, m.reach, round(m.utilisation, 4), round(m.attainment, 4)
    (4, 240.0, 0.6666666666666666, 0.0458, 0.6364)
    """
    check_columns("plan", plan, ["planned", "actual"])
    problems: list[Problem] = []
    for column in ("planned", "actual"):
        values = pd.to_numeric(plan[column], errors="coerce")
        bad = values.isna() | (values < 0) | (values != values.round())
        problems.extend(
            Problem(column, raw, number(low=0, whole=True), row=i + 1)
            for i, (raw, b) in enumerate(zip(plan[column], bad, strict=True))
            if b
        )
    if problems:
        raise CourseInputError(problems)
    planned = plan["planned"].to_numpy(dtype=np.int64)
    actual = plan["actual"].to_numpy(dtype=np.int64)
    targets = planned > 0
    if not targets.any():
        raise CourseInputError.single("planned", 0, Phrase("at least one account with a planned call"))
    cap = capacity(daily_interactions, working_days)
    total_planned = int(planned[targets].sum())
    reached = int((actual[targets] > 0).sum())
    return CycleMeasures(
        accounts=int(targets.sum()),
        reached=reached,
        planned=total_planned,
        actual=int(actual[targets].sum()),
        remaining=int(np.maximum(planned - actual, 0).sum()),
        capacity=cap,
        utilisation=utilisation(total_planned, cap),
        reach=reach(reached, int(targets.sum())),
        attainment=float(np.minimum(planned, actual)[targets].sum() / total_planned),
    )


def calls_made(calls: pd.DataFrame, start: date, end: date) -> pd.Series:
    """Count calls per physician between ``start`` and ``end`` (both included).

    ``calls`` is a call history with ``physician_id`` and ``date`` (dates or
    ``YYYY-MM-DD`` text), e.g. the sample territory's ``calls`` table.

    Examples
    --------
    >>> calls = pd.DataFrame({"physician_id": ["D1", "D1", "D2"],
    ...                       "date": ["2026-03-02", "2026-03-20", "2026-04-01"]})
    >>> calls_made(calls, date(2026, 3, 1), date(2026, 3, 31)).to_dict()
    {'D1': 2}
    """
    check_columns("calls", calls, ["physician_id", "date"])
    if end < start:
        raise CourseInputError.single("end", end.isoformat(), not_before(start))
    when = pd.to_datetime(calls["date"], errors="coerce")
    bad = when.isna()
    if bad.any():
        raise CourseInputError(
            Problem("date", raw, A_DATE, row=i + 1)
            for i, (raw, b) in enumerate(zip(calls["date"], bad, strict=True))
            if b
        )
    inside = (when >= pd.Timestamp(start)) & (when <= pd.Timestamp(end))
    counts = calls.loc[inside.to_numpy(), "physician_id"].value_counts().sort_index()
    counts.name = "actual"
    counts.index.name = "physician_id"
    return counts
