"""The causes of wasted time (浪费时间的原因) as the training material lists them.

The training material names ten causes in order, then further ones ("另外，以下原因也会造成
时间浪费"). It gives its own remedy for three of the ten (searching, unplanned
delays, laziness) and explains some others; where it gives none, the course
adds a short remedy drawn from the training material's other advice (priorities, planning,
learning to say no) and marks it as the course's (``remedy_from_material`` False).

The codes are those of the time log's ``waster`` column
(:data:`course.data.schema.WASTERS`). The training material's further causes that the log
does not code separately (贪多嚼不烂, 夸夸其谈, 家务繁杂, 个人组织能力不佳,
缺乏优先等级, 授权能力不佳) fold into over-commitment, socialising,
searching, no priorities and not delegating.
"""

from __future__ import annotations

from dataclasses import dataclass

from course.data.schema import WASTERS
from course.i18n import Text
from course.inputs import check_choice

__all__ = ["EXTRA_WASTERS", "TEN_WASTERS", "WASTER_INFO", "TimeWaster", "waster"]


@dataclass(frozen=True)
class TimeWaster:
    """One cause of wasted time."""

    code: str
    """The code used in a time log's ``waster`` column, e.g. ``searching``."""
    number: int | None
    """Its place 1-10 among the training material's ten causes; ``None`` for the further causes."""
    name: Text
    """Its name, in the training material's Chinese wording."""
    remedy: Text
    """What to do about it."""
    remedy_from_material: bool
    """True when the remedy is the training material's own, False when the course added it."""

    @property
    def in_top_ten(self) -> bool:
        """True for one of the training material's ten causes.

        Examples
        --------
        >>> waster("searching").in_top_ten, waster("socialising").in_top_ten
        (True, False)
        """
        return self.number is not None


_ALL = (
    TimeWaster("searching", 1, Text("Searching for things", "找东西"),
               Text("Throw away what is useless, such as old material; file what is useful by kind, such as customer records.",
                    "没用的东西扔掉，比如废旧的资料；有用的东西分类保管，比如各类客户档案。"),
               True),
    TimeWaster("interruptions", 2, Text("Interrupted work", "时断时续"),
               Text("Finish one task in one go: block time for it and batch calls and messages.",
                    "一气呵成：为一件事留出整块时间，电话和消息集中处理。"),
               False),
    TimeWaster("not_delegating", 3, Text("Doing everything yourself, not delegating", "事无巨细，不懂授权"),
               Text("Hand over what others can do (urgent but not important work) and keep your hours for B.",
                    "把别人能做的事（紧急但不重要的事）交出去，把时间留给B类事务。"),
               False),
    TimeWaster("unplanned_delays", 4, Text("Unplanned delays", "偶发延误"),
               Text("Arrange the work in advance.", "预先安排工作。"),
               True),
    TimeWaster("procrastination", 5, Text("Laziness and putting things off", "懒惰"),
               Text("Use a diary or a weekly work plan, work somewhere other than home, or start early.",
                    "使用日程表或周工作计划表；或在家以外的地方工作；或及早开始。"),
               True),
    TimeWaster("living_in_memories", 6, Text("Living in memories", "活于记忆里"),
               Text("Stop dwelling on past mistakes and lost chances, or daydreaming about the future: act on today's plan.",
                    "不要对过去的错误和失去的机会耿耿于怀，也不要空想未来：按今天的计划行动。"),
               False),
    TimeWaster("indecision", 7, Text("Indecision and hesitation", "患得患失、瞻前顾后、拖拖拉拉"),
               Text("Ask the five questions of beginning with the end in mind, decide, and act now.",
                    "用“以终为始”的五个问题做出决定，然后立即行动。"),
               False),
    TimeWaster("acting_before_understanding", 8, Text("Acting before understanding", "缺乏理解就匆忙行动"),
               Text("Clarify the goal and what is asked before you start.", "动手之前先弄清目标和要求。"),
               False),
    TimeWaster("negative_emotion", 9, Text("Negative emotion", "消极情绪"),
               Text("Negative emotion drains drive and lowers efficiency: notice it, recover, and start with a small task you can finish.",
                    "消极情绪使人失去干劲，工作效率下降：觉察它，调整好，从一件能完成的小事做起。"),
               False),
    TimeWaster("no_priorities", 10, Text("No priorities", "事无轻重缓急"),
               Text("Sort tasks with the urgent/important matrix and do B before C.", "用时间管理表排出轻重缓急，先做B类再做C类。"),
               False),
    TimeWaster("over_commitment", None, Text("Over-commitment", "承诺太多"),
               Text("Learn to say no; take on only what your plan has room for.", "学会说“不”；只承诺计划中有余地的事。"),
               False),
    TimeWaster("socialising", None, Text("Too much socialising", "应酬过多"),
               Text("Keep social time purposeful and limited.", "应酬要有目的、有节制。"),
               False),
    TimeWaster("no_goals", None, Text("No goals", "缺乏目标"),
               Text("Write down clear goals first: the first step of the four-step ladder.", "先写下明确的目标：时间管理阶梯的第一步。"),
               False),
    TimeWaster("no_deadlines", None, Text("No deadlines", "缺乏完成期限"),
               Text("Give every task a date by which it is done.", "给每件事定一个完成期限。"),
               False),
    TimeWaster("unclear_authority", None, Text("Unclear authority or responsibility", "权力或责任界定不清"),
               Text("Agree with your manager who decides and who does what.", "与上级明确谁决定、谁负责。"),
               False),
    TimeWaster("missing_resources", None, Text("Missing resources", "缺乏所需资源"),
               Text("List what you need (samples, material, approvals) when you plan, not when you need it.",
                    "在计划时就列出所需资源（样品、资料、审批），而不是用时再找。"),
               False),
)

WASTER_INFO: dict[str, TimeWaster] = {w.code: w for w in _ALL}
"""Every cause by code, in the training material's order (the ten first)."""

TEN_WASTERS: tuple[str, ...] = tuple(w.code for w in _ALL if w.number is not None)
"""The codes of the training material's ten causes of wasted time, in its order."""

EXTRA_WASTERS: tuple[str, ...] = tuple(w.code for w in _ALL if w.number is None)
"""The codes of the training material's further causes."""

if tuple(WASTER_INFO) != WASTERS:  # pragma: no cover - a guard on the shared schema
    raise RuntimeError("course.timemgmt.wasters is out of step with course.data.schema.WASTERS")


def waster(code: str) -> TimeWaster:
    """Return the cause of wasted time with this code.

    Examples
    --------
    >>> w = waster("procrastination")
    >>> w.number, w.name.zh, w.remedy_from_material
    (5, '懒惰', True)
    >>> waster("tv")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: waster: got 'tv'; allowed: one of 'searching', ...
    """
    check_choice("waster", code, WASTERS)
    return WASTER_INFO[code]
