"""What a question says it does not ask (kb/exclusions.py)."""

from __future__ import annotations

import pytest

from kb.exclusions import set_aside, without_exclusions


@pytest.mark.parametrize(
    ("question", "read"),
    [
        (
            "2020年投入总量是多少？（问的是总量，不是比2015年增加的部分）",
            "2020年投入总量是多少？（总量）",
        ),
        ("增加了多少万元？（不是总额或基数）", "增加了多少万元？"),
        ("一共多少家？而非其中的小巨人企业", "一共多少家？"),
        (
            "What was the turnover in 2020? Give the unit, not the 2018 starting value.",
            "What was the turnover in 2020? Give the unit.",
        ),
        (
            "How many provincial-level carriers (not national-level, not municipal)?",
            "How many provincial-level carriers?",
        ),
        (
            "How many leading talents (not national-level ones) were added?",
            "How many leading talents were added?",
        ),
        ("The growth rate rather than the amount?", "The growth rate?"),
        # how the asker wants the answer put is said to the reader
        ("2020年投入总量是多少？请带单位回答。", "2020年投入总量是多少？。"),
        (
            "How many units did Tibet deliver in 2024 (not this year's target)?",
            "How many units did Tibet deliver in 2024?",
        ),
        ("What was it in 2020, not this year's target?", "What was it in 2020?"),
        ("How many cities (not counting Beijing)?", "How many cities?"),
        # what it sets aside before it asks
        ("除了高新技术企业，成长梯队企业有多少家？", "成长梯队企业有多少家？"),
        ("不算市级平台，省级平台有几个？", "省级平台有几个？"),
        ("Apart from high-tech firms, how many seed firms?", "how many seed firms?"),
        (
            "Leaving out the 61 municipal ones, how many were provincial?",
            "how many were provincial?",
        ),
        (
            "How much land is to be restored, as opposed to fenced off?",
            "How much land is to be restored?",
        ),
    ],
)
def test_asides_that_rule_a_figure_out_are_cut(question: str, read: str) -> None:
    assert " ".join(without_exclusions(question).split()).replace(" ?", "?") == read


@pytest.mark.parametrize(
    "question",
    [
        "研发经费投入强度2025年要达到多少？",
        "How many enterprises did not meet the standard?",  # a negation inside what is asked
        "Why is the target not met?",
        "不是",  # nothing would be left
        "除草剂减量多少",  # 除 begins a word
    ],
)
def test_questions_without_such_asides_are_read_as_they_are(question: str) -> None:
    assert without_exclusions(question) == question


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        (
            "24家企业里，除去大学生创业企业、小巨人成长企业和小巨人企业，剩下的那一类有几家？",
            ("大学生创业企业", "小巨人成长企业", "小巨人企业"),
        ),
        ("除了国家级和省级，其余的载体有多少个？", ("国家级", "省级")),
        # setting aside without asking for what is left: read past, not a list's rest
        ("除了高新技术企业，科技型种子企业有几家？", ()),
        ("剩下的资金有多少？", ()),
    ],
)
def test_the_members_a_question_sets_aside_to_ask_for_the_one_left(
    question: str, aside: tuple[str, ...]
) -> None:
    assert set_aside(question) == aside
