"""The call planner (拜访计划): a month's plan, one day's calls, the plan's measures, and
call allocation on response curves against an equal split.

Controls: the month and its days off, the daily budget (the training material's 10-15 or the US
6-10) and its target, the calls a month per tier, the day to look at, the day of the
month the measures are taken on, and — on the allocation tab — the month's calls for
three accounts with the four judgments of each account's response curve. Every
number comes from :mod:`course.planning`; the widget only reads controls and shows.

Works on the sample rep's targets (the doctors called in October 2026, tiered by the
key-accounts lesson's scoring) by default, or on the trainee's own doctor table.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from course.data import load_sample
from course.errors import CourseInputError, Phrase
from course.i18n import _, get_language
from course.planning import (
    DEFAULT_ACCOUNTS,
    MATERIAL_CALLS_PER_DAY,
    US_CALLS_PER_DAY,
    Allocation,
    CallAccount,
    CallFrequency,
    CallsPerDay,
    CycleMeasures,
    CyclePlan,
    allocate_calls,
    calibrate,
    check_doctors,
    cycle_measures,
    plan_cycle,
    plan_day,
    rep_targets,
    working_days,
)
from course.plots._style import figure_png
from course.plots.accounts import TIER_COLOURS
from course.plots.planning import (
    call_calendar_still,
    move_call_calendar,
    plot_call_calendar,
    plot_response_curves,
)
from course.quiz.planning import questions
from course.widgets._base import CourseWidget
from course.widgets._chart import KeptChart
from course.widgets.quiz import ChoiceQuiz

__all__ = ["CallPlanner", "PlannerView", "PlanningQuiz"]

_STYLE = {"description_width": "initial"}
MONTHS = tuple(f"{y}-{m:02d}" for y, m in [(2026, m) for m in range(11, 13)] + [(2027, m) for m in range(1, 13)])
"""Months offered: the months after the sample's call history."""

@dataclass(frozen=True)
class PlannerView:
    """What the call planner shows."""

    plan: CyclePlan
    """The month's plan."""
    day: pd.DataFrame
    """The chosen day's calls in visiting order (:func:`~course.planning.plan_day`)."""
    measures: CycleMeasures
    """Capacity, utilisation, reach and remaining calls on the chosen day of the month."""
    allocation: Allocation
    """The response-curve allocation and the equal split."""


def parse_days_off(text: str) -> list[int]:
    """Read day numbers typed as ``"1, 2 15"`` (empty means none).

    Examples
    --------
    >>> parse_days_off("1, 2 15")
    [1, 2, 15]
    >>> parse_days_off("1, May")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: days off: got 'May'; allowed: day numbers of the month separated by commas, e.g. 1, 2, 15
    """
    days = []
    for part in re.split(r"[,，\s]+", text.strip()):
        if not part:
            continue
        if not part.isdigit():
            raise CourseInputError.single(
                "days off", part, Phrase("day numbers of the month separated by commas, e.g. 1, 2, 15"))
        days.append(int(part))
    return days


class CallPlanner(CourseWidget):
    """Plan a month of calls and one day, measure the plan, allocate calls by marginal return.

    Parameters
    ----------
    doctors
        One row per doctor (``physician_id``, ``hospital_id``, ``tier``; optionally
        ``best_day``, ``best_slot``, ``adoption_stage``, names, ``x_km``/``y_km``).
        Default: the sample rep's targets.
    hospitals
        Hospital positions and names (default the sample's).
    calls
        Call history whose ``next_objective`` is carried over (default the sample's).

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> planner = CallPlanner()
    >>> view = planner.last_result
    >>> len(view.plan.days), view.plan.capacity, view.plan.demand
    (21, 252, 332)
    >>> planner.calls_per_day.value = 15
    >>> planner.last_result.plan.capacity
    315
    """

    def __init__(
        self,
        doctors: pd.DataFrame | None = None,
        hospitals: pd.DataFrame | None = None,
        calls: pd.DataFrame | None = None,
    ) -> None:
        if doctors is None or hospitals is None or calls is None:
            hospitals = load_sample("hospitals") if hospitals is None else hospitals
            calls = load_sample("calls") if calls is None else calls
            if doctors is None:
                doctors = rep_targets(load_sample("physicians"), load_sample("prescribing"),
                                      calls, month="2026-10")
        self._doctors = check_doctors(doctors).reset_index(drop=True)
        self._hospitals = hospitals
        # only each doctor's last call matters for the objectives carried over
        self._calls = calls.sort_values("date", kind="stable").groupby("physician_id").tail(1)
        self._loading = False
        self._calendar_for: CyclePlan | None = None
        self._curves_for: Allocation | None = None
        self._plan_cache: tuple[object, CyclePlan, dict[int, pd.DataFrame]] | None = None

        self.month = widgets.Dropdown(options=MONTHS, value=MONTHS[0], description=_("Month"),
                                      style=_STYLE)
        self.days_off = widgets.Text(value="", description=_("Days off (day numbers)"),
                                     placeholder="1, 2", style=_STYLE)
        self.budget = widgets.ToggleButtons(
            options=[(_("10-15 a day (training material)"), "material"), (_("6-10 a day (US surveys)"), "us")],
            value="material", style={"button_width": "auto"})
        self.calls_per_day = widgets.IntText(value=MATERIAL_CALLS_PER_DAY.target,
                                             description=_("Calls a day (target)"), style=_STYLE)
        self.tiers = {
            tier: widgets.IntRangeSlider(value=(low, high), min=0, max=12,
                                         description=_("Tier {tier} calls a month").format(tier=tier),
                                         style=_STYLE, continuous_update=False)
            for tier, low, high in (("A", 4, 8), ("B", 2, 4), ("C", 1, 2))
        }
        self.level = widgets.Dropdown(
            options=[(_("lower end"), "low"), (_("middle"), "planned"), (_("upper end"), "high")],
            value="planned", description=_("Plan the range's"), style=_STYLE)
        self.day = widgets.Dropdown(description=_("Day"), style=_STYLE)
        self.as_of = widgets.IntSlider(value=21, min=0, max=21, description=_("Measures after day"),
                                       style=_STYLE, continuous_update=False)
        self.summary = widgets.HTML()
        self.month_table = widgets.HTML()
        self.day_table = widgets.HTML()
        self.calendar = self.image()
        self._calendar = KeptChart(self.calendar)

        self.total_calls = widgets.IntText(value=10, description=_("Calls to allocate"), style=_STYLE)
        self.accounts = [self._account_row(*row) for row in DEFAULT_ACCOUNTS]
        self.allocation_table = widgets.HTML()
        self.curves = self.image()
        header = widgets.HTML("<small>" + html.escape(_(
            "Each account: name, calls a month now, and your judgment of its sales a month "
            "with no calls, 50% fewer, 50% more, and as many calls as you like; then the "
            "fewest and most calls allowed.")) + "</small>")
        allocation_box = widgets.VBox([self.total_calls, header,
                                       *[widgets.HBox(list(r.values())) for r in self.accounts],
                                       self.allocation_table, self.curves])

        self.tabs = widgets.Tab(children=[self.month_table, self.calendar, self.day_table, allocation_box])
        for i, name in enumerate((_("Month"), _("Calendar"), _("Day"), _("Allocation"))):
            self.tabs.set_title(i, name)
        controls = widgets.VBox([
            widgets.HBox([self.month, self.days_off]),
            widgets.HBox([self.budget, self.calls_per_day]),
            *self.tiers.values(), self.level,
            widgets.HBox([self.day, self.as_of]),
        ])
        super().__init__(children=[controls, self.summary, self.tabs])
        self._set_days()
        self.tabs.observe(lambda _c: self._guarded(self._draw_if_shown), names="selected_index")
        watched = [self.month, self.days_off, self.budget, self.calls_per_day, *self.tiers.values(),
                   self.level, self.day, self.as_of, self.total_calls,
                   *[w for row in self.accounts for w in row.values()]]
        for control in watched:
            control.observe(self._changed, names="value")
        self.refresh()

    # -- controls ----------------------------------------------------------------
    @staticmethod
    def _account_row(name: str, current: int, zero: float, minus: float, plus: float, top: float,
                     low: int, high: int) -> dict[str, widgets.Widget]:
        narrow = widgets.Layout(width="6.5em")
        return {
            "name": widgets.Text(value=_(name), layout=widgets.Layout(width="9em")),
            "current": widgets.IntText(value=current, layout=narrow, tooltip=_("calls a month now")),
            "zero": widgets.FloatText(value=zero, layout=narrow, tooltip=_("sales with no calls")),
            "minus": widgets.FloatText(value=minus, layout=narrow, tooltip=_("sales with 50% fewer calls")),
            "plus": widgets.FloatText(value=plus, layout=narrow, tooltip=_("sales with 50% more calls")),
            "top": widgets.FloatText(value=top, layout=narrow, tooltip=_("sales at saturation")),
            "min": widgets.IntText(value=low, layout=narrow, tooltip=_("fewest calls")),
            "max": widgets.IntText(value=high, layout=narrow, tooltip=_("most calls")),
        }

    def _changed(self, change: dict[str, object]) -> None:
        if self._loading:
            return
        owner = change.get("owner")
        if owner is not None and id(owner) == id(self.budget):
            self._loading = True
            try:  # a new budget starts from its own target (12 for 10-15, 8 for 6-10)
                base = MATERIAL_CALLS_PER_DAY if self.budget.value == "material" else US_CALLS_PER_DAY
                self.calls_per_day.value = base.target
            finally:
                self._loading = False
        if owner is not None and id(owner) in (id(self.month), id(self.days_off)):
            self._guarded(self._set_days)
            if self.last_error is not None:
                return
        self.refresh()

    def _budget(self) -> CallsPerDay:
        base = MATERIAL_CALLS_PER_DAY if self.budget.value == "material" else US_CALLS_PER_DAY
        return CallsPerDay(base.low, base.high, int(self.calls_per_day.value))

    def _year_month(self) -> tuple[int, int]:
        year, month = str(self.month.value).split("-")
        return int(year), int(month)

    def _set_days(self) -> None:
        """Offer the month's working days in the day list; the measures slider follows."""
        year, month = self._year_month()
        days = working_days(year, month, parse_days_off(self.days_off.value))
        options = [(f"{d.isoformat()} {_weekday(d)}", i + 1) for i, d in enumerate(days)]
        self._loading = True
        try:
            keep = self.day.value if self.day.value and self.day.value <= len(days) else 1
            self.day.options = options
            self.day.value = keep
            at_end = self.as_of.value == self.as_of.max
            self.as_of.max = len(days)
            if at_end or self.as_of.value > len(days):
                self.as_of.value = len(days)
        finally:
            self._loading = False

    # -- the library's work --------------------------------------------------------
    def compute(self) -> PlannerView:
        """Plan the month and the day, measure the plan, allocate the calls."""
        year, month = self._year_month()
        budget = self._budget()
        frequencies = {t: CallFrequency(*s.value) for t, s in self.tiers.items()}
        holidays = parse_days_off(self.days_off.value)
        key = (year, month, tuple(holidays), budget, tuple(frequencies.items()), str(self.level.value))
        if self._plan_cache is None or self._plan_cache[0] != key:
            # the month is planned again only when one of its inputs changed
            planned = plan_cycle(self._doctors, year, month, calls_per_day=budget,
                                 frequencies=frequencies, level=str(self.level.value),
                                 holidays=holidays, hospitals=self._hospitals)
            self._plan_cache = (key, planned, {})
        _key, plan, days = self._plan_cache
        index = int(self.day.value or 1)
        if index not in days:
            chosen = plan.day(index)
            size = min(max(len(chosen), budget.low), budget.high)
            days[index] = plan_day(chosen, calls=size, day=plan.days[index - 1], calls_per_day=budget,
                                   hospitals=self._hospitals, last_calls=self._calls)
        day = days[index]
        done = plan.calls.loc[plan.calls["day"] <= int(self.as_of.value)]
        actual = plan.doctors["physician_id"].map(done["physician_id"].value_counts()).fillna(0)
        measures = cycle_measures(
            pd.DataFrame({"planned": plan.doctors["planned_calls"], "actual": actual.astype(int)}),
            budget.target, len(plan.days))
        return PlannerView(plan=plan, day=day, measures=measures, allocation=self._allocate())

    def _allocate(self) -> Allocation:
        accounts = []
        for row in self.accounts:
            name = str(row["name"].value).strip() or "?"
            curve = calibrate(row["zero"].value, row["minus"].value, row["plus"].value,
                              row["top"].value, current_calls=row["current"].value)
            accounts.append(CallAccount(name, curve, min_calls=row["min"].value,
                                        max_calls=row["max"].value))
        return allocate_calls(accounts, self.total_calls.value)

    # -- showing ----------------------------------------------------------------------
    def show(self, result: PlannerView) -> None:
        """Show the measures, the month table, the day's calls and the allocation."""
        self.summary.value = self._summary_html(result)
        self.month_table.value = self._month_html(result.plan)
        self.day_table.value = self._day_html(result.day)
        self.allocation_table.value = self._allocation_html(result.allocation)
        self._draw_if_shown()

    def _draw_if_shown(self) -> None:
        """Draw a chart only when its tab is open (drawing takes longer than planning)."""
        result = self.last_result
        if result is None:
            return
        if self.tabs.selected_index == 1 and result.plan is not self._calendar_for:
            plan = result.plan  # another plan of the same month moves squares and numbers only
            self._calendar.show((call_calendar_still(plan), get_language()),
                                lambda: plot_call_calendar(plan), lambda ax: move_call_calendar(ax, plan))
            self._calendar_for = plan
        if self.tabs.selected_index == 3 and result.allocation is not self._curves_for:
            ax = plot_response_curves(result.allocation)
            self.curves.value = figure_png(ax.figure, dpi=72)  # type: ignore[arg-type]
            self._curves_for = result.allocation

    def _summary_html(self, result: PlannerView) -> str:
        plan, m = result.plan, result.measures
        lines = [
            _("{days} working days × {per_day} calls a day = capacity {capacity} calls").format(
                days=len(plan.days), per_day=plan.calls_per_day.target, capacity=plan.capacity),
            _("Frequencies ask for {demand} calls: utilisation {utilisation:.0%}").format(
                demand=plan.demand, utilisation=plan.utilisation),
            _("Planned {scheduled} calls; {missing} could not be planned").format(
                scheduled=plan.scheduled, missing=plan.demand - plan.scheduled),
            _("After day {day}: reach {reached} of {accounts} targets ({reach:.0%}), "
              "{remaining} calls remaining").format(
                day=self.as_of.value, reached=m.reached, accounts=m.accounts, reach=m.reach,
                remaining=m.remaining),
        ]
        colour = "#b00020" if plan.utilisation > 1 else "#1b7837"
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        return f"<ul style='margin:0;color:{colour}'>{items}</ul>"

    def _month_html(self, plan: CyclePlan) -> str:
        table = plan.per_day()
        visits = plan.calls.drop_duplicates(["day", "hospital_id"])
        hospitals = visits.groupby("day")["hospital_id"].agg(lambda s: " ".join(map(str, s))).to_dict()
        head = [_("Date"), _("Calls"), "A", "B", "C", _("Hospitals")]
        colours = [TIER_COLOURS[t] for t in "ABC"]
        rows = []
        for day, when, total, a, b, c in zip(table.index, table["date"], table["total"], table["A"],
                                             table["B"], table["C"], strict=True):
            tiers = "".join(f"<td style='text-align:right;color:{colour}'>{int(n)}</td>"
                            for colour, n in zip(colours, (a, b, c), strict=True))
            rows.append(f"<tr><td>{when.isoformat()} {html.escape(_weekday(when))}</td>"
                        f"<td style='text-align:right'><b>{int(total)}</b></td>{tiers}"
                        f"<td>{html.escape(hospitals.get(day, ''))}</td></tr>")
        unplanned = plan.unplanned
        note = ""
        if len(unplanned):
            reasons = {"more calls than working days": _("more calls than working days"),
                       "no room left in the month": _("no room left in the month")}
            listed = ", ".join(f"{r.physician_id} ({r.tier}, −{r.missing}: {reasons.get(str(r.reason), str(r.reason))})"
                               for r in unplanned.head(12).itertuples())
            more = f" … (+{len(unplanned) - 12})" if len(unplanned) > 12 else ""
            note = ("<p><b>" + html.escape(_("Could not be planned")) + ":</b> "
                    + html.escape(listed + more) + "</p>")
        return _table(head, rows) + note

    def _day_html(self, day: pd.DataFrame) -> str:
        head = [_("Order"), _("Slot"), _("Hospital"), _("Doctor"), _("Tier"), "km", _("Objectives")]
        slots = {"morning": _("morning"), "noon": _("noon"), "afternoon": _("afternoon")}
        rows = []
        for r in day.itertuples():
            hospital = getattr(r, "hospital", None) or r.hospital_id
            doctor = f"{r.physician_id} {getattr(r, 'physician', '') or ''}".strip()
            km = f"{r.travel_km:.1f}" if "travel_km" in day.columns else ""
            mark = "" if getattr(r, "on_best_slot", True) is not False else " *"
            objectives = "".join(f"<li>{html.escape(o)}</li>" for o in str(r.objectives).split("; "))
            rows.append(f"<tr><td>{r.order}</td><td>{html.escape(slots.get(str(r.slot), str(r.slot)))}{mark}</td>"
                        f"<td>{html.escape(str(hospital))}</td><td>{html.escape(doctor)}</td>"
                        f"<td style='color:{TIER_COLOURS.get(str(r.tier), '#333')}'><b>{r.tier}</b></td>"
                        f"<td style='text-align:right'>{km}</td><td><ul style='margin:0'>{objectives}</ul></td></tr>")
        return _table(head, rows)

    def _allocation_html(self, allocation: Allocation) -> str:
        head = [_("Account"), _("Calls"), _("Sales"), _("Equal split"), _("Sales")]
        rows = [
            f"<tr><td>{html.escape(str(r.account))}</td><td style='text-align:right'><b>{r.calls}</b></td>"
            f"<td style='text-align:right'>{r.sales:,.1f}</td><td style='text-align:right'>{r.equal_calls}</td>"
            f"<td style='text-align:right'>{r.equal_sales:,.1f}</td></tr>"
            for r in allocation.table.itertuples()
        ]
        total = html.escape(_("Total sales: {chosen} by marginal return, {equal} with an equal split").format(
            chosen=f"{allocation.total_sales:,.1f}", equal=f"{allocation.equal_total_sales:,.1f}"))
        return _table(head, rows) + f"<p>{total}</p>"


def _table(head: list[str], rows: list[str]) -> str:
    header = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    return ("<div style='max-height:420px;overflow-y:auto'><table class='course-table'>"
            f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def _weekday(when: object) -> str:
    """The weekday's short name in the course language."""
    names = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
    return names[when.weekday()]  # type: ignore[attr-defined]


class PlanningQuiz(ChoiceQuiz):
    """Lesson 5's quiz (not graded).

    Examples
    --------
    >>> quiz = PlanningQuiz()
    >>> quiz.choices[1].value = "252"
    >>> quiz.last_result["capacity"]
    True
    """

    def __init__(self) -> None:
        super().__init__(questions())
