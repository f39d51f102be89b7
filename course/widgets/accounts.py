"""Key-account widgets: the hospital grader and the physician scorecard (重点大客户).

* :class:`HospitalGrader` — move the weight and cut-off sliders and watch the
  sample hospitals' A / B / C grades change, as a table and a chart.
* :class:`PhysicianScorecard` — pick a doctor of the territory (or type your
  own numbers), set the prescribing status (−4 … +4) and the potential
  inputs, and see the tier, the monthly calls, the adoption-ladder step and the
  next call objectives, with the territory's status × potential grid.

Both work on the sample territory by default and on the trainee's own tables
when given. Every number comes from :mod:`course.accounts`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from course.accounts.hospitals import (
    GRADES,
    HOSPITAL_COLUMNS,
    GradeCutoffs,
    HospitalWeights,
    grade_hospitals,
)
from course.accounts.ladder import STAGES, step_text
from course.accounts.physicians import (
    PhysicianScore,
    PotentialCutoffs,
    physician_potential,
    potential_cutoffs,
    score_physician,
    score_physicians,
)
from course.accounts.status import status_options
from course.data import load_sample
from course.i18n import _, choose, get_language
from course.inputs import check_columns, check_not_empty
from course.plots._style import GRADE_COLOURS
from course.plots.accounts import (
    move_highlight,
    move_hospital_grades,
    plot_hospital_grades,
    plot_status_potential,
)
from course.quiz.accounts import questions
from course.widgets._base import CourseWidget
from course.widgets._chart import KeptChart
from course.widgets.quiz import ChoiceQuiz

__all__ = [
    "AccountsQuiz",
    "GraderView",
    "HospitalGrader",
    "PhysicianScorecard",
    "ScorecardView",
]

_STYLE = {"description_width": "initial"}
_FACTORS = ("scale", "level", "volume", "medication", "competition")


def _factor_label(name: str) -> str:
    """The slider label of a hospital factor, in the course language."""
    return {
        "scale": _("Scale (beds)"),
        "level": _("Official level"),
        "volume": _("Business volume"),
        "medication": _("Medication level"),
        "competition": _("Competition (less is better)"),
    }[name]


@dataclass(frozen=True)
class GraderView:
    """What the hospital grader shows."""

    graded: pd.DataFrame
    """The hospitals with ``score`` and ``grade`` (:func:`~course.accounts.grade_hospitals`)."""
    weights: HospitalWeights
    """The weights in force."""
    cutoffs: GradeCutoffs
    """The cut-offs in force."""
    counts: dict[str, int]
    """Hospitals per grade."""
    changed: list[str]
    """Hospitals whose grade differs from the default settings' grade."""


class HospitalGrader(CourseWidget):
    """Grade hospitals live: weight sliders and cut-offs → score, grade, table and chart.

    Parameters
    ----------
    hospitals
        One hospital a row with the columns of the sample's ``hospitals`` table
        (level, beds, drug_sales_mrmb, outpatient_visits_month,
        medication_level, competition); default the sample territory.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> grader = HospitalGrader()
    >>> grader.last_result.counts
    {'A': 8, 'B': 11, 'C': 21}
    >>> grader.cut_a.value = 60
    >>> grader.last_result.counts["A"]
    10
    """

    def __init__(self, hospitals: pd.DataFrame | None = None) -> None:
        if hospitals is None:
            hospitals = load_sample("hospitals")
        check_not_empty("hospitals", hospitals)
        check_columns("hospitals", hospitals, HOSPITAL_COLUMNS)
        self._hospitals = hospitals.reset_index(drop=True)
        self._default = grade_hospitals(self._hospitals)["grade"].astype(str).tolist()
        defaults = HospitalWeights()
        self.weights = {
            name: widgets.FloatSlider(
                value=getattr(defaults, name), min=0.0, max=1.0, step=0.05,
                readout_format=".2f", description=_factor_label(name), style=_STYLE,
                continuous_update=False,
            )
            for name in _FACTORS
        }
        cut = GradeCutoffs()
        self.cut_a = widgets.FloatSlider(value=cut.a, min=0, max=100, step=0.5,
                                         description=_("Grade A from score"), style=_STYLE,
                                         continuous_update=False)
        self.cut_b = widgets.FloatSlider(value=cut.b, min=0, max=100, step=0.5,
                                         description=_("Grade B from score"), style=_STYLE,
                                         continuous_update=False)
        self.reset = widgets.Button(description=_("Reset"), icon="undo")
        self.summary = widgets.HTML()
        self.table = widgets.HTML()
        self.chart = self.image()
        weights_heading = html.escape(_("Weights of the five factors"))
        cutoffs_heading = html.escape(_("Cut-offs"))
        sliders = widgets.VBox([
            widgets.HTML(f"<b>{weights_heading}</b>"),
            *self.weights.values(),
            widgets.HTML(f"<b>{cutoffs_heading}</b>"),
            self.cut_a, self.cut_b, self.reset,
        ])
        self.tabs = widgets.Tab(children=[self.table, self.chart])
        self.tabs.set_title(0, _("Table"))
        self.tabs.set_title(1, _("Chart"))
        self._chart_for: GraderView | None = None
        self._chart = KeptChart(self.chart)  # a cut-off moves a few artists, not the whole chart
        super().__init__(children=[sliders, self.summary, self.tabs])
        self.tabs.observe(lambda _c: self._guarded(self._draw_if_shown), names="selected_index")
        self._loading = False
        for control in (*self.weights.values(), self.cut_a, self.cut_b):
            control.observe(lambda _c: None if self._loading else self.refresh(), names="value")
        self.on_click(self.reset, self._reset)
        self.refresh()

    def _reset(self) -> None:
        """Put the default weights and cut-offs back, then grade once."""
        defaults, cut = HospitalWeights(), GradeCutoffs()
        self._loading = True
        try:
            for name, slider in self.weights.items():
                slider.value = getattr(defaults, name)
            self.cut_a.value, self.cut_b.value = cut.a, cut.b
        finally:
            self._loading = False
        self.refresh()

    def compute(self) -> GraderView:
        """Grade the hospitals with the sliders' weights and cut-offs."""
        weights = HospitalWeights(**{name: s.value for name, s in self.weights.items()})
        cutoffs = GradeCutoffs(a=self.cut_a.value, b=self.cut_b.value)
        graded = grade_hospitals(self._hospitals, weights=weights, cutoffs=cutoffs)
        grades = graded["grade"].astype(str).tolist()
        changed = [
            _hospital_name(graded.iloc[i])
            for i, (now, before) in enumerate(zip(grades, self._default, strict=True))
            if now != before
        ]
        return GraderView(
            graded=graded, weights=weights, cutoffs=cutoffs,
            counts={g: grades.count(g) for g in GRADES}, changed=changed,
        )

    def show(self, result: GraderView) -> None:
        """Show the counts, the table and the chart."""
        counts = " · ".join(
            f'<span style="color:{GRADE_COLOURS[g]}"><b>{g}</b>: {n}</span>'
            for g, n in result.counts.items()
        )
        changed = (
            html.escape(_("Grade changed from the default settings: {names}").format(
                names=", ".join(result.changed)))
            if result.changed else html.escape(_("Same grades as with the default settings."))
        )
        self.summary.value = f"<div>{counts}</div><div style='font-size:90%'>{changed}</div>"
        self.table.value = self._table_html(result.graded)
        self._draw_if_shown()

    def _draw_if_shown(self) -> None:
        """Draw the chart when its tab is open (drawing takes longer than grading)."""
        if self.tabs.selected_index == 1:
            self.draw_chart()

    def draw_chart(self) -> None:
        """Draw the chart of the current grades, unless it is already drawn.

        Moving a cut-off recolours the bars and moves a line (the chart is kept);
        a weight changes the scores and their order, so the chart is drawn whole.
        """
        result = self.last_result
        if result is None or result is self._chart_for:
            return
        graded = result.graded
        # what the still parts show: each hospital's score (the bars' order and length), the language
        still = (tuple(graded["score"].tolist()), get_language())
        self._chart.show(
            still,
            lambda: plot_hospital_grades(graded, cutoffs=result.cutoffs),
            lambda ax: move_hospital_grades(ax, graded, result.cutoffs),
        )
        self._chart_for = result

    def _table_html(self, graded: pd.DataFrame) -> str:
        head = [_("Hospital"), _("Official level"), _("Beds"), _("Score"), _("Grade"),
                _("Default grade")]
        rows = []
        ordered = graded.assign(default_grade=self._default).sort_values(
            "score", ascending=False, kind="stable")
        for _i, row in ordered.iterrows():
            grade = str(row["grade"])
            mark = "" if grade == row["default_grade"] else " ⟵"
            rows.append(
                "<tr>"
                f"<td>{html.escape(_hospital_name(row))}</td><td>{html.escape(str(row['level']))}</td>"
                f"<td style='text-align:right'>{int(row['beds'])}</td>"
                f"<td style='text-align:right'>{row['score']:.1f}</td>"
                f"<td style='color:{GRADE_COLOURS[grade]};text-align:center'><b>{grade}</b></td>"
                f"<td style='text-align:center'>{row['default_grade']}{mark}</td>"
                "</tr>"
            )
        header = "".join(f"<th>{html.escape(h)}</th>" for h in head)
        return (
            "<div style='max-height:420px;overflow-y:auto'><table class='course-table'>"
            f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )


def _hospital_name(row: pd.Series) -> str:
    column = choose("name_en", "name_zh")
    if column in row.index and pd.notna(row[column]):
        return str(row[column])
    return str(row.get("hospital_id", row.name))


@dataclass(frozen=True)
class ScorecardView:
    """What the physician scorecard shows."""

    score: PhysicianScore
    """The doctor's dual score, tier, calls and ladder step."""
    product: str
    """The product scored."""
    cutoffs: PotentialCutoffs
    """The territory's potential cut-offs for that product."""
    objectives: tuple[str, ...]
    """Typical call objectives at the doctor's stage, in the course language."""


class PhysicianScorecard(CourseWidget):
    """Score one doctor for one product: status × potential → tier, calls, next objectives.

    Parameters
    ----------
    prescribing, physicians
        The territory's physician × product table and physicians table (the
        sample's by default). The territory sets the potential cut-offs per
        product (top 30% high, bottom 30% low) and fills the grid.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> card = PhysicianScorecard()
    >>> card.status.value = 1
    >>> card.patients.value, card.share.value, card.boxes.value = 400, 0.4, 2.0
    >>> card.last_result.score.potential, card.last_result.score.tier
    (320.0, 'A')
    """

    def __init__(
        self, prescribing: pd.DataFrame | None = None, physicians: pd.DataFrame | None = None
    ) -> None:
        if prescribing is None or physicians is None:
            prescribing = load_sample("prescribing") if prescribing is None else prescribing
            physicians = load_sample("physicians") if physicians is None else physicians
        self._territory = score_physicians(prescribing, physicians).reset_index(drop=True)
        self._physicians = physicians.set_index("physician_id", drop=False)
        self._cutoffs = {
            str(product): potential_cutoffs(group["potential"])
            for product, group in self._territory.groupby("product", sort=True)
        }
        self._loading = False

        self.doctor = widgets.Dropdown(
            options=[(self._doctor_label(i), i) for i in range(len(self._territory))],
            value=0, description=_("Doctor and product"), style=_STYLE,
            layout=widgets.Layout(width="98%"))
        self.product = widgets.Dropdown(options=sorted(self._cutoffs), description=_("Product"),
                                        style=_STYLE)
        self.status = widgets.Dropdown(options=status_options(), value=0,
                                       description=_("Prescribing status"), style=_STYLE)
        self.patients = widgets.FloatText(description=_("Patients a month"), style=_STYLE)
        self.share = widgets.FloatText(description=_("Share with the indication (0-1)"),
                                       step=0.05, style=_STYLE)
        self.boxes = widgets.FloatText(description=_("Boxes per patient a month"), step=0.1,
                                       style=_STYLE)
        self.stage = widgets.Dropdown(
            options=[(_("assume from the status"), -1)]
            + [(f"{s.number} {s.name}", s.number) for s in STAGES],
            value=-1, description=_("Adoption-ladder stage"), style=_STYLE)
        self.result = widgets.HTML()
        self.grid = self.image()
        self._grid = KeptChart(self.grid)  # another doctor moves the red frame only
        super().__init__(children=[
            self.doctor,
            widgets.HBox([self.product, self.status]),
            widgets.HBox([self.patients, self.share, self.boxes]),
            self.stage, self.result, self.grid,
        ])
        self._load_doctor()
        self.doctor.observe(lambda _c: self._guarded(self._on_doctor), names="value")
        for control in (self.product, self.status, self.patients, self.share, self.boxes, self.stage):
            control.observe(lambda _c: None if self._loading else self.refresh(), names="value")
        self.refresh()

    @property
    def territory(self) -> pd.DataFrame:
        """The territory scored with :func:`~course.accounts.score_physicians`."""
        return self._territory

    def _doctor_label(self, index: int) -> str:
        row = self._territory.iloc[index]
        doctor_id = str(row["physician_id"])
        name = ""
        if doctor_id in self._physicians.index:
            doc = self._physicians.loc[doctor_id]
            column = choose("name_en", "name_zh")
            if column in doc.index:
                name = f" {doc[column]}"
        return f"{doctor_id}{name} · {row['product']}"

    def _load_doctor(self) -> None:
        row = self._territory.iloc[int(self.doctor.value)]
        self._loading = True
        try:
            self.product.value = str(row["product"])
            self.status.value = int(row["status"])
            self.patients.value = float(row["patients_month"])
            self.share.value = float(row["indication_share"])
            self.boxes.value = float(row["boxes_per_patient"])
            recorded = row.get("adoption_stage")
            self.stage.value = int(recorded) if recorded is not None and pd.notna(recorded) else -1
        finally:
            self._loading = False

    def _on_doctor(self) -> None:
        self._load_doctor()
        self.refresh()

    def compute(self) -> ScorecardView:
        """Score the doctor in the entry fields with the territory's cut-offs."""
        product = str(self.product.value)
        cutoffs = self._cutoffs[product]
        potential = physician_potential(self.patients.value, self.share.value, self.boxes.value)
        stage = None if self.stage.value == -1 else int(self.stage.value)
        score = score_physician(int(self.status.value), potential, cutoffs, stage=stage)
        return ScorecardView(score=score, product=product, cutoffs=cutoffs,
                             objectives=tuple(str(o) for o in STAGES[score.stage].objectives))

    def show(self, result: ScorecardView) -> None:
        """Show the tier, calls, ladder step, objectives and the grid."""
        s = result.score
        lang = get_language()  # the grid image is cached per language
        klass = {"high": _("high"), "medium": _("medium"), "low": _("low")}[s.potential_class]
        lines = [
            _("Potential: {boxes:,.0f} boxes a month, {klass} (for {product}: high from "
              "{high:,.0f}, medium from {medium:,.0f})").format(
                boxes=s.potential, klass=klass, product=result.product,
                high=result.cutoffs.high, medium=result.cutoffs.medium),
            _("Prescribing status: {status}").format(
                status=str(s.status_label)),
        ]
        if s.tier == "D":
            lines.append(_("Tier D: not a target, no planned calls"))
        else:
            lines.append(_("Tier {tier}: {low}-{high} calls a month (plan {planned})").format(
                tier=s.tier, low=s.calls.low, high=s.calls.high, planned=s.calls.planned))
        lines.append(_("Adoption ladder: {step}, next: {goal}").format(
            step=str(step_text(s.stage)), goal=str(STAGES[s.stage].goal)))
        items = "".join(f"<li>{html.escape(o)}</li>" for o in result.objectives)
        body = "<br>".join(html.escape(line) for line in lines)
        heading = html.escape(_("Call objectives for the next visits"))
        self.result.value = f"<div>{body}</div><div><b>{heading}</b><ul>{items}</ul></div>"
        cell = (s.status, s.potential_class)
        self._grid.show(lang, lambda: plot_status_potential(self._territory, highlight=cell),
                        lambda ax: move_highlight(ax, *cell))


class AccountsQuiz(ChoiceQuiz):
    """Lesson 4's quiz (not graded): choose an answer, see at once whether it is right.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> quiz = AccountsQuiz()
    >>> quiz.choices[1].value = "B"
    >>> quiz.last_result["tier_first_choice"], quiz.last_result["status_from_note"]
    (True, None)
    """

    def __init__(self) -> None:
        super().__init__(questions(), width="24em")
