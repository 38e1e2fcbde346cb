"""Which documents a question is answered from, over the plan and every other document."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.scope_choice import ScopeChoice

PLAN = "liupanshui-14th-fyp-sci-tech"


@pytest.fixture(scope="module")
def choice(all_kb: KnowledgeBase) -> ScopeChoice:
    return ScopeChoice(all_kb)


@pytest.mark.parametrize(
    ("question", "docs", "home"),
    [
        ("山东高新技术企业数量", ["gwr_shandong_2025"], False),  # named by its place
        ("哪些氢能技术被列为重点？", [PLAN], True),  # names nothing: the plan covers it
        ("贵州省“千”层次创新人才培养对象有多少人", [PLAN], True),  # the plan's programme
        ("贵州省高新技术企业有多少家", ["gwr_guizhou_2025"], False),  # Guizhou's own figure
    ],
)
def test_a_question_goes_to_the_documents_it_names_or_home(
    choice: ScopeChoice, question: str, docs: list[str], home: bool
) -> None:
    scope = choice.choose(question)
    assert scope is not None and (scope.docs, scope.home) == (docs, home)


def test_a_place_inside_a_topic_keeps_every_document(choice: ScopeChoice) -> None:
    assert choice.choose("长江经济带生态保护有哪些要求") is None


def test_the_plans_programme_is_answered_from_the_plan(all_kb: KnowledgeBase) -> None:
    answer = all_kb.ask("贵州省“千”层次创新人才培养对象有多少人", generative=False)
    assert answer.kind == "number" and answer.value == "44人"


@pytest.mark.parametrize(
    ("question", "places"),
    [
        ("By how much did Qinghai's GDP grow in 2024?", []),  # Qinghai's report is indexed
        ("七台河的煤炭产业有哪些", ["七台河"]),  # no document is about or mentions Qitaihe
        ("上海的科技金融有哪些举措", []),  # Yunnan's report mentions Shanghai
        ("贵州省“千”层次创新人才培养对象有多少人", []),  # Guizhou's report
    ],
)
def test_places_no_document_is_about_or_mentions_are_elsewhere(
    choice: ScopeChoice, question: str, places: list[str]
) -> None:
    assert choice.elsewhere(question) == places
