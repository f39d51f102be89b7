"""Interactive widgets: thin shells that wire controls to the course library.

Each works on the sample territory by default and on your own data when given,
speaks English or Chinese (``course.set_language``), and shows bad input as a
message inside the widget.
"""

from __future__ import annotations

from course.widgets.accounts import AccountsQuiz, HospitalGrader, PhysicianScorecard
from course.widgets.bigcustomers import (
    BigCustomersQuiz,
    NegotiationPlanner,
    RelationshipHealthCheck,
)
from course.widgets.compliance import CaseSorter
from course.widgets.goals import GoalsQuiz, QuotaAllocator, SmartCoach
from course.widgets.planning import CallPlanner, PlanningQuiz
from course.widgets.portfolio import PortfolioExplorer, PortfolioQuiz
from course.widgets.professional import ProfessionalQuiz, WheelOfLife
from course.widgets.time import QuadrantQuiz, TimeMatrixBoard

__all__ = [
    "AccountsQuiz",
    "BigCustomersQuiz",
    "CallPlanner",
    "CaseSorter",
    "GoalsQuiz",
    "HospitalGrader",
    "NegotiationPlanner",
    "PhysicianScorecard",
    "PlanningQuiz",
    "PortfolioExplorer",
    "PortfolioQuiz",
    "ProfessionalQuiz",
    "QuadrantQuiz",
    "QuotaAllocator",
    "RelationshipHealthCheck",
    "SmartCoach",
    "TimeMatrixBoard",
    "WheelOfLife",
]
