"""Compare documents on one topic: what each says, side by side, cited.

For each document chosen (all, the ones named, or those of one kind), the topic is
searched in that document alone and the clauses that answer it are kept, as ``ask``
keeps them (:meth:`kb.answer.Answerer.answering_spans`) and only those that say one of
the topic's words (or a thesaurus stand-in), each with its section address and offsets.
Documents that say nothing on the topic are listed as such. The result exports as
Markdown (a section per document) and CSV (a row per clause).

Example::

    comparison = compare(kb, "氢能", kind="政府工作报告")
    [(d.title, len(d.quotes)) for d in comparison.documents]
    comparison.to_csv()
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from kb.errors import BadQuery
from kb.protocols import Index
from kb.tokenize import clean_query

__all__ = ["Comparison", "Quote", "Said", "compare"]


@dataclass(frozen=True)
class Quote:
    """A clause of a document: ``source[start:end] == text``."""

    text: str
    section: list[str]
    id: str
    start: int
    end: int


@dataclass(frozen=True)
class Said:
    """What one document says on the topic (nothing, when ``quotes`` is empty)."""

    doc: str
    title: str
    region: str
    kind: str
    year: int | None
    quotes: list[Quote] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.quotes)


@dataclass(frozen=True)
class Comparison:
    """Documents side by side on a topic: those that say something first."""

    topic: str
    documents: list[Said]

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "documents": [
                {
                    "doc": d.doc,
                    "title": d.title,
                    "region": d.region,
                    "kind": d.kind,
                    "year": d.year,
                    "found": d.found,
                    "quotes": [q.__dict__ for q in d.quotes],
                }
                for d in self.documents
            ],
        }

    def to_markdown(self, lang: str = "zh") -> str:
        """A section per document: its clauses with their addresses, or that it says nothing."""
        zh = lang == "zh"
        lines = [f"# {'对比' if zh else 'Compare'}: {self.topic}", ""]
        for d in self.documents:
            lines += [f"## 《{d.title}》", ""]
            if not d.found:
                lines += ["（未提及）" if zh else "(says nothing on this)", ""]
            for q in d.quotes:
                lines.append(f"- {q.text}  \n  {' › '.join(q.section)}")
            lines.append("")
        return "\n".join(lines)

    def to_csv(self) -> str:
        """A row per clause (a document that says nothing: one row without text)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            ["topic", "doc", "title", "region", "kind", "year", "section", "text", "id"]
        )
        for d in self.documents:
            base = [self.topic, d.doc, d.title, d.region, d.kind, d.year or ""]
            for q in d.quotes or [None]:
                if q is None:
                    writer.writerow([*base, "", "", ""])
                else:
                    writer.writerow([*base, " › ".join(q.section), q.text, q.id])
        return out.getvalue()


def compare(
    kb: Index,
    topic: str,
    docs: list[str] | None = None,
    kind: str | None = None,
    per_document: int = 4,
    depth: int = 8,
) -> Comparison:
    """What each document says on ``topic``.

    :param docs: these documents (default: every one, or those of ``kind``).
    :param kind: only documents of this kind (政府工作报告, 规划 …).
    :param per_document: clauses kept per document at most, best first.
    :raises BadQuery: an empty topic, or no document of that kind.
    :raises UnknownDocument: a document in ``docs`` is not indexed.
    """
    text = clean_query(topic)
    if not text:
        raise BadQuery("the topic is empty; give a few words, e.g. 氢能 or 高新技术企业.")
    chosen = [kb.document(d) for d in docs] if docs else list(kb.documents)
    if kind:
        chosen = [d for d in chosen if d.kind == kind]
        if not chosen:
            kinds = sorted({d.kind for d in kb.documents if d.kind})
            raise BadQuery(f"no document of kind {kind!r}; kinds: {', '.join(kinds)}.")
    answerer = kb.answerer()
    focus = answerer.coverage.focus(text)
    words = [w.lower() for f in focus for w in (f.word, *f.alternatives)] or [text.lower()]
    said: list[tuple[float, int, Said]] = []
    for order, info in enumerate(chosen):
        quotes: list[Quote] = []
        best = 0.0
        for hit in answerer.relevant(focus, kb.search(text, k=depth, doc=info.doc, join=False)):
            best = max(best, answerer.coverage.score(focus, answerer.context(hit)))
            for s, e in answerer.answering_spans(hit, focus):
                if any(w in hit.text[s:e].lower() for w in words):  # says it in so many words
                    quotes.append(
                        Quote(hit.text[s:e], hit.section, hit.id, hit.start + s, hit.start + e)
                    )
            if len(quotes) >= per_document:
                break
        said.append(
            (
                -best,
                order,
                Said(
                    info.doc, info.title, info.region, info.kind, info.year, quotes[:per_document]
                ),
            )
        )
    return Comparison(text, [s for _, _, s in sorted(said, key=lambda t: (t[0], t[1]))])
