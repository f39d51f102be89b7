"""Regenerate the sample territory: its CSVs and their README (``python -m course.dev.sample``).

The README describes the tables column by column (from :data:`course.data.SCHEMAS`)
and gives key figures, among them each product's BCG quadrant by the course's own
rule (:func:`course.portfolio.bcg_quadrant`); that is why this maintainer's tool,
not :mod:`course.data`, writes it: the data layer imports no topic.
"""

from __future__ import annotations

import pandas as pd

from course.data import _names as N
from course.data.generate import generate_territory
from course.data.io import SAMPLE_DIR, write_tables
from course.data.schema import SCHEMAS, TITLES, Column
from course.portfolio.bcg import bcg_quadrant

__all__ = ["main", "render_readme"]


def _allowed(col: Column) -> str:
    parts = []
    if col.choices is not None:
        parts.append(", ".join(col.choices))
    if col.low is not None and col.high is not None:
        parts.append(f"{col.low:g} to {col.high:g}")
    elif col.low is not None:
        parts.append(f">= {col.low:g}")
    elif col.high is not None:
        parts.append(f"<= {col.high:g}")
    if col.nullable:
        parts.append("may be empty")
    return "; ".join(parts)


def _quadrant(growth: float, share: float) -> str:
    return bcg_quadrant(growth, share).name.en.lower()


def _figures(t: dict[str, pd.DataFrame]) -> list[str]:
    h, d, p = t["hospitals"], t["departments"], t["physicians"]
    rx, calls, log = t["prescribing"], t["calls"], t["timelog"]
    lines = [f"- {len(h)} hospitals, {len(d)} departments, {len(p)} physicians, "
             f"{len(rx)} physician × product rows, {len(calls):,} calls, {len(t['sales'])} sales rows, "
             f"{len(log)} time-log entries."]
    grades = h.groupby("level", sort=False).agg(n=("beds", "size"), lo=("beds", "min"), hi=("beds", "max"))
    lines.append("- Hospitals by grade (count, beds): " + "; ".join(
        f"{g} {r.n} ({r.lo:,}-{r.hi:,})" for g, r in grades.iterrows()) + ".")
    titles = p["title"].value_counts(normalize=True).reindex(TITLES).fillna(0.0)
    lines.append("- Physicians by title: " + ", ".join(f"{k} {v:.0%}" for k, v in titles.items()) + ".")
    status = rx["status"].value_counts(normalize=True).sort_index()
    lines.append("- Prescribing status (处方现状): " + ", ".join(f"{k:+d}: {v:.0%}".replace("+0", "0") for k, v in status.items()) + ".")
    lines.append("- Products: " + "; ".join(
        f"{r['product']} {r['name_zh']} / {r['name_en']} ({r['specialty']}, launched {r['launch_year']}, "
        f"growth {r['market_growth']:.0%}, relative share {r['relative_share']:.2f}: "
        f"{_quadrant(r['market_growth'], r['relative_share'])})" for r in t["products"].to_dict("records")) + ".")
    per_day = calls.groupby("date").size()
    lines.append(f"- Calls: {per_day.index.min():%Y-%m-%d} to {per_day.index.max():%Y-%m-%d}, "
                 f"{len(per_day)} working days, {per_day.min()}-{per_day.max()} calls a day "
                 f"(mean {per_day.mean():.1f}), {calls['physician_id'].nunique()} physicians called.")
    share = log.groupby("category")["minutes"].sum() / log["minutes"].sum()
    lines.append(f"- Time log: {log['date'].nunique()} working days, 08:00-18:30; " + ", ".join(
        f"{k} {v:.0%}" for k, v in share.sort_values(ascending=False).items()) + ".")
    return lines


def render_readme(tables: dict[str, pd.DataFrame]) -> str:
    """Return the README of the sample folder: how the territory was built, key figures, columns."""
    out = [
        f"# The sample territory: {N.CITY_ZH} ({N.CITY_EN})",
        "",
        "A fictional Chinese city drawn by `course.data.generate.generate_territory(seed=2026)`.",
        "Regenerate these files with `python -m course.dev.sample`; a test checks that they",
        "equal a fresh generation. Load them with `course.data.load_sample(\"hospitals\")` or",
        "`course.data.load_territory()`. Names of people, hospitals and products are invented.",
        "",
        "## How the territory is built",
        "",
        "- Hospitals: a fixed list of 40 names across the grades (三级甲等 teaching hospitals with",
        "  1,000-3,000 beds down to 一级 community and township health centres with under 100 beds).",
        "  Outpatient visits follow beds and grade (about 115 a bed a month in 三甲, 65 in 二级;",
        "  community centres see thousands with few beds); annual drug purchases are a per-bed",
        "  amount by grade plus about 90 RMB per visit. Positions cluster around district centres.",
        "- Departments: teaching hospitals have all eight specialties, 二级 hospitals the four core",
        "  ones plus some others, 一级 centres general practice only.",
        "- Physicians: the customers of the territory, about 30% of the doctors of the product",
        "  departments. Titles follow the hospital grade; influence, speaking and decision power",
        "  rise with title and grade.",
        "- Products: one per main specialty; general practitioners prescribe the hypertension and",
        "  diabetes products. Market growth and relative share put products in all four BCG",
        "  quadrants (cut-offs 10% growth, relative share 1.0). `sales_mrmb` is national sales.",
        "- Prescribing: each hospital has listed (进药) a product or not; before listing a",
        "  physician's status is −4..−1 and the adoption stage at most 1 (aware); after listing",
        "  0..4. Boxes prescribed = patients × indication share × boxes per patient × a treated",
        "  share that grows with the status (0 boxes at status 0 or below).",
        "- Calls: one rep, 10-14 calls a working day (public holidays off), 20 A-tier doctors",
        "  4-6 times a month, 40 B-tier 2-3 times, the rest of the working days filled with",
        "  C-tier doctors. Each call has three objectives separated by `;` and the next objective.",
        "- Sales: per hospital × product, the listed doctors' boxes plus 10-30% from other",
        "  prescribers, following each product's trend backwards from the last month.",
        "  Revenue = boxes × price.",
        "- Time log: the last two weeks of calls (Drucker's method), 08:00-18:30, with travel",
        "  between the hospitals, waiting, interruptions and the evening's admin; wasteful",
        "  entries name their cause (see `course.data.schema.WASTERS`).",
        "- Product history: the training material's table exactly (net sales, A&P, field force",
        "  for 94-99, 1999 is the target \"99T\"). The material lists four A&P figures",
        "  (16, 26, 30, 27) without their years; they are put on 1995-1998 and 1994 and 1999",
        "  are left empty.",
        "",
        "## Per-doctor figures: what they are and where they would lawfully come from (合规)",
        "",
        "Everything here is invented, per-doctor figures included. Under China's",
        "《医药代表备案管理办法（试行）》 (National Medical Products Administration, published",
        "30 September 2020) a representative must not take part in counting an individual doctor's",
        "prescriptions (统方); `docs/compliance.md` says how the course teaches this.",
        "",
        "| table.column | what it is in the course | where it would lawfully come from |",
        "|---|---|---|",
        "| `prescribing.status`, `prescribing.adoption_stage` | the rep's judgement of a doctor's "
        "prescribing status (−4…+4) and ladder stage | the rep's call notes in the company's CRM |",
        "| `physicians.patients_month`, `prescribing.indication_share`, `prescribing.boxes_per_patient` "
        "| the inputs of potential (lessons 3-5) | clinic schedules and department statistics the "
        "hospital shares, epidemiology, the product's label dosing |",
        "| `physicians.influence`, `speaking`, `decision_power` | KOL ratings 0-10 | the rep's and the "
        "medical team's judgement, public roles (societies, committees) |",
        "| `prescribing.current_boxes_month` | simulated boxes each doctor prescribes a month; the "
        "generator builds hospital sales from it; no lesson or exercise ranks doctors by it | in China, "
        "no source a rep may use; elsewhere (e.g. the US) licensed prescriber-level market data for the "
        "company's analysts, never collected by a rep |",
        "| `sales.boxes`, `sales.revenue_rmb` | sales a month per hospital and product | the company's "
        "distribution (流向) data, hospital level |",
        "| `calls` | the rep's call records | the rep's own CRM entries |",
        "",
        "The column keeps its name `current_boxes_month`: it says truly what the number is, and",
        "renaming it would change the shipped files and every caller without changing what a rep may do.",
        "",
        "## Key figures",
        "",
        *_figures(tables),
        "",
        "## Tables and columns",
        "",
        "Kinds: `int` whole number, `float` number, `bool` true/false (1/0, yes/no, 是/否 are",
        "also read), `date` YYYY-MM-DD, `month` YYYY-MM, `time` HH:MM, `str` text.",
    ]
    for name, schema in SCHEMAS.items():
        out += ["", f"### `{name}.csv`", "", f"{schema.description} Key: {', '.join(schema.key)}; "
                f"{len(tables[name])} rows.", "", "| column | kind | allowed | meaning |",
                "|---|---|---|---|"]
        out += [f"| `{c.name}` | {c.kind} | {_allowed(c)} | {c.description} |" for c in schema.columns]
    return "\n".join(out) + "\n"


def main() -> None:
    """Regenerate the shipped CSVs and README from the default random seed."""
    tables = generate_territory()
    write_tables(tables, SAMPLE_DIR, readme=render_readme(tables))
    sizes = ", ".join(f"{name} {len(frame)}" for name, frame in tables.items())
    print(f"wrote {SAMPLE_DIR}: {sizes}")


if __name__ == "__main__":
    main()
