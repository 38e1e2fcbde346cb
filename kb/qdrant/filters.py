"""Search filters as Qdrant payload filters, applied inside the engine before ranking.

Each point's payload holds its chunk's ``meta`` (``doc``, ``section`` headings, ``node``,
``industry``) and its section address (``address``: the headings joined with ``›``).
The embedded store's filters are prefix and substring matches (:func:`kb.filters.allowed`);
Qdrant matches exact values, so a prefix or a part of a name is first resolved against
the distinct values of the index (a few thousand headings at most per document) and
becomes ``MatchAny`` of those: the same rows, chosen by the engine.

Example::

    filters = PayloadFilters(kb.chunks)
    filters.build(kb.mask(section="第四章"))   # Filter(must=[Filter(should=[…])])
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
from haystack import Document

from kb.filters import RowFilter

__all__ = ["ADDRESS", "SEP", "PayloadFilters", "address"]

SEP = " › "
ADDRESS = "address"
_FIELDS = {"doc": "meta.doc", "headings": "meta.section", "node": "meta.node"}
_INDUSTRY = "meta.industry"


def address(meta: dict[str, Any]) -> str:
    """A chunk's section address, as :func:`kb.filters.in_section` matches it."""
    return SEP.join(meta.get("section") or [])


class PayloadFilters:
    """Turns row masks into Qdrant filters, using the distinct values of the chunks.

    :param chunks: every chunk of the index, in row order.
    """

    def __init__(self, chunks: Sequence[Document]) -> None:
        self.chunks = chunks
        self._values: dict[str, list[str]] | None = None
        self._lock = threading.Lock()

    def values(self) -> dict[str, list[str]]:
        """Distinct addresses, headings, node ids and industries (computed once)."""
        with self._lock:
            if self._values is None:
                found: dict[str, set[str]] = {k: set() for k in ("address", "headings", "node")}
                industries: set[str] = set()
                for chunk in self.chunks:
                    m = chunk.meta
                    found["address"].add(address(m))
                    found["headings"].update(m.get("section") or [])
                    found["node"].add(m.get("node") or "")
                    if m.get("industry"):
                        industries.add(m["industry"])
                self._values = {k: sorted(v) for k, v in found.items()}
                self._values["industry"] = sorted(industries)
            return self._values

    def build(self, mask: np.ndarray | None) -> Any:
        """The Qdrant filter for a mask: its :class:`RowFilter` if it has one, else its rows.

        :returns: a ``models.Filter``, or ``None`` for no filter.
        """
        from qdrant_client import models

        if mask is None:
            return None
        spec = getattr(mask, "filters", None)
        if spec is None:  # a mask made by hand: its rows, by point id
            rows = np.flatnonzero(mask).tolist()
            return models.Filter(must=[models.HasIdCondition(has_id=rows)])
        return self.from_spec(spec)

    def from_spec(self, spec: RowFilter) -> Any:
        """The Qdrant filter for documents, a section prefix and an industry."""
        from qdrant_client import models

        must: list[Any] = []
        if spec.docs:
            must.append(_any(_FIELDS["doc"], list(spec.docs)))
        values = self.values()
        if spec.section:
            prefix = spec.section
            should = [
                _any(field, [v for v in values[name] if v.startswith(prefix)])
                for name, field in (
                    ("address", ADDRESS),
                    ("headings", _FIELDS["headings"]),
                    ("node", _FIELDS["node"]),
                )
            ]
            must.append(_either([c for c in should if c is not None]))
        if spec.industry:
            part = spec.industry
            chosen = _any(_INDUSTRY, [v for v in values["industry"] if part in v])
            must.append(_either([chosen] if chosen is not None else []))
        return models.Filter(must=must) if must else None


def _any(field: str, values: list[str]) -> Any:
    from qdrant_client import models

    if not values:
        return None
    return models.FieldCondition(key=field, match=models.MatchAny(any=values))


def _either(conditions: list[Any]) -> Any:
    """Any of ``conditions``; none at all matches nothing."""
    from qdrant_client import models

    if not conditions:
        return models.HasIdCondition(has_id=[])
    return models.Filter(should=conditions)
