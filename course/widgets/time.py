"""The time-management matrix board (时间管理矩阵).

Two parts on one board:

- **My tasks**: type a task, its minutes, tick important / urgent, press *Add*:
  the library places it in A/B/C/D and adds up the time per quadrant.
- **My time log**: the sample rep's two-week log or your own CSV (the columns of
  the ``timelog`` table): where the time went, which time wasters cost most, and
  what an hour of your time is worth from your income and working hours.

The widget only wires controls to :mod:`course.timemgmt` and
:mod:`course.plots.time`; it computes nothing itself.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from course.data import load_sample, read_table
from course.errors import CourseInputError, Phrase
from course.i18n import _, choose, get_language
from course.inputs import check_int
from course.plots._style import QUADRANT_COLOURS, PngCache, figure_png
from course.plots.time import move_quadrants, plot_quadrants, plot_time_breakdown
from course.quiz.time import mark_sorting, practice_tasks, sorting_score
from course.timemgmt import (
    QUADRANT_CODES,
    QUADRANTS,
    WASTER_INFO,
    TimeLogSummary,
    analyse_timelog,
    classify,
    hourly_value,
    time_per_quadrant,
)
from course.widgets._base import CourseWidget
from course.widgets._chart import KeptChart

__all__ = ["BoardResult", "QuadrantQuiz", "TimeMatrixBoard", "example_tasks"]

TASK_COLUMNS = ["task", "minutes", "important", "urgent"]


def example_tasks() -> pd.DataFrame:
    """A representative's tasks for one day, to start the board with.

    Examples
    --------
    >>> example_tasks()["task"].tolist()[:2]
    ['A key doctor reports a stock-out today', "Prepare next week's call plan"]
    """
    return pd.DataFrame(
        [
            ("A key doctor reports a stock-out today", 45, True, True),
            ("Prepare next week's call plan", 60, True, False),
            ("Study the new clinical data", 90, True, False),
            ("Answer group-chat messages", 40, False, True),
            ("Wait without a plan at the clinic door", 30, False, False),
        ],
        columns=TASK_COLUMNS,
    )


@dataclass(frozen=True)
class BoardResult:
    """What the board shows, as the library computed it."""

    tasks: pd.DataFrame
    """The tasks with their ``quadrant``."""
    per_quadrant: pd.DataFrame
    """Minutes, share and number of tasks per quadrant of the task list."""
    log: TimeLogSummary
    """The analysed time log (with ``cost`` columns at the hourly value)."""
    hourly_value: float
    """What an hour is worth: income ÷ working hours."""
    breakdown: str
    """What the log chart shows: ``quadrant``, ``category``, ``activity`` or ``waster``."""


class TimeMatrixBoard(CourseWidget):
    """Sort tasks into the training material's A/B/C/D matrix and analyse a time log.

    Parameters
    ----------
    tasks
        Starting tasks (columns ``task``, ``minutes``, ``important``, ``urgent``);
        default :func:`example_tasks`.
    log
        A time log with the ``timelog`` columns; default the sample rep's log.
    income, hours
        Income and working hours of the same period (default a month: 12,000 RMB, 176 h).

    Examples
    --------
    >>> board = TimeMatrixBoard()
    >>> board.last_result.per_quadrant["minutes"].tolist()
    [45, 150, 40, 30]
    >>> board.name.value, board.minutes.value = "Tender documents", 30
    >>> board.important.value = board.urgent.value = True
    >>> board.add.click()
    >>> int(board.last_result.per_quadrant.loc["A", "minutes"])
    75
    """

    def __init__(self, tasks: pd.DataFrame | None = None, log: pd.DataFrame | None = None,
                 income: float = 12_000, hours: float = 176) -> None:
        self._tasks = (example_tasks() if tasks is None else tasks).loc[:, TASK_COLUMNS].copy()
        self._log = load_sample("timelog") if log is None else log
        self._log_name = _("the sample rep's two-week log") if log is None else _("your log")
        # versions of the task list and of the log: the tasks are classified and
        # each chart drawn again only when what it shows changed
        self._tasks_version = self._log_version = 0
        self._classified: tuple[int, pd.DataFrame, pd.DataFrame] | None = None
        self._analysed: tuple[tuple[int, float], TimeLogSummary] | None = None
        self._matrix_for: tuple[int, str] | None = None
        self._log_pngs = PngCache(size=8)

        # -- my tasks
        self.name = widgets.Text(description=_("Task"), placeholder=_("e.g. Call Dr Wang about the trial"),
                                 layout=widgets.Layout(width="420px"))
        self.minutes = widgets.BoundedIntText(value=30, min=0, max=24 * 60, description=_("Minutes"),
                                              layout=widgets.Layout(width="180px"))
        self.important = widgets.Checkbox(value=False, description=_("Important"), indent=False)
        self.urgent = widgets.Checkbox(value=False, description=_("Urgent"), indent=False)
        self.add = widgets.Button(description=_("Add"), button_style="primary", icon="plus")
        self.clear = widgets.Button(description=_("Clear the tasks"), icon="trash")
        self.board = widgets.HTML()
        self.matrix_image = self.image()
        self._matrix = KeptChart(self.matrix_image, dpi=100)

        # -- my time log
        self.breakdown = widgets.Dropdown(
            options=[(_("Time wasters"), "waster"), (_("Quadrants"), "quadrant"),
                     (_("Kinds of activity"), "category"), (_("Activities"), "activity")],
            value="waster", description=_("Show"))
        self.upload = widgets.FileUpload(accept=".csv", multiple=False,
                                         description=_("Load my time log (CSV)"),
                                         layout=widgets.Layout(width="260px"))
        self.use_sample = widgets.Button(description=_("Use the sample log"), icon="undo")
        self.income = widgets.FloatText(value=income, description=_("Income (RMB)"),
                                        style={"description_width": "initial"})
        self.hours = widgets.FloatText(value=hours, description=_("Working hours, same period"),
                                       style={"description_width": "initial"})
        self.source = widgets.HTML()
        self.log_summary = widgets.HTML()
        self.log_image = self.image()

        heading = '<h4 style="margin:6px 0">{}</h4>'
        super().__init__([
            widgets.HTML(heading.format(html.escape(_("My tasks: the time-management matrix")))),
            widgets.HBox([self.name, self.minutes]),
            widgets.HBox([self.important, self.urgent, self.add, self.clear]),
            self.board,
            self.matrix_image,
            widgets.HTML(heading.format(html.escape(_("My time log: where did the time go?")))),
            widgets.HBox([self.breakdown, self.upload, self.use_sample]),
            widgets.HBox([self.income, self.hours]),
            self.source,
            self.log_summary,
            self.log_image,
        ])
        self.on_click(self.add, self.add_task)
        self.on_click(self.clear, self.clear_tasks)
        self.on_click(self.use_sample, self.load_sample_log)
        self.upload.observe(lambda _change: self._guarded(self.load_upload), names="value")
        self.watch(self.breakdown, self.income, self.hours)
        self.refresh()

    # -- actions -------------------------------------------------------------
    def add_task(self) -> None:
        """Add the typed task (checked by the library first), then refresh."""
        name = self.name.value.strip()
        if not name:
            raise CourseInputError.single(_("Task"), self.name.value, Phrase("a short name for the task"))
        minutes = check_int(_("Minutes"), self.minutes.value, low=1, high=24 * 60)
        row = pd.DataFrame([(name, minutes, bool(self.important.value), bool(self.urgent.value))],
                           columns=TASK_COLUMNS)
        classify(row)  # the library checks the entry before it joins the board
        self._tasks = pd.concat([self._tasks, row], ignore_index=True)
        self._tasks_version += 1
        self.name.value = ""
        self.refresh()

    def clear_tasks(self) -> None:
        """Start again with an empty board."""
        self._tasks = self._tasks.iloc[0:0]
        self._tasks_version += 1
        self.refresh()

    def load_upload(self) -> None:
        """Read the uploaded CSV as a time log; a bad file keeps the current log."""
        if not self.upload.value:
            return
        entry = self.upload.value[0]
        table = read_table(entry, "timelog")
        analyse_timelog(table)  # every problem is reported before the log is replaced
        self._log, self._log_name = table, str(entry.get("name", _("your log")))
        self._log_version += 1
        self.refresh()

    def load_sample_log(self) -> None:
        """Go back to the sample rep's log."""
        self._log, self._log_name = load_sample("timelog"), _("the sample rep's two-week log")
        self._log_version += 1
        self.refresh()

    # -- CourseWidget ----------------------------------------------------------
    def compute(self) -> BoardResult:
        """Classify the tasks, analyse the log at the hourly value of the income inputs.

        Each library call runs again only when its inputs changed (the task list,
        the log or the hourly value), so a new breakdown only draws its chart.
        """
        rate = hourly_value(self.income.value, self.hours.value)
        if self._classified is None or self._classified[0] != self._tasks_version:
            self._classified = (self._tasks_version, classify(self._tasks),
                                time_per_quadrant(self._tasks))
        _version, tasks, per_quadrant = self._classified
        if self._analysed is None or self._analysed[0] != (self._log_version, rate):
            self._analysed = ((self._log_version, rate), analyse_timelog(self._log, hourly_value=rate))
        return BoardResult(
            tasks=tasks,
            per_quadrant=per_quadrant,
            log=self._analysed[1],
            hourly_value=rate,
            breakdown=str(self.breakdown.value),
        )

    def show(self, result: BoardResult) -> None:
        """Show the board, the matrix chart, the log summary and its chart."""
        lang = get_language()
        self.board.value = _board_html(result)
        if self._matrix_for != (self._tasks_version, lang):  # a new task is drawn on the kept matrix
            self._matrix.show(lang, lambda: plot_quadrants(result.tasks),
                              lambda ax: move_quadrants(ax, result.tasks))
            self._matrix_for = (self._tasks_version, lang)
        self.source.value = "<i>{}</i>".format(html.escape(
            _("Time log: {name}").format(name=self._log_name)))
        self.log_summary.value = _log_html(result)
        # the chart shows minutes, not money: income and hours do not redraw it
        self.log_image.value = self._log_pngs.get(
            (self._log_version, result.breakdown, lang),
            lambda: figure_png(plot_time_breakdown(  # type: ignore[arg-type]
                result.log, by=result.breakdown).figure))


def _board_html(result: BoardResult) -> str:
    cells: dict[str, str] = {}
    for code in QUADRANT_CODES:
        q = QUADRANTS[code]
        names = result.tasks.loc[result.tasks["quadrant"] == code, "task"].astype(str)
        items = "".join(f"<li>{html.escape(n)}</li>" for n in names) or "<li>—</li>"
        row = result.per_quadrant.loc[code]
        spent = _("{minutes} min").format(minutes=f"{row['minutes']:g}")
        cells[code] = (
            f'<td style="background:{QUADRANT_COLOURS[code]}33;vertical-align:top;padding:6px;width:50%">'
            f"<b>{code} · {html.escape(str(q.name))}</b><br>"
            f"{html.escape(spent)}"
            f" ({row['share']:.0%}) · <i>{html.escape(str(q.action))}</i>"
            f'<ul style="margin:4px 0 0 0">{items}</ul></td>'
        )
    header = (f"<tr><th></th><th>{html.escape(_('Urgent'))}</th>"
              f"<th>{html.escape(_('Not urgent'))}</th></tr>")
    body = (f"<tr><th>{html.escape(_('Important'))}</th>{cells['A']}{cells['B']}</tr>"
            f"<tr><th>{html.escape(_('Not important'))}</th>{cells['C']}{cells['D']}</tr>")
    return f'<table style="border-collapse:collapse;width:100%">{header}{body}</table>'


def _log_html(result: BoardResult) -> str:
    log = result.log
    lost_cost = float(log.by_waster["cost"].sum()) if "cost" in log.by_waster else 0.0
    lines = [
        _("An hour of your time is worth {value:,.2f} RMB.").format(value=result.hourly_value),
        _("Logged: {minutes:,} min; in B (important, not urgent): {share:.0%}.").format(
            minutes=log.total_minutes, share=log.share("B")),
        _("Lost to time wasters: {minutes:,} min ({share:.0%}), worth {cost:,.0f} RMB.").format(
            minutes=log.wasted_minutes, share=log.wasted_share, cost=lost_cost),
    ]
    top = log.by_waster.head(5)
    rows = "".join(
        f"<tr><td>{html.escape(str(WASTER_INFO[str(code)].name))}</td><td style='text-align:right'>"
        f"{minutes}</td><td style='text-align:right'>{cost:,.0f}</td>"
        f"<td>{html.escape(str(WASTER_INFO[str(code)].remedy))}</td></tr>"
        for code, minutes, cost in zip(top.index, top["minutes"].astype(int), top["cost"], strict=True)
    )
    table = ""
    if rows:
        table = (f'<table style="border-collapse:collapse"><tr><th>{html.escape(_("Time waster"))}</th>'
                 f"<th>{html.escape(_('Minutes'))}</th><th>RMB</th><th>{html.escape(_('Remedy'))}</th></tr>"
                 f"{rows}</table>")
    return "<br>".join(html.escape(line) for line in lines) + table


class QuadrantQuiz(CourseWidget):
    """Lesson 2's quiz (not graded): pick the quadrant of each practice task and see at once if it is right.

    Parameters
    ----------
    tasks
        Tasks with ``task``, ``important``, ``urgent`` and optionally ``why``
        (and ``task_zh`` / ``why_zh`` for Chinese); default the course's practice tasks.

    Examples
    --------
    >>> quiz = QuadrantQuiz()
    >>> quiz.choices[0].value = "B"
    >>> bool(quiz.last_result.loc[0, "correct"]), quiz.score.value
    (True, '1 of 6 tasks sorted right')
    """

    def __init__(self, tasks: pd.DataFrame | None = None) -> None:
        self._tasks = (practice_tasks() if tasks is None else tasks).reset_index(drop=True)
        column = choose("task", "task_zh")
        names = self._tasks[column if column in self._tasks else "task"]
        self.choices = [
            widgets.Dropdown(options=[("—", ""), *((q, q) for q in QUADRANT_CODES)], value="",
                             layout=widgets.Layout(width="70px"))
            for _row in range(len(self._tasks))
        ]
        self.verdicts = [widgets.HTML() for _row in range(len(self._tasks))]
        self.score = widgets.HTML()
        rows = [
            widgets.HBox([choice, widgets.HTML(f"<b>{html.escape(str(name))}</b>"), verdict])
            for choice, name, verdict in zip(self.choices, names, self.verdicts, strict=True)
        ]
        intro = widgets.HTML(html.escape(_("Pick the quadrant of each task: A, B, C or D.")))
        super().__init__([intro, *rows, self.score])
        self.watch(*self.choices)
        self.refresh()

    def compute(self) -> pd.DataFrame:
        """Mark the chosen letters with the library."""
        answers = {str(task): choice.value or None
                   for task, choice in zip(self._tasks["task"], self.choices, strict=True)}
        return mark_sorting(self._tasks, answers)

    def show(self, result: pd.DataFrame) -> None:
        """Show ✓ or ✗ (with the reason) next to each answered task, and the score."""
        why_column = choose("why", "why_zh")
        why_column = why_column if why_column in self._tasks else "why"
        for index, verdict in enumerate(self.verdicts):
            row = result.loc[index]
            if row["answer"] is None:
                verdict.value = ""
                continue
            reason = str(self._tasks[why_column][index]) if why_column in self._tasks else ""
            if row["correct"]:
                verdict.value = ('<span style="color:#1b7837">&nbsp;✓ '
                                 + html.escape(_("Right.")) + " " + html.escape(reason) + "</span>")
            else:
                verdict.value = ('<span style="color:#b00020">&nbsp;✗ '
                                 + html.escape(_("Not yet: is it tied to your goals? Must it be done now?"))
                                 + "</span>")
        right, total = sorting_score(result)
        self.score.value = html.escape(_("{right} of {total} tasks sorted right").format(right=right, total=total))
