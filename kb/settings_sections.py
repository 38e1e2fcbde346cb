"""The sections of the settings tree: one frozen dataclass each, checking its own values.

:class:`~kb.settings.Settings` puts them together and :mod:`kb.settings_sources` reads
them; a section's docstring and ``:param:`` lines are its documentation (see
``docs/configuration.md``, generated from them).

Example::

    SearchSettings(fusion="rrf").fusion     # 'rrf'
    SearchSettings(fusion="max")            # ConfigError: fusion='max' is not one of merge, rrf…
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kb.errors import ConfigError

__all__ = [
    "STORES",
    "AnswerSettings",
    "ApiLimits",
    "FitSettings",
    "IndexSettings",
    "LLMSettings",
    "Paths",
    "QdrantPlace",
    "SearchSettings",
]

STORES = ("embedded", "qdrant")
FUSIONS = ("merge", "rrf")


@dataclass(frozen=True)
class Paths:
    """Where things are.

    :param index_dir: where the index lives (built by ``policykb ingest``).
    :param corpus_dir: the documents ``policykb ingest`` reads by default.
    :param home: the corpus's own documents, ids comma-separated: a question that names
        no document is answered from these first. Empty: those of the first path ingest
        reads (the corpus folder by default), as recorded in the index.
    """

    index_dir: Path = Path(".policykb")
    corpus_dir: Path = Path("corpus")
    home: str = ""


@dataclass(frozen=True)
class IndexSettings:
    """How an index is built and stored.

    :param embedder: ``use-multilingual`` (bundled, offline) or a sentence-transformers
        model name or local path (needs the ``st`` extra).
    :param store: ``embedded`` (bm25s + FAISS files, the default) or ``qdrant`` (a Qdrant
        collection; needs the ``qdrant`` extra).
    :param ann_threshold: above this many chunks the dense index is HNSW, not exact.
    """

    embedder: str = "use-multilingual"
    store: str = "embedded"
    ann_threshold: int = 50_000

    def __post_init__(self) -> None:
        _positive(self, "ann_threshold", "")
        if self.store not in STORES:
            raise ConfigError(
                f"store={self.store!r} is not one of {', '.join(STORES)}; set "
                "POLICYKB_STORE or --store to one of them."
            )


@dataclass(frozen=True)
class SearchSettings:
    """Fusion and query settings (measured on the development sets; see docs/evaluation.md).

    :param sparse_weight: weight of the jieba-word BM25 list in fusion.
    :param char_weight: weight of the character-n-gram BM25 list.
    :param dense_weight: weight of the dense list.
    :param english_sparse_weight: word-BM25 weight for English queries (the rest goes
        to dense; characters do not apply).
    :param synonym_weight: weight of thesaurus terms added to a Chinese query, relative
        to the query's own words (English expansions always count fully).
    :param translation_others: for English queries, how much the renderings of one
        English phrase beyond the best-matching one add (0 = only the best; 1 = all).
    :param english_senses: English words the glossary lacks get one dictionary sense
        (CC-CEDICT), chosen by the embedder against the question, unless that sense is in
        more than this share of the chunks (too general); 0 = off (see kb/senses.py).
    :param item_prior: score factor of a list item (``2．氢能源…``): the plan's concrete
        commitments, short and specific, before the summary paragraphs.
    :param table_row_prior: score factor of a bare table row, so prose that states the
        same fact in words comes first.
    :param title_prior: score factor of a chunk that only repeats its document's title
        (a notice's heading, the title line): it names the document, it answers nothing.
    :param sibling_chars: a hit is joined with the touching pieces of its paragraph
        among the candidates, up to this many characters (0 = never).
    :param fusion: ``merge`` (weighted sum of normalised scores) or ``rrf``
        (reciprocal-rank fusion, Haystack's ``DocumentJoiner``).
    :param doc_evidence: how much a document's overall match lifts its chunks (0 = off).
    :param candidates: hits each retriever passes to fusion (at least ``k``).
    :param max_query_chars: longer queries are refused with a clear error.
    """

    sparse_weight: float = 0.4
    char_weight: float = 0.4
    dense_weight: float = 0.2
    english_sparse_weight: float = 0.5
    synonym_weight: float = 0.5
    translation_others: float = 0.2
    english_senses: float = 0.2
    item_prior: float = 1.1
    table_row_prior: float = 0.8
    title_prior: float = 0.5
    sibling_chars: int = 480
    fusion: str = "merge"
    doc_evidence: float = 1.0
    candidates: int = 50
    max_query_chars: int = 1000

    def __post_init__(self) -> None:
        _positive(self, "candidates", "")
        _positive(self, "max_query_chars", "")
        weights = (self.sparse_weight, self.char_weight, self.dense_weight)
        if min(weights) < 0 or sum(weights) <= 0 or not 0 <= self.english_sparse_weight <= 1:
            raise ConfigError(
                f"fusion weights {weights} must be >= 0 with a positive sum, and "
                f"english_sparse_weight={self.english_sparse_weight} within 0..1; set "
                "POLICYKB_SPARSE_WEIGHT / POLICYKB_CHAR_WEIGHT / POLICYKB_DENSE_WEIGHT."
            )
        if self.fusion not in FUSIONS:
            raise ConfigError(
                f"fusion={self.fusion!r} is not one of {', '.join(FUSIONS)}; set "
                "POLICYKB_FUSION or --fusion to one of them."
            )
        if not 0 <= self.english_senses <= 1:
            raise ConfigError(
                f"english_senses={self.english_senses} is a share of chunks, within 0..1 "
                "(0 = off); set POLICYKB_ENGLISH_SENSES to one."
            )


@dataclass(frozen=True)
class AnswerSettings:
    """Thresholds of extractive answers (calibrated on the development sets).

    :param min_coverage: a question is answered only when some retrieved chunk covers
        at least this share of its focus.
    :param clause_coverage: a clause is kept when it covers at least this share.
    :param depth: how many chunks to retrieve before extracting clauses.
    :param max_groups: sections shown at most.
    :param long_clause: a kept clause longer than this is cut to its covering phrases.
    """

    min_coverage: float = 0.45
    clause_coverage: float = 0.45
    depth: int = 30
    max_groups: int = 12
    long_clause: int = 80

    def __post_init__(self) -> None:
        for name in ("depth", "max_groups", "long_clause"):
            _positive(self, name, "ANSWER_")


@dataclass(frozen=True)
class FitSettings:
    """Limits of a project-fit check.

    :param max_matches: matching items listed at most.
    :param max_chars: longer descriptions are refused with a clear error.
    :param background_credit: weight of a key term said only about the company.
    :param measured_documents: for this many best documents, their support measures.
    :param spread_sections: a term the document's priority items name in this many
        sections or more (智能化, 大数据) says how a project works, not what it is: it
        never counts towards the evidence that an item names the project's work or area.
    :param min_work_share: an item names the project's work only if it names at least
        this share of the project's key terms (by weight): one stock phrase of a long
        description (装备研发, 在线监测) is no evidence (no right fit of the tuning sets
        names under 6%).
    :param measure_backing: a numbered measure (（二）提升科技成果转移转化服务能力) lists many
        services in one sentence, so one of the project's terms in it names the project's
        work only beside at least this many of its common words (专利, 担保, 评估).
    """

    max_matches: int = 8
    max_chars: int = 20_000
    background_credit: float = 0.5
    measured_documents: int = 3
    spread_sections: int = 4
    min_work_share: float = 0.05
    measure_backing: int = 2

    def __post_init__(self) -> None:
        for name in ("max_matches", "max_chars", "measured_documents"):
            _positive(self, name, "FIT_")


@dataclass(frozen=True)
class LLMSettings:
    """An optional OpenAI-compatible model that writes answers from the cited clauses.

    :param url: the endpoint (``http://localhost:8000/v1``); empty disables it.
    :param model: the model name at that endpoint; both must be set to enable it.
    :param timeout: seconds to wait for the model before falling back to the
        extractive answer.
    """

    url: str = ""
    model: str = ""
    timeout: float = 30.0

    @property
    def enabled(self) -> bool:
        """Both an endpoint and a model are configured."""
        return bool(self.url and self.model)


@dataclass(frozen=True)
class QdrantPlace:
    """Where the Qdrant store lives (read only when ``index.store`` is ``qdrant``).

    :param url: a Qdrant server or cluster (``http://qdrant:6333``); empty for local
        mode. The API key is read from ``POLICYKB_QDRANT_API_KEY`` only, never a file.
    :param path: local mode's folder; empty means ``<index_dir>/qdrant``.
    :param collection: the alias readers know; each build writes a new collection and
        switches the alias to it.
    :param shards: shards of a new collection (a cluster).
    :param replicas: replication factor of a new collection (a cluster).
    """

    url: str = ""
    path: str = ""
    collection: str = "policykb"
    shards: int = 1
    replicas: int = 1

    def __post_init__(self) -> None:
        for name in ("shards", "replicas"):
            _positive(self, name, "QDRANT_")


@dataclass(frozen=True)
class ApiLimits:
    """Limits of the HTTP API (``policykb api``). Its key is read from
    ``POLICYKB_API_KEY`` only, never a file.

    :param max_body: largest request body in bytes.
    :param timeout: seconds a request may run before it gets 504.
    :param workers: threads running the knowledge base's calls.
    """

    max_body: int = 1024 * 1024
    timeout: float = 30.0
    workers: int = 4

    def __post_init__(self) -> None:
        for name in ("max_body", "timeout", "workers"):
            _positive(self, name, "API_")


def _positive(section: Any, name: str, prefix: str) -> None:
    """Refuse a value of ``name`` that is not > 0, naming its variable and flag."""
    value = getattr(section, name)
    if not value > 0:
        key = (prefix + name).upper()
        raise ConfigError(
            f"{key.lower()}={value!r} must be a number > 0 (set POLICYKB_{key} or the "
            f"flag --{key.lower().replace('_', '-')} to one)."
        )
