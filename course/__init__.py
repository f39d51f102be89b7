"""A Jupyter course for pharmaceutical sales representatives (医药代表培训).

The package holds the domain logic every lesson, widget and exercise uses:

- :mod:`course.professional` — survey figures, wheel of life (职业素养)
- :mod:`course.timemgmt` — time wasters, time log, the urgent/important matrix (时间管理)
- :mod:`course.goals` — SMART goals, management by objectives, quotas (目标管理)
- :mod:`course.accounts` — hospital grading, physician dual scoring, KOLs (重点大客户)
- :mod:`course.planning` — call frequency, cycle and daily plans, call allocation (拜访计划)
- :mod:`course.portfolio` — BCG, product life cycle, adopter categories (产品组合)
- :mod:`course.data` — the sample territory and loading your own CSVs
- :mod:`course.plots`, :mod:`course.widgets` — pictures and interactive tools
- :mod:`course.checks` — the graded exercises' checks of an answer (练习自测)
- :mod:`course.quiz` — each lesson's quiz (not graded), answered by the library
- :mod:`course.grading` — the instructor's cohort grader (``course grade``)

Notebooks print their own lines with :func:`course.tr` (translated, values filled in).

The most used functions are also available here, e.g. ``course.quadrant``.

Examples
--------
>>> import course
>>> course.set_language("en")
>>> course.quadrant(important=True, urgent=False)
'B'
>>> str(course.bcg_quadrant(0.15, 1.4).name)
'Star'
"""

from __future__ import annotations

from course import accounts, compliance, data, goals, planning, portfolio, professional, timemgmt
from course.accounts import grade_hospitals, score_physicians
from course.checks import check, check_format
from course.data import load_sample, load_territory, read_table
from course.errors import CourseInputError
from course.goals import allocate_quota, assess_goal, coach_goal
from course.i18n import get_language, set_language, tr
from course.planning import plan_cycle, plan_day
from course.portfolio import bcg_quadrant, classify_portfolio
from course.professional import assess_wheel
from course.timemgmt import analyse_timelog, quadrant

__all__ = [
    "CourseInputError",
    "accounts",
    "allocate_quota",
    "analyse_timelog",
    "assess_goal",
    "assess_wheel",
    "bcg_quadrant",
    "check",
    "check_format",
    "classify_portfolio",
    "coach_goal",
    "compliance",
    "data",
    "get_language",
    "goals",
    "grade_hospitals",
    "load_sample",
    "load_territory",
    "plan_cycle",
    "plan_day",
    "planning",
    "portfolio",
    "professional",
    "quadrant",
    "read_table",
    "score_physicians",
    "set_language",
    "timemgmt",
    "tr",
]
__version__ = "0.1.0"
