"""Goal widgets headless: the SMART coach (words and fields) and the quota allocator."""

from __future__ import annotations

from datetime import date

import pandas as pd

from course.data import load_sample
from course.goals import cascade_quota, quota_accounts, stretch_target
from course.i18n import set_language
from course.widgets.goals import QuotaAllocator, SmartCoach

PNG = b"\x89PNG"
TODAY = date(2026, 3, 2)



# ---------------------------------------------------------------- SMART coach
def test_coach_starts_on_the_materials_vague_goal() -> None:
    coach = SmartCoach(today=TODAY)
    result = coach.last_result
    assert result.mode == "text" and result.verdict.failed == ("S", "M", "T")
    assert coach.board.value[:4] == PNG
    assert "Hedging words (尽量) leave the result open." in coach.table.value
    assert "No deadline." in coach.table.value
    assert "The coach noticed" in coach.flags.value and coach.feedback.value == ""


def test_coach_updates_live_as_the_goal_is_typed() -> None:
    coach = SmartCoach(today=TODAY)
    coach.text.value = "2026年12月31日前将某医院心内科的月处方量从200盒提高到300盒"
    assert coach.last_result.verdict.passed and coach.flags.value == ""
    assert coach.last_result.report is not None
    assert coach.last_result.report.amounts.stretch == 0.5
    coach.variant.value = "assignable"
    assert coach.last_result.verdict["A"].name.en == "Assignable"
    assert coach.last_result.verdict.failed == ("A",)  # nobody named
    coach.text.value = "我要" + coach.text.value
    assert coach.last_result.verdict.passed


def test_coach_fields_tab_assesses_a_structured_goal() -> None:
    coach = SmartCoach(today=TODAY)
    coach.what.value = "CARDIA prescriptions in 市一院心内科"
    coach.metric.value, coach.unit.value = "boxes a month", "boxes"
    coach.baseline.value, coach.target.value = "200", "300"
    coach.deadline.value = date(2026, 12, 31)
    coach.owner.value = "Wang Li"
    coach.tabs.selected_index = 1
    result = coach.last_result
    assert result.mode == "fields" and result.verdict.passed and result.report is None
    assert result.verdict.stretch == 0.5 and result.verdict.horizon_days == 304
    coach.target.value = "205"
    assert coach.last_result.verdict.failed == ("A",)
    assert "2%" in coach.table.value  # the stretch of 2.5% shown in the reason


def test_coach_bad_entries_show_a_message_and_keep_the_controls() -> None:
    coach = SmartCoach(today=TODAY)
    coach.tabs.selected_index = 1
    coach.what.value = "CARDIA prescriptions in 市一院心内科"
    coach.baseline.value = "two hundred"
    assert "Please fix this entry" in coach.feedback.value and "Baseline" in coach.feedback.value
    assert coach.baseline.value == "two hundred"
    coach.baseline.value = "200"
    coach.deadline.value = date(2026, 1, 31)  # already past
    assert "deadline" in coach.feedback.value and "2026-01-31" in coach.feedback.value
    assert coach.deadline.value == date(2026, 1, 31)
    coach.deadline.value = date(2026, 12, 31)
    assert coach.feedback.value == ""
    coach.tabs.selected_index = 0
    coach.text.value = "   "
    assert "goal" in coach.feedback.value and coach.text.value == "   "
    assert coach.last_exception is None


def test_coach_speaks_chinese() -> None:
    set_language("zh")
    coach = SmartCoach(today=TODAY)
    assert "含糊的措辞" in coach.table.value
    assert coach.tabs.get_title(0) == "用文字写目标"
    assert coach.variant.options[0][0].startswith("A = 有雄心")


# ---------------------------------------------------------------- quota allocator
def sample_accounts() -> pd.DataFrame:
    return quota_accounts(load_sample("sales"), load_sample("hospitals"), load_sample("physicians"),
                          load_sample("prescribing"))


def test_allocator_cascades_the_sample_by_default() -> None:
    allocator = QuotaAllocator()
    result = allocator.last_result
    accounts = sample_accounts()
    budget = round(accounts["history"].sum() * 6)
    assert allocator.budget.value == budget
    assert result.target == stretch_target(budget, 0.10)
    expected = cascade_quota(result.target, accounts, weight=0.5)
    assert result.cascade.territories["quota"].tolist() == expected.territories["quota"].tolist()
    assert result.cascade.accounts["quota"].sum() == result.target
    assert list(result.months.columns) == ["2027-05", "2027-06", "2027-07", "2027-08", "2027-09", "2027-10"]
    assert (result.months.sum(axis=1) == result.cascade.territories.set_index("territory")["quota"]).all()
    assert allocator.split_image.value[:4] == PNG and allocator.fairness_image.value[:4] == PNG
    assert f"{result.target:,}" in allocator.target_line.value
    assert "Jiangbei" in allocator.territory_table.value or "江北区" in allocator.territory_table.value
    assert result.fairness is not None and result.fairness.fair


def test_history_only_weight_is_flagged_unfair_and_seasonality_can_be_flat() -> None:
    allocator = QuotaAllocator()
    allocator.weight.value = 1.0
    assert not allocator.last_result.fairness.fair
    assert "Unfair" in allocator.fairness_line.value
    allocator.season.value = "flat"
    months = allocator.last_result.months
    assert (months.max(axis=1) - months.min(axis=1) <= 1).all()  # an even split, give or take rounding
    allocator.stretch.value = 0.2
    assert allocator.last_result.target == stretch_target(allocator.budget.value, 0.2)


def test_allocator_product_and_territory_choices() -> None:
    allocator = QuotaAllocator()
    allocator.product.value = "CARDIA"
    accounts = quota_accounts(load_sample("sales"), load_sample("hospitals"), load_sample("physicians"),
                              load_sample("prescribing"), product="CARDIA")
    expected = cascade_quota(allocator.last_result.target, accounts, weight=0.5)
    assert allocator.last_result.cascade.accounts["quota"].tolist() == expected.accounts["quota"].tolist()
    allocator.territory.value = "江北区"
    jiangbei = expected.accounts[expected.accounts["territory"] == "江北区"]
    for name in jiangbei["name_en"]:
        assert name.replace("'", "&#x27;") in allocator.accounts_table.value


def test_allocator_bad_budget_keeps_the_entry() -> None:
    allocator = QuotaAllocator()
    before = allocator.last_result
    allocator.budget.value = -5
    assert "budget" in allocator.feedback.value and allocator.budget.value == -5
    assert allocator.last_result is before  # the last good result stays on screen
    allocator.budget.value = 1000
    assert allocator.feedback.value == "" and allocator.last_result.target == 1100


def test_allocator_on_the_trainees_own_accounts() -> None:
    mine = pd.DataFrame({"territory": ["N", "N", "S"], "account": ["A1", "A2", "A3"],
                         "history": [300, 100, 600], "potential": [200, 200, 600]})
    allocator = QuotaAllocator(accounts=mine)
    allocator.budget.value, allocator.stretch.value = 1000, 0.1
    result = allocator.last_result
    assert result.cascade.territories["quota"].tolist() == [440, 660]
    assert result.fairness is None and "needs one" in allocator.fairness_line.value
    assert allocator.product.disabled
    monthly = pd.DataFrame({"account": ["A1", "A2", "A3"] * 2, "month": ["2026-01"] * 3 + ["2026-02"] * 3,
                            "boxes": [100, 50, 200, 120, 50, 180]})
    with_history = QuotaAllocator(accounts=mine, monthly=monthly)
    assert list(with_history.last_result.months.columns) == ["2027-01", "2027-02"]
    assert with_history.last_result.fairness is not None
    broken = QuotaAllocator(accounts=mine.drop(columns="potential"))
    assert "potential" in broken.feedback.value



def test_allocator_draws_a_chart_whole_only_when_its_axes_change() -> None:
    allocator = QuotaAllocator()
    charts = (allocator._split_chart, allocator._fairness_chart)
    assert [c.full_draws for c in charts] == [1, 1]
    split, fairness = bytes(allocator.split_image.value), bytes(allocator.fairness_image.value)

    def whole_draws(control: str, value: object) -> list[int]:
        """How many times each chart is drawn whole for one control change."""
        before = [c.full_draws for c in charts]
        getattr(allocator, control).value = value
        assert allocator.last_error is None and allocator.last_exception is None
        return [c.full_draws - b for c, b in zip(charts, before, strict=True)]

    assert whole_draws("territory", "江北区") == [0, 0]  # a table only
    assert whole_draws("season", "flat") == [0, 0]
    assert whole_draws("stretch", 0.2) == [1, 0]  # a new total: the split's axis changes
    for weight in (0.0, 0.8, 0.9):  # bars and points move; the axes cover every weight
        assert whole_draws("weight", weight) == [0, 0]
    assert bytes(allocator.split_image.value) != split and bytes(allocator.fairness_image.value) != fairness
    assert whole_draws("stretch", 0.1) == [1, 0]
    allocator.weight.value = 0.5  # back where it started: the same pictures
    assert bytes(allocator.split_image.value) == split and bytes(allocator.fairness_image.value) == fairness
    other = "growth" if allocator.against.value == "size" else "size"
    assert whole_draws("against", other) == [0, 1]
    set_language("zh")
    assert whole_draws("weight", 0.55) == [1, 1]  # Chinese labels: drawn whole


# ---------------------------------------------------------------- self-check
def test_goals_quiz_marks_against_the_library() -> None:
    from course.widgets.goals import GoalsQuiz

    quiz = GoalsQuiz()
    assert [q.answer for q in quiz.questions] == ["SMT", "ambitious", "4100", "bottom-up", "no_baseline"]
    quiz.choices[0].value = "M"
    assert quiz.last_result["vague"] is False and "Hint" in quiz.verdicts[0].value
    quiz.choices[0].value = "SMT"
    quiz.choices[2].value = "4100"
    assert quiz.last_result["vague"] and quiz.last_result["quota"]
    assert quiz.score.value == "2 of 5 right"
