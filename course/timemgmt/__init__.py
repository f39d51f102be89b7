"""Time management (时间管理): the training material's time wasters, Drucker's time log, the
urgent/important matrix, begin with the end in mind, big rocks first, the 80/20
rule and the planning checklists.

Examples
--------
>>> from course.timemgmt import quadrant, hourly_value
>>> quadrant(important=True, urgent=False)
'B'
>>> round(hourly_value(12_000, 176), 2)
68.18
"""

from __future__ import annotations

from course.i18n import Text
from course.timemgmt.bigrocks import PLACEMENT_ORDER, WeekPlan, plan_week
from course.timemgmt.decide import ACTIONS, CONSEQUENCES, QUESTIONS, Decision, decide
from course.timemgmt.matrix import (
    QUADRANT_CODES,
    QUADRANTS,
    Quadrant,
    classify,
    describe,
    matrix_layout,
    quadrant,
    time_per_quadrant,
)
from course.timemgmt.pareto import ParetoResult, abc_analysis, pareto_sales, sales_by_account
from course.timemgmt.plan import (
    CALLS_PER_DAY,
    DAILY_CALL_PLAN,
    LADDER,
    MIN_OBJECTIVES_PER_CALL,
    MONTHLY_PLAN,
    PHILOSOPHY,
    PLAN_QUESTIONS,
    WEEKLY_PLAN_TIPS,
)
from course.timemgmt.timelog import (
    CATEGORIES,
    CATEGORY_NAMES,
    DRUCKER_STEPS,
    DRUCKER_STEPS_ORIGINAL,
    TimeLogSummary,
    activity_cost,
    analyse_timelog,
    hourly_value,
    named_log,
    validate_timelog,
    working_hours,
)
from course.timemgmt.wasters import EXTRA_WASTERS, TEN_WASTERS, WASTER_INFO, TimeWaster, waster

__all__ = [
    "ACTIONS",
    "CALLS_PER_DAY",
    "CATEGORIES",
    "CATEGORY_NAMES",
    "CONSEQUENCES",
    "DAILY_CALL_PLAN",
    "DRUCKER_STEPS",
    "DRUCKER_STEPS_ORIGINAL",
    "EXTRA_WASTERS",
    "LADDER",
    "MIN_OBJECTIVES_PER_CALL",
    "MONTHLY_PLAN",
    "PHILOSOPHY",
    "PLACEMENT_ORDER",
    "PLAN_QUESTIONS",
    "QUADRANTS",
    "QUADRANT_CODES",
    "QUESTIONS",
    "TEN_WASTERS",
    "WASTER_INFO",
    "WEEKLY_PLAN_TIPS",
    "Decision",
    "ParetoResult",
    "Quadrant",
    "Text",
    "TimeLogSummary",
    "TimeWaster",
    "WeekPlan",
    "abc_analysis",
    "activity_cost",
    "analyse_timelog",
    "classify",
    "decide",
    "describe",
    "hourly_value",
    "matrix_layout",
    "named_log",
    "pareto_sales",
    "plan_week",
    "quadrant",
    "sales_by_account",
    "time_per_quadrant",
    "validate_timelog",
    "waster",
    "working_hours",
]
