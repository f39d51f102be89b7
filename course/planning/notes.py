"""The sample rep's call notes in the language in force (拜访记录).

The sample territory's call history (``calls.csv``) writes each call's ``next_objective``
in English, from a few fixed wordings. The daily plan carries that note over as the first
objective of the next call (:func:`course.planning.plan_day`); :func:`call_note` shows a
note of one of those wordings in the language in force, with its product, numbers and
indication filled in. Any other note (a trainee's own) is shown as written.

Examples
--------
>>> from course.i18n import set_language
>>> set_language("zh")
>>> call_note("Check that Glycoren is used routinely: 3 more patients by next visit")
'确认Glycoren已经常规使用：下次拜访前再增加3位病人'
>>> call_note("Bring the new leaflet")
'Bring the new leaflet'
>>> set_language("en")
"""

from __future__ import annotations

import re

from course.i18n import _

__all__ = ["NOTE_WORDINGS", "call_note"]

NOTE_WORDINGS: tuple[str, ...] = (
    "Confirm {brand} is on the pharmacy committee's agenda by month end",
    "Answer Dr {name}'s questions on {brand} and ask for a first trial",
    "Review the first {n} trial patients with Dr {name}",
    "Check that {brand} is used routinely: {n} more patients by next visit",
    "Confirm first-choice use of {brand} and get one colleague's name",
    "Confirm the talk title and slides for the {ind} meeting",
)
"""The wordings of the sample's ``next_objective`` notes (the data generator writes them), as msgids."""


def _pattern(wording: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", wording)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(f"^{regex}$")


_PATTERNS = tuple((wording, _pattern(wording)) for wording in NOTE_WORDINGS)


def call_note(note: str) -> str:
    """Return ``note`` in the language in force when it has one of :data:`NOTE_WORDINGS`, else as written.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en")
    >>> call_note("Confirm the talk title and slides for the hypertension meeting")
    'Confirm the talk title and slides for the hypertension meeting'
    >>> set_language("zh")
    >>> call_note("Confirm the talk title and slides for the hypertension meeting")
    '确认高血压学术会的讲题和幻灯片'
    >>> set_language("en")
    """
    text = note.strip()
    for wording, pattern in _PATTERNS:
        found = pattern.match(text)
        if found:
            values = found.groupdict()
            if "ind" in values:
                values["ind"] = _(values["ind"])
            return _(wording).format(**values)
    return text
