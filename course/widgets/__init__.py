"""Interactive widgets: thin shells that wire controls to the course library.

Each works on the sample territory by default and on your own data when given,
speaks English or Chinese (``course.set_language``), and shows bad input as a
message inside the widget.
"""

from __future__ import annotations

from course.widgets.accounts import AccountsSelfCheck, HospitalGrader, PhysicianScorecard
from course.widgets.bigcustomers import (
    BigCustomersSelfCheck,
    NegotiationPlanner,
    RelationshipHealthCheck,
)
from course.widgets.compliance import CaseSorter
from course.widgets.goals import GoalsSelfCheck, QuotaAllocator, SmartCoach
from course.widgets.planning import CallPlanner, PlanningSelfCheck
from course.widgets.portfolio import PortfolioExplorer, PortfolioSelfCheck
from course.widgets.professional import ProfessionalSelfCheck, WheelOfLife
from course.widgets.time import QuadrantQuiz, TimeMatrixBoard

__all__ = [
    "AccountsSelfCheck",
    "BigCustomersSelfCheck",
    "CallPlanner",
    "CaseSorter",
    "GoalsSelfCheck",
    "HospitalGrader",
    "NegotiationPlanner",
    "PhysicianScorecard",
    "PlanningSelfCheck",
    "PortfolioExplorer",
    "PortfolioSelfCheck",
    "ProfessionalSelfCheck",
    "QuadrantQuiz",
    "QuotaAllocator",
    "RelationshipHealthCheck",
    "SmartCoach",
    "TimeMatrixBoard",
    "WheelOfLife",
]
