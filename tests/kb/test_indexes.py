"""The BM25 and FAISS indexes on their own: ranking, masks, ANN switch, persistence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from haystack import Document

from kb.dense import DenseIndex
from kb.sparse import MaxNormalizer, SparseIndex, index_tokens
from kb.tokenize import Tokenizer

CORPUS = [["氢能", "制氢"], ["煤炭", "开采"], ["氢能", "燃料电池"], ["茶叶", "种植"]]


def _unit(rows: int, dim: int, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((rows, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_sparse_ranks_matching_rows_only() -> None:
    index = SparseIndex.build(CORPUS)
    rows = [r for r, _ in index.top(["氢能"], k=10)]
    assert sorted(rows) == [0, 2]


def test_sparse_mask_is_applied_before_top_k() -> None:
    index = SparseIndex.build(CORPUS)
    mask = np.array([False, False, True, True])
    assert [r for r, _ in index.top(["氢能", "茶叶"], k=2, mask=mask)] in ([2, 3], [3, 2])


def test_sparse_expansion_counts_less_than_query_words() -> None:
    index = SparseIndex.build(CORPUS)
    plain = index.scores(["煤炭"])
    expanded = index.scores(["煤炭"], expansion=["茶叶"], expansion_weight=0.5)
    assert expanded[1] == pytest.approx(plain[1])
    assert 0 < expanded[3] < plain[1]


def test_sparse_group_counts_the_best_rendering_not_every_one() -> None:
    # Row 0 repeats two generic renderings of one idea; row 1 has the specific one.
    rows = [["科学", "科技", "精神"], ["科普", "事业", "工作"], ["茶叶"], ["种植"]]
    index = SparseIndex.build(rows)
    group = [[["科学"], ["科技"], ["科普"]]]
    summed = index.group_scores(group, others=1.0)
    best = index.group_scores(group, others=0.0)
    assert summed[0] > summed[1]  # a plain OR of the renderings prefers the generic row
    assert best[1] >= best[0]
    assert best[1] == pytest.approx(max(index.scores(["科普"])[1], 0))


def test_sparse_rendering_scores_the_mean_of_its_tokens() -> None:
    index = SparseIndex.build([["现代", "煤化工", "现代煤化工"], ["煤制烯烃"], ["茶叶"], ["种植"]])
    long_one = ["现代", "煤化工", "现代煤化工"]
    got = index.group_scores([[long_one]])
    assert got[0] == pytest.approx(index.scores(long_one)[0] / 3)
    # one idea, two renderings: the five-token split no longer outweighs a one-token term
    both = index.group_scores([[long_one, ["煤制烯烃"]]], others=0.0)
    assert both[1] == pytest.approx(index.scores(["煤制烯烃"])[1])


def test_sparse_groups_add_up_across_ideas() -> None:
    index = SparseIndex.build(CORPUS)
    both = index.group_scores([[["氢能"]], [["燃料电池"]]])
    assert int(np.argmax(both)) == 2  # the row with both ideas wins
    assert [r for r, _ in index.top([], k=1, groups=[[["氢能"]], [["燃料电池"]]])] == [2]


@pytest.mark.parametrize("piece", [0, 1])
def test_every_piece_of_a_split_item_counts_its_title_once(piece: int) -> None:
    tok = Tokenizer()
    section = ["专栏1 能源产业技术攻关", "2．氢能源"]
    texts = ["2．氢能源。加强天然气制氢技术研发。", "推进氢燃料电池制备与应用技术。"]
    doc = Document(
        content=texts[piece], meta={"section": section, "title": "氢能源", "kind": "item"}
    )
    tokens = index_tokens(doc, tok)
    assert tokens.count("氢能源") == 1
    assert tokens.count("攻关") == 2  # the box heading above the item, weighted


@pytest.mark.parametrize("masked", [False, True])
@pytest.mark.parametrize("k", [1, 5, 34, 200])
def test_dense_exact_search_is_a_full_sort_with_ties_in_row_order(masked: bool, k: int) -> None:
    vectors = _unit(100, 16, seed=3)
    vectors[60] = vectors[20]  # a tie: the earlier row comes first
    index = DenseIndex.build(vectors)
    mask = (np.arange(100) % 3 != 1) if masked else None
    q = vectors[20]
    rows = np.flatnonzero(mask) if masked else np.arange(100)
    sims = vectors[rows] @ q
    expected = [int(rows[i]) for i in np.argsort(-sims, kind="stable")[:k]]
    got = [r for r, _ in index.top(q, k, mask)]
    assert got == expected and got[:2] == [20, 60][:k]


def test_dense_exact_view_of_a_slice_does_not_copy_it() -> None:
    vectors = _unit(300, 16, seed=3)
    view = DenseIndex.exact_view(vectors[100:200])
    assert np.shares_memory(view.vectors, vectors)
    assert view.top(vectors[150], 1)[0][0] == 50


def test_sparse_save_load_round_trip(tmp_path: Path) -> None:
    index = SparseIndex.build(CORPUS)
    index.save(tmp_path)
    loaded = SparseIndex.load(tmp_path)
    assert np.allclose(loaded.scores(["氢能", "开采"]), index.scores(["氢能", "开采"]))


def test_max_normalizer_scales_best_to_one() -> None:
    docs = [Document(content="a", score=4.0), Document(content="b", score=1.0)]
    assert [d.score for d in MaxNormalizer().run(docs)["documents"]] == [1.0, 0.25]


def test_dense_exact_search_finds_the_vector_itself() -> None:
    vectors = _unit(100, 16)
    index = DenseIndex.build(vectors)
    assert index.kind == "flat"
    assert index.top(vectors[42], k=1)[0][0] == 42


def _clustered(rows: int, dim: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((rows // 50, dim))
    v = centres[rng.integers(0, len(centres), rows)] + 0.3 * rng.standard_normal((rows, dim))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


@pytest.mark.parametrize(
    ("vectors", "queries", "thresholds", "kind"),
    [
        (_unit(3000, 32), _unit(50, 32, seed=1), (1000, 10_000), "hnsw"),
        (_clustered(6000, 32), _clustered(50, 32), (1000, 2000), "ivf"),
    ],
)
def test_dense_switches_to_ann_above_threshold_with_high_recall(
    vectors: np.ndarray, queries: np.ndarray, thresholds: tuple[int, int], kind: str
) -> None:
    ann, exact = DenseIndex.build(vectors, *thresholds), DenseIndex.build(vectors)
    assert ann.kind == kind
    recall = np.mean(
        [
            len({r for r, _ in ann.top(q, 10)} & {r for r, _ in exact.top(q, 10)}) / 10
            for q in queries
        ]
    )
    assert recall >= 0.9


@pytest.mark.parametrize(("threshold", "ivf"), [(10_000, 10_000), (100, 10_000), (100, 200)])
def test_dense_filtered_search_returns_k_when_k_exist(threshold: int, ivf: int) -> None:
    vectors = _unit(500, 16)
    index = DenseIndex.build(vectors, ann_threshold=threshold, ivf_threshold=ivf)
    mask = np.zeros(500, dtype=bool)
    mask[::50] = True  # ten allowed rows
    hits = index.top(vectors[0], k=10, mask=mask)
    assert len(hits) == 10
    assert all(r % 50 == 0 for r, _ in hits)


@pytest.mark.parametrize(("threshold", "ivf"), [(10_000, 10_000), (100, 10_000), (100, 200)])
def test_dense_save_load_round_trip(tmp_path: Path, threshold: int, ivf: int) -> None:
    vectors = _unit(300, 16)
    index = DenseIndex.build(vectors, ann_threshold=threshold, ivf_threshold=ivf)
    index.save(tmp_path)
    loaded = DenseIndex.load(tmp_path)
    assert loaded.kind == index.kind
    assert loaded.top(vectors[7], 5) == index.top(vectors[7], 5)
