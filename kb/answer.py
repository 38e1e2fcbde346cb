"""Extractive answers: the plan's own clauses, grouped by section, each cited.

``ask`` retrieves broadly, keeps only the clauses that answer (a chunk whose own
heading covers the question's focus is kept whole; otherwise clauses split at 。；, and
long ones at ，、, are kept when they cover the focus), merges neighbouring clauses, and
groups them by their full section address in document order. Numbers questions answer
with the number first (from a targets-table row when one matches); definition questions
from the glossary. When nothing covers the question's focus well enough
(``min_coverage``), the answer says so (``found: false``) and lists the nearest sections
as related, not as an answer.

Example::

    answer = Answerer(kb).ask("哪些氢能技术被列为重点？")
    answer.found, [g.section[-1] for g in answer.groups]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ingest import Indicator
from kb.coverage import Coverage, FocusTerm
from kb.errors import BadQuery
from kb.search import Hit
from kb.tokenize import clean_query, is_english

__all__ = ["Answer", "AnswerSettings", "Answerer", "Citation", "Clause", "Group"]

_CLAUSE = re.compile(r"[^。；！？]*[。；！？]+[”’）)]*|[^。；！？]+$")
_PHRASE = re.compile(r"[^，、,]*[，、,]|[^，、,]+$")
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|亿元|万元|元|个|家|人次|人|项|件|组|倍|万人)?")
_DEFINITION = re.compile(
    r"什么是|是什么|的含义|含义|指什么|的定义|定义|what is|what are|meaning|define", re.I
)
_NUMBER_Q = re.compile(r"多少|几个|几家|几项|数量|目标值|how many|how much|what share|target", re.I)


@dataclass(frozen=True)
class AnswerSettings:
    """Thresholds (calibrated on the development sets; see README).

    :param min_coverage: a question is answered only when some retrieved chunk covers
        at least this share of its focus.
    :param clause_coverage: a clause is kept when it covers at least this share.
    :param depth: how many chunks to retrieve before extracting clauses.
    :param max_groups: sections shown at most.
    """

    min_coverage: float = 0.45
    clause_coverage: float = 0.45
    depth: int = 30
    max_groups: int = 12
    long_clause: int = 80


@dataclass(frozen=True)
class Clause:
    """A span of the plan's text quoted in an answer: ``source[start:end] == text``."""

    text: str
    citation: int
    start: int
    end: int


@dataclass(frozen=True)
class Group:
    """Clauses under one section address."""

    section: list[str]
    doc: str
    clauses: list[Clause]


@dataclass(frozen=True)
class Citation:
    """The chunk behind a citation marker ``[n]``."""

    n: int
    id: str
    doc: str
    doc_title: str
    section: list[str]
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Answer:
    """An answer: Markdown text, grouped clauses and their citations."""

    question: str
    found: bool
    answer: str
    groups: list[Group] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    kind: str = "list"
    related: list[Hit] = field(default_factory=list)
    notice: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape (plus ``kind``, ``related`` and ``notice``)."""
        return {
            "question": self.question,
            "found": self.found,
            "answer": self.answer,
            "groups": [
                {
                    "section": g.section,
                    "doc": g.doc,
                    "clauses": [{"text": c.text, "citation": c.citation} for c in g.clauses],
                }
                for g in self.groups
            ],
            "citations": [c.__dict__ for c in self.citations],
            "kind": self.kind,
            "related": [h.to_dict() for h in self.related],
            "notice": self.notice,
        }


def _spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text) if m.group().strip()]


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join spans separated only by punctuation or nothing."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and not text[merged[-1][1] : s].strip("，、,；; "):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"\W", "", text.lower())
    return {text[i : i + 2] for i in range(len(text) - 1)}


class Answerer:
    """Answers questions from one knowledge base (see module doc).

    :param kb: a loaded :class:`~kb.knowledge_base.KnowledgeBase`.
    """

    def __init__(self, kb: Any, settings: AnswerSettings | None = None) -> None:
        self.kb = kb
        self.settings = settings or AnswerSettings()
        searcher = kb.searcher()
        self.coverage = Coverage.from_index(
            searcher.tokenizer, searcher.expander, kb.sparse, kb.chars
        )

    # -- helpers ---------------------------------------------------------------
    def _context(self, hit: Hit) -> str:
        return hit.text + " " + " ".join(hit.section[-2:])

    def _keep(self, hit: Hit, focus: list[FocusTerm]) -> list[tuple[int, int]]:
        """Local spans of ``hit.text`` that answer (merged)."""
        st, text = self.settings, hit.text
        own_heading = hit.section[-1] if hit.section else ""
        if own_heading and self.coverage.score(focus, own_heading) >= st.clause_coverage:
            return [(0, len(text))]
        kept = []
        for s, e in _spans(text, _CLAUSE):
            if self.coverage.score(focus, text[s:e]) < st.clause_coverage:
                continue
            if e - s <= st.long_clause:
                kept.append((s, e))
                continue
            parts = [
                (s + a, s + b)
                for a, b in _spans(text[s:e], _PHRASE)
                if self.coverage.score(focus, text[s + a : s + b]) >= st.clause_coverage
            ]
            kept.extend(parts or [(s, e)])
        return _merge(kept, text)

    @staticmethod
    def _trim(text: str, s: int, e: int) -> tuple[int, int]:
        while s < e and text[s] in " \t\n，、,；;":
            s += 1
        while e > s and text[e - 1] in " \t\n，、,":
            e -= 1
        return s, e

    def _cite(self, citations: list[Citation], hit: Hit) -> int:
        for c in citations:
            if c.id == hit.id:
                return c.n
        citations.append(
            Citation(
                len(citations) + 1,
                hit.id,
                hit.doc,
                hit.doc_title,
                hit.section,
                hit.text,
                hit.start,
                hit.end,
            )
        )
        return len(citations)

    # -- question kinds --------------------------------------------------------
    def _definition(self, question: str) -> Hit | None:
        wanted = _bigrams(_DEFINITION.sub("", question))
        best, score = None, 0.0
        for chunk in self.kb.chunks:
            if chunk.meta["kind"] != "term" or not chunk.meta.get("title"):
                continue
            title = _bigrams(chunk.meta["title"])
            overlap = len(title & wanted) / max(1, len(title))
            if overlap > score:
                best, score = chunk, overlap
        if best is None or score < 0.6:
            return None
        m = best.meta
        return Hit(
            1,
            best.id,
            m["doc"],
            m["doc_title"],
            m["section"],
            m["kind"],
            best.content or "",
            1.0,
            m["start"],
            m["end"],
            m.get("industry"),
        )

    def _indicator(self, question: str) -> tuple[Indicator, Hit] | None:
        wanted = _bigrams(question)
        best, score = None, 0.0
        for row in self.kb.indicators():
            name = _bigrams(row.name)
            overlap = len(name & wanted) / max(1, len(name))
            if overlap > score:
                best, score = row, overlap
        if best is None or score < 0.6:
            return None
        chunk = self.kb.chunk(best.row_id)
        m = chunk.meta
        hit = Hit(
            1,
            chunk.id,
            m["doc"],
            m["doc_title"],
            m["section"],
            m["kind"],
            chunk.content or "",
            1.0,
            m["start"],
            m["end"],
            m.get("industry"),
        )
        return best, hit

    # -- public ----------------------------------------------------------------
    def ask(self, question: str, doc: str | None = None) -> Answer:
        """Answer a question from the plan's own words.

        :raises BadQuery: an empty or over-long question.
        """
        text = clean_query(question)
        if not text:
            raise BadQuery("the question is empty; ask something about the plan.")
        hits = self.kb.search(text, k=self.settings.depth, doc=doc)
        focus = self.coverage.focus(text)
        if focus:  # aggregation needs every chunk on the focus, not only the top ranks
            seen = {h.id for h in hits}
            focused = self.kb.search(
                " ".join(t.word for t in focus), k=self.settings.depth, doc=doc
            )
            hits += [h for h in focused if h.id not in seen]
        relevant = [
            h
            for h in hits
            if self.coverage.score(focus, self._context(h)) >= self.settings.min_coverage
        ]
        english = is_english(text)
        if not relevant:
            return self._not_found(text, hits[:3], english)
        if _DEFINITION.search(text):
            term = self._definition(text)
            if term is not None:
                return self._single(text, "definition", term, english)
        if _NUMBER_Q.search(text):
            found = self._indicator(text)
            if found is not None:
                return self._number_from_row(text, *found, english)
            return self._number_from_text(text, relevant, focus, english)
        return self._list(text, relevant, focus, english)

    def _not_found(self, question: str, related: list[Hit], english: bool) -> Answer:
        lead = (
            "The plan does not appear to address this. Nearest sections:"
            if english
            else "规划中没有找到直接回答这个问题的内容。最接近的章节："
        )
        lines = [lead] + [f"- {' › '.join(h.section) or h.doc_title}" for h in related]
        return Answer(question, False, "\n".join(lines), kind="none", related=related)

    def _finish(
        self,
        question: str,
        kind: str,
        groups: list[Group],
        citations: list[Citation],
        lead: str,
        english: bool,
    ) -> Answer:
        framing = (
            "The plan's own words on this (quoted in Chinese), by section:\n\n" if english else ""
        )
        body = [framing + lead] if lead or framing else []
        for g in groups:
            body.append(f"**{' › '.join(g.section)}**")
            body.extend(f"- {c.text} [{c.citation}]" for c in g.clauses)
        return Answer(question, True, "\n\n".join(b for b in body if b), groups, citations, kind)

    def _single(self, question: str, kind: str, hit: Hit, english: bool) -> Answer:
        citations: list[Citation] = []
        n = self._cite(citations, hit)
        clause = Clause(hit.text, n, hit.start, hit.end)
        return self._finish(
            question, kind, [Group(hit.section, hit.doc, [clause])], citations, "", english
        )

    def _number_from_row(self, question: str, row: Indicator, hit: Hit, english: bool) -> Answer:
        wants_2020 = re.search(r"2020|完成|现状|目前|现在|十三五", question) is not None
        value, other = (
            (row.value_2020, row.target_2025) if wants_2020 else (row.target_2025, row.value_2020)
        )
        unit = row.unit if row.unit != "%" else "%"
        label, other_label = (
            ("2020年完成值", "2025年目标值") if wants_2020 else ("2025年目标值", "2020年完成值")
        )
        lead = f"**{value}{unit}**（{row.name}，{label}；{other_label} {other}{unit}）"
        citations: list[Citation] = []
        n = self._cite(citations, hit)
        groups = [Group(hit.section, hit.doc, [Clause(hit.text, n, hit.start, hit.end)])]
        return self._finish(question, "number", groups, citations, lead, english)

    def _number_from_text(
        self, question: str, relevant: list[Hit], focus: list[FocusTerm], english: bool
    ) -> Answer:
        best: tuple[float, Hit, int, int] | None = None
        for hit in relevant[:10]:
            for s, e in _spans(hit.text, _PHRASE):
                piece = hit.text[s:e]
                if not _NUMBER.search(piece):
                    continue
                score = self.coverage.score(focus, piece)
                if best is None or score > best[0]:
                    best = (score, hit, s, e)
        if best is None or best[0] < self.settings.clause_coverage:
            return self._list(question, relevant, focus, english)
        _, hit, s, e = best
        s, e = self._trim(hit.text, s, e)
        number = _NUMBER.search(hit.text[s:e]).group().strip()  # type: ignore[union-attr]
        citations: list[Citation] = []
        n = self._cite(citations, hit)
        clause = Clause(hit.text[s:e], n, hit.start + s, hit.start + e)
        lead = f"**{number}**"
        return self._finish(
            question, "number", [Group(hit.section, hit.doc, [clause])], citations, lead, english
        )

    def _list(
        self, question: str, relevant: list[Hit], focus: list[FocusTerm], english: bool
    ) -> Answer:
        by_section: dict[tuple[str, tuple[str, ...]], list[tuple[Hit, int, int]]] = {}
        order: dict[tuple[str, tuple[str, ...]], int] = {}
        for hit in relevant:
            for s, e in self._keep(hit, focus):
                s, e = self._trim(hit.text, s, e)
                if e > s:
                    key = (hit.doc, tuple(hit.section))
                    by_section.setdefault(key, []).append((hit, s, e))
                    order.setdefault(key, int(self.kb.chunk(hit.id).meta["order"]))
        if not by_section:
            return self._not_found(question, relevant[:3], english)
        keys = sorted(by_section, key=lambda k: order[k])[: self.settings.max_groups]
        citations: list[Citation] = []
        groups = []
        for key in keys:
            pieces = sorted(by_section[key], key=lambda p: p[0].start + p[1])
            clauses = []
            for hit, s, e in pieces:
                n = self._cite(citations, hit)
                clauses.append(Clause(hit.text[s:e], n, hit.start + s, hit.start + e))
            groups.append(Group(list(key[1]), key[0], clauses))
        return self._finish(question, "list", groups, citations, "", english)
