"""Planning a month for a 300-doctor territory (target < 1 s), and one call-planner update.

The territory is 300 scored doctors drawn from the sample city (a fixed draw) (their best tier
across products, A 4-8, B 2-4, C 1-2 calls a month) with the hospitals' positions;
the month is November 2026 (21 working days) at the training material's 10-15 calls a day. Such
a territory asks for far more calls than one rep can make, so the planner also
trims by priority — the hardest case for it. The median of several runs is printed.
Run with ``python -m benchmarks planning``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import pandas as pd

from course.data import load_sample
from course.planning import best_tier_per_doctor, plan_cycle, plan_day

DOCTORS = 300
TARGET_S = 1.0
WIDGET_TARGET_MS = 100.0
RUNS = 5


def territory(doctors: int = DOCTORS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``doctors`` doctors of the sample with their best tier, and the hospitals."""
    from course.accounts import score_physicians

    physicians = load_sample("physicians")
    scored = score_physicians(load_sample("prescribing"), physicians)
    best = best_tier_per_doctor(scored)[["physician_id", "tier", "stage"]]
    table = physicians.merge(best, on="physician_id").rename(columns={"stage": "adoption_stage"})
    table["tier"] = table["tier"].astype(str)
    chosen = table.sample(doctors, random_state=2026).sort_values("physician_id")
    return chosen.reset_index(drop=True), load_sample("hospitals")


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time of ``runs`` calls of ``action`` (the CPU time is printed beside it)."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    global last_cpu
    last_cpu = statistics.median(cpu)
    return statistics.median(times)


last_cpu = 0.0
"""CPU seconds of the last :func:`median_seconds` (less disturbed by a busy machine)."""


def _verdict(wall: float, cpu: float, target: float) -> str:
    """OK when the wall time meets the target; on a busy machine say whether the CPU time does."""
    if wall < target:
        return "OK"
    return "SLOW on the wall clock (busy machine?), CPU " + ("OK" if cpu < target else "SLOW")


def bench_month() -> None:
    doctors, hospitals = territory()
    plan = plan_cycle(doctors, 2026, 11, hospitals=hospitals)
    seconds = median_seconds(lambda: plan_cycle(doctors, 2026, 11, hospitals=hospitals))
    tiers = doctors["tier"].value_counts().reindex(list("ABCD"), fill_value=0).to_dict()
    print(f"territory: {len(doctors)} doctors {tiers}, {doctors['hospital_id'].nunique()} hospitals")
    print(f"month: {len(plan.days)} working days, demand {plan.demand} calls, "
          f"capacity {plan.capacity}, scheduled {plan.scheduled}, "
          f"not planned {plan.demand - plan.scheduled}")
    verdict = _verdict(seconds, last_cpu, TARGET_S)
    print(f"plan a month, 300 doctors: {seconds * 1000:.0f} ms, CPU {last_cpu * 1000:.0f} ms "
          f"(target < {TARGET_S:.0f} s) {verdict}")
    day_seconds = median_seconds(lambda: plan_day(plan.day(1), hospitals=hospitals))
    print(f"plan one day from the month: {day_seconds * 1000:.1f} ms, CPU {last_cpu * 1000:.1f} ms")


def bench_widget() -> None:
    from course.widgets.planning import CallPlanner

    planner = CallPlanner()
    values = iter([13, 12] * (RUNS + 1))

    def update() -> None:
        planner.calls_per_day.value = next(values)

    update()  # warm-up
    seconds = median_seconds(update)
    if planner.last_error is not None or planner.last_exception is not None:
        print(f"call planner update failed: {planner.feedback.value}")
        return
    verdict = _verdict(seconds, last_cpu, WIDGET_TARGET_MS / 1000)
    print(f"call planner, one update on the sample territory (month, day, measures): "
          f"{seconds * 1000:.0f} ms, CPU {last_cpu * 1000:.0f} ms "
          f"(target < {WIDGET_TARGET_MS:.0f} ms) {verdict}")
    alloc = iter([11, 10] * (RUNS + 1))

    def allocate() -> None:
        planner.total_calls.value = next(alloc)

    planner.tabs.selected_index = 3  # the chart is drawn only while its tab is open
    allocate()
    seconds = median_seconds(allocate)
    print(f"call planner, one allocation update with its response-curve chart: "
          f"{seconds * 1000:.0f} ms, CPU {last_cpu * 1000:.0f} ms")


def main() -> None:
    """Print the timings."""
    bench_month()
    bench_widget()


if __name__ == "__main__":
    main()
