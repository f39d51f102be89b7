"""The sample territory: one fictional city, 江城市 (Jiangcheng), drawn from a seed.

:func:`generate_territory` builds every table of :data:`course.data.schema.SCHEMAS`
from numpy's random generator, so the same seed always gives the same territory.
``python -m course.dev.sample`` rewrites the shipped CSVs and their README in
``course/data/sample/``; lessons read those files (fast) through
:func:`course.data.io.load_sample`.

How the city is built:

- 40 hospitals of every grade, from four 三级甲等 teaching hospitals with 1,000-3,000
  beds down to 一级 community and township health centres with under 100 beds;
  outpatient visits and drug purchases follow beds and grade.
- Departments by specialty (bigger hospitals have more) and about 600 physicians,
  the rep's universe of customers, with titles, KOL inputs and best visit times.
- Five products, one per main specialty, spread over the four BCG quadrants.
- Prescribing per physician × product: a product is listed (进药) or not in each
  hospital; before listing a physician's status is −4..−1, after it 0..4, and the
  adoption stage and the boxes prescribed follow the status.
- One rep's six months of calls (May-October 2026), monthly sales per hospital ×
  product consistent with the prescribing, and the rep's two-week time log.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from course.data import _names as N
from course.data._activity import make_calls, make_sales
from course.data._timelog import make_timelog
from course.data.schema import SCHEMAS, TITLES
from course.data.validate import validate_table

__all__ = ["generate_territory", "product_history"]

_GRADE_CLASS = {"三级甲等": 0, "三级乙等": 1}  # 二级* -> 2, 一级* -> 3


def _grade_class(levels: pd.Series) -> np.ndarray:
    """0 for 三甲, 1 for 三乙, 2 for 二级, 3 for 一级."""
    two = levels.str.startswith("二级").to_numpy()
    one = levels.str.startswith("一级").to_numpy()
    top = levels.map(_GRADE_CLASS).fillna(1).to_numpy(dtype=int)
    return np.select([one, two], [3, 2], default=top).astype(int)


def generate_territory(seed: int = 2026) -> dict[str, pd.DataFrame]:
    """Return every table of the sample territory, drawn reproducibly from ``seed``.

    Parameters
    ----------
    seed
        Seed of numpy's random generator; the shipped CSVs use 2026.

    Returns
    -------
    dict
        One validated DataFrame per table name of :data:`~course.data.schema.SCHEMAS`.

    Examples
    --------
    >>> t = generate_territory()
    >>> len(t["hospitals"]), t["hospitals"].loc[0, "level"]
    (40, '三级甲等')
    >>> list(t["product_history"]["net_sales_krmb"])[:3]
    [6031.0, 20766.0, 67612.0]
    """
    rng = np.random.default_rng(seed)
    hospitals = _hospitals(rng)
    departments = _departments(rng, hospitals)
    physicians = _physicians(rng, hospitals, departments)
    products = _products()
    prescribing = _prescribing(rng, hospitals, physicians, products)
    calls = make_calls(rng, hospitals, physicians, products, prescribing)
    sales = make_sales(rng, physicians, products, prescribing)
    timelog = make_timelog(rng, hospitals, physicians, calls)
    tables = {
        "hospitals": hospitals, "departments": departments, "physicians": physicians,
        "products": products, "prescribing": prescribing, "calls": calls, "sales": sales,
        "timelog": timelog, "product_history": product_history(),
    }
    return {name: validate_table(tables[name], name) for name in SCHEMAS}


def product_history() -> pd.DataFrame:
    """Return the training material's product table for 1994-1999 (1999 is the target, "99T").

    The training material gives four A&P figures without saying which years they belong to; the
    course puts them on 1995-1998 and leaves 1994 and 1999 empty.

    Examples
    --------
    >>> h = product_history()
    >>> h[["year", "field_force"]].values.tolist()[-1]
    [1999, 300]
    >>> h["ap_spend_mrmb"].isna().tolist()
    [True, False, False, False, False, True]
    """
    return pd.DataFrame({
        "year": [1994, 1995, 1996, 1997, 1998, 1999],
        "net_sales_krmb": [6031.0, 20766.0, 67612.0, 120424.0, 130000.0, 180000.0],
        "ap_spend_mrmb": [np.nan, 16.0, 26.0, 30.0, 27.0, np.nan],
        "field_force": [120, 120, 150, 210, 220, 300],
        "is_target": [False, False, False, False, False, True],
    })


def _hospitals(rng: np.random.Generator) -> pd.DataFrame:
    spec = pd.DataFrame(N.HOSPITALS, columns=["name_zh", "name_en", "district", "level", "kind"])
    n = len(spec)
    cls = _grade_class(spec["level"])
    kind = spec["kind"].to_numpy()
    # beds: teaching 1,000-3,000; 三乙 500-1,000; 二甲 250-600; 二乙/丙 100-300; 一级 < 100
    low = np.select([cls == 0, cls == 1, spec["level"] == "二级甲等", cls == 2, kind == "community"],
                    [1000, 500, 250, 100, 20], default=10)
    high = np.select([cls == 0, cls == 1, spec["level"] == "二级甲等", cls == 2, kind == "community"],
                     [3000, 1000, 600, 300, 99], default=60)
    beds = np.round(rng.uniform(low, high) / np.where(cls < 3, 10, 1)) * np.where(cls < 3, 10, 1)
    beds[0] = max(beds[0], 2500)  # the medical university's first hospital is the largest
    # outpatient visits a month: about 110 a bed in 三甲 down to 60 in 二级; community
    # centres see thousands of patients with few beds
    per_bed = np.array([115.0, 90.0, 65.0, 40.0])[cls]
    base = np.where(cls == 3, np.where(kind == "community", 4000.0, 1500.0), 0.0)
    visits = (beds * per_bed + base) * rng.lognormal(0.0, 0.15, n)
    # drug purchases (M RMB a year): per bed by grade plus about 90 RMB per outpatient visit
    per_bed_drug = np.array([0.25, 0.18, 0.10, 0.05])[cls]
    drug = (beds * per_bed_drug + visits * 12 * 90e-6) * rng.lognormal(0.0, 0.1, n)
    medication = np.clip(np.round(np.array([4.6, 3.8, 2.8, 1.6])[cls] + rng.normal(0, 0.6, n)), 1, 5)
    medication = np.where(spec["kind"] == "tcm", np.maximum(medication - 1, 1), medication)
    competition = np.clip(np.round(np.array([4.0, 3.5, 2.8, 2.0])[cls] + rng.normal(0, 0.9, n)), 1, 5)
    centre = spec["district"].map(lambda d: N.DISTRICTS[d][1:]).tolist()
    cx, cy = np.array(centre).T
    spread = np.where(kind == "township", 0.0, 2.2)
    x = cx + rng.normal(0, 1, n) * spread
    y = cy + rng.normal(0, 1, n) * spread
    # township health centres lie out of town, 9-13 km beyond their district centre
    out = kind == "township"
    angle = np.arctan2(cy, cx) + rng.uniform(-0.5, 0.5, n)
    dist = rng.uniform(9, 13, n)
    x = np.where(out, cx + dist * np.cos(angle), x)
    y = np.where(out, cy + dist * np.sin(angle), y)
    return pd.DataFrame({
        "hospital_id": [f"H{i + 1:02d}" for i in range(n)],
        "name_zh": spec["name_zh"], "name_en": spec["name_en"],
        "district": spec["district"], "level": spec["level"],
        "beds": beds.astype(int),
        "outpatient_visits_month": (np.round(visits / 10) * 10).astype(int),
        "drug_sales_mrmb": np.round(drug, 1),
        "medication_level": medication.astype(int),
        "competition": competition.astype(int),
        "x_km": np.round(np.clip(x, -24.5, 24.5), 2),
        "y_km": np.round(np.clip(y, -24.5, 24.5), 2),
    })


def _hospital_specialties(rng: np.random.Generator, kind: str, level: str) -> list[str]:
    all8 = list(N.SPECIALTY_INFO)
    if kind == "teaching":
        return all8
    if kind == "cancer":
        return ["oncology", "respiratory", "gastroenterology"]
    if kind == "chest":
        return ["respiratory", "oncology", "cardiology"]
    if kind in ("community", "township"):
        return ["general_medicine"]
    if level == "三级乙等":
        return [s for s in all8 if s != "nephrology" or rng.random() < 0.6]
    core = ["cardiology", "endocrinology", "neurology", "respiratory"]
    extra = ["oncology", "gastroenterology", "nephrology", "general_medicine"]
    keep = rng.random(len(extra)) < (0.6 if level == "二级甲等" else 0.3)
    return core + [s for s, k in zip(extra, keep, strict=True) if k]


def _departments(rng: np.random.Generator, hospitals: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for (_, h), (_, _, _, _, kind) in zip(hospitals.iterrows(), N.HOSPITALS, strict=True):
        specs = _hospital_specialties(rng, kind, h["level"])
        primary = kind in ("community", "township")
        centres = set(rng.choice(specs, size=min(2, len(specs)), replace=False)) if kind == "teaching" else set()
        if kind in ("cancer", "chest"):
            centres = {specs[0]}
        for s in specs:
            share = N.SPECIALTY_SHARE[s]
            if primary:
                share = 0.6
            elif kind in ("cancer", "chest"):
                share = 0.35 if s == specs[0] else 0.08
            total_doctors = max(h["beds"] * 0.33, 10 + h["outpatient_visits_month"] / 600)
            rows.append({
                "hospital_id": h["hospital_id"], "specialty": s, "share": share,
                "doctors": total_doctors * share, "beds": h["beds"] * (0.5 if primary else share),
                "outpatients": h["outpatient_visits_month"] * (0.7 if primary else share),
                "centre": s in centres,
            })
    d = pd.DataFrame(rows)
    n = len(d)
    info = d["specialty"].map(N.SPECIALTY_INFO)
    doctors = np.maximum(np.round(d["doctors"] * rng.lognormal(0, 0.15, n)), 3).astype(int)
    beds = np.round(d["beds"] * rng.lognormal(0, 0.15, n)).astype(int)
    return pd.DataFrame({
        "department_id": d["hospital_id"] + "-" + info.str[0],
        "hospital_id": d["hospital_id"],
        "specialty": d["specialty"],
        "name_zh": info.str[1],
        "name_en": info.str[2],
        "doctors": doctors,
        "beds": beds,
        "outpatients_month": (np.round(d["outpatients"] * rng.lognormal(0, 0.15, n) / 10) * 10).astype(int),
        "discharges_month": np.round(beds * rng.uniform(2.2, 3.2, n)).astype(int),
        "indication_share": np.round(np.clip(info.str[3] * rng.lognormal(0, 0.15, n), 0.02, 0.9), 2),
        "is_specialty_centre": d["centre"].astype(bool),
    })


def _names(rng: np.random.Generator, n: int) -> tuple[list[str], list[str]]:
    """Draw ``n`` distinct Chinese names (surname + one or two characters) with pinyin."""
    surnames = list(N.SURNAMES)
    weights = np.array([N.SURNAMES[s][1] for s in surnames])
    chars = list(N.GIVEN)
    zh: list[str] = []
    en: list[str] = []
    seen: set[str] = set()
    while len(zh) < n:
        m = 2 * (n - len(zh))
        sur = rng.choice(len(surnames), size=m, p=weights / weights.sum())
        two = rng.random(m) < 0.7  # most given names have two characters
        g1 = rng.choice(len(chars), size=m)
        g2 = rng.choice(len(chars), size=m)
        for s, t, a, b in zip(sur, two, g1, g2, strict=True):
            if t and a == b:
                continue
            given = chars[a] + (chars[b] if t else "")
            name = surnames[s] + given
            if name in seen or len(zh) == n:
                continue
            seen.add(name)
            zh.append(name)
            pinyin = N.GIVEN[chars[a]] + (N.GIVEN[chars[b]] if t else "")
            en.append(f"{N.SURNAMES[surnames[s]][0]} {pinyin.capitalize()}")
    return zh, en


def _physicians(rng: np.random.Generator, hospitals: pd.DataFrame, departments: pd.DataFrame) -> pd.DataFrame:
    # the rep's universe: about 30% of the doctors of product departments, fewer elsewhere
    weight = np.where(departments["specialty"].isin(list(N.SPECIALTY_PRODUCTS)), 1.0, 0.35)
    scale = 600 / float((departments["doctors"] * weight).sum())
    listed = np.clip(np.round(departments["doctors"] * weight * scale), 1, departments["doctors"]).astype(int)
    dep = departments.loc[departments.index.repeat(listed)].reset_index(drop=True)
    n = len(dep)
    level = dep["hospital_id"].map(hospitals.set_index("hospital_id")["level"])
    cls = _grade_class(level)
    # titles: big hospitals have more chiefs; community centres mostly attendings and residents
    p_title = np.array([
        [0.16, 0.26, 0.34, 0.24],
        [0.12, 0.25, 0.38, 0.25],
        [0.07, 0.20, 0.43, 0.30],
        [0.02, 0.10, 0.48, 0.40],
    ])[cls]
    title_idx = (rng.random(n)[:, None] > np.cumsum(p_title, axis=1)).sum(axis=1)
    title_idx = np.minimum(title_idx, 3)
    per_doctor = dep["outpatients_month"] / dep["doctors"]
    title_factor = np.array([0.9, 1.1, 1.2, 0.7])[title_idx]
    patients = np.round(per_doctor * title_factor * rng.lognormal(0, 0.3, n)).clip(20)
    seniority = np.array([7.0, 5.0, 3.2, 1.8])[title_idx]
    grade_bonus = np.array([1.5, 0.8, 0.0, -1.0])[cls]
    influence = np.clip(np.round(seniority + grade_bonus + rng.normal(0, 1.2, n)), 0, 10)
    speaking = np.clip(np.round(0.6 * influence + 1.5 + rng.normal(0, 1.5, n)), 0, 10)
    power = np.clip(np.round(np.array([7.5, 5.5, 3.5, 1.5])[title_idx] + 0.5 * grade_bonus
                             + rng.normal(0, 1.3, n)), 0, 10)
    zh, en = _names(rng, n)
    days = np.array(["Mon", "Tue", "Wed", "Thu", "Fri"])
    slots = np.array(["morning", "noon", "afternoon"])
    return pd.DataFrame({
        "physician_id": [f"D{i + 1:04d}" for i in range(n)],
        "hospital_id": dep["hospital_id"],
        "department_id": dep["department_id"],
        "name_zh": zh,
        "name_en": en,
        "title": np.array(TITLES)[title_idx],
        "specialty": dep["specialty"],
        "patients_month": patients.astype(int),
        "best_day": days[rng.choice(5, size=n, p=[0.22, 0.22, 0.22, 0.2, 0.14])],
        "best_slot": slots[rng.choice(3, size=n, p=[0.3, 0.3, 0.4])],
        "influence": influence.astype(int),
        "speaking": speaking.astype(int),
        "decision_power": power.astype(int),
    })


def _products() -> pd.DataFrame:
    p = pd.DataFrame(N.PRODUCTS, columns=[
        "product", "name_zh", "name_en", "specialty", "launch_year", "price_rmb",
        "market_growth", "relative_share", "sales_mrmb", "boxes", "indication", "trend"])
    return p[SCHEMAS["products"].names].copy()


def _prescribing(rng: np.random.Generator, hospitals: pd.DataFrame, physicians: pd.DataFrame,
                 products: pd.DataFrame) -> pd.DataFrame:
    spec_products = pd.DataFrame(
        [(s, p) for s, ps in N.SPECIALTY_PRODUCTS.items() for p in ps], columns=["specialty", "product"])
    rows = physicians[["physician_id", "hospital_id", "department_id", "specialty", "patients_month",
                       "influence", "speaking"]].merge(spec_products, on="specialty")
    rows = rows.sort_values(["physician_id", "product"], kind="stable").reset_index(drop=True)
    n = len(rows)
    # listing (进药) is decided per hospital × product
    pairs = rows[["hospital_id", "product"]].drop_duplicates().reset_index(drop=True)
    level = pairs["hospital_id"].map(hospitals.set_index("hospital_id")["level"])
    chance = np.array([N.LISTING[p][c] for p, c in zip(pairs["product"], _grade_class(level), strict=True)])
    pairs["listed"] = rng.random(len(pairs)) < chance
    listed = rows.merge(pairs, on=["hospital_id", "product"], how="left")["listed"].to_numpy(dtype=bool)
    # status: before listing −4..−1, after listing 0..4; newer products are used less
    maturity = rows["product"].map({"CARDIA": 0, "GLYCO": 1, "NEURA": 2, "RESPI": 3, "ONCO": 3}).to_numpy()
    after = np.array([
        [0.14, 0.20, 0.26, 0.26, 0.14],
        [0.18, 0.25, 0.25, 0.21, 0.11],
        [0.30, 0.30, 0.20, 0.15, 0.05],
        [0.34, 0.31, 0.20, 0.11, 0.04],
    ])[maturity]
    u = rng.random(n)
    status_after = (u[:, None] > np.cumsum(after, axis=1)).sum(axis=1).clip(0, 4)
    status_before = -4 + (u[:, None] > np.cumsum([0.08, 0.42, 0.30, 0.20])).sum(axis=1).clip(0, 3)
    status = np.where(listed, status_after, status_before)
    # adoption stage follows the status: before listing at most aware (1)
    r = rng.random(n)
    stage = np.select(
        [status == -3, status <= -1, status == 0, status == 1, status == 2, status == 3],
        [(r < 0.6).astype(int), np.ones(n, dtype=int), (r < 0.75).astype(int), np.full(n, 2),
         np.where(r < 0.5, 2, 3), np.full(n, 3)],
        default=np.where(rows["speaking"].to_numpy() + r * 4 >= 7, 4, 3),
    )
    boxes = rows["product"].map({p[0]: p[9] for p in N.PRODUCTS})
    bpp = np.round(boxes.to_numpy() * rng.uniform(0.8, 1.2, n), 1)
    base = np.where(rows["specialty"] == "general_medicine", rows["product"].map(N.GP_INDICATION),
                    rows["specialty"].map(lambda s: N.SPECIALTY_INFO[s][3]))
    ind = np.round(np.clip(base.astype(float) * rng.lognormal(0, 0.25, n), 0.02, 0.9), 2)
    treated = np.array([0.0, 0.0, 0.04, 0.10, 0.18, 0.30])[np.clip(status, -1, 4) + 1]
    current = rows["patients_month"].to_numpy() * ind * bpp * treated * rng.lognormal(0, 0.2, n)
    current = np.where(status > 0, np.maximum(np.round(current), 1.0), 0.0)
    return pd.DataFrame({
        "physician_id": rows["physician_id"], "product": rows["product"], "status": status,
        "boxes_per_patient": bpp, "indication_share": ind, "current_boxes_month": current,
        "adoption_stage": stage.astype(int),
    })

