"""Rogers' adopter categories: the percentages, the boundaries, the table version."""

from __future__ import annotations

import pandas as pd
import pytest

from course.errors import CourseInputError
from course.portfolio import ADOPTER_CATEGORIES, adopter_category, adopter_counts, classify_adopters


def test_the_material_percentages_and_names() -> None:
    assert [c.share for c in ADOPTER_CATEGORIES] == [0.025, 0.135, 0.34, 0.34, 0.16]
    assert sum(c.share for c in ADOPTER_CATEGORIES) == pytest.approx(1.0)
    assert [c.upto for c in ADOPTER_CATEGORIES] == [0.025, 0.16, 0.50, 0.84, 1.0]
    assert [c.name.zh for c in ADOPTER_CATEGORIES] == ["创新者", "早期采用者", "早期大众", "晚期大众", "落后者"]


@pytest.mark.parametrize(
    ("rank", "n", "category"),
    [
        (1, 40, "innovators"),       # exactly 2.5%
        (2, 40, "early_adopters"),
        (1, 39, "early_adopters"),   # fewer than 40 adopters: no innovator
        (16, 100, "early_adopters"), # exactly 16%
        (17, 100, "early_majority"),
        (50, 100, "early_majority"), # exactly 50%
        (51, 100, "late_majority"),
        (84, 100, "late_majority"),  # exactly 84%
        (85, 100, "laggards"),
        (100, 100, "laggards"),
        (1, 1, "laggards"),          # a single adopter is 100% of them
    ],
)
def test_category_boundaries(rank: int, n: int, category: str) -> None:
    assert adopter_category(rank, n).code == category


def test_counts_for_one_thousand_match_the_percentages_exactly() -> None:
    counts = adopter_counts(1000)
    assert list(counts["adopters"]) == [25, 135, 340, 340, 160]
    assert list(counts["last_rank"]) == [25, 160, 500, 840, 1000]


def test_counts_for_a_small_group_leave_empty_categories() -> None:
    counts = adopter_counts(10)
    assert list(counts["adopters"]) == [0, 1, 4, 3, 2]
    assert list(counts["first_rank"]) == [0, 1, 2, 6, 9]


def test_bad_ranks() -> None:
    with pytest.raises(CourseInputError, match="rank: got 0"):
        adopter_category(0, 10)
    with pytest.raises(CourseInputError, match="n: got 0"):
        adopter_category(1, 0)
    with pytest.raises(CourseInputError, match=r"rank: got 2\.5"):
        adopter_category(2.5, 10)  # type: ignore[arg-type]


def _doctors(n: int = 50) -> pd.DataFrame:
    dates = pd.date_range("2024-01-01", periods=n, freq="7D")
    frame = pd.DataFrame({"physician_id": [f"D{i:03d}" for i in range(n)],
                          "first_rx_date": dates.strftime("%Y-%m-%d")})
    return frame.iloc[::-1].reset_index(drop=True)  # order of rows must not matter


def test_classify_adopters_by_first_prescription_date() -> None:
    doctors = _doctors(50)
    out = classify_adopters(doctors)
    by_id = out.set_index("physician_id")
    assert by_id.loc["D000", "adoption_rank"] == 1
    assert by_id.loc["D000", "category"] == "innovators"      # 1/50 = 2%
    assert by_id.loc["D001", "category"] == "early_adopters"  # 2/50 = 4%
    assert by_id.loc["D007", "category"] == "early_adopters"  # 8/50 = 16%
    assert by_id.loc["D008", "category"] == "early_majority"
    assert by_id.loc["D049", "category_label"] == "Laggards (落后者)"
    assert out["category"].value_counts().to_dict() == {
        "early_majority": 17, "late_majority": 17, "laggards": 8, "early_adopters": 7, "innovators": 1}
    assert list(doctors.columns) == ["physician_id", "first_rx_date"]  # input untouched


def test_non_adopters_and_same_day_adopters() -> None:
    doctors = pd.DataFrame({
        "physician_id": ["A", "B", "C", "D", "E"],
        "first_rx_date": ["2025-02-01", None, "2025-01-10", "2025-02-01", ""],
    })
    out = classify_adopters(doctors)
    assert list(out["adopters"]) == [3] * 5
    assert out["adoption_rank"].tolist() == [2, pd.NA, 1, 2, pd.NA]
    assert out.loc[0, "category"] == out.loc[3, "category"] == "late_majority"  # 2/3
    assert pd.isna(out.loc[1, "category"]) and pd.isna(out.loc[4, "category"])


def test_nobody_has_adopted_yet() -> None:
    out = classify_adopters(pd.DataFrame({"first_rx_date": [None, None]}))
    assert out["category"].isna().all()
    assert list(out["adopters"]) == [0, 0]


def test_bad_dates_are_named_by_row() -> None:
    doctors = pd.DataFrame({"first_rx_date": ["2025-01-01", "next week", "2025-13-45"]})
    with pytest.raises(CourseInputError) as caught:
        classify_adopters(doctors)
    assert [p.row for p in caught.value.problems] == [2, 3]
    assert "first_rx_date: got 'next week'" in str(caught.value)
    with pytest.raises(CourseInputError, match="missing: \\['first_rx_date'\\]"):
        classify_adopters(pd.DataFrame({"date": ["2025-01-01"]}))
