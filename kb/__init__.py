"""Core floor: index, search and answer over ingested documents.

``kb`` imports nothing from the faces (CLI, Streamlit); the faces call this API.
"""

import ingest  # noqa: F401 - first: it switches Haystack's telemetry off (the one place)
from kb.build import BuildReport, build_index
from kb.documents import DocumentInfo
from kb.errors import (
    BadQuery,
    ConfigError,
    IndexBusy,
    IndexCorrupt,
    IndexMissing,
    IndexStale,
    KBError,
    NotAnIndex,
    UnknownDocument,
)
from kb.knowledge_base import KnowledgeBase
from kb.search import Hit
from kb.settings import SearchSettings, Settings

__all__ = [
    "BadQuery",
    "BuildReport",
    "ConfigError",
    "DocumentInfo",
    "Hit",
    "IndexBusy",
    "IndexCorrupt",
    "IndexMissing",
    "IndexStale",
    "KBError",
    "KnowledgeBase",
    "NotAnIndex",
    "SearchSettings",
    "Settings",
    "UnknownDocument",
    "build_index",
]
