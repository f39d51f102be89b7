"""The columns of every table of the sample territory, and of a trainee's own CSVs.

One :class:`Column` per column: its type, whether it may be empty, its range or
choices, and what it means. :mod:`course.data.io` validates a loaded CSV against
these and reports every problem at once; ``course/data/sample/README.md`` is
generated from the same descriptions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["HOSPITAL_LEVELS", "SCHEMAS", "TITLES", "WASTERS", "Column", "Schema"]

HOSPITAL_LEVELS: tuple[str, ...] = (
    "三级特等", "三级甲等", "三级乙等", "三级丙等",
    "二级甲等", "二级乙等", "二级丙等",
    "一级甲等", "一级乙等", "一级丙等",
)
"""China's hospital grades (三级十等), best first."""

TITLES: tuple[str, ...] = ("主任医师", "副主任医师", "主治医师", "住院医师")
"""Physician titles, most senior first: chief, associate chief, attending, resident."""

SPECIALTIES: tuple[str, ...] = (
    "cardiology", "endocrinology", "neurology", "respiratory", "oncology",
    "gastroenterology", "nephrology", "general_medicine",
)
"""Department specialties used in the sample territory."""

WASTERS: tuple[str, ...] = (
    # the training material's ten causes of wasted time (浪费时间的10大原因), in its order
    "searching", "interruptions", "not_delegating", "unplanned_delays", "procrastination",
    "living_in_memories", "indecision", "acting_before_understanding", "negative_emotion",
    "no_priorities",
    # the training material's further causes
    "over_commitment", "socialising", "no_goals", "no_deadlines", "unclear_authority",
    "missing_resources",
)
"""Codes of the time-waster causes a time-log entry may name."""

WEEKDAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri")
SLOTS: tuple[str, ...] = ("morning", "noon", "afternoon")
"""Visit slots: before clinic (morning), lunch break (noon), after clinic (afternoon)."""


@dataclass(frozen=True)
class Column:
    """One column of a course table."""

    name: str
    """Column name in the CSV header."""
    kind: str
    """One of ``str``, ``int``, ``float``, ``bool``, ``date``, ``month``, ``time``."""
    description: str
    """What the column means, in plain English."""
    low: float | None = None
    """Smallest allowed value (numbers)."""
    high: float | None = None
    """Largest allowed value (numbers)."""
    choices: tuple[str, ...] | None = None
    """Allowed values (text)."""
    nullable: bool = False
    """Whether a cell may be empty."""


@dataclass(frozen=True)
class Schema:
    """The columns of one table."""

    name: str
    """Table name; the CSV is ``<name>.csv``."""
    key: tuple[str, ...]
    """Columns that identify a row (unique together)."""
    columns: tuple[Column, ...] = field(default_factory=tuple)
    """Every column, in CSV order."""
    description: str = ""
    """What one row is."""

    @property
    def names(self) -> list[str]:
        """The column names in order."""
        return [c.name for c in self.columns]


C = Column

SCHEMAS: dict[str, Schema] = {
    s.name: s
    for s in (
        Schema(
            "hospitals", ("hospital_id",), (
                C("hospital_id", "str", "Hospital code, e.g. H01."),
                C("name_zh", "str", "Hospital name in Chinese."),
                C("name_en", "str", "Hospital name in English."),
                C("district", "str", "City district."),
                C("level", "str", "Official grade (三级甲等 … 一级丙等).", choices=HOSPITAL_LEVELS),
                C("beds", "int", "Licensed beds.", low=0, high=10000),
                C("outpatient_visits_month", "int", "Outpatient visits a month.", low=0),
                C("drug_sales_mrmb", "float", "Annual drug purchases, million RMB (business volume).", low=0),
                C("medication_level", "int", "Prescribing level of modern/branded drugs, 1 (low) to 5 (high).", low=1, high=5),
                C("competition", "int", "Competitive pressure, 1 (none) to 5 (one competitor dominates).", low=1, high=5),
                C("x_km", "float", "East-west position in the city, km from the centre."),
                C("y_km", "float", "North-south position in the city, km from the centre."),
            ),
            "One hospital of the territory.",
        ),
        Schema(
            "departments", ("department_id",), (
                C("department_id", "str", "Department code, e.g. H01-CAR."),
                C("hospital_id", "str", "Hospital the department belongs to."),
                C("specialty", "str", "Specialty.", choices=SPECIALTIES),
                C("name_zh", "str", "Department name in Chinese, e.g. 心内科."),
                C("name_en", "str", "Department name in English."),
                C("doctors", "int", "Physicians in the department.", low=0),
                C("beds", "int", "Department beds.", low=0),
                C("outpatients_month", "int", "Outpatient visits a month.", low=0),
                C("discharges_month", "int", "Inpatient discharges a month.", low=0),
                C("indication_share", "float", "Share of the department's patients with the products' indication.", low=0, high=1),
                C("is_specialty_centre", "bool", "The hospital is known for this specialty."),
            ),
            "One department of a hospital.",
        ),
        Schema(
            "physicians", ("physician_id",), (
                C("physician_id", "str", "Physician code, e.g. D0001."),
                C("hospital_id", "str", "Hospital."),
                C("department_id", "str", "Department."),
                C("name_zh", "str", "Name in Chinese."),
                C("name_en", "str", "Name in pinyin."),
                C("title", "str", "Title, most senior first: 主任医师, 副主任医师, 主治医师, 住院医师.", choices=TITLES),
                C("specialty", "str", "Specialty (same as the department's).", choices=SPECIALTIES),
                C("patients_month", "int", "Patients the physician sees a month.", low=0),
                C("best_day", "str", "Best weekday to visit.", choices=WEEKDAYS),
                C("best_slot", "str", "Best time of day to visit.", choices=SLOTS),
                C("influence", "int", "Academic influence 0-10 (KOL scoring).", low=0, high=10),
                C("speaking", "int", "Speaking / persuasion 0-10 (KOL scoring).", low=0, high=10),
                C("decision_power", "int", "Say in formulary and prescribing decisions 0-10 (KOL scoring).", low=0, high=10),
            ),
            "One physician.",
        ),
        Schema(
            "products", ("product",), (
                C("product", "str", "Product code, e.g. CARDIA."),
                C("name_zh", "str", "Product name in Chinese."),
                C("name_en", "str", "Product name in English."),
                C("specialty", "str", "Main target specialty.", choices=SPECIALTIES),
                C("launch_year", "int", "Year of launch.", low=1950, high=2100),
                C("price_rmb", "float", "Price per box, RMB.", low=0),
                C("market_growth", "float", "Yearly growth of the product's market, e.g. 0.12 for 12%."),
                C("relative_share", "float", "Our share divided by the largest competitor's share.", low=0),
                C("sales_mrmb", "float", "Last year's sales, million RMB (BCG bubble size).", low=0),
            ),
            "One product of the portfolio.",
        ),
        Schema(
            "prescribing", ("physician_id", "product"), (
                C("physician_id", "str", "Physician."),
                C("product", "str", "Product."),
                C("status", "int", "Prescribing status (处方现状) -4..+4 on the training material's scale: the rep's own judgement from calls, not a count.", low=-4, high=4),
                C("boxes_per_patient", "float", "Boxes a treated patient uses a month (from the label's dosing).", low=0),
                C("indication_share", "float", "Share of the physician's patients with the indication (department statistics, epidemiology).", low=0, high=1),
                C("current_boxes_month", "float", "Boxes prescribed a month now: simulated per-doctor volume, an analyst's input where lawful, never collected by a rep (see 'Per-doctor figures' above).", low=0),
                C("adoption_stage", "int", "Adoption ladder stage (产品接纳阶梯) 0 unaware … 4 loyalty/advocacy: the rep's judgement from calls.", low=0, high=4),
            ),
            "One physician × product: the dual scoring inputs.",
        ),
        Schema(
            "calls", ("call_id",), (
                C("call_id", "str", "Call code."),
                C("date", "date", "Day of the call (YYYY-MM-DD)."),
                C("physician_id", "str", "Physician visited."),
                C("product", "str", "Product discussed."),
                C("objectives", "str", "Call objectives, separated by ';'."),
                C("next_objective", "str", "What to achieve next time (carried to the next plan).", nullable=True),
                C("minutes", "int", "Length of the call.", low=0, high=240),
            ),
            "One call in the six-month history.",
        ),
        Schema(
            "sales", ("month", "hospital_id", "product"), (
                C("month", "month", "Month (YYYY-MM)."),
                C("hospital_id", "str", "Hospital."),
                C("product", "str", "Product."),
                C("boxes", "int", "Boxes sold.", low=0),
                C("revenue_rmb", "float", "Revenue, RMB.", low=0),
            ),
            "Monthly sales of one product in one hospital.",
        ),
        Schema(
            "timelog", ("date", "start"), (
                C("date", "date", "Day (YYYY-MM-DD)."),
                C("start", "time", "Start time (HH:MM)."),
                C("minutes", "int", "Duration in minutes.", low=1, high=24 * 60),
                C("activity", "str", "What was done."),
                C("category", "str", "Kind of activity.", choices=(
                    "call", "travel", "waiting", "admin", "meeting", "planning",
                    "learning", "email_phone", "social", "personal")),
                C("important", "bool", "Tied to goals and priorities (重要)."),
                C("urgent", "bool", "Needs attention now (紧急)."),
                C("waster", "str", "Time-waster cause if any.", choices=WASTERS, nullable=True),
            ),
            "One entry of the rep's two-week time log (Drucker's method).",
        ),
        Schema(
            "product_history", ("year",), (
                C("year", "int", "Year (the training material's 1994-1999; 1999 is the target).", low=1900, high=2100),
                C("net_sales_krmb", "float", "Net sales, thousand RMB.", low=0),
                C("ap_spend_mrmb", "float", "Advertising & promotion spend, million RMB.", low=0, nullable=True),
                C("field_force", "int", "Representatives in the field.", low=0),
                C("is_target", "bool", "True for a target year, not an actual."),
            ),
            "The training material's product history table (years 94-99).",
        ),
    )
}
"""Every table of the sample territory, by name."""
