"""Validating a table: every problem at once, by row and column, never a pandas traceback."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from course.data import SCHEMAS, check_references, load_sample, read_table, validate_table
from course.errors import CourseInputError, Problem


def _problems(frame: pd.DataFrame, table: str) -> list[Problem]:
    with pytest.raises(CourseInputError) as info:
        validate_table(frame, table)
    return info.value.problems


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as read from a CSV: every cell text, empty cells missing."""
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    return pd.read_csv(io.StringIO(buffer.getvalue()), dtype=str, keep_default_na=False, na_values=[""])


def test_every_bad_cell_of_a_hospital_file_is_reported_together() -> None:
    raw = _as_text(load_sample("hospitals").head(6)).drop(columns="competition")
    raw.loc[0, "outpatient_visits_month"] = "about 3000"  # text in a number column
    raw.loc[1, "beds"] = "-20"  # negative beds
    raw.loc[2, "name_zh"] = np.nan  # empty where not allowed
    raw.loc[3, "level"] = "三级A等"  # unknown grade
    raw.loc[4, "hospital_id"] = raw.loc[0, "hospital_id"]  # duplicate id
    raw.loc[5, "medication_level"] = "2.5"  # not a whole number
    found = {(p.row, p.field): p for p in _problems(raw, "hospitals")}
    assert set(found) == {
        (None, "competition"), (1, "outpatient_visits_month"), (2, "beds"), (3, "name_zh"),
        (4, "level"), (5, "hospital_id"), (6, "medication_level"),
    }
    assert found[(2, "beds")].value == "-20"
    assert found[(2, "beds")].allowed == "a whole number from 0 to 10000"
    assert found[(1, "outpatient_visits_month")].value == "about 3000"
    assert "三级甲等" in found[(4, "level")].allowed and found[(4, "level")].value == "三级A等"
    assert "row 1" in found[(5, "hospital_id")].allowed and found[(5, "hospital_id")].value == "H01"
    assert found[(None, "competition")].allowed == "a column named 'competition'"
    message = str(CourseInputError(found.values()))
    assert "row 2, beds: got '-20'" in message


def test_every_bad_cell_of_a_prescribing_file_is_reported_together() -> None:
    raw = _as_text(load_sample("prescribing").head(4)).drop(columns="adoption_stage")
    raw.loc[0, "status"] = "5"
    raw.loc[1, "indication_share"] = "1.2"
    raw.loc[2, "current_boxes_month"] = np.nan
    raw.loc[3, "boxes_per_patient"] = "two"
    problems = _problems(raw, "prescribing")
    assert [(p.row, p.field) for p in problems] == [
        (None, "adoption_stage"), (1, "status"), (2, "indication_share"), (3, "current_boxes_month"),
        (4, "boxes_per_patient"),
    ]
    assert problems[1].allowed == "a whole number from -4 to 4"
    assert problems[1].value == "5"


def test_the_input_frame_is_not_changed() -> None:
    raw = _as_text(load_sample("timelog").head(5))
    before = raw.copy()
    result = validate_table(raw, "timelog")
    pd.testing.assert_frame_equal(raw, before)
    assert result["important"].dtype == bool and raw["important"].dtype != bool


def test_kinds_are_converted() -> None:
    raw = pd.DataFrame({
        "date": ["2026-10-19", "2026/10/20"], "start": ["8:05", "13:30"], "minutes": ["25", "30.0"],
        "activity": [" Call ", "Lunch"], "category": ["call", "personal"],
        "important": ["是", "no"], "urgent": ["0", "TRUE"], "waster": ["", "socialising"],
    })
    out = validate_table(raw, "timelog")
    assert out["date"].tolist() == [pd.Timestamp("2026-10-19"), pd.Timestamp("2026-10-20")]
    assert out["start"].tolist() == ["08:05", "13:30"]
    assert out["minutes"].tolist() == [25, 30] and out["minutes"].dtype == "int64"
    assert out["activity"].tolist() == ["Call", "Lunch"]
    assert out["important"].tolist() == [True, False]
    assert out["urgent"].tolist() == [False, True]
    assert pd.isna(out["waster"].iloc[0]) and out["waster"].iloc[1] == "socialising"


@pytest.mark.parametrize(("column", "value"), [
    ("date", "2026-02-30"), ("date", "19.10.2026"), ("start", "24:00"), ("start", "8h"),
    ("important", "maybe"), ("minutes", "0"), ("minutes", "inf"), ("category", "Call"),
    ("waster", "laziness"),
])
def test_a_bad_cell_names_row_column_value_and_what_is_allowed(column: str, value: str) -> None:
    raw = _as_text(load_sample("timelog").head(3))
    raw.loc[1, column] = value
    (problem,) = _problems(raw, "timelog")
    assert (problem.row, problem.field, problem.value) == (2, column, value)
    assert problem.allowed


def test_month_column() -> None:
    raw = _as_text(load_sample("sales").head(3))
    raw["month"] = ["2026-5", "2026/06", "2026-13"]
    (problem,) = _problems(raw, "sales")
    assert (problem.row, problem.value, problem.allowed) == (3, "2026-13", "a month (YYYY-MM)")
    assert validate_table(raw.head(2), "sales")["month"].tolist() == ["2026-05", "2026-06"]


def test_nullable_columns_may_be_empty_and_required_ones_not() -> None:
    raw = _as_text(load_sample("product_history"))
    assert validate_table(raw, "product_history")["ap_spend_mrmb"].isna().sum() == 2
    raw.loc[0, "field_force"] = "  "
    (problem,) = _problems(raw, "product_history")
    assert (problem.row, problem.field, str(problem.value)) == (1, "field_force", "an empty cell")


def test_duplicate_keys_over_several_columns() -> None:
    raw = _as_text(load_sample("sales").head(4))
    raw.loc[3, ["month", "hospital_id", "product"]] = raw.loc[1, ["month", "hospital_id", "product"]]
    (problem,) = _problems(raw, "sales")
    assert problem.row == 4 and problem.field == "month + hospital_id + product"
    assert problem.value == tuple(raw.loc[1, ["month", "hospital_id", "product"]])
    assert "row 2" in problem.allowed


def test_typed_frames_validate_as_they_are() -> None:
    frame = load_sample("calls").head(20)
    pd.testing.assert_frame_equal(validate_table(frame, "calls"), frame)


def test_extra_columns_are_kept_and_headers_trimmed() -> None:
    raw = _as_text(load_sample("products"))
    raw = raw.rename(columns={"product": "\ufeffproduct ", "price_rmb": " price_rmb"})
    raw["my_notes"] = "x"
    out = validate_table(raw, "products")
    assert list(out.columns) == [*SCHEMAS["products"].names, "my_notes"]


def test_empty_table_is_valid_when_the_columns_are_there() -> None:
    empty = pd.DataFrame({c: pd.Series(dtype=str) for c in SCHEMAS["physicians"].names})
    assert len(validate_table(empty, "physicians")) == 0


def test_wrong_arguments_give_course_errors() -> None:
    with pytest.raises(CourseInputError, match="table: got 'doctors'"):
        validate_table(pd.DataFrame(), "doctors")
    with pytest.raises(CourseInputError, match="a table \\(pandas DataFrame\\)"):
        validate_table([{"year": 1999}], "product_history")  # type: ignore[arg-type]


def test_junk_of_any_kind_gives_only_course_errors() -> None:
    rng = np.random.default_rng(0)
    junk = np.array([None, np.nan, "", "x", "-1", "1e9", "是", "2026-01-01", "12:00", 3, 2.5, True, -7],
                    dtype=object)
    for name, schema in SCHEMAS.items():
        frame = pd.DataFrame({c: rng.choice(junk, 8) for c in schema.names})
        with pytest.raises(CourseInputError) as info:
            validate_table(frame, name)
        assert all(p.row is not None or p.field in schema.names for p in info.value.problems)


def test_check_references_lists_every_dangling_key() -> None:
    tables = {name: load_sample(name) for name in ("hospitals", "departments", "physicians", "products", "prescribing")}
    check_references(tables)
    physicians = tables["physicians"].copy()
    physicians.loc[0, "hospital_id"] = "H99"
    physicians.loc[1, "department_id"] = "H02-CAR"  # exists, but in another hospital
    prescribing = tables["prescribing"].copy()
    prescribing.loc[2, "product"] = "ASPIRIN"
    with pytest.raises(CourseInputError) as info:
        check_references({**tables, "physicians": physicians, "prescribing": prescribing})
    found = {(p.field, p.row, p.value) for p in info.value.problems}
    assert ("physicians.hospital_id", 1, "H99") in found
    assert ("physicians.department_id", 2, "H02-CAR") in found
    assert ("prescribing.product", 3, "ASPIRIN") in found
    # row 1's department H01-CAR is no longer in its hospital H99 either
    assert ("physicians.department_id", 1, "H01-CAR") in found
    assert len(found) == 4


def test_a_csv_read_from_text_is_validated() -> None:
    text = "year,net_sales_krmb,ap_spend_mrmb,field_force,is_target\n1999,180000,,300,5\n"
    with pytest.raises(CourseInputError) as info:
        read_table(text.encode(), "product_history")
    (problem,) = info.value.problems
    assert (problem.row, problem.field, problem.value) == (1, "is_target", "5")
