"""A widget's chart kept between updates: the still parts drawn once, the moving parts redrawn.

Drawing a whole matplotlib figure again (layout, every label, every glyph) costs
100-500 ms; a slider usually changes a few artists only (bar colours, a cut-off
line, a point, a count in the legend). :class:`KeptChart` draws the library's
figure once, freezes its layout, keeps a picture of everything that does not
move, and on each update redraws only the artists the chart's *move* function
changed, on top of that picture. The figure is the library's own (``plot_*``);
the move function sets its moving artists exactly as the ``plot_*`` call with the
new values would, so the picture is the same (a test compares them pixel by pixel).

When something the still parts show changes (the data, the order of the bars, the
language, an axis limit), the widget passes a new ``still`` key and the chart is
drawn whole again.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import ipywidgets as widgets
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from course.plots._style import PNG_COMPRESS_LEVEL, plot_context

__all__ = ["KeptChart", "Move", "png_of_canvas"]

Move = Callable[[Axes], Sequence[Artist]]
"""Sets a chart's moving artists to the new values and returns them (the same artists each time)."""


def png_of_canvas(canvas: FigureCanvasAgg) -> bytes:
    """Encode what ``canvas`` holds now as PNG bytes (fast zlib level, as :func:`figure_png`).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> canvas = FigureCanvasAgg(Figure(figsize=(1, 1), dpi=50)); canvas.draw()
    >>> png_of_canvas(canvas)[:4]
    b'\\x89PNG'
    """
    width, height = canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.save(buffer, format="png", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()


class KeptChart:
    """One chart of a widget, kept between updates and shown in an ``Image``.

    Parameters
    ----------
    image
        Where the PNG goes.
    dpi
        Resolution of the picture (the course's widgets use 72).

    Examples
    --------
    >>> from course.plots._style import new_axes
    >>> image = widgets.Image(format="png")
    >>> def build() -> Axes:
    ...     ax = new_axes(figsize=(3, 2)); ax.set_xlim(0, 10)
    ...     ax.axvline(2, gid="cut"); return ax
    >>> def move_to(x: float) -> Move:
    ...     def move(ax: Axes) -> list[Artist]:
    ...         line = next(l for l in ax.lines if l.get_gid() == "cut")
    ...         line.set_xdata([x, x]); return [line]
    ...     return move
    >>> chart = KeptChart(image, dpi=50)
    >>> chart.show("axes 0-10", build, move_to(3)); chart.full_draws
    1
    >>> chart.show("axes 0-10", build, move_to(7)); chart.full_draws, bytes(image.value[:4])
    (1, b'\\x89PNG')
    >>> chart.show("axes 0-20", build, move_to(7)); chart.full_draws
    2
    """

    def __init__(self, image: widgets.Image, *, dpi: int = 72) -> None:
        self.image = image
        self.dpi = dpi
        self.full_draws = 0
        """How many times the chart was drawn whole (for tests and the benchmark)."""
        self._still: Hashable | None = None
        self._ax: Axes | None = None
        self._canvas: FigureCanvasAgg | None = None
        self._background: Any = None
        self._moving: list[Artist] = []

    def show(self, still: Hashable, build: Callable[[], Axes], move: Move) -> None:
        """Show the chart: ``build`` it whole if ``still`` changed, else only ``move`` its moving parts.

        ``still`` is a key of everything the unmoving parts show (include the
        language); ``build`` returns the library's Axes; ``move`` sets the moving
        artists to the new values and returns them.
        """
        if self._ax is None or self._canvas is None or still != self._still:
            self._build(still, build, move)
        else:
            self._moving = list(move(self._ax))
        self.image.value = self._blit()

    def _build(self, still: Hashable, build: Callable[[], Axes], move: Move) -> None:
        with plot_context():
            ax = build()
            fig = ax.figure
            fig.set_dpi(self.dpi)
            canvas = FigureCanvasAgg(fig)  # type: ignore[arg-type]
            moving = list(move(ax))
            canvas.draw()  # the layout engine places everything once, with the moving parts in
            fig.set_layout_engine("none")  # type: ignore[union-attr]  # then the layout stays
            for artist in moving:
                artist.set_animated(True)
            canvas.draw()  # everything that does not move
        self._background = canvas.copy_from_bbox(fig.bbox)
        self._still, self._ax, self._canvas, self._moving = still, ax, canvas, moving
        self.full_draws += 1

    def _blit(self) -> bytes:
        assert self._canvas is not None and self._ax is not None
        canvas = self._canvas
        canvas.restore_region(self._background)
        with plot_context():
            for artist in sorted(self._moving, key=lambda a: a.get_zorder()):
                artist.set_animated(True)
                canvas.figure.draw_artist(artist)
        return png_of_canvas(canvas)
