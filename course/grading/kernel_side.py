"""Code the grader runs *inside* each trainee's kernel, around the test cells.

The grader never imports this module for itself: :func:`setup_expression`
sends its source to the kernel before the first cell runs, and the other
``*_expression`` functions return the one-line expressions the grader
evaluates (as ``user_expressions`` of an empty execute request, which no
input transformer of the trainee's can rewrite) before and after cells.

Inside the kernel the class ``_CourseGrader``

* snapshots, before any trainee code runs, the builtins, IPython's execution
  machinery (transformers, event hooks, exception handlers, methods) and the
  checking modules the test cells import (e.g. ``course.checks``);
* remembers the functions, classes and modules each read-only instructor
  cell binds (``from course.checks import check``);
* before every test cell restores all of that, reports what it restored, and
  rewrites the test cell so every compared value, call argument and assert is
  checked first: an object whose class the notebook defined and which
  redefines comparison or conversion (``__eq__`` always True, a float whose
  ``__sub__`` returns 0, ...) raises ``FakeEqualityError``, so that test fails.

What it cannot stop (a trainee deliberately rewriting the interpreter with
``ctypes``, or threads that patch things while a test runs) is listed in
``docs/grading.md``.

Examples
--------
>>> "_CourseGrader" in setup_expression({"protect": []})
True
>>> before_test_expression()
"[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_CourseGrader'][0].before_test()"
"""

from __future__ import annotations

import ast
import builtins
import json
import sys
import types
from pathlib import Path
from typing import Any

__all__ = [
    "after_locked_expression",
    "after_test_expression",
    "before_locked_expression",
    "before_test_expression",
    "setup_expression",
]

_FIND = "[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_CourseGrader'][0]"


def setup_expression(options: dict[str, Any]) -> str:
    """Return the expression that installs the guard in a fresh kernel.

    ``options``: ``protect`` (module names to snapshot), ``copy`` (pairs of
    folders to copy before anything runs).

    Examples
    --------
    >>> setup_expression({"protect": ["course.checks"]}).startswith("exec(compile(")
    True
    """
    source = Path(__file__).read_text(encoding="utf-8")
    return (f"exec(compile({source!r}, '<course-grader>', 'exec'), {{'__name__': '_course_grader'}}) "
            f"or {_FIND}.setup({json.dumps(options)!r})")


def before_locked_expression() -> str:
    """Return the expression evaluated before a read-only instructor cell.

    Examples
    --------
    >>> before_locked_expression().endswith(".before_locked()")
    True
    """
    return f"{_FIND}.before_locked()"


def after_locked_expression() -> str:
    """Return the expression evaluated after a read-only instructor cell.

    Examples
    --------
    >>> after_locked_expression().endswith(".after_locked()")
    True
    """
    return f"{_FIND}.after_locked()"


def before_test_expression() -> str:
    """Return the expression evaluated before a test cell (JSON list of restorations).

    Examples
    --------
    >>> "subclasses" in before_test_expression()
    True
    """
    return f"{_FIND}.before_test()"


def after_test_expression() -> str:
    """Return the expression evaluated after a test cell.

    Examples
    --------
    >>> after_test_expression().endswith(".after_test()")
    True
    """
    return f"{_FIND}.after_test()"


# ---------------------------------------------------------------------------
# Everything below runs inside the kernel.

_COMPARISONS = frozenset({"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"})
_HARMLESS = frozenset({"__init__", "__new__", "__repr__", "__str__", "__format__", "__init_subclass__",
                       "__class_getitem__", "__reduce__", "__reduce_ex__", "__getnewargs__", "__doc__",
                       "__module__", "__dict__", "__weakref__", "__slots__", "__qualname__", "__annotations__",
                       "__firstlineno__", "__static_attributes__"})
_VALUE_TYPES = (int, float, complex, str, bytes, list, tuple, dict, set, frozenset)
_PROBES: tuple[Any, ...] = (object(), 0, 1, -987654.321, "\x00probe", "", (), [], None, True, False)
_MISSING = object()
_HEAP_TYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: classes created by Python code
_CELL_FILES = ("/ipykernel_", "<ipython-input", "<string>", "<stdin>")


class FakeEqualityError(AssertionError):
    """A value under test redefines comparison, so the test cannot trust it."""


def _real_module(name: str) -> Any:
    module = sys.modules.get(name)
    if module is None or name == "__main__":
        return None
    if name in sys.builtin_module_names or getattr(module, "__file__", None):
        return module
    return None


_C_CALLABLES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.MethodWrapperType,
                types.WrapperDescriptorType, types.MethodDescriptorType, types.ClassMethodDescriptorType)


def _trusted_callable(func: Any) -> bool:
    code = getattr(func, "__code__", None)
    if code is None:
        if isinstance(func, _C_CALLABLES):
            return True
        return _CourseGrader._trusted_type(func if isinstance(func, type) else type(func))
    filename = str(code.co_filename)
    if any(marker in filename for marker in _CELL_FILES):
        return False
    return _real_module(str(getattr(func, "__module__", "") or "")) is not None


class _CourseGrader:
    state: dict[str, Any] = {}  # noqa: RUF012  (one kernel, one grader)
    trusted_types: dict[type, bool] = {}  # noqa: RUF012

    # ------------------------------------------------------------------ setup
    @staticmethod
    def setup(options_json: str) -> str:
        import shutil

        from IPython import get_ipython

        options = json.loads(options_json)
        for source, target in options.get("copy", []):
            if Path(source).is_dir():
                shutil.copytree(source, target, dirs_exist_ok=True)
        shell = get_ipython()
        kernel = getattr(shell, "kernel", None)
        module = types.ModuleType("_course_grader")
        module.grader = _CourseGrader  # type: ignore[attr-defined]
        sys.modules["_course_grader"] = module  # keeps this class alive
        st = _CourseGrader.state
        st["shell"], st["kernel"] = shell, kernel
        st["builtins"] = dict(builtins.__dict__)
        st["sys"] = {k: getattr(sys, k) for k in ("stdout", "stderr", "displayhook", "excepthook")}
        st["objects"] = [(obj, dict(vars(obj)), dict(getattr(obj, "_trait_values", {})))
                         for obj in (shell, kernel, getattr(shell, "input_transformer_manager", None),
                                     getattr(shell, "display_formatter", None)) if obj is not None]
        classes: list[type] = []
        for obj in (shell, kernel, getattr(shell, "display_formatter", None), getattr(shell, "events", None)):
            for cls in type(obj).__mro__ if obj is not None else ():
                if cls is not object and cls not in classes:
                    classes.append(cls)
        st["classes"] = [(cls, dict(vars(cls))) for cls in classes]
        st["handlers"] = [(name, table, dict(table)) for name in ("shell_handlers", "control_handlers")
                          if isinstance(table := getattr(kernel, name, None), dict)]
        st["ran"] = st["expected"] = 0
        st["lists"] = _CourseGrader._lists()
        st["allowed"] = set()
        st["exc"] = (getattr(shell, "custom_exceptions", ()), getattr(shell, "CustomTB", None))
        st["modules"], st["functions"], st["names"] = {}, {}, {}
        for name in options.get("protect", []):
            try:
                __import__(name)
            except Exception:
                continue
            _CourseGrader._snapshot_module(sys.modules[name], deep=True)
        return "ok"

    @staticmethod
    def _lists() -> dict[str, list[Any]]:
        shell = _CourseGrader.state["shell"]
        found: dict[str, list[Any]] = {}
        for name in ("input_transformers_post", "input_transformers_cleanup", "ast_transformers"):
            value = getattr(shell, name, None)
            if isinstance(value, list):
                found[name] = value
        manager = getattr(shell, "input_transformer_manager", None)
        for name in ("cleanup_transforms", "line_transforms", "token_transformers"):
            value = getattr(manager, name, None)
            if isinstance(value, list):
                found["manager." + name] = value
        for event, callbacks in getattr(getattr(shell, "events", None), "callbacks", {}).items():
            found["events." + event] = callbacks
        return found

    @staticmethod
    def _snapshot_module(module: Any, *, deep: bool) -> None:
        st = _CourseGrader.state
        if module.__name__ in st["modules"]:
            return
        st["modules"][module.__name__] = (module, dict(vars(module)), deep)
        if not deep:
            return
        for value in list(vars(module).values()):
            if isinstance(value, types.FunctionType) and value.__module__ == module.__name__:
                _CourseGrader._snapshot_function(value)
            elif isinstance(value, type) and value.__module__ == module.__name__:
                st["classes"].append((value, dict(vars(value))))
                for member in vars(value).values():
                    if isinstance(member, types.FunctionType):
                        _CourseGrader._snapshot_function(member)

    @staticmethod
    def _snapshot_function(func: Any) -> None:
        _CourseGrader.state["functions"][id(func)] = (
            func, func.__code__, func.__defaults__, func.__kwdefaults__)

    # ------------------------------------------------------------------ instructor cells
    @staticmethod
    def before_locked() -> str:
        st = _CourseGrader.state
        shell = st["shell"]
        st["before"] = {k: id(v) for k, v in shell.user_ns.items()}
        st["modules_before"] = {name: dict(vars(module)) for name, (module, _, _) in st["modules"].items()}
        st["builtins_before"] = dict(builtins.__dict__)
        st["lists_before"] = {name: {id(e) for e in entries} for name, entries in _CourseGrader._lists().items()}
        st["exc_before"] = (getattr(shell, "custom_exceptions", ()), getattr(shell, "CustomTB", None))
        return "ok"

    @staticmethod
    def after_locked() -> str:
        # what an instructor's cell sets up is legitimate: make it part of the snapshot
        st = _CourseGrader.state
        shell = st["shell"]
        before = st.get("before", {})
        kinds = (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, type)
        for name, value in list(shell.user_ns.items()):
            if name.startswith("_") or before.get(name) == id(value) or not isinstance(value, kinds):
                continue
            st["names"][name] = value
            if isinstance(value, types.ModuleType):
                _CourseGrader._snapshot_module(value, deep=False)
            elif isinstance(value, types.FunctionType):
                _CourseGrader._snapshot_function(value)
        for name, (module, attributes, _) in st["modules"].items():
            previous = st.get("modules_before", {}).get(name, attributes)
            for key, value in vars(module).items():
                if previous.get(key, _MISSING) is not value:
                    attributes[key] = value
                    if isinstance(value, types.FunctionType):
                        _CourseGrader._snapshot_function(value)
        previous = st.get("builtins_before", st["builtins"])
        for key, value in builtins.__dict__.items():
            if previous.get(key, _MISSING) is not value:
                st["builtins"][key] = value
        seen = st.get("lists_before", {})
        for name, entries in _CourseGrader._lists().items():
            st["allowed"].update(id(e) for e in entries if id(e) not in seen.get(name, set()))
        if (getattr(shell, "custom_exceptions", ()), getattr(shell, "CustomTB", None)) != st.get("exc_before"):
            st["exc"] = (shell.custom_exceptions, shell.CustomTB)
        return "ok"

    # ------------------------------------------------------------------ test cells
    @staticmethod
    def before_test() -> str:
        st = _CourseGrader.state
        restored: list[str] = []
        namespace = builtins.__dict__
        for key, value in st["builtins"].items():
            if namespace.get(key) is not value:
                namespace[key] = value
                restored.append("builtins." + key)
        for key in [k for k in namespace if k not in st["builtins"]]:
            del namespace[key]
        for key, value in st["sys"].items():
            if getattr(sys, key) is not value:
                setattr(sys, key, value)
                restored.append("sys." + key)
        if sys.gettrace() is not None:
            sys.settrace(None)
            restored.append("sys.settrace")
        for obj, attributes, traits in st["objects"]:
            restored += _CourseGrader._restore_object(obj, attributes, traits)
        for cls, attributes in st["classes"]:
            restored += _CourseGrader._restore_class(cls, attributes)
        for name, table, entries in st["handlers"]:
            for key, handler in entries.items():
                if table.get(key) is not handler:
                    table[key] = handler
                    restored.append(f"kernel.{name}[{key!r}]")
        for name, entries in _CourseGrader._lists().items():
            kept = [e for e in entries if not callable(e) or id(e) in st["allowed"] or _trusted_callable(e)]
            if len(kept) != len(entries):
                entries[:] = kept
                restored.append(name)
        shell = st["shell"]
        exceptions, handler = st["exc"]
        if getattr(shell, "custom_exceptions", ()) != exceptions or getattr(shell, "CustomTB", None) is not handler:
            shell.custom_exceptions, shell.CustomTB = exceptions, handler
            restored.append("custom exception handler")
        for module, attributes, deep in st["modules"].values():
            restored += _CourseGrader._restore_module(module, attributes, deep)
        for func, code, defaults, kwdefaults in st["functions"].values():
            if func.__code__ is not code or func.__defaults__ is not defaults \
                    or func.__kwdefaults__ is not kwdefaults:
                func.__code__, func.__defaults__, func.__kwdefaults__ = code, defaults, kwdefaults
                restored.append(f"{func.__module__}.{func.__qualname__}")
        user_ns = shell.user_ns
        for name, value in st["names"].items():
            if user_ns.get(name) is not value:
                user_ns[name] = value
                restored.append(name)
        shell.ast_transformers.append(_StrictValues())
        st["expected"] = st["ran"] + 1
        return json.dumps(sorted(set(restored)))

    @staticmethod
    def after_test() -> str:
        st = _CourseGrader.state
        shell = st["shell"]
        shell.ast_transformers[:] = [t for t in shell.ast_transformers if not isinstance(t, _StrictValues)]
        # the rewritten test cell starts by counting itself: proof the kernel really ran it
        return "ran" if st["ran"] >= st["expected"] else "not run"

    @staticmethod
    def _started() -> None:
        _CourseGrader.state["ran"] = _CourseGrader.state.get("ran", 0) + 1

    @staticmethod
    def _restore_object(obj: Any, attributes: dict[str, Any], traits: dict[str, Any]) -> list[str]:
        restored: list[str] = []
        label = type(obj).__name__
        current = vars(obj)
        for key in [k for k, v in current.items() if k not in attributes and callable(v)]:
            del current[key]
            restored.append(f"{label}.{key}")
        for key, value in attributes.items():
            if callable(value) and current.get(key) is not value:
                current[key] = value
                restored.append(f"{label}.{key}")
        values = getattr(obj, "_trait_values", None)
        if isinstance(values, dict):
            for key, value in traits.items():
                if callable(value) and values.get(key) is not value:
                    values[key] = value
                    restored.append(f"{label}.{key}")
        return restored

    @staticmethod
    def _restore_class(cls: type, attributes: dict[str, Any]) -> list[str]:
        restored: list[str] = []
        current = vars(cls)
        for key, value in attributes.items():
            if current.get(key) is not value and key not in ("__dict__", "__weakref__", "__doc__"):
                try:
                    setattr(cls, key, value)
                    restored.append(f"{cls.__name__}.{key}")
                except (AttributeError, TypeError):
                    pass
        for key in [k for k, v in current.items() if k not in attributes and callable(v)]:
            try:
                delattr(cls, key)
                restored.append(f"{cls.__name__}.{key}")
            except (AttributeError, TypeError):
                pass
        return restored

    @staticmethod
    def _restore_module(module: Any, attributes: dict[str, Any], deep: bool) -> list[str]:
        restored: list[str] = []
        name = module.__name__
        if sys.modules.get(name) is not module:
            sys.modules[name] = module
            restored.append(f"sys.modules[{name!r}]")
        parent, _, child = name.rpartition(".")
        if parent and parent in sys.modules and getattr(sys.modules[parent], child, None) is not module:
            setattr(sys.modules[parent], child, module)
            restored.append(name)
        current = vars(module)
        for key, value in attributes.items():
            if current.get(key) is not value and (deep or callable(value)):
                current[key] = value
                restored.append(f"{name}.{key}")
        if deep:
            for key in [k for k, v in current.items() if k not in attributes and callable(v)
                        and not _trusted_callable(v)]:
                del current[key]
                restored.append(f"{name}.{key}")
        return restored

    # ------------------------------------------------------------------ values under test
    @staticmethod
    def _trusted_type(cls: type) -> bool:
        known = _CourseGrader.trusted_types.get(cls)
        if known is not None:
            return known
        if not cls.__flags__ & _HEAP_TYPE:
            _CourseGrader.trusted_types[cls] = True  # written in C: not the notebook's
            return True
        module = _real_module(str(getattr(cls, "__module__", "") or ""))
        trusted = False
        if module is not None:
            target: Any = module
            for part in str(getattr(cls, "__qualname__", "")).split("."):
                target = getattr(target, part, None) if part != "<locals>" else target
            trusted = target is cls or "<locals>" in str(getattr(cls, "__qualname__", ""))
        _CourseGrader.trusted_types[cls] = trusted
        return trusted

    @staticmethod
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
            if klass is object or _CourseGrader._trusted_type(klass):
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

    @staticmethod
    def _faker(value: Any, depth: int, budget: list[int]) -> str | None:
        budget[0] -= 1
        if budget[0] < 0:
            return None
        found = _CourseGrader._fake_class(value)
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
            found = _CourseGrader._faker(item, depth - 1, budget)
            if found:
                return found
        return None

    @staticmethod
    def check(value: Any) -> Any:
        found = _CourseGrader._faker(value, 3, [10_000])
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
        start = ast.Expr(ast.Call(func=ast.parse(_FIND + "._started", mode="eval").body, args=[], keywords=[]))
        futures = sum(1 for n in node.body if isinstance(n, ast.ImportFrom) and n.module == "__future__")
        node.body.insert(futures, ast.fix_missing_locations(ast.copy_location(start, node.body[0]) if node.body
                                                           else start))
        return node

    def _wrap(self, node: ast.expr) -> ast.expr:
        checker = ast.parse(_FIND + ".check", mode="eval").body
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
