"""Core floor: index, search and answer over ingested documents.

``kb`` imports nothing from the faces (CLI, Streamlit); the faces call this API.
"""

import os

# PolicyKB runs offline for offices: Haystack must not try to send usage telemetry.
# Haystack reads this when first imported, so it is set before the imports below.
os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")


from kb.build import BuildReport, build_index
from kb.config import Config
from kb.errors import (
    ConfigError,
    IndexBusy,
    IndexCorrupt,
    IndexMissing,
    KBError,
    UnknownDocument,
)
from kb.knowledge_base import DocumentInfo, KnowledgeBase

__all__ = [
    "BuildReport",
    "Config",
    "ConfigError",
    "DocumentInfo",
    "IndexBusy",
    "IndexCorrupt",
    "IndexMissing",
    "KBError",
    "KnowledgeBase",
    "UnknownDocument",
    "build_index",
]
