"""Telephone and office etiquette (电话礼仪, 办公室礼仪) from the material.

A big customer is often reached by telephone: to book a visit, confirm a
meeting or answer a question. The material gives two short lists: how to make
a call (:data:`TELEPHONE`) and its summary of office etiquette (:data:`OFFICE`).
:func:`review_call` reads a call you made against the first list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from course.i18n import Text
from course.inputs import check_choice

__all__ = ["OFFICE", "TELEPHONE", "CallReview", "review_call"]

TELEPHONE: dict[str, Text] = {
    "introduce": Text("Say your company (department) and your name", "讲明自己的公司（部门）和姓名"),
    "ask_convenient": Text("When the call connects, ask whether it is a good time", "电话接通时，问对方是否方便"),
    "prepare": Text("Organise what you will say and the material you need", "组织好谈话内容及所需的材料"),
    "listen": Text("Listen carefully", "认真聆听"),
    "brief": Text("Be brief", "简洁"),
    "hang_up_gently": Text("Put the receiver down gently", "轻轻挂上听筒"),
}
"""How to make a telephone call, in the material's order.

Examples
--------
>>> list(TELEPHONE)[:2]
['introduce', 'ask_convenient']
"""

OFFICE: tuple[Text, ...] = (
    Text("Treat every call as an important one", "每次来电都当作“重要的”来对待"),
    Text("Let your voice smile", "让你的声音“笑”起来"),
    Text("Be lively", "充满乐趣"),
    Text("Show interest", "表现出兴趣"),
    Text("Be patient", "有耐心"),
    Text("Use polite words", "使用礼貌用语"),
)
"""The material's summary of office etiquette (办公室礼仪·总结).

Examples
--------
>>> OFFICE[0].zh
'每次来电都当作“重要的”来对待'
"""


@dataclass(frozen=True)
class CallReview:
    """What a telephone call did and missed of the material's six points."""

    done: tuple[str, ...]
    """Points of :data:`TELEPHONE` the call kept, in the material's order."""
    missed: tuple[str, ...]
    """Points it missed, in the material's order."""

    @property
    def score(self) -> str:
        """``"kept/6"``.

        Examples
        --------
        >>> review_call(["introduce", "brief"]).score
        '2/6'
        """
        return f"{len(self.done)}/{len(TELEPHONE)}"


def review_call(done: Iterable[str]) -> CallReview:
    """Compare a call with the material's telephone points.

    Parameters
    ----------
    done
        Keys of :data:`TELEPHONE` the call kept, in any order.

    Examples
    --------
    >>> r = review_call(["listen", "introduce", "ask_convenient"])
    >>> r.done, r.missed
    (('introduce', 'ask_convenient', 'listen'), ('prepare', 'brief', 'hang_up_gently'))
    """
    kept = {check_choice("telephone point", key, list(TELEPHONE)) for key in done}
    return CallReview(tuple(k for k in TELEPHONE if k in kept), tuple(k for k in TELEPHONE if k not in kept))
