"""The big-customer decks of the training material as data (大客户).

Three decks of the material are about big customers and the relationship with
them: 医药行业之大客户的选择及其谈判技巧 (choosing big customers and negotiating
with them), 医药大客户管理的方法和策略 with the 医疗行业大客户销售技术培训手册
(managing them), and 客户关系管理与维护经验分享 / 拜访技巧与客户关系管理 /
医药代表提升客户关系 (keeping the relationship). Each list here keeps the
material's order and its Chinese words; the English is the course's.

Where the material gives only a heading (the negotiation skills, the success
case), the list says so and :mod:`course.bigcustomers.negotiation` holds what
the course adds.
"""

from __future__ import annotations

from course.i18n import Text

__all__ = [
    "BEST_PRACTICES",
    "CHALLENGES",
    "COMMUNICATION",
    "CRM_NOT",
    "CRM_PRINCIPLES_KEPT",
    "DECK_OUTLINE",
    "DEFINITION",
    "MAINTENANCE",
    "MANAGEMENT_METHODS",
    "OPPORTUNITIES",
    "RISK",
    "RISK_RESPONSES",
    "SALES_PROCESS",
    "SUCCESS_CASE_OUTLOOK",
    "TRAITS",
    "VALUE",
]

DECK_OUTLINE: tuple[Text, ...] = (
    Text("Introduction", "引言"),
    Text("Traits and value of big customers in the pharmaceutical industry", "医药行业大客户的特点与价值"),
    Text("How to choose the right big customers", "如何选择合适的大客户"),
    Text("Negotiation skills and strategies with big customers", "大客户谈判技巧与策略"),
    Text("The challenges of big-customer negotiation and how to meet them", "大客户谈判的挑战与应对"),
    Text("Success cases", "大客户成功案例分享"),
)
"""The six parts of the deck 医药行业之大客户的选择及其谈判技巧, in its order.

Examples
--------
>>> len(DECK_OUTLINE), DECK_OUTLINE[3].zh
(6, '大客户谈判技巧与策略')
"""

DEFINITION: tuple[Text, ...] = (
    Text("buys in large volume", "购买量较大"),
    Text("has special needs for products or services", "对产品或服务有特殊需求"),
    Text("has a large influence on the field", "对行业影响较大"),
)
"""What makes a big customer (大客户的定义): the material's three marks.

Examples
--------
>>> [d.zh for d in DEFINITION]
['购买量较大', '对产品或服务有特殊需求', '对行业影响较大']
"""

TRAITS: tuple[Text, ...] = (
    Text("strong buying power", "购买力强"),
    Text("varied needs", "需求多样化"),
    Text("high loyalty", "忠诚度高"),
)
"""The traits of a big customer (大客户的特点)."""

VALUE: tuple[Text, ...] = (
    Text("Raises sales: large purchases bring stable revenue and profit",
         "提升销售额：大客户购买量大，能够为医药企业带来稳定的销售收入和利润"),
    Text("Helps the company widen its market", "对医药行业的市场拓展有着重要的影响"),
)
"""What a big customer is worth to a pharmaceutical company (大客户对医药行业的价值)."""

OPPORTUNITIES: tuple[Text, ...] = (
    Text("fast growth of results", "实现销售业绩的快速增长"),
    Text("higher market share and brand influence", "提高市场占有率和品牌影响力"),
    Text("a stable partnership that lays the ground for future business",
         "建立稳定的合作关系，为未来的业务拓展打下坚实的基础"),
)
"""The opportunities of big-customer work (大客户销售的机遇)."""

CHALLENGES: tuple[Text, ...] = (
    Text("high demands on the product and the service", "对产品或服务的要求较高"),
    Text("a long and complex cycle", "销售周期长且复杂"),
    Text("much time, money and many people to invest", "需要投入大量的人力、物力和财力资源"),
    Text("professional skills and knowledge of the industry", "需要具备专业的销售技巧和行业知识"),
    Text("fierce competition and a changing market", "激烈的市场竞争和不断变化的市场环境"),
)
"""The challenges of big-customer work (大客户销售的挑战), in the material's order.

Examples
--------
>>> CHALLENGES[1].en
'a long and complex cycle'
"""

RISK: Text = Text(
    "Big customers expect much; when their expectations are not met they become dissatisfied and leave.",
    "大客户通常具有较高的期望和需求，如果不能满足他们的期望，可能会导致客户的不满和流失。",
)
"""The risk to the relationship (客户关系的风险), in the material's words."""

RISK_RESPONSES: tuple[Text, ...] = (
    Text("build a sound customer-relationship management routine", "建立良好的客户关系管理机制"),
    Text("understand the customer's needs", "了解客户需求"),
    Text("give feedback and solve problems promptly", "及时反馈和解决问题"),
    Text("keep in regular contact", "定期与客户进行沟通"),
    Text("keep raising your own strength and service", "不断提升自身实力和服务水平"),
)
"""How the material meets that risk (降低客户关系的风险)."""

MANAGEMENT_METHODS: tuple[Text, ...] = (
    Text("Build a long-term, stable relationship of mutual trust and benefit",
         "建立长期稳定的关系（互信、互利的合作模式）"),
    Text("Offer tailored services and products", "提供定制化服务和产品"),
    Text("Differentiate: a different solution for each customer's needs", "实施差异化营销"),
    Text("Review the big-customer team's performance regularly (results and customer satisfaction)",
         "建立绩效考核机制（业绩和客户满意度）"),
)
"""The four methods of 医药大客户管理的方法和策略."""

SALES_PROCESS: tuple[Text, ...] = (
    Text("find potential customers", "发现潜在客户"),
    Text("build trust", "建立信任关系"),
    Text("understand the customer's needs", "了解客户需求"),
    Text("offer a solution", "提供解决方案"),
    Text("handle objections", "处理客户异议"),
    Text("close", "促成交易"),
)
"""The big-customer sales process (大客户销售过程), in the material's order.

Examples
--------
>>> [s.zh for s in SALES_PROCESS][-2:]
['处理客户异议', '促成交易']
"""

SUCCESS_CASE_OUTLOOK: Text = Text(
    "The partnership has a wide future: both sides keep innovating and developing products "
    "that meet the market's needs, and open new fields and regions together.",
    "双方的合作前景更加广阔。未来，双方将继续加强技术创新和产品研发，推出更多符合市场需求的高品质产品和服务；"
    "同时拓展新的业务领域和区域市场，共同实现更大的商业价值和社会价值。",
)
"""The only part of the success case (成功案例分享) the material keeps: its outlook (发展前景)."""

MAINTENANCE: tuple[Text, ...] = (
    Text("Know the customer's needs: open questions at the first call, then listen", "认识客户的需求"),
    Text("Communicate the way each customer prefers: e-mail, telephone or in person", "个性化的沟通方式"),
    Text("Visit regularly, face to face", "定期的客户拜访"),
    Text("Bring valuable information and support: new-drug information, disease knowledge, training",
         "提供有价值的信息和支持"),
)
"""The four points of 医药代表的客户关系管理与维护经验分享."""

BEST_PRACTICES: tuple[Text, ...] = (
    Text("a complete customer database", "建立完整的客户信息数据库"),
    Text("a tailored service plan for each customer", "制定个性化的客户服务方案"),
    Text("regular customer-satisfaction surveys", "定期进行客户满意度调查"),
    Text("a routine for keeping the relationship", "建立良好的客户关系维护机制"),
)
"""The best practices of customer management (客户管理的最佳实践)."""

COMMUNICATION: tuple[Text, ...] = (
    Text("clear: nothing vague", "清晰明确"),
    Text("brief: short, simple sentences", "简洁明了"),
    Text("positive feedback: show the customer their view was heard", "积极反馈"),
    Text("listening: do not interrupt or judge early", "倾听能力"),
    Text("expression: practise saying things precisely", "表达能力"),
)
"""Principles and skills of communicating with customers (有效沟通原则, 沟通技巧提升)."""

CRM_NOT: Text = Text(
    "Customer management is not visiting with gifts, nor eating and drinking together.",
    "客户管理不是上门送礼，也不是吃吃喝喝。",
)
"""The material's own warning on what customer management is not."""

CRM_PRINCIPLES_KEPT: tuple[tuple[int, Text], ...] = (
    (9, Text("Business value: a personal adviser and strategic partner", "商业价值：私人顾问兼战略伙伴关系")),
    (10, Text("Lasting and stable: the same representative for three years", "持久稳定：三年不换人")),
)
"""The two principles of customer management that survive in the material (numbers 9 and 10 of ten).

Examples
--------
>>> [number for number, _text in CRM_PRINCIPLES_KEPT]
[9, 10]
"""
