"""Big-customer widgets, headless: set values, check what the library returned and what is shown."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest

from course.bigcustomers import HealthRules, prepare_negotiation, relationship_health
from course.data import load_sample
from course.i18n import set_language
from course.widgets.bigcustomers import (
    BigCustomersQuiz,
    NegotiationPlanner,
    RelationshipHealthCheck,
)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


def test_planner_offers_the_sample_big_customers_and_shows_the_library_sheet() -> None:
    planner = NegotiationPlanner()
    assert [value for _label, value in planner.customer.options] == ["H01", "H02", "H03", "H04"]
    assert planner.last_result == prepare_negotiation("H01", ["evidence", "formulary_process"],
                                                      ["literature"], ["meeting_date"], "", ["know"])
    assert "nothing you bring serves this yet" in planner.sheet.value  # the formulary process
    assert "Not ready yet." in planner.sheet.value


def test_planner_flags_a_forbidden_offer_with_its_rule_and_becomes_ready() -> None:
    planner = NegotiationPlanner([("H03 · cardiology", "H03")])
    planner.offers["banquet"].value = True
    assert planner.last_result.blocked == ("banquet",)
    assert "⛔" in planner.sheet.value and "IFPMA" in planner.sheet.value
    planner.offers["banquet"].value = False
    planner.offers["formulary_dossier"].value = True
    for box in planner.preparation.values():
        box.value = True
    planner.walk_away.value = "keep calling on the department"
    assert planner.last_result.ready
    assert "Ready to negotiate." in planner.sheet.value
    assert planner.last_error is None and planner.last_exception is None


def test_planner_speaks_chinese() -> None:
    set_language("zh")
    planner = NegotiationPlanner([("H01", "H01")])
    assert "谈判准备表" in planner.sheet.value and "临床证据与指南" in planner.sheet.value


def test_health_check_moves_with_its_thresholds() -> None:
    check = RelationshipHealthCheck()
    expected = relationship_health(load_sample("calls"), load_sample("physicians"),
                                   ["H01", "H02", "H03", "H04"])
    pd.testing.assert_frame_equal(check.last_result, expected)
    check.recent.value = 0.7
    assert check.last_result.set_index("hospital_id").loc["H04", "steady"]
    check.max_days.value = 1
    fresh = relationship_health(load_sample("calls"), load_sample("physicians"), ["H01", "H02", "H03", "H04"],
                                rules=HealthRules(1, 0.7))
    pd.testing.assert_frame_equal(check.last_result, fresh)
    assert check.chart.value  # the grid is drawn
    assert "H04" in check.summary.value


def test_quiz_scores_answers() -> None:
    quiz = BigCustomersQuiz()
    quiz.choices[3].value = "watch"
    quiz.choices[4].value = "listen"
    assert quiz.last_result["health_status"] is True
    assert quiz.last_result["phone_first"] is False
