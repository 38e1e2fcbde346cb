"""Configuration: one typed object with defaults, overridable by environment and flags.

Precedence, lowest to highest: the defaults below, ``POLICYKB_<FIELD>`` environment
variables (``POLICYKB_INDEX_DIR=/srv/kb``), then explicit overrides (CLI flags).

Example::

    config = Config.load(index_dir="/tmp/kb")     # env read, then the flag applied
    config.index_dir                              # PosixPath('/tmp/kb')
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from ingest import ChunkOptions, Limits
from kb.errors import ConfigError
from kb.search import SearchSettings

__all__ = ["ENV_PREFIX", "STORES", "Config"]

ENV_PREFIX = "POLICYKB_"
STORES = ("embedded", "qdrant")


@dataclass(frozen=True)
class Config:
    """Every setting PolicyKB reads.

    :param index_dir: where the index lives (built by ``policykb ingest``).
    :param corpus_dir: the default documents to ingest.
    :param embedder: ``use-multilingual`` (bundled, offline) or a sentence-transformers
        model name or local path.
    :param max_bytes: largest document file accepted.
    :param max_expanded_bytes: largest uncompressed size of a .docx.
    :param chunk_max_chars: chunks are packed from whole sentences up to this length.
    :param chunk_min_chars: a shorter trailing piece joins the previous chunk.
    :param chunk_hard_max_chars: no chunk is longer, whatever the punctuation.
    :param sparse_weight: BM25's weight in reciprocal-rank fusion (Chinese queries).
    :param char_weight: the character-n-gram BM25's weight in fusion.
    :param dense_weight: the dense retriever's weight in fusion.
    :param english_sparse_weight: BM25's weight for English queries.
    :param synonym_weight: weight of thesaurus terms added to Chinese queries.
    :param fusion: ``merge`` (weighted sum of normalised scores) or ``rrf``.
    :param doc_evidence: how much a document's overall match lifts its chunks.
    :param translation_others: weight of an English phrase's other renderings.
    :param item_prior: score factor of list items; ``table_row_prior``: of table rows.
    :param candidates: hits each retriever passes to fusion.
    :param max_query_chars: longer search queries are refused with a clear error.
    :param ann_threshold: above this many chunks the dense index is HNSW, not exact.
    :param llm_url: an OpenAI-compatible endpoint for generative answers (optional).
    :param llm_model: the model name at that endpoint; both must be set to enable it.
    :param llm_timeout: seconds to wait for the model before falling back.
    :param store: where retrieval runs: ``embedded`` (bm25s + FAISS files, the default)
        or ``qdrant`` (a Qdrant collection; needs ``pip install "policykb[qdrant]"``).
    :param qdrant_url: a Qdrant server or cluster (``http://qdrant:6333``); empty for
        local mode. The API key is read from ``POLICYKB_QDRANT_API_KEY`` only.
    :param qdrant_path: local mode's folder (in-process, one process at a time); empty
        means ``<index_dir>/qdrant`` when no URL is given.
    :param qdrant_collection: the alias readers and operators know; each build writes a
        collection ``<name>-<stamp>-<id>`` and switches the alias to it.
    :param qdrant_shards: shards of a new collection; ``qdrant_replicas``: its
        replication factor (both for a cluster; local mode ignores them).
    """

    index_dir: Path = Path(".policykb")
    corpus_dir: Path = Path("corpus")
    embedder: str = "use-multilingual"
    max_bytes: int = 50 * 1024 * 1024
    max_expanded_bytes: int = 200 * 1024 * 1024
    chunk_max_chars: int = 160
    chunk_min_chars: int = 40
    chunk_hard_max_chars: int = 480
    sparse_weight: float = SearchSettings.sparse_weight
    char_weight: float = SearchSettings.char_weight
    dense_weight: float = SearchSettings.dense_weight
    english_sparse_weight: float = SearchSettings.english_sparse_weight
    synonym_weight: float = SearchSettings.synonym_weight
    fusion: str = SearchSettings.fusion
    doc_evidence: float = SearchSettings.doc_evidence
    translation_others: float = SearchSettings.translation_others
    item_prior: float = SearchSettings.item_prior
    table_row_prior: float = SearchSettings.table_row_prior
    candidates: int = SearchSettings.candidates
    max_query_chars: int = SearchSettings.max_query_chars
    ann_threshold: int = 50_000
    llm_url: str = ""
    llm_model: str = ""
    llm_timeout: float = 30.0
    store: str = "embedded"
    qdrant_url: str = ""
    qdrant_path: str = ""
    qdrant_collection: str = "policykb"
    qdrant_shards: int = 1
    qdrant_replicas: int = 1

    def __post_init__(self) -> None:
        for name in (
            "max_bytes",
            "max_expanded_bytes",
            "chunk_max_chars",
            "candidates",
            "max_query_chars",
            "ann_threshold",
            "qdrant_shards",
            "qdrant_replicas",
        ):
            if getattr(self, name) <= 0:
                raise ConfigError(
                    f"{name}={getattr(self, name)!r} must be a positive integer "
                    f"(set {ENV_PREFIX}{name.upper()} or the flag to a number > 0)."
                )
        weights = (self.sparse_weight, self.char_weight, self.dense_weight)
        if min(weights) < 0 or sum(weights) <= 0 or not 0 <= self.english_sparse_weight <= 1:
            raise ConfigError(
                f"fusion weights {weights} must be >= 0 with a positive sum, and "
                f"english_sparse_weight={self.english_sparse_weight} within 0..1; set "
                "POLICYKB_SPARSE_WEIGHT / POLICYKB_CHAR_WEIGHT / POLICYKB_DENSE_WEIGHT."
            )
        if self.store not in STORES:
            raise ConfigError(
                f"store={self.store!r} is not one of {', '.join(STORES)}; set "
                "POLICYKB_STORE or --store to one of them."
            )
        try:
            self.chunk_options()
        except ValueError as exc:
            raise ConfigError(str(exc)) from exc

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Config:
        """Defaults, then ``POLICYKB_*`` variables, then non-``None`` overrides.

        :param env: the environment to read (``os.environ`` when omitted).
        :raises ConfigError: a variable or override that cannot be converted.
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is not None and raw != "":
                values[f.name] = _convert(f.name, f.type, raw, f"{ENV_PREFIX}{f.name.upper()}")
        for name, value in overrides.items():
            if name not in {f.name for f in fields(cls)}:
                raise ConfigError(f"unknown setting {name!r}; known: {sorted(_names(cls))}.")
            if value is not None:
                ftype = next(f.type for f in fields(cls) if f.name == name)
                values[name] = _convert(name, ftype, value, f"--{name.replace('_', '-')}")
        return replace(cls(), **values) if values else cls()

    def limits(self) -> Limits:
        """The size limits for reading documents."""
        return Limits(max_bytes=self.max_bytes, max_expanded_bytes=self.max_expanded_bytes)

    def search_settings(self) -> SearchSettings:
        """The fusion and query settings for search."""
        return SearchSettings(
            sparse_weight=self.sparse_weight,
            char_weight=self.char_weight,
            dense_weight=self.dense_weight,
            english_sparse_weight=self.english_sparse_weight,
            synonym_weight=self.synonym_weight,
            fusion=self.fusion,
            doc_evidence=self.doc_evidence,
            translation_others=self.translation_others,
            item_prior=self.item_prior,
            table_row_prior=self.table_row_prior,
            candidates=self.candidates,
            max_query_chars=self.max_query_chars,
        )

    def chunk_options(self) -> ChunkOptions:
        """The chunk sizes for cutting documents."""
        return ChunkOptions(
            max_chars=self.chunk_max_chars,
            min_chars=self.chunk_min_chars,
            hard_max_chars=self.chunk_hard_max_chars,
        )


def _names(cls: type) -> set[str]:
    return {f.name for f in fields(cls)}


def _convert(name: str, ftype: Any, raw: Any, source: str) -> Any:
    kind = {"Path": Path, "int": int, "str": str, "float": float}.get(str(ftype), str)
    try:
        return kind(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"{source}={raw!r} is not a valid {kind.__name__} for {name}; give e.g. "
            f"{getattr(Config(), name)!r}."
        ) from exc
