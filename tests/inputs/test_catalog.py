"""Every word an input error can show has a Chinese translation, and no error is worded in code."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from course.data.schema import SCHEMAS
from course.errors import field_name
from course.i18n import catalog

COURSE = Path(__file__).resolve().parents[2] / "course"
# calls whose first argument is the field (argument or column) an error names
_FIELD_FIRST = {
    "single", "Problem", "check_number", "check_int", "check_fraction", "check_choice", "check_bool",
    "check_future_date", "check_not_empty", "check_columns", "check_table", "check_number_columns",
}
_FIELD_SECOND = {"number_column", "choice_column", "bool_column", "text_column"}
_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _calls() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(COURSE.rglob("*.py")):
        if path.name == "figures.py" and "grading" in path.parts:  # the grade report has its own Problem records
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                yield f"{path.relative_to(COURSE)}:{node.lineno}", node


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_every_phrase_of_an_input_error_has_a_chinese_translation() -> None:
    zh = catalog("zh")
    missing: list[str] = []
    for where, call in _calls():
        name = _name(call)
        if name == "Phrase" and call.args:
            template = _literal(call.args[0])
            if template is not None and re.search("[A-Za-z]", _PLACEHOLDER.sub("", template)) \
                    and not zh.get(template):
                missing.append(f"{where}: {template!r}")
        if name in ("single", "Problem") and len(call.args) >= 3:
            allowed = call.args[2]
            if isinstance(allowed, ast.JoinedStr):
                missing.append(f"{where}: an f-string as what is allowed (use a Phrase)")
            text = _literal(allowed)
            if text is not None and not zh.get(text):
                missing.append(f"{where}: {text!r}")
    assert not missing, "input-error wording without a Chinese translation:\n" + "\n".join(missing)


def _fields() -> Iterator[tuple[str, str]]:
    for where, call in _calls():
        name = _name(call)
        args = call.args
        position = 0 if name in _FIELD_FIRST else 1 if name in _FIELD_SECOND else None
        if position is not None and len(args) > position:
            field = _literal(args[position])
            if field is not None:
                yield where, field
        if name in ("number_columns", "check_number_columns"):  # columns are the keys of the limits
            for node in args:
                if isinstance(node, ast.Dict):
                    yield from ((where, key) for key in map(_literal, node.keys) if key)
    for schema in SCHEMAS.values():
        yield f"schema {schema.name}", schema.name
        for column in schema.columns:
            yield f"schema {schema.name}", column.name


def test_every_field_an_error_names_has_a_chinese_label() -> None:
    # one-letter names (a, b, n) are a formula's parameters, shown as they are
    missing = sorted({f"{where}: {field!r}" for where, field in _fields()
                      if field_name(field, "zh") == field and len(field) > 1 and re.search("[a-z]", field)})
    assert not missing, "fields without a Chinese label:\n" + "\n".join(missing)
