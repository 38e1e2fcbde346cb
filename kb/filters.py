"""Search filters: which chunks a document, section prefix and industry allow.

Filters become a boolean row mask that every retriever applies *before* ranking, so a
filtered search still returns ``k`` hits when ``k`` exist. The mask remembers the
filters it was made from (:class:`RowMask`), so a store that filters inside its own
engine (Qdrant's payload filters) applies those instead of a list of rows.

Example::

    filter_mask(kb.chunks, section="第四章", industry="钢铁产业").sum()
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from haystack import Document

from kb.errors import BadQuery

__all__ = ["MaskCache", "RowFilter", "RowMask", "allowed", "filter_mask", "in_section"]


@dataclass(frozen=True)
class RowFilter:
    """The filters of a search: documents (any of), section prefix, industry (a part of)."""

    docs: tuple[str, ...] = ()
    section: str | None = None
    industry: str | None = None


class RowMask(np.ndarray):
    """A boolean row mask carrying the :class:`RowFilter` it was computed from.

    Anything derived from it (a slice, ``mask[rows]``) is a plain mask of other rows and
    carries no filter.
    """

    filters: RowFilter | None = None

    def __array_finalize__(self, obj: object) -> None:
        self.filters = None


def in_section(meta: dict, prefix: str) -> bool:
    """Does a chunk sit under a section address, heading or node id starting with prefix?"""
    section = meta["section"]
    return (
        " › ".join(section).startswith(prefix)
        or any(h.startswith(prefix) for h in section)
        or meta["node"].startswith(prefix)
    )


def allowed(
    meta: dict, doc: str | Sequence[str] | None, section: str | None, industry: str | None
) -> bool:
    """Does a chunk pass the document (one or several), section and industry filters?"""
    if doc and meta["doc"] not in ([doc] if isinstance(doc, str) else doc):
        return False
    if section and not in_section(meta, section):
        return False
    return not industry or industry in (meta.get("industry") or "")


def filter_mask(
    chunks: Sequence[Document],
    doc: str | Sequence[str] | None = None,
    section: str | None = None,
    industry: str | None = None,
) -> np.ndarray | None:
    """Rows allowed by the filters, or ``None`` for no filter.

    :raises BadQuery: nothing has that section or industry; the message lists options.
    """
    if not (doc or section or industry):
        return None
    if doc and not (section or industry) and hasattr(chunks, "rows_of"):
        keep = chunks.rows_of([doc] if isinstance(doc, str) else doc)  # codes, no meta read
    else:
        keep = np.array([allowed(c.meta, doc, section, industry) for c in chunks], bool)
    if not keep.any() and (section or industry):
        known = sorted({c.meta.get("industry") for c in chunks} - {None})
        chapters = sorted({c.meta["section"][0] for c in chunks if c.meta["section"]})
        raise BadQuery(
            f"no chunk matches section={section!r} industry={industry!r}"
            + (f" in {doc!r}" if doc else "")
            + f"; industries: {', '.join(known) or 'none'}; top headings: "
            + ", ".join(chapters[:12])
        )
    mask = keep.view(RowMask)
    docs = () if not doc else (doc,) if isinstance(doc, str) else tuple(doc)
    mask.filters = RowFilter(docs, section or None, industry or None)
    return mask


class MaskCache:
    """Row masks by filter, built once each and shared read-only (bounded: filters come
    from users). Thread-safe.

    :param chunks: every chunk, in row order.
    :param size: masks kept at most (the oldest goes first).
    """

    def __init__(self, chunks: list, size: int = 256) -> None:
        self.chunks = chunks
        self.size = size
        self._masks: dict[tuple, np.ndarray | None] = {}
        self._lock = threading.Lock()

    def get(
        self, docs: list[str] | None, section: str | None, industry: str | None
    ) -> np.ndarray | None:
        """:func:`filter_mask` of these filters (``None``: no filter).

        :raises BadQuery: nothing has that section or industry.
        """
        key = (tuple(docs or ()), section, industry)
        with self._lock:
            if key in self._masks:
                return self._masks[key]
        mask = filter_mask(self.chunks, docs, section, industry)
        if mask is not None:
            mask.setflags(write=False)
        with self._lock:
            if len(self._masks) >= self.size:
                self._masks.pop(next(iter(self._masks)))
            self._masks[key] = mask
        return mask
