"""The scoring benchmark's per-row loop and the vectorised scoring agree."""

from __future__ import annotations

from benchmarks.bench_scoring import make_tables, naive_loop
from course.accounts import potential_cutoffs, score_physicians


def test_naive_loop_and_vectorised_scoring_agree() -> None:
    physicians, prescribing = make_tables(rows=2_000, seed=5)
    scored = score_physicians(prescribing, physicians)
    cutoffs = {str(p): potential_cutoffs(g["potential"]) for p, g in scored.groupby("product")}
    looped = naive_loop(prescribing, physicians, cutoffs)
    fast = score_physicians(prescribing, physicians, cutoffs=cutoffs)
    for column in ("potential_class", "tier", "calls_planned", "next_step"):
        assert fast[column].astype(str).tolist() == looped[column].astype(str).tolist()
    # the default (quantiles of the table per product) is the same as those cut-offs
    assert scored["tier"].tolist() == fast["tier"].tolist()
