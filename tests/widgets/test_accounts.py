"""Key-account widgets, headless: set values, check what the library returned and what is shown."""

from __future__ import annotations

import pandas as pd
import pytest

from course.accounts import (
    GradeCutoffs,
    HospitalWeights,
    PotentialCutoffs,
    grade_hospitals,
    score_physicians,
)
from course.data import load_sample
from course.i18n import set_language
from course.widgets.accounts import HospitalGrader, PhysicianScorecard


@pytest.fixture(scope="module")
def card() -> PhysicianScorecard:
    set_language("en")
    return PhysicianScorecard()


# ------------------------------------------------------------------ hospital grader
def test_grader_starts_with_the_library_defaults() -> None:
    grader = HospitalGrader()
    expected = grade_hospitals(load_sample("hospitals"))
    result = grader.last_result
    assert result.graded["grade"].tolist() == expected["grade"].tolist()
    assert result.counts == expected["grade"].value_counts().reindex(list("ABC")).to_dict()
    assert result.changed == []
    assert "Same grades as with the default settings." in grader.summary.value
    assert grader.table.value.count("<tr>") == len(expected) + 1
    assert grader.feedback.value == ""


def test_moving_a_cutoff_regrades_live() -> None:
    grader = HospitalGrader()
    before = grader.last_result.counts["A"]
    grader.cut_a.value = 64.0  # H11 (64.7) and H05 (64.5) become A
    result = grader.last_result
    assert result.cutoffs == GradeCutoffs(a=64.0, b=40.0)
    assert result.counts["A"] == before + 2
    assert set(result.changed) == {
        "Jiangnan District People's Hospital", "Jiangcheng Second People's Hospital",
    }
    assert "Grade changed from the default settings" in grader.summary.value
    assert "⟵" in grader.table.value


def test_weights_reach_the_library() -> None:
    grader = HospitalGrader()
    for name in ("scale", "level", "medication", "competition"):
        grader.weights[name].value = 0.0
    assert grader.last_result.weights == HospitalWeights(0, 0, 0.3, 0, 0)
    expected = grade_hospitals(load_sample("hospitals"), weights=HospitalWeights(0, 0, 1, 0, 0))
    assert grader.last_result.graded["score"].tolist() == expected["score"].tolist()


def test_chart_is_drawn_when_its_tab_is_open() -> None:
    grader = HospitalGrader()
    assert grader.chart.value == b""
    grader.tabs.selected_index = 1
    first = grader.chart.value
    assert first[:4] == b"\x89PNG"
    grader.cut_b.value = 30.0
    assert grader.chart.value != first and grader.chart.value[:4] == b"\x89PNG"


def test_bad_cutoffs_show_feedback_and_keep_the_controls() -> None:
    grader = HospitalGrader()
    good = grader.last_result
    grader.cut_b.value = 80.0  # above A's 65
    assert "cutoffs.b: got 80.0; allowed: a number no higher than cutoffs.a (65.0)" in grader.feedback.value
    assert grader.cut_b.value == 80.0
    assert grader.last_result is good
    grader.cut_b.value = 50.0
    assert grader.feedback.value == ""
    assert grader.last_result.cutoffs == GradeCutoffs(a=65.0, b=50.0)


def test_all_weights_zero_is_explained() -> None:
    grader = HospitalGrader()
    for slider in grader.weights.values():
        slider.value = 0.0
    assert "at least one weight above 0" in grader.feedback.value
    assert all(slider.value == 0.0 for slider in grader.weights.values())


def test_reset_puts_the_defaults_back() -> None:
    grader = HospitalGrader()
    grader.cut_a.value = 90.0
    grader.weights["volume"].value = 1.0
    grader.reset.click()
    assert grader.cut_a.value == 65.0 and grader.weights["volume"].value == 0.30
    assert grader.last_result.changed == []


def test_grader_on_the_trainees_own_hospitals() -> None:
    own = pd.DataFrame({
        "hospital_id": ["X1", "X2"], "name_en": ["My big hospital", "My clinic"],
        "name_zh": ["大医院", "诊所"],
        "level": ["三级甲等", "一级甲等"], "beds": [1500, 80], "drug_sales_mrmb": [600.0, 5.0],
        "outpatient_visits_month": [200_000, 5_000], "medication_level": [5, 2], "competition": [3, 2],
    })
    grader = HospitalGrader(own)
    assert grader.last_result.graded["score"].tolist() == [90.5, 22.0]
    assert "My big hospital" in grader.table.value


def test_grader_speaks_chinese() -> None:
    set_language("zh")
    grader = HospitalGrader()
    assert grader.cut_a.description == "A级最低得分"
    assert "江城医科大学附属第一医院" in grader.table.value
    assert "默认定级" in grader.table.value


# ------------------------------------------------------------------ physician scorecard
def test_scorecard_agrees_with_the_territory(card: PhysicianScorecard) -> None:
    territory = score_physicians(load_sample("prescribing"), load_sample("physicians"))
    for index in (0, 1, 57, 300, len(territory) - 1):
        card.doctor.value = index
        row = territory.iloc[index]
        score = card.last_result.score
        assert (score.status, score.tier, score.potential_class) == (
            row["status"], row["tier"], row["potential_class"]
        )
        assert score.potential == pytest.approx(row["potential"])
        assert score.calls.planned == row["calls_planned"]
        assert score.next_step == row["next_step"]
        assert card.product.value == row["product"]


def test_scorecard_shows_tier_calls_and_objectives(card: PhysicianScorecard) -> None:
    card.doctor.value = 0
    card.product.value = "CARDIA"
    card.stage.value = -1
    card.status.value = 1
    card.patients.value, card.share.value, card.boxes.value = 400.0, 0.5, 2.0  # 400 boxes
    view = card.last_result
    cut = view.cutoffs
    assert isinstance(cut, PotentialCutoffs) and cut.high <= 400
    assert (view.score.potential, view.score.potential_class, view.score.tier) == (400.0, "high", "A")
    shown = card.result.value
    assert "Tier A: 4-8 calls a month (plan 6)" in shown
    assert "Prescribing status: a little" in shown
    assert "trial → usage" in shown and "turn the trial into routine use" in shown
    assert shown.count("<li>") == 3
    assert card.grid.value[:4] == b"\x89PNG"


def test_scorecard_status_dropdown_is_labelled(card: PhysicianScorecard) -> None:
    assert card.status.options[0] == ("−4 opposed", -4)
    assert card.status.options[-1] == ("+4 first choice", 4)
    card.status.value = -4
    card.patients.value = 1.0
    assert card.last_result.score.tier == "D"
    assert "Tier D: not a target, no planned calls" in card.result.value


def test_recorded_stage_drives_the_objectives(card: PhysicianScorecard) -> None:
    card.status.value = 0
    card.stage.value = 0
    assert card.last_result.score.next_step == "unaware → aware"
    assert "Introduce the product" in card.result.value
    card.stage.value = -1  # assume from the status: 0 -> aware
    assert card.last_result.score.next_step == "aware → trial"


def test_scorecard_bad_entry_keeps_the_controls(card: PhysicianScorecard) -> None:
    card.status.value = 2
    card.share.value = 0.3
    good = card.last_result
    card.share.value = 30.0
    assert "indication_share: got 30.0; allowed: a number from 0 to 1" in card.feedback.value
    assert card.share.value == 30.0 and card.last_result is good
    card.patients.value = -3.0
    assert "patients_month: got -3.0" in card.feedback.value
    card.patients.value, card.share.value = 100.0, 0.3
    assert card.feedback.value == ""


def test_scorecard_on_the_trainees_own_territory() -> None:
    physicians = pd.DataFrame({"physician_id": ["A", "B", "C", "D"], "patients_month": [100, 200, 300, 400]})
    prescribing = pd.DataFrame({
        "physician_id": ["A", "B", "C", "D"], "product": ["P"] * 4, "status": [0, 1, 2, 3],
        "indication_share": [0.5] * 4, "boxes_per_patient": [1.0] * 4,
    })
    own = PhysicianScorecard(prescribing, physicians)
    assert own.product.options == ("P",)
    assert own.stage.value == -1  # no recorded stage
    own.doctor.value = 3
    assert own.last_result.score.potential == 200.0
    assert own.last_result.score.tier == "A"
    assert own.last_result.objectives[0].startswith("Share new evidence")  # stage 3, usage


def test_scorecard_speaks_chinese() -> None:
    set_language("zh")
    card = PhysicianScorecard()
    assert card.status.options[2] == ("−2 试用/咨商", -2)
    card.doctor.value = 0
    assert "处方现状：" in card.result.value
    assert "接下来几次拜访的拜访目的" in card.result.value


# ------------------------------------------------------------------ self-check
def test_quiz_answers_come_from_the_library() -> None:
    from course.widgets.accounts import AccountsQuiz

    quiz = AccountsQuiz()
    assert quiz.last_result == dict.fromkeys(q.key for q in quiz.questions)
    answers = {"status_from_note": "1", "tier_first_choice": "B", "next_objective": "2",
               "hospital_grade": "B", "kol_type": "prescribing_authority"}
    for question, choice in zip(quiz.questions, quiz.choices, strict=True):
        choice.value = answers[question.key]
    assert all(quiz.last_result.values())
    assert "5 of 5 right" in quiz.score.value
    quiz.choices[3].value = "A"
    assert quiz.last_result["hospital_grade"] is False
    assert "composite is 64.5" in quiz.verdicts[3].value
    assert "4 of 5 right" in quiz.score.value


def test_quiz_in_chinese() -> None:
    from course.widgets.accounts import AccountsQuiz

    set_language("zh")
    quiz = AccountsQuiz()
    assert "偶尔处方" in quiz.questions[0].prompt
    assert ("+1 少量处方", "1") in quiz.questions[0].options
    quiz.choices[0].value = "0"
    assert "提示" in quiz.verdicts[0].value
