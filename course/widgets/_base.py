"""What every course widget shares.

A widget is a thin shell: it reads its controls, calls a pure :mod:`course`
function, and shows the result. :class:`CourseWidget` gives each one a
feedback line and a guard, so bad input shows a message *inside* the widget
(the controls keep what the trainee typed) and no traceback ever reaches the
output area.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from matplotlib.axes import Axes

from course.errors import CourseInputError
from course.i18n import _
from course.plots._style import figure_png

__all__ = ["CourseWidget", "error_html"]

log = logging.getLogger(__name__)


def error_html(error: CourseInputError) -> str:
    """Render an input error as the HTML shown in a widget's feedback line.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> print(error_html(CourseInputError.single("beds", -1, "a number >= 0")))
    <div class="course-error" style="color:#b00020">⚠ Please fix this entry: beds: got -1; allowed: a number &gt;= 0</div>
    """
    lines = "<br>".join(html.escape(str(p)) for p in error.problems)  # worded now, in the language in force
    message = _("Please fix this entry: {problems}").format(problems=lines)
    return f'<div class="course-error" style="color:#b00020">⚠ {message}</div>'


class CourseWidget(widgets.VBox):
    """Base of the course widgets: controls, a result area, a feedback line.

    Subclasses build their controls, call :meth:`watch` on them, and implement
    :meth:`compute` (which calls the library and returns what to show) and
    :meth:`show` (which puts it on screen). ``last_result`` keeps what the
    library returned, for tests and for the trainee's own code.
    """

    def __init__(self, children: list[widgets.Widget] | None = None, **kwargs: Any) -> None:
        self.feedback = widgets.HTML(value="", layout=widgets.Layout(min_height="1.5em"))
        self.last_result: Any = None
        self.last_error: CourseInputError | None = None
        self.last_exception: Exception | None = None
        self.updates = 0
        """How many times the widget recomputed what it shows (for tests and the benchmark)."""
        super().__init__(children=[*(children or []), self.feedback], **kwargs)
        # lets browser tests and custom CSS find every course widget on a page
        self.add_class("course-widget")
        self.add_class(f"course-widget-{type(self).__name__}")

    # -- to implement ------------------------------------------------------
    def compute(self) -> Any:  # pragma: no cover - abstract
        """Read the controls, call the library, return the result."""
        raise NotImplementedError

    def show(self, result: Any) -> None:  # pragma: no cover - abstract
        """Display ``result``."""
        raise NotImplementedError

    # -- shared ------------------------------------------------------------
    def watch(self, *controls: widgets.Widget) -> None:
        """Refresh whenever one of ``controls`` changes value."""
        for control in controls:
            control.observe(lambda _change: self.refresh(), names="value")

    def on_click(self, button: widgets.Button, action: Callable[[], None] | None = None) -> None:
        """Run ``action`` (default: :meth:`refresh`) guarded when ``button`` is clicked."""
        def handler(_button: widgets.Button) -> None:
            self._guarded(action or self.refresh)

        button.on_click(handler)

    def refresh(self) -> None:
        """Recompute and redisplay; errors go to the feedback line."""
        self._guarded(self._update)

    def _update(self) -> None:
        self.updates += 1
        result = self.compute()
        self.last_result = result
        self.show(result)

    def _guarded(self, action: Callable[[], None]) -> None:
        try:
            action()
        except CourseInputError as error:
            self.last_error = error
            self.feedback.value = error_html(error)
        except Exception as exc:  # a trainee never sees a traceback
            # kept for the instructor and tests; logged at DEBUG so nothing is printed
            log.debug("widget update failed", exc_info=True)
            self.last_error = None
            self.last_exception = exc
            self.feedback.value = (
                '<div class="course-error course-crash" style="color:#b00020">⚠ '
                + _("Something went wrong while updating. Your entries are kept; "
                    "please check them and try again.")
                + "</div>"
            )
        else:
            self.last_error = None
            self.last_exception = None
            self.feedback.value = ""

    @staticmethod
    def image() -> widgets.Image:
        """A PNG image area for plots."""
        return widgets.Image(format="png", layout=widgets.Layout(max_width="720px"))

    @staticmethod
    def draw(image: widgets.Image, ax: Axes) -> None:
        """Put the figure of ``ax`` into ``image``."""
        image.value = figure_png(ax.figure)  # type: ignore[arg-type]
