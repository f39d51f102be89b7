"""Values under test: refuse objects that fake comparison (runs inside the kernel).

Sent to each kernel with :mod:`course.grading.kernel_side` (see
:mod:`course.grading.guard`). Before a test cell runs, :class:`_StrictValues`
rewrites it so every compared value, call argument and assert goes through
:func:`_check` first: an object whose class the notebook defined and which
fakes comparison or conversion (``__eq__`` always True, a float whose
``__sub__`` returns 0, a spoofed ``__class__``) raises :class:`FakeEqualityError`,
so that test fails. Plain values, library objects (tables, arrays) and honest
classes pass through unchanged, so scores stay nbgrader's.

Examples
--------
>>> _check([1, 2.5, "x"])
[1, 2.5, 'x']
>>> _trusted_type(int), _trusted_type(FakeEqualityError)
(True, True)
"""

from __future__ import annotations

import ast
import sys
import types
from typing import Any

__all__ = ["FIND", "FakeEqualityError"]

FIND = "[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_CourseGrader'][0]"
"""An expression that finds the grader's class inside the kernel without using any name a notebook can rebind."""

_COMPARISONS = frozenset({"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"})
_HARMLESS = frozenset({"__init__", "__new__", "__repr__", "__str__", "__format__", "__init_subclass__",
                       "__class_getitem__", "__reduce__", "__reduce_ex__", "__getnewargs__", "__doc__",
                       "__module__", "__dict__", "__weakref__", "__slots__", "__qualname__", "__annotations__",
                       "__firstlineno__", "__static_attributes__"})
_VALUE_TYPES = (int, float, complex, str, bytes, list, tuple, dict, set, frozenset)
_PROBES: tuple[Any, ...] = (object(), 0, 1, -987654.321, "\x00probe", "", (), [], None, True, False)
_HEAP_TYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: classes created by Python code
_CELL_FILES = ("/ipykernel_", "<ipython-input", "<string>", "<stdin>")
_C_CALLABLES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.MethodWrapperType,
                types.WrapperDescriptorType, types.MethodDescriptorType, types.ClassMethodDescriptorType)
_TRUSTED: dict[type, bool] = {}


class FakeEqualityError(AssertionError):
    """A value under test redefines comparison, so the test cannot trust it."""


def _real_module(name: str) -> Any:
    module = sys.modules.get(name)
    if module is None or name == "__main__":
        return None
    if name in sys.builtin_module_names or getattr(module, "__file__", None):
        return module
    return None


def _trusted_callable(func: Any) -> bool:
    code = getattr(func, "__code__", None)
    if code is None:
        if isinstance(func, _C_CALLABLES):
            return True
        return _trusted_type(func if isinstance(func, type) else type(func))
    filename = str(code.co_filename)
    if any(marker in filename for marker in _CELL_FILES):
        return False
    return _real_module(str(getattr(func, "__module__", "") or "")) is not None


def _trusted_type(cls: type) -> bool:
    known = _TRUSTED.get(cls)
    if known is not None:
        return known
    if not cls.__flags__ & _HEAP_TYPE:
        _TRUSTED[cls] = True  # written in C: not the notebook's
        return True
    module = _real_module(str(getattr(cls, "__module__", "") or ""))
    trusted = False
    if module is not None:
        target: Any = module
        for part in str(getattr(cls, "__qualname__", "")).split("."):
            target = getattr(target, part, None) if part != "<locals>" else target
        trusted = target is cls or "<locals>" in str(getattr(cls, "__qualname__", ""))
    _TRUSTED[cls] = trusted
    return trusted

def _fake_class(value: Any) -> str | None:
    """Name the notebook-defined class of ``value`` if it fakes comparison, else None.

    A subclass of a built-in value type (``float``, ``str``, ``list``, ...) that
    overrides one of its operators is a fake; so is a class that overrides
    ``__class__``. A class that defines comparison is tried against unrelated
    values: an honest one is not equal to ``None``, ``0``, ``""`` or a fresh object.
    """
    cls = type(value)
    own: set[str] = set()
    for klass in cls.__mro__:
        if klass is object or _trusted_type(klass):
            continue
        own.update(vars(klass))
    if not own:
        return None
    if "__class__" in own:
        return cls.__name__
    for base in _VALUE_TYPES:
        if issubclass(cls, base) and (own - _HARMLESS) & set(dir(base)):
            return cls.__name__
    if own & _COMPARISONS:
        for probe in _PROBES:
            try:
                if bool(value == probe) or not bool(value != probe):
                    return cls.__name__
            except Exception:  # an honest __eq__ may refuse unrelated values
                continue
    return None

def _faker(value: Any, depth: int, budget: list[int]) -> str | None:
    budget[0] -= 1
    if budget[0] < 0:
        return None
    found = _fake_class(value)
    if found or depth <= 0:
        return found
    cls = type(value)
    if cls in (list, tuple, set, frozenset):
        items: Any = value
    elif cls is dict:
        items = [*value.keys(), *value.values()]
    else:
        return None
    for item in items:
        found = _faker(item, depth - 1, budget)
        if found:
            return found
    return None


def _check(value: Any) -> Any:
    found = _faker(value, 3, [10_000])
    if found:
        raise FakeEqualityError(
            f"the value tested is a {found} object defined in the notebook that redefines "
            "comparison or conversion; the test needs a plain value (number, text, list, table)")
    return value


class _StrictValues(ast.NodeTransformer):
    """Wrap compared values, call arguments and assert tests in ``_CourseGrader.check``.

    The cell also starts by telling the grader it runs (a first statement,
    so the value of its last line is still what the cell shows).
    """

    def visit_Module(self, node: ast.Module) -> ast.AST:
        self.generic_visit(node)
        start = ast.Expr(ast.Call(func=ast.parse(FIND + "._started", mode="eval").body, args=[], keywords=[]))
        futures = sum(1 for n in node.body if isinstance(n, ast.ImportFrom) and n.module == "__future__")
        node.body.insert(futures, ast.fix_missing_locations(ast.copy_location(start, node.body[0]) if node.body
                                                           else start))
        return node

    def _wrap(self, node: ast.expr) -> ast.expr:
        checker = ast.parse(FIND + ".check", mode="eval").body
        return ast.copy_location(ast.Call(func=checker, args=[node], keywords=[]), node)

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        node.left = self._wrap(node.left)
        node.comparators = [self._wrap(c) for c in node.comparators]
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        node.args = [a if isinstance(a, ast.Starred) else self._wrap(a) for a in node.args]
        for keyword in node.keywords:
            keyword.value = self._wrap(keyword.value)
        return node

    def visit_Assert(self, node: ast.Assert) -> ast.AST:
        self.generic_visit(node)
        node.test = self._wrap(node.test)
        return node
