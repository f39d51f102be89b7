"""Lesson 5's quiz: the daily budget, capacity, utilisation, remaining calls, allocation, call steps.

Each answer is computed by :mod:`course.planning`, never typed in.
"""

from __future__ import annotations

from course.i18n import _
from course.planning import (
    CALL_STEPS,
    DEFAULT_ACCOUNTS,
    MATERIAL_CALLS_PER_DAY,
    calibrate,
    capacity,
    remaining_calls,
    response_table,
    utilisation,
)
from course.quiz import Question

__all__ = ["questions"]


def questions() -> list[Question]:
    """Lesson 5's quiz questions; the answers come from :mod:`course.planning`.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> [q.answer for q in questions()]
    ['10-15', '252', '119%', '4', 'Renmin', 'benefits']
    """
    budget = f"{MATERIAL_CALLS_PER_DAY.low}-{MATERIAL_CALLS_PER_DAY.high}"
    cap = int(capacity(12, 21))
    used = f"{utilisation(300, cap):.0%}"
    curves = {name: calibrate(zero, minus, plus, top, current_calls=current)
              for name, current, zero, minus, plus, top, _low, _high in DEFAULT_ACCOUNTS}
    now = {"Renmin": 3, "Zhongshan": 1, "District 3": 1}
    gains = {name: float(response_table(curves[name], now[name] + 1)["marginal"].iloc[-1]) for name in now}
    best = max(gains, key=lambda name: gains[name])
    keys = [step.key for step in CALL_STEPS]
    after_probing = keys[keys.index("probing") + 1]
    steps = tuple((str(step.name), step.key) for step in CALL_STEPS if step.key != "probing")
    return [
        Question("budget", _("How many doctors a day does the training material's daily plan budget?"),
                 (("6-10", "6-10"), ("10-15", "10-15"), ("15-20", "15-20")), budget,
                 _("The training material budgets 10-15 doctors a day (预算10-15名医生); US surveys report fewer.")),
        Question("capacity", _("21 working days, 12 calls a day: what is your capacity?"),
                 (("240", "240"), ("252", "252"), ("264", "264")), str(cap),
                 _("Capacity = daily calls × working days.")),
        Question("utilisation", _("Your frequencies ask for 300 calls and your capacity is 252. Utilisation?"),
                 (("84%", "84%"), ("100%", "100%"), ("119%", "119%")), used,
                 _("Utilisation = planned ÷ capacity; above 100% the plan cannot be kept.")),
        Question("remaining", _("6 calls planned on an A doctor, 2 made so far. Remaining calls?"),
                 (("2", "2"), ("4", "4"), ("6", "6")), str(remaining_calls(6, 2)),
                 _("Remaining = planned − actual, never below zero.")),
        Question("marginal", _("{renmin}'s 4th call would add {r:.1f} boxes, {zhongshan}'s 2nd {z:.1f}, "
                               "{district}'s 2nd {d:.1f}. Which account gets the next call?").format(
                                   renmin=_("Renmin"), zhongshan=_("Zhongshan"), district=_("District 3"),
                                   r=gains["Renmin"], z=gains["Zhongshan"], d=gains["District 3"]),
                 tuple((_(name), name) for name in now), best,
                 _("The next call goes where it adds the most.")),
        Question("step", _("Which step of a call comes right after probing and listening (探询聆听)?"),
                 steps, after_probing, _("Present benefits only once you know the need.")),
    ]
