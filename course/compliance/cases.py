"""Cases from the training material's world, each sorted: allowed, not allowed, or ask compliance first.

Every :class:`Case` carries its verdict, the reason (citing the rules of
:mod:`course.compliance.rules`) and the compliant way to do the same job, in
English and Chinese. :func:`sort_cases` marks a trainee's verdicts; the case
sorter widget and the exercises only show what it returns.

Examples
--------
>>> from course.i18n import set_language
>>> set_language("en")
>>> CASES["prescription_report"].verdict
'not allowed'
>>> result = sort_cases({"festival_gift": "not allowed", "speaker_fee": "allowed"})
>>> result.right, result.answered, result.total == len(CASES)
(1, 2, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from course.errors import CourseInputError, Phrase, Problem
from course.i18n import Text

__all__ = ["CASES", "VERDICTS", "Case", "CaseMark", "SortResult", "parse_verdict", "sort_cases"]

VERDICTS: dict[str, Text] = {
    "allowed": Text("Allowed", "可以做"),
    "not allowed": Text("Not allowed", "不可以做"),
    "ask compliance": Text("Ask compliance first", "先问合规部门"),
}
"""The three verdicts, by the key a trainee types (``"allowed"``, ``"not allowed"``, ``"ask compliance"``)."""


@dataclass(frozen=True)
class Case:
    """A situation a representative meets, with its verdict under today's rules."""

    key: str
    """Short name, e.g. ``"festival_gift"``."""
    situation: Text
    """What happens, in a few sentences."""
    verdict: str
    """One of the keys of :data:`VERDICTS`."""
    reason: Text
    """Why, naming the rule."""
    instead: Text
    """How a compliant company does the same job."""
    rules: tuple[str, ...]
    """Keys of :data:`course.compliance.rules.RULES` the reason rests on."""
    prohibition: str | None = None
    """The key of the prohibition in :data:`course.compliance.rules.NMPA_PROHIBITED` the act falls under, if any."""


def _case(key: str, verdict: str, rules: tuple[str, ...], prohibition: str | None,
          situation: tuple[str, str], reason: tuple[str, str], instead: tuple[str, str]) -> Case:
    return Case(key, Text(*situation), verdict, Text(*reason), Text(*instead), rules, prohibition)


_CASES: tuple[Case, ...] = (
    _case("department_lunch", "allowed", ("ifpma", "company"), None,
          ("After a department meeting (科室会) that the hospital agreed to, where you present the "
           "CARDIA outcome study, the company provides a simple boxed lunch for the cardiology team, "
           "approved in advance, within the company's per-person limit, and recorded.",
           "医院同意召开的科室会上，你介绍瑞心平的临床结局研究；会后公司为心内科团队提供简单的盒饭，"
           "事先审批、在公司人均标准以内，并留有记录。"),
          ("A modest meal that is secondary to a scientific exchange, approved and recorded, is "
           "allowed by the IFPMA Code and by company policies; the hospital has agreed to the meeting. "
           "Where a hospital's own rules refuse company meals, there is no lunch.",
           "适度的餐饮从属于学术交流、经过审批并有记录，符合IFPMA准则和公司制度；会议也经医院同意。"
           "如果医院自己的规定不接受企业提供的餐饮，就不安排。"),
          ("Keep it this way: approval first, the company's limit, a sign-in sheet, no alcohol, no "
           "guests, nothing to take home.",
           "保持这样做：先审批、守限额、签到记录，不上酒水，不带家属，不带走任何东西。")),
    _case("festival_gift", "not allowed", ("nmpa_2020", "ifpma", "phrma"), "interfere",
          ("Before the Mid-Autumn Festival (中秋节) your manager suggests a box of mooncakes and a "
           "red envelope (红包) for each of your A-tier doctors, \"to keep the relationship\".",
           "中秋节前，经理建议给每位A级医生送一盒月饼和一个红包，“维护一下关系”。"),
          ("Gifts for a doctor's personal benefit and cash are forbidden by the IFPMA Code and the "
           "PhRMA Code; tied to your tier list they are an inducement to prescribe, which the 2020 "
           "measures forbid as interfering with rational use.",
           "IFPMA准则和PhRMA准则禁止为医生个人利益送礼，更禁止现金；按医生级别送礼就是诱导处方，属于"
           "《医药代表备案管理办法（试行）》禁止的干预临床合理用药的行为。"),
          ("Send a festival greeting with no gift; keep the relationship with useful information and "
           "reliable follow-up.",
           "只送节日问候，不送礼；靠有价值的信息和可靠的跟进维护关系。")),
    _case("speaker_fee", "ask compliance", ("ifpma", "phrma", "company"), None,
          ("Dr Li Hua, a product speaker (产品讲者), will lecture at the company's city symposium. She "
           "asks you how much she will be paid and whether you can hand it over on the day.",
           "产品讲者李华医生将在公司的城市学术会上讲课，她问你讲课费是多少，能否当天由你转交。"),
          ("A fee is allowed only for a real service the company needs, under a written contract at "
           "fair market value, paid by the company and disclosed; you do not promise an amount or "
           "carry money.",
           "只有公司确有需要的真实服务，签订书面合同、按公允市场价格、由公司支付并披露，才能付讲课费；"
           "代表不能承诺金额，也不能经手钱款。"),
          ("Pass the request to the meeting owner: compliance approves the speaker, the contract "
           "sets the fee, the company pays it to her account.",
           "把请求转给会议负责人：由合规审批讲者，合同确定费用，公司转账支付。")),
    _case("prescription_report", "not allowed", ("nmpa_2020",), "prescription_counts",
          ("A pharmacy clerk at H01 offers you a monthly list of how many boxes of CARDIA each "
           "doctor prescribed, \"so you can score them\".",
           "H01药房的一位工作人员表示每月可以给你一份每位医生开了多少盒瑞心平的清单，“方便你给医生打分”。"),
          ("Taking part in counting an individual doctor's prescriptions (统方) is forbidden by the "
           "2020 measures, whoever offers the list.",
           "《医药代表备案管理办法（试行）》禁止医药代表参与统计医生个人开具的药品处方数量（统方），"
           "无论清单由谁提供。"),
          ("Decline. Judge status from your calls (−4 … +4) and potential from patients, department "
           "size and indication share; hospital-level sales come from the company's distribution data.",
           "拒绝。处方现状（−4…+4）由你根据拜访自己判断，潜力根据病人数、科室规模和适应症比例估算；"
           "医院层面的销量来自公司的流向数据。")),
    _case("sales_target", "not allowed", ("nmpa_2020",), "sales_tasks",
          ("Your manager writes you a personal target of 1,500 boxes of CARDIA a month at H01 and "
           "ties your bonus to it.",
           "经理给你定了个人指标：H01每月瑞心平1,500盒，并与你的奖金挂钩。"),
          ("A registered representative must not undertake drug sales tasks (承担药品销售任务), "
           "collect payment or handle invoices (2020 measures).",
           "《医药代表备案管理办法（试行）》规定医药代表不得承担药品销售任务，不得实施收款和处理购销票据。"),
          ("Sales targets belong to sales roles; ask for objectives you own: calls made, doctors "
           "informed, adoption steps reached, questions answered, adverse events reported.",
           "销售指标属于销售岗位；请经理改为你能负责的目标：拜访次数、传递信息的医生数、接纳度阶梯的进展、"
           "答复的问题、上报的不良反应。")),
    _case("kol_family", "not allowed", ("nmpa_2020", "ifpma"), "interfere",
          ("To win Dr Zhang Qiang, who sits on the formulary committee, a colleague suggests "
           "reaching him through his wife and finding his son an internship at the company.",
           "为了争取药事委员会委员张强医生，同事建议通过他的妻子接触他，并在公司给他儿子安排实习。"),
          ("A benefit to a doctor's family is a benefit to the doctor; using it to win a formulary "
           "vote interferes with rational use (2020 measures) and breaks the IFPMA Code.",
           "给医生家人的好处就是给医生的好处；借此影响药事会投票，属于干预临床合理用药（备案办法），"
           "也违反IFPMA准则。"),
          ("Contact the expert himself, with the hospital's consent, and bring what he needs for "
           "his decision: evidence, cost data, answers from medical affairs.",
           "经医院同意直接接触专家本人，带去他决策需要的东西：证据、药物经济学数据、医学部的答复。")),
    _case("collect_payment", "not allowed", ("nmpa_2020",), "sales_tasks",
          ("The purchasing office of H05 asks you to bring last month's invoice and take back the "
           "payment cheque.",
           "H05采购办请你送上个月的发票，并把付款支票带回去。"),
          ("Collecting payment and handling purchase invoices are sales acts the 2020 measures forbid "
           "a representative.",
           "收款和处理购销票据属于《医药代表备案管理办法（试行）》禁止医药代表从事的销售行为。"),
          ("Refer the office to the distributor or the company's commercial team.",
           "请采购办联系配送商或公司的商务部门。")),
    _case("department_donation", "not allowed", ("nmpa_2020", "ifpma"), "donations",
          ("The head of cardiology asks you for 20,000 RMB towards the department's New Year party.",
           "心内科主任请你赞助科室新年联欢会两万元。"),
          ("Donations, funding or sponsorship given directly to a department or a person are "
           "forbidden by the 2020 measures.",
           "《医药代表备案管理办法（试行）》禁止对医疗机构内设部门和个人直接提供捐赠、资助、赞助。"),
          ("Decline politely. Company grants go to the institution through the company's grant "
           "process, for education or research, never for parties.",
           "礼貌拒绝。公司的资助只能通过公司的审批流程给到医疗机构，用于教育或科研，不用于联欢。")),
    _case("walk_in", "not allowed", ("nmpa_2020",), "no_consent",
          ("H02 asks representatives to book visits through its reception; you walk onto the ward "
           "without an appointment to catch Dr Chen between patients.",
           "H02要求医药代表通过接待处预约；你没有预约就进病房，趁病人间隙找陈医生。"),
          ("Promoting without the medical institution's consent is forbidden by the 2020 measures.",
           "《医药代表备案管理办法（试行）》禁止未经医疗机构同意开展学术推广等活动。"),
          ("Book through the hospital's channel, at a time outside busy clinic hours.",
           "按医院规定的渠道预约，避开门诊繁忙时段。")),
    _case("overstated_claim", "not allowed", ("nmpa_2020", "ifpma"), "misleading",
          ("Dr Zhao asks how GLYCO compares; you tell him it has fewer side effects than any "
           "competitor, though no study shows it.",
           "赵医生问糖安喜与竞品相比如何；你说它的副作用比所有竞品都少，但并没有研究证明。"),
          ("Exaggerating or misleading on efficacy and safety is forbidden by the 2020 measures; "
           "every claim must rest on approved, balanced information.",
           "《医药代表备案管理办法（试行）》禁止夸大或者误导疗效；每一个说法都必须有经批准的、客观的依据。"),
          ("Use the approved material; what you cannot answer goes to medical information.",
           "使用经批准的资料；答不了的问题转给医学信息部门。")),
    _case("adverse_event", "allowed", ("nmpa_2020", "company"), None,
          ("During a call Dr Gao mentions that a patient had a rash after starting ONCO. You note "
           "it and report it to the company's pharmacovigilance team the same day.",
           "拜访中高医生提到一位病人用安瘤康后出现皮疹。你记录下来，当天报告公司药物警戒部门。"),
          ("Collecting and reporting adverse reactions is part of a representative's job; hiding "
           "them is what the 2020 measures forbid.",
           "收集和反馈不良反应是医药代表的职责；隐瞒不良反应才是备案办法禁止的。"),
          ("Report every case, even a mild one, within the company's deadline.",
           "每一例都要报告，轻微的也不例外，并在公司规定的时限内完成。")),
    _case("record_status", "allowed", ("nmpa_2020",), None,
          ("After a call you record Dr Wang's prescribing status as +1 (少量处方) from what he told "
           "you, and his patients a month from the clinic schedule.",
           "拜访后，你根据王医生的讲述把他的处方现状记为+1（少量处方），并根据门诊安排记录他每月的病人数。"),
          ("The 2020 measures forbid counting a doctor's prescriptions, not judging his adoption: "
           "your judgement from calls and public facts about the clinic count nothing. It is the dual "
           "scoring the course teaches.",
           "《医药代表备案管理办法（试行）》禁止统计医生个人的处方量，并不禁止判断医生的接纳程度：根据拜访"
           "自己判断、加上门诊的公开信息，并不统计处方。这就是课程教的复式评分。"),
          ("Keep the record factual and within the company's CRM; never ask the pharmacy for counts.",
           "如实记录在公司的CRM里；绝不向药房要数据。")),
    _case("branded_pens", "ask compliance", ("ifpma", "phrma", "company"), None,
          ("For the city symposium you want to give every doctor a company-branded pen and notepad.",
           "城市学术会上，你想给每位医生发一支印有公司标志的笔和一个记事本。"),
          ("The IFPMA Code allows company-branded pens and notepads of minimal value at a company "
           "event; the PhRMA Code bans them; your company's policy decides.",
           "IFPMA准则允许在公司会议上提供价值很低、只印公司标志的笔和记事本；PhRMA准则禁止；以公司制度为准。"),
          ("Ask before ordering; if allowed, plain company branding, only what the meeting needs.",
           "订购前先问；如果允许，只印公司标志，数量以会议需要为限。")),
    _case("congress_travel", "ask compliance", ("nmpa_2020", "ifpma", "company"), None,
          ("Dr Wu would like the company to pay her flight and hotel for an international cardiology "
           "congress, and her husband's as well.",
           "吴医生希望公司为她支付参加国际心脏病学大会的机票和酒店，也包括她丈夫的。"),
          ("Support to attend a scientific congress can be lawful only as a company programme, "
           "through the institution, approved and disclosed; you may not sponsor a person directly, "
           "and no code allows paying for a spouse.",
           "参加学术会议的支持只能作为公司项目、通过医疗机构、经审批并披露才可能合规；代表不能直接资助个人，"
           "任何准则都不允许为家属付费。"),
          ("Pass the request to compliance; tell Dr Wu at once that a spouse cannot be paid for.",
           "把请求交给合规部门；并马上告诉吴医生，家属的费用不能由公司支付。")),
    _case("advisory_board", "ask compliance", ("ifpma", "phrma", "company"), None,
          ("Marketing wants Dr Wang Min on an advisory board about the launch of RESPI and asks you "
           "to sound him out and to name a fee.",
           "市场部想请王敏医生参加畅息达上市的顾问会，让你先问问他的意向并报个价。"),
          ("The IFPMA and PhRMA codes allow consulting only for a real, documented need, under a "
           "written contract at fair market value; choosing experts and setting fees is the company's "
           "process, not a representative's job.",
           "IFPMA准则和PhRMA准则只允许有真实且有记录的需要、签书面合同、按公允市场价格的顾问服务；选择专家"
           "和定价走公司流程，不是代表的工作。"),
          ("Tell marketing to run it through compliance; you may say the company may contact him.",
           "请市场部走合规流程；你只能告诉他公司可能会联系他。")),
)

CASES: dict[str, Case] = {case.key: case for case in _CASES}
"""Every case of the sorter, by key, in the order the sorter shows them."""


_ACCEPTED: dict[str, str] = {
    **{key: key for key in VERDICTS},
    **{label.en.casefold(): key for key, label in VERDICTS.items()},
    **{label.zh: key for key, label in VERDICTS.items()},
    "ask compliance first": "ask compliance",
    "not_allowed": "not allowed",
}


def parse_verdict(value: object, field: str = "verdict") -> str:
    """Return the verdict key of ``value`` (English or Chinese, any case).

    Examples
    --------
    >>> parse_verdict("Not allowed"), parse_verdict("先问合规部门")
    ('not allowed', 'ask compliance')
    >>> parse_verdict("maybe")
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: verdict: got 'maybe'; allowed: 'allowed', 'not allowed' or 'ask compliance' (可以做、不可以做、先问合规部门)
    """
    if type(value) is str:
        key = " ".join(value.split()).casefold()
        if key in _ACCEPTED:
            return _ACCEPTED[key]
    raise CourseInputError.single(
        field, value, Phrase("'allowed', 'not allowed' or 'ask compliance' (可以做、不可以做、先问合规部门)"))


@dataclass(frozen=True)
class CaseMark:
    """One case as the trainee sorted it."""

    case: Case
    """The case."""
    given: str | None
    """The trainee's verdict key, or None when not sorted yet."""

    @property
    def right(self) -> bool | None:
        """True or False once sorted, None before."""
        return None if self.given is None else self.given == self.case.verdict


@dataclass(frozen=True)
class SortResult:
    """A trainee's verdicts on the cases, marked."""

    marks: tuple[CaseMark, ...]
    """Every case, in the sorter's order."""

    @property
    def answered(self) -> int:
        """How many cases have a verdict."""
        return sum(1 for m in self.marks if m.given is not None)

    @property
    def right(self) -> int:
        """How many verdicts are right."""
        return sum(1 for m in self.marks if m.right)

    @property
    def total(self) -> int:
        """How many cases there are."""
        return len(self.marks)


def sort_cases(answers: Mapping[str, object]) -> SortResult:
    """Mark ``answers`` (case key → verdict, English or Chinese; empty or None = not sorted).

    Every problem is reported at once: unknown cases and unreadable verdicts.

    Examples
    --------
    >>> sort_cases({"walk_in": "allowed"}).marks[8].right
    False
    >>> sort_cases({"lunch": "allowed", "walk_in": "perhaps"})
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: case: got 'lunch'; allowed: one of the case keys, e.g. 'department_lunch'
    walk_in: got 'perhaps'; allowed: 'allowed', 'not allowed' or 'ask compliance' (可以做、不可以做、先问合规部门)
    """
    problems: list[Problem] = []
    given: dict[str, str] = {}
    for key, value in answers.items():
        if key not in CASES:
            problems.append(Problem("case", key, Phrase("one of the case keys, e.g. {example}",
                                                       example=repr(_CASES[0].key))))
            continue
        if value is None or (type(value) is str and not value.strip()):
            continue
        try:
            given[key] = parse_verdict(value, field=key)
        except CourseInputError as error:
            problems.extend(error.problems)
    if problems:
        raise CourseInputError(problems)
    return SortResult(tuple(CaseMark(case, given.get(case.key)) for case in _CASES))
