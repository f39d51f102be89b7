"""A coach for a goal written in plain words, English or Chinese (目标教练).

:func:`coach_goal` reads a sentence such as "尽量提高销量" or "2026年12月31日前将某
医院心内科的月处方量从200盒提高到300盒" and says, letter by letter, what is
missing. Pure rules, no language model:

1. the deadline is found and turned into a date (:mod:`course.goals.deadlines`)
   and cut out of the sentence, so its digits are not read as amounts;
2. the amounts are read (:mod:`course.goals.quantities`): baseline, target,
   relative change;
3. the words are checked against the lists in :mod:`course.goals._words`.

The letters
-----------
S  fails with a hedging word (尽量, 争取, try, as much as possible …), or with a
   direction word (提高, 加强, better, more, improve …) and no number, or when
   the sentence is too short to say anything; *check* when it names no customer
   or product (医院, 科, 医生, hospital, doctor …); passes otherwise.
M  fails without a number; passes with a baseline and a target ("from X to Y",
   从…提高到…) or a relative change (提高20%); *check* with a target alone.
A  as :func:`course.goals.smart.judge_a` on the stretch read from the numbers;
   for *assignable* the owner is "I" / 我 in the sentence or ``owner=``.
R  as :func:`course.goals.smart.judge_realistic`.
T  fails without a deadline or with one already past; "before the next call"
   (下次拜访前) passes — a call objective's deadline is the call itself.

For a call objective (``call=True``) the doctor called is the customer, a
commitment or an action you can see done at the end of the call (同意, 确认,
agree, confirm, answer … see :data:`course.goals._words.COMMITMENT_WORDS`)
counts as measurable, the call is the deadline, and a deadline only days away
("this week") is fine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from course.errors import CourseInputError
from course.goals._words import (
    COMMITMENT_WORDS,
    CUSTOMER_WORDS,
    HEDGES,
    VAGUE_DIRECTIONS,
    find_words,
)
from course.goals.deadlines import Deadline, find_deadline
from course.goals.quantities import Amounts, find_amounts
from course.goals.smart import (
    VARIANTS,
    LetterVerdict,
    SmartThresholds,
    SmartVerdict,
    judge_a,
    judge_realistic,
    judge_timed,
    letter_verdict,
)
from course.i18n import _
from course.inputs import check_choice

__all__ = ["FLAGS", "CoachReport", "coach_goal"]

FLAGS: dict[str, str] = {
    "hedging": "Hedging words",
    "vague_wording": "Vague wording without a number",
    "too_short": "Too short to say what will happen",
    "no_customer": "No customer or product named",
    "no_number": "No number",
    "no_baseline": "No baseline (where you start from)",
    "no_deadline": "No deadline",
    "deadline_passed": "The deadline has passed",
    "no_owner": "No owner named",
}
"""Codes of the problems the coach flags, with their English label."""


@dataclass(frozen=True)
class CoachReport:
    """What the coach found in a goal written in words."""

    text: str
    """The goal as written."""
    verdict: SmartVerdict
    """Letter by letter."""
    flags: tuple[str, ...]
    """Problem codes (keys of :data:`FLAGS`), in the order of the letters."""
    hedges: tuple[str, ...]
    """Hedging words found."""
    vague_words: tuple[str, ...]
    """Direction words found (vague only when there is no number)."""
    amounts: Amounts
    """The numbers read from the text."""
    deadline: Deadline | None
    """The deadline read from the text."""

    @property
    def failed(self) -> tuple[str, ...]:
        """The SMART letters that fail."""
        return self.verdict.failed

    def messages(self) -> list[str]:
        """The flags as sentences in the language in force.

        Examples
        --------
        >>> from course.i18n import set_language
        >>> set_language("en")
        >>> coach_goal("尽量提高销量", today=date(2026, 3, 2)).messages()
        ['Hedging words: 尽量', 'Vague wording without a number: 提高', 'No customer or product named', 'No number', 'No deadline']
        """
        extra = {"hedging": ", ".join(self.hedges), "vague_wording": ", ".join(self.vague_words)}
        out = []
        for flag in self.flags:
            label = _(FLAGS[flag])
            out.append(f"{label}: {extra[flag]}" if extra.get(flag) else label)
        return out


_ME = re.compile(r"我(?!们)|\bI\b|\bmy\b|\bme\b", re.IGNORECASE)


def coach_goal(text: str, *, today: date | None = None, variant: str = "ambitious",
               thresholds: SmartThresholds | None = None, owner: str | None = None,
               call: bool = False) -> CoachReport:
    """Coach a goal written in words: SMART letter by letter, with what to fix.

    Parameters
    ----------
    text
        The goal, in English or Chinese.
    today
        The day the goal is set (default: today).
    variant
        The meaning of A: ``"ambitious"`` (the training material's), ``"assignable"`` or ``"achievable"``.
    thresholds
        The numbers behind the rules.
    owner
        Who owns the goal, when not written in ``text`` (for *assignable*).
    call
        True for a call objective: the customer is the doctor called (S needs
        no customer word), a commitment (同意, agree …) is measurable, and the
        call itself is the deadline (T passes without a date).

    Examples
    --------
    >>> today = date(2026, 3, 2)
    >>> coach_goal("尽量提高销量", today=today).failed
    ('S', 'M', 'T')
    >>> r = coach_goal("2026年12月31日前将某医院心内科的月处方量从200盒提高到300盒", today=today)
    >>> r.verdict.summary(), r.flags
    ('S ✓  M ✓  A ✓  R ✓  T ✓', ())
    >>> coach_goal("Sell more CARDIA to Dr Li this quarter", today=today).failed
    ('S', 'M')
    >>> coach_goal("   ")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: goal: got '   '; allowed: a goal written in words
    """
    if not isinstance(text, str) or not text.strip():
        raise CourseInputError.single("goal", text, "a goal written in words")
    check_choice("variant", variant, VARIANTS)
    th = thresholds or SmartThresholds()
    today = today or date.today()

    deadline = find_deadline(text, today)
    rest = text if deadline is None else text[:deadline.start] + " " + text[deadline.end:]
    amounts = find_amounts(rest)
    hedges = tuple(find_words(rest, HEDGES))
    vague = tuple(find_words(rest, VAGUE_DIRECTIONS))
    flags: list[str] = []

    commitment = call and bool(find_words(rest, COMMITMENT_WORDS))
    s = _specific(rest, hedges, vague, amounts, th, flags, customer_implied=call)
    m = _measurable(amounts, flags, commitment=commitment)
    stretch = amounts.stretch
    from_zero = (amounts.baseline is not None and amounts.baseline.value == 0
                 and amounts.target is not None and amounts.target.value > 0
                 and amounts.direction == "increase")
    found_owner = owner if owner is not None else _owner(text)
    a = judge_a(variant, stretch, found_owner, th, from_zero=from_zero)
    if variant == "assignable" and not a.passed:
        flags.append("no_owner")
    horizon = None
    if deadline is not None and deadline.date is not None:
        horizon = (deadline.date - today).days
    r = judge_realistic(stretch, None if horizon is None or horizon < 0 else horizon, th,
                        from_zero=from_zero)
    # a call objective is short by nature: any deadline still ahead will do
    t = _timed(deadline, horizon, replace(th, min_horizon_days=0) if call else th, flags, call=call)
    verdict = SmartVerdict((s, m, a, r, t), variant,
                           None if stretch is None else round(stretch, 6), horizon)
    return CoachReport(text, verdict, tuple(flags), hedges, vague, amounts, deadline)


def _specific(rest: str, hedges: tuple[str, ...], vague: tuple[str, ...], amounts: Amounts,
              th: SmartThresholds, flags: list[str], *, customer_implied: bool) -> LetterVerdict:
    numbered = bool(amounts.quantities)
    if hedges:
        flags.append("hedging")
    if vague and not numbered:
        flags.append("vague_wording")
    cjk = sum(1 for ch in rest if "\u4e00" <= ch <= "\u9fff")
    short = cjk < th.min_words + 1 and len(re.findall(r"[A-Za-z]+", rest)) < th.min_words
    if short:
        flags.append("too_short")
    customer = customer_implied or bool(find_words(rest, CUSTOMER_WORDS)) \
        or bool(re.search(r"(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])", rest))
    if not customer:
        flags.append("no_customer")
    if hedges:
        return letter_verdict("S", "fail",
                        _("Hedging words ({words}) leave the result open.").format(words=", ".join(hedges)),
                        _("Drop the hedging words and state the result you commit to."))
    if vague and not numbered:
        return letter_verdict("S", "fail",
                        _("\"{words}\" says a direction, not a result.").format(words=", ".join(vague)),
                        _("Say how far: from X to Y, or by how many percent."))
    if short:
        return letter_verdict("S", "fail", _("The result is not described."),
                        _("Name the product, the customer (hospital, department or doctor) and the result."))
    if not customer:
        return letter_verdict("S", "check", _("No customer or product is named."),
                        _("Say which product and which customer (hospital, department or doctor)."))
    return letter_verdict("S", "pass", _("The result is described without hedging."))


def _measurable(amounts: Amounts, flags: list[str], *, commitment: bool) -> LetterVerdict:
    if not amounts.quantities and commitment:
        return letter_verdict("M", "pass", _("A yes-or-no commitment you can see at the end of the call."))
    if not amounts.quantities:
        flags.append("no_number")
        return letter_verdict("M", "fail", _("No number: you cannot tell when you are done."),
                        _("Add the number you aim for, e.g. from 200 to 300 boxes a month."))
    if amounts.relative is not None or amounts.baseline is not None:
        return letter_verdict("M", "pass", _("A starting point and a target: progress can be tracked."))
    flags.append("no_baseline")
    return letter_verdict("M", "check", _("No baseline: you know the finish but cannot see progress."),
                    _("Add where you start from: from X to Y (从…提高到…)."))


def _timed(deadline: Deadline | None, horizon: int | None, th: SmartThresholds,
           flags: list[str], *, call: bool) -> LetterVerdict:
    if (deadline is not None and deadline.date is None) or (deadline is None and call):
        return letter_verdict("T", "pass", _("Due by the next call."))
    if deadline is None:
        flags.append("no_deadline")
        return judge_timed(None, th)
    if horizon is not None and horizon < 0:
        flags.append("deadline_passed")
        return letter_verdict("T", "fail",
                        _("The deadline {date} has already passed.").format(date=deadline.date),
                        _("Choose a date that is still ahead."))
    return judge_timed(horizon, th)


def _owner(text: str) -> str:
    if find_words(text, ("我们", "大家", "团队", "everyone", "everybody", "we", "the team")):
        return "we"
    return "me" if _ME.search(text) else ""
