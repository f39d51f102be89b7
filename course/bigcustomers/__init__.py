"""Big customers (大客户): choosing them, negotiating with them, keeping the relationship.

* :mod:`~course.bigcustomers.material` — the decks' lists: what a big customer is,
  its traits and value, the challenges, the risk to the relationship, the
  management methods, the sales process, relationship upkeep;
* :mod:`~course.bigcustomers.choose` — choosing the big customers of a territory;
* :mod:`~course.bigcustomers.negotiation` — preparing a negotiation, within the rules;
* :mod:`~course.bigcustomers.health` — a relationship-health check from the call history;
* :mod:`~course.bigcustomers.etiquette` — telephone and office etiquette;
* :mod:`~course.bigcustomers.team` — the senior representative's six requirements and
  the more important resources (上级, 友邻部门).

The lesson's quiz is in :mod:`course.quiz.bigcustomers`.
"""

from __future__ import annotations

from course.bigcustomers.choose import INFLUENTIAL_LEVELS, ChoiceRules, choose_big_customers
from course.bigcustomers.etiquette import OFFICE, TELEPHONE, CallReview, review_call
from course.bigcustomers.health import (
    HEALTH_CHECKS,
    STATUSES,
    HealthRules,
    assess_relationship,
    relationship_health,
    status_for,
)
from course.bigcustomers.material import (
    BEST_PRACTICES,
    CHALLENGES,
    COMMUNICATION,
    CRM_NOT,
    CRM_PRINCIPLES_KEPT,
    DECK_OUTLINE,
    DEFINITION,
    MAINTENANCE,
    MANAGEMENT_METHODS,
    OPPORTUNITIES,
    RISK,
    RISK_RESPONSES,
    SALES_PROCESS,
    SUCCESS_CASE_OUTLOOK,
    TRAITS,
    VALUE,
)
from course.bigcustomers.negotiation import (
    ASKS,
    INTERESTS,
    MATERIAL_PERSUASION,
    OFFERS,
    PREPARATION,
    PRINCIPLES,
    Item,
    NegotiationSheet,
    prepare_negotiation,
)
from course.bigcustomers.team import MORE_RESOURCES, SENIOR_REQUIREMENTS, requirements_to_build

__all__ = [
    "ASKS",
    "BEST_PRACTICES",
    "CHALLENGES",
    "COMMUNICATION",
    "CRM_NOT",
    "CRM_PRINCIPLES_KEPT",
    "DECK_OUTLINE",
    "DEFINITION",
    "HEALTH_CHECKS",
    "INFLUENTIAL_LEVELS",
    "INTERESTS",
    "MAINTENANCE",
    "MANAGEMENT_METHODS",
    "MATERIAL_PERSUASION",
    "MORE_RESOURCES",
    "OFFERS",
    "OFFICE",
    "OPPORTUNITIES",
    "PREPARATION",
    "PRINCIPLES",
    "RISK",
    "RISK_RESPONSES",
    "SALES_PROCESS",
    "SENIOR_REQUIREMENTS",
    "STATUSES",
    "SUCCESS_CASE_OUTLOOK",
    "TELEPHONE",
    "TRAITS",
    "VALUE",
    "CallReview",
    "ChoiceRules",
    "HealthRules",
    "Item",
    "NegotiationSheet",
    "assess_relationship",
    "choose_big_customers",
    "prepare_negotiation",
    "relationship_health",
    "requirements_to_build",
    "review_call",
    "status_for",
]
