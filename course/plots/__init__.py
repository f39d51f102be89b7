"""Plots: functions that take data and an optional Axes and return the Axes.

None calls ``plt.show()``; in a notebook the returned Axes' figure is shown.
Chinese labels are drawn with a CJK font when one is installed.
"""

from __future__ import annotations

from course.plots.accounts import plot_hospital_grades, plot_status_potential
from course.plots.goals import plot_fairness, plot_monthly_quota, plot_quota_split, plot_smart_board
from course.plots.planning import plot_call_calendar, plot_response_curves
from course.plots.portfolio import plot_bcg, plot_lifecycle, plot_product_history
from course.plots.professional import plot_survey, plot_wheel
from course.plots.time import plot_pareto, plot_quadrants, plot_time_breakdown

__all__ = [
    "plot_bcg",
    "plot_call_calendar",
    "plot_fairness",
    "plot_hospital_grades",
    "plot_lifecycle",
    "plot_monthly_quota",
    "plot_pareto",
    "plot_product_history",
    "plot_quadrants",
    "plot_quota_split",
    "plot_response_curves",
    "plot_smart_board",
    "plot_status_potential",
    "plot_survey",
    "plot_time_breakdown",
    "plot_wheel",
]
