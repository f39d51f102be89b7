"""Friendly self-checks for the graded exercises (练习自测).

A test cell of an exercise calls :func:`check_format` (is the answer shaped
right?) and :func:`check` (is it right?). On success one line is printed,
e.g. ``✓ q1: correct``; otherwise :class:`CheckFailed` is raised with a short
message in English or Chinese (see :func:`course.set_language`) that says
what to fix, never the expected value. In Jupyter the message is shown
without a traceback, and nbgrader still scores the cell 0.

Only plain values count: ``str``, ``int``, ``float``, ``bool``, ``None`` and
``list``, ``tuple``, ``dict`` of them, checked by exact type, so an object
whose ``==`` always answers ``True`` (or a ``str`` subclass) never scores.
numpy's own scalar types (what pandas hands back, e.g. ``numpy.int64``) are
converted with ``.item()``; subclasses of them are refused.

How values are compared:

- numbers: ``int`` and ``float`` are interchangeable (``12.0`` is ``12``);
  equal within ``tolerance`` (absolute, plus a tiny relative margin for
  large numbers); ``True``/``False`` are not numbers;
- text: after ``strip()``, with runs of spaces collapsed, ignoring case
  (``"b"`` is ``"B"``, ``"star "`` is ``"Star"``);
- lists and tuples are interchangeable; order matters unless
  ``ordered=False``;
- dicts: the same keys (exactly); each value compared as above. A wrong
  answer names the keys to look at again, never the expected values.

Examples
--------
>>> from course import set_language
>>> set_language("en")
>>> check("q1", " b", "B")
✓ q1: correct
>>> check("q2", {"plan": "B", "stock-out": "B"}, {"plan": "B", "stock-out": "A"})
Traceback (most recent call last):
...
course.checks.CheckFailed: ✗ q2: not correct yet
q2: these need another look: 'stock-out'
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from typing import Any, TypeAlias

from course.i18n import _

__all__ = ["CheckFailed", "check", "check_format"]

Plain: TypeAlias = (
    "bool | int | float | str | list[Plain] | tuple[Plain, ...] | dict[Any, Plain] | None"
)
"""A value made only of exact builtin types."""

_SCALARS = (str, int, float, bool, type(None))
_MAX_DEPTH = 20
_SHOWN = 5


class CheckFailed(AssertionError):
    """A self-check found a problem; the message says what to fix.

    Examples
    --------
    >>> err = CheckFailed("✗ q1: not correct yet\\nHint: look again")
    >>> err._render_traceback_()
    ['✗ q1: not correct yet', 'Hint: look again']
    """

    def _render_traceback_(self) -> list[str]:
        """What IPython shows instead of a traceback: the message only."""
        return str(self).splitlines()


class _Unanswered(Exception):
    """An Ellipsis is still in the answer."""


class _NotPlain(Exception):
    """A part of the answer is not made of plain builtin values."""

    def __init__(self, where: str, type_name: str) -> None:
        super().__init__(where)
        self.where = where
        self.type_name = type_name


def _type_name(value: object) -> str:
    try:
        name = type(value).__name__
    except Exception:
        return "object"
    return name[:40] if type(name) is str else "object"


def _numpy_scalar(value: object) -> Plain | None:
    """Convert a genuine numpy number, bool or text scalar; None when it is not one."""
    numpy = sys.modules.get("numpy")
    if numpy is None:
        return None
    kind = type(value)
    real = (numpy.integer, numpy.floating, numpy.bool_, numpy.str_)
    # identity with one of numpy's own concrete types: a subclass or a metaclass trick fails
    if any(kind is t for t in set(numpy.sctypeDict.values())) and issubclass(kind, real):
        item = value.item()  # type: ignore[attr-defined]
        return item if type(item) in _SCALARS else None
    return None


def _plain(value: object, where: str, depth: int = 0) -> Plain:
    """Return ``value`` rebuilt from exact builtin types, or raise."""
    if value is Ellipsis:
        raise _Unanswered(where)
    if depth > _MAX_DEPTH:
        raise _NotPlain(where, _type_name(value))
    kind = type(value)
    if any(kind is t for t in _SCALARS):
        return value  # type: ignore[return-value]
    if kind is list or kind is tuple:
        assert isinstance(value, (list, tuple))  # exact type already checked
        items = [_plain(v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value)]
        return items if kind is list else tuple(items)
    if kind is dict:
        assert isinstance(value, dict)
        result: dict[Any, Plain] = {}
        for key, item in dict.items(value):
            plain_key = _plain(key, f"{where} key", depth + 1)
            if isinstance(plain_key, (list, dict)):
                raise _NotPlain(f"{where} key", _type_name(plain_key))
            result[plain_key] = _plain(item, f"{where}[{plain_key!r}]", depth + 1)
        return result
    converted = _numpy_scalar(value)
    if converted is not None:
        return converted
    raise _NotPlain(where, _type_name(value))


def _reference(name: str, value: object, role: str) -> Plain:
    """Normalise the exercise author's ``expected``/``like``: a bad one is a bug, not a fail."""
    try:
        return _plain(value, name)
    except (_Unanswered, _NotPlain) as err:
        raise TypeError(f"{role} for {name!r} must be a plain value without ...: {err}") from None


def _is_number(value: Plain) -> bool:
    return type(value) is int or type(value) is float


def _kind(value: Plain) -> str:
    if value is None:
        return "None"
    if type(value) is bool:
        return _("True or False")
    if type(value) is int:
        return _("a whole number")
    if type(value) is float:
        return _("a number")
    if type(value) is str:
        return _("a text in quotes")
    if type(value) in (list, tuple):
        return _("a list [...]")
    return _("a dict {...}")


def _listing(items: Iterable[object]) -> str:
    shown = list(items)
    text = ", ".join(repr(i) for i in shown[:_SHOWN])
    if len(shown) > _SHOWN:
        text += " " + _("and {n} more").format(n=len(shown) - _SHOWN)
    return text


def _shape_problems(answer: Plain, like: Plain, where: str) -> list[str]:
    """What differs in kind, length or keys between ``answer`` and ``like``."""
    wrong_kind = _("{where} should be {kind}, but it is {got}")
    if type(like) is dict:
        if type(answer) is not dict:
            return [wrong_kind.format(where=where, kind=_kind(like), got=_kind(answer))]
        problems = []
        missing = [k for k in like if k not in answer]
        extra = [k for k in answer if k not in like]
        if missing:
            problems.append(
                _("{where} is missing: {keys}").format(where=where, keys=_listing(missing))
            )
        if extra:
            problems.append(
                _("{where} has entries that are not asked for: {keys}").format(
                    where=where, keys=_listing(extra)
                )
            )
        for key in like:
            if key in answer:
                problems += _shape_problems(answer[key], like[key], f"{where}[{key!r}]")
        return problems
    if type(like) in (list, tuple):
        if type(answer) not in (list, tuple):
            return [wrong_kind.format(where=where, kind=_kind(like), got=_kind(answer))]
        assert isinstance(answer, (list, tuple)) and isinstance(like, (list, tuple))
        if len(answer) != len(like):
            return [
                _("{where} should have {n} items, but it has {m}").format(
                    where=where, n=len(like), m=len(answer)
                )
            ]
        problems = []
        for i, (a, e) in enumerate(zip(answer, like, strict=True)):
            problems += _shape_problems(a, e, f"{where}[{i}]")
        return problems
    if _is_number(like) and _is_number(answer):
        if type(like) is int and type(answer) is float and not float(answer).is_integer():
            return [wrong_kind.format(where=where, kind=_kind(like), got=_kind(answer))]
        return []
    if type(like) is not type(answer):
        return [wrong_kind.format(where=where, kind=_kind(like), got=_kind(answer))]
    return []


def _text(value: str) -> str:
    return " ".join(value.split()).casefold()


def _same(answer: Plain, expected: Plain, tolerance: float) -> bool:
    """Compare two plain values of the same shape (see the module docstring)."""
    if _is_number(expected):
        if not _is_number(answer):
            return False
        a, e = float(answer), float(expected)  # type: ignore[arg-type]
        return math.isclose(a, e, rel_tol=1e-9, abs_tol=tolerance)
    if type(expected) is str:
        return type(answer) is str and _text(answer) == _text(expected)
    if isinstance(expected, (list, tuple)):
        if not isinstance(answer, (list, tuple)) or len(answer) != len(expected):
            return False
        return all(_same(a, e, tolerance) for a, e in zip(answer, expected, strict=True))
    if type(expected) is dict:
        if type(answer) is not dict or set(answer) != set(expected):
            return False
        return all(_same(answer[k], expected[k], tolerance) for k in expected)
    return type(answer) is type(expected) and answer == expected  # bool and None


def _unmatched(answer: list[Plain], expected: list[Plain], tolerance: float) -> list[Plain]:
    """Items of ``answer`` left over after pairing each with an equal expected item."""
    left = list(expected)
    extra = []
    for item in answer:
        match = next((i for i, e in enumerate(left) if _same(item, e, tolerance)), None)
        if match is None:
            extra.append(item)
        else:
            left.pop(match)
    return extra


def _value_problems(
    answer: Plain, expected: Plain, where: str, tolerance: float, ordered: bool
) -> list[str]:
    """Name the keys or positions that are wrong, without revealing the expected values."""
    if type(expected) is dict and type(answer) is dict:
        wrong = [k for k in expected if not _same(answer[k], expected[k], tolerance)]
        return [
            _("{where}: these need another look: {keys}").format(where=where, keys=_listing(wrong))
        ]
    if type(expected) in (list, tuple) and type(answer) in (list, tuple):
        assert isinstance(answer, (list, tuple)) and isinstance(expected, (list, tuple))
        if not ordered:
            extra = _unmatched(list(answer), list(expected), tolerance)
            return [
                _("{where}: these entries do not belong: {items}").format(
                    where=where, items=_listing(extra)
                )
            ]
        wrong_at = [
            i + 1
            for i, (a, e) in enumerate(zip(answer, expected, strict=True))
            if not _same(a, e, tolerance)
        ]
        positions = ", ".join(str(p) for p in wrong_at)
        return [
            _("{where}: items in these positions need another look: {positions}").format(
                where=where, positions=positions
            )
        ]
    return []


def _fail(headline: str, details: list[str], hint: str = "") -> CheckFailed:
    lines = [headline, *details]
    if hint:
        lines.append(_("Hint: {hint}").format(hint=hint))
    return CheckFailed("\n".join(lines))


def _answer(name: str, answer: object) -> Plain:
    try:
        return _plain(answer, name)
    except _Unanswered:
        raise _fail(
            _("✗ {name}: not answered yet: replace each ... with your answer").format(name=name), []
        ) from None
    except _NotPlain as err:
        detail = _(
            "{where} is {type}, not a plain value: write text in quotes, a number, True/False, a list or a dict"
        )
        raise _fail(
            _("✗ {name}: the answer does not have the expected form").format(name=name),
            [detail.format(where=err.where, type=err.type_name)],
        ) from None


def check_format(name: str, answer: object, like: object) -> None:
    """Check that ``answer`` has the form of ``like``: same kinds, list lengths and dict keys.

    Parameters
    ----------
    name : str
        The question's id as the trainee sees it, e.g. ``"q1"``.
    answer : object
        The trainee's answer.
    like : object
        Any value of the right form (its values do not matter).

    Raises
    ------
    CheckFailed
        When the answer still contains ``...`` or has another form.

    Examples
    --------
    >>> from course import set_language
    >>> set_language("en")
    >>> check_format("q3", {"beds": 850, "grade": "A"}, like={"beds": 1, "grade": "C"})
    ✓ q3: the answer has the right form
    >>> check_format("q3", {"beds": "850", "grade": ...}, like={"beds": 1, "grade": "C"})
    Traceback (most recent call last):
    ...
    course.checks.CheckFailed: ✗ q3: not answered yet: replace each ... with your answer
    >>> check_format("q3", {"beds": "850"}, like={"beds": 1, "grade": "C"})
    Traceback (most recent call last):
    ...
    course.checks.CheckFailed: ✗ q3: the answer does not have the expected form
    q3 is missing: 'grade'
    q3['beds'] should be a whole number, but it is a text in quotes
    """
    reference = _reference(name, like, "like")
    plain = _answer(name, answer)
    problems = _shape_problems(plain, reference, name)
    if problems:
        raise _fail(
            _("✗ {name}: the answer does not have the expected form").format(name=name), problems
        )
    print(_("✓ {name}: the answer has the right form").format(name=name))


def check(
    name: str,
    answer: object,
    expected: object,
    *,
    hint: str = "",
    tolerance: float = 1e-6,
    ordered: bool = True,
) -> None:
    """Check ``answer`` against ``expected``; print ``✓ name: correct`` or raise :class:`CheckFailed`.

    Parameters
    ----------
    name : str
        The question's id as the trainee sees it, e.g. ``"q1"``.
    answer : object
        The trainee's answer: plain values only (see the module docstring).
    expected : object
        The right answer (may be computed with the course library).
    hint : str
        Shown, as written, when the answer is wrong.
    tolerance : float
        Largest accepted absolute difference between numbers.
    ordered : bool
        When False, a list is right if it holds the expected items in any order.

    Examples
    --------
    >>> from course import set_language
    >>> set_language("en")
    >>> check("q2", 0.3333333, 1 / 3)
    ✓ q2: correct
    >>> check("q4", ["Dr Li", "Dr Wang"], ["Dr Wang", "Dr Li"], ordered=False)
    ✓ q4: correct
    >>> check("q5", 12, 14, hint="Count the A and B doctors only.")
    Traceback (most recent call last):
    ...
    course.checks.CheckFailed: ✗ q5: not correct yet
    Hint: Count the A and B doctors only.
    >>> set_language("zh")
    >>> check("q5", 14, 14)
    ✓ q5：正确
    >>> set_language("en")
    """
    reference = _reference(name, expected, "expected")
    plain = _answer(name, answer)
    if not ordered and type(reference) in (list, tuple) and type(plain) in (list, tuple):
        assert isinstance(plain, (list, tuple)) and isinstance(reference, (list, tuple))
        extra = _unmatched(list(plain), list(reference), tolerance)
        right = not extra and len(plain) == len(reference)
    else:
        right = _same(plain, reference, tolerance)
    if right:
        print(_("✓ {name}: correct").format(name=name))
        return
    problems = _shape_problems(plain, reference, name)
    if problems:
        headline = _("✗ {name}: the answer does not have the expected form").format(name=name)
        raise _fail(headline, problems, hint)
    details = _value_problems(plain, reference, name, tolerance, ordered)
    raise _fail(_("✗ {name}: not correct yet").format(name=name), details, hint)
