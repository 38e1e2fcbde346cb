"""Industries from keywords, for documents whose headings name none."""

from __future__ import annotations

import pytest
from haystack import Document

from kb.industries import assign_industries, industry_of


@pytest.mark.parametrize(
    ("text", "industry"),
    [
        ("全年新能源汽车产量达到95.3万辆，动力电池产能持续提升", "新能源汽车产业"),
        ("集装箱吞吐量突破2400万标准箱", "现代物流产业"),
        ("推动氢能全产业链发展，新增风电光伏并网装机1300万千瓦", "能源产业"),
        ("深化改革开放，优化营商环境", None),
    ],
)
def test_industry_of_a_text(text: str, industry: str | None) -> None:
    assert industry_of(text) == industry


def _chunk(doc: str, text: str, industry: str | None = None) -> Document:
    return Document(content=text, meta={"doc": doc, "industry": industry, "section": []})


def test_documents_with_industry_headings_keep_them_others_get_keywords() -> None:
    plan = [_chunk("plan", "推进煤矿智能化", "煤炭产业"), _chunk("plan", "新能源汽车整车制造")]
    report = [_chunk("report", "新能源汽车产量达到95.3万辆，动力电池产能提升")]
    assign_industries([*plan, *report])
    assert plan[0].meta["industry"] == "煤炭产业" and plan[1].meta["industry"] is None
    assert report[0].meta["industry"] == "新能源汽车产业"
    assert report[0].meta["industry_from"] == "keywords"
