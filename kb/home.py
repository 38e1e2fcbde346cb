"""Which indexed documents are the corpus's own ("home").

A question that names no document is answered from the home documents first (see
:meth:`KnowledgeBase.scope <kb.knowledge_base.KnowledgeBase.scope>`), so the plan's own
questions stay on the plan beside many other documents. Home is decided at ingest and
recorded in the index, independent of the working directory:

- the ``home`` setting (``POLICYKB_HOME``, ``policykb ingest --home A,B``) when given:
  those document ids;
- else the documents of the first path ingest reads (``policykb ingest corpus
  ../shared/corpus-extra``: those of ``corpus``; with no path, the corpus folder's).

The same setting given when an index is opened overrides what the index recorded.

Example::

    files = [("plan", "corpus/plan.txt"), ("a", "extra/a.docx")]
    home_ids(files, first=["corpus/plan.txt"], setting="")      # ['plan']
    home_ids(files, first=["corpus/plan.txt"], setting="a")     # ['a']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from kb.documents import DocumentInfo
from kb.errors import UnknownDocument

__all__ = ["home_ids", "parse_home", "with_home"]


def parse_home(setting: str) -> list[str]:
    """The document ids a ``home`` setting lists (comma-separated; blanks ignored)."""
    return [part.strip() for part in setting.split(",") if part.strip()]


def _check(ids: Iterable[str], known: Sequence[str]) -> None:
    unknown = [d for d in ids if d not in known]
    if unknown:
        raise UnknownDocument(
            f"home={','.join(unknown)!s}: no such document in the index; known: "
            f"{', '.join(known)}. Fix POLICYKB_HOME or --home."
        )


def home_ids(
    files: Sequence[tuple[str, str | Path]], first: Iterable[str | Path], setting: str
) -> list[str]:
    """The home documents of a build, in ingest order.

    :param files: every ingested document as ``(id, file)``.
    :param first: the files found under the first path given to ingest.
    :param setting: the ``home`` setting; when it lists ids, those are home.
    :raises UnknownDocument: the setting names a document that is not ingested.
    """
    ids = [doc for doc, _ in files]
    chosen = parse_home(setting)
    if chosen:
        _check(chosen, ids)
        return [d for d in ids if d in chosen]
    own = {Path(p).resolve() for p in first}
    return [doc for doc, path in files if Path(path).resolve() in own]


def with_home(documents: list[DocumentInfo], setting: str) -> list[DocumentInfo]:
    """The documents with their ``home`` flags from the setting; unchanged when it is
    empty (an index keeps what it recorded at ingest).

    :raises UnknownDocument: the setting names a document the index does not have.
    """
    chosen = parse_home(setting)
    if not chosen:
        return documents
    _check(chosen, [d.doc for d in documents])
    return [replace(d, home=d.doc in chosen) for d in documents]
