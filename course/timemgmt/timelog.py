"""Drucker's time log (杜拉克时间管理法) and what an hour is worth.

"Effective executives do not start with their tasks, they start with their
time." The training material teaches three steps: record your time (记录时间), analyse it
(分析时间), manage it (管理时间). Drucker's original in *The Effective Executive*
(1967) is record, manage, consolidate (gather the freed time into large blocks),
with logs kept for three to four weeks about twice a year.

:func:`analyse_timelog` does the analysis step on a log with the columns of the
sample ``timelog`` table; :func:`hourly_value` and :func:`activity_cost` put a
price on the time ("time is money": value every task by your hourly wage).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from course.data.schema import SCHEMAS, WASTERS
from course.errors import CourseInputError, Problem
from course.i18n import Text
from course.inputs import (
    bool_column,
    check_columns,
    check_not_empty,
    check_number,
    choice_column,
    chosen,
    number_column,
    text_column,
)
from course.timemgmt.matrix import QUADRANT_CODES, classify, describe
from course.timemgmt.wasters import WASTER_INFO

__all__ = [
    "CATEGORIES",
    "CATEGORY_NAMES",
    "DRUCKER_STEPS",
    "DRUCKER_STEPS_ORIGINAL",
    "REQUIRED_COLUMNS",
    "TimeLogSummary",
    "activity_cost",
    "analyse_timelog",
    "hourly_value",
    "named_log",
    "validate_timelog",
    "working_hours",
]

DRUCKER_STEPS: tuple[Text, ...] = (
    Text("Record your time", "记录时间"),
    Text("Analyse your time", "分析时间"),
    Text("Manage your time", "管理时间"),
)
"""The training material's three steps of Drucker's method."""

DRUCKER_STEPS_ORIGINAL: tuple[Text, ...] = (
    Text("Record time", "记录时间"),
    Text("Manage time", "管理时间"),
    Text("Consolidate time into large blocks", "集中时间"),
)
"""Drucker's own three steps (The Effective Executive, 1967)."""

_COLUMNS = {c.name: c for c in SCHEMAS["timelog"].columns}
CATEGORIES: tuple[str, ...] = _COLUMNS["category"].choices or ()
"""The kinds of activity a time-log entry may have (schema ``timelog``)."""

CATEGORY_NAMES: dict[str, Text] = {
    "call": Text("Calls on doctors", "拜访医生"),
    "travel": Text("Travel", "路途"),
    "waiting": Text("Waiting", "等待"),
    "admin": Text("Paperwork and admin", "文书与行政"),
    "meeting": Text("Meetings", "会议"),
    "planning": Text("Planning", "计划"),
    "learning": Text("Learning", "学习"),
    "email_phone": Text("Email and phone", "邮件与电话"),
    "social": Text("Socialising", "应酬闲聊"),
    "personal": Text("Personal", "个人事务"),
}
"""A name in English and Chinese for each category code."""

REQUIRED_COLUMNS: tuple[str, ...] = ("minutes", "activity", "category", "important", "urgent")
"""Columns :func:`analyse_timelog` needs; ``waster``, ``date`` and ``start`` are optional."""


def validate_timelog(log: pd.DataFrame) -> pd.DataFrame:
    """Return a clean copy of a time log, or raise one error listing every bad cell.

    ``minutes`` becomes an integer, ``important``/``urgent`` booleans, an empty
    ``waster`` ``None`` (the column is added when missing). Other columns are kept.

    Examples
    --------
    >>> log = pd.DataFrame({"minutes": [30, 0], "activity": ["call", "wait"],
    ...                     "category": ["call", "queue"], "important": [True, False],
    ...                     "urgent": [False, "no"]})
    >>> validate_timelog(log)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: row 2, minutes: got 0; allowed: a whole number from 1 to 1440
    row 2, category: got 'queue'; allowed: one of 'call', 'travel', ..., 'personal'
    """
    check_columns("timelog", log, REQUIRED_COLUMNS)
    check_not_empty("timelog", log)
    minutes_col = _COLUMNS["minutes"]
    minutes, problems = number_column(log, "minutes", low=minutes_col.low,
                                      high=minutes_col.high, integer=True)
    found: list[Problem] = list(problems)
    activity, problems = text_column(log, "activity")
    found += problems
    category, problems = choice_column(log, "category", CATEGORIES)
    found += problems
    important, problems = bool_column(log, "important")
    found += problems
    urgent, problems = bool_column(log, "urgent")
    found += problems
    if "waster" in log.columns:
        codes, problems = choice_column(log, "waster", WASTERS, or_empty=True)
        waster = chosen(codes, WASTERS)
        found += problems
    else:
        waster = pd.Series([None] * len(log), dtype=object)
    if found:
        order = list(log.columns)
        raise CourseInputError(sorted(
            found, key=lambda p: (p.row or 0, order.index(p.field) if p.field in order else 99)))
    clean = log.reset_index(drop=True).copy()
    clean["minutes"] = minutes.astype(int)
    clean["activity"] = activity
    clean["category"] = chosen(category, CATEGORIES)
    clean["important"] = important
    clean["urgent"] = urgent
    clean["waster"] = waster
    return clean


@dataclass(frozen=True)
class TimeLogSummary:
    """Where the time of a log went (the "analyse" step)."""

    total_minutes: int
    """All the minutes logged."""
    by_quadrant: pd.DataFrame
    """Minutes and share per quadrant A-D (all four rows, zero when absent)."""
    by_category: pd.DataFrame
    """Minutes and share per kind of activity, largest first."""
    by_activity: pd.DataFrame
    """Minutes and share per activity, largest first."""
    by_waster: pd.DataFrame
    """Minutes and share (of all logged time) per time-waster cause, largest first."""
    wasted_minutes: int
    """Minutes of the entries that name a time-waster cause."""
    days: int | None
    """Distinct days in the log (``None`` without a ``date`` column)."""
    hourly_value: float | None
    """The value of an hour used for the ``cost`` columns, if one was given."""

    @property
    def wasted_share(self) -> float:
        """Share of the logged time lost to a named cause.

        Examples
        --------
        >>> log = pd.DataFrame({"minutes": [30, 10], "activity": ["call", "search"],
        ...     "category": ["call", "admin"], "important": [True, False],
        ...     "urgent": [False, False], "waster": [None, "searching"]})
        >>> analyse_timelog(log).wasted_share
        0.25
        """
        return self.wasted_minutes / self.total_minutes

    def share(self, quadrant: str) -> float:
        """Share of the logged time spent in ``quadrant`` (A, B, C or D).

        Examples
        --------
        >>> log = pd.DataFrame({"minutes": [30, 10], "activity": ["plan", "chat"],
        ...     "category": ["planning", "social"], "important": [True, False],
        ...     "urgent": [False, False]})
        >>> analyse_timelog(log).share("B")
        0.75
        """
        return float(self.by_quadrant["share"].to_numpy()[QUADRANT_CODES.index(describe(quadrant).code)])


def _table(log: pd.DataFrame, by: str, total: int, rate: float | None,
           index: tuple[str, ...] | None = None) -> pd.DataFrame:
    minutes = log.groupby(by, sort=False)["minutes"].sum()
    if index is not None:
        minutes = minutes.reindex(list(index), fill_value=0)
    else:
        minutes = minutes.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    table = pd.DataFrame({"minutes": minutes.astype(int)})
    table.index.name = by
    table["share"] = table["minutes"] / total
    if rate is not None:
        table["cost"] = table["minutes"] / 60.0 * rate
    return table


def analyse_timelog(log: pd.DataFrame, hourly_value: float | None = None) -> TimeLogSummary:
    """Analyse a time log: time and share per quadrant, category, activity and time waster.

    Parameters
    ----------
    log
        One row per entry with the ``timelog`` columns: ``minutes``, ``activity``,
        ``category``, ``important``, ``urgent`` and optionally ``waster`` and ``date``.
    hourly_value
        What an hour of your time is worth (see :func:`hourly_value`); when given,
        every table gets a ``cost`` column.

    Examples
    --------
    >>> log = pd.DataFrame({
    ...     "minutes": [90, 30, 45, 15],
    ...     "activity": ["calls", "call plan", "waiting", "looking for a file"],
    ...     "category": ["call", "planning", "waiting", "admin"],
    ...     "important": [True, True, False, False],
    ...     "urgent": [True, False, False, True],
    ...     "waster": [None, None, "unplanned_delays", "searching"]})
    >>> summary = analyse_timelog(log, hourly_value=60)
    >>> summary.total_minutes, summary.share("B"), summary.wasted_minutes
    (180, 0.16666666666666666, 60)
    >>> summary.by_quadrant
              minutes     share  cost
    quadrant
    A              90  0.500000  90.0
    B              30  0.166667  30.0
    C              15  0.083333  15.0
    D              45  0.250000  45.0
    >>> float(summary.by_waster.loc["unplanned_delays", "cost"])   # an hour is worth 60
    45.0
    """
    clean = classify(validate_timelog(log))
    rate = None if hourly_value is None else check_number("hourly_value", hourly_value, low=0)
    total = int(clean["minutes"].sum())
    wasted = clean[clean["waster"].notna()]
    days = int(pd.Series(clean["date"]).nunique()) if "date" in clean.columns else None
    return TimeLogSummary(
        total_minutes=total,
        by_quadrant=_table(clean, "quadrant", total, rate, QUADRANT_CODES),
        by_category=_table(clean, "category", total, rate),
        by_activity=_table(clean, "activity", total, rate),
        by_waster=_table(wasted, "waster", total, rate),
        wasted_minutes=int(wasted["minutes"].sum()),
        days=days,
        hourly_value=rate,
    )


def named_log(log: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of a time log that names its codes, to show it to a trainee.

    ``category`` and ``waster`` hold names in the language in force instead of codes
    (``waiting`` → "Waiting" / "等待"); an entry without a cause gets an empty ``waster``;
    a code the course does not know stays as it is. The log itself is unchanged.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> log = pd.DataFrame({"minutes": [30, 20], "category": ["call", "waiting"],
    ...                     "waster": [None, "unplanned_delays"]})
    >>> set_language("zh"); named_log(log)[["category", "waster"]].to_numpy().tolist()
    [['拜访医生', ''], ['等待', '偶发延误']]
    >>> set_language("en"); named_log(log)["waster"].tolist()
    ['', 'Unplanned delays']
    """

    def category(code: object) -> object:
        return str(CATEGORY_NAMES[code]) if isinstance(code, str) and code in CATEGORY_NAMES else code

    def cause(code: object) -> object:
        if isinstance(code, str):
            return str(WASTER_INFO[code].name) if code in WASTER_INFO else code
        return "" if code is None or pd.isna(code) else code  # type: ignore[call-overload]

    table = log.copy()
    if "category" in table.columns:
        table["category"] = pd.Series([category(c) for c in table["category"]], index=table.index, dtype=object)
    if "waster" in table.columns:
        table["waster"] = pd.Series([cause(w) for w in table["waster"]], index=table.index, dtype=object)
    return table


def working_hours(days: float, hours_per_day: float = 8.0) -> float:
    """Return the working hours of a period: ``days × hours_per_day``.

    Examples
    --------
    >>> working_hours(22)
    176.0
    """
    return check_number("days", days, low=0, low_open=True) * check_number(
        "hours_per_day", hours_per_day, low=0, high=24, low_open=True)


def hourly_value(income: float, hours: float) -> float:
    """Return what one hour of your time is worth: income ÷ working hours of the same period.

    The training material: "time is money" — value every task by your hourly wage.

    Examples
    --------
    >>> round(hourly_value(12_000, working_hours(22, 8)), 2)   # a month: 22 days of 8 hours
    68.18
    >>> hourly_value(12_000, 0)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: hours: got 0; allowed: a number > 0
    """
    money = check_number("income", income, low=0)
    time = check_number("hours", hours, low=0, low_open=True)
    return money / time


def activity_cost(minutes: float, hourly_value: float) -> float:
    """Return what an activity of ``minutes`` cost at ``hourly_value`` an hour.

    Examples
    --------
    >>> activity_cost(45, 60.0)     # 45 minutes of waiting at 60 RMB an hour
    45.0
    """
    spent = check_number("minutes", minutes, low=0)
    rate = check_number("hourly_value", hourly_value, low=0)
    return spent / 60.0 * rate
