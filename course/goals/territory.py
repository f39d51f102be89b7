"""The inputs of a quota split, built from a territory's tables (the sample's by default).

Territories are the city's districts (``hospitals.district``) and accounts are the
hospitals. An account's **history** is its average monthly boxes in ``sales``; its
**potential** is the published outpatient estimate summed over its physicians:
patients a month × indication share × boxes per patient (from ``prescribing``
and ``physicians``), in boxes a month, so history ÷ potential is the account's
current usage against its maximum (the training material's 现有用量与最大潜力).
"""

from __future__ import annotations

import pandas as pd

from course.data._names import DISTRICTS
from course.errors import CourseInputError
from course.i18n import choose
from course.inputs import check_choice, check_columns, check_not_empty

__all__ = ["account_potential", "district_name", "district_name_en", "monthly_sales", "quota_accounts"]


def district_name_en(name: str) -> str:
    """English name of a district of the sample city (the name itself for others).

    Examples
    --------
    >>> district_name_en("江北区"), district_name_en("North")
    ('Jiangbei', 'North')
    """
    entry = DISTRICTS.get(name)
    return str(entry[0]) if entry else name


def district_name(name: str) -> str:
    """A district's name as a lesson shows it: English in English, the Chinese name in Chinese.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("zh"); district_name("江北区")
    '江北区'
    >>> set_language("en"); district_name("江北区")
    'Jiangbei'
    """
    return choose(district_name_en(name), name)


def _product_rows(frame: pd.DataFrame, product: str | None) -> pd.DataFrame:
    if product is None:
        return frame
    check_choice("product", product, sorted(frame["product"].astype(str).unique()))
    return frame[frame["product"] == product]


def account_potential(physicians: pd.DataFrame, prescribing: pd.DataFrame, *,
                      product: str | None = None) -> pd.Series:
    """Potential boxes a month per hospital: Σ patients × indication share × boxes per patient.

    Examples
    --------
    >>> doctors = pd.DataFrame({"physician_id": ["D1", "D2", "D3"], "hospital_id": ["H1", "H1", "H2"],
    ...                         "patients_month": [100, 200, 50]})
    >>> rx = pd.DataFrame({"physician_id": ["D1", "D2", "D3"], "product": ["X"] * 3,
    ...                    "indication_share": [0.5, 0.25, 0.2], "boxes_per_patient": [2.0, 1.0, 3.0]})
    >>> account_potential(doctors, rx)
    hospital_id
    H1    150.0
    H2     30.0
    Name: potential, dtype: float64
    """
    check_columns("physicians", physicians, ["physician_id", "hospital_id", "patients_month"])
    check_columns("prescribing", prescribing,
                  ["physician_id", "product", "indication_share", "boxes_per_patient"])
    rx = _product_rows(prescribing, product)
    merged = rx.merge(physicians[["physician_id", "hospital_id", "patients_month"]],
                      on="physician_id", how="inner", validate="many_to_one")
    boxes = merged["patients_month"] * merged["indication_share"] * merged["boxes_per_patient"]
    return boxes.groupby(merged["hospital_id"]).sum().rename("potential")


def monthly_sales(sales: pd.DataFrame, hospitals: pd.DataFrame, *, by: str = "district",
                  product: str | None = None) -> pd.DataFrame:
    """Boxes per ``by`` (a hospitals column, or ``hospital_id``) and month, in long form.

    Examples
    --------
    >>> sales = pd.DataFrame({"month": ["2026-05", "2026-05", "2026-06"], "hospital_id": ["H1", "H2", "H1"],
    ...                       "product": ["X"] * 3, "boxes": [10, 20, 30]})
    >>> hospitals = pd.DataFrame({"hospital_id": ["H1", "H2"], "district": ["N", "N"]})
    >>> monthly_sales(sales, hospitals)
      district    month  boxes
    0        N  2026-05     30
    1        N  2026-06     30
    """
    check_not_empty("sales", sales)
    check_columns("sales", sales, ["month", "hospital_id", "product", "boxes"])
    check_columns("hospitals", hospitals, ["hospital_id"] + ([] if by == "hospital_id" else [by]))
    rows = _product_rows(sales, product)
    if by != "hospital_id":
        rows = rows.merge(hospitals[["hospital_id", by]], on="hospital_id", how="left",
                          validate="many_to_one")
        unknown = rows[by].isna()
        if unknown.any():
            raise CourseInputError.single("hospital_id", rows.loc[unknown, "hospital_id"].iloc[0],
                                          "a hospital listed in the hospitals table")
    rows = rows.assign(month=rows["month"].astype(str))
    return rows.groupby([by, "month"], sort=True)["boxes"].sum().reset_index()


def quota_accounts(sales: pd.DataFrame, hospitals: pd.DataFrame, physicians: pd.DataFrame,
                   prescribing: pd.DataFrame, *, product: str | None = None) -> pd.DataFrame:
    """One row per hospital: territory, names, history and potential (boxes a month).

    Examples
    --------
    >>> from course.data.io import load_sample
    >>> t = quota_accounts(load_sample("sales"), load_sample("hospitals"),
    ...                    load_sample("physicians"), load_sample("prescribing"))
    >>> list(t.columns)
    ['territory', 'territory_en', 'account', 'name_zh', 'name_en', 'history', 'potential']
    >>> t["territory"].nunique(), len(t)
    (7, 40)
    """
    check_not_empty("hospitals", hospitals)
    check_columns("hospitals", hospitals, ["hospital_id", "name_zh", "name_en", "district"])
    per_month = monthly_sales(sales, hospitals, by="hospital_id", product=product)
    history = per_month.groupby("hospital_id")["boxes"].mean()
    potential = account_potential(physicians, prescribing, product=product)
    out = pd.DataFrame({
        "territory": hospitals["district"].astype(str),
        "territory_en": hospitals["district"].astype(str).map(district_name_en),
        "account": hospitals["hospital_id"].astype(str),
        "name_zh": hospitals["name_zh"],
        "name_en": hospitals["name_en"],
    })
    out["history"] = out["account"].map(history).fillna(0.0).astype(float)
    out["potential"] = out["account"].map(potential).fillna(0.0).astype(float)
    return out.sort_values(["territory", "account"], kind="stable").reset_index(drop=True)
