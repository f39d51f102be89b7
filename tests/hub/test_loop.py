"""The whole classroom loop on the course's hub, with real accounts and real browsers.

An instructor releases an exercise; two trainees log in, fetch it, answer (Ann well, Bob
badly), Validate and submit; the instructor collects, grades with ``course grade``, grades
the free-text answer in the formgrader and releases feedback; each trainee fetches his own
feedback and sees only his own; the export has both scores.

In Chromium: every login, the trainees' whole part (assignment list, notebook, Validate,
Submit, Fetch Feedback), the instructor's formgrader (assignment list, manual grading).
Through the instructor's own server, as him (a kernel of his server, as he would type in
a terminal): the nbgrader commands and ``course grade``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import nbformat

from .conftest import ROOT, Page, browser_login, run_as

EX = "ex1_professional"
SOURCE = ROOT / "exercises" / EX / f"{EX}.ipynb"


def _model_answers() -> dict[str, str]:
    nb = nbformat.read(SOURCE, as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("solution")}


def _points() -> tuple[float, float]:
    """(all points, points of the hand-graded answers)."""
    nb = nbformat.read(SOURCE, as_version=4)
    cells = [c.metadata["nbgrader"] for c in nb.cells if c.metadata.get("nbgrader", {}).get("points")]
    return (sum(float(m["points"]) for m in cells),
            sum(float(m["points"]) for m in cells if m.get("solution")))


def _assignment_list(page: Page) -> None:
    page.evaluate("() => window.jupyterapp.commands.execute('nbgrader:open-assignment-list')")
    page.locator("#released_assignments_list").wait_for()


def _fill(page: Page, answers: dict[str, str]) -> None:
    page.evaluate(
        """(answers) => {
          const nb = window.jupyterapp.shell.currentWidget.content;
          for (const cell of nb.widgets) {
            const meta = cell.model.getMetadata('nbgrader');
            if (meta && answers[meta.grade_id] !== undefined) cell.model.sharedModel.setSource(answers[meta.grade_id]);
          }
        }""",
        answers,
    )
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function("() => !window.jupyterapp.shell.currentWidget.context.model.dirty")


def _validate(page: Page) -> str:
    # the notebook's own Validate (the Assignments panel, hidden behind it, has one per assignment too)
    button = page.locator(".jp-NotebookPanel-toolbar").get_by_text("Validate", exact=True).first
    try:
        button.wait_for(timeout=60_000)
    except Exception:
        page.screenshot(path=str(ROOT / "artifacts" / "screenshots" / "hub_validate_missing.png"))
        raise
    button.click()
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=180_000)
    text = str(dialog.inner_text())
    dialog.locator("button").last.click()
    dialog.wait_for(state="detached")
    return text


def _trainee_works(browser: Any, hub: Any, short: str, answers: dict[str, str], screenshots: Path) -> tuple[Page, str]:
    page = browser_login(browser, hub, short)
    name = hub.names[short]
    # a quiet first screen: no news question, and no instructor tools
    notification = page.request.get(
        f"{hub.url}/user/{name}/lab/api/settings/@jupyterlab/apputils-extension:notification").json()
    defaults = {k: v.get("default") for k, v in notification["schema"]["properties"].items()}
    assert (defaults["fetchNews"], defaults["checkForUpdates"]) == ("false", False), defaults
    page.wait_for_timeout(3000)
    assert page.get_by_text("official Jupyter news").count() == 0, "the news question still shows"
    tools = page.evaluate("() => ['nbgrader:open-formgrader', 'nbgrader:open-create-assignment',"
                          " 'nbgrader:open-assignment-list'].map(c => window.jupyterapp.commands.hasCommand(c))")
    assert tools == [False, False, True], f"{short} sees formgrader/create-assignment/assignment list: {tools}"
    _assignment_list(page)
    released = page.locator("#released_assignments_list")
    released.get_by_text(EX).wait_for(timeout=60_000)
    released.get_by_role("button", name="Fetch").first.click()
    page.locator("#fetched_assignments_list").get_by_text(EX).first.wait_for(timeout=60_000)
    page.goto(f"{hub.url}/user/{name}/lab/tree/{EX}/{EX}.ipynb?reset")  # a clean workspace: only the notebook
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.context", timeout=90_000)
    page.evaluate("() => window.jupyterapp.shell.currentWidget.context.ready.then(() => true)")
    _fill(page, answers)
    report = _validate(page)
    page.screenshot(path=str(screenshots / f"hub_{short}_validated.png"))
    _assignment_list(page)
    page.locator("#fetched_assignments_list").get_by_role("button", name="Submit").first.click()
    page.locator("#submitted_assignments_list").get_by_text(EX).first.wait_for(timeout=60_000)
    return page, report


def _grade_by_hand(page: Page, hub: Any, scores: dict[str, float], screenshots: Path) -> None:
    """In the formgrader: open each trainee's submission and type the free-text answer's points."""
    base = f"{hub.url}/user/{hub.names['ian']}/formgrader"
    page.goto(f"{base}/gradebook/{EX}/{EX}")
    page.get_by_text("Submission #1").first.wait_for(timeout=60_000)
    listing = page.request.get(f"{base}/api/submitted_notebooks/{EX}/{EX}").json()
    ids = {row["student"]: row["id"] for row in listing}
    for name, points in scores.items():
        page.goto(f"{base}/submissions/{ids[name]}/")
        box = page.locator("input.score#w1")
        box.wait_for(timeout=60_000)
        page.wait_for_load_state("networkidle")  # the page's scripts hold the grades once loaded
        with page.expect_response(lambda r: "/formgrader/api/grade/" in r.url and r.request.method != "GET",
                                  timeout=60_000) as saved:
            box.fill(str(points))
            box.press("Tab")
        assert saved.value.ok, f"the formgrader did not save {name}'s points: {saved.value.status}"
        page.screenshot(path=str(screenshots / f"hub_formgrader_{name}.png"))
    after: dict[str, Any] = {}
    for _ in range(40):  # the formgrader saves in the background
        after = {row["student"]: row for row in page.request.get(f"{base}/api/submitted_notebooks/{EX}/{EX}").json()}
        if not any(after[name]["needs_manual_grade"] for name in scores):
            break
        page.wait_for_timeout(500)
    for name in scores:
        assert not after[name]["needs_manual_grade"], f"{name}'s free-text answer is still ungraded: {after[name]}"


def test_release_fetch_submit_grade_feedback_export(hub: Any, clients: dict[str, Any], browser: Any,
                                                     screenshots: Path) -> None:
    s = hub.settings
    course = str(s.course_dir)
    ann, bob, ian = hub.names["ann"], hub.names["bob"], hub.names["ian"]
    total, by_hand = _points()

    # 1. the instructor logs in, sees the formgrader, releases the exercise
    teacher = browser_login(browser, hub, "ian")
    assert teacher.evaluate("() => window.jupyterapp.commands.hasCommand('nbgrader:open-formgrader')")
    code, out = run_as(clients["ian"], f"nbgrader generate_assignment {EX} --force && "
                                        f"nbgrader release_assignment {EX} --force", course)
    assert code == 0, out
    teacher.goto(f"{hub.url}/user/{ian}/formgrader/manage_assignments")
    try:
        teacher.get_by_text(EX).first.wait_for()
    except Exception:
        teacher.screenshot(path=str(ROOT / "artifacts" / "screenshots" / "hub_formgrader_missing.png"))
        raise

    # 2. two trainees fetch, answer, validate, submit
    good = _model_answers()
    bad = {key: "No idea." for key in good if key.startswith("w")}
    page_ann, report_ann = _trainee_works(browser, hub, "ann", good, screenshots)
    page_bob, report_bob = _trainee_works(browser, hub, "bob", bad, screenshots)
    assert "Success" in report_ann, report_ann
    assert "Success" not in report_bob and ("failed" in report_bob.lower() or "error" in report_bob.lower()), report_bob

    # 3. collect and grade with `course grade` (sandboxed, as the instructor)
    code, out = run_as(clients["ian"], f"nbgrader collect {EX}", course)
    assert code == 0, out
    code, out = run_as(clients["ian"], f"python -m course grade --course {course} -a {EX} -q", course, timeout=400)
    assert code == 0, out

    # 4. the free-text answer, graded by hand in the formgrader
    _grade_by_hand(teacher, hub, {ann: by_hand, bob: 1}, screenshots)

    # 5. feedback released; each trainee fetches his own
    code, out = run_as(clients["ian"], f"nbgrader generate_feedback {EX} --force && nbgrader release_feedback {EX}", course)
    assert code == 0, out
    for page, me, other in ((page_ann, ann, bob), (page_bob, bob, ann)):
        _assignment_list(page)
        page.locator("#submitted_assignments_list").get_by_role("button", name="Fetch Feedback").first.click()
        files: list[dict[str, Any]] = []
        for _ in range(60):
            listing = page.request.get(f"{hub.url}/user/{me}/api/contents/{EX}/feedback")
            if listing.ok and listing.json()["content"]:
                files = listing.json()["content"]
                break
            page.wait_for_timeout(500)
        assert len(files) == 1, f"{me} fetched no feedback (or several): {files}"
        html_path = f"{EX}/feedback/{files[0]['name']}/{EX}.html"
        page.goto(f"{hub.url}/user/{me}/files/{html_path}")
        text = page.locator("body").inner_text()
        page.screenshot(path=str(screenshots / f"hub_feedback_{'ann' if me == ann else 'bob'}.png"))
        assert me in text or "Score" in text or "score" in text, text[:500]
        assert other not in text, f"{me}'s feedback names {other}"
        if me == ann:
            assert f"{total:g} / {total:g}" in text.replace(".0 ", " ") or f"{total} / {total}" in text, text[:800]
        else:
            assert "No idea." in text and good.get("w1", "#")[:40] not in text

    # 6. export: both trainees, with their scores
    code, out = run_as(clients["ian"], "nbgrader export --to grades.csv && cat grades.csv", course)
    assert code == 0, out
    rows = {r["student_id"]: r for r in csv.DictReader(io.StringIO(out[out.index("assignment,"):]))
            if r["assignment"] == EX}
    assert set(rows) == {ann, bob}, rows
    assert float(rows[ann]["score"]) == total, rows[ann]
    assert float(rows[bob]["score"]) < total / 2, rows[bob]
    assert float(rows[bob]["score"]) >= 1, rows[bob]  # the point given by hand is there
