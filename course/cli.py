"""The ``course`` command: ``course grade`` grades a cohort's submissions.

Examples
--------
>>> parser = build_parser()
>>> args = parser.parse_args(["grade", "--workers", "3", "--assignment", "ps1"])
>>> args.workers, args.assignment, args.sandbox
(3, ['ps1'], True)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from course.errors import CourseInputError
from course.grading.report.textsafe import terminal_text
from course.grading.sandbox.bwrap import Limits, SandboxUnavailable, probe
from course.grading.settings import load_config

__all__ = ["build_parser", "main"]


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Return the ``course`` argument parser.

    Examples
    --------
    >>> build_parser().parse_args(["grade", "--no-sandbox"]).sandbox
    False
    """
    defaults = Limits()
    parser = argparse.ArgumentParser(prog="course", description="Tools for the course's instructors.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    grade = commands.add_parser(
        "grade", help="grade every submission, in parallel and sandboxed, then write feedback and a report",
        description="Grade the submissions in submitted/{student}/{assignment}/ with nbgrader's rules: "
                    "in parallel, each kernel in a bubblewrap sandbox with time, memory and process limits. "
                    "Already graded, unchanged submissions are skipped, so an interrupted run can simply "
                    "be started again. Ends with nbgrader's feedback and reports/ (grades CSV, HTML report).")
    grade.add_argument("--course", type=Path, default=None,
                       help="the course folder, with nbgrader_config.py (default: the current folder)")
    grade.add_argument("--workers", "-j", type=_positive, default=None,
                       help=f"submissions graded at once (default: the number of cores, {os.cpu_count()})")
    grade.add_argument("--assignment", "-a", action="append", default=[], help="only this assignment (repeatable)")
    grade.add_argument("--student", "-s", action="append", default=[], help="only this trainee (repeatable)")
    grade.add_argument("--force", action="store_true", help="grade again submissions already graded")
    grade.add_argument("--no-sandbox", dest="sandbox", action="store_false",
                       help="run trainees' code WITHOUT the sandbox (it can then read and change the course's "
                            "files, solutions and gradebook); only where bubblewrap is unavailable")
    grade.add_argument("--cell-timeout", type=_positive, default=None,
                       help="seconds per cell (default: the course's Execute.timeout)")
    grade.add_argument("--notebook-timeout", type=_positive, default=defaults.notebook_timeout,
                       help="seconds per notebook, all cells together (default: %(default)s)")
    grade.add_argument("--memory", type=_positive, default=defaults.memory_mb,
                       help="memory per kernel in MB (default: %(default)s)")
    grade.add_argument("--max-processes", type=_positive, default=defaults.max_processes,
                       help="processes and threads per kernel (default: %(default)s)")
    grade.add_argument("--no-feedback", dest="feedback", action="store_false",
                       help="do not run nbgrader's generate_feedback afterwards")
    grade.add_argument("--no-report", dest="report", action="store_false", help="do not write reports/")
    grade.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    return parser


def _grade(args: argparse.Namespace) -> int:
    if args.sandbox:
        try:  # before the heavy imports: say at once when the sandbox is missing
            probe()
        except SandboxUnavailable as error:
            return _no_sandbox(error)
    # jsonschema (imported by nbformat) imports rfc3987_syntax, which builds ~40 parsers: 3 s of CPU
    # per run. Only jsonschema's "iri" format check uses it, and notebook schemas have none.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    from course.grading.run import GradeOptions, GradingBusy, grade_course

    shown = terminal_text

    if os.environ.get("PATH") is not None:
        # nbgrader shells out to alembic and friends from this environment's bin folder
        bin_dir = str(Path(sys.executable).parent)
        if bin_dir not in os.environ["PATH"].split(os.pathsep):
            os.environ["PATH"] = bin_dir + os.pathsep + os.environ["PATH"]
    limits = Limits(cell_timeout=args.cell_timeout, notebook_timeout=args.notebook_timeout,
                    memory_mb=args.memory, max_processes=args.max_processes)
    options = GradeOptions(
        course=(args.course or Path.cwd()).resolve(), workers=args.workers, students=tuple(args.student),
        assignments=tuple(args.assignment), sandbox=args.sandbox, limits=limits, force=args.force,
        feedback=args.feedback, report=args.report, progress=not args.quiet)
    if not args.sandbox:
        print("WARNING: grading without the sandbox: trainees' code runs with your rights and can read "
              "and change the course's sources, solutions and gradebook.", file=sys.stderr)
    warning = _collect_warning(options.course)
    if warning:
        print(warning, file=sys.stderr)
    try:
        summary = grade_course(options)
    except SandboxUnavailable as error:
        return _no_sandbox(error)
    except (CourseInputError, GradingBusy) as error:
        print(f"course grade: {shown(error, keep_newlines=True)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ncourse grade: interrupted; what was graded is saved, run the same command to go on.",
              file=sys.stderr)
        return 130
    rate = summary.graded / summary.seconds if summary.seconds else 0.0
    print(f"graded {summary.graded} submission(s) in {summary.seconds:.1f} s with {summary.workers} worker(s)"
          f" ({rate:.2f}/s){'' if summary.sandboxed else ', UNSANDBOXED'}; "
          f"{summary.already_graded} already graded; {len(summary.failed)} failed; "
          f"{len(summary.not_gradable)} not gradable; {len(summary.refused)} refused")
    # trainee ids, folder names and error text come from submissions: no escape sequence reaches the terminal
    for outcome in summary.failed:
        print(shown(f"  not graded: {outcome.job.student}/{outcome.job.assignment}: "
                    f"{(outcome.failure or '').splitlines()[0] if outcome.failure else ''}"), file=sys.stderr)
    for skipped in summary.not_gradable:
        print(shown(f"  not gradable: {skipped.student}/{skipped.assignment}: {skipped.reason}"), file=sys.stderr)
    for outcome in summary.refused:
        print(shown(f"  refused: {outcome.job.student}/{outcome.job.assignment}: {outcome.reasons[0].detail}"),
              file=sys.stderr)
    for kind, path in summary.outputs.items():
        print(shown(f"{kind}: {path}"))
    return 1 if summary.failed else 0


def _collect_warning(course: Path) -> str | None:
    """Return a warning when the course uses an exchange but nbgrader's link-following collect.

    Examples
    --------
    >>> _collect_warning(Path("/nonexistent")) is None
    True
    """
    try:
        config = load_config(course)
    except CourseInputError:
        return None
    exchange = Path(str(config.get("Exchange", {}).get("root", "/srv/nbgrader/exchange")))
    chosen = str(config.get("ExchangeFactory", {}).get("collect", ""))
    if not exchange.is_dir() or chosen.endswith("SafeExchangeCollect"):
        return None
    return ("course grade: warning: this course collects from the exchange with nbgrader's own collect, which "
            "copies the target of a trainee's symbolic link (the gradebook, a solution); add to nbgrader_config.py:\n"
            "    c.ExchangeFactory.collect = \"course.grading.discover.collect.SafeExchangeCollect\"")


def _no_sandbox(error: Exception) -> int:
    print(f"course grade: the sandbox is not available: {terminal_text(error, keep_newlines=True)}\n"
          "Install bubblewrap, or run with --no-sandbox to grade WITHOUT protection.", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``course`` command line; return its exit status.

    Examples
    --------
    >>> main(["grade", "--course", "/nonexistent/course"])
    2
    """
    args = build_parser().parse_args(argv)
    if args.command == "grade":
        return _grade(args)
    return 2  # pragma: no cover  (argparse rejects unknown commands)
