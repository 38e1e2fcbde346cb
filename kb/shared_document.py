"""Chunks as Haystack ``Document`` objects that a query passes along without copying.

A query moves a few hundred candidate chunks through five components; each component
rescores them. Chunks are never mutated: a component that changes a score makes a new
document with :func:`rescored`.

Example::

    chunk = SharedDocument(id="c1", content="氢能", meta={"doc": "plan"})
    best = rescored(chunk, 0.9)      # a new document; ``chunk`` keeps its score
"""

from __future__ import annotations

from haystack import Document

__all__ = ["SharedDocument", "rescored"]


class SharedDocument(Document):
    """A Haystack ``Document`` that deep-copying returns as itself.

    Haystack's ``Pipeline.run`` deep-copies every component input; for chunks nobody
    mutates that copying was most of a query's time.
    """

    def __deepcopy__(self, memo: dict) -> SharedDocument:
        return self


def rescored(doc: Document, score: float) -> Document:
    """A copy of ``doc`` with ``score``: what ``dataclasses.replace(doc, score=score)`` makes.

    ``replace`` runs ``Document.__init__`` again (legacy-field checks, mutation tracking)
    for every candidate of every query; the fields are already valid, so they are copied.

    :param doc: any Haystack document (its type is kept).
    :param score: the new score.
    :returns: a new document equal to ``doc`` but for its score.
    """
    new = object.__new__(type(doc))
    new.__dict__.update(doc.__dict__)
    new.__dict__["score"] = score
    return new
