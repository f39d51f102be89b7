"""Product life cycle: stages from growth rates, edges and bad input."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from course.errors import CourseInputError
from course.portfolio.lifecycle import (
    STAGES,
    LifecycleRules,
    lifecycle_stage,
    lifecycle_table,
    sales_by_period,
    stage_by_product,
    years_on_market,
)

MATERIAL_SALES = [6031, 20766, 67612, 120424, 130000, 180000]


def test_four_stages_with_chinese_names() -> None:
    assert [(s.name.en, s.name.zh) for s in STAGES.values()] == [
        ("Introduction", "导入期"), ("Growth", "成长期"), ("Maturity", "成熟期"), ("Decline", "衰退期")]


def test_the_material_product_year_by_year() -> None:
    table = lifecycle_table(MATERIAL_SALES, periods=[1994, 1995, 1996, 1997, 1998, 1999])
    assert list(table["stage"]) == ["introduction", "introduction", "growth", "growth", "maturity", "growth"]
    # hand-checked: 130,000 / 120,424 - 1 = 7.95%
    assert table.loc[4, "growth"] == pytest.approx(0.0795, abs=5e-5)
    assert math.isnan(table.loc[0, "growth"])
    assert table.loc[4, "stage_label"] == "Maturity (成熟期)"


@pytest.mark.parametrize(
    ("sales", "stage"),
    [
        ([100, 110], "introduction"),        # +10%, second period: still introduction
        ([100, 110, 121], "growth"),         # +10% exactly: rising
        ([100, 110, 120.9], "maturity"),     # +9.9%
        ([100, 100, 95], "decline"),         # -5% exactly: decline
        ([100, 100, 95.1], "maturity"),      # -4.9%
        ([100, 100, 100, 100], "maturity"),  # flat
        ([0, 0, 0], "introduction"),         # nothing sold yet
        ([50], "introduction"),              # one period only
        ([0, 0, 40, 90, 200], "growth"),     # zeros before launch are ignored: 3 periods sold
        ([0, 0, 40, 90], "introduction"),
        ([200, 120, 0], "decline"),          # sales stopped
    ],
)
def test_rules_at_their_edges(sales: list[float], stage: str) -> None:
    assert lifecycle_stage(sales).code == stage


def test_thresholds_are_configurable() -> None:
    sales = [100, 130, 150, 160]  # last growth 6.7%
    assert lifecycle_stage(sales).code == "maturity"
    assert lifecycle_stage(sales, LifecycleRules(rising=0.05)).code == "growth"
    assert lifecycle_stage([100, 150], LifecycleRules(intro_years=1)).code == "growth"
    assert lifecycle_stage([100, 100, 97], LifecycleRules(falling=-0.02)).code == "decline"


def test_window_smooths_a_noisy_series() -> None:
    noisy = [100, 100, 120, 100, 125, 100, 130, 105]  # last month -19%
    assert lifecycle_stage(noisy).code == "decline"
    # mean of last 2 (117.5) vs the 2 before (112.5): +4.4%
    assert lifecycle_stage(noisy, LifecycleRules(window=2)).code == "maturity"
    # a window too long for a short series uses what there is
    assert lifecycle_stage([100, 150, 160], LifecycleRules(window=4)).code == "maturity"


def test_accepts_series_and_arrays() -> None:
    series = pd.Series(MATERIAL_SALES[:4], index=[1994, 1995, 1996, 1997])
    assert lifecycle_stage(series).code == "growth"
    assert lifecycle_stage(np.array(MATERIAL_SALES[:5])).code == "maturity"
    assert list(lifecycle_table(series)["period"]) == [1994, 1995, 1996, 1997]


@pytest.mark.parametrize(
    ("sales", "message"),
    [
        ([], "sales: got []; allowed: at least one period of sales"),
        ([10, float("nan")], "sales[1]: got nan"),
        ([10, -3, 4], "sales[1]: got -3"),
        (["ten"], "sales[0]: got 'ten'"),
    ],
)
def test_bad_sales_raise_course_input_error(sales: list[object], message: str) -> None:
    with pytest.raises(CourseInputError) as caught:
        lifecycle_stage(sales)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_bad_rules_and_periods() -> None:
    with pytest.raises(CourseInputError, match="rising"):
        LifecycleRules(rising=-0.1)
    with pytest.raises(CourseInputError, match="window: got 0"):
        LifecycleRules(window=0)
    with pytest.raises(CourseInputError, match="periods_per_year: got 0"):
        LifecycleRules(periods_per_year=0)
    with pytest.raises(CourseInputError, match="age_years: got -1"):
        lifecycle_stage([1, 2], age_years=-1)
    with pytest.raises(CourseInputError, match=r"periods: got \[1, 2\]; allowed: one label per period of sales \(3 labels\)"):
        lifecycle_table([1, 2, 3], periods=[1, 2])


def test_monthly_growth_is_compounded_to_a_year() -> None:
    monthly = LifecycleRules(periods_per_year=12)
    # +0.8% a month = +10.03% a year: rising; +0.79% a month = 9.9%: mature
    assert lifecycle_stage([1000, 1008], monthly, age_years=5).code == "growth"
    assert lifecycle_stage([1000, 1007.9], monthly, age_years=5).code == "maturity"
    # -0.43% a month = -5.0% a year
    assert lifecycle_stage([1000, 995.6], monthly, age_years=5).code == "decline"
    table = lifecycle_table([1000, 1008], rules=monthly, age_years=5)
    assert table.loc[1, "growth"] == pytest.approx(1.008**12 - 1)
    # quarters of a window of 3 months are 3 months apart: 4 steps a year
    quarters = LifecycleRules(periods_per_year=12, window=3)
    table = lifecycle_table([100, 100, 100, 110, 110, 110], rules=quarters, age_years=5)
    assert table.loc[5, "growth"] == pytest.approx(1.1**4 - 1)


def test_time_on_the_market_separates_introduction_from_growth() -> None:
    rising = [100, 150, 200]
    assert lifecycle_stage(rising).code == "growth"             # 3 years counted from the series
    assert lifecycle_stage(rising, age_years=1.5).code == "introduction"
    assert lifecycle_stage([100], age_years=10).code == "maturity"  # old, but no trend to see
    # the age of earlier rows is counted back from the last one
    table = lifecycle_table(rising, age_years=3)
    assert list(table["stage"]) == ["introduction", "introduction", "growth"]
    assert years_on_market(1994, 1995) == 2.0
    assert years_on_market(2023, "2026-10") == pytest.approx(3 + 10 / 12)
    with pytest.raises(CourseInputError, match="period: got '2026-13'"):
        years_on_market(2023, "2026-13")
    with pytest.raises(CourseInputError, match="years on the market: got -2"):
        years_on_market(2023, 2020)


def test_the_sample_territory_products() -> None:
    from course.data import load_sample

    sales = load_sample("sales")
    launches = dict(zip(load_sample("products")["product"], load_sample("products")["launch_year"],
                        strict=True))
    quarters = LifecycleRules(periods_per_year=12, window=3)
    out = stage_by_product(sales, rules=quarters, launch_years=launches).set_index("product")
    assert set(out.index) == set(launches)
    assert (out["periods"] == 6).all()
    assert out.loc["CARDIA", "stage"] == "maturity"  # the cash cow
    series = sales_by_period(sales)
    assert len(series) == len(launches)
    assert series["CARDIA"].sum() == pytest.approx(sales.loc[sales["product"] == "CARDIA", "revenue_rmb"].sum())


def test_stage_by_product_totals_over_hospitals() -> None:
    sales = pd.DataFrame({
        "month": ["2025-01", "2025-01", "2025-02", "2025-02", "2025-01", "2025-02"],
        "hospital_id": ["H1", "H2", "H1", "H2", "H1", "H1"],
        "product": ["X", "X", "X", "X", "Y", "Y"],
        "revenue_rmb": [60.0, 40.0, 50.0, 40.0, 10.0, 30.0],
    })
    out = stage_by_product(sales)
    assert list(out["product"]) == ["X", "Y"]
    assert out.loc[0, "growth"] == pytest.approx(-0.10)  # 100 -> 90
    assert list(out["stage"]) == ["decline", "introduction"]
    assert list(out["last_sales"]) == [90.0, 30.0]
    with pytest.raises(CourseInputError, match="missing: \\['boxes'\\]"):
        stage_by_product(sales, value="boxes")
