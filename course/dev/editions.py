"""The course's two editions: English notebooks and their Chinese twins (简体中文版).

Every lesson ``notebooks/NN_x.ipynb`` has a twin ``notebooks/zh/NN_x.ipynb``, and every
exercise ``exercises/exN_x/exN_x.ipynb`` a twin ``exercises/exN_x_zh/exN_x_zh.ipynb``.
The twins keep *parity*: the same cells in the same order, with the same ids, types and
metadata; code cells identical except for comments (translated; ``# NBVAL_...`` markers
stay) and the argument of ``set_language("en")`` / ``set_language("zh")``.

Two commands, run from the repository root::

    python -m course.dev.editions check [paths]   # list every drift, exit 1 if any
    python -m course.dev.editions new notebooks/03_goals.ipynb   # write the twin's skeleton

``check`` takes English or Chinese notebooks (or none: every pair of the course).
``new`` copies the code (language switched to Chinese), keeps the markdown for the
author to translate, points the links at the Chinese edition and drops all outputs;
then run ``python -m course.dev.notebooks`` on the twin to store its checked outputs.
"""

from __future__ import annotations

import difflib
import io
import re
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

__all__ = [
    "ROOT",
    "Drift",
    "check",
    "check_pair",
    "code_key",
    "english_notebooks",
    "english_of",
    "is_chinese",
    "main",
    "new_twin",
    "pairs",
    "skeleton",
    "twin_of",
]

ROOT = Path(__file__).resolve().parents[2]
ZH = "zh"
SUFFIX = "_zh"
MARKER = "# NBVAL_"
_LANGUAGE_CALL = re.compile(r"""set_language\(\s*(["'])(en|zh)\1\s*\)""")


@dataclass(frozen=True)
class Drift:
    """One difference between an English notebook and its Chinese twin."""

    path: Path
    """The Chinese twin (or the English notebook, when the twin is missing)."""
    cell: str
    """The cell id concerned, or ``""`` for the whole notebook."""
    what: str
    """A short description, with a short diff where it helps."""

    def __str__(self) -> str:
        where = f"{_shown(self.path)} cell {self.cell}" if self.cell else _shown(self.path)
        return f"{where}: {self.what}"


def _shown(path: Path) -> str:
    for base in (Path.cwd(), ROOT):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return str(path)


# ------------------------------------------------------------------ which file is whose twin


def is_chinese(path: Path) -> bool:
    """True for a notebook of the Chinese edition.

    Examples
    --------
    >>> is_chinese(Path("notebooks/zh/03_goals.ipynb")), is_chinese(Path("notebooks/03_goals.ipynb"))
    (True, False)
    >>> is_chinese(Path("exercises/ex3_goals_zh/ex3_goals_zh.ipynb"))
    True
    """
    return path.parent.name == ZH or path.stem.endswith(SUFFIX)


def twin_of(path: Path) -> Path:
    """The Chinese twin of an English lesson or exercise.

    Examples
    --------
    >>> twin_of(Path("notebooks/03_goals.ipynb")).as_posix()
    'notebooks/zh/03_goals.ipynb'
    >>> twin_of(Path("exercises/ex3_goals/ex3_goals.ipynb")).as_posix()
    'exercises/ex3_goals_zh/ex3_goals_zh.ipynb'
    """
    if is_chinese(path):
        raise ValueError(f"{path} is already a Chinese notebook")
    if path.parent.name == path.stem:  # an exercise: exercises/<id>/<id>.ipynb
        name = path.stem + SUFFIX
        return path.parent.parent / name / f"{name}.ipynb"
    return path.parent / ZH / path.name


def english_of(path: Path) -> Path:
    """The English notebook a Chinese twin belongs to.

    Examples
    --------
    >>> english_of(Path("notebooks/zh/03_goals.ipynb")).as_posix()
    'notebooks/03_goals.ipynb'
    >>> english_of(Path("exercises/ex3_goals_zh/ex3_goals_zh.ipynb")).as_posix()
    'exercises/ex3_goals/ex3_goals.ipynb'
    """
    if path.parent.name == ZH:
        return path.parent.parent / path.name
    if path.stem.endswith(SUFFIX) and path.parent.name == path.stem:
        name = path.stem[: -len(SUFFIX)]
        return path.parent.parent / name / f"{name}.ipynb"
    raise ValueError(f"{path} is not a Chinese notebook (notebooks/zh/*.ipynb or exercises/*_zh/)")


def english_notebooks(root: Path = ROOT) -> list[Path]:
    """The English lessons and exercises of the course at ``root``.

    Examples
    --------
    >>> [p.relative_to(ROOT).as_posix() for p in english_notebooks()][:1]
    ['notebooks/00_welcome.ipynb']
    """
    lessons = sorted((root / "notebooks").glob("*.ipynb"))
    exercises = sorted(
        p / f"{p.name}.ipynb" for p in (root / "exercises").glob("*")
        if (p / f"{p.name}.ipynb").is_file() and not p.name.endswith(SUFFIX)
    )
    return lessons + exercises


def pairs(root: Path = ROOT) -> list[tuple[Path, Path]]:
    """Every (English, Chinese) pair of the course whose twin exists."""
    return [(en, twin_of(en)) for en in english_notebooks(root) if twin_of(en).is_file()]


# ------------------------------------------------------------------ comparing code


def code_key(source: str) -> list[str]:
    """The lines of a code cell that must be identical in both editions.

    Comments are dropped (found with :mod:`tokenize`, so a ``#`` inside a string stays),
    except ``# NBVAL_...`` markers; a line left empty by that goes; trailing spaces go;
    ``set_language("en")`` and ``set_language("zh")`` read the same.

    Examples
    --------
    >>> code_key('set_language("en")  # English\\nx = "# not a comment"\\n# a note\\ny = 1')
    ['set_language(<language>)', 'x = "# not a comment"', 'y = 1']
    >>> code_key("# NBVAL_CHECK_OUTPUT\\nprint(1)  # 一")
    ['# NBVAL_CHECK_OUTPUT', 'print(1)']
    """
    lines = source.splitlines()
    comments: dict[int, int] = {}  # line number (from 1) -> column where its comment starts
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT and not token.string.startswith(MARKER):
                comments[token.start[0]] = token.start[1]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        # not plain Python (an IPython magic, an unfinished cell): a '#' outside quotes
        for number, line in enumerate(lines, start=1):
            match = re.search(r"""^(?:[^"'#]|"[^"]*"|'[^']*')*?(#.*)$""", line)
            if match and not match.group(1).startswith(MARKER):
                comments[number] = match.start(1)
    kept = []
    for number, line in enumerate(lines, start=1):
        cut = line[: comments[number]] if number in comments else line
        if number in comments and not cut.strip():
            continue
        kept.append(_LANGUAGE_CALL.sub("set_language(<language>)", cut.rstrip()))
    return kept


def _short_diff(english: list[str], chinese: list[str], limit: int = 12) -> str:
    lines = [
        line for line in difflib.unified_diff(english, chinese, "English", "Chinese", n=1,
                                              lineterm="")
        if not line.startswith(("---", "+++"))
    ]
    more = f"\n    ... {len(lines) - limit} more line(s)" if len(lines) > limit else ""
    return "\n".join("    " + line for line in lines[:limit]) + more


# ------------------------------------------------------------------ parity


def check_pair(english: NotebookNode, chinese: NotebookNode, path: Path) -> list[Drift]:
    """Every drift between two editions of one notebook; ``path`` names the Chinese one.

    Examples
    --------
    >>> en = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell('set_language("en")\\nx = 1  # one', id="a"),
    ...     nbformat.v4.new_markdown_cell("Hello", id="b")])
    >>> zh = nbformat.from_dict(en)
    >>> zh.cells[0].source = 'set_language("zh")\\nx = 1  # 一'
    >>> zh.cells[1].source = "你好"
    >>> check_pair(en, zh, Path("zh.ipynb"))
    []
    >>> zh.cells[0].source = 'set_language("zh")\\nx = 2'
    >>> zh.cells[1].metadata["tags"] = ["hide"]
    >>> for drift in check_pair(en, zh, Path("zh.ipynb")):
    ...     print(drift)
    zh.ipynb cell a: code differs
        @@ -1,2 +1,2 @@
         set_language(<language>)
        -x = 1
        +x = 2
    zh.ipynb cell b: metadata differs: English {}, Chinese {'tags': ['hide']}
    """
    drifts: list[Drift] = []
    en_ids = [str(c.get("id", f"#{i}")) for i, c in enumerate(english.cells)]
    zh_ids = [str(c.get("id", f"#{i}")) for i, c in enumerate(chinese.cells)]
    only_en = [i for i in en_ids if i not in zh_ids]
    only_zh = [i for i in zh_ids if i not in en_ids]
    if only_en:
        drifts.append(Drift(path, "", f"cells missing (English has them): {', '.join(only_en)}"))
    if only_zh:
        drifts.append(Drift(path, "", f"cells the English edition lacks: {', '.join(only_zh)}"))
    common_en = [i for i in en_ids if i in zh_ids]
    common_zh = [i for i in zh_ids if i in en_ids]
    if common_en != common_zh:
        at = next(n for n, (a, b) in enumerate(zip(common_en, common_zh, strict=True)) if a != b)
        drifts.append(Drift(path, common_zh[at], "cells in another order: after "
                            f"{common_en[at - 1] if at else 'the start'} the English edition has "
                            f"{common_en[at]}, the Chinese {common_zh[at]}"))
    by_id = {str(c.get("id", f"#{i}")): c for i, c in enumerate(chinese.cells)}
    for index, cell in enumerate(english.cells):
        cell_id = en_ids[index]
        other = by_id.get(cell_id)
        if other is None:
            continue
        if cell.cell_type != other.cell_type:
            drifts.append(Drift(path, cell_id, f"cell type differs: English {cell.cell_type}, "
                                               f"Chinese {other.cell_type}"))
            continue
        if dict(cell.metadata) != dict(other.metadata):
            drifts.append(Drift(path, cell_id, f"metadata differs: English {dict(cell.metadata)}, "
                                               f"Chinese {dict(other.metadata)}"))
        if cell.cell_type == "code":
            en_key, zh_key = code_key(cell.source), code_key(other.source)
            if en_key != zh_key:
                drifts.append(Drift(path, cell_id, "code differs\n" + _short_diff(en_key, zh_key)))
    return drifts


def check(paths: list[Path] | None = None, root: Path = ROOT) -> list[Drift]:
    """The drifts of the named notebooks (English or Chinese), or of every pair of the course.

    A Chinese notebook without its English one, or an English one without its twin, is a drift.
    """
    if not paths:
        paths = english_notebooks(root)
    drifts: list[Drift] = []
    seen: set[Path] = set()
    for path in paths:
        english, chinese = (english_of(path), path) if is_chinese(path) else (path, twin_of(path))
        if english.resolve() in seen:
            continue
        seen.add(english.resolve())
        if not english.is_file():
            drifts.append(Drift(chinese, "", f"no English notebook {_shown(english)}"))
        elif not chinese.is_file():
            drifts.append(Drift(english, "", f"no Chinese twin {_shown(chinese)} "
                                             "(python -m course.dev.editions new ...)"))
        else:
            drifts += check_pair(nbformat.read(english, as_version=4),
                                 nbformat.read(chinese, as_version=4), chinese)
    return drifts


# ------------------------------------------------------------------ the twin's skeleton

_LINK = re.compile(r"\]\((?!https?:|#|mailto:)([^)\s]+)\)")


def _switch_language(source: str) -> str:
    calls = _LANGUAGE_CALL.findall(source)
    if calls and all(lang == "en" for _quote, lang in calls):
        return _LANGUAGE_CALL.sub(lambda m: m.group(0).replace("en", "zh"), source)
    return source  # no call, or a cell that shows both languages


def _relink(target: str, lesson: bool) -> str:
    """A relative link of the English edition, as the Chinese twin writes it.

    Examples
    --------
    >>> _relink("../exercises/ex1_professional/", lesson=True)
    '../../exercises/ex1_professional_zh/'
    >>> _relink("02_time.ipynb", lesson=True), _relink("../docs/x.md", lesson=True)
    ('02_time.ipynb', '../../docs/x.md')
    >>> _relink("../../notebooks/03_goals.ipynb#Quota", lesson=False)
    '../../notebooks/zh/03_goals.ipynb#Quota'
    """
    match = re.match(r"((?:\.\./)*)exercises/(ex\d+_[a-z_]+?)/(?:\2\.ipynb)?", target)
    if match:
        name = match.group(2) + SUFFIX
        rest = target[match.end():]
        file = f"{name}.ipynb" if target[: match.end()].endswith(".ipynb") else ""
        ups = match.group(1) + ("../" if lesson else "")
        return f"{ups}exercises/{name}/{file}{rest}"
    target = re.sub(r"^((?:\.\./)*)notebooks/(\d\d_)", r"\1notebooks/zh/\2", target)
    if lesson and target.startswith("../"):
        return "../" + target
    return target


def skeleton(english: NotebookNode, lesson: bool) -> NotebookNode:
    """The Chinese twin to translate: code with the language switched, markdown kept, no outputs.

    Examples
    --------
    >>> en = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell('set_language("en")  # English', id="a"),
    ...     nbformat.v4.new_markdown_cell("See [ex1](../exercises/ex1_a/).", id="b")])
    >>> en.cells[0].outputs = [nbformat.v4.new_output("stream", text="hi")]
    >>> zh = skeleton(en, lesson=True)
    >>> zh.cells[0].source, zh.cells[0].outputs, zh.cells[1].source
    ('set_language("zh")  # English', [], 'See [ex1](../../exercises/ex1_a_zh/).')
    """
    twin: NotebookNode = nbformat.from_dict(english)
    twin.metadata.pop("widgets", None)
    for cell in twin.cells:
        if cell.cell_type == "code":
            cell.source = _switch_language(cell.source)
            cell.outputs = []
            cell.execution_count = None
        else:
            cell.source = _LINK.sub(lambda m: f"]({_relink(m.group(1), lesson)})", cell.source)
    return twin


def new_twin(english: Path, force: bool = False) -> Path:
    """Write the skeleton of ``english``'s Chinese twin; refuse to overwrite one unless ``force``."""
    target = twin_of(english)
    if target.exists() and not force:
        raise FileExistsError(f"{_shown(target)} exists; translate it, or pass --force to replace it")
    nb = nbformat.read(english, as_version=4)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(skeleton(nb, lesson=english.parent.name != english.stem), target)
    return target


# ------------------------------------------------------------------ command line

USAGE = """usage: python -m course.dev.editions check [notebook ...]
       python -m course.dev.editions new [--force] notebook.ipynb ..."""


def main(argv: list[str]) -> int:
    """Run ``check`` or ``new`` (see the module's docstring); 0 when all is well."""
    if not argv or argv[0] not in ("check", "new"):
        print(USAGE, file=sys.stderr)
        return 2
    command, args = argv[0], argv[1:]
    if command == "check":
        drifts = check([Path(a) for a in args], root=Path.cwd())
        for drift in drifts:
            print(drift)
        print(f"{len(drifts)} drift(s)" if drifts else "the editions agree")
        return 1 if drifts else 0
    force = "--force" in args
    names = [a for a in args if a != "--force"]
    if not names:
        print(USAGE, file=sys.stderr)
        return 2
    for name in names:
        try:
            written = new_twin(Path(name), force=force)
        except (FileExistsError, ValueError) as error:
            print(error, file=sys.stderr)
            return 1
        then = ("make solutions" if written.parent.name == written.stem
                else f"python -m course.dev.notebooks {_shown(written)}")
        print(f"wrote {_shown(written)}: translate its markdown and comments, then run {then}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
