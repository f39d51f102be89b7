"""Big-customer widgets (大客户): the negotiation planner and the relationship-health check.

* :class:`NegotiationPlanner` — pick a big customer of the territory, tick what it
  wants, what you bring and what you ask, the preparation done and your
  walk-away; the sheet says what is served, what is missing and what a rule
  forbids (:func:`course.bigcustomers.prepare_negotiation`).
* :class:`RelationshipHealthCheck` — move the thresholds of the five checks and
  see the accounts' relationships as a grid
  (:func:`course.bigcustomers.relationship_health`).
* :class:`BigCustomersQuiz` — lesson 7's quiz (not graded).

Every result comes from :mod:`course.bigcustomers`; the widgets compute nothing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets
import pandas as pd

from course.accounts.kol import KOL_PREPARATION
from course.bigcustomers.choose import choose_big_customers
from course.bigcustomers.health import HEALTH_CHECKS, STATUSES, HealthRules, relationship_health
from course.bigcustomers.negotiation import (
    ASKS,
    INTERESTS,
    OFFERS,
    PREPARATION,
    NegotiationSheet,
    prepare_negotiation,
)
from course.data import load_sample
from course.i18n import _, choose, get_language
from course.plots.bigcustomers import (
    move_relationship_health,
    plot_relationship_health,
    relationship_health_still,
)
from course.quiz.bigcustomers import questions
from course.widgets._base import CourseWidget
from course.widgets._chart import KeptChart
from course.widgets.quiz import ChoiceQuiz

__all__ = ["BigCustomersQuiz", "NegotiationPlanner", "RelationshipHealthCheck"]

_WIDE = widgets.Layout(width="auto")


def _boxes(options: dict[str, str], ticked: Sequence[str]) -> dict[str, widgets.Checkbox]:
    return {key: widgets.Checkbox(value=key in ticked, description=label, indent=False, layout=_WIDE)
            for key, label in options.items()}


def _sample_customers() -> list[tuple[str, str]]:
    """(label, hospital_id) of the sample territory's big customers."""
    chosen = choose_big_customers(load_sample("hospitals"), load_sample("physicians"))
    big = chosen[chosen["big_customer"]]
    names = choose(big["name_en"], big["name_zh"])
    return [(f"{h} · {n}", str(h)) for h, n in zip(big["hospital_id"], names, strict=True)]


class NegotiationPlanner(CourseWidget):
    """A negotiation-preparation sheet for one big customer.

    Parameters
    ----------
    customers
        (label, code) pairs to choose from; default the sample territory's big customers.

    Examples
    --------
    >>> planner = NegotiationPlanner()
    >>> planner.offers["gift"].value = True
    >>> planner.last_result.blocked
    ('gift',)
    >>> planner.customer.value = "H02"
    >>> planner.last_result.customer
    'H02'
    """

    def __init__(self, customers: Sequence[tuple[str, str]] | None = None) -> None:
        options = list(customers) if customers is not None else _sample_customers()
        self.customer = widgets.Dropdown(options=options, description=_("Customer"),
                                         style={"description_width": "initial"},
                                         layout=widgets.Layout(width="28em"))
        self.interests = _boxes({k: str(t) for k, t in INTERESTS.items()}, ("evidence", "formulary_process"))
        self.offers = _boxes({k: str(i.label) for k, i in OFFERS.items()}, ("literature",))
        self.asks = _boxes({k: str(i.label) for k, i in ASKS.items()}, ("meeting_date",))
        steps = {key: f"{step.number}. {step.name.zh}" for key, step in
                 zip(PREPARATION, KOL_PREPARATION, strict=True)}
        self.preparation = _boxes(steps, ("know",))
        self.walk_away = widgets.Text(value="", placeholder=_("e.g. keep calling on the department and try again next quarter"),
                                      description=_("Walk-away"), style={"description_width": "initial"},
                                      layout=widgets.Layout(width="40em"))
        self.sheet = widgets.HTML()

        def column(heading: str, boxes: dict[str, widgets.Checkbox]) -> widgets.VBox:
            return widgets.VBox([widgets.HTML(f"<b>{html.escape(heading)}</b>"), *boxes.values()],
                                layout=widgets.Layout(width="33%"))

        grid = widgets.HBox([column(_("What the customer wants"), self.interests),
                             column(_("What you bring"), self.offers),
                             widgets.VBox([column(_("What you ask"), self.asks),
                                           column(_("Preparation (熟悉/了解/技巧/计划)"), self.preparation)],
                                          layout=widgets.Layout(width="33%"))])
        super().__init__([self.customer, grid, self.walk_away, self.sheet])
        self.watch(self.customer, self.walk_away, *self.interests.values(), *self.offers.values(),
                   *self.asks.values(), *self.preparation.values())
        self.refresh()

    def compute(self) -> NegotiationSheet:
        """Check the ticked sheet with the library."""
        def ticked(boxes: dict[str, widgets.Checkbox]) -> list[str]:
            return [k for k, box in boxes.items() if box.value]

        return prepare_negotiation(self.customer.value or "", ticked(self.interests), ticked(self.offers),
                                   ticked(self.asks), self.walk_away.value, ticked(self.preparation))

    def show(self, result: NegotiationSheet) -> None:
        """Show the checked sheet: served interests, gaps, forbidden items, readiness."""
        esc = html.escape
        heading = _("Preparation sheet")
        nothing = _("nothing you bring serves this yet")
        rows = [f"<h4>{esc(heading)}: {esc(result.customer)}</h4><ul>"]
        for interest, offers in result.served.items():
            served = ", ".join(str(OFFERS[k].label) for k in offers)
            mark = "✓" if offers else "✗"
            rows.append(f"<li>{mark} {esc(str(INTERESTS[interest]))}: {esc(served or nothing)}</li>")
        rows.append("</ul>")
        for key in result.blocked:
            item = OFFERS.get(key) or ASKS[key]
            rule = str(item.rule) if item.rule else ""
            rows.append(f'<div style="color:#b00020">⛔ {esc(str(item.label))}: {esc(rule)}</div>')
        notes: list[str] = []
        if result.off_target:
            listed = ", ".join(str(OFFERS[k].label) for k in result.off_target)
            notes.append(_("Serves none of the wants ticked: {items}").format(items=listed))
        if result.preparation_missing:
            missing = ", ".join(f"{PREPARATION[k]}. {KOL_PREPARATION[PREPARATION[k] - 1].name.zh}"
                                for k in result.preparation_missing)
            notes.append(_("Preparation still to do: {steps}").format(steps=missing))
        if not result.has_walk_away:
            notes.append(_("Write down your walk-away: what you do if there is no agreement."))
        if not result.asks:
            notes.append(_("Tick at least one thing you ask for."))
        rows += [f"<div>{esc(note)}</div>" for note in notes]
        verdict = _("Ready to negotiate.") if result.ready else _("Not ready yet.")
        colour = "#1b7837" if result.ready else "#b35806"
        rows.append(f'<p style="color:{colour}"><b>{esc(verdict)}</b></p>')
        self.sheet.value = "".join(rows)


class RelationshipHealthCheck(CourseWidget):
    """The five relationship checks on the territory's accounts, with thresholds to move.

    Parameters
    ----------
    calls, physicians
        The call history and the doctors; default the sample territory's.
    accounts
        The hospitals to check; default the sample's big customers.

    Examples
    --------
    >>> check = RelationshipHealthCheck()
    >>> check.last_result["status"].tolist()
    ['watch', 'healthy', 'healthy', 'healthy']
    >>> check.best_day.value = 0.1
    >>> check.last_result["status"].tolist()
    ['healthy', 'healthy', 'healthy', 'healthy']
    """

    def __init__(self, calls: pd.DataFrame | None = None, physicians: pd.DataFrame | None = None,
                 accounts: Sequence[str] | None = None) -> None:
        self.calls = calls if calls is not None else load_sample("calls")
        self.physicians = physicians if physicians is not None else load_sample("physicians")
        if accounts is None:
            chosen = choose_big_customers(load_sample("hospitals"), load_sample("physicians"))
            accounts = chosen.loc[chosen["big_customer"], "hospital_id"].tolist()
        self.accounts = list(accounts)
        rules = HealthRules()
        style = {"description_width": "16em"}
        layout = widgets.Layout(width="34em")
        self.max_days = widgets.IntSlider(value=rules.max_days_since_call, min=1, max=60,
                                          description=_("Most days since the last call"), style=style,
                                          layout=layout, continuous_update=False)
        self.recent = widgets.FloatSlider(value=rules.min_recent_ratio, min=0, max=1, step=0.05,
                                          description=_("Calls kept up (share of usual)"), style=style,
                                          layout=layout, continuous_update=False)
        self.min_doctors = widgets.IntSlider(value=rules.min_doctors, min=1, max=20,
                                             description=_("Fewest doctors in 8 weeks"), style=style,
                                             layout=layout, continuous_update=False)
        self.best_day = widgets.FloatSlider(value=rules.min_best_day_share, min=0, max=1, step=0.05,
                                            description=_("Share of calls on the best day"), style=style,
                                            layout=layout, continuous_update=False)
        self.follow_up = widgets.FloatSlider(value=rules.min_follow_up_share, min=0, max=1, step=0.05,
                                             description=_("Share of calls followed up"), style=style,
                                             layout=layout, continuous_update=False)
        self.summary = widgets.HTML()
        self.chart = self.image()
        self._chart = KeptChart(self.chart, dpi=100)
        sliders = [self.max_days, self.recent, self.min_doctors, self.best_day, self.follow_up]
        super().__init__([*sliders, self.summary, self.chart])
        self.watch(*sliders)
        self.refresh()

    def compute(self) -> pd.DataFrame:
        """Check the accounts with the thresholds of the sliders."""
        rules = HealthRules(self.max_days.value, self.recent.value, self.min_doctors.value,
                            self.best_day.value, self.follow_up.value)
        return relationship_health(self.calls, self.physicians, self.accounts, rules=rules)

    def show(self, result: pd.DataFrame) -> None:
        """Show each account's status and what to work on, and the grid."""
        lines = []
        for _i, row in result.iterrows():
            work = ", ".join(str(HEALTH_CHECKS[c]) for c in row["to_work_on"]) or "—"
            text = _("{status} · to work on: {checks}").format(status=STATUSES[row["status"]], checks=work)
            lines.append(f"<li><b>{html.escape(str(row['hospital_id']))}</b> {html.escape(text)}</li>")
        self.summary.value = "<ul>" + "".join(lines) + "</ul>"
        still = (relationship_health_still(result), get_language())  # the same statuses: the marks move
        self._chart.show(still, lambda: plot_relationship_health(result),
                         lambda ax: move_relationship_health(ax, result))


class BigCustomersQuiz(ChoiceQuiz):
    """Lesson 7's quiz (not graded).

    Examples
    --------
    >>> quiz = BigCustomersQuiz()
    >>> quiz.choices[1].value = "gift"
    >>> quiz.last_result["allowed_offer"]
    False
    """

    def __init__(self) -> None:
        super().__init__(questions(), width="30em")
