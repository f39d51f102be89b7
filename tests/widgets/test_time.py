"""The time-management matrix board, headless: add tasks, load a log, value an hour."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import pytest

from course.data import load_sample
from course.i18n import set_language
from course.timemgmt import analyse_timelog, hourly_value
from course.widgets.time import TimeMatrixBoard

PNG = b"\x89PNG"



def small_log() -> pd.DataFrame:
    return pd.DataFrame({
        "date": ["2026-03-02"] * 3,
        "start": ["08:00", "09:00", "10:00"],
        "minutes": [60, 45, 15],
        "activity": ["calls", "waiting", "find files"],
        "category": ["call", "waiting", "admin"],
        "important": [True, False, False],
        "urgent": [True, False, True],
        "waster": [None, "unplanned_delays", "searching"],
    })


def upload_entry(text: str, name: str = "mylog.csv") -> dict[str, object]:
    data = text.encode("utf-8")
    return {"name": name, "type": "text/csv", "size": len(data), "content": memoryview(data),
            "last_modified": datetime(2026, 3, 2, tzinfo=UTC)}


def test_starts_on_the_examples_and_the_sample_log() -> None:
    board = TimeMatrixBoard()
    result = board.last_result
    assert result.per_quadrant["minutes"].to_dict() == {"A": 45, "B": 150, "C": 40, "D": 30}
    expected = analyse_timelog(load_sample("timelog"), hourly_value=hourly_value(12_000, 176))
    assert result.log.total_minutes == expected.total_minutes
    assert result.log.by_waster["minutes"].to_dict() == expected.by_waster["minutes"].to_dict()
    assert board.matrix_image.value[:4] == PNG and board.log_image.value[:4] == PNG
    assert "B · Important, not urgent" in board.board.value
    assert "Prepare next week&#x27;s call plan" in board.board.value
    assert "An hour of your time is worth 68.18 RMB." in board.log_summary.value
    assert board.feedback.value == ""


def test_adding_a_task_places_it_in_its_quadrant() -> None:
    board = TimeMatrixBoard(tasks=pd.DataFrame(columns=["task", "minutes", "important", "urgent"]),
                            log=small_log())
    assert board.last_result.per_quadrant["minutes"].sum() == 0
    board.name.value = "Prepare the department meeting"
    board.minutes.value = 90
    board.important.value = True
    board.add.click()
    board.name.value = "Answer a colleague's request"
    board.minutes.value = 30
    board.important.value = False
    board.urgent.value = True
    board.add.click()
    tasks = board.last_result.tasks
    assert tasks["quadrant"].tolist() == ["B", "C"]
    assert board.last_result.per_quadrant.loc[["B", "C"], "minutes"].tolist() == [90, 30]
    assert board.last_result.per_quadrant.loc["B", "share"] == pytest.approx(0.75)
    assert "Prepare the department meeting" in board.board.value
    assert board.name.value == ""  # ready for the next task
    before = board.matrix_image.value
    board.clear.click()
    assert board.last_result.tasks.empty
    assert board.matrix_image.value != before


def test_a_bad_entry_shows_a_message_and_keeps_the_values() -> None:
    board = TimeMatrixBoard(log=small_log())
    count = len(board.last_result.tasks)
    board.name.value = "   "
    board.minutes.value = 20
    board.add.click()
    assert "Please fix this entry" in board.feedback.value and "Task" in board.feedback.value
    board.name.value = "Visit Dr Li"
    board.minutes.value = 0
    board.add.click()
    assert "Minutes: got 0" in board.feedback.value
    assert (board.name.value, board.minutes.value) == ("Visit Dr Li", 0)
    assert len(board.last_result.tasks) == count
    board.hours.value = 0
    assert "hours: got 0" in board.feedback.value
    assert board.hours.value == 0
    board.hours.value = 160
    assert board.feedback.value == ""
    assert board.last_result.hourly_value == pytest.approx(12_000 / 160)
    assert board.last_exception is None


def test_hourly_value_and_cost_of_the_time_wasters() -> None:
    board = TimeMatrixBoard(log=small_log(), income=9_000, hours=150)  # 60 RMB an hour
    result = board.last_result
    assert result.hourly_value == pytest.approx(60.0)
    assert result.log.by_waster["cost"].to_dict() == pytest.approx(
        {"unplanned_delays": 45.0, "searching": 15.0})
    assert "Lost to time wasters: 60 min (50%), worth 60 RMB." in board.log_summary.value
    assert "Arrange the work in advance." in board.log_summary.value  # the training material's remedy


def test_breakdown_dropdown_redraws_the_chart() -> None:
    board = TimeMatrixBoard(log=small_log())
    first = board.log_image.value
    board.breakdown.value = "quadrant"
    assert board.last_result.breakdown == "quadrant"
    assert board.log_image.value != first


def test_upload_a_time_log_and_go_back_to_the_sample() -> None:
    board = TimeMatrixBoard()
    csv = small_log().to_csv(index=False)
    board.upload.value = (upload_entry(csv),)
    assert board.feedback.value == ""
    assert board.last_result.log.total_minutes == 120
    assert "mylog.csv" in board.source.value
    board.use_sample.click()
    assert board.last_result.log.total_minutes == analyse_timelog(load_sample("timelog")).total_minutes


def test_a_bad_upload_is_reported_and_the_log_kept() -> None:
    board = TimeMatrixBoard(log=small_log())
    bad = small_log().drop(columns="urgent").to_csv(index=False)
    board.upload.value = (upload_entry(bad, "broken.csv"),)
    assert "urgent" in board.feedback.value
    assert board.last_result.log.total_minutes == 120
    worse = small_log().assign(minutes=[60, -1, 15]).to_csv(index=False)
    board.upload.value = (upload_entry(worse, "worse.csv"),)
    assert "row 2" in board.feedback.value and "minutes" in board.feedback.value
    assert "broken.csv" not in board.source.value


def test_chinese_labels() -> None:
    set_language("zh")
    board = TimeMatrixBoard(log=small_log())
    assert board.add.description == "添加"
    assert "重要不紧急" in board.board.value
    assert "你的一小时价值" in board.log_summary.value


def test_quiz_marks_each_answer_at_once() -> None:
    from course.widgets.time import QuadrantQuiz

    quiz = QuadrantQuiz()
    assert quiz.score.value == "0 of 6 tasks sorted right"
    assert all(v.value == "" for v in quiz.verdicts)
    quiz.choices[0].value = "B"  # prepare next week's call plan
    quiz.choices[2].value = "A"  # a colleague's request: C, not A
    assert quiz.last_result["correct"].tolist()[:3] == [True, False, False]
    assert "✓" in quiz.verdicts[0].value and "nobody is chasing you" in quiz.verdicts[0].value
    assert "✗" in quiz.verdicts[2].value
    assert quiz.verdicts[1].value == ""  # not answered yet
    assert quiz.score.value == "1 of 6 tasks sorted right"
    quiz.choices[2].value = "C"
    assert quiz.score.value == "2 of 6 tasks sorted right"


def test_quiz_in_chinese() -> None:
    from course.widgets.time import QuadrantQuiz

    set_language("zh")
    quiz = QuadrantQuiz()
    quiz.choices[1].value = "A"
    assert "重点客户今天就在流失处方" in quiz.verdicts[1].value
    assert quiz.score.value == "6 项任务中分对 1 项"
