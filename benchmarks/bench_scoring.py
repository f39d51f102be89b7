"""Dual scoring and segmenting 1,000,000 physician × product rows (target < 2 s).

Times :func:`course.accounts.score_physicians` on a synthetic table of 200,000
physicians × 5 products (potential from the physicians' patients, cut-offs as
quantiles per product, tier, call frequency, next ladder step), then a naive
per-row Python loop (:func:`course.accounts.score_physician` on each row) on a
20,000-row sample, extrapolated to a million rows, and checks that both give
identical results on the sample. Last, one update of each key-account widget on
the sample territory (target < 100 ms). Run with ``python -m benchmarks scoring``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from course.accounts import PotentialCutoffs, potential_cutoffs, score_physician, score_physicians

ROWS = 1_000_000
PRODUCTS = ("CARDIA", "GLYCO", "NEURA", "RESPI", "ONCO")
SAMPLE = 20_000
TARGET_S = 2.0


def make_tables(rows: int = ROWS, seed: int = 2026) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A physicians table and a prescribing table of ``rows`` physician × product rows."""
    rng = np.random.default_rng(seed)
    doctors = rows // len(PRODUCTS)
    ids = np.array([f"D{i:07d}" for i in range(doctors)], dtype=object)
    physicians = pd.DataFrame({"physician_id": ids, "patients_month": rng.integers(20, 900, doctors)})
    prescribing = pd.DataFrame(
        {
            "physician_id": np.repeat(ids, len(PRODUCTS)),
            "product": np.tile(np.array(PRODUCTS, dtype=object), doctors),
            "status": rng.integers(-4, 5, doctors * len(PRODUCTS)),
            "boxes_per_patient": rng.uniform(0.3, 3.0, doctors * len(PRODUCTS)).round(1),
            "indication_share": rng.uniform(0.02, 0.6, doctors * len(PRODUCTS)).round(2),
            "adoption_stage": rng.integers(0, 5, doctors * len(PRODUCTS)),
        }
    )
    return physicians, prescribing


def naive_loop(
    sample: pd.DataFrame, physicians: pd.DataFrame, cutoffs: dict[str, PotentialCutoffs]
) -> pd.DataFrame:
    """Score ``sample`` one row at a time in plain Python."""
    patients: dict[str, int] = dict(
        zip(physicians["physician_id"].tolist(), physicians["patients_month"].tolist(), strict=True)
    )
    out = []
    for doctor, product, status, share, boxes, stage in zip(
        sample["physician_id"].tolist(), sample["product"].tolist(), sample["status"].tolist(),
        sample["indication_share"].tolist(), sample["boxes_per_patient"].tolist(),
        sample["adoption_stage"].tolist(), strict=True,
    ):
        potential = patients[doctor] * share * boxes
        score = score_physician(status, potential, cutoffs[product], stage=stage)
        out.append((score.potential_class, score.tier, score.calls.planned, score.next_step))
    return pd.DataFrame(out, columns=["potential_class", "tier", "calls_planned", "next_step"])


def main() -> None:
    physicians, prescribing = make_tables()
    score_physicians(prescribing.head(1000), physicians)  # warm up imports and caches
    times = []
    for _ in range(3):
        start = time.perf_counter()
        scored = score_physicians(prescribing, physicians)
        times.append(time.perf_counter() - start)
    best = min(times)
    print(
        f"scoring and segmenting {len(scored):,} physician-product rows: {best:.2f} s "
        f"(best of 3: {', '.join(f'{t:.2f}' for t in times)}; target < {TARGET_S:g} s) "
        f"{'OK' if best < TARGET_S else 'TOO SLOW'}"
    )
    print("  tiers:", scored["tier"].value_counts().sort_index().to_dict())

    sample = prescribing.sample(SAMPLE, random_state=1).reset_index(drop=True)
    # both ways share the sample's own cut-offs (quantiles per product)
    potential = score_physicians(sample, physicians)[["product", "potential"]]
    cutoffs = {
        str(product): potential_cutoffs(group["potential"])
        for product, group in potential.groupby("product")
    }
    start = time.perf_counter()
    looped = naive_loop(sample, physicians, cutoffs)
    loop_s = time.perf_counter() - start
    start = time.perf_counter()
    fast = score_physicians(sample, physicians, cutoffs=cutoffs)
    fast_s = time.perf_counter() - start
    per_million = loop_s / SAMPLE * ROWS
    print(
        f"naive per-row loop: {SAMPLE:,} rows in {loop_s:.2f} s -> about {per_million:,.0f} s "
        f"for {ROWS:,} rows (extrapolated); vectorised is {per_million / best:,.0f}x faster"
    )
    columns = ["potential_class", "tier", "calls_planned", "next_step"]
    same = all(
        (fast[c].astype(str).to_numpy() == looped[c].astype(str).to_numpy()).all() for c in columns
    )
    print(
        f"vectorised on the same {SAMPLE:,}-row sample: {fast_s:.3f} s; "
        f"identical results to the loop: {'yes' if same else 'NO'}"
    )
    if not same:
        raise SystemExit("the vectorised and the per-row scoring disagree")
    widget_updates()


def _median_ms(steps: list[Callable[[], None]]) -> float:
    times = []
    for step in steps:
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def widget_updates() -> None:
    """Time one update of the hospital grader and of the physician scorecard."""
    from course.widgets.accounts import HospitalGrader, PhysicianScorecard

    grader = HospitalGrader()
    table_ms = _median_ms([lambda v=v: setattr(grader.cut_a, "value", v) for v in (60, 62, 64, 66, 65)])
    card = PhysicianScorecard()
    card_ms = _median_ms(
        [lambda v=v: setattr(card.patients, "value", v) for v in (100.0, 200.0, 300.0, 400.0, 500.0)]
    )
    grader.tabs.selected_index = 1
    chart_ms = _median_ms([lambda v=v: setattr(grader.cut_b, "value", v) for v in (30, 35, 40)])
    print(
        f"widget update on the sample territory: hospital grader {table_ms:.0f} ms (table), "
        f"physician scorecard {card_ms:.0f} ms (target < 100 ms); "
        f"the grader's chart tab redraws in {chart_ms:.0f} ms"
    )


if __name__ == "__main__":
    main()
