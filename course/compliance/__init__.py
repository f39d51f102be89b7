"""Compliance today (合规): the rules a representative works under, and cases to sort.

The training material predates China's 2020 rules for pharmaceutical
representatives. The course teaches the material's methods and says, in a
compliance block in each lesson, where each stands today; this package holds
the rules it names (:mod:`course.compliance.rules`) and the cases of the case
sorter (:mod:`course.compliance.cases`). Pure data and pure functions.
"""

from __future__ import annotations

from course.compliance.cases import (
    CASES,
    VERDICTS,
    Case,
    CaseMark,
    SortResult,
    parse_verdict,
    sort_cases,
)
from course.compliance.rules import NMPA_PROHIBITED, RULES, Prohibition, Rule, rule

__all__ = [
    "CASES",
    "NMPA_PROHIBITED",
    "RULES",
    "VERDICTS",
    "Case",
    "CaseMark",
    "Prohibition",
    "Rule",
    "SortResult",
    "parse_verdict",
    "rule",
    "sort_cases",
]
