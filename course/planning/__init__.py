"""Call planning: frequency by tier, cycle and daily plans, call allocation (拜访计划).

- call frequency by tier (A 4-8, B 2-4, C 1-2), re-exported from
  :mod:`course.accounts.frequency`, where the dual scoring that gives the tiers uses it;
- :mod:`~course.planning.cycle` — a month's plan for one rep (working days, 10-15 calls a day);
- :mod:`~course.planning.daily` — one day's plan: who, when, in which order, why;
- :mod:`~course.planning.capacity` — remaining calls, capacity, utilisation, reach;
- :mod:`~course.planning.callplan` — response curves and allocation by marginal return;
- :mod:`~course.planning.call_steps` — the steps of a call, objectives per stage, meetings;
- :mod:`~course.planning.notes` — the sample's call notes in the language in force;
- :mod:`~course.planning.targets` — a rep's target list: one row per doctor with his tier.
"""

from __future__ import annotations

from course.accounts.frequency import (
    DEFAULT_FREQUENCIES,
    LEVELS,
    TIERS,
    CallFrequency,
    calls_per_month,
    check_frequencies,
    planned_calls,
)
from course.planning.call_steps import (
    CALL_STEPS,
    GENERIC_OBJECTIVES,
    LOYALTY,
    MEETING_CHECKLIST,
    RELATIONSHIP_PRACTICES,
    ROOM_LAYOUTS,
    STAGE_OBJECTIVES,
    CallStep,
    MeetingItem,
    missing_meeting_items,
    objectives_for_stage,
)
from course.planning.callplan import (
    DEFAULT_ACCOUNTS,
    Allocation,
    CallAccount,
    ResponseCurve,
    allocate_calls,
    calibrate,
    response_table,
)
from course.planning.capacity import (
    CycleMeasures,
    calls_made,
    capacity,
    cycle_measures,
    reach,
    remaining_calls,
    utilisation,
)
from course.planning.cycle import (
    DEFAULT_SLOT_CAPACITY,
    MATERIAL_CALLS_PER_DAY,
    US_CALLS_PER_DAY,
    CallsPerDay,
    CyclePlan,
    plan_cycle,
    working_days,
)
from course.planning.daily import (
    DAILY_CALL_PLAN,
    MIN_OBJECTIVES,
    PLAN_QUESTIONS,
    carried_objectives,
    plan_day,
    select_calls,
)
from course.planning.inputs import check_doctors
from course.planning.targets import best_tier_per_doctor, rep_targets

__all__: list[str] = [
    "CALL_STEPS",
    "DAILY_CALL_PLAN",
    "DEFAULT_ACCOUNTS",
    "DEFAULT_FREQUENCIES",
    "DEFAULT_SLOT_CAPACITY",
    "GENERIC_OBJECTIVES",
    "LEVELS",
    "LOYALTY",
    "MATERIAL_CALLS_PER_DAY",
    "MEETING_CHECKLIST",
    "MIN_OBJECTIVES",
    "PLAN_QUESTIONS",
    "RELATIONSHIP_PRACTICES",
    "ROOM_LAYOUTS",
    "STAGE_OBJECTIVES",
    "TIERS",
    "US_CALLS_PER_DAY",
    "Allocation",
    "CallAccount",
    "CallFrequency",
    "CallStep",
    "CallsPerDay",
    "CycleMeasures",
    "CyclePlan",
    "MeetingItem",
    "ResponseCurve",
    "allocate_calls",
    "best_tier_per_doctor",
    "calibrate",
    "calls_made",
    "calls_per_month",
    "capacity",
    "carried_objectives",
    "check_doctors",
    "check_frequencies",
    "cycle_measures",
    "missing_meeting_items",
    "objectives_for_stage",
    "plan_cycle",
    "plan_day",
    "planned_calls",
    "reach",
    "remaining_calls",
    "rep_targets",
    "response_table",
    "select_calls",
    "utilisation",
    "working_days",
]
