"""Marking query terms: overlapping terms give one mark, text is escaped, case ignored."""

from __future__ import annotations

import html

import pytest

from kb.highlight import mark, term_spans


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("农村生活污水治理", ["生活污水", "生活", "污水"], "农村【生活污水】治理"),
        ("氢能与氢能源", ["氢能", "氢能源"], "【氢能】与【氢能源】"),
        ("加强R&D投入", ["r&d"], "加强【R&D】投入"),
        ("没有匹配", ["氢能", ""], "没有匹配"),
        ("农村生活", ["农村", "生活"], "【农村生活】"),  # touching spans read as one
    ],
)
def test_mark_wraps_each_merged_span_once(text: str, terms: list[str], expected: str) -> None:
    assert mark(text, terms, "【", "】") == expected


def test_mark_escapes_text_but_not_markers() -> None:
    out = mark("<b>氢能</b>", ["氢能"], "<mark>", "</mark>", html.escape)
    assert out == "&lt;b&gt;<mark>氢能</mark>&lt;/b&gt;"


def test_term_spans_are_sorted_and_disjoint() -> None:
    spans = term_spans("煤层气抽采与煤层气运输", ["煤层气", "层气抽", "运输"])
    assert spans == [(0, 4), (6, 11)]  # 煤层气+层气抽 overlap; 煤层气 touches 运输
