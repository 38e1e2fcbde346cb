"""Reading floor: read documents, normalise, parse structure, cut citable chunks.

``ingest`` knows nothing of ``kb``. The data flow is::

    read(path) -> SourceText -> parse(source) -> Tree -> chunk(tree, source) -> [Document]
"""

import os

# PolicyKB runs offline for offices: Haystack must not try to send usage telemetry.
# Haystack reads this when first imported, so it is set before the imports below.
os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")


from ingest.chunk import ChunkOptions, chunk, section_of
from ingest.document import ParsedDocument, discover, ingest_file
from ingest.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    IngestError,
    UndecodableDocument,
    UnreadableDocument,
    UnsupportedFormat,
)
from ingest.normalize import Normalized, normalize
from ingest.parse import parse
from ingest.read import SUPPORTED_SUFFIXES, Limits, SourceText, decode_text, read
from ingest.table import Indicator, indicators
from ingest.tree import Node, Tree

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ChunkOptions",
    "CorruptDocument",
    "DocumentTooLarge",
    "EmptyDocument",
    "Indicator",
    "IngestError",
    "Limits",
    "Node",
    "Normalized",
    "ParsedDocument",
    "SourceText",
    "Tree",
    "UndecodableDocument",
    "UnreadableDocument",
    "UnsupportedFormat",
    "chunk",
    "decode_text",
    "discover",
    "indicators",
    "ingest_file",
    "normalize",
    "parse",
    "read",
    "section_of",
]
