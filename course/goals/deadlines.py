"""Find the deadline in a goal written in English or Chinese, and turn it into a date.

Pure rules (regular expressions), tried from the most precise to the vaguest;
the first that matches wins. Relative phrases are counted from ``today``.

=====================================  =====================================  ==========================
Chinese                                English                                resolves to
=====================================  =====================================  ==========================
2026年12月31日前, 2026-12-31, 2026/12/31  by 31 Dec 2026, December 31, 2026       that day
12月31日前 (no year)                    by 31 December, Dec 31                  its next occurrence
2026年6月底, 到2026年6月                  by June 2026, end of June 2026          last day of that month
6月底前 (no year)                       by end of June                          next last day of June
2026年底, 今年底, 年底, 本年度, 今年内      by year end, this year, end of 2026     31 December
明年底                                  next year, end of next year             31 December next year
上半年 / 下半年                          first half / second half (H1 / H2)      30 June / 31 December
本季度, 这个季度, 季度末                  this quarter, end of the quarter        end of this quarter
下季度                                  next quarter                            end of the next quarter
第四季度, 四季度, Q4, 2026年Q4           Q4, Q4 2026, fourth quarter             end of that quarter
本月底, 本月内, 月底前, 这个月             this month, end of the month           end of this month
下月底, 下个月                           next month                              end of next month
本周内, 本周五, 这周                      this week, by Friday                    this Friday
下周                                    next week                               next Friday
3个月内, 三个月内, 90天内, 两周内, 一年内    within 3 months, in 90 days, in two weeks  today + that long
下次拜访前                               before / by the next call               ``None`` date (the call)
=====================================  =====================================  ==========================

Slashed dates with the day first (31/12/2026) are read day/month/year unless
the first number cannot be a day-of-month reading that makes sense (12/31/2026).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Deadline", "cn_number", "find_deadline"]


@dataclass(frozen=True)
class Deadline:
    """A deadline found in a text."""

    text: str
    """The words that gave it, as written."""
    date: date | None
    """The day it means; None for "the next call" (a call objective's own deadline)."""
    start: int
    """Where the words begin in the text."""
    end: int
    """Where they end."""


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_EN_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
               "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MONTHS = {name: i for i in range(1, 13)
           for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())}
_MONTHS["sept"] = 9


def cn_number(text: str) -> int:
    """Read a number written in Chinese numerals (or digits).

    Examples
    --------
    >>> cn_number("三"), cn_number("十二"), cn_number("两百"), cn_number("一千五百"), cn_number("90")
    (3, 12, 200, 1500, 90)
    """
    if text.isdigit():
        return int(text)
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit == 10000:
                total += (section + digit) * unit
                section, digit = 0, 0
            else:
                section += (digit or 1) * unit
                digit = 0
    return total + section + digit


def _number(word: str) -> int:
    word = word.strip().lower()
    return _EN_NUMBERS[word] if word in _EN_NUMBERS else cn_number(word)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_day_month(today: date, month: int, day: int) -> date | None:
    this_year = _safe_date(today.year, month, day)
    if this_year is None:
        return _safe_date(today.year + 1, month, day)
    return this_year if this_year >= today else _safe_date(today.year + 1, month, day)


def _next_month_end(today: date, month: int) -> date:
    end = _month_end(today.year, month)
    return end if end >= today else _month_end(today.year + 1, month)


def _quarter_end(year: int, quarter: int) -> date:
    return _month_end(year, quarter * 3)


def _add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _friday(today: date, weeks_ahead: int) -> date:
    return today + timedelta(days=(4 - today.weekday()) % 7 + 7 * weeks_ahead)


def _call(_m: re.Match[str], _t: date) -> date | None:
    """A call objective's deadline is the next call itself."""
    return None


_Resolver = Callable[[re.Match[str], date], "date | None"]
_NUM = r"(?<!\d)(\d{1,3}|[一二两三四五六七八九十百]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ORD = r"(?:st|nd|rd|th)?"
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "一": 1, "二": 2, "三": 3,
                  "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _year_quarter(m: re.Match[str], today: date, year_group: int | None, q_group: int) -> date:
    quarter = _QUARTER_WORDS[m.group(q_group).lower()]
    year_text = m.group(year_group) if year_group else None
    if year_text:
        return _quarter_end(int(year_text), quarter)
    end = _quarter_end(today.year, quarter)
    return end if end >= today else _quarter_end(today.year + 1, quarter)


def _span(m: re.Match[str], today: date) -> date:
    n = _number(m.group(1))
    unit = m.group(2).lower()
    if unit in ("天", "日") or unit.startswith("day"):
        return today + timedelta(days=n)
    if unit in ("周", "星期", "个星期", "个礼拜", "礼拜") or unit.startswith("week"):
        return today + timedelta(weeks=n)
    if unit in ("年",) or unit.startswith("year"):
        return _add_months(today, 12 * n)
    return _add_months(today, n)  # 月 / 个月 / month(s)


_RULES: tuple[tuple[re.Pattern[str], _Resolver], ...] = tuple(
    (re.compile(p, re.IGNORECASE), f) for p, f in (
        # -- the next call (call objectives)
        (r"(?:下次|下一次)拜访(?:前|之前)|(?:before|by|at) the next (?:call|visit)", _call),
        # -- full dates
        (r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?",
         lambda m, t: _safe_date(int(m[1]), int(m[2]), int(m[3]))),
        (r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})/(\d{1,2})/(\d{1,2})",
         lambda m, t: _safe_date(int(m[1] or m[4]), int(m[2] or m[5]), int(m[3] or m[6]))),
        (r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b",
         lambda m, t: _safe_date(int(m[3]), int(m[2]), int(m[1]))
         or _safe_date(int(m[3]), int(m[1]), int(m[2]))),
        (rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON},?\s+(\d{{4}})\b",
         lambda m, t: _safe_date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))),
        (rf"\b{_MON}\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b",
         lambda m, t: _safe_date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))),
        # -- quarters with a year
        (r"(\d{4})\s*年?\s*(?:第)?([一二三四1-4])\s*季度|(\d{4})\s*年?\s*Q([1-4])",
         lambda m, t: _quarter_end(int(m[1] or m[3]), _QUARTER_WORDS[m[2] or m[4]])),
        (r"\bQ([1-4])\s*(?:of\s+)?(\d{4})\b",
         lambda m, t: _quarter_end(int(m[2]), int(m[1]))),
        # -- spans from today
        (rf"(?:within|in|in the next|next)\s+{_NUM}\s+(days?|weeks?|months?|years?)\b",
         _span),
        (rf"{_NUM}\s*(天|日|个星期|个礼拜|星期|礼拜|周|个月|月|年)\s*(?:内|之内|以内|后)",
         _span),
        (rf"\b{_NUM}\s+(days?|weeks?|months?|years?)\s+from (?:now|today)\b", _span),
        # -- month and year
        (r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末|份)?",
         lambda m, t: _month_end(int(m[1]), int(m[2])) if 1 <= int(m[2]) <= 12 else None),
        (rf"\b(?:end of\s+)?{_MON},?\s+(\d{{4}})\b",
         lambda m, t: _month_end(int(m[2]), _MONTHS[m[1].lower()])),
        # -- a year's end
        (r"(\d{4})\s*年\s*(?:底|末|年底|年末|内|以内|之内|度)|(?:end of|by the end of|by end)\s+(\d{4})\b",
         lambda m, t: date(int(m[1] or m[2]), 12, 31)),
        # -- day and month without year
        (r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]",
         lambda m, t: _next_day_month(t, int(m[1]), int(m[2]))),
        (rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MON}\b",
         lambda m, t: _next_day_month(t, _MONTHS[m[2].lower()], int(m[1]))),
        (rf"\b{_MON}\s+(\d{{1,2}}){_ORD}\b",
         lambda m, t: _next_day_month(t, _MONTHS[m[1].lower()], int(m[2]))),
        # -- month without year
        (r"(?<![\d年])(\d{1,2})\s*月(?:底|末|份)?\s*(?:前|之前|以前|为止|内)",
         lambda m, t: _next_month_end(t, int(m[1])) if 1 <= int(m[1]) <= 12 else None),
        (rf"\b(?:by|before|until|end of|in)\s+(?:the end of\s+)?{_MON}(?!\s*\d)",
         lambda m, t: _next_month_end(t, _MONTHS[m[1].lower()])),
        # -- quarters without a year
        (r"(?:第)?([一二三四1-4])\s*季度|\bQ([1-4])\b|\b(first|second|third|fourth) quarter\b",
         lambda m, t: _year_quarter(m, t, None, 1) if m[1] else
         _year_quarter(m, t, None, 2) if m[2] else _year_quarter(m, t, None, 3)),
        (r"下(?:个)?季度|next quarter",
         lambda m, t: _quarter_end(*_next_quarter(t))),
        (r"本季度?|这个?季度|季度末|季度底|this quarter|end of (?:the|this) quarter|quarter[- ]end",
         lambda m, t: _quarter_end(t.year, (t.month - 1) // 3 + 1)),
        # -- half years
        (r"上半年|first half(?: of the year)?|\bH1\b", lambda m, t: date(t.year, 6, 30)),
        (r"下半年|second half(?: of the year)?|\bH2\b", lambda m, t: date(t.year, 12, 31)),
        # -- years without a number
        (r"明年(?:底|末|内)?|next year|end of next year", lambda m, t: date(t.year + 1, 12, 31)),
        (r"今年(?:底|末|内)?|本年度?|年底|年末|年内|this year|year[- ]end|end of (?:the|this) year",
         lambda m, t: date(t.year, 12, 31)),
        # -- months without a number
        (r"下(?:个)?月(?:底|末|内)?|next month|end of next month",
         lambda m, t: _month_end(*_next_month(t))),
        (r"本月(?:底|末|内)?|这个?月(?:底|末|内)?|月底|月末|this month|month[- ]end|end of (?:the|this) month",
         lambda m, t: _month_end(t.year, t.month)),
        # -- weeks
        (r"下(?:个)?(?:周|星期|礼拜)|next week", lambda m, t: _friday(t, 1)),
        (r"本周|这(?:个)?(?:周|星期|礼拜)|this week|by friday|周五前", lambda m, t: _friday(t, 0)),
    )
)


def _next_month(t: date) -> tuple[int, int]:
    return (t.year + 1, 1) if t.month == 12 else (t.year, t.month + 1)


def _next_quarter(t: date) -> tuple[int, int]:
    q = (t.month - 1) // 3 + 1
    return (t.year + 1, 1) if q == 4 else (t.year, q + 1)


def find_deadline(text: str, today: date) -> Deadline | None:
    """Return the deadline written in ``text``, or None when there is none.

    Examples
    --------
    >>> today = date(2026, 3, 2)
    >>> find_deadline("2026年12月31日前将某医院心内科的月处方量从200盒提高到300盒", today).date
    datetime.date(2026, 12, 31)
    >>> find_deadline("Raise CARDIA to 300 boxes by 31 Dec 2026", today).date
    datetime.date(2026, 12, 31)
    >>> find_deadline("本月底前新开发3位医生", today).date
    datetime.date(2026, 3, 31)
    >>> find_deadline("Q4: 20% more prescriptions", today).date
    datetime.date(2026, 12, 31)
    >>> find_deadline("三个月内增加两家医院", today).date
    datetime.date(2026, 6, 2)
    >>> find_deadline("尽量提高销量", today) is None
    True
    """
    for pattern, resolve in _RULES:
        for match in pattern.finditer(text):
            resolved = resolve(match, today)
            if resolved is not None or resolve is _call:
                return Deadline(match.group(0), resolved, match.start(), match.end())
    return None
