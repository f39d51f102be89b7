"""The fast PNG path: the same image as a plain savefig, Chinese still drawn, nothing leaks.

``figure_png`` draws on a renderer kept from an earlier figure of the same size
and encodes with a fast zlib level; these tests pin that what a trainee sees does
not change: the pixels, the CJK font, the figure's own canvas.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.figure import Figure
from PIL import Image

from course.i18n import set_language
from course.plots._style import PngCache, cjk_font, figure_png, new_axes, plot_context, title


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def chart(heights: list[float], heading: str = "Calls per tier") -> Figure:
    with plot_context():
        ax = new_axes(figsize=(5, 3))
        ax.bar(["A", "B", "C"], heights, color=["#1b9e77", "#7570b3", "#d95f02"])
        ax.set_title(title(heading))
    return ax.figure  # type: ignore[return-value]


def plain_png(fig: Figure, dpi: int = 100) -> bytes:
    """What matplotlib draws for ``fig`` on a brand-new renderer."""
    buffer = io.BytesIO()
    with plot_context():
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def test_same_pixels_as_a_plain_savefig_on_a_new_and_on_a_kept_renderer() -> None:
    expected = pixels(plain_png(chart([6, 3, 1])))
    first = pixels(figure_png(chart([6, 3, 1])))       # may use a new renderer
    again = pixels(figure_png(chart([6, 3, 1])))       # reuses the one just kept
    assert first.shape == expected.shape == (300, 500, 4)
    assert (first == expected).all() and (again == expected).all()


def test_figures_of_the_same_size_keep_their_own_pictures() -> None:
    tall, short = chart([9, 1, 1]), chart([1, 1, 9])
    tall_png, short_png = figure_png(tall), figure_png(short)
    assert not (pixels(tall_png) == pixels(short_png)).all()
    assert (pixels(figure_png(tall)) == pixels(tall_png)).all()
    assert (pixels(figure_png(short, dpi=72)) == pixels(plain_png(short, dpi=72))).all()


def test_the_figure_keeps_its_canvas() -> None:
    fig = chart([1, 2, 3])
    canvas = fig.canvas
    assert type(canvas) is FigureCanvasBase
    figure_png(fig)
    assert fig.canvas is canvas


@pytest.mark.cjk
def test_chinese_titles_are_drawn_with_the_cjk_font() -> None:
    set_language("zh")
    fig = chart([6, 3, 1], heading="Important")  # no missing-glyph warning (warnings are errors)
    ax = fig.axes[0]
    assert ax.get_title() == "重要"
    assert ax.title.get_fontfamily()[0] == cjk_font()
    png = figure_png(fig)
    assert png[:4] == b"\x89PNG"
    assert (pixels(png) == pixels(plain_png(fig))).all()


def test_png_cache_draws_each_key_once_and_forgets_the_oldest() -> None:
    drawn: list[str] = []

    def draw(name: str) -> bytes:
        drawn.append(name)
        return name.encode()

    cache = PngCache(size=2)
    assert cache.get("a", lambda: draw("a")) == b"a"
    assert cache.get("b", lambda: draw("b")) == b"b"
    assert cache.get("a", lambda: draw("a")) == b"a"   # kept: not drawn again
    assert cache.get("c", lambda: draw("c")) == b"c"   # forgets b, the least recently used
    assert cache.get("b", lambda: draw("b")) == b"b"
    assert drawn == ["a", "b", "c", "b"]
    assert len(cache) == 2
