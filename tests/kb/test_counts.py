"""Counts in Chinese numerals (两条底线, 七大产业板块) and the questions that ask for one."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.counts import asked_counter, counts


@pytest.mark.parametrize(
    ("question", "counter"),
    [
        ("要守好几条底线？", "条"),
        ("围绕全市几大产业板块？", "大"),
        ("由几部委批准？", "部"),
        ("是由几个部门联合印发的？", "部门"),  # 几个 then a counter written without 个
        ("还有几个方面要加强？", "个"),  # 三个方面: 个 kept
        ("把四方统起来，叫几化协同？", "化"),  # the 几 asked
        ("几方面统起来，叫几位一体？", "位"),  # of several 几, the last
        ("注册多长时间以上？", "年|个月|月|周|天|日"),
        ("How many ministries approved the zone?", ""),
        ("几乎所有企业都参与了吗", None),  # 几乎: almost
        ("研发经费投入强度是多少？", None),
    ],
)
def test_a_question_asks_a_count_and_names_its_counter(question: str, counter: str | None) -> None:
    assert asked_counter(question) == counter


@pytest.mark.parametrize(
    ("text", "counter", "found"),
    [
        ("守好发展和生态两条底线", "条", [("2", "两条")]),
        ("结合全市七大产业板块", "大", [("7", "七大")]),
        ("国家开发银行等五部委批准", "部", [("5", "五部委")]),
        ("政府、用人主体、中介机构、人才四位一体的引才机制", "位", [("4", "四位一体")]),
        ("须在境内注册一年以上", "年|个月|月|周|天|日", [("1", "一年")]),
        ("建设一批平台，第五章，党的十九大，“十四五”时期", None, []),  # article, ordinal…
        ("汽车零部件，百年大计", None, []),
        ("坚持“四个面向”，建设三大体系", None, [("4", "四个"), ("3", "三大")]),
        ("坚持“四个面向”，建设三大体系", "大", [("3", "三大")]),  # only the counter asked
    ],
)
def test_counts_are_numerals_before_a_counter(
    text: str, counter: str | None, found: list[tuple[str, str]]
) -> None:
    assert [(c.number, text[c.start : c.end]) for c in counts(text, counter)] == found


def test_a_count_question_is_answered_by_the_count_in_words(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("六盘水科技规划的指导思想坚持几个面向？", generative=False)
    assert answer.value == "4" and answer.answer.startswith("**四个**")


def test_a_count_stated_in_a_heading_answers(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask("六盘水要推动实施几大重点任务计划？", generative=False)
    assert answer.value == "7" and answer.answer.startswith("**七大**")
    assert "第六章 推动实施七大重点任务计划" in answer.answer
