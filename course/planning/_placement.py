"""How :func:`course.planning.cycle.plan_cycle` places calls on days.

Five steps, each simple enough to explain to a rep:

1. **Trim to capacity** — when the frequencies ask for more calls than the month
   holds (target × working days), the lowest-priority calls are dropped first:
   calls above a tier's minimum before minimum calls, C before B before A.
2. **Hospital visits** — each hospital gets as many visit days as its most-called
   doctor needs (more when its calls would not fit in a day's target), and each
   doctor's calls are spread over his hospital's visits.
3. **Evenly spaced hospital days** — the visits of a hospital fall every
   *working days ÷ visits* days; the start (and a shift of up to two days per
   visit) is chosen by a score: near the day's other hospitals, few hospitals a day,
   the doctors' best weekday, their best slot not full, the day not beyond its
   target. Big hospitals are placed first. A hospital that fits no even pattern is
   placed visit by visit in its part of the month (split over days when needed);
   what still does not fit is reported.
4. **Even days** — calls move off days above the target and onto days below the
   daily minimum, from days close by, keeping every doctor's calls at least two
   days apart and no less evenly spread.
5. **Best days** — a doctor whose call is not on his best weekday is moved to
   another visit of his hospital on that weekday, under the same conditions.
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
PER_KM = 0.5
TOO_MANY_HOSPITALS = 3.0
BEST_DAY = 1.5
SLOT_FULL = 1.0
AT_TARGET = 2.0
NEXT_TO_VISIT = 6.0
TWO_DAYS_FROM_VISIT = 2.0
OFF_CENTRE = 0.3
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

    def score(self, h: int, doctors: list[int], size: int, centre: float | None) -> np.ndarray:
        lay = self.layout
        here = self.on_day[:, h] > 0
        score = np.where(here, SAME_HOSPITAL, 0.0)
        new = ~here
        score -= np.where(new & (self.n_on_day == 0), EMPTY_DAY, 0.0)
        others = new & (self.n_on_day > 0)
        if lay.distance is not None and others.any():
            # the farthest hospital already on the day: a day should stay in one part of town
            farthest = np.where(self.on_day > 0, lay.distance[h][None, :], 0.0).max(axis=1)
            score -= np.where(others, NEW_HOSPITAL + PER_KM * np.minimum(farthest, 50.0), 0.0)
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
        if centre is not None:
            score -= OFF_CENTRE * np.abs(self.positions - centre)
        score -= LOAD * self.load
        return score


WIDEN = 2
"""Working days a whole hospital visit may move beyond its part of the month before it is split."""
JITTER = 0.5
"""Score lost per day an evenly spaced visit moves off its place."""


def place_calls(
    wanted: np.ndarray, minimum: np.ndarray, layout: Layout, low: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(doctor, day)`` index arrays of the placed calls."""
    d = layout.n_days
    kept = trim_to_capacity(wanted, minimum, layout)
    state = _State(len(wanted), layout)
    visits = hospital_visits(kept, layout)
    by_hospital: dict[int, list[tuple[int, int, int, list[int]]]] = {}
    for visit in visits:
        by_hospital.setdefault(visit[0], []).append(visit)
    order = sorted(by_hospital, key=lambda h: (-sum(len(v[3]) for v in by_hospital[h]), h))
    everywhere = np.ones(d, dtype=bool)
    for h in order:
        if _place_evenly(state, h, by_hospital[h]):
            continue
        for _h, k, n_visits, doctors in by_hospital[h]:
            start = min(k * d // n_visits, d - 1)
            stop = min(max(start + 1, (k + 1) * d // n_visits), d)
            centre = (start + stop - 1) / 2
            near = np.zeros(d, dtype=bool)
            near[max(0, start - WIDEN):min(d, stop + WIDEN)] = True
            if _place_whole(state, h, doctors, centre, start, stop) or \
                    _split(state, h, doctors, centre, near, whole_first=False) or \
                    _place_whole(state, h, doctors, centre, 0, d):
                continue
            _split(state, h, doctors, centre, everywhere, whole_first=True)
    _balance(state, low)
    _prefer_best_days(state, kept)
    placed = np.nonzero(state.taken)
    return placed[0], placed[1]


def _place_evenly(state: _State, h: int, visits: list[tuple[int, int, int, list[int]]]) -> bool:
    """Give hospital ``h`` evenly spaced visit days (every days ÷ visits), the best-scoring start.

    Each visit may shift by up to two days (its day full, or a better day near); visits of
    the hospital stay two days apart. False when no start fits.
    """
    lay = state.layout
    n_visits = visits[0][2]
    step = lay.n_days / n_visits
    best: tuple[float, list[int]] | None = None
    # nothing is placed while the starts are compared: each visit's scores are computed once
    scores = [state.score(h, doctors, len(doctors), None) for _h, _k, _n, doctors in visits]
    fitting = [(state.load + len(doctors) <= lay.high) & (state.on_day[:, h] == 0)
               for _h, _k, _n, doctors in visits]
    for phase in range(max(1, math.ceil(step))):
        total = 0.0
        days: list[int] = []
        for (_h, k, _n, _doctors), score, fits in zip(visits, scores, fitting, strict=True):
            ideal = min(lay.n_days - 1, int(phase + k * step))
            options = [e for e in (ideal, ideal - 1, ideal + 1, ideal - 2, ideal + 2)
                       if 0 <= e < lay.n_days and fits[e] and all(abs(e - o) >= 2 for o in days)]
            if not options:
                break
            chosen = max(options, key=lambda e: score[e] - JITTER * abs(e - ideal))
            total += float(score[chosen]) - JITTER * abs(chosen - ideal)
            days.append(chosen)
        else:
            if best is None or total > best[0]:
                best = (total, days)
    if best is None:
        return False
    for (_h, _k, _n, doctors), day in zip(visits, best[1], strict=True):
        for doc in doctors:
            state.add(doc, day)
    return True


def _place_whole(state: _State, h: int, doctors: list[int], centre: float, start: int, stop: int) -> bool:
    """Put the whole visit on one day of ``[start, stop)`` (widened by up to WIDEN days)."""
    lay = state.layout
    free = (state.load + len(doctors) <= lay.high) & (state.on_day[:, h] == 0)
    for widen in range(WIDEN + 1):
        window = np.zeros(lay.n_days, dtype=bool)
        window[max(0, start - widen):min(lay.n_days, stop + widen)] = True
        if (window & free).any():
            score = state.score(h, doctors, len(doctors), centre)
            day = int(np.argmax(np.where(window & free, score, -np.inf)))
            for doc in doctors:
                state.add(doc, day)
            return True
    return False


def _split(state: _State, h: int, doctors: list[int], centre: float, window: np.ndarray,
           *, whole_first: bool) -> bool:
    """Spread a visit over the days of ``window`` with room; True when all of it is placed.

    Nothing is placed unless the window has room for the whole visit.
    """
    lay = state.layout
    remaining = sorted(doctors, key=lambda doc: lay.rank[doc])
    room = np.where(window, np.maximum(lay.high - state.load, 0), 0)
    if room.sum() < len(remaining) and not whole_first:
        return False
    while remaining:
        open_days = window & (state.load < lay.high) & np.array(
            [any(not state.taken[doc, e] for doc in remaining) for e in range(lay.n_days)])
        if not open_days.any():
            return False
        score = state.score(h, remaining, 1, centre)
        day = int(np.argmax(np.where(open_days, score, -np.inf)))
        fits = [doc for doc in remaining if not state.taken[doc, day]]
        for doc in fits[: int(lay.high - state.load[day])]:
            state.add(doc, day)
            remaining.remove(doc)
    return True


def _balance(state: _State, low: int) -> None:
    """Even out the days: move calls off days above the target, onto days below ``low``.

    Whole hospital groups move first (no extra travel); a day still below ``low``
    then takes single calls from a near day that stays at ``low`` or above.
    """
    for _round in range(4 * state.layout.n_days):
        over = np.flatnonzero(state.load > state.layout.target)
        under = np.flatnonzero(state.load < low)
        moved = False
        for d in over[np.argsort(-state.load[over], kind="stable")]:
            near = [int(e) for e in np.argsort(state.load, kind="stable") if 0 < abs(e - d) <= BALANCE_REACH]
            if _move_group(state, int(d), near, low, keep_source=False):
                moved = True
                break
        if not moved:
            for e in under[np.argsort(state.load[under], kind="stable")]:
                near = [int(d) for d in np.argsort(-state.load, kind="stable")
                        if 0 < abs(d - e) <= BALANCE_REACH and state.load[d] > low]
                if any(_move_group(state, d, [int(e)], low, keep_source=True) for d in near) or \
                        _move_single(state, near, int(e), low):
                    moved = True
                    break
        if not moved:
            return


def _spaced(state: _State, doctors: np.ndarray, source: int, sink: int) -> bool:
    """True when moving ``doctors`` from ``source`` to ``sink`` keeps their calls spread.

    Calls stay at least 2 working days apart, and the longest gap between two calls
    does not grow beyond both its present length and an even spread (days ÷ calls + 1).
    """
    n_days = state.layout.n_days
    for doc in doctors:
        days = np.flatnonzero(state.taken[doc])
        others = days[days != source]
        if state.taken[doc, sink] or (len(others) and np.abs(others - sink).min() < 2):
            return False
        if len(others):
            after = np.sort(np.append(others, sink))
            allowed = max(_longest_gap(days, n_days), -(-n_days // len(days)) + 1)
            if _longest_gap(after, n_days) > allowed:
                return False
    return True


def _longest_gap(days: np.ndarray, n_days: int) -> int:
    """Longest stretch between two calls, the last one wrapping round to next month's first."""
    inner = int(np.diff(days).max()) if len(days) > 1 else 0
    return max(inner, int(days[0]) + n_days - int(days[-1]))


def _move_group(state: _State, d: int, sinks: list[int], low: int, *, keep_source: bool) -> bool:
    """Move one whole hospital group from day ``d`` to the first fitting day of ``sinks``."""
    lay = state.layout
    groups = np.flatnonzero(state.on_day[d] > 0)
    for h in groups[np.argsort(state.on_day[d, groups], kind="stable")]:
        size = int(state.on_day[d, h])
        if keep_source and state.load[d] - size < low:
            continue
        doctors = np.flatnonzero(state.taken[:, d] & (lay.hospital == h))
        for e in sinks:
            if state.on_day[e, h] or state.load[e] + size > lay.target:
                continue
            if not _spaced(state, doctors, d, e):
                continue
            for doc in doctors:
                state.add(int(doc), d, -1)
                state.add(int(doc), e)
            return True
    return False


def _move_single(state: _State, sources: list[int], e: int, low: int) -> bool:
    """Move one call onto day ``e`` (below ``low``), preferring a hospital already there."""
    lay = state.layout
    best: tuple[float, int, int] | None = None
    for d in sources:
        if state.load[d] - 1 < low:
            continue
        for doc in np.flatnonzero(state.taken[:, d]):
            if not _spaced(state, np.array([doc]), d, e):
                continue
            h = lay.hospital[doc]
            if state.on_day[e, h]:
                cost = 0.0
            elif state.n_on_day[e] == 0:
                cost = EMPTY_DAY
            elif lay.distance is not None:
                cost = NEW_HOSPITAL + PER_KM * float(
                    np.where(state.on_day[e] > 0, lay.distance[h], np.inf).min())
            else:
                cost = NEW_HOSPITAL
            if best is None or cost < best[0]:
                best = (cost, int(doc), d)
    if best is None:
        return False
    _cost, chosen, source = best
    state.add(chosen, source, -1)
    state.add(chosen, e)
    return True


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
            candidates = (
                (state.on_day[:, h] > 0) & (lay.weekday == best) & ~state.taken[doc]
                & (state.load < lay.target) & (np.abs(state.positions - day) <= reach)
            )
            slot = lay.best_slot[doc]
            if not math.isnan(slot):
                candidates &= state.slot_load[:, int(slot)] < lay.slot_capacity[int(slot)]
            candidates &= np.array([bool(c) and _spaced(state, np.array([doc]), int(day), int(e))
                                    for e, c in enumerate(candidates)])
            if not candidates.any():
                continue
            target = int(np.argmin(np.where(candidates, np.abs(state.positions - day), np.iinfo(np.int64).max)))
            state.add(int(doc), int(day), -1)
            state.add(int(doc), target)
