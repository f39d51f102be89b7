"""Reading and writing the course's data files: the one place that touches the disk.

:func:`load_sample` and :func:`load_territory` read the shipped sample territory
(``course/data/sample/*.csv``); :func:`read_table` reads a trainee's own CSV (a path,
an open file or the bytes of an upload) and validates it against the schema.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import IO, Any

import pandas as pd

from course.data.schema import SCHEMAS
from course.data.validate import validate_table
from course.errors import CourseInputError, Phrase
from course.inputs import check_choice
from course.inputs.phrases import as_is

__all__ = ["SAMPLE_DIR", "Territory", "load_sample", "load_territory", "read_table", "write_tables"]

SAMPLE_DIR = Path(__file__).parent / "sample"
"""Folder of the shipped sample territory."""

ENCODINGS = ("utf-8-sig", "gb18030")
"""Encodings tried in turn: UTF-8 (with or without BOM), then GBK/GB18030 (Excel on Chinese Windows)."""


@dataclass(frozen=True)
class Territory:
    """Every table of one territory (see ``course/data/sample/README.md`` for the columns)."""

    hospitals: pd.DataFrame
    """One row per hospital: grade, beds, volumes, position."""
    departments: pd.DataFrame
    """One row per department of a hospital."""
    physicians: pd.DataFrame
    """One row per physician: title, specialty, best visit time, KOL inputs."""
    products: pd.DataFrame
    """One row per product: launch year, price, market growth, relative share."""
    prescribing: pd.DataFrame
    """One row per physician × product: status, adoption stage, boxes."""
    calls: pd.DataFrame
    """One row per call of the rep's six-month history."""
    sales: pd.DataFrame
    """One row per month × hospital × product."""
    timelog: pd.DataFrame
    """One row per entry of the rep's two-week time log."""
    product_history: pd.DataFrame
    """The training material's product table, 1994-1999."""

    def tables(self) -> dict[str, pd.DataFrame]:
        """Return the tables by name.

        Examples
        --------
        >>> sorted(load_territory().tables())[:3]
        ['calls', 'departments', 'hospitals']
        """
        return {f.name: getattr(self, f.name) for f in fields(self)}


@cache
def _sample(table: str) -> pd.DataFrame:
    return read_table(SAMPLE_DIR / f"{table}.csv", table)


def load_sample(table: str) -> pd.DataFrame:
    """Return one table of the shipped sample territory (a fresh copy each call).

    Examples
    --------
    >>> hospitals = load_sample("hospitals")
    >>> len(hospitals), hospitals["beds"].dtype.name
    (40, 'int64')
    >>> load_sample("doctors")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: table: got 'doctors'; allowed: one of 'hospitals', ...
    """
    check_choice("table", table, list(SCHEMAS))
    return _sample(table).copy()


def load_territory() -> Territory:
    """Return the whole shipped sample territory.

    Examples
    --------
    >>> t = load_territory()
    >>> len(t.physicians) > 500, set(t.prescribing["status"]) <= set(range(-4, 5))
    (True, True)
    """
    return Territory(**{name: load_sample(name) for name in SCHEMAS})


def _read_bytes(source: Any) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, Mapping) and "content" in source:  # an ipywidgets FileUpload entry
        return _read_bytes(source["content"])
    if isinstance(source, (str, os.PathLike)):
        try:
            return Path(source).read_bytes()
        except OSError as exc:
            raise CourseInputError.single("file", str(source), Phrase("a readable CSV file ({reason})", reason=exc.strerror)) from None
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            return data.encode("utf-8")
        if isinstance(data, (bytes, bytearray, memoryview)):
            return bytes(data)
    raise CourseInputError.single("file", as_is(type(source).__name__),
                                  Phrase("a file path, an open file or the bytes of a CSV file"))


def _decode(raw: bytes) -> str:
    if raw.startswith(b"PK\x03\x04") or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise CourseInputError.single("file", Phrase("an Excel workbook"),
                                      Phrase("a CSV file (in Excel: Save As → CSV UTF-8)"))
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CourseInputError.single("file", Phrase("text in an unknown encoding"),
                                  Phrase("a CSV file in UTF-8 or GBK"))


def read_table(source: str | os.PathLike[str] | bytes | IO[Any] | Mapping[str, Any], table: str) -> pd.DataFrame:
    """Read one table from a CSV and validate it against its schema.

    Parameters
    ----------
    source
        A path, an open file (text or binary), the bytes of the file, or one entry of an
        ipywidgets ``FileUpload`` value. UTF-8 (with or without BOM) and GBK are understood.
    table
        The table the file holds, e.g. ``"physicians"``.

    Raises
    ------
    CourseInputError
        When the file cannot be read, or listing every problem of its content.

    Examples
    --------
    >>> text = "year,net_sales_krmb,ap_spend_mrmb,field_force,is_target\\n1999,180000,,300,是\\n"
    >>> read_table(text.encode("gbk"), "product_history")["is_target"].tolist()
    [True]
    >>> read_table(b"year\\n1999\\n", "product_history")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: net_sales_krmb: got missing column; allowed: a column named 'net_sales_krmb'
    ...
    """
    check_choice("table", table, list(SCHEMAS))
    text = _decode(_read_bytes(source))
    if not text.strip():
        raise CourseInputError.single("file", Phrase("an empty file"),
                                      Phrase("a CSV file with the columns of {table}", table=table))
    first = text.lstrip("\ufeff").splitlines()[0]
    try:
        sep = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter if "," not in first else ","
    except csv.Error:
        sep = ","
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_values=[""],
                            skipinitialspace=True)
    except (pd.errors.ParserError, ValueError) as exc:
        raise CourseInputError.single("file", Phrase("a file that is not a valid CSV"),
                                      Phrase("a CSV file with one header line ({reason})", reason=str(exc).strip())) from None
    return validate_table(frame, table)


def write_tables(tables: Mapping[str, pd.DataFrame], folder: str | os.PathLike[str], *,
                 readme: str | None = None) -> None:
    """Write each table to ``folder/<name>.csv`` (UTF-8) and optionally a README.md.

    Booleans are written ``true``/``false`` and dates ``YYYY-MM-DD``, as
    :func:`read_table` reads them back.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     write_tables({"product_history": load_sample("product_history")}, d)
    ...     read_table(Path(d) / "product_history.csv", "product_history")["year"].iloc[-1]
    np.int64(1999)
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        check_choice("table", name, list(SCHEMAS))
        data = frame.copy()
        for col in SCHEMAS[name].columns:
            if col.name not in data.columns:
                continue
            if col.kind == "bool":
                data[col.name] = data[col.name].map({True: "true", False: "false"})
            elif col.kind == "date":
                data[col.name] = pd.to_datetime(data[col.name]).dt.strftime("%Y-%m-%d")
        data.to_csv(out / f"{name}.csv", index=False, encoding="utf-8", lineterminator="\n")
    if readme is not None:
        (out / "README.md").write_text(readme, encoding="utf-8")
