"""Core floor: index, search and answer over ingested documents.

``kb`` imports nothing from the faces (CLI, Streamlit); the faces call this API.
"""

import os

# PolicyKB runs offline for offices: Haystack must not try to send usage telemetry.
# Haystack reads this when first imported, so it is set before the imports below.
os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")


from kb.build import BuildReport, build_index
from kb.config import Config
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
from kb.search import Hit, SearchSettings

__all__ = [
    "BadQuery",
    "BuildReport",
    "Config",
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
    "UnknownDocument",
    "build_index",
]
