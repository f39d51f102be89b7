"""Every lesson in a real browser: it runs, its widgets render and respond as the library says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .lab import LabServer
from .notebook import (
    CONSISTENCY_CODE,
    course_widget_roots,
    execute,
    interact,
    open_notebook,
    run_all,
    snapshot,
    widget_errors,
)

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def check_widgets(page: object, screenshots: Path, name: str) -> list[dict[str, object]]:
    """Interact once with every course widget on the page; return the kernel's verdicts."""
    roots = course_widget_roots(page)
    problems: list[str] = []
    for index in range(roots.count()):
        root = roots.nth(index)
        root.scroll_into_view_if_needed()
        before = snapshot(root)
        how = interact(root)
        if how == "none":
            problems.append(f"widget {index} has no control to use")
            continue
        try:
            page.wait_for_function(  # type: ignore[attr-defined]
                "([root, before]) => (root.innerText + '|' + Array.from(root.querySelectorAll('img'))"
                ".map((i) => i.src).join(',')) !== before",
                arg=[root.element_handle(), before], timeout=15_000,
            )
        except Exception:
            problems.append(f"widget {index}: using its {how} changed nothing on screen")
        if root.locator(".course-crash").count():
            problems.append(f"widget {index}: crashed after its {how} was used")
    page.screenshot(path=str(screenshots / f"{Path(name).stem}.png"))  # type: ignore[attr-defined]
    assert not problems, problems
    printed = execute(page, CONSISTENCY_CODE)
    line = next(ln for ln in printed.splitlines() if ln.startswith("COURSE-WIDGETS "))
    return json.loads(line.removeprefix("COURSE-WIDGETS "))  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_runs_and_every_widget_responds(
    server: LabServer, page: object, screenshots: Path, name: str
) -> None:
    open_notebook(page, server, f"notebooks/{name}")
    result = run_all(page)
    assert result.errors() == [], result.errors()
    assert result.unexecuted() == []
    assert widget_errors(page) == []
    if not name.startswith("00_"):
        assert course_widget_roots(page).count() >= 1, "every lesson shows at least one widget"
    verdicts = check_widgets(page, screenshots, name)
    assert all(v["crash"] is None for v in verdicts), verdicts
    assert all(v["shown_is_library_result"] for v in verdicts), verdicts


def _demo_widget_notebook(server: LabServer, name: str, *, broken: bool) -> None:
    import nbformat

    code = (
        "import ipywidgets as w\n"
        "from course.widgets._base import CourseWidget\n"
        "class Demo(CourseWidget):\n"
        "    def __init__(self):\n"
        "        self.n = w.IntSlider(value=1, min=0, max=10)\n"
        "        self.out = w.HTML('n = 1')\n"
        "        super().__init__([self.n, self.out])\n"
        "        self.watch(self.n)\n"
        "    def compute(self):\n"
        f"        if {broken} and self.n.value > 1:\n"
        "            raise RuntimeError('a bug in the callback')\n"
        "        return self.n.value ** 2\n"
        "    def show(self, result):\n"
        "        self.out.value = f'n squared = {result}'\n"
        "Demo()"
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, server.root / name)


def test_a_healthy_widget_passes_the_check(server: LabServer, page: object, screenshots: Path) -> None:
    _demo_widget_notebook(server, "healthy_widget.ipynb", broken=False)
    open_notebook(page, server, "healthy_widget.ipynb")
    assert run_all(page).errors() == []
    verdicts = check_widgets(page, screenshots, "healthy_widget.ipynb")
    assert verdicts == [{"widget": "Demo", "crash": None, "shown_is_library_result": True}]
    assert page.get_by_text("n squared = 16").count() == 1  # 1 + three steps right = 4


def test_a_widget_whose_callback_raises_fails_the_check(
    server: LabServer, page: object, screenshots: Path
) -> None:
    _demo_widget_notebook(server, "broken_widget.ipynb", broken=True)
    open_notebook(page, server, "broken_widget.ipynb")
    assert run_all(page).errors() == []
    with pytest.raises(AssertionError, match="crashed"):
        check_widgets(page, screenshots, "broken_widget.ipynb")
