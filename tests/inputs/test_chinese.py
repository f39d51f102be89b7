"""A Chinese trainee reads an input error in Chinese from start to end; English stays as it was."""

from __future__ import annotations

import copy
import pickle
import re

import pandas as pd
import pytest

from course.accounts import score_physicians
from course.data import read_table
from course.data.schema import SCHEMAS
from course.errors import CourseInputError
from course.i18n import set_language
from course.inputs import check_int, check_table, number_column, raise_problems

# codes a trainee types as they are, in either language
FORMATS = {"YYYY", "MM", "DD", "HH", "true", "false"}
WASTERS_AND_CATEGORIES = {c for col in SCHEMAS["timelog"].columns for c in (col.choices or ())}


def english_words(error: CourseInputError, codes: set[str] = frozenset()) -> list[str]:
    """ASCII words of the message that are neither a received value nor a code on the allowlist."""
    left = []
    for line, problem in zip(str(error).splitlines(), error.problems, strict=True):
        line = line.replace(repr(problem.value), " ", 1)  # the value received is shown as typed
        allowed = FORMATS | codes | set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", problem.field))
        left += [w for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", line) if w not in allowed]
    return left


def test_a_scalar_error_reads_in_chinese() -> None:
    set_language("zh")
    with pytest.raises(CourseInputError) as caught:
        check_int("status", 5, low=-4, high=4)
    assert str(caught.value) == "处方现状（status）：收到 5；应为：从 -4 到 4 的整数"
    assert english_words(caught.value) == []


def test_a_table_error_reads_in_chinese_row_by_row() -> None:
    set_language("zh")
    log = ("date,start,minutes,activity,category,important,urgent,waster\n"
           "2026-11-02,08:00,30,Plan the day,planning,yes,no,\n"
           "2026-11-02,08:30,-5,Wait for Dr Li,wating,maybe,no,unplanned_delays\n"
           "2026-13-02,8:30,15,,call,no,no,golf\n")
    with pytest.raises(CourseInputError) as caught:
        read_table(log.encode(), "timelog")
    message = str(caught.value)
    assert message.splitlines()[0] == "第 2 行，分钟数（minutes）：收到 '-5'；应为：从 1 到 1440 的整数"
    assert "第 2 行，重要（important）：收到 'maybe'；应为：是或否（true/false、1/0、是/否）" in message
    assert "第 3 行，活动（activity）：收到 空单元格；应为：非空的文字" in message
    assert "第 3 行，日期（date）：收到 '2026-13-02'；应为：日期（YYYY-MM-DD）" in message
    assert "以下之一：" in message and "或留空" in message  # the waster column may stay empty
    assert english_words(caught.value, WASTERS_AND_CATEGORIES) == []


def test_a_domain_function_names_the_bad_cells_in_chinese() -> None:
    set_language("zh")
    prescribing = pd.DataFrame({"physician_id": ["D1", "D2"], "product": ["P", "P"], "status": [1, 7],
                                "patients_month": [400, None], "indication_share": [0.3, 0.2],
                                "boxes_per_patient": [1.0, 2.0]})
    with pytest.raises(CourseInputError) as caught:
        score_physicians(prescribing)
    assert str(caught.value).splitlines() == [
        "第 2 行，处方现状（status）：收到 7；应为：从 -4 到 4 的整数",
        "第 2 行，每月患者数（patients_month）：收到 空单元格；应为：不小于 0 的数",
    ]
    assert english_words(caught.value) == []
    with pytest.raises(CourseInputError) as missing:
        check_table("prescribing", prescribing.iloc[:0], ["status"])
    assert str(missing.value) == "处方现状表（prescribing）：收到 空表格；应为：至少一行"


def test_the_message_is_worded_in_the_language_in_force_when_it_is_shown() -> None:
    frame = pd.DataFrame({"beds": [10] + [-1] * 22})
    _, problems = number_column(frame, "beds", low=0)
    with pytest.raises(CourseInputError) as caught:
        raise_problems(problems)  # raised in English
    set_language("zh")
    assert str(caught.value).splitlines()[-1] == "床位数（beds）：收到 另有 2 个有误的单元格；应为：见上面各行"
    assert caught.value.allowed == "不小于 0 的数"
    set_language("en")
    assert str(caught.value).splitlines()[0] == "row 2, beds: got -1; allowed: a number >= 0"
    assert str(caught.value).splitlines()[-1] == "beds: got 2 more bad cells; allowed: see the rows above"
    assert (caught.value.field, caught.value.value, caught.value.problems[0].row) == ("beds", -1, 2)


def test_english_messages_keep_their_wording() -> None:
    with pytest.raises(CourseInputError, match=r"^minutes: got 0; allowed: a whole number from 1 to 1440$"):
        check_int("minutes", 0, low=1, high=1440)


def test_an_error_survives_pickling_and_copying_and_is_still_worded_when_shown() -> None:
    with pytest.raises(CourseInputError) as caught:
        check_table("prescribing", pd.DataFrame({"status": []}), ["status"])
    for twin in (pickle.loads(pickle.dumps(caught.value)), copy.deepcopy(caught.value)):
        assert twin.problems == caught.value.problems
        set_language("zh")
        assert str(twin) == "处方现状表（prescribing）：收到 空表格；应为：至少一行"
        set_language("en")
        assert str(twin) == "prescribing: got an empty table; allowed: at least one row"
