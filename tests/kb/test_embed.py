"""Embedders: the bundled USE (default) and a sentence-transformers model built locally."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bench.tiny_model import tiny_static_model
from kb.embed import QueryCache, USEEmbedder, make_embedder
from kb.errors import ConfigError


@pytest.fixture(scope="module")
def use() -> USEEmbedder:
    return USEEmbedder()


def test_use_vectors_are_normalised_512d(use: USEEmbedder) -> None:
    vectors = use.embed_documents(["氢能源技术", "茶叶品种培育", "煤炭开采"])
    assert vectors.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_use_puts_chinese_and_english_in_one_space(use: USEEmbedder) -> None:
    zh = use.embed_documents(["氢能源技术", "茶叶品种培育"])
    en = use.embed_query("hydrogen energy technology")
    assert en @ zh[0] > en @ zh[1] + 0.3


def test_use_batches_by_length_but_keeps_order(use: USEEmbedder) -> None:
    texts = ["茶", "氢能源燃料电池电堆关键技术研究与应用示范" * 3, "煤炭"]
    batched = USEEmbedder(batch_size=1).embed_documents(texts)
    assert np.allclose(batched, use.embed_documents(texts), atol=1e-5)


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_embedder_name_raises(name: str) -> None:
    with pytest.raises(ConfigError, match="use-multilingual"):
        make_embedder(name)


@pytest.mark.st
def test_sentence_transformers_model_from_local_path_builds_and_searches(tmp_path: Path) -> None:
    pytest.importorskip(
        "sentence_transformers", reason="needs the st extra (make test installs it)"
    )
    from kb import KnowledgeBase, Settings, build_index

    model = tiny_static_model(tmp_path / "tiny-model")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "p.txt").write_text(
        "第一章 能源\n1．氢能源。推进燃料电池技术。\n2．煤炭。推进煤炭开采技术。\n",
        encoding="utf-8",
    )
    config = Settings.load(env={}, index_dir=tmp_path / "index", embedder=str(model))
    build_index(config, [corpus])
    kb = KnowledgeBase.open(config.paths.index_dir)
    assert kb.manifest["embedder"] == {"name": str(model), "dim": 16}
    kb.check_embedder(str(model))
    hits = kb.search("燃料电池", k=2)
    assert "燃料电池" in hits[0].text
    assert len(kb.search("燃料电池", k=2, mode="dense")) == 2


class _Counting:
    name, dim = "counting", 2

    def __init__(self) -> None:
        self.calls = 0

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 2), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        self.calls += 1
        return np.array([len(text), 1.0], dtype=np.float32)


def test_query_cache_embeds_a_repeated_query_once_and_forgets_the_oldest() -> None:
    inner = _Counting()
    cache = QueryCache(inner, size=2)
    first = cache.embed_query("氢能")
    assert np.array_equal(cache.embed_query("氢能"), first) and inner.calls == 1
    cache.embed_query("煤炭")
    cache.embed_query("茶叶")  # evicts 氢能
    cache.embed_query("氢能")
    assert inner.calls == 4
    assert (cache.name, cache.dim) == ("counting", 2)
    with pytest.raises(ValueError):
        first[0] = 9.0  # cached vectors are read-only, so no caller can alter another's
