"""Figures a question already states are never its answer."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.given import given, given_earlier, states, states_itself
from kb.numbers import Figure, figures


@pytest.mark.parametrize(
    ("question", "amounts"),
    [
        ("the baseline for the 13th period's 77.81 million yuan", (77_810_000.0,)),
        ("the starting point for the 1.5% goal in 2025", (1.5,)),
        ("从0.89%提高到多少？", (0.89,)),
        ("去年新增1670家，今年呢", (1670.0,)),
        ("5G基站和2020年的14th plan", ()),  # names and years are no amounts
        ("of the three centres, how many were national?", (3.0,)),  # spelled out
        ("at the end of the 13th Five-Year period, one of them", ()),  # a name; "one of"
    ],
)
def test_the_amounts_a_question_states(question: str, amounts: tuple[float, ...]) -> None:
    assert given(question) == amounts


def test_a_stated_amount_matches_its_figure_in_other_units() -> None:
    text = "累计为7781万元，较“十二五”时期5500万元增加2281万元"
    stated = given("compared with 77.81 million yuan")
    assert [f.text for f in figures(text) if states(stated, f)] == ["7781万元"]
    assert not states(stated, Figure("77.81", "", 0, 5))


def test_a_table_question_that_gives_the_target_gets_the_base(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask(
        "What was technology contract turnover as a share of GDP against its 1.5% target?",
        generative=False,
    )
    assert answer.value == "1.37%" and "**1.37%**" in answer.answer


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("高新技术产业产值2025年目标是400亿元，那2020年的完成值是多少？", "174.22亿元"),
        ("High-tech industry output was 174.22亿元 in 2020; what is the goal?", "400亿元"),
    ],
)
def test_a_row_value_given_with_its_scale_is_compared_in_base_units(
    plan_kb: KnowledgeBase, question: str, value: str
) -> None:
    answer = plan_kb.ask(question, generative=False)  # 400亿元 is 4e10, the row says 400
    assert answer.value == value


def test_a_year_an_english_question_gives_is_not_the_year_it_asks(plan_kb: KnowledgeBase) -> None:
    answer = plan_kb.ask(
        "R&D spending reached 1.198 billion yuan in 2020, up 553 million yuan on which "
        "earlier year?",
        generative=False,
    )
    assert answer.value == "2015年"


@pytest.mark.parametrize(
    ("question", "earlier"),
    [
        ("重庆去年给农村公路装了7000公里安全护栏，今年还要再装多少公里？", True),
        ("Chongqing fitted 7000 km of guardrails last year; how many more this year?", True),
        ("比前一个五年多了41%，那前一个五年一共投了多少", False),  # no year said
        ("今年要装7000公里护栏，去年装了多少？", False),  # this year's given
    ],
)
def test_an_amount_given_as_last_years_is_not_where_this_years_is_asked(
    question: str, earlier: bool
) -> None:
    assert given_earlier(question) is earlier


def test_an_ordinal_the_question_writes_is_given_not_asked() -> None:
    """向第二个百年奋斗目标进军的第几个五年: 第二个 is given, 第一个 is asked."""
    clause = "向第二个百年奋斗目标进军的第一个五年"
    at, on = clause.index("第二个"), clause.index("第一个")
    second, first = Figure("2", "", at, at + 3), Figure("1", "", on, on + 3)
    question = "是向第二个百年奋斗目标进军的第几个五年？"
    assert states_itself(question, clause, second)
    assert not states_itself(question, clause, first)
