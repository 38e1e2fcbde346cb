"""Chunks: exact offsets, nothing dropped, stable ids, sentence boundaries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest import ChunkOptions, ParsedDocument, ingest_file
from ingest.chunk import split_spans
from tests.hostile import make


def test_every_chunk_slices_the_original_text_exactly(plan: ParsedDocument) -> None:
    assert plan.chunks
    for c in plan.chunks:
        assert plan.source.text[c.meta["start"] : c.meta["end"]] == c.content


def test_no_non_whitespace_character_is_dropped(plan: ParsedDocument) -> None:
    covered = bytearray(len(plan.source.text))
    spans = [(c.meta["start"], c.meta["end"]) for c in plan.chunks]
    spans += [n.head for n, _ in plan.tree.root.walk() if n.head]
    for s, e in spans:
        covered[s:e] = b"\1" * (e - s)
    dropped = [ch for i, ch in enumerate(plan.source.text) if not covered[i] and not ch.isspace()]
    assert dropped == []


def test_chunk_ids_are_unique_and_stable(plan_path: Path, plan: ParsedDocument) -> None:
    ids = [c.id for c in plan.chunks]
    assert len(ids) == len(set(ids))
    assert [c.id for c in ingest_file(plan_path).chunks] == ids


def test_chunks_end_at_sentence_or_clause_boundaries(plan: ParsedDocument) -> None:
    ends = [c.content for c in plan.chunks if c.meta["kind"] in ("paragraph", "item", "subitem")]
    assert all(re.search(r"[。；！？”）]$", text) for text in ends)


def test_long_items_are_split_into_short_chunks(plan: ParsedDocument) -> None:
    hydrogen = [c for c in plan.chunks if c.meta["node"] == "ch4.s1.ss1.box1.i2"]
    assert len(hydrogen) >= 2
    assert all(len(c.content) <= 160 for c in hydrogen)
    assert "".join(c.content for c in hydrogen).startswith("2．氢能源。加强天然气")


def test_chunk_meta_carries_address_kind_and_industry(plan: ParsedDocument) -> None:
    c = next(c for c in plan.chunks if c.meta["node"] == "ch4.s1.ss1.box1.i2")
    assert c.meta["section"] == [
        "第四章 加快推进重点产业关键技术攻关",
        "一、构建支撑新型工业化的技术体系",
        "（一）能源产业",
        "专栏1 能源产业技术攻关",
        "2．氢能源",
    ]
    assert (c.meta["kind"], c.meta["industry"]) == ("item", "能源产业")
    assert c.meta["doc_title"] == "六盘水市“十四五”科技创新规划"


@pytest.mark.parametrize(("kind", "count"), [("table_row", 8), ("term", 8), ("subitem", 2)])
def test_plan_chunk_kinds(plan: ParsedDocument, kind: str, count: int) -> None:
    nodes = {c.meta["node"] for c in plan.chunks if c.meta["kind"] == kind}
    assert len(nodes) == count


def test_same_plan_in_gb18030_and_utf8_bom_crlf_gives_identical_chunks(
    tmp_path: Path, plan_path: Path
) -> None:
    text = plan_path.read_text(encoding="utf-8")
    gb = tmp_path / "gb" / plan_path.name
    bom = tmp_path / "bom" / plan_path.name
    gb.parent.mkdir()
    bom.parent.mkdir()
    gb.write_bytes(text.encode("gb18030"))
    bom.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    a, b = ingest_file(gb), ingest_file(bom)
    assert (a.source.encoding, b.source.encoding) == ("gb18030", "utf-8-sig")
    assert [(c.id, c.content, c.meta) for c in a.chunks] == [
        (c.id, c.content, c.meta) for c in b.chunks
    ]


def test_split_spans_covers_text_and_respects_max() -> None:
    text = "甲" * 50 + "。" + "乙" * 50 + "；" + "丙" * 50 + "。" + "丁" * 10 + "。"
    spans = split_spans(text, 0, len(text), ChunkOptions(max_chars=60, min_chars=20))
    assert "".join(text[s:e] for s, e in spans) == text
    assert [text[e - 1] for s, e in spans] == ["。", "；", "。"]


def test_chunk_options_reject_nonsense() -> None:
    with pytest.raises(ValueError, match="max_chars"):
        ChunkOptions(max_chars=10)


@pytest.mark.parametrize(
    "kind", ["no_punctuation.txt", "commas_only.txt", "short_lines.txt", "markdown_and_html.txt"]
)
def test_chunks_stay_bounded_whatever_the_punctuation(tmp_path: Path, kind: str) -> None:
    path = tmp_path / kind
    path.write_bytes(make(kind, 300_000))
    parsed = ingest_file(path)
    assert parsed.chunks
    assert max(len(c.content) for c in parsed.chunks) <= ChunkOptions().hard_max_chars
    text = parsed.source.text
    for c in parsed.chunks:
        assert text[c.meta["start"] : c.meta["end"]] == c.content
    if kind != "markdown_and_html.txt":  # headings are not chunks; the others have none
        squashed = re.sub(r"\s", "", text)
        assert re.sub(r"\s", "", "".join(c.content for c in parsed.chunks)) == squashed


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("字" * 1000, [480, 480, 40]),  # no punctuation at all: cut by length
        ("甲乙丙丁戊，" * 100, [156, 156, 156, 132]),  # commas only: cut at ，, packed
    ],
)
def test_split_spans_cuts_runs_without_sentence_ends(text: str, pieces: list[int]) -> None:
    spans = split_spans(text, 0, len(text), ChunkOptions())
    assert [e - s for s, e in spans] == pieces
    assert "".join(text[s:e] for s, e in spans) == text


def test_chunk_options_hard_max_below_max_is_refused() -> None:
    with pytest.raises(ValueError, match="hard_max_chars"):
        ChunkOptions(max_chars=160, hard_max_chars=100)
