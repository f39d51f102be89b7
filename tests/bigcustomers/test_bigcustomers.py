"""Big customers: the material's lists, choosing, negotiation preparation, relationship health, etiquette."""

from __future__ import annotations

import pandas as pd
import pytest

from course.bigcustomers import (
    ASKS,
    DECK_OUTLINE,
    DEFINITION,
    HEALTH_CHECKS,
    MORE_RESOURCES,
    OFFERS,
    OFFICE,
    PREPARATION,
    SALES_PROCESS,
    SENIOR_REQUIREMENTS,
    TELEPHONE,
    TRAITS,
    ChoiceRules,
    HealthRules,
    assess_relationship,
    choose_big_customers,
    prepare_negotiation,
    relationship_health,
    requirements_to_build,
    review_call,
    status_for,
)
from course.data import load_sample
from course.errors import CourseInputError
from course.i18n import set_language
from course.quiz.bigcustomers import questions as quiz_questions


def test_the_material_lists_keep_its_words_and_order() -> None:
    assert [p.zh for p in DECK_OUTLINE] == [
        "引言", "医药行业大客户的特点与价值", "如何选择合适的大客户", "大客户谈判技巧与策略",
        "大客户谈判的挑战与应对", "大客户成功案例分享"]
    assert [d.zh for d in DEFINITION] == ["购买量较大", "对产品或服务有特殊需求", "对行业影响较大"]
    assert [t.zh for t in TRAITS] == ["购买力强", "需求多样化", "忠诚度高"]
    assert [s.zh for s in SALES_PROCESS] == [
        "发现潜在客户", "建立信任关系", "了解客户需求", "提供解决方案", "处理客户异议", "促成交易"]
    assert [r.zh for r in MORE_RESOURCES.values()] == ["上级", "友邻部门"]
    assert len(SENIOR_REQUIREMENTS) == 6 and "更多关于产品的知识" in SENIOR_REQUIREMENTS["product_knowledge"].zh
    assert TELEPHONE["introduce"].zh.startswith("讲明自己的公司") and list(TELEPHONE)[-1] == "hang_up_gently"
    assert OFFICE[0].zh == "每次来电都当作“重要的”来对待" and OFFICE[1].zh == "让你的声音“笑”起来"


def test_texts_follow_the_language() -> None:
    set_language("zh")
    try:
        assert str(DEFINITION[0]) == "购买量较大"
    finally:
        set_language("en")
    assert str(DEFINITION[0]) == "buys in large volume"


def _small() -> pd.DataFrame:
    return pd.DataFrame({"hospital_id": ["R", "C", "E", "P", "N"],
                         "level": ["三级甲等", "三级乙等", "二级甲等", "三级乙等", "三级甲等"],
                         "drug_sales_mrmb": [600.0, 400.0, 300.0, 150.0, 50.0]})


def test_big_customers_need_large_purchases_and_influence() -> None:
    kols = {"R": 6, "C": 3, "E": 0, "P": 1, "N": 2}
    docs = pd.DataFrame([{"hospital_id": h, "influence": 8, "speaking": 7, "decision_power": 7}
                         for h, n in kols.items() for _ in range(n)])
    out = choose_big_customers(_small(), docs).set_index("hospital_id")
    assert out["purchase_share"].round(2).to_dict() == {"R": 0.4, "C": 0.27, "E": 0.2, "P": 0.1, "N": 0.03}
    # C crosses 50% and counts; E starts after it
    assert out["large_purchases"].to_dict() == {"R": True, "C": True, "E": False, "P": False, "N": False}
    # C has no 三甲 level but 3 KOLs; N is 三甲 but buys little
    assert out["influential"].to_dict() == {"R": True, "C": True, "E": False, "P": False, "N": True}
    assert out.index[out["big_customer"]].tolist() == ["R", "C"]
    # without doctors, influence comes from the level alone
    assert choose_big_customers(_small()).set_index("hospital_id")["big_customer"].to_dict()["C"] is False


def test_the_sample_territorys_big_customers_and_a_wider_cut() -> None:
    hospitals, physicians = load_sample("hospitals"), load_sample("physicians")
    out = choose_big_customers(hospitals, physicians)
    assert out.loc[out["big_customer"], "hospital_id"].tolist() == ["H01", "H02", "H03", "H04"]
    wider = choose_big_customers(hospitals, physicians, ChoiceRules(purchase_share=0.7))
    assert int(wider["big_customer"].sum()) == 7
    assert len(out) == len(hospitals)  # input untouched, every hospital kept


def test_choosing_refuses_bad_input_with_every_problem_named() -> None:
    bad = _small().assign(drug_sales_mrmb=[600.0, -1.0, 300.0, 150.0, 50.0], level=["三甲"] + ["三级甲等"] * 4)
    with pytest.raises(CourseInputError) as info:
        choose_big_customers(bad)
    text = str(info.value)
    assert "row 2, drug_sales_mrmb: got -1.0" in text and "row 1, level: got '三甲'" in text
    with pytest.raises(CourseInputError, match="purchase_share"):
        choose_big_customers(_small(), rules=ChoiceRules(purchase_share=1.5))
    with pytest.raises(CourseInputError, match="hospitals"):
        choose_big_customers(_small().drop(columns=["level"]))


def test_negotiation_sheet_serves_interests_and_blocks_every_forbidden_item() -> None:
    forbidden = [k for k, item in OFFERS.items() if not item.allowed]
    forbidden_asks = [k for k, item in ASKS.items() if not item.allowed]
    assert set(forbidden) == {"gift", "banquet", "per_prescription_fee", "department_sponsorship"}
    assert set(forbidden_asks) == {"prescription_promise", "prescription_counts"}
    assert all(OFFERS[k].rule is not None for k in forbidden)
    assert "counting an individual doctor's prescriptions" in str(ASKS["prescription_counts"].rule)
    assert "参与统计医生个人开具的药品处方数量" in ASKS["prescription_counts"].rule.zh  # type: ignore[union-attr]
    assert "2020" in ASKS["prescription_promise"].rule.en  # type: ignore[union-attr]
    sheet = prepare_negotiation("H03", ["evidence", "supply"], [*forbidden, "literature", "patient_leaflets"],
                                ["visit_slot", *forbidden_asks], walk_away="  ", preparation=list(PREPARATION))
    assert sheet.blocked == (*forbidden, *forbidden_asks)
    assert sheet.served == {"evidence": ("literature",), "supply": ()}
    assert sheet.unserved == ("supply",) and sheet.off_target == ("patient_leaflets",)
    assert sheet.asks == ("visit_slot",) and not sheet.has_walk_away and not sheet.ready
    ready = prepare_negotiation("H03", ["evidence"], ["literature"], ["visit_slot"], "call again in May",
                                PREPARATION)
    assert ready.ready
    # one forbidden item is enough to stop a sheet that is otherwise ready
    assert not prepare_negotiation("H03", ["evidence"], ["literature", "banquet"], ["visit_slot"],
                                   "call again in May", PREPARATION).ready


def test_negotiation_names_a_wrong_key() -> None:
    with pytest.raises(CourseInputError, match="offer: got 'cash'"):
        prepare_negotiation("H01", [], ["cash"], [])
    with pytest.raises(CourseInputError, match="preparation: got 'pray'"):
        prepare_negotiation("H01", [], [], [], preparation=["pray"])


def test_relationship_health_rows_agree_with_the_single_account_check() -> None:
    health = relationship_health(load_sample("calls"), load_sample("physicians"))
    checks = list(HEALTH_CHECKS)
    for _i, row in health[health["days_since_call"] >= 0].iterrows():
        one = assess_relationship(int(row["days_since_call"]), int(row["calls_4w"]), float(row["usual_4w"]),
                                  int(row["doctors_8w"]), float(row["best_day_share"]),
                                  float(row["follow_up_share"]))
        # usual_4w is shown rounded to one decimal: allow the steady check that margin
        if abs(row["calls_4w"] - 0.8 * row["usual_4w"]) > 0.1:
            assert one == {c: bool(row[c]) for c in checks}, row["hospital_id"]
        assert row["status"] == status_for(int(row["passed"]))
    assert health["passed"].is_monotonic_increasing
    assert health.loc[health["status"] == "at_risk", "hospital_id"].tolist() == ["H05", "H11", "H13"]


def test_relationship_health_accounts_without_calls_and_the_review_day() -> None:
    docs = pd.DataFrame({"physician_id": ["D1"], "hospital_id": ["H1"], "best_day": ["Mon"]})
    calls = pd.DataFrame({"date": ["2026-09-07", "2026-09-14"], "physician_id": ["D1", "D1"],
                          "next_objective": ["a", "b"]})
    out = relationship_health(calls, docs, accounts=["H1", "H9"], as_of="2026-09-30",
                              rules=HealthRules(min_doctors=1)).set_index("hospital_id")
    assert out.loc["H9", "passed"] == 0 and out.loc["H9", "status"] == "at_risk"
    assert out.loc["H1", "days_since_call"] == 16 and not out.loc["H1", "regular"]
    # a review on the day of the last call sees it as recent
    early = relationship_health(calls, docs, as_of="2026-09-14", rules=HealthRules(min_doctors=1))
    assert early["days_since_call"].tolist() == [0] and bool(early["regular"].iloc[0])


def test_relationship_health_names_bad_rows() -> None:
    docs = pd.DataFrame({"physician_id": ["D1"], "hospital_id": ["H1"], "best_day": ["Mon"]})
    calls = pd.DataFrame({"date": ["2026-09-07", "someday"], "physician_id": ["D1", "D7"],
                          "next_objective": ["a", ""]})
    with pytest.raises(CourseInputError) as info:
        relationship_health(calls, docs)
    assert "row 2, date: got 'someday'" in str(info.value)
    assert "row 2, physician_id: got 'D7'" in str(info.value)


def test_telephone_review_and_senior_requirements() -> None:
    review = review_call(["hang_up_gently", "introduce"])
    assert review.done == ("introduce", "hang_up_gently") and review.score == "2/6"
    assert requirements_to_build(SENIOR_REQUIREMENTS) == []
    with pytest.raises(CourseInputError, match="telephone point"):
        review_call(["shout"])


def test_quiz_answers_come_from_the_library() -> None:
    questions = {q.key: q for q in quiz_questions()}
    assert not OFFERS[questions["allowed_offer"].answer].rule
    assert ASKS[questions["forbidden_ask"].answer].rule
    for q in questions.values():
        assert q.answer in [value for _label, value in q.options]
