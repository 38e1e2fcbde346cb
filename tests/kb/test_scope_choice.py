"""Which documents a question is answered from, over the plan and every other document."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.scope_choice import ScopeChoice, quotes_a_term

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


def test_a_name_only_other_documents_write_never_sends_a_question_home(
    choice: ScopeChoice,
) -> None:
    """雄安 and 中关村 are in Beijing's and Hebei's reports, not the plan: every document
    is searched (and 安新, the seam of 雄安新区, names no county)."""
    assert choice.choose("雄安新区中关村科技园累计入驻了多少家企业？") is None


def test_a_question_naming_another_documents_park_is_answered_from_it(
    all_kb: KnowledgeBase,
) -> None:
    answer = all_kb.ask("雄安新区中关村科技园累计入驻了多少家企业？", generative=False)
    assert answer.kind == "number" and answer.value == "130家"
    assert {c.doc for c in answer.citations} == {"gwr_beijing_2025"}


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


@pytest.mark.parametrize("question", ["新疆的生产总值是多少？", "上海的科技金融有哪些举措"])
def test_a_place_no_document_is_about_never_sends_a_question_home(
    choice: ScopeChoice, question: str
) -> None:
    assert choice.choose(question) is None  # every document, not 《六盘水…》 for its words
    assert list(choice.unhomed(question)) == [question[:2]]


@pytest.mark.parametrize(
    ("question", "place"),
    [("新疆的生产总值是多少？", "新疆"), ("What was Xinjiang's GDP in 2024?", "Xinjiang")],
)
def test_a_figure_about_a_place_nobody_indexed_is_never_another_places(
    all_kb: KnowledgeBase, question: str, place: str
) -> None:
    # the walkthrough's 1.5% was Liupanshui's technology-contract share (and a county of
    # Shanxi is also "Xinjiang" in pinyin: the region wins)
    answer = all_kb.ask(question, generative=False)
    assert (answer.kind, answer.scope, answer.value) == ("none", None, None)
    assert answer.notice is not None and place in answer.notice


def test_passages_that_name_an_unindexed_place_answer_for_it(all_kb: KnowledgeBase) -> None:
    answer = all_kb.ask("上海有哪些区参与园区共建？", generative=False)  # 沪滇 in Yunnan's
    assert answer.found and answer.notice and "上海" in answer.notice
    assert answer.citations and all("上海" in c.text for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "home"),
    [
        ("Which provinces prioritise hydrogen?", False),
        ("哪些省份把氢能列为重点？", False),
        ("各省2025年的经济增长目标", False),
        ("哪些氢能技术被列为重点？", True),  # names nothing, asks nothing across: the plan
        ("各省级创新平台有多少个", True),  # 省级, not 各省
    ],
)
def test_a_question_across_provinces_is_never_kept_home(
    choice: ScopeChoice, question: str, home: bool
) -> None:
    scope = choice.choose(question)
    assert (scope is not None and scope.home) is home


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("贵州省“千”层次创新人才培养对象有多少人", True),  # the plan's programme, verbatim
        ("贵州省高新技术企业有多少家", False),  # the plan writes no 贵州省高新技术…
        ("贵州省“千”", False),  # fewer than four characters beyond the place
    ],
)
def test_a_place_that_begins_a_term_of_the_home_document_is_quoted_not_named(
    question: str, expected: bool
) -> None:
    plan = "入选贵州省“千”层次创新人才培养对象44人"
    report = "贵州省新增各类人才25万人"
    assert quotes_a_term(question, "贵州省", plan.__contains__, report.__contains__) is expected


def test_a_term_the_named_document_also_writes_is_named() -> None:
    both = "贵州省“千”层次创新人才培养对象"
    assert not quotes_a_term(
        "贵州省“千”层次创新人才", "贵州省", both.__contains__, both.__contains__
    )
