"""BCG and life-cycle explorer for a small portfolio (产品组合: 波士顿矩阵与生命周期).

Move the cut-off sliders and watch products change quadrant; pick a product,
edit its market growth and relative share, and see its quadrant, the objective
it suggests and its life-cycle stage from its sales. The explorer works on the
sample territory's products and monthly sales by default, and on a trainee's
own table when given. Every number comes from :mod:`course.portfolio`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from course.data import load_sample
from course.i18n import _, choose, get_language
from course.inputs import check_columns, check_not_empty, check_number
from course.plots._style import PngCache, figure_png
from course.plots.portfolio import bcg_growth_limits, move_bcg, plot_bcg, plot_lifecycle
from course.portfolio.bcg import (
    GROWTH_CUTOFF,
    QUADRANTS,
    SHARE_CUTOFF,
    Quadrant,
    classify_portfolio,
)
from course.portfolio.lifecycle import (
    STAGES,
    LifecycleRules,
    LifecycleStage,
    lifecycle_table,
    sales_by_period,
    years_on_market,
)
from course.portfolio.marketing import OBJECTIVES
from course.quiz.portfolio import questions
from course.widgets._base import CourseWidget
from course.widgets._chart import KeptChart
from course.widgets.quiz import ChoiceQuiz

__all__ = ["PortfolioExplorer", "PortfolioQuiz", "PortfolioView"]

SalesInput = pd.DataFrame | Mapping[str, Sequence[float]]


@dataclass(frozen=True)
class PortfolioView:
    """What the explorer shows for the current entries."""

    products: pd.DataFrame
    """The products with the trainee's edits of growth and share."""
    portfolio: pd.DataFrame
    """The products placed on the matrix (:func:`~course.portfolio.classify_portfolio`)."""
    product: str
    """The product being explored."""
    quadrant: Quadrant
    """Its BCG quadrant."""
    lifecycle: pd.DataFrame | None
    """Its life-cycle table (:func:`~course.portfolio.lifecycle_table`), if sales were entered."""
    stage: LifecycleStage | None
    """Its life-cycle stage at the last period, if sales were entered."""


def _format(value: float) -> str:
    return np.format_float_positional(round(float(value), 1), trim="-")


class PortfolioExplorer(CourseWidget):
    """Explore the BCG matrix and the life cycle of a small portfolio.

    Parameters
    ----------
    products
        One row per product with ``product``, ``market_growth`` (fraction),
        ``relative_share`` and optionally ``sales_mrmb``, ``name_zh``/``name_en``
        and ``launch_year``; default the sample territory's products.
    sales
        Sales per period for the life cycle: a table with ``product``, ``month``
        and ``revenue_rmb`` (the sample's ``sales``; hospitals are added up) or a
        mapping product → list of sales; default the sample's monthly sales
        (only when ``products`` is the sample too).
    periods_per_year
        12 for monthly sales (default), 4 quarterly, 1 yearly.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> explorer = PortfolioExplorer()
    >>> explorer.last_result.quadrant.code, explorer.last_result.stage.code
    ('cash_cow', 'maturity')
    """

    def __init__(
        self,
        products: pd.DataFrame | None = None,
        sales: SalesInput | None = None,
        *,
        periods_per_year: int = 12,
    ) -> None:
        if products is None:
            products = load_sample("products")
            if sales is None:
                sales = load_sample("sales")
        check_not_empty("products", products)
        check_columns("products", products, ["product", "market_growth", "relative_share"])
        self._products = products.reset_index(drop=True).copy()
        self._last_periods: dict[str, str] = {}
        self._series = self._sales_series(sales)
        self._edits: dict[str, tuple[float, float]] = {}
        self._sales_edits: dict[str, str] = {}
        self._loading = False
        self._life_pngs = PngCache(size=12)

        style = {"description_width": "initial"}
        self.growth_cutoff = widgets.FloatSlider(
            value=GROWTH_CUTOFF, min=0.0, max=0.30, step=0.01, readout_format=".0%",
            description=_("Market growth cut-off"), style=style)
        self.share_cutoff = widgets.FloatSlider(
            value=SHARE_CUTOFF, min=0.25, max=3.0, step=0.05, readout_format=".2f",
            description=_("Relative share cut-off"), style=style)
        codes = [str(c) for c in self._products["product"]]
        self.product = widgets.Dropdown(
            options=[(self._name(i), code) for i, code in enumerate(codes)], value=codes[0],
            description=_("Product to explore"), style=style)
        self.growth = widgets.FloatText(description=_("Market growth (%)"), style=style)
        self.share = widgets.FloatText(description=_("Relative share (1 = as big as the leader)"),
                                       style=style, step=0.05)
        self.sales = widgets.Textarea(
            description=_("Sales per period, oldest first"),
            placeholder=_("e.g. 120, 135, 150"), style=style,
            layout=widgets.Layout(width="98%", height="4em"))
        self.periods = widgets.Dropdown(
            options=[(_("Monthly"), 12), (_("Quarterly"), 4), (_("Yearly"), 1)],
            value=periods_per_year, description=_("Sales are"), style=style)
        self.window = widgets.IntSlider(
            value=3 if periods_per_year > 1 else 1, min=1, max=6,
            description=_("Periods averaged"), style=style)
        self.reset = widgets.Button(description=_("Reset"), icon="undo")
        self.bcg_image = self.image()
        self._bcg = KeptChart(self.bcg_image, dpi=100)  # the growth cut-off moves a line and recolours
        self.life_image = self.image()
        self.summary = widgets.HTML()
        self.table = widgets.HTML()

        controls = widgets.VBox([
            widgets.HBox([self.growth_cutoff, self.share_cutoff]),
            widgets.HBox([self.product, self.reset]),
            widgets.HBox([self.growth, self.share]),
            self.sales,
            widgets.HBox([self.periods, self.window]),
        ])
        tabs = widgets.Tab(children=[self.bcg_image, self.life_image])
        tabs.set_title(0, _("BCG matrix"))
        tabs.set_title(1, _("Life cycle"))
        super().__init__(children=[controls, self.summary, tabs, self.table])

        self._load_product()
        self.product.observe(lambda _c: self._guarded(self._on_product), names="value")
        for control in (self.growth, self.share):
            control.observe(lambda _c: self._on_edit(), names="value")
        self.sales.observe(lambda _c: self._on_sales(), names="value")
        self.watch(self.growth_cutoff, self.share_cutoff, self.periods, self.window)
        self.on_click(self.reset, self._reset)
        self.refresh()

    # -- data in -----------------------------------------------------------
    def _sales_series(self, sales: SalesInput | None) -> dict[str, list[float]]:
        """Sales per product as lists; remembers each product's last period label."""
        if sales is None:
            return {}
        if isinstance(sales, pd.DataFrame):
            series = sales_by_period(sales)
            self._last_periods = {k: str(v.index[-1]) for k, v in series.items()}
            return {k: v.tolist() for k, v in series.items()}
        return {str(k): list(v) for k, v in sales.items()}

    def _name(self, index: int) -> str:
        row = self._products.iloc[index]
        code = str(row["product"])
        column = choose("name_en", "name_zh")
        if column in self._products.columns and pd.notna(row[column]):
            return f"{code} · {row[column]}"
        return code

    def _row(self, code: str) -> int:
        return int(np.flatnonzero(self._products["product"].astype(str).to_numpy() == code)[0])

    # -- events ------------------------------------------------------------
    def _load_product(self) -> None:
        """Put the chosen product's (edited) numbers into the entry fields."""
        code = str(self.product.value)
        row = self._products.iloc[self._row(code)]
        growth, share = self._edits.get(code, (row["market_growth"], row["relative_share"]))
        self._loading = True
        try:
            self.growth.value = round(float(growth) * 100, 6)
            self.share.value = float(share)
            default = ", ".join(_format(v) for v in self._series.get(code, []))
            self.sales.value = self._sales_edits.get(code, default)
        finally:
            self._loading = False

    def _on_product(self) -> None:
        self._load_product()
        self._update()

    def _on_edit(self) -> None:
        if self._loading:
            return
        self._edits[str(self.product.value)] = (self.growth.value / 100, self.share.value)
        self.refresh()

    def _on_sales(self) -> None:
        if self._loading:
            return
        self._sales_edits[str(self.product.value)] = self.sales.value
        self.refresh()

    def _reset(self) -> None:
        self._edits.clear()
        self._sales_edits.clear()
        self._load_product()
        self._update()

    # -- library calls -----------------------------------------------------
    def compute(self) -> PortfolioView:
        """Apply the edits, place the products, read the chosen product's life cycle."""
        table = self._products.copy()
        for code, (growth, share) in self._edits.items():
            index = self._row(code)
            check_number(_("Market growth (%)"), growth * 100, low=-100, high=500)
            table.loc[index, "market_growth"] = growth
            table.loc[index, "relative_share"] = share
        portfolio = classify_portfolio(
            table, growth_cutoff=self.growth_cutoff.value, share_cutoff=self.share_cutoff.value)
        code = str(self.product.value)
        quadrant = QUADRANTS[str(portfolio.loc[self._row(code), "quadrant"])]
        tokens = [t for t in re.split(r"[,，、;；\s]+", self.sales.value.strip()) if t]
        lifecycle = stage = None
        if tokens:
            rules = LifecycleRules(window=self.window.value, periods_per_year=self.periods.value)
            lifecycle = lifecycle_table(tokens, rules=rules, age_years=self._age(code))
            stage = STAGES[str(lifecycle["stage"].iloc[-1])]
        return PortfolioView(table, portfolio, code, quadrant, lifecycle, stage)

    def _age(self, code: str) -> float | None:
        """Years on the market at the end of the sample's last period, from the launch year."""
        if "launch_year" not in self._products.columns or not self._series.get(code):
            return None
        launch = self._products["launch_year"].tolist()[self._row(code)]
        if pd.isna(launch):
            return None
        last = self._last_periods.get(code)
        return years_on_market(int(launch), last) if last is not None else None

    # -- display -----------------------------------------------------------
    def show(self, result: PortfolioView) -> None:
        """Draw the matrix and the life cycle, write the summary and the table."""
        lang = get_language()  # the images are cached per language
        growth_cutoff, share_cutoff = self.growth_cutoff.value, self.share_cutoff.value

        products = result.products
        slider = self.growth_cutoff
        limits = bcg_growth_limits(products, (slider.min, slider.max))  # one axis for every cut-off

        def build() -> Axes:
            # fixed margins: a layout engine would double the drawing time of each update
            figure = Figure(figsize=(6.5, 5))
            ax = figure.add_axes((0.11, 0.1, 0.86, 0.83))
            return plot_bcg(products, ax, growth_cutoff=growth_cutoff, share_cutoff=share_cutoff,
                            growth_limits=limits)

        # the matrix's axes show the products and the share cut-off; the growth cut-off moves
        still = (products.to_json(), share_cutoff, limits, lang)
        self._bcg.show(still, build, lambda ax: move_bcg(ax, products, growth_cutoff=growth_cutoff,
                                                         share_cutoff=share_cutoff))
        stage = result.stage.code if result.stage else None
        self.life_image.value = self._life_pngs.get(
            (stage, lang),
            lambda: figure_png(plot_lifecycle(highlight_stage=stage).figure))  # type: ignore[arg-type]
        self.summary.value = self._summary_html(result)
        self.table.value = self._table_html(result.portfolio)

    @staticmethod
    def _quadrant_name(quadrant: Quadrant) -> str:
        return str(quadrant.names)

    def _summary_html(self, result: PortfolioView) -> str:
        q = result.quadrant
        row = result.portfolio.loc[self._row(result.product)]
        objective = OBJECTIVES[str(row["objective"])]
        alternative = OBJECTIVES[q.alternative]
        lines = [
            f"<b>{html.escape(self._name(self._row(result.product)))}</b>: "
            f"{html.escape(self._quadrant_name(q))}",
            f"{_('Suggested objective')}: <b>{html.escape(str(objective.name))}</b>"
            f" ({_('or')} {html.escape(str(alternative.name))})",
            f"{_('Resources')}: {html.escape(str(q.advice))}",
        ]
        if result.stage is None or result.lifecycle is None:
            lines.append(html.escape(_("Enter the product's sales per period to see its life-cycle stage.")))
        else:
            growth = float(result.lifecycle["growth"].iloc[-1])
            rate = "–" if not np.isfinite(growth) else f"{growth:+.1%}"
            lines.append(
                f"{_('Life-cycle stage')}: <b>{html.escape(str(result.stage.name))}</b> "
                f"({html.escape(_('recent growth {rate} a year').format(rate=rate))})"
            )
        return "<div>" + "<br>".join(lines) + "</div>"

    def _table_html(self, portfolio: pd.DataFrame) -> str:
        shown = pd.DataFrame({
            _("Product to explore"): [self._name(i) for i in range(len(portfolio))],
            _("Market growth (%)"): [f"{g:.0%}" for g in portfolio["market_growth"]],
            _("Relative share"): [f"{s:.2f}" for s in portfolio["relative_share"]],
            _("Quadrant"): [self._quadrant_name(QUADRANTS[str(c)]) for c in portfolio["quadrant"]],
            _("Suggested objective"): [
                str(OBJECTIVES[str(o)].name) for o in portfolio["objective"]],
        })
        return shown.to_html(index=False, escape=True, border=0)


class PortfolioQuiz(ChoiceQuiz):
    """Lesson 6's quiz (not graded): choose an answer, see at once whether it is right.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> quiz = PortfolioQuiz()
    >>> quiz.choices[0].value = "star"
    >>> quiz.last_result["on_the_cut_offs"]
    True
    """

    def __init__(self) -> None:
        super().__init__(questions(), width="16em")
