"""Cohort grading: plain ``nbgrader autograde`` (serial) against ``course grade`` (parallel, sandboxed).

Builds the demo course (``tests.grading.democourse``) in a temporary folder,
releases it with nbgrader, writes the same cohort of submissions (correct,
partly correct, blank) into two copies, grades one copy with
``nbgrader autograde`` (the demo course's plain configuration) and the other
with ``course grade --no-feedback --no-report`` (sandboxed, each notebook run
for its answers and judged in a clean kernel), checks that every grade agrees, and prints both throughputs,
their ratio and the CPU time each used. Both are timed as whole commands, as
an instructor runs them. CPU time is read from a ``cpuacct`` cgroup where one
can be created (it counts kernels that a sandbox reaps itself), else from the
resource usage of waited-for children (which then misses those kernels).

Run: ``make bench`` or ``python -m benchmarks grading``. Environment:
``BENCH_GRADING_SUBMISSIONS`` (default 60) and ``BENCH_GRADING_WORKERS``
(default: the number of cores).
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.grading import democourse as demo

KINDS = ("correct", "partial", "blank")


def _scores(root: Path) -> dict[tuple[str, str], tuple[float | None, int]]:
    query = """SELECT s.student_id, c.name, g.auto_score, g.needs_manual_grade FROM grade g
               JOIN submitted_notebook n ON g.notebook_id = n.id
               JOIN submitted_assignment s ON n.assignment_id = s.id
               JOIN base_cell c ON g.cell_id = c.id"""
    with sqlite3.connect(root / "gradebook.db") as db:
        return {(s, c): (a, int(m)) for s, c, a, m in db.execute(query)}


def _cpu_group() -> Path | None:
    """A cpuacct cgroup counting every descendant (kernels reaped inside a sandbox included)."""
    base = Path("/sys/fs/cgroup/cpuacct")
    folder = base / f"bench-grading-{os.getpid()}"
    try:
        folder.mkdir()
    except OSError:
        return None
    return folder


def _timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run ``command``; return wall seconds, CPU seconds of it and all its descendants, stdout."""
    env = {**os.environ, "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    group = _cpu_group()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()

    def join() -> None:  # runs in the child before exec: count it and everything it starts
        if group is not None:
            (group / "cgroup.procs").write_text(str(os.getpid()))

    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, preexec_fn=join)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} failed:\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if group is not None:
        cpu = int((group / "cpuacct.usage").read_text()) / 1e9
        group.rmdir()
    return wall, cpu, result.stdout


def main() -> None:
    """Grade the same cohort both ways and print the comparison."""
    count = int(os.environ.get("BENCH_GRADING_SUBMISSIONS", "60"))
    workers = int(os.environ.get("BENCH_GRADING_WORKERS", str(os.cpu_count() or 1)))
    print(f"cohort: {count} submissions ({', '.join(KINDS)}), {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        theirs = demo.build_course(Path(tmp) / "nbgrader")
        demo.release(theirs)
        for index in range(count):
            demo.write_submission(theirs, f"trainee{index:03d}", KINDS[index % len(KINDS)], index=index // 3,
                                  late=index % 10 == 0)
        ours = Path(tmp) / "course"
        shutil.copytree(theirs, ours)

        nb_wall, nb_cpu, _ = _timed([sys.executable, "-m", "nbgrader", "autograde", demo.ASSIGNMENT,
                                     "--log-level=ERROR"], theirs)
        print(f"nbgrader autograde (serial):  {nb_wall:6.1f} s  {count / nb_wall:5.2f} submissions/s  "
              f"CPU {nb_cpu:6.1f} s", flush=True)
        our_wall, our_cpu, out = _timed([sys.executable, "-m", "course", "grade", "--course", str(ours), "-q",
                                         "--workers", str(workers), "--no-feedback", "--no-report"], ours)
        print(f"course grade ({workers} workers, sandboxed): {our_wall:6.1f} s  {count / our_wall:5.2f} submissions/s  "
              f"CPU {our_cpu:6.1f} s", flush=True)
        print(f"  ({out.strip()})")

        mine, nbgraders = _scores(ours), _scores(theirs)
        differing = sorted(k for k in set(mine) | set(nbgraders) if mine.get(k) != nbgraders.get(k))
        if differing or len(mine) != 4 * count:
            raise SystemExit(f"scores differ for {len(differing)} cells, e.g. {differing[:5]}")
        print(f"scores agree: {len(mine)} grades")
        print(f"throughput ratio course grade / nbgrader autograde: {nb_wall / our_wall:.2f}x "
              f"(CPU per submission {nb_cpu / count:.2f} s vs {our_cpu / count:.2f} s; "
              f"load average now {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
