"""The training material's product history table: growth, sales per rep, A&P ratio."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from course.errors import CourseInputError
from course.portfolio import analyse_history, compound_growth, year_label


def material_table(ap_years: tuple[int, ...] = (1994, 1995, 1996, 1997)) -> pd.DataFrame:
    """The training material's table; A&P 16, 26, 30, 27 for ``ap_years``."""
    years = [1994, 1995, 1996, 1997, 1998, 1999]
    spend = dict(zip(ap_years, [16.0, 26.0, 30.0, 27.0], strict=True))
    return pd.DataFrame({
        "year": years,
        "net_sales_krmb": [6031.0, 20766.0, 67612.0, 120424.0, 130000.0, 180000.0],
        "ap_spend_mrmb": [spend.get(y, np.nan) for y in years],
        "field_force": [120, 120, 150, 210, 220, 300],
        "is_target": [False, False, False, False, False, True],
    })


def test_growth_sales_per_rep_and_ap_ratio_hand_checked() -> None:
    out = analyse_history(material_table())
    assert list(out["label"]) == ["94", "95", "96", "97", "98", "99T"]
    # 20,766 / 6,031 - 1 = 244.3%; 180,000 / 130,000 - 1 = 38.5%
    assert out["sales_growth"].round(3).tolist()[1:] == [2.443, 2.256, 0.781, 0.080, 0.385]
    assert math.isnan(out.loc[0, "sales_growth"])
    # 6,031 / 120 = 50.3; 180,000 / 300 = 600 (RMB '000 per rep)
    assert out["sales_per_rep_krmb"].tolist() == pytest.approx(
        [50.258, 173.05, 450.747, 573.448, 590.909, 600.0], abs=1e-3)
    # A&P RMB mio -> RMB '000: 16 x 1,000 / 6,031 = 265.3%; 27,000 / 120,424 = 22.4%
    assert out["ap_ratio"].round(3).tolist()[:4] == [2.653, 1.252, 0.444, 0.224]
    assert out["ap_ratio"].iloc[4:].isna().all()
    assert out["reps_added"].tolist()[1:] == [0, 30, 60, 10, 80]


def test_the_ratio_follows_the_years_that_have_an_ap_figure() -> None:
    out = analyse_history(material_table(ap_years=(1995, 1996, 1997, 1998)))
    assert math.isnan(out.loc[0, "ap_ratio"])
    assert out.loc[4, "ap_ratio"] == pytest.approx(27000 / 130000)


def test_rows_are_sorted_and_the_input_is_left_alone() -> None:
    table = material_table().iloc[::-1].reset_index(drop=True)
    before = table.copy()
    out = analyse_history(table)
    assert list(out["year"]) == [1994, 1995, 1996, 1997, 1998, 1999]
    pd.testing.assert_frame_equal(table, before)


def test_no_sales_or_no_reps_give_an_empty_ratio_not_infinity() -> None:
    table = material_table()
    table.loc[0, "net_sales_krmb"] = 0.0
    table.loc[2, "field_force"] = 0
    out = analyse_history(table)
    assert math.isnan(out.loc[0, "ap_ratio"])
    assert math.isnan(out.loc[1, "sales_growth"])  # growth from zero is not a number
    assert math.isnan(out.loc[2, "sales_per_rep_krmb"])
    numbers = out.select_dtypes("number").to_numpy(dtype=float)
    assert not np.isinf(numbers).any()


def test_bad_cells_are_all_reported() -> None:
    table = material_table()
    table.loc[1, "net_sales_krmb"] = np.nan
    table.loc[3, "field_force"] = -5
    table["is_target"] = table["is_target"].astype(object)
    table.loc[5, "is_target"] = "maybe"
    with pytest.raises(CourseInputError) as caught:
        analyse_history(table)
    text = str(caught.value)
    assert "row 2, net_sales_krmb: got an empty cell" in text
    assert "row 4, field_force: got -5" in text


def test_is_target_and_duplicate_years() -> None:
    table = material_table()
    table["is_target"] = table["is_target"].astype(object)
    table.loc[5, "is_target"] = "maybe"
    with pytest.raises(CourseInputError, match="row 6, is_target: got 'maybe'"):
        analyse_history(table)
    table = material_table()
    table.loc[5, "year"] = 1998
    with pytest.raises(CourseInputError, match="year: got \\[1998\\]; allowed: each year once"):
        analyse_history(table)
    with pytest.raises(CourseInputError, match="missing: \\['field_force'\\]"):
        analyse_history(material_table().drop(columns="field_force"))


def test_labels_and_compound_growth() -> None:
    assert year_label(1999, True) == "99T"
    assert year_label(2005, False) == "05"
    # 6,031 -> 130,000 in four years: (130000/6031)^(1/4) - 1 = 115.5% a year
    assert compound_growth(6031, 130000, 4) == pytest.approx(1.1547, abs=1e-4)
    with pytest.raises(CourseInputError, match="start: got 0"):
        compound_growth(0, 10, 2)


def test_the_shipped_sample_table() -> None:
    from course.data import load_sample

    out = analyse_history(load_sample("product_history"))
    assert list(out["label"]) == ["94", "95", "96", "97", "98", "99T"]
    assert out["net_sales_krmb"].tolist() == [6031, 20766, 67612, 120424, 130000, 180000]
    assert out["field_force"].tolist() == [120, 120, 150, 210, 220, 300]
    # the sample puts the four A&P figures on 1995-1998
    assert out["ap_ratio"].round(3).tolist()[1:5] == [0.770, 0.385, 0.249, 0.208]
    assert out["ap_ratio"].iloc[[0, 5]].isna().all()
