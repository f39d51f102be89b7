"""What every plot shares: a CJK font when one is installed, the course colours,
translated titles, and turning a figure into PNG bytes for a widget.

Chinese text is drawn only with a font that has the glyphs. When the language is
Chinese but no CJK font is installed, plots fall back to English and warn once
(README says which package to install), so no tofu boxes are ever drawn.
"""

from __future__ import annotations

import io
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from functools import cache

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure

from course.i18n import Text, _, get_language

__all__ = [
    "GRADE_COLOURS",
    "QUADRANT_COLOURS",
    "PngCache",
    "cjk_font",
    "figure_png",
    "new_axes",
    "plot_context",
    "plot_text",
    "title",
    "uses_chinese",
]

CJK_CANDIDATES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "Heiti SC",
    "Noto Sans CJK JP",
    "Noto Sans CJK TC",
)
"""Font families tried in order, Simplified Chinese first."""

GRADE_COLOURS = {"A": "#1b9e77", "B": "#7570b3", "C": "#d95f02"}
"""Colours of hospital and customer grades A/B/C."""

QUADRANT_COLOURS = {"A": "#d7301f", "B": "#1b9e77", "C": "#fdae61", "D": "#bdbdbd"}
"""Colours of the time-management quadrants A/B/C/D."""


class CJKFontMissingWarning(UserWarning):
    """No font with Chinese glyphs is installed; plots use English."""


@cache
def cjk_font() -> str | None:
    """Return the name of an installed font with Chinese glyphs, or ``None``.

    Examples
    --------
    >>> cjk_font() is None or "CJK" in cjk_font() or isinstance(cjk_font(), str)
    True
    """
    from matplotlib import font_manager

    def lookup() -> str | None:
        installed = {f.name for f in font_manager.fontManager.ttflist}
        return next((name for name in CJK_CANDIDATES if name in installed), None)

    found = lookup()
    if found is None:
        # matplotlib's font cache may predate a font installed later: scan once
        hints = ("notosanscjk", "sourcehansans", "wqy", "notosanssc")
        for path in font_manager.findSystemFonts():
            if any(h in path.lower().replace("-", "").replace("_", "") for h in hints):
                font_manager.fontManager.addfont(path)
        found = lookup()
    return found


_warned = False


def uses_chinese() -> bool:
    """True when plots should draw Chinese: the language is ``zh`` and a CJK font exists.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en"); uses_chinese()
    False
    """
    global _warned
    if get_language() != "zh":
        return False
    if cjk_font() is not None:
        return True
    if not _warned:
        _warned = True
        warnings.warn(
            "No Chinese (CJK) font is installed, so plots are drawn in English. "
            "Install one, e.g. `apt-get install fonts-noto-cjk`, then restart the kernel.",
            CJKFontMissingWarning,
            stacklevel=3,
        )
    return False


def title(message: str) -> str:
    """Translate a plot text, keeping English where Chinese cannot be drawn.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en"); title("Important")
    'Important'
    """
    return _(message) if uses_chinese() else message


def plot_text(text: Text) -> str:
    """Return a data label (e.g. a hospital's name) in the language the plot can draw.

    Chinese is used whenever the language is Chinese and a CJK font is installed; the
    font fallback of :func:`uses_chinese` is why plots do not simply use ``str(text)``.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en"); plot_text(Text("West China Hospital", "华西医院"))
    'West China Hospital'
    """
    return text.zh if uses_chinese() else text.en


@contextmanager
def plot_context() -> Iterator[None]:
    """Matplotlib settings for course plots: the CJK font first, a real minus sign.

    Examples
    --------
    >>> with plot_context():
    ...     fig = Figure()
    """
    families = [f for f in (cjk_font(), "DejaVu Sans") if f]
    with mpl.rc_context(
        {
            # explicit families (not the generic "sans-serif"): texts keep them
            # when the figure is drawn later, outside this context
            "font.family": families,
            "axes.unicode_minus": False,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        yield


def new_axes(ax: Axes | None = None, *, figsize: tuple[float, float] = (7, 4.5),
             polar: bool = False) -> Axes:
    """Return ``ax``, or the axes of a new figure that is not kept by pyplot.

    The new figure is a plain :class:`~matplotlib.figure.Figure`, so widgets can
    redraw many times without leaking figures; notebooks show it when the plot
    function returns (its ``_repr_png_``).

    Examples
    --------
    >>> ax = new_axes()
    >>> from matplotlib import pyplot as plt
    >>> ax.figure in map(plt.figure, plt.get_fignums())
    False
    """
    if ax is not None:
        # an axes made by the caller holds texts created before plot_context():
        # give them the context's fonts too, so Chinese titles and labels draw
        family = mpl.rcParams["font.family"]
        titles = (getattr(ax, name) for name in ("title", "_left_title", "_right_title"))
        for text in (*titles, ax.xaxis.label, ax.yaxis.label):
            text.set_fontfamily(family)
        ax.tick_params(labelfontfamily=family)
        return ax
    fig = _ReprFigure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot(projection="polar" if polar else None)
    # a lesson cell that ends with the plot call shows the figure of the returned Axes
    ax._repr_png_ = fig._repr_png_  # type: ignore[attr-defined]
    return ax


class _ReprFigure(Figure):
    """A figure that shows itself as a PNG in a notebook."""

    def _repr_png_(self) -> bytes:
        return figure_png(self)


KEPT_RENDERERS = 8
"""How many drawing surfaces :func:`figure_png` keeps for the next figure of the same size."""

PNG_COMPRESS_LEVEL = 1
"""zlib level of widget PNGs: level 1 encodes fastest, and plots' flat colours compress
about as well as at the default level 6 (the image is identical either way)."""

_renderers: OrderedDict[tuple[int, int, float, int], RendererAgg] = OrderedDict()
_renderers_lock = threading.Lock()


class _KeptRendererCanvas(FigureCanvasAgg):
    """An Agg canvas that draws on the renderer of the last figure of the same size.

    Matplotlib measures each string once per renderer. A widget redraws a chart of
    the same size with the same labels again and again; drawing on a kept renderer
    reuses those measurements instead of laying out every label afresh. The image
    drawn is the same as on a new renderer.
    """

    def get_renderer(self) -> RendererAgg:
        width, height = self.get_width_height(physical=True)
        dpi = float(self.figure.dpi)
        key = (width, height, dpi, threading.get_ident())
        with _renderers_lock:
            renderer = _renderers.pop(key, None)
            if renderer is None:
                renderer = RendererAgg(width, height, dpi)
            _renderers[key] = renderer  # the most recently used last
            while len(_renderers) > KEPT_RENDERERS:
                _renderers.popitem(last=False)
        self.renderer = renderer
        return renderer


def figure_png(fig: Figure, dpi: int = 100) -> bytes:
    """Render ``fig`` to PNG bytes (for ``ipywidgets.Image`` or a notebook).

    Drawing reuses the renderer of an earlier figure of the same size (its text
    measurements) and encodes with a fast zlib level; the figure keeps its canvas.

    Examples
    --------
    >>> figure_png(new_axes().figure)[:4]
    b'\\x89PNG'
    """
    buffer = io.BytesIO()
    previous = fig.canvas
    _KeptRendererCanvas(fig)  # becomes fig.canvas while saving
    try:
        with plot_context():
            fig.savefig(buffer, format="png", dpi=dpi,
                        pil_kwargs={"compress_level": PNG_COMPRESS_LEVEL})
    finally:
        fig.set_canvas(previous)
    return buffer.getvalue()


class PngCache:
    """The last few PNGs a widget drew, by a key of what they show.

    A widget asks for the PNG of its current inputs; it is drawn only when no
    PNG for the same key is kept, so going back to an earlier setting (or
    changing something the chart does not show) costs no drawing. Put everything
    the chart shows in the key, including the language.

    Examples
    --------
    >>> cache = PngCache(size=2)
    >>> png = cache.get(("grades", 60.0), lambda: figure_png(new_axes().figure))
    >>> cache.get(("grades", 60.0), lambda: b"not drawn again") is png
    True
    >>> len(cache)
    1
    """

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self._pngs: OrderedDict[Hashable, bytes] = OrderedDict()

    def __len__(self) -> int:
        return len(self._pngs)

    def get(self, key: Hashable, draw: Callable[[], bytes]) -> bytes:
        """Return the PNG kept for ``key``, or ``draw()`` it and keep it."""
        png = self._pngs.pop(key, None)
        if png is None:
            png = draw()
        self._pngs[key] = png  # the most recently used last
        while len(self._pngs) > self.size:
            self._pngs.popitem(last=False)
        return png
