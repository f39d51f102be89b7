"""Goals, SMART and management by objectives (目标管理).

- :mod:`course.goals.smart` — a structured :class:`Goal` judged letter by letter
  (the training material's Specific, Measurable, Ambitious, Realistic, Timed; Doran's
  Assignable or the common Achievable selectable);
- :mod:`course.goals.coach` — the same verdicts for a goal written in words,
  English or Chinese, with what to fix;
- :mod:`course.goals.objectives` — call objectives: at least 3 per call, each SMART;
- :mod:`course.goals.quota` — cascading a target to territories and accounts,
  phasing into months, closing the gap to the quota;
- :mod:`course.goals.fairness` — whether attainment depends on territory size or growth;
- :mod:`course.goals.territory` — quota inputs from the sample territory;
- :mod:`course.goals.mbo` — the training material's points on goals, MBO, quotas and implementation.

Examples
--------
>>> from datetime import date
>>> from course.goals import coach_goal
>>> coach_goal("尽量提高销量", today=date(2026, 3, 2)).failed
('S', 'M', 'T')
"""

from __future__ import annotations

from course.goals.coach import FLAGS, CoachReport, coach_goal
from course.goals.deadlines import Deadline, find_deadline
from course.goals.fairness import (
    FAIRNESS_THRESHOLD,
    FairnessReport,
    backtest_allocation,
    correlation,
    fairness_check,
)
from course.goals.mbo import (
    BREAKDOWN,
    IMPLEMENTATION,
    MBO_KINDS,
    MBO_PRINCIPLES,
    QUOTA_FACTORS,
    QUOTA_RULES,
    QUOTA_STEPS,
    WHY_GOALS,
)
from course.goals.objectives import (
    MIN_OBJECTIVES,
    CallObjectivesReport,
    ObjectiveCheck,
    audit_call_objectives,
    check_call_objectives,
    split_objectives,
)
from course.goals.quantities import Amounts, Quantity, find_amounts, find_quantities
from course.goals.quota import (
    GapPlan,
    QuotaCascade,
    allocate_quota,
    blend_shares,
    cascade_quota,
    largest_remainder,
    phase_into_months,
    phase_quotas,
    plan_to_quota,
    seasonality,
    stretch_target,
)
from course.goals.smart import (
    LETTER_NAMES,
    VARIANTS,
    VERDICTS,
    Goal,
    LetterVerdict,
    SmartThresholds,
    SmartVerdict,
    assess_goal,
    stretch_of,
)
from course.goals.territory import account_potential, district_name, monthly_sales, quota_accounts

__all__ = [
    "BREAKDOWN",
    "FAIRNESS_THRESHOLD",
    "FLAGS",
    "IMPLEMENTATION",
    "LETTER_NAMES",
    "MBO_KINDS",
    "MBO_PRINCIPLES",
    "MIN_OBJECTIVES",
    "QUOTA_FACTORS",
    "QUOTA_RULES",
    "QUOTA_STEPS",
    "VARIANTS",
    "VERDICTS",
    "WHY_GOALS",
    "Amounts",
    "CallObjectivesReport",
    "CoachReport",
    "Deadline",
    "FairnessReport",
    "GapPlan",
    "Goal",
    "LetterVerdict",
    "ObjectiveCheck",
    "Quantity",
    "QuotaCascade",
    "SmartThresholds",
    "SmartVerdict",
    "account_potential",
    "allocate_quota",
    "assess_goal",
    "audit_call_objectives",
    "backtest_allocation",
    "blend_shares",
    "cascade_quota",
    "check_call_objectives",
    "coach_goal",
    "correlation",
    "district_name",
    "fairness_check",
    "find_amounts",
    "find_deadline",
    "find_quantities",
    "largest_remainder",
    "monthly_sales",
    "phase_into_months",
    "phase_quotas",
    "plan_to_quota",
    "quota_accounts",
    "seasonality",
    "split_objectives",
    "stretch_of",
    "stretch_target",
]
