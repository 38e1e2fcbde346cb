"""Ordinals and sessions asked in words: 第几个, “一对几”, 哪一次会议, which plenary session."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.ordinals import asked_ordinal, ordinals


@pytest.mark.parametrize(
    ("question", "text", "found"),
    [
        ("进军的第几个五年？", "向第二个百年奋斗目标进军的第一个五年", [("1", "第一个五年")]),
        ("建立“一对几”的服务机制？", "重点企业“一对一”技术服务", [("1", "一对一")]),
        ("是市委哪一次会议提出的？", "市委七届十二次会议提出", [("7", "七届十二次")]),
        ("Which plenary session said so?", "党的十九届五中全会提出", [("19", "十九届五中全会")]),
        ("这是第几批试点？", "列入第三批试点，第五章", [("3", "第三批试点")]),
        # English: which five-year period, which batch
        ("Which five-year period is this?", "进军的第一个五年", [("1", "第一个五年")]),
        ("In which batch was it listed?", "列入第三批试点", [("3", "第三批")]),
    ],
)
def test_the_phrase_asked_in_words_answers(
    question: str, text: str, found: list[tuple[str, str]]
) -> None:
    asked = asked_ordinal(question)
    assert asked is not None
    assert [(o.number, text[o.start : o.end]) for o in ordinals(text, asked)] == found


@pytest.mark.parametrize(
    "question",
    ["研发投入总量在全省排第几？", "位居全国第几？", "研发经费投入强度是多少？", "坚持几个面向？"],
)
def test_ranks_counts_and_quantities_are_no_ordinal_asked(question: str) -> None:
    assert asked_ordinal(question) is None


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("科技特派员团队为重点企业提供“一对几”的技术服务？", "**一对一**"),
        ("党的哪一次全会提出我国发展仍然处于重要战略机遇期？", "**十九届五中全会**"),
    ],
)
def test_an_ordinal_question_is_answered_as_the_plan_writes_it(
    plan_kb: KnowledgeBase, question: str, lead: str
) -> None:
    answer = plan_kb.ask(question, generative=False)
    assert answer.answer.startswith(lead)


def test_an_ordinal_the_question_states_is_not_the_one_it_asks(plan_kb: KnowledgeBase) -> None:
    # 第十四个五年 is the 14th the question gives; 第一个五年 is what it asks
    answer = plan_kb.ask(
        "The 14th Five-Year period is which five-year period toward the second centenary goal?",
        generative=False,
    )
    assert answer.value == "1" and "**第一个五年**" in answer.answer
