"""The sample territory: reproducible, valid, and realistic where a trainee would look."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course.data import (
    SCHEMAS,
    check_references,
    generate_territory,
    load_sample,
    load_territory,
    read_table,
)
from course.data._names import HOLIDAYS, SURNAMES
from course.data.io import SAMPLE_DIR, write_tables
from course.data.schema import TITLES, WASTERS
from course.dev.sample import render_readme


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return load_territory().tables()


@pytest.fixture(scope="module")
def fresh() -> dict[str, pd.DataFrame]:
    return generate_territory()


# ------------------------------------------------------------------ determinism and validity


def test_shipped_csvs_equal_a_fresh_generation(fresh: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    write_tables(fresh, tmp_path)
    for name in SCHEMAS:
        shipped = (SAMPLE_DIR / f"{name}.csv").read_bytes()
        assert (tmp_path / f"{name}.csv").read_bytes() == shipped, f"{name}.csv is stale: run python -m course.dev.sample"
        pd.testing.assert_frame_equal(read_table(tmp_path / f"{name}.csv", name), load_sample(name))
        pd.testing.assert_frame_equal(fresh[name], load_sample(name))


def test_readme_is_current(fresh: dict[str, pd.DataFrame]) -> None:
    readme = (SAMPLE_DIR / "README.md").read_text(encoding="utf-8")
    assert readme == render_readme(fresh)
    for schema in SCHEMAS.values():
        assert f"### `{schema.name}.csv`" in readme
        for col in schema.columns:
            assert f"| `{col.name}` |" in readme


def test_another_seed_gives_another_city_with_the_same_shape(fresh: dict[str, pd.DataFrame]) -> None:
    other = generate_territory(seed=7)
    assert list(other) == list(fresh)
    assert not other["physicians"]["name_zh"].equals(fresh["physicians"]["name_zh"])
    assert len(other["hospitals"]) == 40
    pd.testing.assert_frame_equal(other["product_history"], fresh["product_history"])


def test_every_shipped_table_validates_and_references_resolve(t: dict[str, pd.DataFrame]) -> None:
    assert set(t) == set(SCHEMAS)
    for name, frame in t.items():
        assert list(frame.columns) == SCHEMAS[name].names
        assert len(frame) > 0
    check_references(t)


def test_shipped_files_are_small() -> None:
    total = sum(p.stat().st_size for p in SAMPLE_DIR.iterdir())
    assert total < 800_000


# ------------------------------------------------------------------ hospitals and departments


def test_about_forty_hospitals_of_every_grade(t: dict[str, pd.DataFrame]) -> None:
    h = t["hospitals"]
    assert 35 <= len(h) <= 45
    levels = h["level"]
    assert (levels == "三级甲等").sum() >= 3
    assert (levels == "三级乙等").sum() >= 2
    assert levels.str.startswith("二级").sum() >= 10
    assert levels.str.startswith("一级").sum() >= 5
    top = h[levels == "三级甲等"]
    assert top["beds"].between(1000, 3000).all()
    assert (h.loc[levels.str.startswith("一级"), "beds"] < 100).all()
    assert h["name_zh"].str.contains("社区卫生服务中心").sum() >= 5
    assert h[["x_km", "y_km"]].abs().max().max() <= 25


def test_volumes_follow_beds_and_grade(t: dict[str, pd.DataFrame]) -> None:
    h = t["hospitals"].copy()
    h["cls"] = np.select([h["level"] == "三级甲等", h["level"].str.startswith("三级"), h["level"].str.startswith("二级")],
                         [0, 1, 2], default=3)
    medians = h.groupby("cls")[["beds", "outpatient_visits_month", "drug_sales_mrmb", "medication_level"]].median()
    for col in medians:
        assert medians[col].is_monotonic_decreasing, col
    assert h["beds"].corr(h["outpatient_visits_month"]) > 0.9
    # a 三甲 hospital sees about 100 outpatients a bed a month
    per_bed = h.loc[h["cls"] == 0, "outpatient_visits_month"] / h.loc[h["cls"] == 0, "beds"]
    assert per_bed.between(70, 160).all()


def test_bigger_hospitals_have_more_departments(t: dict[str, pd.DataFrame]) -> None:
    d = t["departments"].merge(t["hospitals"][["hospital_id", "level"]], on="hospital_id")
    count = d.groupby("hospital_id").agg(n=("specialty", "size"), level=("level", "first"))
    assert (count.loc[count["level"] == "三级甲等", "n"] == 8).all()
    assert (count.loc[count["level"].str.startswith("一级"), "n"] == 1).all()
    assert count.loc[count["level"].str.startswith("二级"), "n"].between(4, 8).all()
    assert (d["department_id"].str[:4] == d["hospital_id"] + "-").all()


# ------------------------------------------------------------------ physicians


def test_about_600_physicians_with_plausible_chinese_names(t: dict[str, pd.DataFrame]) -> None:
    p = t["physicians"]
    assert 550 <= len(p) <= 650
    assert p["name_zh"].is_unique
    assert p["name_zh"].str.len().between(2, 3).all()
    assert p["name_zh"].str[0].isin(list(SURNAMES)).all()
    # the commonest surnames are the commonest here too
    top = p["name_zh"].str[0].value_counts().index[:5]
    assert len(set(top) & {"王", "李", "张", "刘", "陈"}) >= 3
    assert p["name_en"].str.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+").all()
    assert p["name_en"].str.split(" ").str[0].eq(p["name_zh"].str[0].map(lambda s: SURNAMES[s][0])).all()


def test_titles_are_distributed_realistically(t: dict[str, pd.DataFrame]) -> None:
    share = t["physicians"]["title"].value_counts(normalize=True)
    assert set(share.index) == set(TITLES)
    assert 0.05 <= share["主任医师"] <= 0.2
    assert share["主治医师"] == share.max()


def test_kol_inputs_rise_with_title_and_grade(t: dict[str, pd.DataFrame]) -> None:
    p = t["physicians"].merge(t["hospitals"][["hospital_id", "level"]], on="hospital_id")
    by_title = p.groupby("title")[["influence", "decision_power"]].mean().reindex(list(TITLES))
    assert by_title["influence"].is_monotonic_decreasing
    assert by_title["decision_power"].is_monotonic_decreasing
    assert p.loc[p["level"] == "三级甲等", "influence"].mean() > p.loc[p["level"].str.startswith("一级"), "influence"].mean() + 2
    assert p["influence"].corr(p["speaking"]) > 0.4


# ------------------------------------------------------------------ products and prescribing


def test_products_occupy_all_four_bcg_quadrants_and_a_life_cycle_spread(t: dict[str, pd.DataFrame]) -> None:
    pr = t["products"]
    assert 4 <= len(pr) <= 6
    assert pr["specialty"].is_unique
    high = pr["market_growth"] > 0.10
    big = pr["relative_share"] > 1.0
    quadrants = set(zip(high, big, strict=True))
    assert quadrants == {(True, True), (True, False), (False, True), (False, False)}
    # no product sits on a cut-off, where the quadrant would be ambiguous
    assert not np.isclose(pr["market_growth"], 0.10).any() and not np.isclose(pr["relative_share"], 1.0).any()
    assert pr["launch_year"].max() - pr["launch_year"].min() >= 15
    # question marks are the newest products, cash cows and dogs the oldest
    assert pr.loc[high & ~big, "launch_year"].min() > pr.loc[~high, "launch_year"].max()


def test_prescribing_rows_are_the_physicians_products(t: dict[str, pd.DataFrame]) -> None:
    rx = t["prescribing"].merge(t["physicians"][["physician_id", "specialty"]], on="physician_id")
    rx = rx.merge(t["products"][["product", "specialty"]], on="product", suffixes=("", "_product"))
    own = rx["specialty"] == rx["specialty_product"]
    gp = (rx["specialty"] == "general_medicine") & rx["product"].isin(["CARDIA", "GLYCO"])
    assert (own | gp).all()
    specialists = t["physicians"][t["physicians"]["specialty"].isin(t["products"]["specialty"])]
    assert specialists["physician_id"].isin(rx["physician_id"]).all()


def test_status_distribution_is_plausible(t: dict[str, pd.DataFrame]) -> None:
    status = t["prescribing"]["status"]
    share = status.value_counts(normalize=True)
    assert set(share.index) == set(range(-4, 5))
    assert share.max() < 0.3
    assert 0.6 <= (status >= 0).mean() <= 0.9  # most products are listed in most hospitals
    assert share[-4] < share[-3]  # outright opposition is rare
    assert share[4] < share[1]  # first choice is rarer than a little use


def test_status_adoption_and_boxes_agree(t: dict[str, pd.DataFrame]) -> None:
    rx = t["prescribing"].merge(t["physicians"][["physician_id", "patients_month"]], on="physician_id")
    s, stage, boxes = rx["status"], rx["adoption_stage"], rx["current_boxes_month"]
    assert (stage[s <= -1] <= 1).all()  # not listed: at most aware
    assert (stage[s == 0] <= 1).all()
    assert (stage[s >= 1] >= 2).all()
    assert (stage[s >= 3] >= 3).all()
    assert (stage[s == 4] >= 3).all() and (stage == 4).any()
    assert (boxes[s <= 0] == 0).all()
    assert (boxes[s > 0] > 0).all()
    potential = rx["patients_month"] * rx["indication_share"] * rx["boxes_per_patient"]
    assert (boxes <= potential + 1).all()
    assert boxes.groupby(s).mean().loc[1:].is_monotonic_increasing


def test_a_product_is_listed_or_not_per_hospital(t: dict[str, pd.DataFrame]) -> None:
    rx = t["prescribing"].merge(t["physicians"][["physician_id", "hospital_id"]], on="physician_id")
    listed = (rx["status"] >= 0).groupby([rx["hospital_id"], rx["product"]]).agg(["min", "max"])
    assert (listed["min"] == listed["max"]).all()


# ------------------------------------------------------------------ calls


def test_calls_fill_working_days_with_10_to_14_calls(t: dict[str, pd.DataFrame]) -> None:
    calls = t["calls"]
    per_day = calls.groupby("date").size()
    assert per_day.between(10, 14).all()
    days = per_day.index
    assert (days.day_of_week < 5).all()
    assert not set(days.date) & set(HOLIDAYS)
    months = calls["date"].dt.to_period("M").unique()
    assert len(months) == 6
    assert not calls.duplicated(["date", "physician_id"]).any()
    assert calls["minutes"].between(5, 60).all()


def test_a_day_clusters_in_a_few_hospitals(t: dict[str, pd.DataFrame]) -> None:
    c = t["calls"].merge(t["physicians"][["physician_id", "hospital_id"]], on="physician_id")
    assert c.groupby("date")["hospital_id"].nunique().mean() <= 4.5


def test_high_potential_doctors_are_called_most(t: dict[str, pd.DataFrame]) -> None:
    rx = t["prescribing"].merge(t["physicians"][["physician_id", "patients_month"]], on="physician_id")
    rx = rx.merge(t["products"][["product", "price_rmb"]], on="product")
    rx["potential"] = rx["patients_month"] * rx["indication_share"] * rx["boxes_per_patient"]
    per_month = t["calls"].groupby([t["calls"]["date"].dt.to_period("M"), "physician_id"]).size()
    assert per_month.max() <= 8  # A-tier at most 8 a month (too many calls lower prescribing)
    calls = t["calls"].groupby("physician_id").size()
    often = calls[calls >= 24].index  # about 4 a month or more: A-tier
    rare = calls[calls <= 6].index
    assert len(often) >= 15 and len(rare) >= 40
    relative = rx["potential"] / rx.groupby("product")["potential"].transform("median")
    best = relative.groupby(rx["physician_id"]).max()
    assert best[often].median() > best[rare].median()


def test_calls_carry_three_smart_objectives_and_a_next_one(t: dict[str, pd.DataFrame]) -> None:
    calls = t["calls"]
    parts = calls["objectives"].str.split(";")
    assert (parts.str.len() >= 3).all()
    assert parts.map(lambda items: all(len(x.strip()) > 10 for x in items)).all()
    # measurable and timed: a number and a time frame in every call's objectives
    assert calls["objectives"].str.contains(r"\d").all()
    assert calls["objectives"].str.contains(r"week|month|quarter|\bby\b", regex=True).all()
    assert 0.9 <= calls["next_objective"].notna().mean() < 1.0


def test_the_product_discussed_is_one_the_doctor_can_prescribe(t: dict[str, pd.DataFrame]) -> None:
    pairs = t["calls"][["physician_id", "product"]].drop_duplicates()
    merged = pairs.merge(t["prescribing"], on=["physician_id", "product"], how="left", indicator=True)
    assert (merged["_merge"] == "both").all()


# ------------------------------------------------------------------ sales


def test_sales_follow_the_prescribing(t: dict[str, pd.DataFrame]) -> None:
    sales, rx = t["sales"], t["prescribing"].merge(t["physicians"][["physician_id", "hospital_id"]], on="physician_id")
    assert sorted(sales["month"].unique()) == [f"2026-{m:02d}" for m in range(5, 11)]
    now = rx.groupby(["hospital_id", "product"])["current_boxes_month"].sum()
    last = sales[sales["month"] == "2026-10"].set_index(["hospital_id", "product"])["boxes"]
    assert set(last.index) == set(now.index)
    now = now.reindex(last.index)
    assert (last[now == 0] == 0).all()
    ratio = last[now > 20] / now[now > 20]
    assert ratio.between(1.0, 1.5).all()
    price = sales["product"].map(t["products"].set_index("product")["price_rmb"])
    assert np.allclose(sales["revenue_rmb"], sales["boxes"] * price)


def test_sales_trends_match_the_portfolio(t: dict[str, pd.DataFrame]) -> None:
    total = t["sales"].pivot_table(index="month", columns="product", values="boxes", aggfunc="sum")
    growth = total.iloc[-1] / total.iloc[0] - 1
    assert growth["ONCO"] > growth["GLYCO"] > growth["CARDIA"] > 0 > growth["NEURA"]


# ------------------------------------------------------------------ time log


def test_time_log_covers_ten_working_days_from_0800_to_1830(t: dict[str, pd.DataFrame]) -> None:
    log = t["timelog"]
    days = log["date"].drop_duplicates()
    assert len(days) == 10
    assert (days.dt.day_of_week < 5).all()
    assert (days.dt.isocalendar().week.nunique()) == 2
    for _, day in log.groupby("date"):
        minutes = day["start"].str[:2].astype(int) * 60 + day["start"].str[3:].astype(int)
        assert minutes.iloc[0] == 8 * 60
        assert (minutes.iloc[1:].to_numpy() == (minutes + day["minutes"]).iloc[:-1].to_numpy()).all()
        assert minutes.iloc[-1] + day["minutes"].iloc[-1] == 18 * 60 + 30


def test_time_log_shares_look_like_a_reps_fortnight(t: dict[str, pd.DataFrame]) -> None:
    log = t["timelog"]
    share = log.groupby("category")["minutes"].sum() / log["minutes"].sum()
    assert 0.35 <= share["call"] <= 0.45
    assert share["travel"] >= 0.12
    assert share["waiting"] >= 0.06
    wasted = log["waster"].notna()
    assert 0.05 <= wasted.mean() <= 0.4
    assert set(log.loc[wasted, "waster"]) <= set(WASTERS)
    assert log.loc[wasted, "waster"].nunique() >= 6
    assert not log.loc[log["category"] == "call", "waster"].notna().any()
    quadrants = log.groupby(["important", "urgent"])["minutes"].sum()
    assert len(quadrants) == 4  # every urgent/important quadrant has some time


def test_time_log_calls_are_the_call_history(t: dict[str, pd.DataFrame]) -> None:
    log, calls = t["timelog"], t["calls"]
    logged = log[log["category"] == "call"].groupby("date")["minutes"].agg(["size", "sum"])
    history = calls[calls["date"].isin(logged.index)].groupby("date")["minutes"].agg(["size", "sum"])
    pd.testing.assert_frame_equal(logged, history)


# ------------------------------------------------------------------ the training material's product table


def test_product_history_is_the_materials_table_exactly(t: dict[str, pd.DataFrame]) -> None:
    h = t["product_history"]
    assert h["year"].tolist() == [1994, 1995, 1996, 1997, 1998, 1999]
    assert h["net_sales_krmb"].tolist() == [6031, 20766, 67612, 120424, 130000, 180000]
    assert h["field_force"].tolist() == [120, 120, 150, 210, 220, 300]
    assert h["ap_spend_mrmb"].dropna().tolist() == [16, 26, 30, 27]
    assert h.loc[h["ap_spend_mrmb"].notna(), "year"].tolist() == [1995, 1996, 1997, 1998]
    assert h["is_target"].tolist() == [False] * 5 + [True]
