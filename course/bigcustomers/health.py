"""A relationship-health check on a territory's accounts (客户关系的健康检查).

The material's relationship decks say what keeps a big customer: visit
regularly (定期的客户拜访), keep the relationship long (建立信任和长期关系), time
the visit well (合理安排拜访时间: avoid the busy clinic hours, come when the
doctor can talk) and follow up promptly (及时跟进). Its customer-management
points ask for a monthly update (动态管理：月变更) and a weekly review of key
customers (重点管理：周讨论). This module reads a call history the way such a
weekly review would, one hospital per row, with five checks:

========== ======================================================= ===================
check      passes when                                             from the material
========== ======================================================= ===================
regular    the last call is at most ``max_days_since_call`` ago    定期的客户拜访
steady     calls of the last 4 weeks ≥ ``min_recent_ratio`` × the  建立长期关系
           usual 4 weeks of the history
broad      at least ``min_doctors`` doctors seen in the last 8     (the course's)
           weeks: the relationship does not hang on one person
well_timed at least ``min_best_day_share`` of the calls on the     合理安排拜访时间
           doctor's best weekday
followed   at least ``min_follow_up_share`` of the calls record    及时跟进
           what to achieve next time
========== ======================================================= ===================

The thresholds are the course's; the material gives none. Nothing here counts
prescriptions: only the representative's own calls are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from course.errors import CourseInputError, Problem
from course.i18n import Text
from course.inputs import check_fraction, check_int, check_number, check_table, raise_problems
from course.inputs.phrases import A_DATE

__all__ = ["HEALTH_CHECKS", "STATUSES", "HealthRules", "assess_relationship", "relationship_health", "status_for"]

HEALTH_CHECKS: dict[str, Text] = {
    "regular": Text("Regular visits", "定期的客户拜访"),
    "steady": Text("Contact kept up (long-term relationship)", "保持联系（建立长期关系）"),
    "broad": Text("More than one contact", "不只依赖一位联系人"),
    "well_timed": Text("Visits at the doctor's best time", "合理安排拜访时间"),
    "followed": Text("Prompt follow-up", "及时跟进"),
}
"""The five checks, in the order shown."""

STATUSES: dict[str, Text] = {
    "healthy": Text("healthy", "健康"),
    "watch": Text("watch", "关注"),
    "at_risk": Text("at risk", "有风险"),
}
"""The status of a relationship: 4-5 checks passed, 3, or fewer."""


@dataclass(frozen=True)
class HealthRules:
    """The course's thresholds of the five checks."""

    max_days_since_call: int = 14
    """Most days since the last call to the hospital."""
    min_recent_ratio: float = 0.8
    """Least share of the usual 4 weeks' calls made in the last 4 weeks."""
    min_doctors: int = 3
    """Fewest doctors seen in the last 8 weeks."""
    min_best_day_share: float = 0.5
    """Least share of calls on the doctor's best weekday."""
    min_follow_up_share: float = 0.9
    """Least share of calls with a next objective written down."""


def status_for(passed: int) -> str:
    """The status for the number of checks passed: ``healthy`` (4-5), ``watch`` (3) or ``at_risk``.

    Examples
    --------
    >>> [status_for(n) for n in (5, 4, 3, 2, 0)]
    ['healthy', 'healthy', 'watch', 'at_risk', 'at_risk']
    """
    n = check_int("passed", passed, low=0, high=len(HEALTH_CHECKS))
    return "healthy" if n >= 4 else "watch" if n == 3 else "at_risk"


def assess_relationship(
    days_since_call: int,
    calls_4w: int,
    usual_4w: float,
    doctors_8w: int,
    best_day_share: float,
    follow_up_share: float,
    rules: HealthRules | None = None,
) -> dict[str, bool]:
    """The five checks of one account from its figures: check → passed.

    Parameters
    ----------
    days_since_call
        Days since the last call to the account.
    calls_4w, usual_4w
        Calls in the last 4 weeks, and in a usual 4 weeks of the history.
    doctors_8w
        Doctors seen in the last 8 weeks.
    best_day_share, follow_up_share
        Shares (0-1) of the calls on the doctor's best weekday, and with a next objective.
    rules
        The thresholds (:class:`HealthRules`).

    Examples
    --------
    >>> checks = assess_relationship(20, 6, 10, 2, 0.6, 0.95)
    >>> checks
    {'regular': False, 'steady': False, 'broad': False, 'well_timed': True, 'followed': True}
    >>> status_for(sum(checks.values()))
    'at_risk'
    >>> assess_relationship(-1, 6, 10, 2, 0.6, 0.95)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: days_since_call: got -1; allowed: a whole number >= 0
    """
    rules = rules or HealthRules()
    days = check_int("days_since_call", days_since_call, low=0)
    recent = check_int("calls_4w", calls_4w, low=0)
    usual = check_number("usual_4w", usual_4w, low=0)
    doctors = check_int("doctors_8w", doctors_8w, low=0)
    timed = check_fraction("best_day_share", best_day_share)
    followed = check_fraction("follow_up_share", follow_up_share)
    return {
        "regular": days <= check_int("max_days_since_call", rules.max_days_since_call, low=1),
        "steady": recent >= check_fraction("min_recent_ratio", rules.min_recent_ratio) * usual - 1e-9,
        "broad": doctors >= check_int("min_doctors", rules.min_doctors, low=1),
        "well_timed": timed >= check_fraction("min_best_day_share", rules.min_best_day_share) - 1e-9,
        "followed": followed >= check_fraction("min_follow_up_share", rules.min_follow_up_share) - 1e-9,
    }


def relationship_health(
    calls: pd.DataFrame,
    physicians: pd.DataFrame,
    accounts: Sequence[str] | None = None,
    as_of: date | str | None = None,
    rules: HealthRules | None = None,
) -> pd.DataFrame:
    """Check each hospital's relationship from the representative's call history.

    Parameters
    ----------
    calls
        One row per call: ``date``, ``physician_id`` and ``next_objective``
        (empty when none was written).
    physicians
        ``physician_id``, ``hospital_id`` and ``best_day`` (Mon … Sun).
    accounts
        The hospitals to check (e.g. the big customers); default every hospital
        with a call. A hospital without any call fails every check.
    as_of
        The day of the review; default the day of the last call.
    rules
        The thresholds (:class:`HealthRules`).

    Returns
    -------
    pandas.DataFrame
        One row per hospital: ``days_since_call``, ``calls_4w``, ``usual_4w``,
        ``doctors_8w``, ``best_day_share``, ``follow_up_share``, one column per
        check (True when passed), ``passed``, ``status`` and ``to_work_on``
        (the failed checks, in order), from the weakest relationship up.

    Examples
    --------
    >>> docs = pd.DataFrame({"physician_id": ["D1", "D2", "D3"], "hospital_id": ["H1", "H1", "H2"],
    ...                      "best_day": ["Mon", "Tue", "Wed"]})
    >>> calls = pd.DataFrame({
    ...     "date": ["2026-09-07", "2026-09-08", "2026-10-05", "2026-10-06", "2026-09-02"],
    ...     "physician_id": ["D1", "D2", "D1", "D2", "D3"],
    ...     "next_objective": ["agree trial", "", "review", "review", ""]})
    >>> out = relationship_health(calls, docs, rules=HealthRules(min_doctors=2))
    >>> out[["hospital_id", "days_since_call", "calls_4w", "usual_4w", "passed", "status"]].values.tolist()
    [['H2', 34, 0, 0.8, 1, 'at_risk'], ['H1', 0, 2, 3.2, 3, 'watch']]
    >>> out.iloc[0]["to_work_on"], out.iloc[1]["to_work_on"]
    (['regular', 'steady', 'broad', 'followed'], ['steady', 'followed'])
    """
    rules = rules or HealthRules()
    max_days = check_int("max_days_since_call", rules.max_days_since_call, low=1)
    ratio = check_fraction("min_recent_ratio", rules.min_recent_ratio)
    min_doctors = check_int("min_doctors", rules.min_doctors, low=1)
    best_share = check_fraction("min_best_day_share", rules.min_best_day_share)
    follow_share = check_fraction("min_follow_up_share", rules.min_follow_up_share)
    check_table("calls", calls, ["date", "physician_id", "next_objective"])
    check_table("physicians", physicians, ["physician_id", "hospital_id", "best_day"])

    dates = pd.to_datetime(calls["date"], errors="coerce")
    bad = np.flatnonzero(dates.isna().to_numpy())
    problems = [Problem("date", calls["date"].iloc[i], A_DATE, int(i) + 1) for i in bad[:5]]
    known = set(physicians["physician_id"])
    unknown = [i for i, p in enumerate(calls["physician_id"]) if p not in known][:5]
    problems += [Problem("physician_id", calls["physician_id"].iloc[i], "a doctor of the physicians table",
                         i + 1) for i in unknown]
    raise_problems(problems)

    day = pd.Timestamp(as_of) if as_of is not None else dates.max()
    if pd.isna(day):
        raise CourseInputError.single("as_of", as_of, A_DATE)
    doctors = physicians.set_index("physician_id")
    frame = pd.DataFrame({
        "date": dates,
        "physician_id": calls["physician_id"].to_numpy(),
        "hospital_id": calls["physician_id"].map(doctors["hospital_id"]).to_numpy(),
        "on_best_day": (dates.dt.strftime("%a") == calls["physician_id"].map(doctors["best_day"])).to_numpy(),
        "followed": calls["next_objective"].fillna("").astype(str).str.strip().ne("").to_numpy(),
    })
    frame = frame[frame["date"] <= day]
    history_days = max(int((day - frame["date"].min()).days) + 1, 28) if len(frame) else 28
    recent = frame[frame["date"] > day - pd.Timedelta(days=28)]
    last8 = frame[frame["date"] > day - pd.Timedelta(days=56)]
    grouped = frame.groupby("hospital_id")
    out = pd.DataFrame({
        "days_since_call": (day - grouped["date"].max()).dt.days,
        "calls_4w": recent.groupby("hospital_id").size(),
        "usual_4w": grouped.size() * 28 / history_days,
        "doctors_8w": last8.groupby("hospital_id")["physician_id"].nunique(),
        "best_day_share": grouped["on_best_day"].mean(),
        "follow_up_share": grouped["followed"].mean(),
    })
    ids = [str(a) for a in accounts] if accounts is not None else sorted(out.index)
    out = out.reindex(ids)
    out.index.name = "hospital_id"
    out[["calls_4w", "doctors_8w"]] = out[["calls_4w", "doctors_8w"]].fillna(0).astype(int)
    out["usual_4w"] = out["usual_4w"].fillna(0).round(1)
    out[["best_day_share", "follow_up_share"]] = out[["best_day_share", "follow_up_share"]].fillna(0).round(3)
    never = out["days_since_call"].isna()
    out["days_since_call"] = out["days_since_call"].fillna(-1).astype(int)
    out["regular"] = ~never & (out["days_since_call"] <= max_days)
    out["steady"] = ~never & (out["calls_4w"] >= ratio * out["usual_4w"] - 1e-9)
    out["broad"] = out["doctors_8w"] >= min_doctors
    out["well_timed"] = ~never & (out["best_day_share"] >= best_share - 1e-9)
    out["followed"] = ~never & (out["follow_up_share"] >= follow_share - 1e-9)
    checks = list(HEALTH_CHECKS)
    out["passed"] = out[checks].sum(axis=1).astype(int)
    out["status"] = [status_for(int(n)) for n in out["passed"]]
    out["to_work_on"] = [[c for c in checks if not row[c]] for _i, row in out[checks].iterrows()]
    out = out.reset_index().sort_values(["passed", "hospital_id"], kind="stable").reset_index(drop=True)
    return out
