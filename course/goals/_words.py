"""Word lists shared by the SMART rules and the goal coach (English and Chinese).

Kept in one place so the lesson can show them and a trainer can extend them.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = [
    "COLLECTIVE_OWNERS",
    "COMMITMENT_WORDS",
    "CUSTOMER_WORDS",
    "DECREASE_WORDS",
    "HEDGES",
    "VAGUE_DIRECTIONS",
    "find_words",
]

HEDGES: tuple[str, ...] = (
    # Chinese: "as far as possible", "strive to", "try", "roughly", "some", "appropriately"
    "尽量", "尽可能", "争取", "力争", "努力", "试着", "试图", "大概", "差不多", "一些", "适当",
    # English
    "try to", "trying to", "will try", "as much as possible", "as many as possible", "hopefully",
    "do my best", "attempt to", "maybe", "somewhat", "some", "a lot", "various",
)
"""Words that hedge the commitment: a goal with them is not specific, numbers or not."""

VAGUE_DIRECTIONS: tuple[str, ...] = (
    # Chinese: raise, improve, strengthen, increase, better, more, expand, promote, do well
    "提高", "提升", "加强", "增加", "增长", "改善", "扩大", "更好", "更多", "促进", "做好", "优化",
    "降低", "减少",
    # English
    "better", "more", "improve", "increase", "grow", "boost", "enhance", "strengthen", "raise",
    "maximise", "maximize", "optimise", "optimize", "reduce", "lower",
)
"""Words that name a direction, not a result: vague unless a number says how far."""

DECREASE_WORDS: tuple[str, ...] = (
    "降低", "减少", "下降", "缩短", "降至", "降到", "减至", "减到",
    "reduce", "decrease", "cut", "lower", "shorten", "down to",
)
"""Words that make a goal a reduction (e.g. waiting time, stock-outs, complaints)."""

COLLECTIVE_OWNERS: tuple[str, ...] = (
    "我们", "大家", "团队", "全体", "所有人",
    "we", "us", "everyone", "everybody", "all of us", "the team", "team", "all",
)
"""Owners that are nobody in particular: a goal owned by everyone is owned by no one."""

CUSTOMER_WORDS: tuple[str, ...] = (
    "医院", "科", "医生", "医师", "主任", "药房", "药店", "客户", "产品", "处方", "病房", "门诊",
    "hospital", "department", "ward", "clinic", "doctor", "dr", "physician", "pharmacy",
    "customer", "account", "product", "prescription", "prescriptions", "prescriber",
)
"""Words that name who or what the goal is about (a customer, a product)."""

COMMITMENT_WORDS: tuple[str, ...] = (
    "同意", "承诺", "答应", "确认", "确定", "签", "试用", "处方", "首选", "参加", "邀请", "预约",
    "安排", "解答", "回答", "答复", "核实", "检查", "递交", "介绍", "展示", "收集",
    "agree", "commit", "confirm", "accept", "sign", "trial", "prescribe", "first choice",
    "attend", "invite", "book", "schedule", "arrange", "answer", "check", "deliver", "present",
    "show", "share", "introduce", "introduction", "collect", "review",
)
"""Commitments and actions you can see done at the end of a call (a call objective's M)."""

_ASCII = re.compile(r"^[a-z][a-z .]*$")


def find_words(text: str, words: tuple[str, ...]) -> list[str]:
    """Return the words of ``words`` that occur in ``text``, in list order.

    English words match whole words, case-insensitively, with a plain ending
    (-s, -es, -d, -ed, -ing) for words of three letters or more: "improve" finds
    "improved", "try" is not found in "country". Chinese words match anywhere.

    Examples
    --------
    >>> find_words("尽量提高销量", HEDGES + VAGUE_DIRECTIONS)
    ['尽量', '提高']
    >>> find_words("Try to sell more in this country", HEDGES)
    ['try to']
    >>> find_words("Improved relations with doctors", VAGUE_DIRECTIONS + CUSTOMER_WORDS)
    ['improve', 'doctor']
    """
    lowered = text.lower()
    found = []
    for word in words:
        pattern = _pattern(word)
        if (pattern.search(lowered) if pattern else word in text):
            found.append(word)
    return found


@cache
def _pattern(word: str) -> re.Pattern[str] | None:
    """The whole-word pattern of an English word; None for Chinese (matched as a substring)."""
    if not _ASCII.match(word):
        return None
    ending = r"(?:s|es|d|ed|ing)?" if len(word) >= 3 else ""
    return re.compile(rf"(?<![a-z]){re.escape(word)}{ending}(?![a-z])")
