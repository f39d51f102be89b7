"""Build exercise notebooks whose cells carry nbgrader's metadata (schema version 3).

Exercise authors write a throwaway script that calls these builders and
saves the result with :func:`write`; nbgrader then releases, collects and
grades the notebook. The metadata is what nbgrader's own "Create Assignment"
tool writes (see ``nbgrader/nbgraderformat/v3.json``):

============== ========= ======= ====== ======== ======================
builder        cell      locked  grade  solution released as
============== ========= ======= ====== ======== ======================
text_cell      markdown  yes     no     no       as written
setup_cell     code      yes     no     no       as written
answer_cell    code      no      no     yes      solution region cleared
test_cell      code      yes     yes    no       hidden tests removed
written_cell   markdown  no      yes    yes      replaced by a stub
============== ========= ======= ====== ======== ======================

The cell id is the grade id, so a regenerated notebook diffs cleanly.
:func:`notebook` also enforces the course's conventions: answer cells
``q1, q2, ...`` each followed by exactly one test cell ``q1_test, ...``, and
free-text answers ``w1, w2, ...``.

Examples
--------
>>> nb = notebook([
...     text_cell("# Exercise 1", "intro"),
...     answer_cell('q1_answer = ...\\n### BEGIN SOLUTION\\nq1_answer = "B"\\n### END SOLUTION', "q1"),
...     test_cell('check("q1", q1_answer, "B")', "q1_test", points=2),
... ])
>>> [c.metadata.nbgrader["grade_id"] for c in nb.cells]
['intro', 'q1', 'q1_test']
>>> nb.metadata.kernelspec.name
'python3'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from course.errors import CourseInputError

__all__ = [
    "SCHEMA_VERSION",
    "answer_cell",
    "convention_problems",
    "example_exercise",
    "notebook",
    "scratch_cell",
    "setup_cell",
    "test_cell",
    "text_cell",
    "write",
    "written_cell",
]

SCHEMA_VERSION = 3
"""nbgrader's cell metadata schema version these builders write."""

_GRADE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_ANSWER = re.compile(r"^q\d+$")
_WRITTEN = re.compile(r"^w\d+$")


def _meta(
    grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float | None = None
) -> dict[str, object]:
    if not isinstance(grade_id, str) or not _GRADE_ID.match(grade_id):
        raise CourseInputError.single("grade_id", grade_id, "1-64 letters, digits, '_' or '-'")
    meta: dict[str, object] = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": SCHEMA_VERSION,
        "solution": solution,
        "task": False,
    }
    if grade:
        if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
            raise CourseInputError.single("points", points, "a number of points > 0")
        meta["points"] = points
    return meta


def _cell(kind: str, source: str, meta: dict[str, object]) -> NotebookNode:
    new = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
    cell: NotebookNode = new(source.strip("\n"), metadata={"nbgrader": meta})
    cell.id = str(meta["grade_id"])
    return cell


def text_cell(md: str, grade_id: str) -> NotebookNode:
    """A locked markdown cell: instructions the trainee cannot edit.

    Examples
    --------
    >>> text_cell("## Task 1", "task1").metadata.nbgrader["locked"]
    True
    """
    return _cell("markdown", md, _meta(grade_id, grade=False, solution=False, locked=True))


def setup_cell(code: str, grade_id: str) -> NotebookNode:
    """A locked code cell: imports and sample data the trainee runs but does not edit.

    Examples
    --------
    >>> cell = setup_cell("from course.checks import check", "setup")
    >>> cell.cell_type, cell.metadata.nbgrader["solution"]
    ('code', False)
    """
    return _cell("code", code, _meta(grade_id, grade=False, solution=False, locked=True))


def answer_cell(code: str, grade_id: str) -> NotebookNode:
    """An autograded answer cell: scaffold with ``...``, then ``### BEGIN/END SOLUTION``.

    Examples
    --------
    >>> meta = answer_cell("q1_answer = ...", "q1").metadata.nbgrader
    >>> meta["solution"], meta["grade"], meta["locked"]
    (True, False, False)
    """
    return _cell("code", code, _meta(grade_id, grade=False, solution=True, locked=False))


def test_cell(code: str, grade_id: str, points: float) -> NotebookNode:
    """A locked, graded test cell: visible self-checks, then ``### BEGIN/END HIDDEN TESTS``.

    Examples
    --------
    >>> test_cell("check('q1', q1_answer, 'B')", "q1_test", 2).metadata.nbgrader["points"]
    2
    >>> test_cell("pass", "q1_test", 0)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: points: got 0; allowed: a number of points > 0
    """
    return _cell(
        "code", code, _meta(grade_id, grade=True, solution=False, locked=True, points=points)
    )


test_cell.__test__ = False  # type: ignore[attr-defined]  # a builder, not a pytest test


def written_cell(answer_md: str, grade_id: str, points: float) -> NotebookNode:
    """A manually graded free-text answer (markdown); put the question in a text cell above.

    The source is the model answer shown in ``solutions/``; the released
    notebook gets nbgrader's text stub instead (``ClearSolutions.text_stub``).

    Examples
    --------
    >>> meta = written_cell("A SMART goal: ...", "w1", 3).metadata.nbgrader
    >>> meta["grade"], meta["solution"], meta["points"]
    (True, True, 3)
    """
    return _cell(
        "markdown",
        answer_md,
        _meta(grade_id, grade=True, solution=True, locked=False, points=points),
    )


def scratch_cell(code: str = "", cell_id: str = "scratch") -> NotebookNode:
    """An ordinary, ungraded code cell where the trainee may try things out.

    Examples
    --------
    >>> "nbgrader" in scratch_cell("# try here").metadata
    False
    """
    cell: NotebookNode = nbformat.v4.new_code_cell(code.strip("\n"))
    cell.id = cell_id
    return cell


def convention_problems(cells: Sequence[NotebookNode]) -> list[str]:
    """List where ``cells`` break the course's exercise conventions (empty when fine).

    Examples
    --------
    >>> convention_problems([answer_cell("q1_answer = ...", "q1")])
    ["answer cell 'q1' must be followed by its test cell 'q1_test'"]
    """
    problems = []
    ids = [str(c.get("id", "")) for c in cells]
    problems += [f"duplicate cell id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for index, cell in enumerate(cells):
        meta = cell.metadata.get("nbgrader", {})
        gid = meta.get("grade_id", "")
        if meta.get("solution") and not meta.get("grade") and cell.cell_type == "code":
            if not _ANSWER.match(gid):
                problems.append(f"answer cell {gid!r} must be named q1, q2, ...")
            following = cells[index + 1] if index + 1 < len(cells) else None
            nxt = following.metadata.get("nbgrader", {}) if following is not None else {}
            if not (
                nxt.get("grade")
                and not nxt.get("solution")
                and nxt.get("grade_id") == f"{gid}_test"
            ):
                problems.append(
                    f"answer cell {gid!r} must be followed by its test cell '{gid}_test'"
                )
        if meta.get("solution") and meta.get("grade") and not _WRITTEN.match(gid):
            problems.append(f"free-text answer {gid!r} must be named w1, w2, ...")
    return problems


def notebook(cells: Sequence[NotebookNode]) -> NotebookNode:
    """An exercise notebook with the python3 kernel, validated by nbgrader and the conventions.

    Examples
    --------
    >>> notebook([text_cell("Intro", "intro"), text_cell("More", "intro")])
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: cells: got ...; allowed: duplicate cell id 'intro'
    """
    from nbgrader.nbgraderformat import MetadataValidator

    problems = convention_problems(cells)
    if problems:
        raise CourseInputError.single("cells", [c.get("id") for c in cells], "; ".join(problems))
    nb: NotebookNode = nbformat.v4.new_notebook(
        cells=list(cells),
        metadata={
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
    )
    MetadataValidator().validate_nb(nb)
    nbformat.validate(nb)
    return nb


def write(nb: NotebookNode, path: str | Path) -> Path:
    """Save ``nb`` at ``path`` (folders created), as nbgrader's source notebook.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write(notebook([text_cell("Intro", "intro")]), folder / "ex" / "ex.ipynb").name
    'ex.ipynb'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


_EXAMPLE_Q1 = """
# Write the quadrant letter ("A", "B", "C" or "D") after each task.
q1_answer = {
    "Prepare next week's call plan": ...,
    "A doctor calls about a stock-out today": ...,
}
### BEGIN SOLUTION
q1_answer = {
    "Prepare next week's call plan": "B",
    "A doctor calls about a stock-out today": "A",
}
### END SOLUTION
"""
_EXAMPLE_Q1_TEST = """
check_format("q1", q1_answer, like={"Prepare next week's call plan": "A",
                                    "A doctor calls about a stock-out today": "A"})
check("q1", q1_answer["Prepare next week's call plan"], "B", hint="Is it tied to your goals?")
### BEGIN HIDDEN TESTS
check("q1", q1_answer, {"Prepare next week's call plan": "B",
                        "A doctor calls about a stock-out today": "A"})
### END HIDDEN TESTS
"""
_EXAMPLE_Q2 = """
# How many calls a month for a doctor you see every week? (a whole number)
q2_answer = ...
### BEGIN SOLUTION
q2_answer = {q2}
### END SOLUTION
"""
_EXAMPLE_Q2_TEST = """
check_format("q2", q2_answer, like=1)
### BEGIN HIDDEN TESTS
check("q2", q2_answer, 4, hint="Count the weeks in a month.")
### END HIDDEN TESTS
"""


def example_exercise(q2_solution: str = "4") -> NotebookNode:
    """A small complete exercise: two autograded questions and one free-text answer.

    It shows the conventions in one place and is the fixture of the nbgrader
    round-trip test; ``q2_solution`` lets a test plant a wrong model answer.

    Examples
    --------
    >>> [c.id for c in example_exercise().cells]
    ['intro', 'setup', 'q1', 'q1_test', 'q2', 'q2_test', 'w1_question', 'w1']
    """
    return notebook(
        [
            text_cell(
                "# Example exercise\nAnswer q1, q2 and w1, then Validate and Submit.", "intro"
            ),
            setup_cell("from course.checks import check, check_format", "setup"),
            answer_cell(_EXAMPLE_Q1, "q1"),
            test_cell(_EXAMPLE_Q1_TEST, "q1_test", points=2),
            answer_cell(_EXAMPLE_Q2.format(q2=q2_solution), "q2"),
            test_cell(_EXAMPLE_Q2_TEST, "q2_test", points=3),
            text_cell("Write one SMART goal for next month.", "w1_question"),
            written_cell(
                "Raise Dr Li's monthly boxes of X from 10 to 15 by 30 June.", "w1", points=2
            ),
        ]
    )
