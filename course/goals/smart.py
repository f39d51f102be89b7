"""SMART goals as the training material defines them (SMART目标), with the published variants.

The training material: **S**pecific (清晰的, unambiguous), **M**easurable (you know your
progress and when you are done), **A**mbitious (有雄心, challenging),
**R**ealistic (可行的, feasible with the time and resources you have),
**T**imed (a deadline). Doran (1981) wrote *Assignable* for the A (someone owns
it); many books write *Achievable*. :func:`assess_goal` judges a structured
:class:`Goal` letter by letter, with the A chosen by ``variant``.

The rules (all thresholds in :class:`SmartThresholds`)
------------------------------------------------------
S  ``what`` names the result in at least 3 words (or 4 Chinese characters) and
   has no hedging word such as 尽量 / "try" (see :mod:`course.goals._words`).
M  a metric, a unit and a target are given (fail otherwise); without a baseline
   the verdict is *check*: you know when you are done but cannot see progress.
A  *ambitious*: the stretch ``(target - baseline) / baseline`` (the other way
   round for a reduction) is at least ``min_stretch`` (10%): the training material asks for a
   personal target above the quota and to "challenge a higher target".
   *assignable*: one named owner, not "we" / 大家 / the team.
   *achievable*: the target moves the right way and the stretch is at most
   ``max_stretch``.
R  the stretch is at most ``max_stretch`` (doubling) and at most
   ``max_stretch_per_month`` (15% of the baseline) for each month until the
   deadline (a shorter horizon counts as one month).
T  a deadline between ``min_horizon_days`` (7) and ``max_horizon_days`` (366)
   days away; a longer goal should be broken into stages (分阶段).

Where the numbers do not allow a judgement (no baseline, a baseline of zero),
the verdict is ``"check"``: talk it through with your manager.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from course.errors import CourseInputError, Phrase
from course.goals._words import COLLECTIVE_OWNERS, HEDGES, find_words
from course.i18n import Text, _
from course.inputs import check_choice, check_future_date, check_int, check_number
from course.inputs.phrases import A_TEXT, one_of

__all__ = [
    "LETTER_NAMES",
    "VARIANTS",
    "VERDICTS",
    "Goal",
    "LetterVerdict",
    "SmartThresholds",
    "SmartVerdict",
    "assess_goal",
    "judge_a",
    "judge_achievable",
    "judge_ambitious",
    "judge_assignable",
    "judge_measurable",
    "judge_realistic",
    "judge_specific",
    "judge_timed",
    "letter_verdict",
    "stretch_of",
]

VARIANTS: tuple[str, ...] = ("ambitious", "assignable", "achievable")
"""Meanings of the A: the training material's Ambitious (default), Doran's Assignable, the common Achievable."""

VERDICTS: tuple[str, ...] = ("pass", "fail", "check")
"""A letter passes, fails, or cannot be judged from the numbers (check with your manager)."""

LETTER_NAMES: dict[str, Text] = {
    "S": Text("Specific", "清晰的"),
    "M": Text("Measurable", "可衡量"),
    "ambitious": Text("Ambitious", "有雄心"),
    "assignable": Text("Assignable", "可落实到人"),
    "achievable": Text("Achievable", "可实现"),
    "R": Text("Realistic", "可行的"),
    "T": Text("Timed", "目标达成的期限"),
}
"""The name of each letter (the A by variant)."""

DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class SmartThresholds:
    """The numbers behind the SMART rules; change them to match your company's."""

    min_stretch: float = 0.10
    """Ambitious: the target is at least this much above (or below, for a reduction) the baseline."""
    max_stretch: float = 1.0
    """Realistic / Achievable: at most this much change in total (1.0 = doubling)."""
    max_stretch_per_month: float = 0.15
    """Realistic: at most this much change per month until the deadline."""
    min_horizon_days: int = 7
    """Timed: a deadline at least this many days away (time to act)."""
    max_horizon_days: int = 366
    """Timed: a deadline at most this many days away (else break it into stages)."""
    min_words: int = 3
    """Specific: at least this many English words (or one more Chinese characters)."""

    def __post_init__(self) -> None:
        check_number("min_stretch", self.min_stretch, low=0)
        check_number("max_stretch", self.max_stretch, low=self.min_stretch, low_open=True)
        check_number("max_stretch_per_month", self.max_stretch_per_month, low=0, low_open=True)
        check_int("min_horizon_days", self.min_horizon_days, low=0)
        check_int("max_horizon_days", self.max_horizon_days, low=max(self.min_horizon_days, 1))
        check_int("min_words", self.min_words, low=1)


@dataclass(frozen=True)
class Goal:
    """A goal written as fields, so each SMART letter can be checked."""

    what: str
    """The result wanted, e.g. "monthly CARDIA prescriptions in 心内科 of 市第一人民医院"."""
    metric: str = ""
    """What is counted, e.g. "prescriptions a month"."""
    baseline: float | None = None
    """Where you start (the current level), or None if unknown."""
    target: float | None = None
    """Where you want to be."""
    unit: str = ""
    """Unit of baseline and target, e.g. "boxes" (盒)."""
    deadline: date | None = None
    """The day by which the target is reached."""
    owner: str = ""
    """Who is responsible (one person)."""
    direction: str = "increase"
    """``"increase"`` or ``"decrease"`` (e.g. fewer stock-outs)."""

    def __post_init__(self) -> None:
        check_choice("direction", self.direction, ("increase", "decrease"))
        for name in ("what", "metric", "unit", "owner"):
            if not isinstance(getattr(self, name), str):
                raise CourseInputError.single(name, getattr(self, name), A_TEXT)
        for name in ("baseline", "target"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, check_number(name, value, low=0))
        if self.deadline is not None and not isinstance(self.deadline, date):
            try:
                object.__setattr__(self, "deadline", date.fromisoformat(str(self.deadline)))
            except ValueError:
                raise CourseInputError.single(
                    "deadline", self.deadline, Phrase("a date (YYYY-MM-DD) or nothing")) from None


@dataclass(frozen=True)
class LetterVerdict:
    """The verdict on one SMART letter."""

    letter: str
    """"S", "M", "A", "R" or "T"."""
    name: Text
    """Name of the letter (the A by variant)."""
    verdict: str
    """"pass", "fail" or "check" (cannot be judged from the numbers)."""
    reason: str
    """Why, in the language in force."""
    suggestion: str = ""
    """What to change; empty when the letter passes."""

    @property
    def passed(self) -> bool:
        """True when the letter passes."""
        return self.verdict == "pass"

    @property
    def word(self) -> str:
        """The verdict as a trainee reads it, in the language in force.

        Examples
        --------
        >>> from course.i18n import set_language
        >>> v = letter_verdict("T", "fail", "No deadline.")
        >>> set_language("zh"); v.word
        '不通过'
        >>> set_language("en"); v.word
        'fail'
        """
        return {"pass": _("pass"), "fail": _("fail"), "check": _("check")}[self.verdict]


@dataclass(frozen=True)
class SmartVerdict:
    """A goal's verdict letter by letter."""

    letters: tuple[LetterVerdict, ...]
    """S, M, A, R, T in order."""
    variant: str
    """Which A was used."""
    stretch: float | None = None
    """Relative change from baseline to target, if known."""
    horizon_days: int | None = None
    """Days from today to the deadline, if known."""
    goal: Goal | None = field(default=None, compare=False)
    """The goal assessed (None when it came from free text without numbers)."""

    @property
    def passed(self) -> bool:
        """True when every letter passes."""
        return all(v.passed for v in self.letters)

    @property
    def failed(self) -> tuple[str, ...]:
        """The letters that fail, e.g. ``("M", "T")``."""
        return tuple(v.letter for v in self.letters if v.verdict == "fail")

    @property
    def to_check(self) -> tuple[str, ...]:
        """The letters that could not be judged."""
        return tuple(v.letter for v in self.letters if v.verdict == "check")

    def __getitem__(self, letter: str) -> LetterVerdict:
        """The verdict of one letter: ``verdict["M"]``."""
        for v in self.letters:
            if v.letter == letter:
                return v
        raise CourseInputError.single("letter", letter, one_of("SMART"))

    def as_frame(self) -> pd.DataFrame:
        """One row per letter: letter, name, verdict, reason, suggestion, in the language in force.

        The verdict is its word (:attr:`LetterVerdict.word`); show the table with
        :func:`course.data.readable` for headers in the same language.
        """
        return pd.DataFrame(
            [(v.letter, str(v.name), v.word, v.reason, v.suggestion) for v in self.letters],
            columns=["letter", "name", "verdict", "reason", "suggestion"],
        )

    def summary(self) -> str:
        """e.g. ``"S ✓  M ✓  A ✗  R ?  T ✓"``."""
        marks = {"pass": "✓", "fail": "✗", "check": "?"}
        return "  ".join(f"{v.letter} {marks[v.verdict]}" for v in self.letters)


def letter_verdict(key: str, verdict: str, reason: str, suggestion: str = "") -> LetterVerdict:
    """Build the verdict of letter ``key`` ("S", "M", "R", "T" or an A variant).

    Examples
    --------
    >>> letter_verdict("assignable", "pass", "Owned by Wang Li.").letter
    'A'
    """
    letter = key if len(key) == 1 else "A"
    return LetterVerdict(letter, LETTER_NAMES[key], verdict, reason, "" if verdict == "pass" else suggestion)


def _pct(x: float) -> str:
    return f"{x:.0%}"


def stretch_of(baseline: float | None, target: float | None, direction: str = "increase") -> float | None:
    """Return the relative change from ``baseline`` to ``target`` in the goal's direction.

    None when either is missing or the baseline is zero. Negative when the
    target goes the wrong way.

    Examples
    --------
    >>> stretch_of(200, 300)
    0.5
    >>> stretch_of(40, 30, "decrease")
    0.25
    >>> stretch_of(0, 10) is None
    True
    """
    if baseline is None or target is None or baseline == 0:
        return None
    change = (target - baseline) / baseline
    return change if direction == "increase" else -change


# ---------------------------------------------------------------- letters
def judge_specific(what: str, th: SmartThresholds) -> LetterVerdict:
    """S for a structured goal: long enough and no hedging words.

    Examples
    --------
    >>> judge_specific("尽量提高销量", SmartThresholds()).verdict
    'fail'
    """
    hedges = find_words(what, HEDGES)
    if hedges:
        return letter_verdict("S", "fail",
                        _("Hedging words ({words}) leave the result open.").format(words=", ".join(hedges)),
                        _("Drop the hedging words and state the result you commit to."))
    cjk = sum(1 for ch in what if "\u4e00" <= ch <= "\u9fff")
    words = len(what.split())
    if cjk < th.min_words + 1 and words < th.min_words:
        return letter_verdict("S", "fail", _("The result is not described."),
                        _("Name the product, the customer (hospital, department or doctor) and the result."))
    return letter_verdict("S", "pass", _("The result is described without hedging."))


def judge_measurable(metric: str, unit: str, baseline: float | None, target: float | None) -> LetterVerdict:
    """M for a structured goal: metric, unit and target; a baseline to see progress.

    Examples
    --------
    >>> judge_measurable("boxes a month", "boxes", 200, 300).verdict
    'pass'
    >>> judge_measurable("boxes a month", "boxes", None, 300).verdict
    'check'
    """
    missing = [name for name, value in (("metric", metric.strip()), ("unit", unit.strip()),
                                        ("target", target)) if not value and value != 0]
    if missing:
        return letter_verdict("M", "fail",
                        _("Missing: {fields}. You cannot tell when you are done.").format(
                            fields=", ".join(missing)),
                        _("Say what you count, in which unit, and the number you aim for."))
    if baseline is None:
        return letter_verdict("M", "check", _("No baseline: you know the finish but cannot see progress."),
                        _("Add where you start from: from X to Y (从…提高到…)."))
    return letter_verdict("M", "pass", _("A metric with a baseline and a target: progress can be tracked."))


def judge_ambitious(stretch: float | None, th: SmartThresholds, *, from_zero: bool = False) -> LetterVerdict:
    """A (ambitious, the training material's): the stretch reaches ``min_stretch``.

    Examples
    --------
    >>> judge_ambitious(0.5, SmartThresholds()).verdict, judge_ambitious(0.05, SmartThresholds()).verdict
    ('pass', 'fail')
    """
    if from_zero:
        return letter_verdict("ambitious", "pass", _("Starting from zero: new business is a challenge."))
    if stretch is None:
        return letter_verdict("ambitious", "check", _("Without a baseline and a target the challenge cannot be judged."),
                        _("Give both numbers (from X to Y) to show the stretch."))
    if stretch <= 0:
        return letter_verdict("ambitious", "fail", _("The target does not move beyond the baseline."),
                        _("Set a target beyond where you are now."))
    if stretch < th.min_stretch:
        return letter_verdict("ambitious", "fail",
                        _("A stretch of {stretch} is below the {minimum} that makes a goal a challenge.").format(
                            stretch=_pct(stretch), minimum=_pct(th.min_stretch)),
                        _("Aim higher: the training material asks for a personal target above the quota."))
    return letter_verdict("ambitious", "pass", _("A stretch of {stretch} is a challenge.").format(stretch=_pct(stretch)))


def judge_assignable(owner: str) -> LetterVerdict:
    """A (assignable, Doran 1981): one named owner.

    Examples
    --------
    >>> judge_assignable("王丽").verdict, judge_assignable("大家").verdict, judge_assignable("").verdict
    ('pass', 'fail', 'fail')
    """
    owner = owner.strip()
    if not owner:
        return letter_verdict("assignable", "fail", _("Nobody is named as responsible."),
                        _("Name the one person who owns the goal."))
    if find_words(owner, COLLECTIVE_OWNERS):
        return letter_verdict("assignable", "fail",
                        _("\"{owner}\" is everyone, so no one: a goal needs one owner.").format(owner=owner),
                        _("Name the one person who owns the goal."))
    return letter_verdict("assignable", "pass", _("Owned by {owner}.").format(owner=owner))


def judge_achievable(stretch: float | None, th: SmartThresholds, *, from_zero: bool = False) -> LetterVerdict:
    """A (achievable): the target moves the right way and the stretch is within ``max_stretch``.

    Examples
    --------
    >>> judge_achievable(0.5, SmartThresholds()).verdict, judge_achievable(3.0, SmartThresholds()).verdict
    ('pass', 'fail')
    """
    if from_zero or stretch is None:
        return letter_verdict("achievable", "check", _("The numbers do not show whether it is within reach."),
                        _("Check the target against similar customers and your past results."))
    if stretch <= 0:
        return letter_verdict("achievable", "fail", _("The target does not move beyond the baseline."),
                        _("Set a target beyond where you are now."))
    if stretch > th.max_stretch:
        return letter_verdict("achievable", "fail",
                        _("A change of {stretch} is more than the {maximum} within reach.").format(
                            stretch=_pct(stretch), maximum=_pct(th.max_stretch)),
                        _("Lower the target or break it into stages."))
    return letter_verdict("achievable", "pass", _("A change of {stretch} is within reach.").format(stretch=_pct(stretch)))


def judge_realistic(stretch: float | None, horizon_days: int | None, th: SmartThresholds,
                    *, from_zero: bool = False) -> LetterVerdict:
    """R: the stretch is within ``max_stretch`` and the pace within ``max_stretch_per_month``.

    Examples
    --------
    >>> th = SmartThresholds()
    >>> judge_realistic(0.5, 300, th).verdict       # +50% in about 10 months: 5% a month
    'pass'
    >>> judge_realistic(0.5, 30, th).verdict        # +50% in one month
    'fail'
    """
    if from_zero or stretch is None:
        return letter_verdict("R", "check", _("The numbers do not show whether time and resources suffice."),
                        _("Check it against your call capacity and similar customers with your manager."))
    if stretch > th.max_stretch:
        return letter_verdict("R", "fail",
                        _("A change of {stretch} is more than the {maximum} that is feasible.").format(
                            stretch=_pct(stretch), maximum=_pct(th.max_stretch)),
                        _("Lower the target or break it into stages."))
    if horizon_days is not None and stretch > 0:
        months = max(horizon_days / DAYS_PER_MONTH, 1.0)
        pace = stretch / months
        if pace > th.max_stretch_per_month:
            return letter_verdict("R", "fail",
                            _("{pace} a month is faster than the {maximum} a month that is feasible.").format(
                                pace=_pct(pace), maximum=_pct(th.max_stretch_per_month)),
                            _("Give it more time or lower the target."))
    return letter_verdict("R", "pass", _("Feasible with the time given."))


def judge_timed(horizon_days: int | None, th: SmartThresholds) -> LetterVerdict:
    """T: a deadline between ``min_horizon_days`` and ``max_horizon_days`` away.

    Examples
    --------
    >>> th = SmartThresholds()
    >>> [judge_timed(d, th).verdict for d in (None, 3, 90, 500)]
    ['fail', 'fail', 'pass', 'fail']
    """
    if horizon_days is None:
        return letter_verdict("T", "fail", _("No deadline."),
                        _("Add a date: by 31 Dec 2026 (2026年12月31日前), this quarter, end of month."))
    if horizon_days < th.min_horizon_days:
        return letter_verdict("T", "fail",
                        _("The deadline is {days} days away: too close to act on.").format(days=horizon_days),
                        _("Give yourself at least {days} days.").format(days=th.min_horizon_days))
    if horizon_days > th.max_horizon_days:
        return letter_verdict("T", "fail",
                        _("The deadline is {days} days away: too far to steer by.").format(days=horizon_days),
                        _("Break it into stages (分阶段) with a deadline within a year."))
    return letter_verdict("T", "pass", _("Deadline in {days} days.").format(days=horizon_days))


def judge_a(variant: str, stretch: float | None, owner: str, th: SmartThresholds,
            *, from_zero: bool = False) -> LetterVerdict:
    """The A letter of ``variant``.

    Examples
    --------
    >>> judge_a("assignable", 0.5, "", SmartThresholds()).name.en
    'Assignable'
    """
    check_choice("variant", variant, VARIANTS)
    if variant == "assignable":
        return judge_assignable(owner)
    if variant == "achievable":
        return judge_achievable(stretch, th, from_zero=from_zero)
    return judge_ambitious(stretch, th, from_zero=from_zero)


# ---------------------------------------------------------------- the goal
def assess_goal(goal: Goal, *, variant: str = "ambitious", today: date | None = None,
                thresholds: SmartThresholds | None = None) -> SmartVerdict:
    """Judge a structured goal letter by letter.

    Parameters
    ----------
    goal
        The goal's fields.
    variant
        The meaning of A: ``"ambitious"`` (the training material's, default), ``"assignable"``
        (Doran 1981) or ``"achievable"``.
    today
        The day the goal is set (default: today); the deadline is counted from it.
    thresholds
        The numbers behind the rules (default :class:`SmartThresholds`).

    Raises
    ------
    CourseInputError
        For a deadline before ``today`` (field ``deadline``) or an unknown variant.

    Examples
    --------
    >>> goal = Goal("monthly CARDIA prescriptions in 心内科 of 市第一人民医院",
    ...             metric="prescriptions a month", baseline=200, target=300, unit="boxes",
    ...             deadline=date(2026, 12, 31), owner="Wang Li")
    >>> v = assess_goal(goal, today=date(2026, 3, 1))
    >>> v.summary(), v.stretch, v.horizon_days
    ('S ✓  M ✓  A ✓  R ✓  T ✓', 0.5, 305)
    >>> assess_goal(goal, today=date(2026, 12, 15)).failed   # +50% in two weeks
    ('R',)
    >>> assess_goal(goal, today=date(2027, 1, 1))
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: deadline: got '2026-12-31'; allowed: a date on or after 2027-01-01
    """
    check_choice("variant", variant, VARIANTS)
    if not isinstance(goal, Goal):
        raise CourseInputError.single("goal", goal, "a Goal")
    th = thresholds or SmartThresholds()
    today = today or date.today()
    horizon: int | None = None
    if goal.deadline is not None:
        check_future_date("deadline", goal.deadline, today=today)
        horizon = (goal.deadline - today).days
    stretch = stretch_of(goal.baseline, goal.target, goal.direction)
    from_zero = goal.baseline == 0 and goal.target is not None and goal.target > 0 \
        and goal.direction == "increase"
    letters = (
        judge_specific(goal.what, th),
        judge_measurable(goal.metric, goal.unit, goal.baseline, goal.target),
        judge_a(variant, stretch, goal.owner, th, from_zero=from_zero),
        judge_realistic(stretch, horizon, th, from_zero=from_zero),
        judge_timed(horizon, th),
    )
    return SmartVerdict(letters, variant, _round(stretch), horizon, goal)


def _round(x: float | None) -> float | None:
    return None if x is None or math.isnan(x) else round(x, 6)
