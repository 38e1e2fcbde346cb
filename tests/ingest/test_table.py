"""Tables laid out one cell per line, and the targets table of the plan."""

from __future__ import annotations

import pytest

from ingest import ParsedDocument, SourceText, indicators, parse

EXPECTED = [
    ("全社会研发经费支出占地区生产总值的比重", "%", 0.89, 1.8),
    ("省级及以上创新创业平台", "个", 8, 20),
    ("高新技术企业", "家", 54, 180),
    ("高新技术产业产值", "亿元", 174.22, 400),
    ("技术合同成交额占地区生产总值比重", "%", 1.37, 1.5),
    ("规模以上工业企业中有研发活动企业占比", "%", 22.2, 25),
    ("研发人员占就业人员的比重", "人/万人", 31, 45),
    ("万人发明专利拥有量", "件", 0.9, 2),
]


def _parse(text: str):
    return parse(SourceText("t", "t", text, "t.txt", "utf-8", "txt", "0" * 64))


def test_plan_targets_table_gives_eight_exact_indicators(plan: ParsedDocument) -> None:
    rows = indicators(plan.tree)
    assert [(r.name, r.unit, r.value_2020, r.target_2025) for r in rows] == EXPECTED
    assert rows[2].section[-1] == "专栏1 “十四五”时期发展目标"
    assert rows[2].row_id == "liupanshui-14th-fyp-sci-tech:ch3.s3.box1.table1.r3"


def test_plan_table_rows_keep_their_cells(plan: ParsedDocument) -> None:
    table = plan.tree.find("table")[0]
    assert table.data["header"] == ["指标名称", "2020年完成值", "2025年目标值"]
    assert table.children[2].data["cells"] == ["高新技术企业（家）", "54", "180"]


def test_table_needs_two_blocks_of_equal_size() -> None:
    tree = _parse("附注\n说明\n\n下文是正文，有句号。\n")
    assert tree.find("table") == []


@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n"])
def test_generic_table_detected_with_any_blank_gap(gap: str) -> None:
    text = gap.join(["项目\n数量", "企业\n3", "平台\n5"]) + "\n"
    table = _parse(text).find("table")[0]
    assert [r.data["cells"] for r in table.children] == [["企业", "3"], ["平台", "5"]]


def test_table_without_year_columns_gives_no_indicators() -> None:
    tree = _parse("项目\n数量\n\n企业\n3\n\n平台\n5\n")
    assert indicators(tree) == []
