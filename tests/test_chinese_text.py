"""The course's Chinese reads as one voice: 你 not 您, full-width punctuation, the glossary's terms.

Chinese text is every ``msgstr`` of the catalogs, the Chinese of every :class:`course.i18n.Text`
the library holds, the markdown and code comments of the Chinese lessons (``notebooks/zh/``) and
exercises (``exercises/*_zh/``), and the Chinese the English edition puts beside a concept
("English (中文)"). The glossary is ``docs/glossary.toml``.

The punctuation rule: an ASCII ``, : ; ? ! ( )`` written right next to a Chinese character
(an ideograph or full-width punctuation) is an error. Inline code and code blocks (backticks),
placeholders (``{name}``, ``%s``), URLs, link targets, LaTeX (``$…$``) and HTML tags are
left out: there half-width punctuation belongs.
"""

from __future__ import annotations

import gc
import importlib
import io
import pkgutil
import re
import tokenize
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from babel.messages.pofile import read_po

import course
from course.i18n import Text

ROOT = Path(__file__).resolve().parents[1]
CATALOGS = ROOT / "course" / "locale" / "zh_CN" / "LC_MESSAGES"
GLOSSARY = ROOT / "docs" / "glossary.toml"

IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff"
FULL_WIDTH = "\u3000-\u303f\uff01-\uff5e\u201c\u201d\u2018\u2019"
CJK = f"[{IDEOGRAPH}{FULL_WIDTH}]"
HAS_CHINESE = re.compile(f"[{IDEOGRAPH}]")
CODE_AND_NAMES = re.compile(
    r"```.*?```"                      # fenced code blocks
    r"|`[^`\n]*`"                     # inline code
    r"|\$\$.*?\$\$|\$[^$\n]+\$"       # LaTeX
    r"|<[^<>\n]+>"                    # HTML tags
    r"|\]\([^)\s]*\)"                 # markdown link targets
    r"|https?://\S+"                  # URLs
    r"|\{[^{}\n]*\}"                  # format placeholders
    r"|%\([A-Za-z_]+\)[sdfr]|%[sdfr]",
    re.DOTALL,
)
HALF_WIDTH_BY_CJK = re.compile(f"(?<={CJK})[,:;?!()]+|[,:;?!()]+(?={CJK})")


@dataclass(frozen=True)
class Chinese:
    """One piece of Chinese text and where it comes from."""

    where: str
    """File and entry, cell or object, for the error message."""
    text: str
    """The text itself."""


# --- the rules ---------------------------------------------------------------------------

def register_errors(text: str) -> list[str]:
    """The places where ``text`` addresses the reader as 您 (the course writes 你).

    >>> register_errors("请把 ... 替换为您的答案")
    ['…替换为您的答案']
    >>> register_errors("请把 ... 替换为你的答案")
    []
    """
    return [f"…{text[max(0, m.start() - 3):m.end() + 3]}" for m in re.finditer("您", text)]


def punctuation_errors(text: str) -> list[str]:
    """Half-width , : ; ? ! ( ) next to a Chinese character, outside code, placeholders and URLs.

    A run of them counts once (``)?`` after a Chinese word is one error).

    >>> punctuation_errors("没有数字:无法判断何时完成")
    ["':' in 数字:无法"]
    >>> punctuation_errors("含糊的措辞({words})让结果没有着落。")
    ["'(' in 措辞({w", "')' in s})让结"]
    >>> punctuation_errors("看不到进展(起点)?")
    ["'(' in 进展(起点", "')?' in 起点)?"]
    >>> punctuation_errors("用 `tr(\\"A\\")` 打印，见 https://example.org/a,b 或 {n:,.0f} 盒：CallFrequency(4, 8) 对象")
    []
    """
    masked = CODE_AND_NAMES.sub(lambda m: "\x00" * len(m.group(0)), text)
    return [f"{m.group(0)!r} in {text[max(0, m.start() - 2):m.end() + 2]}"
            for m in HALF_WIDTH_BY_CJK.finditer(masked)]


@dataclass(frozen=True)
class Term:
    """A glossary entry: the one Chinese term of a concept and the variants it replaces."""

    key: str
    """The entry's name in the glossary."""
    en: str
    """The concept in English."""
    zh: str
    """The one Chinese term."""
    avoid: tuple[str, ...]
    """Variants that must not be used."""
    allow: tuple[str, ...]
    """Longer strings that hold an avoided variant but mean something else."""


def load_glossary(path: Path = GLOSSARY) -> list[Term]:
    """The glossary's entries, checked for their fields."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    terms = []
    for key, entry in data["term"].items():
        missing = {"en", "zh", "source", "avoid", "note"} - set(entry)
        assert not missing, f"glossary entry {key}: missing {sorted(missing)}"
        assert entry["source"] in {"material", "course", "published"}, (
            f"glossary entry {key}: source {entry['source']!r}; allowed: material, course, published")
        terms.append(Term(key, entry["en"], entry["zh"], tuple(entry["avoid"]), tuple(entry.get("allow", ()))))
    return terms


def glossary_errors(text: str, terms: list[Term]) -> list[str]:
    """The avoided variants ``text`` uses, each with the glossary's term to write instead.

    >>> stretch = Term("stretch", "stretch", "提升幅度", ("挑战幅度",), ())
    >>> glossary_errors("最小挑战幅度", [stretch])
    ['挑战幅度 (write 提升幅度, glossary: stretch)']
    >>> objective = Term("call_objective", "call objective", "拜访目的", ("拜访目标",), ("拜访目标客户",))
    >>> glossary_errors("每天拜访目标客户12位", [objective])
    []
    """
    found = []
    for term in terms:
        cleaned = text
        for allowed in term.allow:
            cleaned = cleaned.replace(allowed, "")
        found += [f"{variant} (write {term.zh}, glossary: {term.key})" for variant in term.avoid if variant in cleaned]
    return found


# --- where Chinese text is -----------------------------------------------------------------

def catalog_texts() -> Iterator[Chinese]:
    """Every translation in the Chinese catalogs."""
    for path in sorted(CATALOGS.glob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if message.id and isinstance(message.string, str) and message.string:
                yield Chinese(f"{path.name}: msgid {message.id!r}", message.string)


def library_texts() -> Iterator[Chinese]:
    """The Chinese of every Text the library holds once all its modules are imported."""
    for module in pkgutil.walk_packages(course.__path__, "course."):
        importlib.import_module(module.name)
    seen = set()
    for obj in gc.get_objects():
        if isinstance(obj, Text) and obj.zh and (obj.en, obj.zh) not in seen:
            seen.add((obj.en, obj.zh))
            yield Chinese(f"Text({obj.en!r})", obj.zh)


def _comments(source: str) -> list[str]:
    try:
        return [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline)
                if t.type == tokenize.COMMENT]
    except (tokenize.TokenError, SyntaxError, IndentationError):  # a cell with IPython magics
        return re.findall(r"#.*$", source, re.MULTILINE)


def notebook_texts(path: Path, root: Path = ROOT) -> Iterator[Chinese]:
    """The markdown and the code comments of a Chinese notebook."""
    notebook = nbformat.read(path, as_version=4)
    name = path.relative_to(root)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            yield Chinese(f"{name} cell {index}", cell.source)
        elif cell.cell_type == "code":
            for comment in _comments(cell.source):
                yield Chinese(f"{name} cell {index}", comment)


def chinese_notebooks(root: Path = ROOT) -> list[Path]:
    """The Chinese lessons and exercises, as many as exist."""
    return sorted((root / "notebooks" / "zh").glob("*.ipynb")) + sorted(
        p for p in (root / "exercises").glob("*_zh/*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def english_notebooks() -> list[Path]:
    """The English lessons and exercises."""
    return sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
        p for p in (ROOT / "exercises").glob("*/*.ipynb")
        if not p.parent.name.endswith("_zh") and ".ipynb_checkpoints" not in p.parts)


def english_edition_terms(path: Path) -> Iterator[Chinese]:
    """The Chinese the English edition writes in brackets beside a concept: "English (中文)"."""
    notebook = nbformat.read(path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            for match in re.finditer(rf"\(([^()\n]*[{IDEOGRAPH}][^()\n]*)\)", cell.source):
                yield Chinese(f"{path.relative_to(ROOT)} cell {index}", match.group(1))


def all_chinese() -> list[Chinese]:
    """All the course's Chinese text."""
    texts = [*catalog_texts(), *library_texts()]
    for path in chinese_notebooks():
        texts += notebook_texts(path)
    return [t for t in texts if HAS_CHINESE.search(t.text)]


@pytest.fixture(scope="module")
def chinese() -> list[Chinese]:
    return all_chinese()


@pytest.fixture(scope="module")
def glossary() -> list[Term]:
    return load_glossary()


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems[:60])


# --- the rules fail on bad text --------------------------------------------------------------

def test_each_rule_finds_a_bad_example(glossary: list[Term]) -> None:
    assert register_errors("写下您的最佳替代方案")
    assert punctuation_errors("没有基数:知道终点,但看不到进展(起点)?")
    assert [e.split(" ")[0] for e in punctuation_errors("没有基数:知道终点,但看不到进展(起点)?")] == [
        "':'", "','", "'('", "')?'"]
    assert punctuation_errors("# 改成你的答案(字母)")
    assert glossary_errors("在产品接纳阶梯上的位置", glossary)
    assert glossary_errors("下次拜访目标", glossary)
    assert glossary_errors("医院级别", glossary)


def test_good_text_passes_every_rule(glossary: list[Term]) -> None:
    good = "写明起点：从X提高到Y（`from X to Y`），每天拜访目标客户 {n:,} 位，提升幅度 {stretch:.0%}。"
    assert not register_errors(good)
    assert not punctuation_errors(good)
    assert not glossary_errors(good, glossary)


def test_the_scan_reaches_catalogs_library_text_and_chinese_notebooks(tmp_path: Path) -> None:
    wheres = {t.where.split(":")[0].split(" ")[0] for t in all_chinese()}
    assert "goals.po" in wheres and any(w.startswith("Text(") for w in wheres)
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("请您写下答案:"),
        nbformat.v4.new_code_cell('x = 1  # 把 ... 改成你的答案(字母)\nprint(x)'),
    ])
    lesson = tmp_path / "notebooks" / "zh" / "03_goals.ipynb"
    exercise = tmp_path / "exercises" / "ex3_goals_zh" / "ex3_goals_zh.ipynb"
    for path in (lesson, exercise, tmp_path / "exercises" / "ex3_goals" / "ex3_goals.ipynb"):
        path.parent.mkdir(parents=True)
        nbformat.write(notebook, path)
    assert chinese_notebooks(tmp_path) == [lesson, exercise]
    found = list(notebook_texts(lesson, tmp_path))
    assert [bool(register_errors(t.text)) for t in found] == [True, False]
    assert [bool(punctuation_errors(t.text)) for t in found] == [True, True]


# --- the course's Chinese follows them ---------------------------------------------------------

def test_the_glossary_gives_one_term_per_concept(glossary: list[Term]) -> None:
    zh = [t.zh for t in glossary]
    assert len(zh) == len(set(zh)), sorted({z for z in zh if zh.count(z) > 1})
    for term in glossary:
        assert term.zh not in term.avoid, term.key
        clash = [other.key for other in glossary if other is not term and any(a in other.zh for a in term.avoid)]
        assert not clash, f"{term.key} avoids a variant that is {clash}'s own term"


def test_chinese_text_says_you_as_ni(chinese: list[Chinese]) -> None:
    problems = [f"{t.where}: {e}" for t in chinese for e in register_errors(t.text)]
    assert not problems, _report(problems)


def test_chinese_text_uses_full_width_punctuation(chinese: list[Chinese]) -> None:
    problems = [f"{t.where}: {e}" for t in chinese for e in punctuation_errors(t.text)]
    assert not problems, _report(problems)


def test_chinese_text_uses_the_glossary_terms(chinese: list[Chinese], glossary: list[Term]) -> None:
    problems = [f"{t.where}: {e}" for t in chinese for e in glossary_errors(t.text, glossary)]
    assert not problems, _report(problems)


@pytest.mark.parametrize("path", english_notebooks(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_english_edition_names_concepts_with_the_glossary_terms(path: Path, glossary: list[Term]) -> None:
    problems = [f"{t.where}: {e}" for t in english_edition_terms(path)
                for e in glossary_errors(t.text, glossary) + register_errors(t.text)]
    assert not problems, _report(problems)
