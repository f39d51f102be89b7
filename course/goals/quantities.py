"""Find the numbers of a goal written in English or Chinese: baseline, target, relative change.

Pure rules. First every quantity is found (digits such as ``300``, ``1,200``,
``2.5万``, ``20%``; small Chinese numerals before a measure word such as
三家 / 两位; English number words before a noun such as "one colleague"), then the sentence around them is read:

==========================================  ===========================================
pattern                                     meaning
==========================================  ===========================================
从200盒提高到300盒, 由200增至300               baseline 200, target 300
from 200 to 300 boxes, 200 → 300              baseline 200, target 300
200盒提高到300盒                               baseline 200, target 300
提高20%, 增长20%, by 20%, 20% more             relative change +20% (baseline: today's level)
达到300盒, 提高到300, reach 300, to 300         target 300, no baseline
any other number                               the last one is the target, no baseline
==========================================  ===========================================

A reduction is recognised by its verb (降低, 减少, reduce, cut, ...) or by a
target below the baseline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from course.goals._words import DECREASE_WORDS, find_words
from course.goals.deadlines import cn_number

__all__ = ["Amounts", "Quantity", "find_amounts", "find_quantities"]


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, as found in a text."""

    value: float
    """The number (万 and k already multiplied out)."""
    unit: str
    """The unit written after it ("盒", "boxes", "%"), or ""."""
    text: str
    """The words as written."""
    start: int
    """Where they begin."""
    end: int
    """Where they end."""


@dataclass(frozen=True)
class Amounts:
    """The numbers of a goal."""

    quantities: tuple[Quantity, ...]
    """Every quantity found, in order."""
    baseline: Quantity | None
    """Where the goal starts, if written."""
    target: Quantity | None
    """Where it should end, if any number was written."""
    relative: float | None
    """A relative change written as a percentage (0.2 for 提高20%), if any."""
    direction: str
    """"increase" or "decrease"."""

    @property
    def stretch(self) -> float | None:
        """The change in the goal's direction: relative, or (target - baseline) / baseline.

        Examples
        --------
        >>> find_amounts("从200盒提高到300盒").stretch
        0.5
        """
        if self.relative is not None:
            return self.relative
        if self.baseline is None or self.target is None or self.baseline.value == 0:
            return None
        change = (self.target.value - self.baseline.value) / self.baseline.value
        return change if self.direction == "increase" else -change


_ZH_UNITS = ("个百分点", "万元", "分钟", "小时", "%", "％", "盒", "支", "瓶", "袋", "片", "张", "家", "位", "名",
             "个", "次", "场", "元", "人", "例", "台", "份", "箱", "篇", "科", "所")
_EN_SKIP = {"more", "new", "additional", "extra", "of", "to", "by", "from", "in", "and", "or",
            "per", "a", "the", "more."}
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.#_])(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(万|千|[kK](?![a-zA-Z])))?"
    r"|(?<![第A-Za-z0-9])([一二两三四五六七八九十百千]+)(?=\s*(?:个|家|位|名|盒|支|次|场|例|人|所|台|篇|科))"
    r"|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?=\s+(?:more\s+|new\s+)?[A-Za-z])",
    re.IGNORECASE,
)
_EN_NUMBERS = {w: i for i, w in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"), 1)}
_EN_WORD = re.compile(r"\s*([A-Za-z][A-Za-z-]*)")
_VERBS = "提高|提升|增加|增长|上升|增至|增到|降低|减少|下降|降至|降到|减至|减到|缩短"
_STRUCTURE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p, re.IGNORECASE)) for kind, p in (
        ("from_to", r"(?:从|由)\s*#(\d+)#[^#，。,;；]{0,10}?(?:到|至|为)\s*#(\d+)#"),
        ("from_to", r"\bfrom\s+#(\d+)#[^#,;]{0,30}?\bto\s+#(\d+)#"),
        ("from_to", r"#(\d+)#\s*(?:->|→|=>|—>|~>)\s*#(\d+)#"),
        ("from_to", rf"#(\d+)#[^#，。,;；]{{0,4}}?(?:{_VERBS})(?:到|至)?\s*#(\d+)#"),
        ("relative", rf"(?:{_VERBS}|增|降|\bby|\bup|\bdown)\s*了?\s*#(\d+)#"),
        ("relative", r"#(\d+)#\s*(?:的)?\s*(?:增长|提升|增幅|more\b|higher\b|growth\b|increase\b|up\b|"
                     r"less\b|lower\b|fewer\b|decrease\b|reduction\b|down\b)"),
        ("target", r"(?:达到|达|到|至|为|reach(?:ing)?\b|to\b|hit\b|at least\b|至少)\s*#(\d+)#"),
    )
)


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, with its unit.

    Examples
    --------
    >>> [(q.value, q.unit) for q in find_quantities("从200盒提高到1,200盒, 增长2.5万元 and 3 new doctors, 三家医院")]
    [(200.0, '盒'), (1200.0, '盒'), (25000.0, '元'), (3.0, 'doctors'), (3.0, '家')]
    """
    found = []
    for m in _NUMBER.finditer(text):
        if m.group(1):
            value = float(m.group(1).replace(",", ""))
            scale = m.group(2)
            value *= {"万": 10_000, "千": 1_000, "k": 1_000, "K": 1_000}.get(scale or "", 1)
        elif m.group(3):
            value = float(cn_number(m.group(3)))
        else:
            value = float(_EN_NUMBERS[m.group(4).lower()])
        end = m.end()
        unit = next((u for u in _ZH_UNITS if text.startswith(u, end)), "")
        if unit:
            end += len(unit)
            if unit == "万元":
                value, unit = value * 10_000, "元"
        elif text[end:end + 1] in ("%", "％"):
            unit, end = "%", end + 1
        elif re.match(r"\s*(?:per ?cent|pct)\b", text[end:], re.IGNORECASE):
            match = re.match(r"\s*(?:per ?cent|pct)\b", text[end:], re.IGNORECASE)
            assert match is not None
            unit, end = "%", end + match.end()
        else:
            unit, end = _english_unit(text, end)
        found.append(Quantity(value, unit, text[m.start():end], m.start(), end))
    return tuple(found)


def _english_unit(text: str, end: int) -> tuple[str, int]:
    position = end
    for _ in range(2):  # "3 new doctors": skip one adjective
        word = _EN_WORD.match(text, position)
        if not word:
            return "", end
        if word.group(1).lower() not in _EN_SKIP:
            return word.group(1), word.end()
        if word.group(1).lower() not in {"more", "new", "additional", "extra"}:
            return "", end
        position = word.end()
    return "", end


def find_amounts(text: str) -> Amounts:
    """Read baseline, target and relative change from ``text``.

    Examples
    --------
    >>> a = find_amounts("将某医院心内科的月处方量从200盒提高到300盒")
    >>> a.baseline.value, a.target.value, a.target.unit, a.direction
    (200.0, 300.0, '盒', 'increase')
    >>> find_amounts("Raise CARDIA from 200 to 300 boxes a month").stretch
    0.5
    >>> find_amounts("销量提高20%").relative
    0.2
    >>> a = find_amounts("把候诊时间从40分钟缩短到30分钟")
    >>> a.direction, a.stretch
    ('decrease', 0.25)
    >>> find_amounts("尽量提高销量").target is None
    True
    """
    quantities = find_quantities(text)
    marked = _mark(text, quantities)
    baseline = target = None
    relative = None
    for kind, pattern in _STRUCTURE:
        m = pattern.search(marked)
        if not m:
            continue
        if kind == "from_to":
            baseline, target = quantities[int(m.group(1))], quantities[int(m.group(2))]
            break
        if kind == "relative" and quantities[int(m.group(1))].unit == "%":
            relative = quantities[int(m.group(1))].value / 100
            break
        if kind == "target":
            target = quantities[int(m.group(1))]
            break
    if target is None and relative is None and quantities:
        target = quantities[-1]
    decrease = bool(find_words(text, DECREASE_WORDS)) or (
        baseline is not None and target is not None and target.value < baseline.value)
    return Amounts(quantities, baseline, target, relative, "decrease" if decrease else "increase")


def _mark(text: str, quantities: tuple[Quantity, ...]) -> str:
    """Replace each quantity by ``#i#`` so the sentence patterns stay short."""
    out, last = [], 0
    for i, q in enumerate(quantities):
        out.extend([text[last:q.start], f"#{i}#"])
        last = q.end
    out.append(text[last:])
    return "".join(out)
