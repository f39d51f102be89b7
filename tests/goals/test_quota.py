"""Management by objectives: cascade, phasing, rounding, the gap to quota, fairness."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course.data.io import load_sample
from course.errors import CourseInputError
from course.goals import (
    FAIRNESS_THRESHOLD,
    allocate_quota,
    backtest_allocation,
    blend_shares,
    cascade_quota,
    correlation,
    district_name,
    fairness_check,
    largest_remainder,
    monthly_sales,
    phase_into_months,
    phase_quotas,
    plan_to_quota,
    quota_accounts,
    seasonality,
    stretch_target,
)
from course.i18n import set_language

TERRITORIES = pd.DataFrame({"territory": ["N", "S", "E"], "history": [500, 300, 200],
                            "potential": [200, 500, 300]})


def test_national_target_is_budget_plus_stretch() -> None:
    assert stretch_target(100_000, 0.08) == 108_000
    assert stretch_target(100_000, 0) == 100_000
    with pytest.raises(CourseInputError):
        stretch_target(100_000, 1.5)


def test_largest_remainder_hand_checked() -> None:
    # exact 33.33 each: floors 33+33+33 = 99, one left goes to the first (ties, stable)
    assert largest_remainder(100, [1, 1, 1]).tolist() == [34, 33, 33]
    # exact 2.5, 3.5, 4.0: floors 2, 3, 4 = 9; the one left goes to a .5 (the first)
    assert largest_remainder(10, [2.5, 3.5, 4.0]).tolist() == [3, 3, 4]
    # exact 1.4, 1.4, 2.2 -> floors 1, 1, 2 = 4; the last unit to the largest remainder .4 (first)
    assert largest_remainder(5, [1.4, 1.4, 2.2]).tolist() == [2, 1, 2]
    assert largest_remainder(7, [0, 0]).tolist() == [4, 3]
    assert largest_remainder(0, [1, 2]).tolist() == [0, 0]


@pytest.mark.parametrize("seed", range(20))
def test_largest_remainder_always_sums_exactly(seed: int) -> None:
    rng = np.random.default_rng(seed)
    weights = rng.random(int(rng.integers(1, 40))) * rng.choice([1, 1e-6, 1e6])
    total = int(rng.integers(0, 1_000_000))
    parts = largest_remainder(total, weights)
    assert parts.sum() == total and (parts >= 0).all()
    assert np.abs(parts - total * weights / weights.sum()).max() < 1 + 1e-9


def test_largest_remainder_rejects_bad_weights() -> None:
    for bad in ([1, float("nan")], [1, -2], []):
        with pytest.raises(CourseInputError):
            largest_remainder(10, bad)
    with pytest.raises(CourseInputError):
        largest_remainder(10.5, [1])  # type: ignore[arg-type]


def test_blend_is_w_history_plus_one_minus_w_potential() -> None:
    out = blend_shares(TERRITORIES, weight=0.7)
    # N: 0.7*0.5 + 0.3*0.2 = 0.41; S: 0.7*0.3 + 0.3*0.5 = 0.36; E: 0.7*0.2 + 0.3*0.3 = 0.23
    assert out["share"].round(10).tolist() == [0.41, 0.36, 0.23]
    assert blend_shares(TERRITORIES, weight=1)["share"].tolist() == [0.5, 0.3, 0.2]
    assert blend_shares(TERRITORIES, weight=0)["share"].tolist() == [0.2, 0.5, 0.3]
    assert "share" not in TERRITORIES.columns  # the input is not changed


def test_allocate_quota_sums_to_the_target() -> None:
    out = allocate_quota(10_001, TERRITORIES, weight=0.7)
    # exact 4100.41, 3600.36, 2300.23 -> floors 4100+3600+2300 = 10000; +1 to N (.41)
    assert out["quota"].tolist() == [4101, 3600, 2300]


def test_allocation_input_errors() -> None:
    with pytest.raises(CourseInputError) as weight:
        allocate_quota(1000, TERRITORIES, weight=1.2)
    assert weight.value.field == "weight"
    with pytest.raises(CourseInputError) as missing:
        allocate_quota(1000, TERRITORIES.drop(columns="potential"))
    assert "potential" in str(missing.value)
    with pytest.raises(CourseInputError):
        allocate_quota(1000, TERRITORIES.assign(history=[1, -1, 2]))
    with pytest.raises(CourseInputError):
        allocate_quota(1000, TERRITORIES.iloc[:0])
    with pytest.raises(CourseInputError):
        allocate_quota(1000, TERRITORIES.assign(potential=0), weight=0.5)
    # potential all zero is fine when it has no weight
    assert allocate_quota(1000, TERRITORIES.assign(potential=0), weight=1)["quota"].tolist() == [500, 300, 200]


def test_cascade_adds_up_at_every_level() -> None:
    accounts = pd.DataFrame({
        "territory": ["N", "N", "S", "S", "S"], "account": ["H1", "H2", "H3", "H4", "H5"],
        "history": [300, 100, 250, 250, 100], "potential": [100, 300, 200, 100, 300]})
    c = cascade_quota(2_000, accounts, weight=0.5)
    # territory N: history 400/1000, potential 400/1000 -> share 0.4 -> 800; S 1200
    assert c.territories["quota"].tolist() == [800, 1200]
    # within N: H1 0.5*0.75 + 0.5*0.25 = 0.5 -> 400; H2 400
    assert c.accounts.set_index("account")["quota"].to_dict() == {
        "H1": 400, "H2": 400,
        # within S: H3 0.5*(250/600) + 0.5*(200/600) = 0.375 -> 450; H4 0.2917 -> 350; H5 0.3333 -> 400
        "H3": 450, "H4": 350, "H5": 400}
    by_territory = c.accounts.groupby("territory")["quota"].sum()
    assert by_territory.to_dict() == {"N": 800, "S": 1200}


def test_cascade_territory_without_history_splits_by_potential() -> None:
    accounts = pd.DataFrame({"territory": ["N", "N", "S"], "history": [0, 0, 100],
                             "potential": [100, 300, 100]})
    c = cascade_quota(1000, accounts, weight=0.5)
    n = c.accounts[c.accounts["territory"] == "N"]["quota"].tolist()
    assert sum(n) == c.territories.set_index("territory").loc["N", "quota"]
    assert n[1] == 3 * n[0] or abs(n[1] - 3 * n[0]) <= 3


def test_seasonality_and_phasing_hand_checked() -> None:
    sales = pd.DataFrame({"month": ["2025-11", "2025-12", "2026-11", "2026-12"],
                          "boxes": [100, 300, 300, 300]})
    pattern = seasonality(sales)
    # November mean 200, December mean 300 -> 0.4 and 0.6
    assert pattern.round(10).to_dict() == {11: 0.4, 12: 0.6}
    assert phase_into_months(1001, ["2026-11", "2026-12"], pattern).tolist() == [400, 601]
    assert phase_into_months(1000, ["2027-01", "2027-02", "2027-03"]).tolist() == [334, 333, 333]
    table = phase_quotas(pd.Series({"N": 501, "S": 499}), ["2026-11", "2026-12"], pattern)
    assert table.sum(axis=1).to_dict() == {"N": 501, "S": 499}
    with pytest.raises(CourseInputError) as info:
        phase_into_months(100, ["2026-13"])
    assert info.value.field == "months"


def test_sample_seasonality_covers_its_six_months() -> None:
    pattern = seasonality(load_sample("sales"))
    assert list(pattern.index) == [5, 6, 7, 8, 9, 10]
    assert pattern.sum() == pytest.approx(1.0)


def test_plan_to_quota_follows_the_materials_steps() -> None:
    forecast = pd.DataFrame({"product": ["CARDIA", "GLYCO", "NEURA"],
                             "forecast": [500, 300, 100], "potential": [600, 500, 100]})
    plan = plan_to_quota(forecast, 1_000)
    assert plan.forecast_total == 900 and plan.gap == 100 and not plan.on_track
    # headroom 100 and 200: the gap of 100 splits 33.3 / 66.7 -> 33 / 67
    assert plan.table["extra"].tolist() == [33, 67, 0]
    assert plan.table["plan"].sum() == 1_000
    short = plan_to_quota(forecast, 1_400)
    assert short.table["extra"].tolist() == [100, 200, 0] and short.shortfall == 200
    assert plan_to_quota(forecast, 800).on_track


def test_correlation_and_fairness_hand_checked() -> None:
    assert correlation([1, 2, 3], [1, 2, 3]) == pytest.approx(1.0)
    assert correlation([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    t = pd.DataFrame({"quota": [100, 100, 100], "actual": [80, 100, 120],
                      "size": [30, 20, 10], "growth": [0.0, 0.1, 0.0]})
    r = fairness_check(t)
    assert r.table["attainment"].tolist() == [0.8, 1.0, 1.2]
    assert r.r_size == pytest.approx(-1.0) and r.r_growth == pytest.approx(0.0, abs=1e-12)
    assert not r.fair and FAIRNESS_THRESHOLD == 0.5
    mild = pd.DataFrame({"quota": [100, 200, 300, 400], "actual": [100, 190, 310, 400],
                         "size": [10, 20, 30, 40], "growth": [0.05, 0.0, 0.1, 0.02]})
    # r_size 0.31, r_growth 0.90: unfair at the default limit, fair at a limit of 0.95
    assert not fairness_check(mild).fair and fairness_check(mild, threshold=0.95).fair
    spearman = fairness_check(mild, method="spearman")
    # attainment ranks 2.5, 1, 4, 2.5 against 1, 2, 3, 4: r = 1.5 / sqrt(4.5 * 5) = 1 / sqrt(10)
    assert spearman.r_size == pytest.approx(1 / np.sqrt(10)) and spearman.method == "spearman"


def test_fairness_needs_three_quotas_and_numbers() -> None:
    t = pd.DataFrame({"quota": [100, 0], "actual": [1, 2], "size": [1, 2], "growth": [0, 1]})
    with pytest.raises(CourseInputError):
        fairness_check(t)
    with pytest.raises(CourseInputError):
        fairness_check(pd.concat([t] * 2).assign(actual=["a", 1, 2, 3]))


def test_backtest_history_only_makes_attainment_track_growth() -> None:
    sales = pd.DataFrame({"territory": list("ABC") * 2,
                          "month": ["2026-01"] * 3 + ["2026-02"] * 3,
                          "boxes": [100, 100, 100, 130, 100, 70]})
    potential = pd.Series({"A": 1.0, "B": 1.0, "C": 1.0})
    history_only = backtest_allocation(sales, potential, weight=1.0)
    assert history_only.table["attainment"].round(6).tolist() == [1.3, 1.0, 0.7]
    assert history_only.r_growth == pytest.approx(1.0) and not history_only.fair


def test_sample_territory_inputs_and_backtest() -> None:
    hospitals = load_sample("hospitals")
    accounts = quota_accounts(load_sample("sales"), hospitals, load_sample("physicians"),
                              load_sample("prescribing"))
    assert len(accounts) == len(hospitals) and (accounts["potential"] > 0).all()
    # history is boxes a month, and no hospital sells more than its potential
    assert (accounts["history"] <= accounts["potential"]).all()
    cascade = cascade_quota(80_000, accounts, weight=0.5)
    assert cascade.accounts["quota"].sum() == 80_000 and len(cascade.territories) == 7
    per_hospital = monthly_sales(load_sample("sales"), hospitals, by="hospital_id")
    report = backtest_allocation(per_hospital, accounts.set_index("account")["potential"],
                                 unit="hospital_id", weight=1.0)
    assert report.r_growth == pytest.approx(1.0, abs=0.01) and not report.fair
    blended = backtest_allocation(per_hospital, accounts.set_index("account")["potential"],
                                  unit="hospital_id", weight=0.5)
    assert blended.fair


def test_a_district_is_named_in_the_language_in_force() -> None:
    accounts = quota_accounts(load_sample("sales"), load_sample("hospitals"), load_sample("physicians"),
                              load_sample("prescribing"))
    try:
        set_language("zh")
        assert [district_name(t) for t in accounts["territory"].unique()] == list(accounts["territory"].unique())
        set_language("en")
        names = [district_name(t) for t in accounts["territory"].unique()]
        assert "Jiangbei" in names and all(n.isascii() for n in names)
        assert district_name("North") == "North"  # a district of another territory keeps its name
    finally:
        set_language("en")
