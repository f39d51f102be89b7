"""Render the cohort's grading report as one self-contained HTML file.

Four sections: the score distribution of each assignment (a bar chart drawn
in SVG, no script, no external file), the pass rate of each autograded
question with the hardest first (what the cohort failed most), the late
submissions, and the submissions that could not be graded or were graded
with notable events (time-outs, crashes, tampering) and why. Every value
that comes from a submission (trainee ids, file names, error text) is
escaped.

Examples
--------
>>> from course.grading.report.figures import ReportData
>>> html = render(ReportData(), course_name="<demo>")
>>> "&lt;demo&gt;" in html and "<demo>" not in html
True
"""

from __future__ import annotations

from html import escape

from course.grading.report.figures import BINS, ReportData, ScoreSummary

__all__ = ["histogram_svg", "render"]

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{padding:.25em .6em;border-bottom:1px solid #eee;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.num{text-align:right}
.bar{display:inline-block;height:.8em;background:#4477aa}.low{background:#cc6677}
.note{color:#666}figure{display:inline-block;margin:0 2em 1em 0}
"""


def histogram_svg(summary: ScoreSummary, width: int = 320, height: int = 140) -> str:
    """Return an SVG bar chart of one assignment's score distribution.

    Examples
    --------
    >>> from course.grading.report.figures import ScoreSummary
    >>> svg = histogram_svg(ScoreSummary("ps1", 3, 50.0, 50.0, (1, 0, 0, 0, 0, 1, 0, 0, 0, 1)))
    >>> svg.count("<rect")
    3
    """
    top = max(summary.histogram) or 1
    plot_h = height - 30
    bar_w = (width - 40) / BINS
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="score distribution of {escape(summary.assignment)}">']
    for index, count in enumerate(summary.histogram):
        if count:
            h = plot_h * count / top
            x = 15 + index * bar_w
            parts.append(f'<rect x="{x:.1f}" y="{10 + plot_h - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                         f'fill="#4477aa"><title>{index * 100 // BINS}-{(index + 1) * 100 // BINS} %: '
                         f'{count}</title></rect>')
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{6 + plot_h - h:.1f}" font-size="10" '
                         f'text-anchor="middle">{count}</text>')
    for index in range(0, BINS + 1, 2):
        x = 15 + index * bar_w
        parts.append(f'<text x="{x:.1f}" y="{height - 6}" font-size="10" text-anchor="middle">'
                     f'{index * 100 // BINS}%</text>')
    parts.append(f'<line x1="15" y1="{10 + plot_h}" x2="{width - 25}" y2="{10 + plot_h}" stroke="#888"/></svg>')
    return "".join(parts)


def _table(headers: list[str], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f'<p class="note">{escape(empty)}</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(rows_cell for rows_cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _td(value: object, number: bool = False) -> str:
    return f'<td class="num">{escape(str(value))}</td>' if number else f"<td>{escape(str(value))}</td>"


def render(data: ReportData, *, course_name: str = "") -> str:
    """Return the whole report as an HTML document.

    Examples
    --------
    >>> from course.grading.report.figures import ReportData
    >>> render(ReportData()).startswith("<!DOCTYPE html>")
    True
    """
    graded = sum(1 for s in data.submissions if s.status == "graded")
    manual = sum(1 for s in data.submissions if s.needs_manual_grade)
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Grading report "
             f"{escape(course_name)}</title><style>{_STYLE}</style></head><body>",
             f"<h1>Grading report: {escape(course_name)}</h1>",
             f"<p>{len(data.submissions)} submissions, {graded} graded, {manual} waiting for manual grading, "
             f"{len(data.late)} late, {len({(p.assignment, p.student) for p in data.problems})} flagged.</p>",
             "<h2>Score distribution per assignment</h2>"]
    if not data.scores:
        parts.append('<p class="note">No graded submission yet.</p>')
    for summary in data.scores:
        parts.append(f"<figure>{histogram_svg(summary)}<figcaption><b>{escape(summary.assignment)}</b>: "
                     f"{summary.count} graded, mean {summary.mean:.0f} %, median {summary.median:.0f} %"
                     "</figcaption></figure>")
    parts.append("<h2>Pass rate per question (what the cohort failed most first)</h2>")
    rows = []
    for q in data.questions:
        css = "bar low" if q.pass_rate < 0.5 else "bar"
        rows.append([_td(q.assignment), _td(q.notebook), _td(q.cell), _td(q.submissions, True),
                     _td(q.passed, True),
                     f'<td class="num">{100 * q.pass_rate:.0f} % <span class="{css}" '
                     f'style="width:{6 * q.pass_rate:.2f}em"></span></td>'])
    parts.append(_table(["assignment", "notebook", "question", "graded", "full marks", "pass rate"], rows,
                        "No autograded question graded yet."))
    parts.append("<h2>Late submissions</h2>")
    parts.append(_table(
        ["assignment", "trainee", "submitted (UTC)", "due (UTC)", "late by"],
        [[_td(s.assignment), _td(s.student), _td(s.submitted_at), _td(s.due), _td(_duration(s.seconds_late), True)]
         for s in data.late], "No late submission."))
    parts.append("<h2>Submissions not graded, or graded with problems</h2>")
    parts.append(_table(["assignment", "trainee", "problem", "detail"],
                        [[_td(p.assignment), _td(p.student), _td(p.title), _td(p.detail)] for p in data.problems],
                        "Every submission was graded without problems."))
    parts.append("</body></html>")
    return "\n".join(parts)


def _duration(seconds: float) -> str:
    """Return ``seconds`` as days, hours and minutes.

    Examples
    --------
    >>> _duration(93784)
    '1 d 2 h 3 min'
    """
    minutes = int(seconds // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    return " ".join(f"{v} {u}" for v, u in ((days, "d"), (hours, "h"), (minutes, "min")) if v) or "< 1 min"
