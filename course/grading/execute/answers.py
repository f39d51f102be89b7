"""Answers as data: taken out of the trainee's kernel, put into the clean one.

Grading runs a trainee's notebook only to read its answers; the tests run in
a fresh kernel where no trainee code ever ran (:mod:`course.grading.execute.judge`).
What crosses between the two is this module's JSON, never an object:

* :func:`encode` runs inside the trainee's kernel and writes the named
  answers as *tagged* JSON: ``str``, ``int``, ``float``, ``bool`` and
  ``None`` as themselves, ``...`` as ``["e"]``, a list, tuple or dict as
  ``["l", items]``, ``["t", items]``, ``["d", [[key, value], ...]]``;
  genuine numpy scalars become the builtin value they hold (as
  :func:`course.checks.check` would); anything else -- a subclass, a pandas
  object, a function, an object with a clever ``__eq__`` -- becomes
  ``["x", its type's name]``.
* :func:`decode` runs in the grader: it accepts only that shape, at most
  :data:`MAX_CHARS` characters and :data:`MAX_DEPTH` levels, and rebuilds
  exact builtin values; an ``["x", name]`` becomes an inert placeholder
  whose class is called ``name``, so a test fails on it with the same
  message ("expected a number, got Series") the trainee would have seen.
* :func:`inject` runs in the clean kernel and binds the decoded answers.

The trainee's code may of course replace :func:`encode` in its own kernel: it
then chooses what its *own* answers are, which it could do by writing them.
The grader trusts nothing else from that kernel.

Examples
--------
>>> text = encode({"q1_answer": {"a": 1, "b": (2.5, ...)}, "other": 1}, ["q1_answer", "missing"])
>>> text
'{"q1_answer": ["d", [["a", 1], ["b", ["t", [2.5, ["e"]]]]]]}'
>>> decode(text)
{'q1_answer': {'a': 1, 'b': (2.5, Ellipsis)}}
>>> class Anything:
...     def __eq__(self, other):
...         return True
>>> fake = decode(encode({"answer": Anything()}, ["answer"]))["answer"]
>>> type(fake).__name__, fake == 42
('Anything', False)
"""

from __future__ import annotations

import json
import keyword
import sys
from typing import Any

__all__ = ["MAX_CHARS", "MAX_DEPTH", "AnswerError", "Unplain", "decode", "encode", "inject"]

MAX_CHARS = 1_000_000
"""Largest encoded answer set accepted from a trainee's kernel (characters)."""
MAX_DEPTH = 24
"""Deepest nesting accepted (``course.checks`` itself refuses more than 20 levels)."""
_SCALARS = (str, int, float, bool, type(None))
_BIG_INT_BITS = 12_000  # about 3,600 digits: below Python's int-to-text limit


class AnswerError(ValueError):
    """The answers sent by a trainee's kernel are not the expected data."""


class Unplain:
    """Base of the placeholders standing for answers that are not plain values.

    Examples
    --------
    >>> stand_in = _placeholder("Series")
    >>> type(stand_in).__name__, isinstance(stand_in, Unplain), repr(stand_in)
    ('Series', True, '<a Series, not a plain value>')
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<a {type(self).__name__}, not a plain value>"


def _placeholder(name: str) -> Unplain:
    clean = "".join(ch for ch in str(name)[:40] if ch.isprintable()) or "object"
    cls: type[Unplain] = type(clean, (Unplain,), {"__slots__": (), "__module__": "answers"})
    return cls()


def _type_name(value: object) -> str:
    try:
        name = type(value).__name__
    except Exception:
        return "object"
    return name[:40] if type(name) is str else "object"


def _numpy_item(value: object) -> Any:
    numpy = sys.modules.get("numpy")
    if numpy is None:
        return None
    kind = type(value)
    real = (numpy.integer, numpy.floating, numpy.bool_, numpy.str_)
    if any(kind is t for t in set(numpy.sctypeDict.values())) and issubclass(kind, real):
        item = value.item()  # type: ignore[attr-defined]
        return item if type(item) in _SCALARS else None
    return None


def _tag(value: Any, depth: int) -> Any:
    kind = type(value)
    if value is Ellipsis:
        return ["e"]
    if kind is int:
        return value if value.bit_length() <= _BIG_INT_BITS else ["x", "int"]
    if any(kind is t for t in _SCALARS):
        return value
    if isinstance(value, Unplain):
        return ["x", type(value).__name__]
    if depth >= MAX_DEPTH:
        return ["x", _type_name(value)]
    if kind is list or kind is tuple:
        return ["l" if kind is list else "t", [_tag(item, depth + 1) for item in value]]
    if kind is dict:
        return ["d", [[_tag(k, depth + 1), _tag(v, depth + 1)] for k, v in dict.items(value)]]
    item = _numpy_item(value)
    if item is not None:
        return _tag(item, depth)
    return ["x", _type_name(value)]


def encode(namespace: dict[str, Any], names: list[str]) -> str:
    """Return the answers ``names`` found in ``namespace`` as tagged JSON (absent names are left out).

    Examples
    --------
    >>> encode({"a": [1, "x", None, True]}, ["a"])
    '{"a": ["l", [1, "x", null, true]]}'
    >>> encode({"a": float("nan")}, ["a"])
    '{"a": NaN}'
    """
    found = {name: _tag(namespace[name], 0) for name in names if name in namespace}
    return json.dumps(found, ensure_ascii=False)


def _untag(value: Any, depth: int) -> Any:
    if depth > MAX_DEPTH + 1:
        raise AnswerError("nested too deeply")
    kind = type(value)
    if any(kind is t for t in _SCALARS):
        return value
    if kind is not list or not value or type(value[0]) is not str:
        raise AnswerError("not a tagged value")
    tag = value[0]
    if tag == "e" and len(value) == 1:
        return Ellipsis
    if len(value) != 2:
        raise AnswerError("not a tagged value")
    body = value[1]
    if tag == "x" and type(body) is str:
        return _placeholder(body)
    if type(body) is not list:
        raise AnswerError("not a tagged value")
    if tag == "l":
        return [_untag(item, depth + 1) for item in body]
    if tag == "t":
        return tuple(_untag(item, depth + 1) for item in body)
    if tag == "d":
        result: dict[Any, Any] = {}
        for pair in body:
            if type(pair) is not list or len(pair) != 2:
                raise AnswerError("not a key and a value")
            key = _untag(pair[0], depth + 1)
            try:
                result[key] = _untag(pair[1], depth + 1)
            except TypeError:  # an unhashable key (a list): not something a notebook can build
                raise AnswerError("a dict key that cannot be a key") from None
        return result
    raise AnswerError(f"unknown tag {tag[:10]!r}")


def decode(text: str, *, names: list[str] | None = None) -> dict[str, Any]:
    """Rebuild the answers from :func:`encode`'s JSON; refuse anything else.

    Parameters
    ----------
    text : str
        What the trainee's kernel answered.
    names : list of str, optional
        Keep only these answers (the ones the grader asked for).

    Raises
    ------
    AnswerError
        When ``text`` is too long, not JSON, or not the tagged shape.

    Examples
    --------
    >>> decode('{"a": ["l", [1, ["x", "Series"]]], "b": 2}', names=["a"])
    {'a': [1, <a Series, not a plain value>]}
    >>> decode('{"a": ["set", []]}')
    Traceback (most recent call last):
    ...
    course.grading.execute.answers.AnswerError: a: unknown tag 'set'
    >>> decode("[" * 100_000)
    Traceback (most recent call last):
    ...
    course.grading.execute.answers.AnswerError: not JSON: nested too deeply
    """
    if type(text) is not str or len(text) > MAX_CHARS:
        raise AnswerError(f"more than {MAX_CHARS:,} characters")
    try:
        data = json.loads(text)
    except RecursionError:
        raise AnswerError("not JSON: nested too deeply") from None
    except ValueError as error:
        raise AnswerError(f"not JSON: {str(error)[:80]}") from None
    if type(data) is not dict:
        raise AnswerError("not a set of named answers")
    result: dict[str, Any] = {}
    for name, value in data.items():
        if not name.isidentifier() or keyword.iskeyword(name):
            raise AnswerError(f"{name[:40]!r} is not a name")
        if names is not None and name not in names:
            continue
        try:
            result[name] = _untag(value, 0)
        except AnswerError as error:
            raise AnswerError(f"{name}: {error}") from None
        except RecursionError:
            raise AnswerError(f"{name}: nested too deeply") from None
    return result


def inject(namespace: dict[str, Any], text: str) -> str:
    """Bind the answers of ``text`` (the grader's own re-encoding) in ``namespace``; return their names.

    Examples
    --------
    >>> ns = {}
    >>> inject(ns, '{"q1_answer": ["l", [1, 2]]}'), ns
    ('q1_answer', {'q1_answer': [1, 2]})
    """
    values = decode(text)
    namespace.update(values)
    return ",".join(values)
