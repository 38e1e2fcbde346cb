"""Ranks: questions that ask 排第几, and the ranks a document states."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.ranks import asks_rank, ranks


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("研发经费投入总量在全省排第几？", True),
        ("2024年GDP增速全国排名如何", True),
        ("Where did its R&D spending rank in Guizhou?", True),
        ("研发经费投入总量是多少？", False),
        ("How many franchise stores are there?", False),  # not the rank of franchise
        # the question states the rank: it asks the amount that ranks there
        ("全市研发经费投入总量排在全省第五位，这个总量是多少？", False),
        ("Its R&D spending ranked fifth in the province; how much was it?", False),
    ],
)
def test_a_question_asks_a_rank_when_it_says_so(question: str, asked: bool) -> None:
    assert asks_rank(question) is asked


def test_ranks_are_places_written_after_a_word_of_ranking() -> None:
    text = "总量排全省第五，占比排全省第四，增速位居全国第1位；第五章另述，第三批试点。"
    found = ranks(text)
    assert [r.number for r in found] == ["5", "4", "1"]
    assert [text[r.start : r.end] for r in found] == ["第五", "第四", "第1位"]


def test_ranks_are_places_written_right_after_the_field_they_rank_in() -> None:
    text = "创新能力保持全国第4位，全国第4的地位巩固；全国第一批试点，全国第二次普查。"
    found = ranks(text)
    assert [text[r.start : r.end] for r in found] == ["第4位", "第4"]


def test_a_rank_question_is_answered_by_the_rank(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("2020年全市研发经费投入总量在全省排第几？", generative=False)
    assert answer.value == "5" and answer.answer.startswith("**第五**")
    assert "总量排全省第五" in answer.answer


def test_a_question_that_states_the_rank_is_answered_by_the_amount(
    plan_kb: KnowledgeBase,
) -> None:
    answer = plan_kb.ask("2020年全市研发经费投入排在全省第五位，投入了多少钱？", generative=False)
    assert answer.value == "11.98亿元"
