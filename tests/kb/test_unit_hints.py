"""The unit a number question asks its figure in (kb.unit_hints)."""

from __future__ import annotations

import pytest

from kb.unit_hints import asked_unit


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("研发经费投入强度是百分之几？", "%"),
        ("研发经费占生产总值的比重是多少？", "%~"),  # a share is also written bare: soft
        ("全市粮食产量多少万吨？", "万吨"),
        ("How many kilometres of expressway opened?", "公里"),
        ("How many enterprise technology centres were added?", "个"),  # centres head it
        ("How many high-tech enterprises does it have?", "家"),
        ("How many talent teams were built?", None),  # teams: not people
        ("What is the plan's title?", None),
        # a percentage the question states is given, not asked; "in yuan" asks money
        ("Funding was 286% up on the 12th plan. How large was that rise in yuan?", "元"),
        # money asked by what it is; a quoted name says what of, not the unit
        ("“规上企业研发活动占比”这个指标，统计的企业年营业收入多少以上？", "元"),
        ("“研发经费投入强度”是多少？", "%~"),
        ("每家企业最多能拿到补贴多少？", "元"),
        ("R&D spending grew by 85.74%. What was that growth in absolute terms?", None),
    ],
)
def test_a_question_asks_its_figure_in_the_unit_its_words_name(
    question: str, unit: str | None
) -> None:
    assert asked_unit(question) == unit
