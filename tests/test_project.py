"""The project's own set-up: dependency lists in step, catalogs complete."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from babel.messages.extract import extract_from_dir

from course.i18n import LOCALE_DIR, catalog

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_dependencies_as_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {_name(r) for r in extra}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    assert conda == wanted, (
        f"only in pyproject: {sorted(wanted - conda)}; only in environment.yml: {sorted(conda - wanted)}"
    )
    pip_part = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_part


def test_every_message_in_the_code_has_a_chinese_translation() -> None:
    zh = catalog("zh")
    found = {
        (message if isinstance(message, str) else message[0]): filename
        for filename, _lineno, message, _comments, _context in extract_from_dir(
            str(ROOT / "course"),
            method_map=[("**.py", "python")],
            keywords={"_": None, "title": None},
        )
    }
    missing = sorted(f"{file}: {msg!r}" for msg, file in found.items() if not zh.get(msg))
    assert not missing, "messages without a Chinese translation:\n" + "\n".join(missing)
    assert len(found) >= 2  # the extractor sees the course's messages


def test_catalogs_have_no_empty_or_duplicate_translations() -> None:
    from babel.messages.pofile import read_po

    seen: dict[str, str] = {}
    for path in sorted((LOCALE_DIR / "zh_CN" / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if not message.id:
                    continue
                assert message.string, f"{path.name}: {message.id!r} has no translation"
                assert message.id not in seen, f"{message.id!r} in both {seen[message.id]} and {path.name}"
                seen[message.id] = path.name
