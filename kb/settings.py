"""Every setting PolicyKB reads, as one typed tree of frozen sections.

The tree is read once (see :mod:`kb.settings_sources`): defaults ← ``policykb.toml`` ←
``POLICYKB_*`` variables ← CLI flags, and passed to :meth:`KnowledgeBase.open
<kb.knowledge_base.KnowledgeBase.open>`; search, answers and fit take their section
from the knowledge base, so the CLI, the app, the API and the benchmarks behave alike.

Each section has an environment prefix: a field's variable is ``POLICYKB_`` + prefix +
the field's name in capitals (``search.fusion`` → ``POLICYKB_FUSION``,
``answer.min_coverage`` → ``POLICYKB_ANSWER_MIN_COVERAGE``); the same lower-case
name (``fusion``, ``answer_min_coverage``) is the flag's key and is unique in the tree.
The sections themselves are in :mod:`kb.settings_sections` and are re-exported here.

Example::

    settings = Settings.load(index_dir="/tmp/kb", fusion="rrf")
    settings.paths.index_dir, settings.search.fusion    # (PosixPath('/tmp/kb'), 'rrf')
    settings.sources["fusion"]                          # 'flag'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest import ChunkOptions, Limits
from kb.settings_sections import (
    STORES,
    AnswerSettings,
    ApiLimits,
    FitSettings,
    IndexSettings,
    LLMSettings,
    Paths,
    QdrantPlace,
    SearchSettings,
)

__all__ = [
    "SECTIONS",
    "STORES",
    "AnswerSettings",
    "ApiLimits",
    "FitSettings",
    "IndexSettings",
    "LLMSettings",
    "Paths",
    "QdrantPlace",
    "SearchSettings",
    "Settings",
]

#: Section name → (its class, the prefix of its variables and flag keys).
SECTIONS: dict[str, tuple[type, str]] = {
    "paths": (Paths, ""),
    "index": (IndexSettings, ""),
    "limits": (Limits, ""),
    "chunking": (ChunkOptions, "CHUNK_"),
    "search": (SearchSettings, ""),
    "answer": (AnswerSettings, "ANSWER_"),
    "fit": (FitSettings, "FIT_"),
    "llm": (LLMSettings, "LLM_"),
    "qdrant": (QdrantPlace, "QDRANT_"),
    "api": (ApiLimits, "API_"),
}


@dataclass(frozen=True)
class Settings:
    """The whole tree; ``sources`` says where each value came from (by flag key).

    :raises ConfigError: a value out of range (each section checks its own).
    """

    paths: Paths = field(default_factory=Paths)
    index: IndexSettings = field(default_factory=IndexSettings)
    limits: Limits = field(default_factory=Limits)
    chunking: ChunkOptions = field(default_factory=ChunkOptions)
    search: SearchSettings = field(default_factory=SearchSettings)
    answer: AnswerSettings = field(default_factory=AnswerSettings)
    fit: FitSettings = field(default_factory=FitSettings)
    llm: LLMSettings = field(default_factory=LLMSettings)
    qdrant: QdrantPlace = field(default_factory=QdrantPlace)
    api: ApiLimits = field(default_factory=ApiLimits)
    sources: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        file: str | Path | None = None,
        cwd: str | Path | None = None,
        **flags: Any,
    ) -> Settings:
        """Defaults ← ``policykb.toml`` ← ``POLICYKB_*`` ← ``flags`` (non-``None`` ones).

        :param env: the environment (``os.environ`` when omitted).
        :param file: a settings file; else ``POLICYKB_CONFIG``, else ``policykb.toml``
            in ``cwd`` (the working directory), else in the index folder.
        :param flags: values by flag key (``index_dir=…``, ``fusion="rrf"``).
        :raises ConfigError: an unknown key, a value of the wrong type or out of range.
        """
        from kb.settings_sources import load

        return load(env=env, file=file, cwd=cwd, flags=flags)
