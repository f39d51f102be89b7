"""Widgets draw a chart only when what it shows changed; a chart seen before is not redrawn.

Each test counts the PNGs a widget renders (``figure_png`` in its module) while
a trainee changes controls, and checks the picture still follows the data.
"""

from __future__ import annotations

import pytest

from course.plots._style import figure_png
from course.widgets import portfolio, time


class Counter:
    """Wraps ``figure_png`` and counts the figures rendered."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *args: object, **kwargs: object) -> bytes:
        self.count += 1
        return figure_png(*args, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> Counter:
    counter = Counter()
    for module in (time, portfolio):
        monkeypatch.setattr(module, "figure_png", counter)
    return counter


def test_time_board_income_redraws_nothing_breakdown_redraws_once(rendered: Counter) -> None:
    board = time.TimeMatrixBoard()
    assert rendered.count == 1  # the log chart (the matrix is a kept chart)
    matrix_draws = board._matrix.full_draws
    waster_png = board.log_image.value
    board.income.value = 15_000.0
    assert rendered.count == 1
    assert "85.23 RMB" in board.log_summary.value  # 15,000 / 176 h: the text did change
    board.breakdown.value = "quadrant"
    assert rendered.count == 2 and board.log_image.value != waster_png
    board.breakdown.value = "waster"  # back to a chart already drawn
    assert rendered.count == 2 and board.log_image.value == waster_png
    matrix_png = bytes(board.matrix_image.value)
    board.name.value, board.minutes.value = "Tender documents", 30
    board.add.click()
    assert rendered.count == 2 and bytes(board.matrix_image.value) != matrix_png  # the matrix moved
    assert board._matrix.full_draws == matrix_draws  # on the kept chart


def test_time_board_redraws_the_log_chart_for_a_new_log(rendered: Counter) -> None:
    board = time.TimeMatrixBoard()
    board.breakdown.value = "quadrant"
    before = rendered.count
    board.use_sample.click()  # the same sample again, but a newly loaded log
    assert rendered.count == before + 1


def test_portfolio_sales_settings_do_not_redraw_the_matrix(rendered: Counter) -> None:
    explorer = portfolio.PortfolioExplorer()
    assert rendered.count == 1  # the life cycle (the matrix is a kept chart)
    matrix, draws = bytes(explorer.bcg_image.value), explorer._bcg.full_draws
    explorer.window.value = 2  # changes the life-cycle reading only
    assert bytes(explorer.bcg_image.value) == matrix
    assert rendered.count <= 2  # the life cycle is drawn again only if its stage changed
    explorer.growth_cutoff.value = 0.2
    assert bytes(explorer.bcg_image.value) != matrix and explorer._bcg.full_draws == draws
