"""The streaming BM25 builder scores exactly as bm25s does, and saves what bm25s saves."""

from __future__ import annotations

from pathlib import Path

import bm25s
import numpy as np
import pytest

from ingest import ParsedDocument
from kb.sparse import SparseIndex, corpus_terms, index_chars, index_tokens
from kb.sparse_build import UnknownMethod, build_bm25
from kb.stored_bm25 import StoredBM25
from kb.tokenize import Tokenizer


def _dense(vocab: dict[str, int], scores: dict, n_docs: int) -> dict[str, np.ndarray]:
    """Each token's score per document (token ids differ between builders; tokens don't)."""
    indptr = np.asarray(scores["indptr"])
    out = {}
    for token, i in vocab.items():
        column = np.zeros(n_docs, np.float32)
        if i < len(indptr) - 1:
            rows = slice(int(indptr[i]), int(indptr[i + 1]))
            column[np.asarray(scores["indices"])[rows]] = np.asarray(scores["data"])[rows]
        out[token] = column
    return out


def _assert_same_as_bm25s(corpus: list[list[str]], method: str = "lucene", **kw) -> None:
    ref = bm25s.BM25(k1=1.2, b=0.75, method=method)
    ref.index(corpus, show_progress=False)
    ours = build_bm25(iter(corpus), k1=1.2, b=0.75, method=method, **kw)
    assert set(ours.vocab) == set(ref.vocab_dict)
    assert ours.num_docs == ref.scores["num_docs"] == len(corpus)
    assert len(ours.scores["data"]) == len(ref.scores["data"])
    expected = _dense(ref.vocab_dict, ref.scores, len(corpus))
    got = _dense(ours.vocab, ours.scores, len(corpus))
    for token, column in expected.items():
        np.testing.assert_array_equal(got[token], column, err_msg=token)
    # rows ascend within each token's column, as a CSC matrix requires
    indptr, indices = ours.scores["indptr"], np.asarray(ours.scores["indices"])
    for i in range(len(indptr) - 1):
        assert np.all(np.diff(indices[indptr[i] : indptr[i + 1]]) > 0)


FIXTURES = {
    "one document": [["氢能"]],
    "repeated tokens": [["氢", "氢", "氢", "能"], ["能"], ["氢", "能", "能"]],
    "a token in every document": [["的", "a"], ["的", "b"], ["的", "的", "c"]],
    "an empty token list": [["煤炭", "开采"], [], ["煤炭"]],
    "the empty token itself": [["氢能"], [""], ["", "制氢"]],
}


@pytest.mark.parametrize("method", ["lucene", "robertson", "atire"])
@pytest.mark.parametrize("name", FIXTURES)
def test_tiny_corpora_score_as_bm25s(name: str, method: str) -> None:
    _assert_same_as_bm25s(FIXTURES[name], method)


@pytest.mark.parametrize("block", [1, 7, 8192])
def test_plan_chunks_score_as_bm25s_whatever_the_block_size(
    plan: ParsedDocument, block: int
) -> None:
    tokenizer = Tokenizer(corpus_terms(plan.chunks))
    words = [index_tokens(c, tokenizer) for c in plan.chunks]
    assert len(words) > 200
    _assert_same_as_bm25s(words, block=block)


def test_plan_character_ngrams_score_as_bm25s(plan: ParsedDocument) -> None:
    _assert_same_as_bm25s([index_chars(c) for c in plan.chunks])


def test_index_written_to_a_folder_is_read_back_with_the_same_scores(
    plan: ParsedDocument, tmp_path: Path
) -> None:
    chars = [index_chars(c) for c in plan.chunks]
    in_memory = SparseIndex.build(chars)
    folder = tmp_path / "new" / "chars"  # parents made as needed
    SparseIndex.build(iter(chars), folder=folder)
    assert sorted(p.name for p in folder.iterdir()) == [  # the spill file is gone
        "data.csc.index.npy",
        "indices.csc.index.npy",
        "indptr.csc.index.npy",
        "params.index.json",
        "vocab.index.json",
    ]
    loaded = SparseIndex.load(folder, mmap=True)
    assert isinstance(loaded.bm25, StoredBM25)
    query = index_chars(plan.chunks[10])[:6]
    np.testing.assert_array_equal(loaded.scores(query), in_memory.scores(query))
    assert loaded.top(query, 5) == in_memory.top(query, 5)
    assert loaded.top(query, 1)[0][0] == 10


def test_index_saved_by_bm25s_scores_as_the_built_one(plan: ParsedDocument, tmp_path: Path) -> None:
    tokenizer = Tokenizer(corpus_terms(plan.chunks))
    words = [index_tokens(c, tokenizer) for c in plan.chunks]
    ref = bm25s.BM25(k1=1.2, b=0.75)
    ref.index(words, show_progress=False)
    ref.save(str(tmp_path / "ref"), allow_pickle=False)
    built = SparseIndex.build(words)
    for query in (["氢能"], ["科技", "创新", "科技"], ["大数据", "no-such-token"]):
        np.testing.assert_array_equal(
            SparseIndex.load(tmp_path / "ref").scores(query), built.scores(query)
        )
    assert SparseIndex.load(tmp_path / "ref").document_frequencies() == {
        **built.document_frequencies(),
    }


def test_a_method_with_non_occurrence_scores_is_refused() -> None:
    with pytest.raises(UnknownMethod, match="bm25l"):
        build_bm25(iter([["a"]]), method="bm25l")
