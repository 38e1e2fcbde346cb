"""Coverage: which words of a question a clause must say to answer it."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "framing"),
    [
        ("全市高新技术企业要达到多少家？", "达到"),  # how a figure is asked, not what of
        ("哪些氢能技术被列为重点？", "哪些"),
    ],
)
def test_words_that_frame_a_question_are_not_its_focus(
    plan_kb: KnowledgeBase, question: str, framing: str
) -> None:
    words = [f.word for f in plan_kb.answerer().coverage.focus(question)]
    assert words and framing not in words
