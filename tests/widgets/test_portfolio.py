"""The BCG and life-cycle explorer, headless: set controls, read what is shown."""

from __future__ import annotations

import pandas as pd
import pytest

from course.data import load_sample
from course.i18n import set_language
from course.plots._style import cjk_font
from course.portfolio import classify_portfolio, lifecycle_table
from course.widgets.portfolio import PortfolioExplorer

PNG = b"\x89PNG"



@pytest.fixture(scope="module")
def explorer() -> PortfolioExplorer:
    set_language("en")
    return PortfolioExplorer()


def quadrants(widget: PortfolioExplorer) -> dict[str, str]:
    portfolio = widget.last_result.portfolio
    return dict(zip(portfolio["product"], portfolio["quadrant"], strict=True))


def test_opens_on_the_sample_portfolio() -> None:
    widget = PortfolioExplorer()
    assert widget.feedback.value == ""
    assert quadrants(widget) == {"CARDIA": "cash_cow", "GLYCO": "star", "NEURA": "dog",
                                 "RESPI": "question_mark", "ONCO": "question_mark"}
    assert widget.product.value == "CARDIA"
    assert widget.growth.value == pytest.approx(4.0)  # shown in percent
    assert widget.share.value == pytest.approx(1.8)
    assert widget.bcg_image.value[:4] == PNG and widget.life_image.value[:4] == PNG
    assert "Cash cow" in widget.summary.value and "Maintain" in widget.summary.value
    assert "Maturity" in widget.summary.value
    for name in ("CARDIA · Cardiavel", "GLYCO · Glycoren", "ONCO · Oncovance"):
        assert name in widget.table.value
    # the sample's monthly sales of CARDIA, added over hospitals, are in the sales box
    monthly = load_sample("sales").groupby(["product", "month"])["revenue_rmb"].sum()["CARDIA"]
    assert [float(v) for v in widget.sales.value.split(", ")] == pytest.approx(monthly.round(1).tolist())


def test_the_library_receives_the_cut_offs(explorer: PortfolioExplorer) -> None:
    explorer.growth_cutoff.value = 0.18       # GLYCO's 16% market is no longer high growth
    assert quadrants(explorer)["GLYCO"] == "cash_cow"
    explorer.share_cutoff.value = 2.0         # CARDIA's 1.8 is no longer a leader's share
    result = explorer.last_result
    assert quadrants(explorer)["CARDIA"] == "dog"
    expected = classify_portfolio(result.products, growth_cutoff=0.18, share_cutoff=2.0)
    pd.testing.assert_frame_equal(result.portfolio, expected)
    assert result.quadrant.code == "dog" and "Dog" in explorer.summary.value
    explorer.growth_cutoff.value, explorer.share_cutoff.value = 0.10, 1.0
    assert quadrants(explorer)["CARDIA"] == "cash_cow"


@pytest.mark.slow
def test_choose_and_edit_a_product() -> None:
    widget = PortfolioExplorer()
    widget.product.value = "RESPI"
    assert (widget.growth.value, widget.share.value) == (pytest.approx(14.0), pytest.approx(0.45))
    assert widget.last_result.quadrant.code == "question_mark"
    assert "Question mark" in widget.summary.value and "Growth / breakthrough" in widget.summary.value
    widget.share.value = 1.2                  # RESPI overtakes its leader
    assert widget.last_result.quadrant.code == "star"
    assert widget.last_result.products.loc[3, "relative_share"] == 1.2
    widget.growth.value = 5.0                 # 5% typed: 0.05 reaches the library
    assert widget.last_result.products.loc[3, "market_growth"] == pytest.approx(0.05)
    assert widget.last_result.quadrant.code == "cash_cow"
    # the edit survives a visit to another product, and Reset undoes it
    widget.product.value = "ONCO"
    widget.product.value = "RESPI"
    assert (widget.growth.value, widget.share.value) == (pytest.approx(5.0), pytest.approx(1.2))
    widget.reset.click()
    assert (widget.growth.value, widget.share.value) == (pytest.approx(14.0), pytest.approx(0.45))
    assert quadrants(widget)["RESPI"] == "question_mark"


def test_bad_entries_show_a_message_and_keep_what_was_typed() -> None:
    widget = PortfolioExplorer()
    before = widget.last_result
    widget.share.value = -1.0
    assert "relative_share: got -1.0" in widget.feedback.value
    assert "Please fix this entry" in widget.feedback.value
    assert widget.share.value == -1.0
    assert widget.last_result is before       # nothing new was shown
    widget.share.value = 1.5
    assert widget.feedback.value == ""
    widget.growth.value = 900.0               # 900% is not a market growth
    assert "Market growth (%): got 900" in widget.feedback.value
    assert widget.growth.value == 900.0
    widget.growth.value = 4.0
    widget.sales.value = "100, 120, abc"
    assert "sales[2]: got &#x27;abc&#x27;" in widget.feedback.value
    assert widget.sales.value == "100, 120, abc"
    assert widget.last_exception is None      # handled as an input error, not a crash


def test_sales_series_to_life_cycle_stage() -> None:
    widget = PortfolioExplorer()
    widget.periods.value = 1
    widget.window.value = 1
    widget.sales.value = "6031, 20766, 67612, 120424, 130000"
    result = widget.last_result
    assert result.stage is not None and result.stage.code == "maturity"
    assert "+8.0% a year"  # 130,000 / 120,424 - 1 = 7.95% in widget.summary.value
    assert list(result.lifecycle["sales"]) == [6031, 20766, 67612, 120424, 130000]
    widget.sales.value = "6031 20766 67612 120424"   # spaces work too
    assert widget.last_result.stage.code == "growth"
    widget.sales.value = "100；90，80"               # Chinese punctuation
    assert widget.last_result.stage.code == "decline"
    widget.sales.value = ""
    assert widget.last_result.stage is None
    assert "Enter the product&#x27;s sales" in widget.summary.value


def test_monthly_sample_sales_use_the_launch_year() -> None:
    widget = PortfolioExplorer()
    widget.product.value = "ONCO"                   # launched 2023: not an introduction any more
    result = widget.last_result
    tokens = [float(v) for v in widget.sales.value.split(", ")]
    from course.portfolio import LifecycleRules, years_on_market

    expected = lifecycle_table(tokens, rules=LifecycleRules(window=3, periods_per_year=12),
                               age_years=years_on_market(2023, "2026-10"))
    pd.testing.assert_frame_equal(result.lifecycle, expected)
    assert result.stage.code == expected["stage"].iloc[-1] == "growth"


def test_own_portfolio_and_sales() -> None:
    products = pd.DataFrame({"product": ["P1", "P2"], "market_growth": [0.3, 0.01],
                             "relative_share": [0.2, 3.0]})
    widget = PortfolioExplorer(products, {"P1": [10, 30, 60]}, periods_per_year=1)
    assert quadrants(widget) == {"P1": "question_mark", "P2": "cash_cow"}
    assert widget.window.value == 1
    assert widget.sales.value == "10, 30, 60"
    assert widget.last_result.stage.code == "growth"   # 3 years counted from the first sale
    widget.product.value = "P2"
    assert widget.sales.value == ""
    assert widget.last_result.stage is None
    assert "P2" in widget.table.value


def test_own_table_without_the_needed_columns_is_refused() -> None:
    from course.errors import CourseInputError

    with pytest.raises(CourseInputError, match="missing: \\['relative_share'\\]"):
        PortfolioExplorer(pd.DataFrame({"product": ["P1"], "market_growth": [0.1]}))


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font installed")
def test_chinese_labels_and_summary() -> None:
    set_language("zh")
    widget = PortfolioExplorer()
    assert widget.growth_cutoff.description == "市场增长率分界线"
    assert widget.product.options[0][0] == "CARDIA · 瑞心平"
    assert "现金牛" in widget.summary.value and "保持" in widget.summary.value
    assert "成熟期" in widget.summary.value
    widget.product.value = "NEURA"
    assert "瘦狗 / 赖皮狗" in widget.summary.value
    assert "象限" in widget.table.value


def test_quiz_gives_immediate_feedback() -> None:
    from course.widgets.portfolio import PortfolioQuiz

    quiz = PortfolioQuiz()
    assert quiz.last_result == dict.fromkeys(
        ["on_the_cut_offs", "low_low", "thirtieth_of_200", "slow_sales", "dog_objective"])
    assert quiz.score.value == "0 of 5 right"
    quiz.choices[0].value = "question_mark"          # forgets that 10% counts as high
    assert quiz.last_result["on_the_cut_offs"] is False
    assert "✗" in quiz.verdicts[0].value and "equal to a cut-off" in quiz.verdicts[0].value
    quiz.choices[0].value = "star"
    assert "✓ Correct" in quiz.verdicts[0].value
    for choice, answer in zip(quiz.choices[1:], ["dog", "early_adopters", "maturity", "exit"],
                              strict=True):
        choice.value = answer
    assert all(quiz.last_result.values())
    assert quiz.score.value == "5 of 5 right"
    assert quiz.feedback.value == ""


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font installed")
def test_quiz_in_chinese() -> None:
    from course.widgets.portfolio import PortfolioQuiz

    set_language("zh")
    quiz = PortfolioQuiz()
    assert ("瘦狗 / 赖皮狗", "dog") in quiz.choices[1].options
    assert ("早期采用者", "early_adopters") in quiz.choices[2].options
    quiz.choices[4].value = "harvest"
    assert "提示" in quiz.verdicts[4].value
