"""The package's imports run one way: data → domain → plots → widgets → tools, with no circle.

The graph is read from the source (``ast``), not by importing, so a circle that
Python happens to survive today (because of the order modules load in) still
fails here. Importing ``course.a.b`` runs ``course/a/__init__.py`` as well, so
such an import also counts as an edge to the package ``course.a`` (unless the
importer lives inside it).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "course"

FOUNDATION = {"course.i18n", "course._language", "course.errors", "course.inputs",
              "course.checks"}
"""What every layer may use: language, errors, input checks, the exercises' graded checks."""
TOOLS = {"course", "course.__main__", "course.cli", "course.dev", "course.grading"}
"""The public façade and the instructors' and maintainers' tools: they may import anything."""
LAYERS = ("foundation", "data", "domain", "plots", "widgets", "tools")
"""Lowest first: a module imports only from its own layer or a lower one."""

TOPIC_ORDER = ("compliance", "professional", "timemgmt", "goals", "accounts", "planning", "portfolio",
               "bigcustomers", "quiz")
"""The topics in lesson order: a topic builds only on earlier ones. The compliance rules come
first (every lesson may cite them), the quizzes last (they ask about every lesson)."""

LAZY_THIRD_PARTY = {
    "babel": "reads the message catalogs once, on the first translated message",
    "matplotlib": "font_manager scans the installed fonts: only when a plot needs a CJK font",
    "nbgrader": "its application classes pull in sqlalchemy and the whole exporter stack",
    "nbformat": "imports jsonschema and its format checkers (about a second)",
    "nbclient": "imports nbformat and jupyter_client: only when a notebook is executed",
    "sqlalchemy": "comes with nbgrader's gradebook: only when the gradebook is opened",
    "traitlets": "nbgrader's configuration system: only when a configuration is loaded",
    "jupyter_core": "Jupyter's search path: only when the course's configuration is looked up",
    "IPython": "the grader parses cells with IPython's transformer only when it grades",
    "ipykernel": "the kernel server starts a kernel in a forked child, after setting its limits",
    "tqdm": "the progress bar: only when a cohort is graded",
}
"""Third-party libraries a function may import on first use, and why (nothing else may be)."""

COURSE_LAZY = {
    ("course.cli", "course.grading.run"):
        "`course --help` answers without loading nbgrader and jsonschema (3 s); the CLI must also "
        "switch off jsonschema's IRI parsers before nbformat is first imported",
}
"""Function-level imports of course modules kept on purpose; each must still exist."""


@dataclass(frozen=True)
class Import:
    """One import statement of a course module, resolved to course modules."""

    source: str
    """The importing module, e.g. ``course.accounts.physicians``."""
    targets: tuple[str, ...]
    """The course modules and packages it runs (empty for third-party)."""
    external: str
    """The top-level third-party package, or "" for a course import."""
    line: int
    """Where it is."""
    nested: bool
    """Inside a function or class (runs on first use)."""
    type_only: bool
    """Under ``if TYPE_CHECKING:`` (never runs)."""


def module_name(path: Path) -> str:
    parts = ["course", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(ROOT.rglob("*.py"))}
PACKAGES = {module_name(p) for p in ROOT.rglob("__init__.py")}


def resolve(source: str, name: str) -> tuple[str, ...]:
    """The course modules that ``import name`` runs from ``source``: the module and its packages."""
    parts = name.split(".")
    while parts and ".".join(parts) not in MODULES:
        parts.pop()  # `from course.accounts import score_physicians`: the package
    if not parts:
        return ()
    found = ".".join(parts)
    if found == "course":
        return (found,)  # the façade, which imports every topic
    own = source if source in PACKAGES else source.rpartition(".")[0]
    chain = [".".join(parts[:i]) for i in range(2, len(parts) + 1)]  # course.a, course.a.b, …
    return tuple(m for m in chain if m == found or not (own == m or own.startswith(m + ".")))


def _statements(body: list[ast.stmt], nested: bool, type_only: bool) -> Iterator[tuple[ast.AST, bool, bool]]:
    for node in body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, nested, type_only
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for inner in ast.walk(node):
                if isinstance(inner, (ast.Import, ast.ImportFrom)):
                    yield inner, True, False
        elif isinstance(node, ast.If):
            guard = "TYPE_CHECKING" in ast.unparse(node.test)
            yield from _statements(node.body, nested, type_only or guard)
            yield from _statements(node.orelse, nested, type_only)
        elif isinstance(node, (ast.Try, ast.With)):
            for block in ("body", "orelse", "finalbody"):
                yield from _statements(getattr(node, block, []), nested, type_only)
            for handler in getattr(node, "handlers", []):
                yield from _statements(handler.body, nested, type_only)


def imports(source: str) -> list[Import]:
    """Every import statement of one course module."""
    path = MODULES[source]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = source if source in PACKAGES else source.rpartition(".")[0]
    found = []
    for node, nested, type_only in _statements(tree.body, False, False):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            assert isinstance(node, ast.ImportFrom)
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names] if base.startswith("course") else [base]
        for name in names:
            if name == "course" or name.startswith("course."):
                found.append(Import(source, resolve(source, name), "", node.lineno, nested, type_only))
            else:
                found.append(Import(source, (), name.split(".")[0], node.lineno, nested, type_only))
    return found


ALL = [i for source in MODULES for i in imports(source)]


def layer(module: str) -> str:
    """The layer of a course module (anything not named here is a topic of the domain)."""
    top = ".".join(module.split(".")[:2])
    if top in FOUNDATION:
        return "foundation"
    if module in TOOLS or top in TOOLS:
        return "tools"
    if top in ("course.data", "course.plots", "course.widgets"):
        return top.removeprefix("course.")
    return "domain"


def runtime_graph() -> dict[str, set[str]]:
    """Who imports whom when a module loads (function-level imports have their own test)."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for i in ALL:
        if not i.type_only and not i.nested:
            graph[i.source].update(t for t in i.targets if t != i.source)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One circle of the graph (first module repeated at the end), or [] when there is none."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        path.pop()
        return []

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph)))
    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


# ---------------------------------------------------------------- the reader itself


def test_the_reader_resolves_packages_modules_and_relative_imports() -> None:
    assert resolve("course.planning.targets", "course.accounts.score_physicians") == ("course.accounts",)
    assert resolve("course.planning.cycle", "course.accounts.frequency.TIERS") == (
        "course.accounts", "course.accounts.frequency")
    assert resolve("course.accounts.physicians", "course.accounts.ladder") == ("course.accounts.ladder",)
    assert resolve("course.data", "course.data.io.load_sample") == ("course.data.io",)
    assert resolve("course.widgets.goals", "course.set_language") == ("course",)
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert resolve("course.widgets.goals", "course.set_language") == ("course",)
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_the_reader_sees_function_level_and_type_only_imports() -> None:
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import course.data\n"
              "def f():\n    from course.accounts import score_physicians\n")
    tree = ast.parse(source)
    found = [(n.lineno, nested, type_only) for n, nested, type_only in _statements(tree.body, False, False)]
    assert found == [(1, False, False), (3, False, True), (5, True, False)]


# ---------------------------------------------------------------- the rules


def test_no_import_circle() -> None:
    cycle = find_cycle(runtime_graph())
    assert not cycle, "import circle: " + " → ".join(cycle)


@pytest.mark.parametrize("kind", ["data", "domain", "plots", "widgets"])
def test_each_layer_imports_only_from_layers_below(kind: str) -> None:
    rank = LAYERS.index
    wrong = [f"{i.source}:{i.line} imports {target} ({layer(target)})"
             for i in ALL if layer(i.source) == kind and not i.type_only
             for target in i.targets if rank(layer(target)) > rank(kind)]
    assert not wrong, ("\n".join(wrong) + "\n(a new module that every layer uses belongs in FOUNDATION; "
                       "anything not listed there counts as a topic)")


def test_a_topic_builds_only_on_earlier_lessons() -> None:
    def topic(module: str) -> str:
        return module.split(".")[1] if module.count(".") else ""

    order = {name: rank for rank, name in enumerate(TOPIC_ORDER)}
    wrong = sorted({f"{i.source}:{i.line} imports {t} (a later lesson)" for i in ALL
                    if layer(i.source) == "domain" and not i.type_only for t in i.targets
                    if layer(t) == "domain" and topic(i.source) in order and topic(t) in order
                    and order[topic(t)] > order[topic(i.source)]})
    assert not wrong, "\n".join(wrong)


def test_the_foundation_imports_no_other_course_module() -> None:
    wrong = [f"{i.source}:{i.line} imports {t}" for i in ALL if layer(i.source) == "foundation"
             for t in i.targets if layer(t) != "foundation"]
    assert not wrong, "\n".join(wrong)


def test_data_imports_no_topic() -> None:
    wrong = [f"{i.source}:{i.line} imports {t}" for i in ALL if layer(i.source) == "data"
             for t in i.targets if layer(t) not in ("foundation", "data")]
    assert not wrong, "\n".join(wrong)


def test_no_function_level_import_of_a_course_module() -> None:
    wrong = sorted({f"{i.source}:{i.line} imports {i.targets[-1]} inside a function"
             for i in ALL if i.nested and i.targets and (i.source, i.targets[-1]) not in COURSE_LAZY})
    assert not wrong, "move these imports to the top of the module:\n" + "\n".join(wrong)


def test_each_kept_course_level_lazy_import_still_exists() -> None:
    present = {(i.source, i.targets[-1]) for i in ALL if i.nested and i.targets}
    assert set(COURSE_LAZY) <= present, f"no longer lazy, remove: {set(COURSE_LAZY) - present}"


def test_function_level_third_party_imports_are_listed_with_a_reason() -> None:
    stdlib = sys.stdlib_module_names
    wrong = [f"{i.source}:{i.line} imports {i.external} inside a function"
             for i in ALL if i.nested and i.external
             and i.external not in stdlib and i.external not in LAZY_THIRD_PARTY]
    assert not wrong, "import at the top, or add the library with a reason to LAZY_THIRD_PARTY:\n" + "\n".join(wrong)
    used = {i.external for i in ALL if i.nested and i.external}
    assert set(LAZY_THIRD_PARTY) <= used, f"no longer imported lazily: {set(LAZY_THIRD_PARTY) - used}"
