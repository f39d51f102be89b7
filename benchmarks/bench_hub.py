"""Capacity of the course's hub on this machine: one trainee's server, then a class at once.

Sets up the hub exactly as ``deploy/`` does (real accounts, PAM, one server per trainee, on
127.0.0.1 only; see ``deploy/hubkit.py``), then

1. one trainee logs in, starts his server and runs a lesson's code cells through his
   server's kernel API: the memory (PSS of his server and kernel) and CPU time it takes;
2. ``BENCH_HUB_USERS`` trainees (default 30) at once log in, start their servers and run
   the same lesson: p50/p95 server start time and cell latency, the hub's errors.

Everything is bounded: per-request time-outs, a whole-run limit (``BENCH_HUB_DEADLINE``
seconds, default 900), and every server, process and account is removed at the end.
The capacity table in docs/hub.md is derived from these figures.

Run: ``make bench`` (as root) or ``python -m benchmarks hub``. Environment:
``BENCH_HUB_USERS``, ``BENCH_HUB_LESSON`` (default notebooks/02_time.ipynb),
``BENCH_HUB_DEADLINE``.
"""

from __future__ import annotations

import json
import os
import pwd
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy"))

import hubkit  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def _cells(lesson: Path) -> list[str]:
    nb = json.loads(lesson.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def _processes_of(uid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def usage(uid: int) -> tuple[float, float]:
    """(memory in MB as PSS, CPU seconds) of every process run by ``uid``."""
    pss_kb, ticks = 0, 0
    for pid in _processes_of(uid):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss_kb += int(line.split()[1])
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return pss_kb / 1024, ticks / TICK


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def one_trainee(hub: hubkit.Hub, name: str, cells: list[str], deadline: float) -> dict[str, float]:
    """Login, start, run the lesson; the server's memory and CPU before and after."""
    user = hubkit.UserClient(hub.url, name, hub.passwords[name])
    user.login()
    start = user.start_server()
    user.get_token()
    uid = pwd.getpwnam(name).pw_uid
    time.sleep(2)
    idle_mb, cpu0 = usage(uid)
    kernel = user.kernel()
    t0 = time.monotonic()
    errors = 0
    for code in cells:
        if time.monotonic() > deadline:
            raise hubkit.HubError("the bench's time limit was reached")
        errors += bool(kernel.execute(code, timeout=120)[1])
    wall = time.monotonic() - t0
    busy_mb, cpu1 = usage(uid)
    kernel.close()
    return {"start_s": start, "start_cpu_s": cpu0, "idle_mb": idle_mb, "lesson_mb": busy_mb,
            "lesson_cpu_s": cpu1 - cpu0, "lesson_wall_s": wall, "errors": errors}


def trainee_run(hub: hubkit.Hub, name: str, cells: list[str], deadline: float) -> dict[str, object]:
    """One simulated trainee of the class: login, start, every cell of the lesson."""
    result: dict[str, object] = {"name": name, "start": None, "cells": [], "error": None}
    try:
        user = hubkit.UserClient(hub.url, name, hub.passwords[name])
        user.login()
        result["start"] = user.start_server(timeout=max(10.0, min(300.0, deadline - time.monotonic())))
        user.get_token()
        kernel = user.kernel()
        latencies: list[float] = []
        for code in cells:
            if time.monotonic() > deadline:
                raise hubkit.HubError("time limit reached")
            t0 = time.monotonic()
            _, errors = kernel.execute(code, timeout=120)
            latencies.append(time.monotonic() - t0)
            if errors:
                raise hubkit.HubError(f"cell error: {errors[0]}")
        result["cells"] = latencies
        result["memory_mb"] = usage(pwd.getpwnam(name).pw_uid)[0]  # server + kernel, the lesson run
        kernel.close()
    except Exception as error:
        result["error"] = f"{type(error).__name__}: {error}"[:200]
    return result


def main() -> None:
    if os.geteuid() != 0:
        print("bench_hub: skipped (creates Linux accounts: run as root)")
        return
    if not hubkit.PROXY.exists():
        print("bench_hub: skipped (configurable-http-proxy missing: make proxy)")
        return
    count = int(os.environ.get("BENCH_HUB_USERS", "30"))
    lesson = ROOT / os.environ.get("BENCH_HUB_LESSON", "notebooks/02_time.ipynb")
    limit = float(os.environ.get("BENCH_HUB_DEADLINE", "900"))
    cells = _cells(lesson)
    users = {"solo": "trainee", **{f"t{i:02d}": "trainee" for i in range(1, count + 1)}}
    t_setup = time.monotonic()
    with hubkit.temp_hub(users) as hub:
        print(f"hub up with {len(users)} accounts in {time.monotonic() - t_setup:.0f} s "
              f"({os.cpu_count()} cores); lesson {lesson.name}: {len(cells)} code cells", flush=True)
        deadline = time.monotonic() + limit
        solo = one_trainee(hub, hub.names["solo"], cells, deadline)  # type: ignore[attr-defined]
        print(f"one trainee: server start {solo['start_s']:.1f} s; memory {solo['idle_mb']:.0f} MB idle, "
              f"{solo['lesson_mb']:.0f} MB with the lesson run (server + kernel, PSS); "
              f"lesson: {solo['lesson_cpu_s']:.1f} CPU s in {solo['lesson_wall_s']:.1f} s; "
              f"cell errors {solo['errors']:.0f}", flush=True)

        names = [hub.names[f"t{i:02d}"] for i in range(1, count + 1)]  # type: ignore[attr-defined]
        log_start = len(hub.log.read_text(errors="replace"))
        t0 = time.monotonic()
        with ThreadPoolExecutor(max_workers=count) as pool:
            futures = [pool.submit(trainee_run, hub, name, cells, deadline) for name in names]
            results = [f.result() for f in as_completed(futures)]
        wall = time.monotonic() - t0
        peak_mb = sum(float(r.get("memory_mb") or 0) for r in results)  # type: ignore[arg-type]
        hub_log = hub.log.read_text(errors="replace")[log_start:]
        hub_errors = [ln for ln in hub_log.splitlines() if ln.startswith("[E ")]
        hub_warnings = [ln for ln in hub_log.splitlines() if ln.startswith("[W ")]
        starts = [float(r["start"]) for r in results if r["start"] is not None]  # type: ignore[arg-type]
        latencies = [x for r in results for x in r["cells"]]  # type: ignore[attr-defined]
        failed = [r for r in results if r["error"]]
        print(f"{count} trainees at once: done in {wall:.0f} s; "
              f"server start p50 {_pct(starts, 0.5):.1f} s, p95 {_pct(starts, 0.95):.1f} s, max {max(starts, default=0):.1f} s; "
              f"cell latency p50 {_pct(latencies, 0.5):.2f} s, p95 {_pct(latencies, 0.95):.2f} s "
              f"({len(latencies)} cells); memory of their servers and kernels after the lesson "
              f"{peak_mb:.0f} MB ({peak_mb / max(1, count - len(failed)):.0f} MB each)", flush=True)
        print(f"failures: {len(failed)} of {count} trainees; hub log: {len(hub_errors)} errors, "
              f"{len(hub_warnings)} warnings", flush=True)
        for r in failed[:5]:
            print(f"  {r['name']}: {r['error']}")
        for line in (hub_errors + hub_warnings)[:5]:
            print(f"  hub: {line[:200]}")
        per_trainee_gb = solo["lesson_mb"] / 1024
        print(f"capacity: memory per trainee {solo['lesson_mb']:.0f} MB (server + kernel after the lesson), "
              f"1.5 GB kept for the system and the hub; CPU per trainee {solo['start_cpu_s']:.1f} s to start "
              f"the server, {solo['lesson_cpu_s']:.1f} s for the whole lesson")
        print("  cores  RAM GB  trainees logged in (memory)  whole class of that size logging in at once (CPU)")
        for cores, ram in ((2, 8), (4, 16), (8, 32), (16, 64), (32, 128)):
            by_memory = int((ram - 1.5) / per_trainee_gb)
            storm = by_memory * solo["start_cpu_s"] / cores
            print(f"  {cores:5d}  {ram:6d}  {by_memory:27d}  servers ready in about {storm:.0f} s")
    print("all servers stopped, accounts removed")


if __name__ == "__main__":
    main()
