"""Loading the sample and a trainee's own CSV: paths, files, upload bytes, UTF-8 and GBK."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pandas as pd
import pytest

import course.data
from course.data import SCHEMAS, Territory, load_sample, load_territory, read_table
from course.data.io import write_tables
from course.errors import CourseInputError

PHYSICIANS_CSV = (
    "physician_id,hospital_id,department_id,name_zh,name_en,title,specialty,patients_month,"
    "best_day,best_slot,influence,speaking,decision_power\n"
    "D0001,H01,H01-CAR,王伟,Wang Wei,主任医师,cardiology,320,Tue,morning,8,6,9\n"
    "D0002,H01,H01-CAR,李娜,Li Na,住院医师,cardiology,210,Fri,noon,2,3,2\n"
)


def test_public_api() -> None:
    assert set(course.data.__all__) >= {
        "load_sample", "load_territory", "read_table", "validate_table", "Territory",
        "generate_territory", "SCHEMAS",
    }
    for name in course.data.__all__:
        assert getattr(course.data, name) is not None


def test_load_sample_returns_a_fresh_copy() -> None:
    first = load_sample("hospitals")
    first.loc[0, "beds"] = -1
    first["extra"] = 1
    again = load_sample("hospitals")
    assert again.loc[0, "beds"] > 0 and "extra" not in again.columns


def test_load_sample_rejects_an_unknown_table() -> None:
    with pytest.raises(CourseInputError, match="allowed: one of 'hospitals'"):
        load_sample("doctors")


def test_territory_is_frozen_and_documented() -> None:
    territory = load_territory()
    assert isinstance(territory, Territory)
    assert [f.name for f in dataclasses.fields(Territory)] == list(SCHEMAS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        territory.hospitals = pd.DataFrame()  # type: ignore[misc]
    assert territory.calls["date"].dtype.kind == "M"
    source = Path(course.data.io.__file__).read_text(encoding="utf-8")
    for name in SCHEMAS:  # a one-line docstring under every field
        assert f"    {name}: pd.DataFrame\n    \"\"\"" in source


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_chinese_csv_in_any_common_encoding(encoding: str) -> None:
    out = read_table(PHYSICIANS_CSV.encode(encoding), "physicians")
    assert out["name_zh"].tolist() == ["王伟", "李娜"]
    assert out["title"].tolist() == ["主任医师", "住院医师"]
    assert out["patients_month"].dtype == "int64"


def test_gbk_file_on_disk_loads(tmp_path: Path) -> None:
    path = tmp_path / "my_doctors.csv"
    path.write_bytes(PHYSICIANS_CSV.encode("gbk"))
    assert read_table(path, "physicians")["name_zh"].iloc[0] == "王伟"
    assert read_table(str(path), "physicians")["name_zh"].iloc[1] == "李娜"


def test_sources_of_every_kind() -> None:
    raw = PHYSICIANS_CSV.encode("utf-8")
    upload = {"name": "doctors.csv", "type": "text/csv", "size": len(raw), "content": memoryview(raw)}
    for source in (raw, bytearray(raw), memoryview(raw), io.BytesIO(raw), io.StringIO(PHYSICIANS_CSV), upload):
        assert len(read_table(source, "physicians")) == 2  # type: ignore[arg-type]


def test_semicolon_separated_and_windows_line_ends() -> None:
    text = PHYSICIANS_CSV.replace(",", ";").replace("\n", "\r\n")
    assert read_table(text.encode("gbk"), "physicians")["best_day"].tolist() == ["Tue", "Fri"]


def test_an_unreadable_file_is_a_course_error(tmp_path: Path) -> None:
    cases = [
        (tmp_path / "missing.csv", "a readable CSV file"),
        (tmp_path, "a readable CSV file"),
        (b"PK\x03\x04 rest of a workbook", "CSV UTF-8"),
        (b"", "a CSV file with the columns"),
        (b"\xff\xfe\x00\xd8\x00\xdc" * 3 + b"\x81", "UTF-8 or GBK"),
        (b'a,b\n"unclosed,2\n', "a CSV file"),
        (12345, "a file path, an open file"),
    ]
    for source, allowed in cases:
        with pytest.raises(CourseInputError) as info:
            read_table(source, "physicians")  # type: ignore[arg-type]
        assert allowed in info.value.allowed, (source, info.value.allowed)
        assert info.value.field == "file"


def test_bad_content_reports_every_problem_by_row_and_column() -> None:
    text = PHYSICIANS_CSV.replace("320", "lots").replace(",8,6,9", ",11,6,9").replace("D0002", "D0001")
    with pytest.raises(CourseInputError) as info:
        read_table(text.encode("gbk"), "physicians")
    assert [(p.row, p.field, p.value) for p in info.value.problems] == [
        (1, "patients_month", "lots"), (1, "influence", "11"), (2, "physician_id", "D0001"),
    ]


def test_write_and_read_back(tmp_path: Path) -> None:
    tables = {name: load_sample(name).head(30) for name in ("timelog", "departments", "product_history")}
    write_tables(tables, tmp_path / "out", readme="# notes\n")
    for name, frame in tables.items():
        text = (tmp_path / "out" / f"{name}.csv").read_text(encoding="utf-8")
        assert ",True," not in text and "00:00:00" not in text
        pd.testing.assert_frame_equal(read_table(tmp_path / "out" / f"{name}.csv", name), frame)
    assert (tmp_path / "out" / "README.md").read_text(encoding="utf-8") == "# notes\n"
