"""One day's call plan (日计划), the way the training material asks a rep to build it.

Every daily or weekly plan answers the material's six questions
(:data:`PLAN_QUESTIONS`, the same constant as :data:`course.timemgmt.PLAN_QUESTIONS`:
results, actions and priorities of the work plan; estimated time, schedule and
buffer of the time plan — 你可用同样的6个问题来建立每日计划或每周计划). The daily
call plan adds its own checklist (:data:`DAILY_CALL_PLAN`, the same constant as
:data:`course.timemgmt.DAILY_CALL_PLAN`): which doctors (a budget of 10-15), who
they are, the best time to visit, where they are, the purpose (at least 3
objectives a call) and the notes of the last call.

The rules, simple enough to apply by hand:

1. **Which doctors** — from the candidates, tier A before B before C; among equal
   tiers, doctors whose best weekday is that day first; then by code.
2. **When** — each doctor in his best slot (morning, noon, afternoon); when a slot
   is full the lowest-priority doctors move to the nearest slot with room.
3. **Where, in which order** — slot by slot, go to the nearest hospital from where
   you are (the day starts at the city centre unless told otherwise) and see all
   its doctors in that slot, A first; then the next nearest hospital.
4. **Why** — the last call's ``next_objective`` is carried over first, then the
   three objectives of the doctor's adoption-ladder stage.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import numpy as np
import pandas as pd

from course.accounts.frequency import TIERS
from course.data.schema import SLOTS, WEEKDAYS
from course.errors import CourseInputError, Phrase, Problem
from course.i18n import _, choose
from course.inputs import check_columns, check_int, check_number
from course.inputs.phrases import A_DATE, one_of
from course.planning.call_steps import GENERIC_OBJECTIVES, objectives_for_stage
from course.planning.cycle import MATERIAL_CALLS_PER_DAY, CallsPerDay
from course.planning.inputs import check_doctors, slot_capacities, with_positions
from course.planning.notes import call_note
from course.timemgmt.plan import DAILY_CALL_PLAN, PLAN_QUESTIONS

__all__ = [
    "DAILY_CALL_PLAN",
    "MIN_OBJECTIVES",
    "PLAN_QUESTIONS",
    "carried_objectives",
    "plan_day",
    "select_calls",
]

MIN_OBJECTIVES = 3
"""The training material: at least 3 objectives a call (最少3项目的)."""

_TIER_RANK = {tier: rank for rank, tier in enumerate(TIERS)}


def select_calls(
    candidates: pd.DataFrame, calls: int, *, day: date | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split ``candidates`` into the ``calls`` doctors to see and those left out.

    Priority: tier (A first), then doctors whose ``best_day`` is ``day``, then code.

    Examples
    --------
    >>> candidates = pd.DataFrame({"physician_id": ["D1", "D2", "D3"], "hospital_id": ["H1"] * 3,
    ...                            "tier": ["C", "A", "C"], "best_day": ["Mon", "Tue", "Tue"]})
    >>> chosen, left = select_calls(candidates, 2, day=date(2026, 3, 3))  # a Tuesday
    >>> chosen["physician_id"].tolist(), left["physician_id"].tolist()
    (['D2', 'D3'], ['D1'])
    """
    check_doctors(candidates)
    n = check_int("calls", calls, low=0)
    rank = candidates["tier"].map(_TIER_RANK)
    if rank.isna().any():
        raise CourseInputError(
            Problem("tier", v, one_of(TIERS), row=i + 1)
            for i, v in enumerate(candidates["tier"]) if v not in _TIER_RANK
        )
    if day is not None and "best_day" in candidates.columns and day.weekday() < 5:
        not_best = (candidates["best_day"] != WEEKDAYS[day.weekday()]).astype(int)
    else:
        not_best = pd.Series(0, index=candidates.index)
    order = np.lexsort((candidates["physician_id"].astype(str).to_numpy(),
                        not_best.to_numpy(), rank.to_numpy()))
    ranked = candidates.iloc[order]
    return ranked.iloc[:n].reset_index(drop=True), ranked.iloc[n:].reset_index(drop=True)


def carried_objectives(last_calls: pd.DataFrame, product: str | None = None) -> pd.DataFrame:
    """The latest call per physician with its ``next_objective`` (to carry over).

    Examples
    --------
    >>> calls = pd.DataFrame({"physician_id": ["D1", "D1", "D2"],
    ...                       "date": ["2026-02-03", "2026-02-20", "2026-02-10"],
    ...                       "next_objective": ["Send the study", "Review 3 trial patients", None]})
    >>> carried_objectives(calls)[["physician_id", "last_call", "next_objective"]]
      physician_id   last_call           next_objective
    0           D1  2026-02-20  Review 3 trial patients
    1           D2  2026-02-10                      NaN
    """
    check_columns("last_calls", last_calls, ["physician_id", "date", "next_objective"])
    frame = last_calls
    if product is not None and "product" in frame.columns:
        frame = frame.loc[frame["product"] == product]
    when = pd.to_datetime(frame["date"], errors="coerce")
    if when.isna().any():
        raise CourseInputError(
            Problem("date", raw, A_DATE, row=i + 1)
            for i, (raw, bad) in enumerate(zip(frame["date"], when.isna(), strict=True)) if bad
        )
    latest = frame.assign(_when=when).sort_values(["physician_id", "_when"]).groupby("physician_id").tail(1)
    result = pd.DataFrame({
        "physician_id": latest["physician_id"].to_numpy(),
        "last_call": [w.date().isoformat() for w in latest["_when"]],
        "next_objective": latest["next_objective"].where(
            latest["next_objective"].astype(str).str.strip().ne("") & latest["next_objective"].notna()
        ).to_numpy(),
    })
    return result.reset_index(drop=True)


def _assign_slots(chosen: pd.DataFrame, capacity: Mapping[str, int]) -> tuple[list[str], list[bool]]:
    """Best slot when it has room, else the nearest slot with room (A doctors keep theirs first)."""
    room = dict(capacity)
    slot: list[str] = [""] * len(chosen)
    kept: list[bool] = [True] * len(chosen)
    best = chosen["best_slot"] if "best_slot" in chosen.columns else pd.Series([None] * len(chosen))
    known = [i for i, b in enumerate(best) if isinstance(b, str)]
    flexible = [i for i, b in enumerate(best) if not isinstance(b, str)]
    for i in known:
        wanted = SLOTS.index(best.iloc[i])
        by_distance = sorted(range(len(SLOTS)), key=lambda s: (abs(s - wanted), -s))
        choice = next(s for s in by_distance if room[SLOTS[s]] > 0)
        slot[i] = SLOTS[choice]
        kept[i] = choice == wanted
        room[SLOTS[choice]] -= 1
    hospitals = chosen["hospital_id"].tolist()
    for i in flexible:
        same = [s for s in SLOTS if room[s] > 0 and any(
            slot[j] == s and hospitals[j] == hospitals[i] for j in range(len(chosen)))]
        choice_name = same[0] if same else next(s for s in SLOTS if room[s] > 0)
        slot[i] = choice_name
        room[choice_name] -= 1
    return slot, kept


def plan_day(
    candidates: pd.DataFrame,
    *,
    calls: int | None = None,
    day: date | None = None,
    calls_per_day: CallsPerDay = MATERIAL_CALLS_PER_DAY,
    hospitals: pd.DataFrame | None = None,
    last_calls: pd.DataFrame | None = None,
    product: str | None = None,
    start: tuple[float, float] = (0.0, 0.0),
    slot_capacity: Mapping[str, int] | None = None,
) -> pd.DataFrame:
    """Plan one day's calls: who, in which slot, in which order, and why.

    Parameters
    ----------
    candidates
        Doctors due: ``physician_id``, ``hospital_id``, ``tier``; optionally
        ``best_day``, ``best_slot``, ``adoption_stage`` (0-4), ``x_km``/``y_km``,
        ``name_en``/``name_zh``.
    calls
        How many calls (default the daily target, 12); must lie in ``calls_per_day``.
    day
        The date planned (its weekday favours doctors whose best day it is).
    hospitals
        Table with ``hospital_id``, ``x_km``, ``y_km`` (and names) for the route.
    last_calls
        Call history with ``physician_id``, ``date``, ``next_objective`` (and
        ``product``): the last call's next objective is carried over.
    product
        The product discussed (filters ``last_calls``).
    start
        Where the day starts, in km (default the city centre).
    slot_capacity
        Calls per slot (default morning 6, noon 3, afternoon 6).

    Returns
    -------
    pandas.DataFrame
        One row per call in visiting order: ``order``, ``slot``, ``hospital_id``,
        ``physician_id``, ``tier``, ``on_best_slot``, ``travel_km`` (from the previous
        stop, when positions are known), ``last_call``, ``objectives`` (joined by
        "; ") and ``n_objectives`` (at least 3), plus names when known.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> hospitals = pd.DataFrame({"hospital_id": ["H1", "H2"], "x_km": [5.0, 1.0], "y_km": [0.0, 0.0]})
    >>> candidates = pd.DataFrame({
    ...     "physician_id": ["D1", "D2", "D3", "D4"], "hospital_id": ["H1", "H2", "H1", "H2"],
    ...     "tier": ["A", "B", "B", "C"], "best_slot": ["morning", "morning", "afternoon", "morning"],
    ...     "adoption_stage": [2, 1, 0, 3]})
    >>> plan = plan_day(candidates, calls=10, calls_per_day=CallsPerDay(1, 15, 12), hospitals=hospitals)
    >>> plan[["order", "slot", "hospital_id", "physician_id", "travel_km", "n_objectives"]]
       order       slot hospital_id physician_id  travel_km  n_objectives
    0      1    morning          H2           D2        1.0             3
    1      2    morning          H2           D4        0.0             3
    2      3    morning          H1           D1        4.0             3
    3      4  afternoon          H1           D3        0.0             3
    >>> plan.loc[0, "objectives"].split("; ")[0]
    'Agree the type of patient on whom to try the product first'
    """
    check_doctors(candidates)
    if not isinstance(calls_per_day, CallsPerDay):
        raise CourseInputError.single("calls_per_day", calls_per_day, Phrase("a CallsPerDay(low, high, target)"))
    n = calls_per_day.target if calls is None else check_int(
        "calls", calls, low=calls_per_day.low, high=calls_per_day.high)
    capacity = slot_capacities(slot_capacity)
    if n > sum(capacity.values()):
        raise CourseInputError.single(
            "calls", n, Phrase("at most {most} (the calls the day's slots hold)", most=sum(capacity.values())))
    x0 = check_number("start (x_km)", start[0])
    y0 = check_number("start (y_km)", start[1])
    chosen, _left = select_calls(candidates, n, day=day)
    located = with_positions(chosen, hospitals)
    if located is not None:
        chosen = located.reset_index(drop=True)
    slot, kept = _assign_slots(chosen, capacity)
    chosen = chosen.assign(slot=slot, on_best_slot=kept)
    if "best_slot" not in chosen.columns:
        chosen = chosen.assign(on_best_slot=pd.array([None] * len(chosen), dtype="boolean"))

    rows: list[int] = []
    travel: list[float] = []
    here = (x0, y0)
    rank = chosen["tier"].map(_TIER_RANK).to_numpy()
    codes = chosen["physician_id"].astype(str).tolist()
    hospital_of = chosen["hospital_id"].tolist()
    slot_of = chosen["slot"].tolist()
    where: dict[object, tuple[float, float]] = {}
    if located is not None:
        for h, x, y in zip(hospital_of, chosen["x_km"], chosen["y_km"], strict=True):
            where.setdefault(h, (float(x), float(y)))
    for s in SLOTS:
        in_slot = [i for i, slot_name in enumerate(slot_of) if slot_name == s]
        todo = sorted({hospital_of[i] for i in in_slot}, key=str)
        while todo:
            if located is not None:
                gaps = {h: float(np.hypot(where[h][0] - here[0], where[h][1] - here[1])) for h in todo}
                h = min(todo, key=lambda k: (round(gaps[k], 9), str(k)))
                step, here = gaps[h], where[h]
            else:
                h, step = todo[0], float("nan")
            todo.remove(h)
            members = sorted((i for i in in_slot if hospital_of[i] == h), key=lambda i: (rank[i], codes[i]))
            for j, i in enumerate(members):
                rows.append(i)
                travel.append(step if j == 0 else 0.0)

    plan = chosen.iloc[rows].reset_index(drop=True)
    plan.insert(0, "order", np.arange(1, len(plan) + 1))
    if located is not None:
        plan = plan.assign(travel_km=np.round(travel, 2))
    plan = _with_objectives(plan, last_calls, product)
    return _readable(plan, hospitals)


def _with_objectives(plan: pd.DataFrame, last_calls: pd.DataFrame | None, product: str | None) -> pd.DataFrame:
    if last_calls is not None:
        carried = carried_objectives(last_calls, product).set_index("physician_id")
        last = plan["physician_id"].map(carried["last_call"])
        follow = plan["physician_id"].map(carried["next_objective"])
    else:
        last = pd.Series([None] * len(plan), dtype=object)
        follow = pd.Series([None] * len(plan), dtype=object)
    stages = plan["adoption_stage"] if "adoption_stage" in plan.columns else pd.Series([None] * len(plan))
    follow_up = _("Follow up: {objective}")
    texts: list[str] = []
    counts: list[int] = []
    for stage, carry in zip(stages, follow, strict=True):
        items = [follow_up.format(objective=call_note(carry))] if isinstance(carry, str) and carry.strip() else []
        ladder = GENERIC_OBJECTIVES if stage is None or pd.isna(stage) else objectives_for_stage(int(stage))
        items += [str(o) for o in ladder[:MIN_OBJECTIVES]]
        texts.append("; ".join(items))
        counts.append(len(items))
    return plan.assign(last_call=last.to_numpy(), objectives=texts, n_objectives=counts)


def _readable(plan: pd.DataFrame, hospitals: pd.DataFrame | None) -> pd.DataFrame:
    """Keep the columns a rep reads, names in the language in force."""
    name = choose("name_en", "name_zh")
    if hospitals is not None and {"name_en", "name_zh"} <= set(hospitals.columns):
        names = hospitals.drop_duplicates("hospital_id").set_index("hospital_id")[name]
        plan = plan.assign(hospital=plan["hospital_id"].map(names))
    if {"name_en", "name_zh"} <= set(plan.columns):
        plan = plan.assign(physician=plan[name])
    wanted = ["order", "slot", "hospital_id", "hospital", "physician_id", "physician", "tier",
              "best_slot", "on_best_slot", "travel_km", "last_call", "objectives", "n_objectives"]
    return plan[[c for c in wanted if c in plan.columns]]
