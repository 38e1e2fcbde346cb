"""Named errors of the knowledge base; the CLI and app turn them into messages."""

from __future__ import annotations

__all__ = [
    "BadQuery",
    "ConfigError",
    "IndexBusy",
    "IndexCorrupt",
    "IndexMissing",
    "IndexStale",
    "InputTooLong",
    "KBError",
    "MissingExtra",
    "NotAnIndex",
    "StoreUnavailable",
    "UnknownDocument",
]


class KBError(Exception):
    """Base class of every error raised by ``kb``."""


class ConfigError(KBError):
    """A setting (flag or POLICYKB_* variable) has a value that is not allowed."""


class IndexMissing(KBError):
    """No index at this path."""


class IndexCorrupt(KBError):
    """The index on disk fails its checksums or cannot be parsed."""


class NotAnIndex(KBError):
    """A folder given as the index holds other things; PolicyKB will not write there."""


class IndexBusy(KBError):
    """Another process is writing the index."""


class UnknownDocument(KBError):
    """A document id that is not in the index."""


class BadQuery(KBError):
    """A query that cannot be searched (empty, too long, bad k or mode)."""


class InputTooLong(BadQuery):
    """A question or a project description longer than its limit.

    :param length: its size in characters; ``limit``: the most allowed;
        ``what``: ``"query"`` or ``"description"`` — for a message in the user's language.
    """

    def __init__(self, message: str, length: int, limit: int, what: str = "query") -> None:
        super().__init__(message)
        self.length, self.limit, self.what = length, limit, what


class IndexStale(KBError):
    """The index was built with another embedder than the one asked for."""


class MissingExtra(KBError, ImportError):
    """An optional dependency is not installed; the message says which extra to install."""


class StoreUnavailable(KBError):
    """The search store (a Qdrant server or local folder) cannot be reached or used."""
