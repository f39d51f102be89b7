"""The Chinese edition in a real browser, served as `COURSE_LANG=zh make lab` serves it:
JupyterLab's menus are Chinese, a Chinese lesson runs top to bottom and prints Chinese, and a
trainee Validates a Chinese exercise and reads Chinese messages."""

from __future__ import annotations

from pathlib import Path

import nbformat

from course.dev.english import english_sentences
from course.i18n import catalog

from .conftest import ROOT
from .lab import LabServer
from .notebook import course_widget_roots, open_notebook, run_all, widget_errors

LESSON = "notebooks/zh/03_goals.ipynb"
EXERCISE = "ex3_goals_zh"
NOT_ANSWERED = "✗ {name}: not answered yet: replace each ... with your answer"
# JupyterLab's own menus, as the zh-CN language pack names them
CHINESE_MENUS = ("文件", "编辑", "查看", "运行", "内核", "设置", "帮助")
ENGLISH_MENUS = ("File", "Edit", "View", "Run", "Kernel", "Settings", "Help")


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _menus(page: object) -> list[str]:
    bar = page.locator(".lm-MenuBar-itemLabel")  # type: ignore[attr-defined]
    bar.first.wait_for(timeout=60_000)
    return [t.strip() for t in bar.all_inner_texts()]


def test_a_chinese_lesson_runs_top_to_bottom_in_a_chinese_jupyterlab(
    server_zh: LabServer, page: object, screenshots: Path
) -> None:
    assert (ROOT / LESSON).is_file(), f"{LESSON} is missing"
    open_notebook(page, server_zh, LESSON)
    menus = _menus(page)
    assert all(m in menus for m in CHINESE_MENUS), menus
    assert not set(ENGLISH_MENUS) & set(menus), menus
    result = run_all(page)
    page.screenshot(path=str(screenshots / "zh_03_goals_lesson.png"))  # type: ignore[attr-defined]
    # JupyterLab's own menus speak Chinese
    page.locator(".lm-MenuBar-item").filter(has_text="内核").first.click()  # type: ignore[attr-defined]
    menu = page.locator(".lm-Menu").first  # type: ignore[attr-defined]
    menu.wait_for(timeout=30_000)
    page.screenshot(path=str(screenshots / "zh_kernel_menu.png"))  # type: ignore[attr-defined]
    assert _has_chinese(menu.inner_text()) and "Restart Kernel" not in menu.inner_text()
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    # the lesson runs and everything it prints is Chinese
    assert result.errors() == [], result.errors()
    assert result.unexecuted() == []
    assert widget_errors(page) == []
    printed = "\n".join(
        "".join(out.get("text", "")) for cell in result.cells for out in cell["outputs"]
        if out.get("output_type") == "stream")
    assert _has_chinese(printed), printed[:500]
    assert english_sentences(printed) == [], english_sentences(printed)[:10]
    roots = course_widget_roots(page)
    texts = [roots.nth(i).inner_text() for i in range(roots.count())]
    assert texts and all(_has_chinese(t) for t in texts), texts


def _validate(page: object, screenshots: Path, name: str) -> str:
    # the visible one: JupyterLab may restore the previous test's notebook in a hidden tab
    page.locator(".validate-button button, button:has-text('Validate') >> visible=true").first.click()  # type: ignore[attr-defined]
    dialog = page.locator(".jp-Dialog")  # type: ignore[attr-defined]
    dialog.wait_for(timeout=120_000)
    text = str(dialog.inner_text())
    page.screenshot(path=str(screenshots / name))  # type: ignore[attr-defined]
    dialog.locator("button").last.click()
    dialog.wait_for(state="detached")
    return text


def test_a_trainee_validates_a_chinese_exercise(
    server_zh: LabServer, page: object, screenshots: Path
) -> None:
    released = f"release/{EXERCISE}/{EXERCISE}.ipynb"
    assert (server_zh.root / released).is_file(), f"{EXERCISE} is not released (exercises/{EXERCISE}/)"
    open_notebook(page, server_zh, released)
    assert "内核" in _menus(page)
    blank = _validate(page, screenshots, "zh_validate_blank.png")
    not_answered = catalog("zh")[NOT_ANSWERED].split("{name}", 1)[1]
    assert not_answered in blank, blank
    assert "not answered yet" not in blank, blank
    source = nbformat.read(ROOT / "exercises" / EXERCISE / f"{EXERCISE}.ipynb", as_version=4)
    answers = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source.cells
               if c.metadata.get("nbgrader", {}).get("solution")}
    page.evaluate(  # type: ignore[attr-defined]
        """(answers) => {
          const nb = window.jupyterapp.shell.currentWidget.content;
          for (const cell of nb.widgets) {
            const meta = cell.model.getMetadata('nbgrader');
            if (meta && meta.solution && answers[meta.grade_id] !== undefined) {
              cell.model.sharedModel.setSource(answers[meta.grade_id]);
            }
          }
        }""",
        answers,
    )
    filled = _validate(page, screenshots, "zh_validate_filled.png")
    assert "Success" in filled and "passes all" in filled, filled
