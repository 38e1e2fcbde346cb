"""Search over the real plan: relevance, filters, English, modes, bad queries."""

from __future__ import annotations

import pytest

from kb import KnowledgeBase
from kb.errors import BadQuery, InputTooLong, UnknownDocument
from kb.search import Hit


def _texts(hits: list[Hit]) -> str:
    return "\n".join(h.text for h in hits)


@pytest.mark.parametrize(
    ("query", "phrase"),
    [
        ("矿井水处理", "高矿化度矿井水大规模低成本处理技术"),
        ("农膜降解", "农膜降解技术"),
        ("北斗应用", "北斗大数据"),
        ("年轻科研人员培养", "高层次青年科技创新人才"),
        ("节约建筑能耗", "公共建筑节能降耗新技术"),
        ("大宗固废在建材中的利用", "粉煤灰、煤矸石、尾矿、脱硫石膏"),  # item, not summary
        ("2025年高新技术产业产值目标", "高新技术产业产值达400亿元"),  # prose, not the row
    ],
)
def test_search_puts_the_answering_clause_first(
    plan_kb: KnowledgeBase, query: str, phrase: str
) -> None:
    assert phrase in plan_kb.search(query, k=3)[0].text


def test_hydrogen_question_finds_items_in_several_boxes(plan_kb: KnowledgeBase) -> None:
    hits = plan_kb.search("哪些氢能技术被列为优先发展？", k=10)
    text = _texts(hits)
    for phrase in ("可再生能源制氢", "质子交换膜", "氢冶金"):
        assert phrase in text
    assert {"能源产业", "钢铁产业"} <= {h.industry for h in hits}


@pytest.mark.parametrize(
    ("query", "phrase"),
    [
        ("hydrogen fuel cell", "氢燃料电池"),
        ("tea varieties", "茶叶"),
        ("prefabricated building materials", "装配式建筑"),
        ("smart logistics and automated warehousing", "智能仓储技术"),
    ],
)
def test_english_queries_find_chinese_clauses(
    plan_kb: KnowledgeBase, query: str, phrase: str
) -> None:
    assert phrase in _texts(plan_kb.search(query, k=3))


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"section": "第四章"}, lambda h: h.section[0].startswith("第四章")),
        ({"section": "（一）能源产业"}, lambda h: "（一）能源产业" in h.section),
        ({"section": "ch6.s2"}, lambda h: h.id.split(":")[1].startswith("ch6.s2")),
        ({"industry": "钢铁产业"}, lambda h: h.industry == "钢铁产业"),
        (
            {"doc": "liupanshui-14th-fyp-sci-tech"},
            lambda h: h.doc == "liupanshui-14th-fyp-sci-tech",
        ),
    ],
)
def test_filtered_search_returns_k_hits_all_matching(
    plan_kb: KnowledgeBase, filters: dict, check
) -> None:
    allowed = int(plan_kb.mask(**filters).sum())
    k = min(8, allowed)
    hits = plan_kb.search("技术研发", k=k, join=False, **filters)  # one chunk per hit
    assert len(hits) == k
    assert all(check(h) for h in hits)


def test_filter_is_applied_before_ranking_not_after(plan_kb: KnowledgeBase) -> None:
    # 氢能 ranks energy items first overall; within 钢铁产业 its steel items still come back.
    hits = plan_kb.search("氢能", k=3, industry="钢铁产业")
    assert any("氢冶金" in h.text for h in hits)


def test_unknown_document_raises_listing_known(plan_kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownDocument, match="liupanshui-14th-fyp-sci-tech"):
        plan_kb.search("氢能", doc="nope")


def test_filter_matching_nothing_raises_with_options(plan_kb: KnowledgeBase) -> None:
    with pytest.raises(BadQuery, match=r"industries: .*能源产业"):
        plan_kb.search("氢能", industry="航天产业")


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_every_mode_returns_k_ranked_hits(plan_kb: KnowledgeBase, mode: str) -> None:
    hits = plan_kb.search("科技金融", k=5, mode=mode)
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_hit_offsets_slice_the_source(plan_kb: KnowledgeBase) -> None:
    for h in plan_kb.search("高新技术企业", k=10):
        assert plan_kb.sources[h.doc][h.start : h.end] == h.text


def test_hit_json_has_the_documented_keys(plan_kb: KnowledgeBase) -> None:
    keys = {"rank", "id", "doc", "doc_title", "section", "kind", "text", "score", "start", "end"}
    assert set(plan_kb.search("茶叶", k=1)[0].to_dict()) == keys


def test_search_is_deterministic(plan_kb: KnowledgeBase) -> None:
    assert plan_kb.search("科技人才", k=10) == plan_kb.search("科技人才", k=10)


@pytest.mark.parametrize(
    ("query", "match"),
    [("", "empty"), ("   \t\n", "empty"), ("\x00\x01\x02", "empty"), ("氢" * 10_000, "10,000")],
)
def test_bad_query_raises_clear_error(plan_kb: KnowledgeBase, query: str, match: str) -> None:
    with pytest.raises(BadQuery, match=match):
        plan_kb.search(query)


def test_an_overlong_query_says_its_length_and_the_limit(plan_kb: KnowledgeBase) -> None:
    with pytest.raises(InputTooLong) as raised:
        plan_kb.search("氢" * 10_000)
    assert (raised.value.length, raised.value.limit, raised.value.what) == (10_000, 1000, "query")


@pytest.mark.parametrize(
    "query", ["😀🚀🔥", "？？！！……", "<script>alert(1)</script>", "'; DROP TABLE x; --"]
)
def test_odd_query_gives_a_sane_result(plan_kb: KnowledgeBase, query: str) -> None:
    hits = plan_kb.search(query, k=5)
    assert len(hits) <= 5


def test_emoji_only_query_returns_nothing(plan_kb: KnowledgeBase) -> None:
    assert plan_kb.search("😀🚀🔥") == []


@pytest.mark.parametrize(("kwargs", "match"), [({"k": 0}, "k=0"), ({"mode": "magic"}, "magic")])
def test_bad_parameters_raise(plan_kb: KnowledgeBase, kwargs: dict, match: str) -> None:
    with pytest.raises(BadQuery, match=match):
        plan_kb.search("氢能", **kwargs)


def test_pipelines_pass_loaded_chunks_without_copying_them(plan_kb: KnowledgeBase) -> None:
    import copy

    from kb.shared_document import SharedDocument

    chunk = plan_kb.chunks[0]
    assert isinstance(chunk, SharedDocument) and copy.deepcopy(chunk) is chunk
    hit = plan_kb.search("氢能", k=1)[0]
    assert plan_kb.chunk(hit.id).meta is next(c for c in plan_kb.chunks if c.id == hit.id).meta
