"""The 80/20 rule and ABC classes on hand-checked accounts and a sales table."""

from __future__ import annotations

import pandas as pd
import pytest

from course.errors import CourseInputError
from course.timemgmt import abc_analysis, pareto_sales, sales_by_account


def test_hand_checked_abc() -> None:
    values = pd.Series({"H3": 100.0, "H1": 500.0, "H5": 40.0, "H2": 300.0, "H4": 60.0})
    result = abc_analysis(values)
    table = result.table
    assert table.index.tolist() == ["H1", "H2", "H3", "H4", "H5"]
    assert table["cum_share"].tolist() == pytest.approx([0.5, 0.8, 0.9, 0.96, 1.0])
    assert table["abc"].tolist() == ["A", "A", "B", "B", "C"]  # H2 reaches exactly 80%: A
    assert result.accounts_for(0.8) == 2
    assert result.account_share_for(0.8) == pytest.approx(0.4)  # 40% of accounts
    assert result.value_share_of_top(0.2) == pytest.approx(0.5)
    assert result.counts().to_dict() == {"A": 2, "B": 2, "C": 1}


def test_the_crossing_account_is_in_a_and_cutoffs_configurable() -> None:
    values = pd.Series({"H1": 70, "H2": 20, "H3": 6, "H4": 4})
    assert abc_analysis(values).table["abc"].tolist() == ["A", "A", "B", "C"]
    assert abc_analysis(values, a=0.7, b=0.9).table["abc"].tolist() == ["A", "B", "C", "C"]


def test_ties_are_reproducible() -> None:
    values = pd.Series({"H2": 10, "H1": 10, "H3": 10})
    assert abc_analysis(values).table.index.tolist() == ["H1", "H2", "H3"]


def test_sales_table_aggregated_per_hospital() -> None:
    sales = pd.DataFrame({
        "month": ["2026-01", "2026-02", "2026-01", "2026-01", "2026-02"],
        "hospital_id": ["H01", "H01", "H02", "H03", "H03"],
        "product": ["CARDIA", "CARDIA", "CARDIA", "NEURO", "CARDIA"],
        "boxes": [10, 30, 20, 5, 5],
        "revenue_rmb": [1000.0, 3000.0, 2000.0, 500.0, 500.0],
    })
    assert sales_by_account(sales).to_dict() == {"H01": 4000.0, "H02": 2000.0, "H03": 1000.0}
    assert sales_by_account(sales, value="boxes", product="CARDIA").to_dict() == {
        "H01": 40, "H02": 20, "H03": 5}
    result = pareto_sales(sales)
    assert result.table["abc"].to_dict() == {"H01": "A", "H02": "A", "H03": "B"}
    with pytest.raises(CourseInputError, match="product: got 'X'"):
        sales_by_account(sales, product="X")


def test_bad_values() -> None:
    with pytest.raises(CourseInputError, match=r"values\['H2'\]: got -5"):
        abc_analysis(pd.Series({"H1": 10, "H2": -5}))
    with pytest.raises(CourseInputError, match="all zero"):
        abc_analysis(pd.Series({"H1": 0, "H2": 0}))
    with pytest.raises(CourseInputError, match=r"b: got 0\.5"):
        abc_analysis(pd.Series({"H1": 1}), a=0.8, b=0.5)
    with pytest.raises(CourseInputError, match="at least one account"):
        abc_analysis(pd.Series([], dtype=float))
    with pytest.raises(CourseInputError, match="missing"):
        sales_by_account(pd.DataFrame({"x": [1]}))
