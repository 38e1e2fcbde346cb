"""JoinSiblings: the touching pieces of one paragraph among the candidates become one hit."""

from __future__ import annotations

import pytest
from haystack import Document

from kb import KnowledgeBase
from kb.siblings import JoinSiblings


def _piece(pid: str, node: str, start: int, text: str, score: float) -> Document:
    meta = {"doc": "d", "node": node, "start": start, "end": start + len(text)}
    return Document(id=pid, content=text, meta=meta, score=score)


A1 = _piece("a1", "p1", 0, "甲" * 100, 0.5)
A2 = _piece("a2", "p1", 100, "乙" * 60, 0.9)
A3 = _piece("a3", "p1", 160, "丙" * 100, 0.2)
B1 = _piece("b1", "p2", 260, "丁" * 50, 0.7)


def test_touching_pieces_of_one_paragraph_join_under_the_best_piece() -> None:
    out = JoinSiblings(max_chars=480).run([A2, B1, A1, A3], top_k=10)["documents"]
    assert [d.id for d in out] == ["a2", "b1"]
    assert out[0].content == "甲" * 100 + "乙" * 60 + "丙" * 100
    assert (out[0].meta["start"], out[0].meta["end"], out[0].score) == (0, 260, 0.9)
    assert A2.content == "乙" * 60 and A2.meta["end"] == 160  # the candidates are not changed


@pytest.mark.parametrize(
    ("limit", "text"), [(160, "甲" * 100 + "乙" * 60), (100, "乙" * 60), (0, "乙" * 60)]
)
def test_pieces_beyond_the_limit_stay_separate_hits(limit: int, text: str) -> None:
    out = JoinSiblings(max_chars=limit).run([A2, A1, A3], top_k=10)["documents"]
    assert out[0].content == text
    assert sum(len(d.content) for d in out) == 260  # nothing lost, nothing twice


def test_pieces_that_do_not_touch_stay_apart() -> None:
    out = JoinSiblings().run([A1, A3], top_k=10)["documents"]
    assert [d.id for d in out] == ["a1", "a3"]


def test_top_k_counts_joined_hits() -> None:
    assert [d.id for d in JoinSiblings().run([A2, A1, B1, A3], top_k=1)["documents"]] == ["a2"]


def test_a_near_miss_piece_brings_the_rest_of_its_paragraph(plan_kb: KnowledgeBase) -> None:
    hit = plan_kb.search("怎么让大学老师的科研成果落地", k=1)[0]
    assert hit.id.endswith("ch6.s4.ss3.para1.c2")
    assert hit.text.startswith("在六盘水师范学院") and hit.text.endswith("收益分配机制。")
    assert plan_kb.sources[hit.doc][hit.start : hit.end] == hit.text
