"""Call planning: frequency by tier, cycle and daily plans, call allocation (拜访计划)."""

from __future__ import annotations

from course.planning.frequency import DEFAULT_FREQUENCIES, TIERS, CallFrequency, calls_per_month

__all__: list[str] = ["DEFAULT_FREQUENCIES", "TIERS", "CallFrequency", "calls_per_month"]
