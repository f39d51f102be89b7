"""Make trainee-supplied text harmless where the instructor looks at it.

Trainee ids, folder and file names, error messages and timestamps come from
submissions. Two places would act on them rather than show them:

* a **terminal** obeys control characters and ANSI escape sequences (move the
  cursor, rewrite earlier lines, change the window title):
  :func:`terminal_text` removes them;
* a **spreadsheet** opening a CSV file evaluates a cell that starts with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula
  ("CSV injection"): :func:`csv_cell` puts an apostrophe in front, which
  spreadsheets show as text (OWASP's recommendation).

Numbers are left alone (a negative score stays a number).

Examples
--------
>>> terminal_text("ann\\x1b[2J\\x1b]0;pwned\\x07\\rbob")
'ann?bob'
>>> csv_cell("=1+2"), csv_cell("@SUM(1,1)"), csv_cell("ann"), csv_cell(-1.5)
("'=1+2", "'@SUM(1,1)", 'ann', -1.5)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["csv_cell", "csv_row", "terminal_text"]

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-byte escapes, then any C0/C1 control
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def terminal_text(text: object, *, keep_newlines: bool = False) -> str:
    """Return ``text`` with ANSI escapes removed and control characters shown as ``?``.

    Bidirectional overrides (which reorder what is shown) count as control
    characters. ``keep_newlines`` keeps line breaks (for multi-line messages).

    Examples
    --------
    >>> terminal_text("a\\tb\\nc")
    'a?b?c'
    >>> terminal_text("a\\nb", keep_newlines=True)
    'a\\nb'
    >>> terminal_text("\\x1b[31mred\\x1b[0m")
    'red'
    """
    cleaned = _ANSI.sub("", str(text))
    if keep_newlines:
        return "\n".join(_CONTROL.sub("?", line) for line in cleaned.split("\n"))
    return _CONTROL.sub("?", cleaned.replace("\n", "?"))


def csv_cell(value: Any) -> Any:
    """Return ``value`` safe for a CSV cell: text that a spreadsheet would run as a formula gets a ``'``.

    Examples
    --------
    >>> csv_cell("+SUM(1,1)"), csv_cell("-2"), csv_cell("\\t=x"), csv_cell(3)
    ("'+SUM(1,1)", "'-2", "'\\t=x", 3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def csv_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``row`` with every text cell passed through :func:`csv_cell`.

    Examples
    --------
    >>> csv_row({"student": "=cmd", "score": 2.0})
    {'student': "'=cmd", 'score': 2.0}
    """
    return {key: csv_cell(value) for key, value in row.items()}
