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
- :mod:`course.checks` — friendly self-checks for the graded exercises

Examples
--------
>>> import course
>>> course.set_language("en")
>>> course.get_language()
'en'
"""

from __future__ import annotations

from course.errors import CourseInputError
from course.i18n import get_language, set_language

__all__ = ["CourseInputError", "get_language", "set_language"]
__version__ = "0.1.0"
