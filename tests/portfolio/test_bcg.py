"""BCG matrix: the training material's cut-offs, the boundary rule, names and objectives."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course.errors import CourseInputError
from course.i18n import set_language
from course.portfolio import (
    GROWTH_CUTOFF,
    OBJECTIVES,
    QUADRANTS,
    SHARE_CUTOFF,
    adopter_category,
    bcg_quadrant,
    classify_portfolio,
    lifecycle_stage,
    quadrant_info,
)


def test_the_material_cut_offs_are_ten_percent_growth_and_relative_share_one() -> None:
    assert GROWTH_CUTOFF == 0.10
    assert SHARE_CUTOFF == 1.0


@pytest.mark.parametrize(
    ("growth", "share", "quadrant"),
    [
        (0.25, 2.0, "star"),
        (0.25, 0.4, "question_mark"),
        (0.03, 2.0, "cash_cow"),
        (0.03, 0.4, "dog"),
        (-0.2, 0.0, "dog"),  # shrinking market, no share
    ],
)
def test_each_quadrant(growth: float, share: float, quadrant: str) -> None:
    assert bcg_quadrant(growth, share).code == quadrant


def test_a_value_equal_to_a_cut_off_counts_as_high() -> None:
    assert bcg_quadrant(0.10, 1.0).code == "star"
    assert bcg_quadrant(0.10, 0.999).code == "question_mark"
    assert bcg_quadrant(0.0999, 1.0).code == "cash_cow"
    assert bcg_quadrant(0.0999, 0.999).code == "dog"


def test_cut_offs_are_configurable() -> None:
    # a 12% market is high growth by default, low with a 15% cut-off
    assert bcg_quadrant(0.12, 1.2).code == "star"
    assert bcg_quadrant(0.12, 1.2, growth_cutoff=0.15).code == "cash_cow"
    assert bcg_quadrant(0.12, 1.2, share_cutoff=1.5).code == "question_mark"


def test_names_in_english_and_chinese_with_both_names_for_the_dog() -> None:
    assert quadrant_info("star").name.zh == "明星"
    assert quadrant_info("cash_cow").name.zh == "现金牛"
    assert quadrant_info("question_mark").names.zh == "问题小孩 / 野猫"
    dog = quadrant_info("dog")
    assert (dog.name.en, dog.name.zh, dog.material_name) == ("Dog", "瘦狗", "赖皮狗")
    assert dog.label == "Dog (瘦狗 / 赖皮狗)"


def test_objectives_follow_the_quadrant() -> None:
    assert [QUADRANTS[q].objective for q in ("star", "question_mark", "cash_cow", "dog")] == [
        "growth", "growth", "maintain", "exit"]
    assert QUADRANTS["question_mark"].alternative == "exit"  # the training material's investment decision
    assert QUADRANTS["cash_cow"].alternative == "harvest"
    assert all(q.objective in OBJECTIVES and q.alternative in OBJECTIVES for q in QUADRANTS.values())
    assert "advantage" in QUADRANTS["question_mark"].advice.en
    assert "区别优势" in QUADRANTS["question_mark"].advice.zh


def _portfolio() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "product": ["CARDIA", "GLUCO", "NEURO", "PULMO", "ONCO"],
            "market_growth": [0.18, 0.25, 0.04, 0.02, 0.10],
            "relative_share": [1.6, 0.3, 2.2, 0.4, 1.0],
            "sales_mrmb": [40.0, 8.0, 60.0, 3.0, 12.0],
            "launch_year": [2015, 2024, 2005, 2001, 2023],
        }
    )


def test_classify_portfolio_returns_a_new_table_and_keeps_the_input() -> None:
    products = _portfolio()
    before = products.copy()
    out = classify_portfolio(products)
    pd.testing.assert_frame_equal(products, before)
    assert list(out["quadrant"]) == ["star", "question_mark", "cash_cow", "dog", "star"]
    assert list(out["quadrant_zh"]) == ["明星", "问题小孩 / 野猫", "现金牛", "瘦狗 / 赖皮狗", "明星"]
    assert list(out["objective"]) == ["growth", "growth", "maintain", "exit", "growth"]
    assert out.loc[2, "objective_label"] == "Maintain (保持)"
    assert list(out["sales_mrmb"]) == [40.0, 8.0, 60.0, 3.0, 12.0]
    assert list(out["high_growth"]) == [True, True, False, False, True]


def test_classify_portfolio_moves_with_the_cut_offs() -> None:
    out = classify_portfolio(_portfolio(), growth_cutoff=0.20, share_cutoff=2.0)
    assert list(out["quadrant"]) == ["dog", "question_mark", "cash_cow", "dog", "dog"]


def test_new_products_get_the_entry_objective() -> None:
    out = classify_portfolio(_portfolio(), as_of_year=2025)
    # launched 2024 and 2023: within two years of 2025 is 2024 only
    assert list(out["objective"]) == ["growth", "entry", "maintain", "exit", "growth"]
    assert out.loc[1, "objective_label"] == "Entry (进入)"
    out3 = classify_portfolio(_portfolio(), as_of_year=2025, entry_years=3)
    assert list(out3["objective"])[4] == "entry"


def test_vectorised_result_matches_one_by_one() -> None:
    rng = np.random.default_rng(6)
    table = pd.DataFrame({"market_growth": rng.uniform(-0.3, 0.5, 500),
                          "relative_share": rng.uniform(0, 3, 500)})
    table.loc[0, ["market_growth", "relative_share"]] = [0.10, 1.0]
    out = classify_portfolio(table)
    expected = [bcg_quadrant(g, s).code for g, s in zip(table.market_growth, table.relative_share, strict=True)]
    assert list(out["quadrant"]) == expected


def test_bad_rows_are_all_named() -> None:
    table = _portfolio()
    table.loc[1, "market_growth"] = np.nan
    table.loc[3, "relative_share"] = -0.5
    with pytest.raises(CourseInputError) as caught:
        classify_portfolio(table)
    text = str(caught.value)
    assert "row 2, market_growth: got an empty cell" in text
    assert "row 4, relative_share: got -0.5" in text
    assert len(caught.value.problems) == 2


def test_a_percentage_typed_as_a_number_is_caught() -> None:
    with pytest.raises(CourseInputError, match="market_growth: got 12"):
        bcg_quadrant(12, 0.8)


def test_text_in_a_numeric_column_is_named() -> None:
    table = pd.DataFrame({"market_growth": ["12%"], "relative_share": [1.0]})
    with pytest.raises(CourseInputError, match=r"row 1, market_growth: got '12%'"):
        classify_portfolio(table)


def test_missing_column_and_bad_cut_offs() -> None:
    with pytest.raises(CourseInputError, match="missing: \\['relative_share'\\]"):
        classify_portfolio(pd.DataFrame({"market_growth": [0.1]}))
    with pytest.raises(CourseInputError, match="share_cutoff: got 0"):
        classify_portfolio(_portfolio(), share_cutoff=0)
    with pytest.raises(CourseInputError, match="products: got an empty table"):
        classify_portfolio(_portfolio().iloc[:0])
    with pytest.raises(CourseInputError, match="quadrant: got 'cow'"):
        quadrant_info("cow")


def test_any_row_labels_are_kept() -> None:
    table = _portfolio().set_index("product")
    out = classify_portfolio(table, as_of_year=2025)
    assert list(out.index) == ["CARDIA", "GLUCO", "NEURO", "PULMO", "ONCO"]
    assert out.loc["GLUCO", "objective"] == "entry"
    assert out.loc["PULMO", "quadrant_en"] == "Dog"
    shuffled = _portfolio().iloc[[4, 2, 0, 3, 1]]
    out = classify_portfolio(shuffled)
    assert out.loc[4, "quadrant"] == "star" and out.loc[1, "quadrant"] == "question_mark"


def test_a_chinese_lesson_names_quadrants_objectives_stages_and_adopters_in_chinese_only() -> None:
    table = pd.DataFrame({"product": ["N", "G"], "market_growth": [0.03, 0.16], "relative_share": [0.55, 1.35]})
    set_language("zh")
    out = classify_portfolio(table)
    assert list(out["quadrant_label"]) == ["瘦狗 / 赖皮狗", "明星"]
    assert list(out["objective_label"]) == ["放弃", "增长/突破"]
    assert lifecycle_stage([100, 104, 106]).label == "成熟期"
    assert adopter_category(30, 200).label == "早期采用者"
    set_language("en")
    assert list(classify_portfolio(table)["quadrant_label"]) == ["Dog (瘦狗 / 赖皮狗)", "Star (明星)"]
