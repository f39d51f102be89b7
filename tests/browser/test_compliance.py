"""The case sorter in a real browser: a trainee chooses verdicts and reads why, in both languages."""

from __future__ import annotations

from pathlib import Path

from course.compliance import CASES

from .lab import LabServer
from .notebook import course_widget_roots, open_notebook, run_all, widget_errors


def _sorter_notebook(server: LabServer, name: str) -> None:
    import nbformat

    code = 'from course.widgets.compliance import CaseSorter\nCaseSorter(["festival_gift", "speaker_fee"])'
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, server.root / name)


def test_sorting_a_case_shows_the_verdict_the_reason_and_the_rule(
    server: LabServer, page: object, screenshots: Path
) -> None:
    _sorter_notebook(server, "case_sorter.ipynb")
    open_notebook(page, server, "case_sorter.ipynb")
    assert run_all(page).errors() == []
    root = course_widget_roots(page).first
    selects = root.locator("select")
    assert selects.count() == 2
    assert "Mid-Autumn Festival" in root.inner_text()

    selects.nth(0).select_option(label="Not allowed")
    page.wait_for_function(  # type: ignore[attr-defined]
        "(root) => root.innerText.includes('✓')", arg=root.element_handle(), timeout=15_000)
    text = root.inner_text()
    assert "Correct: Not allowed." in text
    assert CASES["festival_gift"].instead.en in text
    assert "IFPMA Code of Practice" in text and "30 September 2020" in text
    assert "1 of 2 sorted right" in text

    selects.nth(1).select_option(label="Allowed")
    page.wait_for_function(  # type: ignore[attr-defined]
        "(root) => root.innerText.includes('✗')", arg=root.element_handle(), timeout=15_000)
    text = root.inner_text()
    assert "Not quite: the verdict is Ask compliance first." in text
    assert "1 of 2 sorted right" in text
    assert widget_errors(page) == []
    page.screenshot(path=str(screenshots / "case_sorter.png"))  # type: ignore[attr-defined]


def test_the_sorter_speaks_chinese_in_the_browser(
    server_zh: LabServer, page: object, screenshots: Path
) -> None:
    _sorter_notebook(server_zh, "case_sorter_zh.ipynb")
    open_notebook(page, server_zh, "case_sorter_zh.ipynb")
    assert run_all(page).errors() == []
    root = course_widget_roots(page).first
    assert "中秋节" in root.inner_text()
    root.locator("select").nth(0).select_option(label="可以做")
    page.wait_for_function(  # type: ignore[attr-defined]
        "(root) => root.innerText.includes('✗')", arg=root.element_handle(), timeout=15_000)
    text = root.inner_text()
    assert "不对：正确的归类是“不可以做”。" in text and "合规的做法" in text
    assert "《医药代表备案管理办法（试行）》" in text
