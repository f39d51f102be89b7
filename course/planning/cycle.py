"""A monthly cycle plan for one rep (月计划: 拜访周期计划).

The training material's monthly plan is a four-week cycle: count the working days, decide how
many calls a day (预算 10-15 名医生 a day; US surveys report 6-10), give each
doctor the calls of his tier, and spread them over the month so that every doctor
is seen regularly, calls at one hospital fall on the same days (less travel) and
each doctor is seen on his best day where possible. What does not fit is reported,
never silently dropped.

How the calls are placed is described in :mod:`course.planning._placement`: trim
to capacity by priority (minimum calls first, A before B before C), give each
hospital visit days spread over the month, pack the visits into days (near each
other, few hospitals a day, best weekdays and slots), then move calls onto
doctors' best weekdays where their hospital is visited anyway.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from course.accounts.frequency import TIERS, CallFrequency, planned_calls
from course.data.schema import SLOTS, WEEKDAYS
from course.errors import CourseInputError, Phrase, Problem
from course.inputs import check_int
from course.planning._placement import Layout, place_calls
from course.planning.inputs import (
    DEFAULT_SLOT_CAPACITY,
    check_doctors,
    slot_capacities,
    with_positions,
)

__all__ = [
    "DEFAULT_SLOT_CAPACITY",
    "MATERIAL_CALLS_PER_DAY",
    "US_CALLS_PER_DAY",
    "CallsPerDay",
    "CyclePlan",
    "plan_cycle",
    "working_days",
]


@dataclass(frozen=True)
class CallsPerDay:
    """A rep's daily call budget: a range and the number aimed at."""

    low: int = 10
    """Fewest calls a working day (material: 10)."""
    high: int = 15
    """Most calls a working day (material: 15); a day is never filled beyond it."""
    target: int = 12
    """Calls aimed at each day; capacity is ``target × working days``."""

    def __post_init__(self) -> None:
        check_int("calls per day (low)", self.low, low=1, high=40)
        check_int("calls per day (high)", self.high, low=self.low, high=40)
        check_int("calls per day (target)", self.target, low=self.low, high=self.high)


MATERIAL_CALLS_PER_DAY = CallsPerDay(10, 15, 12)
"""The training material's budget: 10-15 doctors a day (预算10-15名医生), aiming at 12."""

US_CALLS_PER_DAY = CallsPerDay(6, 10, 8)
"""US survey benchmark: 6-10 calls a day, aiming at 8."""


_TIER_RANK = {tier: rank for rank, tier in enumerate(TIERS)}


def working_days(year: int, month: int, holidays: Iterable[date | int] = ()) -> tuple[date, ...]:
    """Return the weekdays of ``month`` that are not ``holidays``.

    ``holidays`` are dates in the month or day numbers (``1`` for the 1st).

    Examples
    --------
    >>> len(working_days(2026, 3))
    22
    >>> days = working_days(2026, 1, holidays=[1, date(2026, 1, 2)])
    >>> len(days), days[0]
    (20, datetime.date(2026, 1, 5))
    >>> working_days(2026, 2, holidays=[30])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: holidays: got 30; allowed: a date in 2026-02 or a day number from 1 to 28
    """
    year = check_int("year", year, low=1900, high=2100)
    month = check_int("month", month, low=1, high=12)
    length = calendar.monthrange(year, month)[1]
    allowed = Phrase("a date in {month} or a day number from 1 to {length}",
                     month=f"{year}-{month:02d}", length=length)
    off: set[int] = set()
    problems = []
    for holiday in holidays:
        if isinstance(holiday, date):
            if (holiday.year, holiday.month) != (year, month):
                problems.append(Problem("holidays", holiday.isoformat(), allowed))
            else:
                off.add(holiday.day)
        else:
            try:
                off.add(check_int("holidays", holiday, low=1, high=length))
            except CourseInputError:
                problems.append(Problem("holidays", holiday, allowed))
    if problems:
        raise CourseInputError(problems)
    return tuple(
        date(year, month, d)
        for d in range(1, length + 1)
        if d not in off and date(year, month, d).weekday() < 5
    )


@dataclass(frozen=True)
class CyclePlan:
    """One rep's call plan for one month."""

    year: int
    """Year of the cycle."""
    month: int
    """Month of the cycle (1-12)."""
    days: tuple[date, ...]
    """The working days of the cycle."""
    calls_per_day: CallsPerDay
    """The daily budget used."""
    calls: pd.DataFrame
    """One row per planned call: ``date``, ``day`` (1 = first working day),
    ``weekday``, ``visit`` (1 = the doctor's first call this month),
    ``on_best_day`` and the doctor's own columns."""
    doctors: pd.DataFrame
    """One row per doctor: ``planned_calls`` wanted, ``scheduled``, ``missing``
    and the ``reason`` when some calls could not be placed."""

    @property
    def demand(self) -> int:
        """Calls the frequencies ask for this month."""
        return int(self.doctors["planned_calls"].sum())

    @property
    def capacity(self) -> int:
        """Calls the month holds at the daily target: target × working days."""
        return self.calls_per_day.target * len(self.days)

    @property
    def max_capacity(self) -> int:
        """Calls the month holds at the daily maximum."""
        return self.calls_per_day.high * len(self.days)

    @property
    def scheduled(self) -> int:
        """Calls placed on a day."""
        return len(self.calls)

    @property
    def utilisation(self) -> float:
        """Demand ÷ capacity (above 1 means the frequencies do not fit)."""
        return self.demand / self.capacity

    @property
    def unplanned(self) -> pd.DataFrame:
        """Doctors with calls that could not be placed, and why."""
        return self.doctors.loc[self.doctors["missing"] > 0].reset_index(drop=True)

    @property
    def best_day_share(self) -> float:
        """Share of placed calls (of doctors with a best day) that fall on it."""
        known = self.calls["on_best_day"].dropna()
        return float(known.mean()) if len(known) else float("nan")

    def day(self, when: date | int) -> pd.DataFrame:
        """Return the calls of one day, given as a date or a working-day number (1 = first).

        Examples
        --------
        >>> doctors = pd.DataFrame({"physician_id": ["D1", "D2"],
        ...                         "hospital_id": ["H1", "H1"], "tier": ["A", "C"]})
        >>> plan = plan_cycle(doctors, 2026, 3)
        >>> plan.day(1)["physician_id"].tolist()
        ['D1', 'D2']
        >>> plan.day(23)
        Traceback (most recent call last):
        ...
        course.errors.CourseInputError: day: got 23; allowed: a whole number from 1 to 22
        """
        if isinstance(when, date):
            if when not in self.days:
                raise CourseInputError.single(
                    "day", when.isoformat(), Phrase("a working day of {month}", month=f"{self.year}-{self.month:02d}")
                )
            index = self.days.index(when) + 1
        else:
            index = check_int("day", when, low=1, high=len(self.days))
        return self.calls.loc[self.calls["day"] == index].reset_index(drop=True)

    def per_day(self) -> pd.DataFrame:
        """Calls per working day and tier (rows: days; columns: A, B, C, D, total).

        Examples
        --------
        >>> doctors = pd.DataFrame({"physician_id": ["D1"], "hospital_id": ["H1"], "tier": ["B"]})
        >>> plan_cycle(doctors, 2026, 3).per_day()["total"].sum()
        np.int64(3)
        """
        counts = np.zeros((len(self.days), len(TIERS)), dtype=np.int64)
        tier = self.calls["tier"].map(_TIER_RANK).to_numpy(dtype=np.int64)
        np.add.at(counts, (self.calls["day"].to_numpy(dtype=np.int64) - 1, tier), 1)
        table = pd.DataFrame(counts, columns=list(TIERS),
                             index=pd.RangeIndex(1, len(self.days) + 1, name="day"))
        return table.assign(total=counts.sum(axis=1), date=list(self.days))


def plan_cycle(
    doctors: pd.DataFrame,
    year: int,
    month: int,
    *,
    calls_per_day: CallsPerDay = MATERIAL_CALLS_PER_DAY,
    frequencies: Mapping[str, CallFrequency] | None = None,
    level: str = "planned",
    holidays: Iterable[date | int] = (),
    hospitals: pd.DataFrame | None = None,
    max_hospitals_per_day: int = 3,
    slot_capacity: Mapping[str, int] | None = None,
) -> CyclePlan:
    """Plan one month of calls for one rep.

    Parameters
    ----------
    doctors
        One row per doctor: ``physician_id``, ``hospital_id``, ``tier`` (A/B/C/D);
        optionally ``best_day`` (Mon-Fri), ``best_slot`` (morning/noon/afternoon),
        ``x_km``/``y_km`` and ``planned_calls`` (a manager's edit of the tier's number).
    year, month
        The cycle.
    calls_per_day
        The daily budget (default the training material's 10-15, aiming at 12).
    frequencies, level
        Calls a month per tier (default A 4-8, B 2-4, C 1-2, D 0) and which point
        of the range to plan (``"low"``, ``"planned"`` = middle, ``"high"``).
    holidays
        Days off (dates or day numbers).
    hospitals
        Optional table with ``hospital_id``, ``x_km``, ``y_km`` to keep each day's
        hospitals close together.
    max_hospitals_per_day
        Hospitals a day should not exceed when it can be helped.
    slot_capacity
        Calls per visit slot a day (default morning 6, noon 3, afternoon 6).

    Returns
    -------
    CyclePlan

    Examples
    --------
    >>> doctors = pd.DataFrame({
    ...     "physician_id": ["D1", "D2", "D3"], "hospital_id": ["H1", "H1", "H2"],
    ...     "tier": ["A", "B", "C"], "best_day": ["Tue", "Tue", "Fri"]})
    >>> plan = plan_cycle(doctors, 2026, 3)
    >>> plan.demand, plan.scheduled, plan.capacity
    (11, 11, 264)
    >>> plan.calls.groupby("physician_id")["visit"].max().tolist()
    [6, 3, 2]
    >>> len(plan.unplanned)
    0
    """
    check_doctors(doctors)
    days = working_days(year, month, holidays)
    if not days:
        raise CourseInputError.single("holidays", Phrase("every working day"), Phrase("at least one working day left"))
    if not isinstance(calls_per_day, CallsPerDay):
        raise CourseInputError.single("calls_per_day", calls_per_day, Phrase("a CallsPerDay(low, high, target)"))
    max_hospitals_per_day = check_int("max_hospitals_per_day", max_hospitals_per_day, low=1, high=20)
    slots = slot_capacities(slot_capacity)
    frame = planned_calls(doctors, frequencies, level)
    located = with_positions(frame, hospitals)
    if located is not None:
        frame = located
    frame = frame.reset_index(drop=True)

    n_days = len(days)
    wanted = frame["planned_calls"].to_numpy(dtype=np.int64)
    feasible = np.minimum(wanted, n_days)
    minimum = np.minimum(frame["calls_low"].to_numpy(dtype=np.int64), feasible)
    hospital_index, hospital_codes = pd.factorize(frame["hospital_id"])
    n_hosp = len(hospital_codes)
    if located is not None:
        xy = frame.groupby(hospital_index)[["x_km", "y_km"]].first().to_numpy(dtype=float)
        distance = np.hypot(xy[:, None, 0] - xy[None, :, 0], xy[:, None, 1] - xy[None, :, 1])
    else:
        distance = None
    weekday_of_day = np.array([d.weekday() for d in days])
    best_day = (
        frame["best_day"].map({name: i for i, name in enumerate(WEEKDAYS)})
        if "best_day" in frame.columns else pd.Series(np.nan, index=frame.index)
    ).to_numpy(dtype=float)
    slot_names = list(SLOTS)
    best_slot = (
        frame["best_slot"].map({name: i for i, name in enumerate(slot_names)})
        if "best_slot" in frame.columns else pd.Series(np.nan, index=frame.index)
    ).to_numpy(dtype=float)
    slot_cap = np.array([slots[s] for s in slot_names])

    tier_rank = frame["tier"].map(_TIER_RANK).to_numpy()
    order = np.lexsort((frame["physician_id"].astype(str).to_numpy(), hospital_index, tier_rank))
    rank = np.empty(len(frame), dtype=np.int64)
    rank[order] = np.arange(len(frame))
    layout = Layout(
        n_days=n_days, weekday=weekday_of_day, hospital=hospital_index, n_hospitals=n_hosp,
        distance=distance, best_day=best_day, best_slot=best_slot, slot_capacity=slot_cap,
        tier_rank=tier_rank, rank=rank, target=calls_per_day.target, high=calls_per_day.high,
        max_hospitals=max_hospitals_per_day,
    )
    placed_doc, placed_day = place_calls(feasible, minimum, layout, calls_per_day.low)
    return _assemble(frame, days, calls_per_day, year, month, placed_doc, placed_day,
                     wanted, best_day, weekday_of_day)


def _assemble(
    frame: pd.DataFrame,
    days: tuple[date, ...],
    calls_per_day: CallsPerDay,
    year: int,
    month: int,
    placed_doc: np.ndarray,
    placed_day: np.ndarray,
    wanted: np.ndarray,
    best_day: np.ndarray,
    weekday_of_day: np.ndarray,
) -> CyclePlan:
    doc = np.asarray(placed_doc, dtype=np.int64)
    day = np.asarray(placed_day, dtype=np.int64)
    hospital = pd.factorize(frame["hospital_id"], sort=True)[0]
    order = np.lexsort((doc, hospital[doc], day))
    doc, day = doc[order], day[order]
    best = best_day[doc]
    on_best = pd.array(
        [None if math.isnan(b) else bool(weekday_of_day[d] == b) for b, d in zip(best, day, strict=True)],
        dtype="boolean",
    )
    details = frame.drop(columns=["calls_low", "calls_high"]).iloc[doc].reset_index(drop=True)
    calls = pd.DataFrame({
        "date": [days[d] for d in day],
        "day": day + 1,
        "weekday": [WEEKDAYS[weekday_of_day[d]] for d in day],
        "on_best_day": on_best,
    })
    calls = pd.concat([calls, details], axis=1)
    # visit number: the doctor's 1st, 2nd, ... call in date order
    calls = calls.assign(visit=calls.groupby("physician_id").cumcount() + 1)
    scheduled = np.bincount(doc, minlength=len(frame))
    missing = wanted - scheduled
    n_days = len(days)
    reason = np.where(
        missing <= 0, "",
        np.where(wanted > n_days, "more calls than working days", "no room left in the month"),
    )
    summary = frame[["physician_id", "hospital_id", "tier", "calls_low", "calls_high", "planned_calls"]].assign(
        scheduled=scheduled, missing=np.maximum(missing, 0), reason=reason
    )
    return CyclePlan(year, month, days, calls_per_day, calls, summary)
