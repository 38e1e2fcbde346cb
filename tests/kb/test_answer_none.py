"""What an answer that finds nothing says (kb.answer_none)."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("How many canteens did Gansu renovate?", "《2025年甘肃省政府工作报告》 does not appear"),
        ("哪些项目支持养骆驼？", "已索引的文件中没有找到"),
    ],
)
def test_nothing_found_names_the_document_searched_or_says_all(
    all_kb: KnowledgeBase, question: str, lead: str
) -> None:
    answer = all_kb.ask(question, generative=False)
    lines = answer.answer.splitlines()
    assert not answer.found and lines[0].startswith(lead)
    assert len(lines) == len(set(lines))  # a section named once


def test_a_question_about_a_place_nothing_covers_lists_what_is_indexed(
    plan_kb: KnowledgeBase,
) -> None:
    answer = plan_kb.ask("新疆的科技创新规划有什么重点？", generative=False)
    assert not answer.found and "已索引" in answer.answer


def test_a_farm_animal_the_plan_does_not_name_finds_its_livestock_item(
    all_kb: KnowledgeBase,
) -> None:
    """No document says 养猪; the thesaurus's 畜禽 finds the plan's 6．生态畜禽业. (The
    question's framing piece 哪些项目, absent from every document, had weighed the most
    and hidden it.)"""
    answer = all_kb.ask("哪些项目支持养猪？", generative=False)
    assert answer.found and "生态畜禽业" in answer.answer
