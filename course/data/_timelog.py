"""The rep's two-week time log (Drucker's method: record, analyse, manage).

Built from the calls of the last two weeks of the history: the rep drives between
the day's hospitals nearest-first, waits for doctors, makes the calls, has lunch,
gets interrupted, and fills the evening with admin and a few time-wasters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import pandas as pd

from course.data import _names as N


@dataclass
class _Entry:
    """One entry of the time log while the day is being built."""

    minutes: int
    """Duration."""
    activity: str
    """What was done."""
    category: str
    """Kind of activity (the schema's choices)."""
    important: bool
    """Tied to goals and priorities."""
    urgent: bool
    """Needs attention now."""
    waster: str | None
    """Time-waster cause, if the entry was wasted time."""


_EVENING: tuple[tuple[str, str, bool, bool, str | None, int, int], ...] = (
    # activity, category, important, urgent, waster, shortest, longest minutes
    ("Prepare tomorrow's call plan and objectives", "planning", True, False, None, 15, 25),
    ("Read the new {ind} study for next week's calls", "learning", True, False, None, 15, 30),
    ("Fill in expense claims", "admin", False, True, None, 10, 20),
    ("Chat with colleagues in the office", "social", False, False, "socialising", 15, 30),
    ("Browse news and social media on the phone", "personal", False, False, "procrastination", 10, 25),
    ("Redo the weekly report in the new template nobody announced", "admin", False, True, "unclear_authority", 15, 30),
    ("Drive samples to the distributor myself", "travel", False, False, "not_delegating", 20, 35),
    ("Hunt for last month's meeting receipts", "admin", False, True, "searching", 10, 20),
    ("Wait for the printer to print the updated leaflets", "waiting", False, False, "missing_resources", 10, 20),
)
_INTERRUPTIONS = (
    ("Phone call from the distributor about a late delivery", "interruptions"),
    ("Manager calls asking for a sales figure today", "interruptions"),
    ("Answer WeChat messages from a colleague", "interruptions"),
)
DAY_START, DAY_END = 8 * 60, 18 * 60 + 30


def _day_entries(rng: np.random.Generator, day: pd.DataFrame, friday: bool) -> list[_Entry]:
    """The entries of one working day, before the evening is filled."""
    e: list[_Entry] = []
    lunch_at = 225 + int(rng.integers(0, 30))  # lunch at the first break after 11:45-12:15

    def add(minutes: int, activity: str, category: str, important: bool, urgent: bool,
            waster: str | None = None) -> None:
        if not any(x.activity == "Lunch" for x in e) and sum(x.minutes for x in e) >= lunch_at:
            e.append(_Entry(int(rng.integers(40, 60)), "Lunch", "personal", False, False, None))
        e.append(_Entry(int(minutes), activity, category, important, urgent, waster))

    if rng.random() < 0.3:
        add(int(rng.integers(15, 30)), "Look for missing leaflets and samples in the car", "admin", False, True,
            "searching")
    add(int(rng.integers(10, 20)), "Review today's call plan and last call notes", "planning", True, False)
    at = np.array(N.REP_HOME)
    for _, visit in day.groupby("order", sort=True):
        first = visit.iloc[0]
        here = np.array([first["x_km"], first["y_km"]])
        km = float(np.hypot(*(here - at)))
        add(round(km * rng.uniform(1.8, 2.4) + 5), f"Drive to {first['hospital_en']}", "travel", True, False)
        if rng.random() < 0.15:
            add(int(rng.integers(15, 30)), "Stuck in traffic", "travel", False, False, "unplanned_delays")
        at = here
        wait = int(rng.integers(5, 22))
        add(wait, f"Wait for Dr {first['name_en']} to finish the clinic", "waiting", False, False,
            "unplanned_delays" if wait >= 15 else None)
        for j, (_, c) in enumerate(visit.iterrows()):
            if j and rng.random() < 0.4:
                add(int(rng.integers(3, 10)), "Wait outside the consulting room", "waiting", False, False)
            add(int(c["minutes"]), f"Call: Dr {c['name_en']} ({c['department_en']}), {c['brand']}", "call",
                True, False)
        if rng.random() < 0.35:
            text, waster = _INTERRUPTIONS[int(rng.integers(len(_INTERRUPTIONS)))]
            add(int(rng.integers(8, 20)), text, "email_phone", False, True, waster)
    km = float(np.hypot(*(at - np.array(N.REP_HOME))))
    add(round(km * rng.uniform(1.8, 2.4) + 5), "Drive back to the office", "travel", True, False)
    add(int(rng.integers(20, 35)), "Enter today's call notes in the CRM", "admin", True, True)
    if friday:
        add(60, "Weekly team meeting", "meeting", True, True)
        add(int(rng.integers(15, 30)), "Team meeting runs over without an agenda", "meeting", False, False,
            "no_goals")
    if not any(x.activity == "Lunch" for x in e):
        e.append(_Entry(int(rng.integers(40, 60)), "Lunch", "personal", False, False, None))
    return e


def _fit(rng: np.random.Generator, e: list[_Entry], ind: str) -> list[_Entry]:
    """Shrink waiting if the day is too full, then fill the evening up to 18:30."""
    room = DAY_END - DAY_START
    # an overfull day: first the optional time-wasters go, then waiting, lunch and travel shrink
    for entry in reversed([x for x in e if x.waster is not None]):
        if sum(x.minutes for x in e) <= room:
            break
        e.remove(entry)
    for cats, least in ((("waiting",), 3), (("personal",), 30), (("travel",), 5)):
        excess = sum(x.minutes for x in e) - room
        for x in e:
            if excess <= 0:
                break
            if x.category in cats:
                cut = max(min(excess, x.minutes - least), 0)
                x.minutes -= cut
                excess -= cut
    if sum(x.minutes for x in e) > room:
        raise RuntimeError("a time-log day does not fit between 08:00 and 18:30")
    used = sum(x.minutes for x in e)
    for k in rng.permutation(len(_EVENING)):
        if used >= room:
            break
        text, cat, imp, urg, waster, lo, hi = _EVENING[k]
        minutes = min(int(rng.integers(lo, hi + 1)), room - used)
        e.append(_Entry(minutes, text.format(ind=ind), cat, imp, urg, waster))
        used += minutes
    if used < room:
        e.append(_Entry(room - used, "Answer e-mails", "email_phone", False, True, None))
    return e


def make_timelog(rng: np.random.Generator, hospitals: pd.DataFrame, physicians: pd.DataFrame,
                 calls: pd.DataFrame) -> pd.DataFrame:
    """The rep's log of the last two weeks of calls, 08:00-18:30, minute by minute."""
    days = [N.TIMELOG_START + timedelta(days=i) for i in range(14)]
    days = [d for d in days if d.weekday() < 5 and d not in N.HOLIDAYS]
    info = {p[0]: (p[2], p[10]) for p in N.PRODUCTS}
    c = calls.merge(physicians[["physician_id", "hospital_id", "name_en", "department_id"]], on="physician_id")
    c = c.merge(hospitals[["hospital_id", "name_en", "x_km", "y_km"]].rename(columns={"name_en": "hospital_en"}),
                on="hospital_id")
    c["department_en"] = c["department_id"].str[-3:].map({v[0]: v[2] for v in N.SPECIALTY_INFO.values()})
    c["brand"] = c["product"].map(lambda p: info[p][0])
    rows = []
    for d in days:
        day = c[c["date"] == pd.Timestamp(d)].copy()
        # visit the hospitals nearest-first from the office, keeping each hospital's calls together
        first_seen = day.drop_duplicates("hospital_id")
        route: list[str] = []
        at = np.array(N.REP_HOME)
        left = first_seen.set_index("hospital_id")[["x_km", "y_km"]]
        while len(left):
            dist = np.hypot(left["x_km"] - at[0], left["y_km"] - at[1])
            nxt = str(dist.idxmin())
            route.append(nxt)
            at = left.loc[nxt].to_numpy(dtype=float)
            left = left.drop(index=nxt)
        day["order"] = day["hospital_id"].map({h: i for i, h in enumerate(route)})
        day = day.sort_values(["order", "call_id"], kind="stable")
        main = day["product"].mode()
        ind = info[str(main.iloc[0])][1] if len(main) else "hypertension"
        entries = _fit(rng, _day_entries(rng, day, d.weekday() == 4), ind)
        t = DAY_START
        for x in entries:
            if x.minutes <= 0:
                continue
            rows.append((pd.Timestamp(d), f"{t // 60:02d}:{t % 60:02d}", x.minutes, x.activity, x.category,
                         x.important, x.urgent, x.waster))
            t += x.minutes
    return pd.DataFrame(rows, columns=["date", "start", "minutes", "activity", "category", "important", "urgent",
                                       "waster"])
