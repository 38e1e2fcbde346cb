"""Industries of chunks whose document's structure gives none (work reports, opinions).

The plan's own chunks take their industry from its headings (（二）煤炭产业); other
documents' chunks take it from a keyword taxonomy (``kb/data/industries.tsv``): the
industry whose keywords a chunk names most, when it names two of them, or one of three
characters or more. Industry names follow the plan's where the industry is the same, so
one filter (新材料, 能源) finds every document's chunks on it.

Example::

    industry_of("全年新能源汽车产量达到95.3万辆，动力电池产能…")   # '新能源汽车产业'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from haystack import Document

__all__ = ["assign_industries", "industry_of", "taxonomy"]


@cache
def taxonomy() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(industry, keywords)`` pairs, as in ``kb/data/industries.tsv``."""
    text = resources.files("kb").joinpath("data", "industries.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple((name, tuple(words.split())) for name, words in rows)


def industry_of(text: str) -> str | None:
    """The industry a text names most (see module doc), or ``None``."""
    best: tuple[float, str] | None = None
    for name, words in taxonomy():
        found = [w for w in words if w in text]
        if len(found) >= 2 or any(len(w) >= 3 for w in found):
            score = sum(len(w) for w in found)
            if best is None or score > best[0]:
                best = (score, name)
    return best[1] if best else None


def assign_industries(chunks: Iterable[Document]) -> None:
    """Give each chunk of a document whose headings name no industry the industry its
    text names (``industry_from`` records whether it came from headings or keywords).

    A document whose structure has industries (the plan's boxes) keeps exactly those.
    """
    by_doc: dict[str, list[Document]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.meta["doc"], []).append(chunk)
    for doc_chunks in by_doc.values():
        if any(c.meta.get("industry") for c in doc_chunks):
            for chunk in doc_chunks:
                if chunk.meta.get("industry"):
                    chunk.meta["industry_from"] = "headings"
            continue
        for chunk in doc_chunks:
            text = (chunk.content or "") + " ".join(chunk.meta.get("section") or [])
            found = industry_of(text)
            if found:
                chunk.meta["industry"] = found
                chunk.meta["industry_from"] = "keywords"
