"""The training material's planning checklists as data: the four-step ladder, the plan questions,
the monthly plan and the daily call plan, and its philosophy of time.

The training material says weekly and daily plans answer "the same six questions"
(你可用同样的6个问题来建立每日计划或每周计划); it lists them on the slides before
("plan work and time together"): three for the work plan (results, actions,
priorities) and three for the time plan (estimated duration, schedule, buffer).
:data:`PLAN_QUESTIONS` holds those six, and it is the one list of "the six
questions" in the course (lesson 5 uses it through :mod:`course.planning.daily`).
The daily call plan that follows in the training material is a checklist of six points
(:data:`DAILY_CALL_PLAN`), not the six questions.
"""

from __future__ import annotations

from course.i18n import Text

__all__ = [
    "CALLS_PER_DAY",
    "DAILY_CALL_PLAN",
    "LADDER",
    "MIN_OBJECTIVES_PER_CALL",
    "MONTHLY_PLAN",
    "PHILOSOPHY",
    "PLAN_QUESTIONS",
    "WEEKLY_PLAN_TIPS",
]

LADDER: tuple[Text, ...] = (
    Text("Set clear goals", "明确目标"),
    Text("Sort by priority", "分清轻重缓急"),
    Text("Make a plan", "制定计划"),
    Text("Act now", "立即行动"),
)
"""The four-step ladder of time management (阶梯图), bottom step first.

Examples
--------
>>> [step.zh for step in LADDER]
['明确目标', '分清轻重缓急', '制定计划', '立即行动']
"""

PLAN_QUESTIONS: tuple[tuple[Text, Text], ...] = (
    (Text("Results (work plan)", "结果（工作计划）"),
     Text("What is my goal? What do I want to achieve?", "什么是我的目标？希望完成什么？")),
    (Text("Actions (work plan)", "行动（工作计划）"),
     Text("What must I do to reach these results?", "我必须做什么才能达到这些结果？")),
    (Text("Priorities (work plan)", "优先原则（工作计划）"),
     Text("What comes first?", "最先做什么？")),
    (Text("Estimated time (time plan)", "估计时间（时间计划）"),
     Text("How long will each activity take?", "每一次活动要多长时间？")),
    (Text("Schedule (time plan)", "日程表（时间计划）"),
     Text("When will I do each piece of work?", "何时做每一项工作？")),
    (Text("Buffer time (time plan)", "弹性时间（时间计划）"),
     Text("How much spare time must I keep for what I cannot control?",
          "必须定出多少弹性时间以应付不能控制的事情？")),
)
"""The six questions of a weekly or daily plan: (topic, question).

Examples
--------
>>> len(PLAN_QUESTIONS), PLAN_QUESTIONS[5][0].en
(6, 'Buffer time (time plan)')
"""

WEEKLY_PLAN_TIPS: tuple[Text, ...] = (
    Text("The daily work sheet is used most, but a weekly plan is better: it looks further ahead and leaves more choice.",
         "每日工作表最常用，但每周计划更好，使你有一个更长的计划和更多的选择余地。"),
    Text("Use the same six questions for a daily or a weekly plan.",
         "你可用同样的6个问题来建立每日计划或每周计划。"),
    Text("If you can, build next week's plan the weekend before.", "如有可能在上周末建立每周计划。"),
)
"""The training material's advice on weekly and daily plans."""

MONTHLY_PLAN: tuple[Text, ...] = (
    Text("Where you work in each part of the month (a 4-week cycle)", "每月各段时间的工作地点（4周为一周期）"),
    Text("How many working days this month?", "本月工作天是？"),
    Text("How many working days for each hospital?", "每间医院花多少工作天？"),
    Text("Which new departments and new doctors to open?", "预计开发的科室及新的医生？"),
    Text("The main promotional activities", "主要的促销活动？"),
)
"""What the representative's monthly plan (月计划) settles."""

CALLS_PER_DAY: tuple[int, int] = (10, 15)
"""The training material's daily budget of doctors to see: 10 to 15 (US surveys report 6-10)."""

MIN_OBJECTIVES_PER_CALL: int = 3
"""The training material: at least three objectives for every call (最少3项目的)."""

DAILY_CALL_PLAN: tuple[Text, ...] = (
    Text("Which doctors will I see? Budget 10-15 doctors.", "见哪些医生？预算10-15名医生"),
    Text("Who are they? Read the customer records.", "他们是怎样的人？查阅客户记录"),
    Text("When is the best time to visit?", "最佳拜访时间"),
    Text("Where is each doctor?", "医生的位置？"),
    Text("What is the purpose of each call? At least 3 objectives.", "拜访目的是什么？最少3项目的"),
    Text("Read the notes of the last call.", "翻阅上次拜访记录"),
)
"""The training material's checklist for the daily call plan (日计划).

Examples
--------
>>> CALLS_PER_DAY, MIN_OBJECTIVES_PER_CALL, len(DAILY_CALL_PLAN)
((10, 15), 3, 6)
"""

PHILOSOPHY: tuple[Text, ...] = (
    Text("Develop your own way of managing time.", "培养个人的时间管理方法。"),
    Text("Look far ahead.", "要有远大的眼光。"),
    Text("Be able to delay gratification.", "要有延后满足的能力。"),
    Text("Build your character through action.", "培养个人的特质，于行动中自我锻炼。"),
    Text("Think small: measure time by the minute.", "学习微观，以每分钟来衡量时间。"),
    Text("Learn to say no.", "学习如何说“不”。"),
    Text("Remember that time is money.", "要记住时间等于金钱。"),
    Text("Value every task by your hourly wage.", "要以每小时的工资为基础，来衡量每一件要去做的事。"),
)
"""The training material's eight points of the philosophy of time management (时间管理的哲学)."""
