"""Every lesson's quiz: the right answer is always one of the choices, in both languages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from course.i18n import set_language
from course.quiz import Question, accounts, bigcustomers, goals, planning, portfolio, professional

QUIZZES: dict[str, Callable[[], list[Question]]] = {
    "professional": professional.questions,
    "goals": goals.questions,
    "accounts": accounts.questions,
    "planning": planning.questions,
    "portfolio": portfolio.questions,
    "bigcustomers": bigcustomers.questions,
}


@pytest.mark.parametrize("topic", sorted(QUIZZES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_answer_is_one_of_the_choices(topic: str, lang: str) -> None:
    set_language(lang)
    questions = QUIZZES[topic]()
    assert len({q.key for q in questions}) == len(questions) >= 4
    for q in questions:
        values = [value for _label, value in q.options]
        assert q.answer in values, f"{topic}.{q.key}: {q.answer!r} is not offered"
        assert len(set(values)) == len(values), f"{topic}.{q.key}: an option is offered twice"
        assert q.prompt and q.hint


@pytest.mark.parametrize("topic", sorted(QUIZZES))
def test_a_chinese_trainee_reads_each_question_in_chinese(topic: str) -> None:
    english = QUIZZES[topic]()
    set_language("zh")
    chinese = QUIZZES[topic]()
    assert [q.answer for q in chinese] == [q.answer for q in english]
    for en, zh in zip(english, chinese, strict=True):
        assert zh.prompt != en.prompt and zh.hint != en.hint, f"{topic}.{en.key} is not translated"


def test_quiz_content_is_in_one_layer_and_the_old_names_are_gone() -> None:
    import course.accounts
    import course.portfolio
    import course.widgets.professional

    assert not hasattr(course.accounts, "self_check_questions")
    assert not hasattr(course.portfolio, "SelfCheckQuestion")
    assert "ChoiceQuiz" not in course.widgets.professional.__all__
    with pytest.raises(ModuleNotFoundError):
        __import__("course.selfcheck")
