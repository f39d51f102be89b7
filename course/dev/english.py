"""Find English sentences in what the Chinese edition shows a trainee.

A Chinese lesson may name products (CARDIA), codes (H01, q3), units (mg), column names in
backticks and published methods (SMART, BCG, 目标管理（Management by Objectives, Drucker
1954）); it may not show an English sentence. A run of at least three English words, two of
them lower-case words such as "the" or "calls", counts as a sentence; inline code, code
blocks, link targets, HTML tags, citations in brackets with a year, the names in
:data:`ALLOWED` and the sample territory's hospital names (proper names, like products) do not.

Examples
--------
>>> english_sentences("每月拜访 A 级医生 4 次（SMART）。Run the next cell to see the plan.")
['Run the next cell to see the plan']
>>> english_sentences("用 `load_sample(\\"calls\\")` 读取拜访记录，目标管理（Management by Objectives, Drucker 1954）。")
[]
"""

from __future__ import annotations

import functools
import html
import io
import re
import tokenize
from typing import Any

from course.data import load_sample

__all__ = ["ALLOWED", "SHOWS_ENGLISH", "comments", "english_sentences", "output_text", "prose",
           "shows_english"]

# cells of the Chinese edition that print English on purpose: (notebook file, cell id) -> why
SHOWS_ENGLISH = {
    ("00_welcome.ipynb", "00-07"): "shows one quadrant's name in both languages",
}

ALLOWED = (
    # names of published methods, codes of practice and products a Chinese text may keep
    "Management by Objectives",
    "Boston Consulting Group",
    "Diffusion of Innovations",
    "IFPMA Code of Practice",
    "PhRMA Code",
    "Time-bound",
    "Specific, Measurable, Achievable, Relevant, Time-bound",
    "Specific, Measurable, Attainable, Relevant, Time-bound",
    "Specific, Measurable, Assignable, Realistic, Time-related",
    "first things first",
    "Begin with the end in mind",
    "Put first things first",
    "The 7 Habits of Highly Effective People",
    "The Effective Executive",
    "Key Opinion Leader",
    "Key Account Management",
    "key opinion leader",
    "Jupyter Notebook",
    "Restart Kernel and Run All Cells",
    "Shift + Enter",
    "Shift+Enter",
)
_FENCE = re.compile(r"```.*?```|~~~.*?~~~", re.S)
_INLINE = re.compile(r"`[^`]*`")
_LINK_TARGET = re.compile(r"(?<=\])\([^)]*\)")
_URL = re.compile(r"<?https?://\S+>?")
_TAG = re.compile(r"<[^>]+>")
_TRUNCATED = re.compile(r"([A-Za-z][A-Za-z'’ ,-]*?)(?:\.\.\.|…)")
_STYLE = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.I)
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S)
# a bracketed citation: a name and a year, e.g. （Management by Objectives, Drucker 1954）
_CITATION = re.compile(r"[(（][^()（）]*\b(1[89]|20)\d\d\b[^()（）]*[)）]")
_WORD = r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*"
_RUN = re.compile(rf"{_WORD}(?:[ \t]*[,;:.!?/]?[ \t]+{_WORD})+")
_LOWER = re.compile(r"[a-z][a-z'’]+(?:-[a-z]+)*")


def shows_english(notebook: str, cell_id: str) -> bool:
    """True for a cell of :data:`SHOWS_ENGLISH`, whose English output is the point.

    Examples
    --------
    >>> shows_english("00_welcome.ipynb", "00-07"), shows_english("02_time.ipynb", "00-07")
    (True, False)
    """
    return (notebook, cell_id) in SHOWS_ENGLISH


def prose(markdown: str) -> str:
    """What a reader reads of a markdown cell: no code, link targets, tags or formulas.

    Examples
    --------
    >>> prose("见[第2课](02_time.ipynb)的 `plan_day()` 和 <b>表</b>：$x^2$")
    '见[第2课] 的   和  表 ： '
    """
    text = _FENCE.sub(" ", markdown)
    for pattern in (_INLINE, _LINK_TARGET, _URL, _TAG, _MATH):
        text = pattern.sub(" ", text)
    return text


@functools.cache
def _allowed() -> list[str]:
    """:data:`ALLOWED` and the sample territory's English hospital names, longest first."""
    names = [str(n) for n in load_sample("hospitals")["name_en"].dropna()]
    return sorted({*ALLOWED, *names}, key=len, reverse=True)


def _drop_cut_name(match: re.Match[str]) -> str:
    """A name pandas cut short ("Jiangcheng Hospital of ...") goes like the whole name."""
    cut = match.group(1).strip()
    known = len(cut) >= 10 and any(name.startswith(cut) for name in _allowed())
    return " " if known else match.group(0)


def english_sentences(text: str) -> list[str]:
    """The English sentences in ``text`` (a Chinese edition's prose or printed output).

    Examples
    --------
    >>> english_sentences("CARDIA 每月 1,172 盒（H01-CAR）；BCG 矩阵：明星产品")
    []
    >>> english_sentences("目标：Goals motivate us（目标使我们产生积极性）")
    ['Goals motivate us']
    >>> english_sentences("Specific, Measurable, Achievable, Relevant, Time-bound")
    []
    >>> english_sentences("H07 Jiangcheng Hospital of Integrated Chinese and Western Medicine")
    []
    >>> english_sentences("H07 Jiangcheng Hospital of Integrated Chinese and ... 三级乙等")
    []
    """
    text = _CITATION.sub(" ", text)
    text = _TRUNCATED.sub(_drop_cut_name, text)
    for name in _allowed():
        text = text.replace(name, " ")
    found = []
    for match in _RUN.finditer(text):
        run = match.group(0).rstrip(" ,;:.!?/")
        words = re.findall(_WORD, run)
        lower = [w for w in words if _LOWER.fullmatch(w)]
        if len(words) >= 3 and len(lower) >= 2:
            found.append(" ".join(run.split()))
    return found


def comments(source: str) -> str:
    """The comments of a code cell (what a reader reads of it), one per line.

    Examples
    --------
    >>> comments('x = "# no"  # 月度目标\\n# NBVAL_CHECK_OUTPUT\\n%matplotlib inline')
    '月度目标'
    """
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT and not token.string.startswith("# NBVAL_"):
                found.append(token.string.lstrip("#").strip())
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return ""
    return "\n".join(found)


def output_text(outputs: list[Any]) -> str:
    """What a trainee reads of a cell's outputs: streams, results shown as text or HTML, errors.

    Widgets and pictures are left out (their text comes from the catalogs, tested there).

    Examples
    --------
    >>> output_text([{"output_type": "stream", "text": "共 3 家\\n"},
    ...              {"output_type": "display_data", "data": {"text/plain": "<Figure>",
    ...                                                       "image/png": "..."}},
    ...              {"output_type": "execute_result", "data": {"text/html": "<b>表</b>"}},
    ...              {"output_type": "execute_result", "data": {"text/plain": "<function f(x: int)>"}}])
    '共 3 家\\n\\n 表 '
    """
    parts = []
    for output in outputs:
        kind = output.get("output_type")
        data = output.get("data", {})
        if kind == "stream":
            parts.append("".join(output.get("text", "")))
        elif kind == "error":
            parts.append(str(output.get("evalue", "")))
        elif any(key.startswith("image/") or "widget" in key for key in data):
            continue
        elif "text/html" in data:  # a table, as JupyterLab shows it (pandas' text form is cut)
            page = _STYLE.sub(" ", "".join(data["text/html"]))
            parts.append(html.unescape(_TAG.sub(" ", page)))
        elif "text/markdown" in data:
            parts.append(prose("".join(data["text/markdown"])))
        elif "text/plain" in data:
            text = "".join(data["text/plain"]).strip()
            if not (text.startswith("<") and text.endswith(">") and "\n" not in text):
                parts.append(text)  # not an object's repr such as <function f(x: int)>
    return "\n".join(parts)
