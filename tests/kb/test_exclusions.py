"""What a question says it does not ask (kb/exclusions.py)."""

from __future__ import annotations

import pytest

from kb.exclusions import without_exclusions


@pytest.mark.parametrize(
    ("question", "read"),
    [
        (
            "2020年投入总量是多少？（问的是总量，不是比2015年增加的部分）",
            "2020年投入总量是多少？（问的是总量）",
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
