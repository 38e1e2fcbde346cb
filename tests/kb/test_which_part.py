"""Which chapter a question's topic is in: answered by the tree's chapter heading."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.which_part import asks_part


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Which chapter of the plan deals with hydrogen?", True),
        ("人才倍增计划在规划的哪一章？", True),
        ("规划第几章讲保障措施？", True),
        ("How many chapters does the plan have?", False),  # a count, not a place
        ("哪些氢能技术被列为重点？", False),
    ],
)
def test_a_question_asks_which_chapter(question: str, asks: bool) -> None:
    assert asks_part(question) is asks


@pytest.mark.parametrize(
    ("question", "chapter"),
    [
        ("人才倍增计划在规划的哪一章？", "第六章"),
        ("Which chapter of the plan deals with hydrogen?", "第四章"),
    ],
)
def test_which_chapter_is_answered_by_the_chapter_heading_above_the_answer(
    plan_kb: KnowledgeBase, question: str, chapter: str
) -> None:
    answer = plan_kb.ask(question, generative=False)
    assert answer.value == chapter
    assert f"**{chapter}**（{chapter} " in answer.answer  # with the chapter's heading
    assert answer.groups[0].section[0].startswith(chapter)  # quoted from inside it
