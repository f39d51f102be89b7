"""What the rep did in the sample territory: six months of calls, the sales that
followed, and a two-week time log (Drucker's method) of the last two weeks.

Helpers of :func:`course.data.generate.generate_territory`; every function takes the
territory's random generator so the whole city comes from one seed.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from course.data import _names as N

TIER_SIZES = {"A": 20, "B": 40, "C": 80}
"""How many of the territory's physicians the rep calls on, by tier (the rest are D)."""
REP_HOSPITALS = 14
"""How many hospitals the rep covers."""
CALL_MINUTES = {"A": (22.0, 5.0), "B": (18.0, 4.0), "C": (14.0, 3.0)}
"""Mean and spread of a call's length by tier."""


def working_days(start: date, months: int) -> list[date]:
    """Weekdays from ``start`` over ``months`` calendar months, public holidays excluded."""
    end = (pd.Timestamp(start) + pd.DateOffset(months=months) - pd.Timedelta(days=1)).date()
    days = pd.bdate_range(start, end).date
    return [d for d in days if d not in N.HOLIDAYS]


def _potential(physicians: pd.DataFrame, products: pd.DataFrame, prescribing: pd.DataFrame) -> pd.DataFrame:
    """Each physician × product with its monthly potential in RMB."""
    rows = prescribing.merge(physicians[["physician_id", "hospital_id", "patients_month"]], on="physician_id")
    rows = rows.merge(products[["product", "price_rmb"]], on="product")
    rows["potential_rmb"] = (rows["patients_month"] * rows["indication_share"] * rows["boxes_per_patient"]
                             * rows["price_rmb"])
    return rows


def _tiers(rng: np.random.Generator, rows: pd.DataFrame) -> pd.DataFrame:
    """The rep's target list: one row per called physician with tier and main product."""
    # each product counts alike: potential relative to the product's median doctor
    rows = rows.assign(relative=rows["potential_rmb"] / rows.groupby("product")["potential_rmb"].transform("median"))
    best = rows.sort_values(["physician_id", "relative"], ascending=[True, False], kind="stable")
    main = best.drop_duplicates("physician_id").copy()
    # the rep's judgement adds noise to the ranking by potential
    main["score"] = main["relative"] * rng.lognormal(0, 0.3, len(main))
    main = main.sort_values("score", ascending=False, kind="stable").reset_index(drop=True)
    tiers = np.repeat(list(TIER_SIZES), list(TIER_SIZES.values()))
    # the rep's hospitals: the richest in potential, enough to hold the target list
    by_hospital = main.groupby("hospital_id")["score"].sum().sort_values(ascending=False, kind="stable")
    own = by_hospital.index[:REP_HOSPITALS]
    main = main[main["hospital_id"].isin(own)].iloc[: len(tiers)].copy()
    main["tier"] = tiers[: len(main)]
    return main


def _month_counts(rng: np.random.Generator, tier: np.ndarray, total: int) -> np.ndarray:
    """Calls per target physician in one month, adding up to ``total``."""
    counts = np.where(tier == "A", 4 + rng.binomial(2, 0.5, len(tier)),
                      np.where(tier == "B", 2 + rng.binomial(1, 0.5, len(tier)), 0))
    floor = np.where(tier == "A", 4, np.where(tier == "B", 2, 0))
    while counts.sum() > total:  # a short month: trim A and B towards their minimum
        above = np.flatnonzero(counts > floor)
        counts[rng.choice(above)] -= 1
    c_idx = np.flatnonzero(tier == "C")
    rest = total - counts.sum()
    order = rng.permutation(c_idx)
    counts[order] += rest // len(order) + (np.arange(len(order)) < rest % len(order))
    return counts


_OBJECTIVES = {
    # adoption step the call aims at -> objectives (three per call) and the next objective
    "listing": ("Ask Dr {name} to sign the listing application for {brand} this week;"
                "Present the price and reimbursement facts in 5 minutes;"
                "Agree on the date of the next visit within {w} weeks",
                "Confirm {brand} is on the pharmacy committee's agenda by month end"),
    0: ("Introduce {brand} and its use in {ind} in 3 minutes;"
        "Leave the 2-page {brand} efficacy summary;"
        "Book a 15-minute follow-up within {w} weeks",
        "Answer Dr {name}'s questions on {brand} and ask for a first trial"),
    1: ("Agree that Dr {name} tries {brand} on {n} new {ind} patients within {w} weeks;"
        "Answer the dosing question from the last call;"
        "Agree on the follow-up date for the trial patients",
        "Review the first {n} trial patients with Dr {name}"),
    2: ("Review the results of the {n} trial patients;"
        "Agree to use {brand} for all new {ind} patients this month;"
        "Leave {n} patient leaflets for the clinic",
        "Check that {brand} is used routinely: {n} more patients by next visit"),
    3: ("Ask Dr {name} to make {brand} the first choice for {ind} patients by month end;"
        "Share the latest guideline slide in 5 minutes;"
        "Ask for an introduction to one colleague this week",
        "Confirm first-choice use of {brand} and get one colleague's name"),
    4: ("Invite Dr {name} to speak at the city {ind} meeting in {w} weeks;"
        "Agree on {n} case reports by quarter end;"
        "Thank for the support and check pharmacy stock of {brand}",
        "Confirm the talk title and slides for the {ind} meeting"),
}


def _objectives(rng: np.random.Generator, calls: pd.DataFrame) -> tuple[list[str], list[str | None]]:
    n = len(calls)
    num = rng.integers(2, 6, n)
    weeks = rng.integers(2, 5, n)
    missing = rng.random(n) < 0.03  # a few calls ended without a next step written down
    objectives: list[str] = []
    following: list[str | None] = []
    for i, (status, stage, name, brand, ind) in enumerate(zip(
            calls["status"], calls["adoption_stage"], calls["name_en"], calls["brand"], calls["indication"],
            strict=True)):
        key: str | int = "listing" if status <= -1 else int(stage)
        text, nxt = _OBJECTIVES[key]
        fill = {"name": name.split(" ")[0], "brand": brand, "ind": ind, "n": num[i], "w": weeks[i]}
        objectives.append(text.format(**fill))
        following.append(None if missing[i] else nxt.format(**fill))
    return objectives, following


def make_calls(rng: np.random.Generator, hospitals: pd.DataFrame, physicians: pd.DataFrame,
               products: pd.DataFrame, prescribing: pd.DataFrame) -> pd.DataFrame:
    """One rep's calls over six months: 10-14 a working day, A-tier doctors most often."""
    rows = _potential(physicians, products, prescribing)
    targets = _tiers(rng, rows)
    days = working_days(N.FIRST_MONTH, N.MONTHS)
    month_of = np.array([d.month for d in days])
    hospital_ids = hospitals["hospital_id"].to_numpy()
    parts = []
    for month in sorted(set(month_of)):
        mdays = [d for d, m in zip(days, month_of, strict=True) if m == month]
        per_day = rng.integers(10, 15, len(mdays))
        counts = _month_counts(rng, targets["tier"].to_numpy(), int(per_day.sum()))
        idx = np.repeat(np.arange(len(targets)), counts)
        k = np.concatenate([np.arange(c) for c in counts])
        # each hospital is visited n_h times a month (its most-called doctor's count); a
        # doctor's calls go to evenly spread visits, so a day's calls cluster in a few
        # hospitals and a doctor's calls are spread over the month
        hosp = targets["hospital_id"].to_numpy()
        n_h = pd.Series(counts).groupby(hosp).transform("max").to_numpy()[idx]
        v = rng.random(len(targets))[idx]
        visit = np.floor((k + v) * n_h / counts[idx])
        offset = dict(zip(hospital_ids, rng.random(len(hospital_ids)), strict=True))
        phase = (visit + pd.Series(hosp[idx]).map(offset).to_numpy()) / n_h
        order = np.lexsort((targets["hospital_id"].to_numpy()[idx], phase))
        part = targets.iloc[idx[order]].reset_index(drop=True)
        part["date"] = pd.to_datetime(pd.Series(mdays)).repeat(per_day.tolist()).to_numpy()
        parts.append(part)
    calls = pd.concat(parts, ignore_index=True)
    slot = calls["physician_id"].map(physicians.set_index("physician_id")["best_slot"])
    calls["slot"] = slot.map({"morning": 0, "noon": 1, "afternoon": 2})
    calls = calls.sort_values(["date", "hospital_id", "slot", "physician_id"], kind="stable").reset_index(drop=True)
    # the product discussed: the doctor's main product; a GP's second product now and then
    other = prescribing.groupby("physician_id")["product"].agg(list)
    switch = rng.random(len(calls)) < 0.3
    calls["product"] = [
        next((p for p in other[d] if p != main), main) if s else main
        for d, main, s in zip(calls["physician_id"], calls["product"], switch, strict=True)
    ]
    calls = calls.drop(columns=["status", "adoption_stage"]).merge(
        prescribing[["physician_id", "product", "status", "adoption_stage"]], on=["physician_id", "product"])
    calls = calls.merge(physicians[["physician_id", "name_en"]], on="physician_id")
    info = {p[0]: (p[2], p[10]) for p in N.PRODUCTS}
    calls["brand"] = calls["product"].map(lambda p: info[p][0])
    calls["indication"] = calls["product"].map(lambda p: info[p][1])
    mean = calls["tier"].map(lambda t: CALL_MINUTES[t][0]).to_numpy()
    spread = calls["tier"].map(lambda t: CALL_MINUTES[t][1]).to_numpy()
    minutes = np.clip(np.round(rng.normal(mean, spread)), 5, 45).astype(int)
    objectives, following = _objectives(rng, calls)
    return pd.DataFrame({
        "call_id": [f"C{i + 1:05d}" for i in range(len(calls))],
        "date": calls["date"],
        "physician_id": calls["physician_id"],
        "product": calls["product"],
        "objectives": objectives,
        "next_objective": following,
        "minutes": minutes,
    })


def make_sales(rng: np.random.Generator, physicians: pd.DataFrame, products: pd.DataFrame,
               prescribing: pd.DataFrame) -> pd.DataFrame:
    """Monthly boxes per hospital × product: the listed doctors' boxes plus other prescribers.

    The last month equals today's prescribing (plus 10-30% from doctors outside the
    list); earlier months follow the product's trend backwards.
    """
    rows = prescribing.merge(physicians[["physician_id", "hospital_id"]], on="physician_id")
    base = rows.groupby(["hospital_id", "product"], as_index=False)["current_boxes_month"].sum()
    base["current_boxes_month"] *= 1 + rng.uniform(0.1, 0.3, len(base))
    months = pd.period_range(pd.Timestamp(N.FIRST_MONTH), periods=N.MONTHS, freq="M")
    grid = base.merge(pd.DataFrame({"month": months.strftime("%Y-%m"), "k": np.arange(N.MONTHS)}), how="cross")
    trend = grid["product"].map({p[0]: p[11] for p in N.PRODUCTS})
    factor = (1 + trend) ** (grid["k"] - (N.MONTHS - 1)) * rng.lognormal(0, 0.06, len(grid))
    boxes = np.round(grid["current_boxes_month"] * factor).astype(int)
    price = grid["product"].map(products.set_index("product")["price_rmb"])
    out = pd.DataFrame({
        "month": grid["month"], "hospital_id": grid["hospital_id"], "product": grid["product"],
        "boxes": boxes, "revenue_rmb": np.round(boxes * price, 2),
    })
    return out.sort_values(["month", "hospital_id", "product"], kind="stable").reset_index(drop=True)
