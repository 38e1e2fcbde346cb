"""Counts of the plan's own structure, answered from its tree."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.structure_counts import StructureCounts


@pytest.fixture(scope="module")
def counter(plan_kb: KnowledgeBase) -> StructureCounts:
    return StructureCounts(plan_kb)


@pytest.mark.parametrize(
    ("question", "value", "first"),
    [
        ("社会民生领域技术攻关专栏里列了几个领域？", "6个", "1．健康医药"),  # named by words
        ("专栏11特色农业列了几个产业？", "8个", "1．猕猴桃产业"),
        ("规划第四章一共设了多少个产业技术攻关专栏？", "17个", "专栏1 能源产业技术攻关"),
        ("规划的基本原则有几条？", "4条", "坚持需求导向"),  # titled paragraphs
        ("第七章保障措施分为几个方面？", "3个", "一、加强要素保障"),
        ("规划一共有几章？", "7个", "第一章 “十三五”科技创新发展回顾"),
        ("How many items does box 17 list?", "6个", "1．健康医药"),
        ("How many boxes does chapter 4 have?", "17个", "专栏1 能源产业技术攻关"),
        ("附录的名词解释一共解释了几个名词？", "8个", "1．R&D经费投入强度"),  # a glossary's terms
        # the heading named after the verb is not the thing counted (chapter 4's systems)
        ("How many technology systems does chapter 4 set out?", "5个", "一、构建支撑新型工业化"),
        # two boxes are numbered 1: the title said picks the targets table; its rows count
        ("“十四五”时期发展目标表（专栏1）列了多少项指标？", "8项", "全社会研发经费支出"),
        ("专栏1能源产业技术攻关列了几个方面？", "4个", "1．火电"),
        # a heading inside the numbered one, named by its whole title; its own parts
        ("第六章里“实施成果转化倍增计划”那一节下面有几个小节？", "4个", "（一）建设科技成果中试"),
        ("专栏2第3条“煤炭加工”分了几个小项？", "2个", "（1）煤焦化"),
        # a subsection's title is a stand-in of the question's words, yet not named by it
        ("第四章里“构建支撑旅游产业化的技术体系”包括几个部分？", "2个", "（一）旅游装备制造"),
        # untitled paragraphs told apart by a parallel frame (从国际环境看 …)
        ("第二章从几个方面分析了面临的形势？", "4个", "从国际环境看、从国内环境看"),
        # a section named by its number inside the chapter named
        ("第六章第六节分了几个小节？", "4个", "（一）加强以企业为主体"),
        ("How many subsections does section 2 of chapter 5 have?", "3个", "（一）鼓励企业加大"),
    ],
)
def test_a_count_of_a_headings_parts_is_read_from_the_tree(
    counter: StructureCounts, question: str, value: str, first: str
) -> None:
    found = counter.answer(question, focus=[])
    assert found is not None and found.value == value
    assert first in found.lead  # the parts are named, in the plan's order
    assert len(found.quotes) == int(value[:-1])  # each part cited


@pytest.mark.parametrize(
    "question",
    [
        "“十三五”末全市高新技术企业有多少家？",  # a quantity of the text, not of its parts
        "第四章包括多少亿元投资？",
        "研发经费投入强度2025年要达到多少？",
        "哪些氢能技术被列为重点？",
        "专栏14乡村振兴技术攻关列了几项？",  # one paragraph, no parts to count
        "第四章提到建设了多少个智能工厂？",  # 建设了 builds things; it lists no parts
        "第五章说要新建多少家省重点实验室？",  # 家: laboratories, not parts of the plan
        "第五章提到多少个重点实验室？",  # 重点 only modifies 实验室
    ],
)
def test_a_question_that_counts_no_parts_of_the_structure_is_left_to_the_text(
    counter: StructureCounts, question: str
) -> None:
    assert counter.answer(question, focus=[]) is None


def test_ask_answers_a_structure_count_with_its_parts_cited(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("社会民生领域技术攻关专栏里列了几个领域？", generative=False)
    assert answer.kind == "number" and answer.value == "6个"
    assert answer.answer.startswith("**6个**（专栏17 社会民生领域技术攻关：1．健康医药、")
    assert len(answer.citations) == 6


def test_a_prose_count_still_answers_from_its_clause(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("国家级星创天地有几个？", generative=False)
    assert answer.kind == "number" and answer.value == "5个"  # 国家级星创天地5个, as written


def test_a_count_in_words_from_another_heading_does_not_lead(plan_kb: KnowledgeBase) -> None:
    """两个大局 (chapter 2) is a count in words, but not of the principles asked."""
    answer = plan_kb.ask("How many basic principles does the plan set out?", generative=False)
    assert answer.kind == "number" and answer.value == "4个"
    assert "**4**" in answer.answer and "两个" not in answer.answer.split("\n\n")[1]


def test_an_english_count_names_its_heading_through_its_renderings(
    plan_kb: KnowledgeBase,
) -> None:
    answer = plan_kb.ask("How many terms does the glossary of the plan define?", generative=False)
    assert answer.value == "8个" and "(名词解释: 1．R&D经费投入强度" in answer.answer


@pytest.mark.parametrize(
    ("question", "value", "parts"),
    [
        # only the parts whose names carry the quoted words
        ("第六章里名称含有“倍增计划”的任务计划有几个？", "6个", ["二、实施科技人才倍增计划"]),
        ("第四章里名称中带“智慧”的专栏有几个？", "1个", ["专栏16 智慧旅游技术攻关"]),
        # a quoted pattern with an ellipsis, over untitled paragraphs too; the section
        # named inside the numbered chapter is the one counted
        (
            "第七章的“深化科技体制改革”部分提出了几项“深化……改革”？",
            "4项",
            ["深化“产学研”协同创新机制改革", "深化科研领域“放管服”改革"],
        ),
    ],
)
def test_a_count_of_parts_carrying_quoted_words_counts_only_those(
    counter: StructureCounts, question: str, value: str, parts: list[str]
) -> None:
    found = counter.answer(question, focus=[])
    assert found is not None and found.value == value
    assert all(p in found.lead for p in parts)
    assert len(found.quotes) == int(value[:-1])
