"""Named errors raised while reading and parsing documents.

Each message names the bad value, what is allowed and how to fix it; the CLI and the
app turn them into user-facing text.
"""

from __future__ import annotations

__all__ = [
    "CorruptDocument",
    "DocumentTooLarge",
    "EmptyDocument",
    "IngestError",
    "UndecodableDocument",
    "UnreadableDocument",
    "UnsupportedFormat",
]


class IngestError(Exception):
    """Base class of every error raised by ``ingest``."""


class UnsupportedFormat(IngestError):
    """The file's extension is not one PolicyKB can read."""


class EmptyDocument(IngestError):
    """The document holds no text."""


class UndecodableDocument(IngestError):
    """The bytes are not text in any supported encoding (or the file is binary)."""


class DocumentTooLarge(IngestError):
    """The file is larger than the configured limit."""


class CorruptDocument(IngestError):
    """A .docx or .pdf container could not be opened."""


class UnreadableDocument(IngestError):
    """The file could not be opened or read (gone, a folder, no permission)."""
