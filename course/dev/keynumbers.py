"""The key numbers of a checked output, to compare the two editions of a lesson.

A cell marked ``# NBVAL_CHECK_OUTPUT`` stores the output CI compares. Its Chinese twin runs
the same code, so it must show the same numbers, whatever the words around them: ``1,234``
and ``1234`` are one number, ``15%`` stays a percentage, ``8.01万`` is 80,100, and an
English output's month names and number words (``May``, ``three``) may appear as digits in
Chinese (``5月``), as a Chinese numeral may stand for an English digit (``三个``).

Examples
--------
>>> compare("budget 72,858 boxes, stretch 10% by May", "预算72858盒，挑战幅度10%，5月前完成")
[]
>>> compare("stretch 15.2% in 149 days", "挑战幅度15%，149天")
['missing 15.2%', 'extra 15%']
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any

__all__ = ["compare", "numbers", "output_text"]

_NUMBER = re.compile(
    r"(?P<sign>(?<![\w)\].])[-−+])?"  # a sign, not a dash between two numbers (2026-12-31)
    r"(?<![A-Za-z_\d.])"  # not part of a code such as H01 or a longer number
    r"(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)"
    r"(?P<unit>\s?%|万|亿)?"
)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve"]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth"]
_OPTIONAL = {
    **{name: n for n, name in enumerate(_MONTHS, start=1)},
    **{name[:3]: n for n, name in enumerate(_MONTHS, start=1)},
    **{name: n for n, name in enumerate(_WORDS)},
    **{name: n for n, name in enumerate(_ORDINALS, start=1)},
}
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")
_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_CHINESE_NUMERAL = re.compile(r"[零一二两三四五六七八九十]+")


def _shown(value: float, percent: bool) -> str:
    text = f"{value:.10g}"
    return f"{text}%" if percent else text


def numbers(text: str) -> Counter[str]:
    """The numbers written with digits in ``text``, as a multiset of canonical strings.

    Examples
    --------
    >>> sorted(numbers("r = -0.05 on 2026-12-31; 1,172 boxes (12.0 %), H01 and 8.01万"))
    ['-0.05', '1172', '12', '12%', '2026', '31', '80100']
    """
    found: Counter[str] = Counter()
    for match in _NUMBER.finditer(unicodedata.normalize("NFKC", text)):
        value = float(match.group("value").replace(",", ""))
        if match.group("sign") in ("-", "−"):
            value = -value
        unit = (match.group("unit") or "").strip()
        value *= {"万": 1e4, "亿": 1e8}.get(unit, 1)
        found[_shown(value, unit == "%")] += 1
    return found


def _spelled_english(text: str) -> Counter[str]:
    """Numbers an English text writes as words (month names, one ... twelve, first ...).

    Examples
    --------
    >>> sorted(_spelled_english("Three calls in May, the first on Monday"))
    ['1', '3', '5']
    """
    return Counter(str(_OPTIONAL[w.lower()]) for w in _ENGLISH_WORD.findall(text)
                   if w.lower() in _OPTIONAL)


def _chinese_value(numeral: str) -> int | None:
    """The value of a Chinese numeral below 100, else ``None``.

    Examples
    --------
    >>> [_chinese_value(n) for n in ("三", "十", "十二", "二十", "四十五", "一二")]
    [3, 10, 12, 20, 45, None]
    """
    if "十" not in numeral:
        return _DIGITS[numeral] if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def _spelled_chinese(text: str) -> Counter[str]:
    values = (_chinese_value(n) for n in _CHINESE_NUMERAL.findall(text))
    return Counter(str(v) for v in values if v is not None)


_CHINESE_BESIDE = re.compile(r"\s?\([^()]*[\u4e00-\u9fff][^()]*\)")
"""The material's Chinese the English edition prints beside a concept: ``"English (中文)"``."""


def compare(english: str, chinese: str) -> list[str]:
    """What differs between the numbers of two outputs: ``missing x`` (in the Chinese) and
    ``extra x``; an empty list when they agree.

    The Chinese the English edition shows beside a concept (``Text.term``) repeats the
    concept's numbers: a number written both in the English and beside it counts once.

    Examples
    --------
    >>> compare("Budget 10-15 doctors. (预算10-15名医生)", "预算10-15名医生")
    []
    >>> compare('"I worked fifteen minutes overtime" (我加班了15分钟)', "我加班了15分钟")
    []
    >>> compare("3 objective(s): enough. 2 not SMART.", "共三个目标，足够。2个不符合SMART。")
    []
    >>> compare("31 December 2026", "2026年12月31日")
    []
    >>> compare("11 of 18 use CARDIA", "18位中有12位常规使用CARDIA")
    ['missing 11', 'extra 12']
    """
    beside = numbers(" ".join(_CHINESE_BESIDE.findall(english)))
    en, zh = numbers(_CHINESE_BESIDE.sub("", english)) | beside, numbers(chinese)
    missing = en - zh - _spelled_chinese(chinese)
    extra = zh - en - _spelled_english(english)
    return [f"missing {n}" for n in missing.elements()] + [f"extra {n}" for n in extra.elements()]


def output_text(outputs: list[Any]) -> str:
    """The text a cell's outputs show: streams and the plain-text form of results.

    Examples
    --------
    >>> output_text([{"output_type": "stream", "name": "stdout", "text": "a\\n"},
    ...              {"output_type": "execute_result", "data": {"text/plain": "1"}}])
    'a\\n\\n1'
    """
    parts = []
    for output in outputs:
        if output.get("output_type") == "stream":
            parts.append("".join(output.get("text", "")))
        elif output.get("output_type") in ("execute_result", "display_data"):
            parts.append("".join(output.get("data", {}).get("text/plain", "")))
        elif output.get("output_type") == "error":
            parts.append(f"{output.get('ename', '')}: {output.get('evalue', '')}")
    return "\n".join(parts)
