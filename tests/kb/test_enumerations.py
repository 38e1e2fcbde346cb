"""Counts of the items a sentence lists, when no figure says how many."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.enumerations import counted_words, listed


@pytest.mark.parametrize(
    ("text", "words", "items"),
    [
        # quoted items side by side, each saying the fixed part of the quoted template
        ("采取“项目+矿山”“园区+矿山”“基地+矿山”等模式，推进建设。", ["+矿山"], 3),
        ("探索“揭榜挂帅”“赛马制”等方式支持攻关", ["方式"], 2),  # or named after them
        # items joined by 、 和 及, each ending with the word
        ("使学校成为教学的中心、科研的中心和服务的中心，提高水平。", ["中心"], 3),
        # clauses set off by ；, each opening with the word
        (
            "分类施策，对大型企业，重在引导；对中小企业，重在扶持；对初创企业，重在孵化。",
            ["企业"],
            3,
        ),
        # items joined by 、 before 等 and the kind they are of
        ("支持开展小麦育种、玉米育种和水稻育种等粮食育种技术研究。", ["育种技术"], 3),
    ],
)
def test_a_list_is_counted_by_its_items(text: str, words: list[str], items: int) -> None:
    found = listed(text, words)
    assert found is not None and found[0] == items


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("建设企业技术中心，推动发展。", ["中心"]),  # one item is no list
        ("政府、高校和科研院所协同。", ["中心"]),  # items not said with the word
        ("推进钢铁等育种技术研究。", ["育种技术"]),  # one item before 等 is no list
    ],
)
def test_no_list_of_the_word_counts_nothing(text: str, words: list[str]) -> None:
    assert listed(text, words) is None


def test_a_quoted_template_gives_its_fixed_part() -> None:
    assert counted_words("列举了几种“某某+人才”的模式？", ["模式"])[:2] == ["+人才", "模式"]


def test_a_count_no_figure_says_is_the_number_of_items_listed(plan_kb: KnowledgeBase) -> None:
    # 探索采取“揭榜挂帅”“赛马制”等方式支持产业关键共性技术攻关
    answer = plan_kb.ask("规划支持高新区用几种方式攻关产业关键共性技术？", generative=False)
    assert answer.value == "2种" and "“揭榜挂帅”“赛马制”" in answer.answer


def test_items_of_a_kind_are_counted_in_the_plan(plan_kb: KnowledgeBase) -> None:
    # 支持开展指纹识别、静脉识别、人脸识别、虹膜识别等生物识别技术研发
    answer = plan_kb.ask(
        "专栏7第2条为促进安防产品升级换代，点了几种生物识别技术？", generative=False
    )
    assert answer.value == "4种"
