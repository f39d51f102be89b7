"""How :func:`course.planning.cycle.plan_cycle` places calls on days.

Four steps, each simple enough to explain to a rep:

1. **Trim to capacity** — when the frequencies ask for more calls than the month
   holds (target × working days), the lowest-priority calls are dropped first:
   calls above a tier's minimum before minimum calls, C before B before A.
2. **Hospital visits** — each hospital gets visit days spread over the month
   (as many as its most-called doctor needs, more when its calls would not fit in
   a day), and each doctor's calls are spread over his hospital's visits.
3. **Packing** — each hospital visit goes to a day of its part of the month,
   chosen by a score: near the day's other hospitals, few hospitals a day, the
   doctors' best weekday, their best slot not full, the day not beyond its target,
   not next to another visit of the same hospital. A visit that fits no day is
   split over the days with room; what still does not fit is reported.
4. **Best days** — a doctor whose call is not on his best weekday is moved to
   another visit of his hospital on that weekday, when it keeps his calls spread
   and the day has room.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["Layout", "place_calls"]

# weights of the day score
SAME_HOSPITAL = 3.0
NEW_HOSPITAL = 1.0
EMPTY_DAY = 0.5
PER_KM = 0.2
TOO_MANY_HOSPITALS = 3.0
BEST_DAY = 1.5
SLOT_FULL = 1.0
AT_TARGET = 4.0
NEXT_TO_VISIT = 2.0
TWO_DAYS_FROM_VISIT = 1.0
OFF_CENTRE = 0.1
LOAD = 0.25
BALANCE_REACH = 3


@dataclass
class Layout:
    """The arrays describing one month and its doctors (positions, not labels)."""

    n_days: int
    """Working days in the month."""
    weekday: np.ndarray
    """Weekday (0 = Monday) of each working day."""
    hospital: np.ndarray
    """Hospital index of each doctor."""
    n_hospitals: int
    """Number of hospitals."""
    distance: np.ndarray | None
    """Hospital-to-hospital distances in km, or None when positions are unknown."""
    best_day: np.ndarray
    """Best weekday of each doctor (NaN when unknown)."""
    best_slot: np.ndarray
    """Best slot index of each doctor (NaN when unknown)."""
    slot_capacity: np.ndarray
    """Calls that fit in each slot of a day."""
    tier_rank: np.ndarray
    """0 for A, 1 for B, ... per doctor."""
    rank: np.ndarray
    """Position of each doctor in the priority order (tier, hospital, code)."""
    target: int
    """Calls aimed at each day."""
    high: int
    """Most calls a day."""
    max_hospitals: int
    """Hospitals a day should not exceed when it can be helped."""


def trim_to_capacity(wanted: np.ndarray, minimum: np.ndarray, layout: Layout) -> np.ndarray:
    """Return the calls kept per doctor so that their sum fits target × days."""
    capacity = layout.target * layout.n_days
    if wanted.sum() <= capacity:
        return wanted.copy()
    doctor = np.repeat(np.arange(len(wanted)), wanted)
    index = np.arange(len(doctor)) - np.repeat(np.cumsum(wanted) - wanted, wanted)
    extra = index >= minimum[doctor]
    order = np.lexsort((layout.rank[doctor], index, layout.tier_rank[doctor], extra))
    kept = doctor[order[:capacity]]
    return np.bincount(kept, minlength=len(wanted))


def hospital_visits(kept: np.ndarray, layout: Layout) -> list[tuple[int, int, int, list[int]]]:
    """Return the visits ``(hospital, k, visits of that hospital, doctors)``."""
    visits: list[tuple[int, int, int, list[int]]] = []
    for h in range(layout.n_hospitals):
        doctors = np.flatnonzero((layout.hospital == h) & (kept > 0))
        if not len(doctors):
            continue
        calls = kept[doctors]
        n_visits = min(layout.n_days, max(int(calls.max()), math.ceil(calls.sum() / layout.target)))
        loads = np.zeros(n_visits, dtype=np.int64)
        members: list[list[int]] = [[] for _ in range(n_visits)]
        shifts = np.arange(n_visits)
        for doc in doctors[np.lexsort((layout.rank[doctors], -calls))]:
            c = int(kept[doc])
            base = (np.arange(c) * n_visits) // c
            spots = (base[None, :] + shifts[:, None]) % n_visits
            cost = loads[spots].max(axis=1) * 1000 + loads[spots].sum(axis=1)
            chosen = spots[int(np.argmin(cost))]
            loads[chosen] += 1
            for v in chosen:
                members[int(v)].append(int(doc))
        visits.extend((h, k, n_visits, m) for k, m in enumerate(members) if m)
    return visits


class _State:
    """What has been placed so far."""

    def __init__(self, n_doctors: int, layout: Layout) -> None:
        d = layout.n_days
        self.layout = layout
        self.load = np.zeros(d, dtype=np.int64)
        self.on_day = np.zeros((d, layout.n_hospitals), dtype=np.int64)
        self.n_on_day = np.zeros(d, dtype=np.int64)
        self.slot_load = np.zeros((d, len(layout.slot_capacity)), dtype=np.int64)
        self.taken = np.zeros((n_doctors, d), dtype=bool)
        self.positions = np.arange(d)

    def add(self, doc: int, day: int, sign: int = 1) -> None:
        h = self.layout.hospital[doc]
        self.load[day] += sign
        before = self.on_day[day, h]
        self.on_day[day, h] += sign
        if (before == 0) != (self.on_day[day, h] == 0):
            self.n_on_day[day] += sign
        slot = self.layout.best_slot[doc]
        if not math.isnan(slot):
            self.slot_load[day, int(slot)] += sign
        self.taken[doc, day] = sign > 0

    def score(self, h: int, doctors: list[int], size: int, centre: float) -> np.ndarray:
        lay = self.layout
        here = self.on_day[:, h] > 0
        score = np.where(here, SAME_HOSPITAL, 0.0)
        new = ~here
        score -= np.where(new & (self.n_on_day == 0), EMPTY_DAY, 0.0)
        others = new & (self.n_on_day > 0)
        if lay.distance is not None and others.any():
            nearest = np.where(self.on_day > 0, lay.distance[h][None, :], np.inf).min(axis=1)
            score -= np.where(others, NEW_HOSPITAL + PER_KM * np.minimum(nearest, 50.0), 0.0)
        else:
            score -= np.where(others, NEW_HOSPITAL, 0.0)
        score -= np.where(new & (self.n_on_day >= lay.max_hospitals), TOO_MANY_HOSPITALS, 0.0)
        best = lay.best_day[doctors]
        best = best[~np.isnan(best)].astype(np.int64)
        if len(best):
            share = np.bincount(best, minlength=7)[lay.weekday] / len(doctors)
            score += BEST_DAY * share
        slots = lay.best_slot[doctors]
        slots = slots[~np.isnan(slots)].astype(np.int64)
        if len(slots):
            wanted = np.bincount(slots, minlength=len(lay.slot_capacity))
            overflow = np.maximum(self.slot_load + wanted[None, :] - lay.slot_capacity[None, :], 0)
            score -= SLOT_FULL * overflow.sum(axis=1) / len(doctors)
        score -= np.where(self.load + size > lay.target, AT_TARGET, 0.0)
        visited = np.flatnonzero(here)
        if len(visited):
            gap = np.abs(self.positions[:, None] - visited[None, :]).min(axis=1)
            score -= np.where(gap <= 1, NEXT_TO_VISIT, 0.0) * new
            score -= np.where(gap == 2, TWO_DAYS_FROM_VISIT, 0.0) * new
        score -= OFF_CENTRE * np.abs(self.positions - centre)
        score -= LOAD * self.load
        return score


def place_calls(
    wanted: np.ndarray, minimum: np.ndarray, layout: Layout, low: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(doctor, day)`` index arrays of the placed calls."""
    d = layout.n_days
    kept = trim_to_capacity(wanted, minimum, layout)
    state = _State(len(wanted), layout)
    visits = hospital_visits(kept, layout)
    visits.sort(key=lambda v: (-len(v[3]), v[0], v[1]))
    for h, k, n_visits, doctors in visits:
        start = min(k * d // n_visits, d - 1)
        stop = min(max(start + 1, (k + 1) * d // n_visits), d)
        size = len(doctors)
        free = (state.load + size <= layout.high) & (state.on_day[:, h] == 0)
        window = free.copy()
        window[:start] = False
        window[stop:] = False
        if not window.any():
            window = free
        if window.any():
            score = state.score(h, doctors, size, (start + stop - 1) / 2)
            day = int(np.argmax(np.where(window, score, -np.inf)))
            for doc in doctors:
                state.add(doc, day)
            continue
        _split(state, h, doctors, (start + stop - 1) / 2)
    _balance(state, low)
    _prefer_best_days(state, kept)
    placed = np.nonzero(state.taken)
    return placed[0], placed[1]


def _split(state: _State, h: int, doctors: list[int], centre: float) -> None:
    """Place a visit that fits no single day over the days with room."""
    lay = state.layout
    remaining = sorted(doctors, key=lambda doc: lay.rank[doc])
    while remaining:
        room = state.load < lay.high
        if not room.any():
            return
        score = state.score(h, remaining, 1, centre)
        day = int(np.argmax(np.where(room, score, -np.inf)))
        fits = [doc for doc in remaining if not state.taken[doc, day]]
        if not fits:
            return
        for doc in fits[: int(lay.high - state.load[day])]:
            state.add(doc, day)
            remaining.remove(doc)


def _balance(state: _State, low: int) -> None:
    """Move a hospital's calls from days above the target, or to days below ``low``."""
    lay = state.layout
    for _round in range(2 * lay.n_days):
        over = np.flatnonzero(state.load > lay.target)
        under = np.flatnonzero((state.load < low) & (state.load > 0))
        if len(over):
            sources, sinks = over[np.argsort(-state.load[over], kind="stable")], None
        elif len(under):
            sources, sinks = None, under[np.argsort(state.load[under], kind="stable")]
        else:
            return
        if not _move_one_group(state, sources, sinks, low):
            return


def _move_one_group(state: _State, sources: np.ndarray | None, sinks: np.ndarray | None,
                    low: int) -> bool:
    """Move one hospital group between near days; True when something moved."""
    lay = state.layout
    pairs: list[tuple[int, int]] = []
    if sources is not None:
        pairs = [(int(d), int(e)) for d in sources for e in state.positions
                 if e != d and abs(e - d) <= BALANCE_REACH]
    elif sinks is not None:
        pairs = [(int(d), int(e)) for e in sinks for d in state.positions
                 if e != d and abs(e - d) <= BALANCE_REACH and state.load[d] > low]
    for d, e in pairs:
        groups = np.flatnonzero(state.on_day[d] > 0)
        for h in groups[np.argsort(state.on_day[d, groups], kind="stable")]:
            size = int(state.on_day[d, h])
            if state.on_day[e, h] or state.load[e] + size > lay.target:
                continue
            if sources is None and state.load[d] - size < low:
                continue
            visited = np.flatnonzero(state.on_day[:, h] > 0)
            visited = visited[visited != d]
            if len(visited) and np.abs(visited - e).min() < 2:
                continue
            doctors = np.flatnonzero(state.taken[:, d] & (lay.hospital == h))
            for doc in doctors:
                state.add(int(doc), d, -1)
                state.add(int(doc), e)
            return True
    return False


def _prefer_best_days(state: _State, kept: np.ndarray) -> None:
    """Move calls onto the doctor's best weekday where his hospital is visited anyway."""
    lay = state.layout
    for doc in np.argsort(lay.rank):
        best = lay.best_day[doc]
        if math.isnan(best) or kept[doc] == 0:
            continue
        h = lay.hospital[doc]
        reach = max(2, lay.n_days // (2 * int(kept[doc])))
        for day in np.flatnonzero(state.taken[doc]):
            if lay.weekday[day] == best:
                continue
            others = np.flatnonzero(state.taken[doc])
            others = others[others != day]
            candidates = (
                (state.on_day[:, h] > 0) & (lay.weekday == best) & ~state.taken[doc]
                & (state.load < lay.target) & (np.abs(state.positions - day) <= reach)
            )
            if len(others):
                gap = np.abs(state.positions[:, None] - others[None, :]).min(axis=1)
                candidates &= gap >= 2
            slot = lay.best_slot[doc]
            if not math.isnan(slot):
                candidates &= state.slot_load[:, int(slot)] < lay.slot_capacity[int(slot)]
            if not candidates.any():
                continue
            target = int(np.argmin(np.where(candidates, np.abs(state.positions - day), np.iinfo(np.int64).max)))
            state.add(int(doc), int(day), -1)
            state.add(int(doc), target)
