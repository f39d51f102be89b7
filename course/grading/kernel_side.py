"""The grader's guard inside the kernel: snapshot, restore, prove tests ran.

Sent to each kernel by :mod:`course.grading.guard` after
:mod:`course.grading.kernel_values`, in the same namespace. The class
``_CourseGrader``

* snapshots, before any trainee code runs, the builtins, IPython's and the
  kernel's machinery (transformers, event hooks, exception handlers, message
  handlers, methods) and the checking modules the test cells import (e.g.
  ``course.checks``);
* after each read-only instructor cell, keeps what that cell set up and
  remembers the functions, classes and modules it bound
  (``from course.checks import check``);
* before every test cell restores all of that and reports what it restored,
  then has the cell rewritten (:class:`_StrictValues`) so compared values are
  checked and the cell reports that it really ran.

Examples
--------
>>> sorted(n for n in vars(_CourseGrader) if n.startswith(("before", "after")))
['after_locked', 'after_test', 'before_locked', 'before_test']
"""

from __future__ import annotations

import builtins
import json
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # inside the kernel these come from kernel_values, run just before
    from course.grading.kernel_values import _StrictValues, _trusted_callable

__all__: list[str] = []

_MISSING = object()


class _CourseGrader:
    state: dict[str, Any] = {}  # noqa: RUF012  (one kernel, one grader)

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
    def check(value: Any) -> Any:
        checker: Any = globals().get("_check")
        if checker is None:  # imported as a module rather than sent to a kernel
            from course.grading.kernel_values import _check as checker
        return checker(value)
