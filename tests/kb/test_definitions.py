"""Questions that ask what a term means (kb.definitions)."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.definitions import asks_definition, defining


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("什么是高新技术企业？", True),
        ("科技企业孵化器的含义", True),
        ("What is a technology business incubator?", True),
        ("研发经费投入强度2025年要达到多少？", False),
    ],
)
def test_a_question_asking_what_a_term_means_is_told_apart(question: str, asks: bool) -> None:
    assert asks_definition(question) is asks


def test_the_glossary_entry_the_question_names_defines_it(plan_kb: KnowledgeBase) -> None:
    hit = defining(plan_kb.chunks, "什么是高新技术企业？")
    assert hit is not None and "高新技术企业" in hit.section[-1]


def test_a_term_no_entry_names_has_no_definition(plan_kb: KnowledgeBase) -> None:
    assert defining(plan_kb.chunks, "什么是元宇宙？") is None


def test_another_documents_entries_are_not_read(plan_kb: KnowledgeBase) -> None:
    assert defining(plan_kb.chunks, "什么是高新技术企业？", ["another-doc"]) is None
