"""The Qdrant store's parts: BM25 split between stored term frequencies and Qdrant's IDF,
structured English queries, payload filters equal to the embedded masks, the alias
switched per build, and errors that say what to do. Local mode only (no server here)."""

from __future__ import annotations

import math
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest
from haystack import Document

from kb import KnowledgeBase, Settings, build_index
from kb.errors import ConfigError, IndexCorrupt, MissingExtra, StoreUnavailable
from kb.filters import filter_mask
from kb.qdrant.structured import combine, structured_top
from kb.qdrant.vocabulary import Vocabulary, lucene_idf
from kb.sparse import SparseIndex, corpus_terms, index_chars, index_tokens
from kb.stores import index_builder
from kb.tokenize import Tokenizer
from tests.conftest import PLAN
from tests.kb.test_filters import CHUNKS  # the embedded filters' own fixtures

qdrant_client = pytest.importorskip("qdrant_client", reason="needs the qdrant extra")

from kb.qdrant import QdrantSettings, connect, disconnect  # noqa: E402
from kb.qdrant.connection import Connection  # noqa: E402
from kb.qdrant.filters import PayloadFilters, address  # noqa: E402

QUERIES = ["氢能", "煤层气抽采", "科技特派员", "高新技术企业", "刺梨", "大数据"]


# -- BM25 ------------------------------------------------------------------------------
@pytest.mark.parametrize(("df", "n"), [(1, 1), (1, 223), (50, 223), (223, 223), (7, 3472)])
def test_lucene_idf_is_the_idf_of_bm25s_and_of_qdrant(df: int, n: int) -> None:
    from bm25s.scoring import _score_idf_lucene
    from qdrant_client.local.local_collection import LocalCollection

    assert lucene_idf(df, n) == pytest.approx(_score_idf_lucene(df, N=n), rel=1e-12)
    assert lucene_idf(df, n) == pytest.approx(LocalCollection._compute_idf(df, n), rel=1e-12)


@pytest.fixture(scope="module")
def plan_tokens(plan) -> tuple[list[list[str]], list[list[str]]]:
    tokenizer = Tokenizer(corpus_terms(plan.chunks))
    return [index_tokens(c, tokenizer) for c in plan.chunks], [index_chars(c) for c in plan.chunks]


@pytest.mark.parametrize("field", [0, 1], ids=["words", "chars"])
def test_stored_term_frequencies_times_idf_are_the_bm25s_scores(plan_tokens, field: int) -> None:
    corpus = plan_tokens[field]
    bm25, vocab = SparseIndex.build(corpus), Vocabulary.build(corpus)
    assert (
        vocab.n == bm25.size
        and vocab.document_frequencies().items() <= {**bm25.document_frequencies()}.items()
    )
    rows = [vocab.document(tokens) for tokens in corpus]
    for token in sorted(vocab.vocab)[:: max(1, len(vocab.vocab) // 60)]:
        i = vocab.vocab[token]
        ours = np.zeros(vocab.n)
        for d, (indices, values) in enumerate(rows):
            if i in indices:
                ours[d] = values[indices.index(i)] * vocab.idf([i])[0]
        assert np.allclose(ours, bm25.scores([token]), rtol=1e-5, atol=1e-6), token


def test_qdrant_scores_are_the_embedded_scores_for_queries_expansions_and_groups(
    plan_kb: KnowledgeBase, plan_qdrant_index: Path
) -> None:
    qdrant = KnowledgeBase.open(plan_qdrant_index)
    searcher = plan_kb.searcher()
    for query in [*QUERIES, "hydrogen fuel cells", "R&D spending as share of GDP"]:
        out = searcher._analyzer.run(query)
        for field in ("sparse", "chars"):
            tokens = out["tokens"] if field == "sparse" else out["chars"]
            args = (tokens, 30, None, out["expansion"], out["expansion_weight"])
            groups = out["groups"] if field == "sparse" else None
            theirs = dict(getattr(plan_kb, field).top(*args, groups=groups))
            ours = dict(getattr(qdrant, field).top(*args, groups=groups))
            assert len(ours) == len(theirs), (query, field)
            for row in ours.keys() & theirs.keys():
                assert math.isclose(ours[row], theirs[row], rel_tol=1e-5), (query, field, row)
            last = min(theirs.values(), default=0.0)  # only ties at the cut may differ
            for row in ours.keys() ^ theirs.keys():
                score = ours.get(row, theirs.get(row))
                assert math.isclose(score, last, rel_tol=1e-5), (query, field, row)


# -- structured queries ----------------------------------------------------------------
def _fake_search(matrix: np.ndarray):
    """Search over a (renderings × rows) score matrix, as Qdrant would answer."""

    def search(vectors, limit, ids):
        out = []
        for v in vectors:
            rows = range(matrix.shape[1]) if ids is None else ids
            hits = sorted(
                ((r, matrix[v, r]) for r in rows if matrix[v, r] > 0), key=lambda h: -h[1]
            )
            out.append([(int(r), float(s)) for r, s in hits[:limit]])
        return out

    return search


@pytest.mark.parametrize("seed", range(20))
def test_structured_top_is_the_exact_top_of_the_full_combination(seed: int) -> None:
    rng = np.random.default_rng(seed)
    matrix = rng.random((5, 400)) * (rng.random((5, 400)) < 0.3)
    groups = [[0, 1, 2], [3], [4]]
    full = [combine([[matrix[i, r] for i in g] for g in groups], 0.2) for r in range(400)]
    expected = sorted((r for r in range(400) if full[r] > 0), key=lambda r: (-full[r], r))[:10]
    got = structured_top(_fake_search(matrix), groups, 10, 0.2, size=400)
    assert [r for r, _ in got] == expected
    assert all(math.isclose(s, full[r]) for r, s in got)


# -- payload filters -------------------------------------------------------------------
def _memory_collection(chunks: list[Document]) -> Connection:
    from qdrant_client import QdrantClient, models

    client = QdrantClient(":memory:")
    client.create_collection("c", vectors_config={})
    client.upsert(
        "c",
        [
            models.PointStruct(
                id=i, vector={}, payload={"meta": c.meta, "address": address(c.meta)}
            )
            for i, c in enumerate(chunks)
        ],
    )
    return Connection(client, QdrantSettings(path=":memory:"))


def _selected(connection: Connection, collection: str, where) -> list[int]:
    with connection.use("scroll") as client:
        points, _ = client.scroll(collection, scroll_filter=where, limit=1_000_000)
    return sorted(int(p.id) for p in points)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"doc": "a"},
        {"doc": ["a", "b"]},
        {"section": "第四章"},
        {"section": "（一）能源产业"},
        {"section": "第四章 加快推进 › （一"},  # the joined address
        {"section": "ch4.s1.ss3"},  # a node id
        {"industry": "钢铁"},  # part of a name
        {"doc": "a", "industry": "能源产业"},
        {"doc": "b", "section": "第"},
    ],
)
def test_payload_filters_select_the_rows_of_the_embedded_mask(kwargs: dict) -> None:
    connection = _memory_collection(CHUNKS)
    mask = filter_mask(CHUNKS, **kwargs)
    where = PayloadFilters(CHUNKS).build(mask)
    assert _selected(connection, "c", where) == np.flatnonzero(mask).tolist()


def test_a_mask_without_filters_selects_its_rows_by_id() -> None:
    connection = _memory_collection(CHUNKS)
    where = PayloadFilters(CHUNKS).build(np.array([True, False, True]))
    assert _selected(connection, "c", where) == [0, 2]


def test_payload_filters_equal_the_masks_on_the_real_documents(
    all_kb: KnowledgeBase, all_qdrant_index: Path
) -> None:
    qdrant = KnowledgeBase.open(all_qdrant_index)
    collection = qdrant.dense.collection
    docs = [d.doc for d in all_kb.documents]
    headings = sorted({c.meta["section"][0] for c in all_kb.chunks if c.meta["section"]})
    industries = sorted({c.meta["industry"] for c in all_kb.chunks if c.meta.get("industry")})
    cases = [
        {"doc": docs[0]},
        {"doc": docs[1:4]},
        {"section": headings[0][:3]},
        {"section": "第二"},
        {"section": "ch2.s1"},
        {"industry": industries[0][:2]},
        {"doc": docs[:5], "section": "一、"},
    ]
    for kwargs in cases:
        mask = all_kb.mask(**kwargs)
        where = collection.filters.build(qdrant.mask(**kwargs))
        assert (
            _selected(collection.connection, collection.name, where)
            == np.flatnonzero(mask).tolist()
        ), kwargs


@pytest.mark.parametrize(
    "kwargs", [{"section": "第四章"}, {"industry": "能源"}, {"section": "ch4", "industry": "煤"}]
)
def test_filtered_searches_answer_as_the_embedded_store(
    plan_kb: KnowledgeBase, plan_qdrant_index: Path, kwargs: dict
) -> None:
    qdrant = KnowledgeBase.open(plan_qdrant_index)
    for query in QUERIES[:4]:
        want = [h.id for h in plan_kb.search(query, k=10, **kwargs)]
        assert [h.id for h in qdrant.search(query, k=10, **kwargs)] == want


# -- builds, alias, errors -------------------------------------------------------------
def _collections(index: Path) -> tuple[dict[str, str], list[str]]:
    connection = connect(QdrantSettings(path=str(index / "qdrant")))
    with connection.use("list") as client:
        aliases = {a.alias_name: a.collection_name for a in client.get_aliases().aliases}
        names = sorted(c.name for c in client.get_collections().collections)
    return aliases, names


def test_each_build_switches_the_alias_and_keeps_only_the_previous_collection(
    plan_index: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    shutil.copytree(plan_index, index)
    config = Settings.load(env={}, index_dir=index, store="qdrant")
    first = build_index(config, [PLAN]).store["collection"]
    reader = KnowledgeBase.open(index)  # stays on its build while others follow
    before = [h.id for h in reader.search("氢能", k=5)]
    second = build_index(config, [PLAN]).store["collection"]
    assert _collections(index) == ({"policykb": second}, sorted([first, second]))
    third = build_index(config, [PLAN]).store["collection"]
    assert _collections(index) == ({"policykb": third}, sorted([second, third]))
    assert KnowledgeBase.open(index).manifest["store"]["collection"] == third
    later = KnowledgeBase.open(index)
    assert [h.id for h in later.search("氢能", k=5)] == before
    with pytest.raises(StoreUnavailable, match=first):  # two builds on, its collection is gone
        reader.search("氢能", k=5)


def test_a_missing_collection_is_reported_with_the_command_that_rebuilds(
    plan_qdrant_index: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    top = str(plan_qdrant_index)
    shutil.copytree(plan_qdrant_index, index, ignore=lambda d, _: ["qdrant"] if d == top else [])
    with pytest.raises(IndexCorrupt, match=r"does not exist.*policykb ingest --store qdrant"):
        KnowledgeBase.open(index)


def test_a_store_that_fails_mid_query_says_so_in_one_error(
    plan_qdrant_index: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    shutil.copytree(plan_qdrant_index, index)
    kb = KnowledgeBase.open(index)
    disconnect(QdrantSettings(path=str(index / "qdrant")))
    with pytest.raises(StoreUnavailable, match=r"Qdrant at .* failed to search"):
        kb.search("氢能")


def test_several_shards_carry_the_collection_wide_idf_in_the_query(
    plan_kb: KnowledgeBase, plan_index: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    shutil.copytree(plan_index, index)
    build_index(Settings.load(env={}, index_dir=index, store="qdrant", qdrant_shards=2), [PLAN])
    qdrant = KnowledgeBase.open(index)
    assert qdrant.manifest["store"]["client_idf"] is True
    for query in [*QUERIES, "hydrogen fuel cells"]:
        want = [(h.id, round(h.score, 4)) for h in plan_kb.search(query, k=10)]
        assert [(h.id, round(h.score, 4)) for h in qdrant.search(query, k=10)] == want


def test_the_collection_is_readable_by_haystacks_qdrant_document_store(
    plan_qdrant_index: Path, plan_kb: KnowledgeBase
) -> None:
    from haystack_integrations.document_stores.qdrant import QdrantDocumentStore

    path = plan_qdrant_index / "qdrant"
    disconnect(QdrantSettings(path=str(path)))  # local mode: one client per folder
    store = QdrantDocumentStore(
        path=str(path),
        index="policykb",
        use_sparse_embeddings=True,
        sparse_idf=True,
        embedding_dim=512,
        similarity="dot_product",
    )
    try:
        assert store.count_documents() == len(plan_kb.chunks)
        found = store.filter_documents({"field": "meta.kind", "operator": "==", "value": "item"})
        want = {c.id: c.content for c in plan_kb.chunks if c.meta["kind"] == "item"}
        assert {d.id: d.content for d in found} == want
    finally:
        store._client.close()


def test_without_the_qdrant_extra_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "qdrant_client", None)
    with pytest.raises(MissingExtra, match=r'pip install "policykb\[qdrant\]"') as caught:
        index_builder(Settings.load(env={}, store="qdrant"))
    assert isinstance(caught.value, ImportError)


def test_the_api_key_is_read_from_the_environment_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import qdrant_client as module

    from kb.qdrant.connection import _open

    with pytest.raises(ConfigError, match="unknown setting 'qdrant_api_key'"):
        Settings.load(env={}, qdrant_api_key="secret")
    seen: dict = {}
    monkeypatch.setattr(module, "QdrantClient", lambda **kwargs: seen.update(kwargs))
    monkeypatch.setenv("POLICYKB_QDRANT_API_KEY", "s3cret")
    _open(QdrantSettings(url="https://qdrant.example:6333"))
    assert seen == {"url": "https://qdrant.example:6333", "api_key": "s3cret"}


@pytest.mark.parametrize(
    ("settings", "match"),
    [
        ({"store": "elastic"}, "store='elastic' is not one of embedded, qdrant"),
        ({"qdrant_shards": 0}, "qdrant_shards=0 must be a number > 0"),
    ],
)
def test_bad_store_settings_name_the_value_and_the_choices(settings: dict, match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        Settings.load(env={}, **settings)


def test_a_collection_name_qdrant_would_refuse_is_named() -> None:
    with pytest.raises(ConfigError, match="qdrant_collection='policy kb'"):
        QdrantSettings(path="/tmp/q", collection="policy kb")


def test_ingest_with_store_qdrant_then_search_from_the_cli(
    plan_index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from cli.main import main

    index = tmp_path / "index"
    shutil.copytree(plan_index, index)
    assert main(["ingest", str(PLAN), "--index-dir", str(index), "--store", "qdrant"]) == 0
    assert "Search runs on Qdrant collection policykb-" in capsys.readouterr().out
    assert main(["search", "刺梨", "--index-dir", str(index), "--json", "-k", "3"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert len(results) == 3 and "刺梨" in results[0]["text"]
