"""A tiny sentence-transformers model written locally (no downloads), for the
sentence-transformers path in benchmarks and tests."""

from __future__ import annotations

from pathlib import Path

__all__ = ["tiny_static_model"]


def tiny_static_model(folder: Path) -> Path:
    """A 16-d ``StaticEmbedding`` over a written character vocabulary, saved in ``folder``.

    :returns: ``folder``, loadable by ``SentenceTransformer(str(folder))``.
    :raises ImportError: sentence-transformers is not installed (the ``st`` extra).
    """
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import StaticEmbedding
    from tokenizers import Tokenizer, models, pre_tokenizers

    chars = list("氢能源煤炭钢铁茶叶技术创新科研人才发展产业电池燃料")
    vocab = {"[UNK]": 0, "[PAD]": 1, **{c: i + 2 for i, c in enumerate(chars)}}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Split(pattern="", behavior="isolated")
    SentenceTransformer(modules=[StaticEmbedding(tokenizer, embedding_dim=16)]).save(str(folder))
    return folder
