"""Key accounts (重点大客户): grading hospitals, choosing departments, scoring doctors.

* :mod:`~course.accounts.hospitals` — hospital grading (医院定级) into A / B / C;
* :mod:`~course.accounts.departments` — target departments (目标科室);
* :mod:`~course.accounts.status`, :mod:`~course.accounts.potential` and
  :mod:`~course.accounts.physicians` — the dual scoring (复式评分) of
  prescribing status and potential, call tiers;
* :mod:`~course.accounts.frequency` — calls a month per tier (A 4-8, B 2-4, C 1-2),
  which lesson 5's planning builds on;
* :mod:`~course.accounts.ladder` — the adoption ladder (产品接纳阶梯);
* :mod:`~course.accounts.kol` — key opinion leaders;
* :mod:`~course.accounts.deciles` — deciles by doctor count and by volume;
* :mod:`~course.accounts.customers` — service tiers, the information model,
  competition analysis.

The lesson's quiz is in :mod:`course.quiz.accounts`.
"""

from __future__ import annotations

from course.accounts.customers import (
    FIELD_LABELS,
    INFORMATION_MODEL,
    MANAGEMENT_PRINCIPLES,
    SERVICE_TIERS,
    CompetitionView,
    InfoLayer,
    ServiceTier,
    assess_competition,
    information_gaps,
    service_tier,
)
from course.accounts.deciles import DECILE_METHODS, add_deciles, compare_top_deciles, doctor_volume
from course.accounts.departments import (
    DepartmentWeights,
    department_potential,
    rank_departments,
)
from course.accounts.hospitals import (
    BED_BANDS,
    GRADES,
    LEVEL_POINTS,
    GradeCutoffs,
    HospitalGrade,
    HospitalWeights,
    VolumeScale,
    bed_band,
    grade_hospital,
    grade_hospitals,
)
from course.accounts.kol import (
    KOL_PREPARATION,
    KOL_STEPS,
    KOL_TYPES,
    KolWeights,
    kol_score,
    score_kols,
)
from course.accounts.ladder import STAGES, Stage, next_stage, stage, step_text
from course.accounts.physicians import (
    DEFAULT_GRID,
    POTENTIAL_CLASSES,
    PhysicianScore,
    PotentialCutoffs,
    physician_potential,
    potential_class,
    potential_cutoffs,
    score_physician,
    score_physicians,
    tier_for,
)
from course.accounts.status import (
    STATUS_SCALE,
    STATUS_TO_STAGE,
    StatusLevel,
    status_level,
    status_options,
)

__all__ = [
    "BED_BANDS",
    "DECILE_METHODS",
    "DEFAULT_GRID",
    "FIELD_LABELS",
    "GRADES",
    "INFORMATION_MODEL",
    "KOL_PREPARATION",
    "KOL_STEPS",
    "KOL_TYPES",
    "LEVEL_POINTS",
    "MANAGEMENT_PRINCIPLES",
    "POTENTIAL_CLASSES",
    "SERVICE_TIERS",
    "STAGES",
    "STATUS_SCALE",
    "STATUS_TO_STAGE",
    "CompetitionView",
    "DepartmentWeights",
    "GradeCutoffs",
    "HospitalGrade",
    "HospitalWeights",
    "InfoLayer",
    "KolWeights",
    "PhysicianScore",
    "PotentialCutoffs",
    "ServiceTier",
    "Stage",
    "StatusLevel",
    "VolumeScale",
    "add_deciles",
    "assess_competition",
    "bed_band",
    "compare_top_deciles",
    "department_potential",
    "doctor_volume",
    "grade_hospital",
    "grade_hospitals",
    "information_gaps",
    "kol_score",
    "next_stage",
    "physician_potential",
    "potential_class",
    "potential_cutoffs",
    "rank_departments",
    "score_kols",
    "score_physician",
    "score_physicians",
    "service_tier",
    "stage",
    "status_level",
    "status_options",
    "step_text",
    "tier_for",
]
