"""Which targets-table row a question names."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.indicator_match import IndicatorMatcher, normalize_terms


def test_abbreviations_are_spelled_out() -> None:
    assert normalize_terms("2020年规上企业R&D占GDP") == "2020年规模以上企业研发占地区生产总值"


@pytest.mark.parametrize(
    ("question", "row"),
    [
        (
            "研发经费投入强度2025年要达到多少？",
            "全社会研发经费支出占地区生产总值的比重",
        ),  # glossary name
        ("2020年技术合同成交额占GDP比重是多少", "技术合同成交额占地区生产总值比重"),
        ("规上工业企业中有研发活动的企业占比要提高到多少", "规模以上工业企业中有研发活动企业占比"),
        ("2020年全市有多少家高新技术企业", "高新技术企业"),
    ],
)
def test_indicator_matcher_knows_table_and_glossary_names(
    plan_kb: KnowledgeBase, question: str, row: str
) -> None:
    glossary = [(c.meta["title"], c.content) for c in plan_kb.chunks if c.meta["kind"] == "term"]
    found = IndicatorMatcher(plan_kb.indicators(), glossary).match(question)
    assert found is not None and found[0].name == row


def test_indicator_matcher_names_no_row_for_another_question(plan_kb: KnowledgeBase) -> None:
    assert IndicatorMatcher(plan_kb.indicators()).match("猕猴桃种植面积有多少亩") is None
