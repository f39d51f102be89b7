"""Begin with the end in mind (以终为始): five questions before you take on a task.

The training material asks, in this order:

1. Must it be done? (是必须要做的吗？)
2. What happens if it is not done? (不完成会怎样？)
3. Do I want it? (是自己想要的吗？)
4. Is it directly tied to my goal? (和目标直接相关吗？)
5. Is the return high? (回报及收益高吗？)

The training material stops at the questions; :func:`decide` turns the answers into one of
four actions with the reason, using these rules (the first that applies wins):

- must be done and serious if not done: **do** it now if it serves your goal or
  pays back well, else **delegate** it;
- tied to your goal and a high return: **schedule** it (a big rock of quadrant B);
- must be done (nothing serious today): **schedule** it if tied to your goal,
  else **delegate** it;
- not yours but serious if nobody does it: **delegate** it;
- you want it and it serves your goal or pays back: **schedule** it after the big rocks;
- otherwise **drop** it: learn to say no (学会说"不").
"""

from __future__ import annotations

from dataclasses import dataclass

from course.i18n import Text
from course.inputs import check_bool, check_choice

__all__ = ["ACTIONS", "CONSEQUENCES", "QUESTIONS", "Decision", "decide"]

QUESTIONS: tuple[Text, ...] = (
    Text("Must it be done?", "是必须要做的吗？"),
    Text("What happens if it is not done?", "不完成会怎样？"),
    Text("Do I want it?", "是自己想要的吗？"),
    Text("Is it directly tied to my goal?", "和目标直接相关吗？"),
    Text("Is the return high?", "回报及收益高吗？"),
)
"""The training material's five questions, in its order."""

CONSEQUENCES: dict[str, Text] = {
    "none": Text("Nothing much", "没什么影响"),
    "minor": Text("Some inconvenience", "有些影响"),
    "serious": Text("Serious consequences", "后果严重"),
}
"""Answers to "what happens if it is not done?"."""

ACTIONS: dict[str, Text] = {
    "do": Text("Do it now", "立即去做"),
    "schedule": Text("Schedule it", "列入计划"),
    "delegate": Text("Delegate it", "授权他人"),
    "drop": Text("Drop it", "放弃不做"),
}
"""The four possible decisions."""


@dataclass(frozen=True)
class Decision:
    """What to do with a task, and why."""

    action: str
    """``do``, ``schedule``, ``delegate`` or ``drop``."""
    reason: Text
    """Why, in one sentence."""
    answers: tuple[bool, str, bool, bool, bool]
    """The five answers, in the order of :data:`QUESTIONS`."""

    @property
    def label(self) -> Text:
        """The action in words, e.g. "Schedule it" (列入计划)."""
        return ACTIONS[self.action]


_REASONS = {
    "do": Text("It must be done, leaving it is serious and it serves your goal or pays back well: do it now yourself.",
               "必须做、不做后果严重，而且与目标相关或回报高：现在亲自去做。"),
    "delegate_must": Text("It must be done and leaving it is serious, but it neither serves your goal nor pays back: hand it to someone who can do it.",
                          "必须做、不做后果严重，但与你的目标无关、回报也不高：交给能做的人。"),
    "schedule_goal": Text("It serves your goal and pays back well: book time for it this week (a big rock of quadrant B).",
                          "与目标直接相关且回报高：本周为它预留时间（B类的“大石头”）。"),
    "schedule_must": Text("It must be done and serves your goal, but nothing serious happens today: put it in your plan.",
                          "必须做且与目标相关，但今天不做也无大碍：列入计划。"),
    "delegate_routine": Text("It must be done but does not serve your goal: delegate it or do it in one batch.",
                             "必须做但与目标无关：授权他人或集中一次处理。"),
    "delegate_other": Text("Someone has to do it, but it is not yours to do: hand it over.",
                           "总得有人做，但不该由你来做：交出去。"),
    "schedule_want": Text("You want it and it serves your goal or pays back: plan it after your big rocks.",
                          "你想做，且与目标相关或有回报：排在“大石头”之后。"),
    "drop": Text("Nobody requires it, little happens without it and it does not serve your goal: drop it and learn to say no.",
                 "没人要求、不做也无妨、与目标无关：放弃它，学会说“不”。"),
}


def _flag(field: str, value: object) -> bool:
    return check_bool(field, value)


def decide(must_do: bool, if_not_done: str, want_to: bool, tied_to_goal: bool,
           high_return: bool) -> Decision:
    """Answer the five questions and get a decision: do, schedule, delegate or drop.

    Parameters
    ----------
    must_do
        Must it be done (by you, your manager or a customer's requirement)?
    if_not_done
        What happens if it is not done: ``"none"``, ``"minor"`` or ``"serious"``.
    want_to
        Do you want it?
    tied_to_goal
        Is it directly tied to your goal?
    high_return
        Is the return high?

    Examples
    --------
    >>> decide(True, "serious", False, True, True).action       # stock-out at a key account
    'do'
    >>> decide(False, "minor", True, True, True).action         # prepare a department meeting
    'schedule'
    >>> decide(True, "serious", False, False, False).action     # expense forms due today
    'delegate'
    >>> d = decide(False, "none", False, False, False)          # an invitation to play cards
    >>> d.action, d.label.zh
    ('drop', '放弃不做')
    >>> decide(True, "maybe", True, True, True)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: if_not_done: got 'maybe'; allowed: one of 'none', 'minor', 'serious'
    """
    must = _flag("must_do", must_do)
    check_choice("if_not_done", if_not_done, list(CONSEQUENCES))
    want = _flag("want_to", want_to)
    goal = _flag("tied_to_goal", tied_to_goal)
    paying = _flag("high_return", high_return)
    serious = if_not_done == "serious"
    if must and serious:
        action, why = ("do", "do") if goal or paying else ("delegate", "delegate_must")
    elif goal and paying:
        action, why = "schedule", "schedule_goal"
    elif must:
        action, why = ("schedule", "schedule_must") if goal else ("delegate", "delegate_routine")
    elif serious:
        action, why = "delegate", "delegate_other"
    elif want and (goal or paying):
        action, why = "schedule", "schedule_want"
    else:
        action, why = "drop", "drop"
    return Decision(action, _REASONS[why], (must, if_not_done, want, goal, paying))
