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


@pytest.mark.parametrize(
    ("question", "row"),
    [  # what the glossary says the indicator is, in the question's own words
        (
            "衡量一个地区科研产出质量和市场应用水平的那个综合指标，2025年定了多少",
            "万人发明专利拥有量",
        ),
        ("从业人员里研究人员、技术人员和辅助人员所占比例要达到多少", "研发人员占就业人员的比重"),
    ],
)
def test_indicator_matcher_knows_a_row_by_its_glossary_description(
    plan_kb: KnowledgeBase, question: str, row: str
) -> None:
    glossary = [(c.meta["title"], c.content) for c in plan_kb.chunks if c.meta["kind"] == "term"]
    found = IndicatorMatcher(plan_kb.indicators(), glossary).match(question)
    assert found is not None and found[0].name == row


def test_a_glossary_entry_of_another_document_names_no_row(plan_kb: KnowledgeBase) -> None:
    glossary = [("科研指数", "指衡量一个地区科研产出质量和市场应用水平的综合指标。", "other")]
    matcher = IndicatorMatcher(plan_kb.indicators(), glossary)
    assert matcher.match("衡量一个地区科研产出质量和市场应用水平的综合指标是多少") is None
