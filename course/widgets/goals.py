"""Goal widgets: the SMART goal coach and the quota allocator.

- :class:`SmartCoach` — write a goal in words (English or Chinese) or as fields
  and see each SMART letter pass or fail, with the reason and what to change.
- :class:`QuotaAllocator` — cascade a national target to territories and
  accounts by history and potential, phase it into months, and check fairness.

Both only wire controls to :mod:`course.goals` and :mod:`course.plots.goals`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from numbers import Integral

import ipywidgets as widgets
import pandas as pd

from course.data import load_sample
from course.goals import (
    VARIANTS,
    CoachReport,
    FairnessReport,
    Goal,
    QuotaCascade,
    SmartVerdict,
    assess_goal,
    backtest_allocation,
    cascade_quota,
    coach_goal,
    monthly_sales,
    phase_quotas,
    quota_accounts,
    seasonality,
    stretch_target,
)
from course.goals.smart import LETTER_NAMES
from course.i18n import _, choose, get_language
from course.inputs import check_number
from course.plots.goals import (
    VERDICT_COLOURS,
    attainment_limits,
    fairness_still,
    move_fairness,
    move_quota_split,
    plot_fairness,
    plot_quota_split,
    plot_smart_board,
    quota_split_still,
)
from course.quiz.goals import questions
from course.widgets._base import CourseWidget
from course.widgets._chart import KeptChart
from course.widgets.quiz import ChoiceQuiz

__all__ = ["CoachResult", "GoalsQuiz", "QuotaAllocator", "QuotaResult", "SmartCoach"]

_WIDE = {"description_width": "130px"}


def _variant_options() -> list[tuple[str, str]]:
    notes = {"ambitious": _("the training material's"), "assignable": "Doran 1981", "achievable": _("common variant")}
    return [(f"A = {LETTER_NAMES[v]} ({notes[v]})", v) for v in VARIANTS]


@dataclass(frozen=True)
class CoachResult:
    """What the coach shows."""

    mode: str
    """"text" (a goal in words) or "fields" (a structured goal)."""
    verdict: SmartVerdict
    """Letter by letter."""
    report: CoachReport | None
    """The coach's findings for a goal in words (None for fields)."""


class SmartCoach(CourseWidget):
    """Write a goal and see, letter by letter, whether it is SMART.

    Parameters
    ----------
    text
        The goal in words to start with (default the training material's vague "尽量提高销量").
    today
        The day the goal is set (default today); deadlines are counted from it.

    Examples
    --------
    >>> from datetime import date
    >>> coach = SmartCoach(today=date(2026, 3, 2))
    >>> coach.last_result.verdict.failed
    ('S', 'M', 'T')
    >>> coach.text.value = "2026年12月31日前将某医院心内科的月处方量从200盒提高到300盒"
    >>> coach.last_result.verdict.passed
    True
    """

    def __init__(self, text: str = "尽量提高销量", *, today: date | None = None) -> None:
        self.today = today or date.today()
        self.variant = widgets.Dropdown(options=_variant_options(), value="ambitious",
                                        description=_("Meaning of A"), style=_WIDE,
                                        layout=widgets.Layout(width="420px"))
        self.text = widgets.Textarea(value=text, placeholder=_("e.g. 2026年12月31日前将某医院心内科的月处方量从200盒提高到300盒"),
                                     layout=widgets.Layout(width="640px", height="60px"))
        self.what = widgets.Text(description=_("What (result)"), style=_WIDE,
                                 placeholder=_("e.g. CARDIA prescriptions in 市一院心内科"),
                                 layout=widgets.Layout(width="640px"))
        self.metric = widgets.Text(description=_("Metric"), style=_WIDE,
                                   placeholder=_("e.g. boxes a month"))
        self.baseline = widgets.Text(description=_("Baseline"), style=_WIDE, placeholder="200")
        self.target = widgets.Text(description=_("Target"), style=_WIDE, placeholder="300")
        self.unit = widgets.Text(description=_("Unit"), style=_WIDE, placeholder=_("boxes"))
        self.deadline = widgets.DatePicker(description=_("Deadline"), style=_WIDE)
        self.owner = widgets.Text(description=_("Owner"), style=_WIDE, placeholder=_("your name"))
        self.direction = widgets.Dropdown(options=[(_("increase"), "increase"), (_("decrease"), "decrease")],
                                          value="increase", description=_("Direction"), style=_WIDE)
        fields = widgets.VBox([self.what, widgets.HBox([self.metric, self.unit]),
                               widgets.HBox([self.baseline, self.target]),
                               widgets.HBox([self.deadline, self.direction]), self.owner])
        self.tabs = widgets.Tab(children=[widgets.VBox([self.text]), fields])
        self.tabs.set_title(0, _("Goal in words"))
        self.tabs.set_title(1, _("Goal as fields"))
        self.board = self.image()
        self.table = widgets.HTML()
        self.flags = widgets.HTML()
        super().__init__([self.variant, self.tabs, self.board, self.table, self.flags])
        self.watch(self.variant, self.text, self.what, self.metric, self.baseline, self.target,
                   self.unit, self.deadline, self.owner, self.direction)
        self.tabs.observe(lambda _change: self.refresh(), names="selected_index")
        self.refresh()

    def _goal(self) -> Goal:
        def number(label: str, text: str) -> float | None:
            return None if not text.strip() else check_number(label, text.strip(), low=0)

        return Goal(what=self.what.value, metric=self.metric.value,
                    baseline=number(_("Baseline"), self.baseline.value),
                    target=number(_("Target"), self.target.value),
                    unit=self.unit.value, deadline=self.deadline.value, owner=self.owner.value,
                    direction=self.direction.value)

    def compute(self) -> CoachResult:
        """Coach the text, or assess the fields, with the library."""
        if self.tabs.selected_index == 1:
            verdict = assess_goal(self._goal(), variant=self.variant.value, today=self.today)
            return CoachResult("fields", verdict, None)
        report = coach_goal(self.text.value, variant=self.variant.value, today=self.today)
        return CoachResult("text", report.verdict, report)

    def show(self, result: CoachResult) -> None:
        """Draw the letter board, the reasons and suggestions, and the coach's flags."""
        self.draw(self.board, plot_smart_board(result.verdict))
        marks = {"pass": "✓", "fail": "✗", "check": "?"}
        rows = "".join(
            f'<tr><td style="background:{VERDICT_COLOURS[v.verdict]};color:white;text-align:center;'
            f'padding:2px 8px"><b>{v.letter}</b> {marks[v.verdict]}</td>'
            f"<td style='padding:2px 8px'>{html.escape(str(v.name))}</td>"
            f"<td style='padding:2px 8px'>{html.escape(v.reason)}</td>"
            f"<td style='padding:2px 8px'><i>{html.escape(v.suggestion)}</i></td></tr>"
            for v in result.verdict.letters)
        header = "".join(f"<th style='text-align:left;padding:2px 8px'>{html.escape(h)}</th>"
                         for h in ("", _("Letter"), _("Why"), _("What to change")))
        self.table.value = f'<table style="border-collapse:collapse"><tr>{header}</tr>{rows}</table>'
        if result.report is not None and result.report.flags:
            items = "".join(f"<li>{html.escape(m)}</li>" for m in result.report.messages())
            noticed = _("The coach noticed")
            self.flags.value = f"<b>{html.escape(noticed)}</b><ul>{items}</ul>"
        else:
            self.flags.value = ""


# ---------------------------------------------------------------- quota allocator
"""Charts the allocators rendered, by (chart, language, data); about 30-60 kB each."""


@dataclass(frozen=True)
class QuotaResult:
    """What the quota allocator shows, as the library computed it."""

    target: int
    """The national target: budget + stretch."""
    cascade: QuotaCascade
    """Territory and account quotas."""
    months: pd.DataFrame
    """Territory × month quotas (each row adds up to the territory's quota)."""
    fairness: FairnessReport | None
    """The backtest of the weighting on the account history (None without a history)."""


class QuotaAllocator(CourseWidget):
    """Cascade a national target to territories and accounts, phase it into months, check fairness.

    Parameters
    ----------
    accounts
        One row per account: ``territory``, ``account``, ``history`` and ``potential``
        (same unit, e.g. boxes a month); optional ``territory_en``, ``name_zh``,
        ``name_en``. Default: the sample territory's hospitals by district.
    monthly
        The accounts' monthly history: ``account``, ``month`` (YYYY-MM), ``boxes``,
        for seasonality and the fairness backtest. Default: the sample's sales.
    months
        The months to plan (YYYY-MM); default the history's months one year later.

    Examples
    --------
    >>> allocator = QuotaAllocator()
    >>> result = allocator.last_result
    >>> int(result.cascade.territories["quota"].sum()) == result.target
    True
    >>> allocator.weight.value = 1.0
    >>> allocator.last_result.fairness.fair
    False
    """

    def __init__(self, accounts: pd.DataFrame | None = None, monthly: pd.DataFrame | None = None,
                 months: list[str] | None = None, *, product: str | None = None) -> None:
        self._custom = accounts is not None
        self._monthly = monthly
        self._accounts = accounts
        products = sorted(load_sample("products")["product"]) if not self._custom else []
        self.product = widgets.Dropdown(options=[(_("All products"), "")] + [(p, p) for p in products],
                                        value=product or "", description=_("Product"), style=_WIDE,
                                        disabled=self._custom)
        self._load()
        history_total = float(self._accounts_now["history"].sum()) * max(len(self._months), 1)
        self.budget = widgets.IntText(value=round(history_total), description=_("Budget"), style=_WIDE)
        self.stretch = widgets.FloatSlider(value=0.10, min=0, max=0.5, step=0.01, readout_format=".0%",
                                           description=_("Stretch"), style=_WIDE, continuous_update=False)
        self.weight = widgets.FloatSlider(value=0.5, min=0, max=1, step=0.05, readout_format=".0%",
                                          description=_("Weight of history"), style=_WIDE,
                                          continuous_update=False)
        self.season = widgets.Dropdown(options=[(_("By history (seasonality)"), "history"), (_("Flat"), "flat")],
                                       value="history", description=_("Months"), style=_WIDE)
        self.territory = widgets.Dropdown(options=self._territory_options(), description=_("Territory"),
                                          style=_WIDE)
        self.target_line = widgets.HTML()
        self.territory_table = widgets.HTML()
        self.split_image = self.image()
        self.months_table = widgets.HTML()
        self.accounts_table = widgets.HTML()
        self.fairness_line = widgets.HTML()
        self.against = widgets.ToggleButtons(options=[(_("Attainment against growth"), "growth"),
                                                      (_("Attainment against size"), "size")],
                                             value="growth")
        self.fairness_image = self.image()
        self.fairness_image.layout.max_width = "480px"
        heading = '<h4 style="margin:6px 0">{}</h4>'
        super().__init__([
            widgets.HBox([self.budget, self.stretch]),
            widgets.HBox([self.weight, self.season]),
            self.product,
            self.target_line,
            widgets.HTML(heading.format(html.escape(_("Territories")))),
            self.territory_table, self.split_image,
            widgets.HTML(heading.format(html.escape(_("Months")))),
            self.months_table,
            widgets.HTML(heading.format(html.escape(_("Accounts")))),
            self.territory, self.accounts_table,
            widgets.HTML(heading.format(html.escape(_("Fairness check")))),
            self.fairness_line, self.against, self.fairness_image,
        ])
        # a weight moves bars and points on kept charts instead of drawing them whole
        self._split_chart = KeptChart(self.split_image, dpi=100)
        self._fairness_chart = KeptChart(self.fairness_image, dpi=100)
        self._limits: tuple[float, float] | None = None
        self._limits_for: tuple[int, int] | None = None
        self.product.observe(lambda _change: self._guarded(self._change_product), names="value")
        self.watch(self.budget, self.stretch, self.weight, self.season, self.territory, self.against)
        self.refresh()

    # -- data -------------------------------------------------------------------
    def _load(self) -> None:
        product = self.product.value or None
        if self._custom:
            assert self._accounts is not None
            self._accounts_now = self._accounts
            monthly = self._monthly
        else:
            sales, hospitals = load_sample("sales"), load_sample("hospitals")
            self._accounts_now = quota_accounts(sales, hospitals, load_sample("physicians"),
                                                load_sample("prescribing"), product=product)
            monthly = monthly_sales(sales, hospitals, by="hospital_id", product=product).rename(
                columns={"hospital_id": "account"})
        self._monthly_now = monthly
        if monthly is not None:
            history_months = sorted(monthly["month"].astype(str).unique())
            self._months = [f"{int(m[:4]) + 1}{m[4:]}" for m in history_months]
        else:
            self._months = []

    def _territory_options(self) -> list[tuple[str, str]]:
        frame = self._accounts_now.drop_duplicates("territory")
        english = frame["territory_en"] if "territory_en" in frame else frame["territory"]
        return [(choose(str(e), str(t)), str(t)) for t, e in zip(frame["territory"], english, strict=True)]

    def _change_product(self) -> None:
        self._load()
        self.refresh()

    # -- CourseWidget -------------------------------------------------------------
    def compute(self) -> QuotaResult:
        """Target, cascade, months and the fairness backtest, from the library."""
        target = stretch_target(self.budget.value, self.stretch.value)
        cascade = cascade_quota(target, self._accounts_now, weight=self.weight.value)
        quotas = cascade.territories.set_index("territory")["quota"]
        monthly = self._monthly_now
        pattern = None
        if monthly is not None and self.season.value == "history":
            pattern = seasonality(monthly, value="boxes")
        table = phase_quotas(quotas, self._months, pattern) if self._months else quotas.to_frame(_("Quota"))
        fairness = None
        if monthly is not None:
            potential = self._accounts_now.set_index("account")["potential"]
            fairness = backtest_allocation(monthly, potential, unit="account", weight=self.weight.value)
        return QuotaResult(target, cascade, table, fairness)

    def show(self, result: QuotaResult) -> None:
        """Tables and two charts (territories, fairness), each redrawn only when its numbers change.

        The monthly split is a table here; :func:`course.plots.goals.plot_monthly_quota`
        draws it in the lesson.
        """
        self.target_line.value = html.escape(_(
            "National target = budget {budget:,} + stretch {stretch:.0%} = {target:,} boxes.").format(
            budget=self.budget.value, stretch=self.stretch.value, target=result.target))
        territories = result.cascade.territories
        self.territory_table.value = _table(territories, {
            "territory": _("Territory"), "history": _("History a month"), "potential": _("Potential a month"),
            "history_share": _("History share"), "potential_share": _("Potential share"),
            "share": _("Share"), "quota": _("Quota")})
        self._split_chart.show((quota_split_still(territories), get_language()),
                               lambda: plot_quota_split(territories),
                               lambda ax: move_quota_split(ax, territories))
        self.months_table.value = _table(result.months.reset_index(names=_("Territory")), {})
        accounts = result.cascade.accounts
        chosen = accounts[accounts["territory"] == self.territory.value]
        name = next((c for c in (choose("name_en", "name_zh"), "name_en") if c in chosen), "account")
        self.accounts_table.value = _table(chosen, {
            "account": _("Account"), name: _("Name"), "history": _("History a month"),
            "potential": _("Potential a month"), "share": _("Share in territory"), "quota": _("Quota")})
        report = result.fairness
        if report is None:
            self.fairness_line.value = html.escape(_("No monthly history: the fairness check needs one."))
            return
        self.fairness_line.value = "<b>{}</b><br>{}".format(html.escape(report.summary()), html.escape(_(
            "Backtest: quotas for the last months set from the first months with this weight, "
            "compared with what each account actually sold.")))
        against, limits = self.against.value, self._attainment_limits()
        self._fairness_chart.show((fairness_still(report, against, limits), get_language()),
                                  lambda: plot_fairness(report, against=against, limits=limits),
                                  lambda ax: move_fairness(ax, report, against))

    def _attainment_limits(self) -> tuple[float, float] | None:
        """The attainment axis for every weight: the weight moves the points, not the axis.

        A quota is linear in the weight, so each account's attainment lies between its
        values at weights 0 and 1; the axis covers both backtests (kept per data set).
        """
        monthly = self._monthly_now
        if monthly is None:
            return None
        key = (id(monthly), id(self._accounts_now))
        if self._limits_for != key:
            potential = self._accounts_now.set_index("account")["potential"]
            ends = [backtest_allocation(monthly, potential, unit="account", weight=w).table["attainment"]
                    for w in (0.0, 1.0)]
            self._limits = attainment_limits(pd.concat(ends))
            self._limits_for = key
        return self._limits



def _table(frame: pd.DataFrame, columns: dict[str, str]) -> str:
    shown = frame[list(columns)] if columns else frame
    names = list(columns.values()) if columns else [str(c) for c in shown.columns]
    head = "".join(f"<th style='text-align:right;padding:2px 8px'>{html.escape(n)}</th>" for n in names)

    def cell(column: str, value: object) -> str:
        if isinstance(value, float) and "share" in column:
            text = f"{value:.1%}"
        elif isinstance(value, float):
            text = f"{value:,.0f}"
        elif isinstance(value, Integral):
            text = f"{value:,}"
        else:
            text = str(value)
        return f"<td style='text-align:right;padding:2px 8px'>{html.escape(text)}</td>"

    body = "".join(
        "<tr>" + "".join(cell(str(c), v) for c, v in zip(shown.columns, row, strict=True)) + "</tr>"
        for row in shown.itertuples(index=False))
    return f'<table style="border-collapse:collapse"><tr>{head}</tr>{body}</table>'


class GoalsQuiz(ChoiceQuiz):
    """Lesson 3's quiz (not graded).

    Examples
    --------
    >>> quiz = GoalsQuiz()
    >>> quiz.choices[2].value = "4100"
    >>> quiz.last_result["quota"]
    True
    """

    def __init__(self) -> None:
        super().__init__(questions())
