"""Response curves (ADBUDG) and allocation by marginal return (CALLPLAN)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from course.errors import CourseInputError
from course.planning import CallAccount, ResponseCurve, allocate_calls, calibrate, response_table


def test_calibrated_curve_passes_through_the_four_judgments() -> None:
    curve = calibrate(20, 50, 80, 100, current_calls=4)
    assert curve.sales(0) == pytest.approx(20)
    assert curve.sales(2) == pytest.approx(50)    # -50%
    assert curve.sales(6) == pytest.approx(80)    # +50%
    assert curve.sales(1e6) == pytest.approx(100, abs=1e-3)  # saturation


def test_calibration_by_hand() -> None:
    # g(0.5) = 30/50 = 0.6, g(1.5) = 60/20 = 3 -> c = ln 5 / ln 3, d = 0.5^c / 0.6
    curve = calibrate(20, 50, 80, 100, current_calls=4)
    c = math.log(5) / math.log(3)
    assert curve.c == pytest.approx(c)
    assert curve.d == pytest.approx(0.5**c / 0.6)
    assert curve.sales(4) == pytest.approx(20 + 80 / (1 + 0.5**c / 0.6))


@pytest.mark.parametrize(
    ("judgments", "field"),
    [
        ((50, 40, 80, 100), "sales_at_minus_half"),
        ((20, 50, 100, 100), "sales_at_plus_half"),
        ((20, 50, 80, -1), "sales_at_saturation"),
    ],
)
def test_judgments_must_rise(judgments: tuple[float, ...], field: str) -> None:
    with pytest.raises(CourseInputError) as info:
        calibrate(*judgments, current_calls=4)
    assert info.value.field == field


def test_response_table_gains_by_hand() -> None:
    table = response_table(ResponseCurve(a=100, b=20, c=1, d=1, reference_calls=4), 4)
    # 20 + 80 x / (1 + x), x = calls / 4: 20, 36, 46.67, 54.29, 60
    assert table["sales"].round(2).tolist() == [20.0, 36.0, 46.67, 54.29, 60.0]
    assert table["marginal"].round(2).tolist()[1:] == [16.0, 10.67, 7.62, 5.71]


def three_accounts() -> list[CallAccount]:
    return [
        CallAccount("Renmin", calibrate(20, 50, 80, 100, current_calls=4), 1, 6),
        CallAccount("Zhongshan", ResponseCurve(a=60, b=10, c=1, d=1, reference_calls=2), 1, 6),
        CallAccount("District 3", ResponseCurve(a=30, b=5, c=1, d=2, reference_calls=2), 1, 6),
    ]


def test_allocation_of_ten_calls_by_hand() -> None:
    # From (1, 1, 1) the next calls go to the best gain: R 15.7, R 11.7, Z 8.3, R 8.2,
    # R 5.9, Z 5.0, R 4.3 -> (6, 3, 1): 80 + 40 + 10 = 130 against 125.6 for (4, 3, 3)
    result = allocate_calls(three_accounts(), 10)
    assert result.table["calls"].tolist() == [6, 3, 1]
    assert result.steps["account"].tolist() == [
        "Renmin", "Renmin", "Zhongshan", "Renmin", "Renmin", "Zhongshan", "Renmin"]
    assert result.total_sales == pytest.approx(130.0)
    assert result.table["equal_calls"].tolist() == [4, 3, 3]
    assert result.equal_total_sales == pytest.approx(69.88 + 40 + 15.71, abs=0.01)
    assert result.gain > 0


def test_min_and_max_frequencies_are_kept() -> None:
    accounts = three_accounts()
    capped = [CallAccount(a.name, a.curve, min_calls=2, max_calls=4) for a in accounts]
    result = allocate_calls(capped, 10)
    assert result.table["calls"].between(2, 4).all() and result.table["calls"].sum() == 10
    everything_capped = allocate_calls(capped, 20)
    assert everything_capped.table["calls"].tolist() == [4, 4, 4]
    assert everything_capped.time_used == 12


def test_greedy_equals_brute_force_on_concave_curves() -> None:
    rng = np.random.default_rng(7)
    for _ in range(20):
        accounts = [
            CallAccount(f"A{i}", ResponseCurve(a=float(rng.uniform(50, 150)), b=float(rng.uniform(0, 30)),
                                               c=float(rng.uniform(0.5, 1.0)), d=float(rng.uniform(0.5, 3)),
                                               reference_calls=float(rng.integers(1, 6))),
                        min_calls=1, max_calls=7)
            for i in range(3)
        ]
        total = int(rng.integers(3, 18))
        best = max(sum(a.curve.sales(n) for a, n in zip(accounts, ns, strict=True))  # type: ignore[misc]
                   for ns in itertools.product(range(1, 8), repeat=3) if sum(ns) == total)
        assert allocate_calls(accounts, total).total_sales == pytest.approx(best)


def test_travel_costs_time_and_moves_calls_to_the_near_account() -> None:
    same = ResponseCurve(a=100, b=10, c=1, d=1, reference_calls=3)
    near, far = CallAccount("near", same, 0, 10), CallAccount("far", same, 0, 10, travel=1.0)
    result = allocate_calls([near, far], 9)
    calls = result.table.set_index("account")["calls"]
    assert calls["near"] > calls["far"]
    assert result.time_used <= 9
    assert calls["near"] + 2 * calls["far"] == pytest.approx(result.time_used)


def test_too_few_calls_for_the_minimums_is_refused() -> None:
    with pytest.raises(CourseInputError) as info:
        allocate_calls(three_accounts(), 2)
    assert info.value.field == "total_calls" and "at least 3" in info.value.allowed
