"""Marketing and portfolio: BCG, product life cycle, adopter categories (市场营销与产品组合).

- :mod:`course.portfolio.marketing` — the three questions and the strategic objectives
- :mod:`course.portfolio.bcg` — the BCG growth-share matrix
- :mod:`course.portfolio.lifecycle` — life-cycle stage from a sales series
- :mod:`course.portfolio.adopters` — Rogers' adopter categories
- :mod:`course.portfolio.history` — the training material's 1994-1999 product history table

The lesson's quiz is in :mod:`course.quiz.portfolio`.
"""

from __future__ import annotations

from course.portfolio.adopters import (
    ADOPTER_CATEGORIES,
    AdopterCategory,
    adopter_category,
    adopter_counts,
    classify_adopters,
)
from course.portfolio.bcg import (
    GROWTH_CUTOFF,
    QUADRANTS,
    SHARE_CUTOFF,
    Quadrant,
    bcg_quadrant,
    classify_portfolio,
    quadrant_info,
)
from course.portfolio.history import analyse_history, compound_growth, year_label
from course.portfolio.lifecycle import (
    STAGES,
    LifecycleRules,
    LifecycleStage,
    lifecycle_stage,
    lifecycle_table,
    sales_by_period,
    stage_by_product,
    years_on_market,
)
from course.portfolio.marketing import (
    OBJECTIVES,
    THREE_QUESTIONS,
    MarketingQuestion,
    StrategicObjective,
    strategic_objective,
)

__all__: list[str] = [
    "ADOPTER_CATEGORIES",
    "GROWTH_CUTOFF",
    "OBJECTIVES",
    "QUADRANTS",
    "SHARE_CUTOFF",
    "STAGES",
    "THREE_QUESTIONS",
    "AdopterCategory",
    "LifecycleRules",
    "LifecycleStage",
    "MarketingQuestion",
    "Quadrant",
    "StrategicObjective",
    "adopter_category",
    "adopter_counts",
    "analyse_history",
    "bcg_quadrant",
    "classify_adopters",
    "classify_portfolio",
    "compound_growth",
    "lifecycle_stage",
    "lifecycle_table",
    "quadrant_info",
    "sales_by_period",
    "stage_by_product",
    "strategic_objective",
    "year_label",
    "years_on_market",
]
