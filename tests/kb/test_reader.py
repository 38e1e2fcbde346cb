"""The reader's helpers: the outline with node ids, and windows on a chunk or a heading."""

from __future__ import annotations

import pytest

from kb.errors import UnknownDocument
from kb.reader import heading_window, outline, outline_entries, reading_window, tables_in

DOC = "liupanshui-14th-fyp-sci-tech"


def test_outline_lists_headings_in_reading_order_with_their_nodes(plan_kb) -> None:
    entries = outline(plan_kb, DOC)
    headings = [e.heading for e in entries]
    assert headings[:2] == ["前言", "第一章 “十三五”科技创新发展回顾"]
    box = entries[headings.index("专栏3 钢铁产业技术攻关")]
    assert (box.depth, box.node) == (3, "ch4.s1.ss3.box3")
    assert plan_kb.chunk(box.chunk).meta["node"].startswith(box.node + ".")
    assert outline_entries(plan_kb, DOC) == [(e.depth, e.heading, e.chunk) for e in entries]


@pytest.mark.parametrize(
    ("node", "heading", "chapter"),
    [
        ("ch4.s1.ss3.box3", "专栏3 钢铁产业技术攻关", "第四章 加快推进重点产业关键技术攻关"),
        ("ch3.s3", "三、发展目标", "第三章 “十四五”时期科技创新总体战略"),
    ],
)
def test_heading_window_is_the_chapter_with_the_heading_marked(
    plan_kb, node: str, heading: str, chapter: str
) -> None:
    window = heading_window(plan_kb, DOC, node)
    source = plan_kb.sources[DOC]
    assert window.heading == chapter and source[window.start :].startswith(chapter)
    s, e = window.mark
    assert window.start <= s < e <= window.end and source[s:e] == heading


def test_heading_window_of_a_preamble_marks_nothing(plan_kb) -> None:
    first = outline(plan_kb, DOC)[0]
    assert heading_window(plan_kb, DOC, first.node).mark is None


def test_heading_window_refuses_an_unknown_node_or_document(plan_kb) -> None:
    with pytest.raises(KeyError, match="no node 'ch99'"):
        heading_window(plan_kb, DOC, "ch99")
    with pytest.raises(UnknownDocument):
        heading_window(plan_kb, "nope", "ch1")


def test_reading_window_marks_the_cited_chunk_in_its_chapter(plan_kb) -> None:
    chunk = plan_kb.chunk(f"{DOC}:ch4.s1.ss1.box1.i2.c1")
    window = reading_window(plan_kb, chunk.id)
    assert window.mark == (chunk.meta["start"], chunk.meta["end"])
    assert window.start <= chunk.meta["start"] and chunk.meta["end"] <= window.end


def test_the_targets_table_of_its_chapter_is_a_table_with_its_rows_and_spans(plan_kb) -> None:
    chunk = f"{DOC}:ch3.s3.box1.table1.r3"  # 高新技术企业（家） 54 → 180
    window = reading_window(plan_kb, chunk)
    (table,) = tables_in(plan_kb, window)
    assert table.header == ["指标名称", "2020年完成值", "2025年目标值"]
    assert len(table.rows) == 8 and table.rows[2][2] == ["高新技术企业（家）", "54", "180"]
    start, end, _ = table.rows[2]
    assert (start, end) == window.mark  # the cited row is the one marked
    assert window.start <= table.start < table.end <= window.end
