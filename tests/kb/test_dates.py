"""Dates (2022年4月14日, 2019年9月, 二〇三五年) and the questions that ask for one."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.dates import asks_date, dates


@pytest.mark.parametrize(
    ("question", "precision"),
    [
        ("通知落款是哪一天？", "day"),
        ("On what date was the opinion issued?", "day"),
        ("五部委是哪年哪月批准的？", "month"),
        ("In which month and year was the zone approved?", "month"),
        ("基本实现现代化是到哪一年？", "year"),
        ("When was the plan adopted?", "year"),
        ("Output rose to 18 billion yuan in 2020 from which earlier year?", "year"),
        ("What year-on-year growth did exports show?", None),
        ("研发经费投入强度是多少？", None),
        ("How many enterprises were certified?", None),
    ],
)
def test_a_question_asks_a_date_this_precisely(question: str, precision: str | None) -> None:
    assert asks_date(question) == precision


@pytest.mark.parametrize(
    ("text", "asked", "found"),
    [
        ("2019年9月，五部委批准", "year", [("2019", "2019年9月")]),
        ("（2018年1月2日）", "day", [("2018", "2018年1月2日")]),
        ("二〇三五年远景目标", "year", [("2035", "二〇三五年")]),
        ("二〇一八年一月二日", "day", [("2018", "二〇一八年一月二日")]),
        ("2022年第4次常务会议；2022年4月14日", "day", [("2022", "2022年4月14日")]),
        ("2022年第4次常务会议", "month", []),  # a bare year says no month
        ("增长12%，达到180家", "year", []),
    ],
)
def test_dates_say_at_least_what_is_asked(
    text: str, asked: str, found: list[tuple[str, str]]
) -> None:
    assert [(d.number, text[d.start : d.end]) for d in dates(text, asked)] == found


def test_a_date_question_is_answered_by_the_date(plan_kb: KnowledgeBase) -> None:
    """The plan's one month-and-year date; the years in the same passage do not answer."""
    answer = plan_kb.ask(
        "五部委是哪年哪月批准六盘水建设全国产业转型升级示范区的？", generative=False
    )
    assert answer.value == "2019年9月" and answer.answer.startswith("**2019年9月**")
