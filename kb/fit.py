"""Project fit: does the plan name the project's work, only its area, or neither?

The verdict rests on evidence a reader can check, not on one similarity number:

1. The description's key terms (:mod:`kb.keyterms`): the things the project makes or
   does, found by asking the plan which stretches of the description it names verbatim
   (膜电极, 超超临界, 煤制烯烃), plus thesaurus and glossary stand-ins. Words every
   project uses and sentences about the company itself do not count as evidence.
2. Where each is named among the plan's priority items (chunks under an industry
   heading, or numbered items) and numbered measures (（二）提升科技成果转移转化服务能力:
   the services, finance and talent the plan supports): in an item's own words it names
   the project's **work**; in the headings above the item (（二）煤炭产业), or as a common
   word (煤炭, 汽车), it names the project's **area**. A measure names work only — a
   project's area is an industry's.
3. ``fit``: a priority item names the project's work. ``partial``: only its area is a
   priority — or the project only sells, trades, rents or hosts (批发, 4S店, dealership):
   a science and technology plan supports research, making and use, not trade, unless
   a numbered measure names the service itself (人才评价机构, 创业投资机构入驻). Such a
   project is partial through what it deals in, not through an area word alone (the 小区
   its shop stands by).
   ``no_fit``: neither — or the project runs a consumer venue (a restaurant, a salon:
   :mod:`kb.venues`), whatever technology it uses there. Words the plan lacks never
   drag a named match down.

Matches quote the whole clause that names the work, best first (the evidence order fused
with each item's closeness to the whole description); support measures
(``kb/data/measures.tsv``) are quoted from the plan's own measure sections unless the
verdict is ``no_fit``.

Example::

    report = FitChecker(kb).check("我公司计划建设一条氢燃料电池膜电极生产线")
    report.verdict, report.reason, report.matches[0].text
"""

from __future__ import annotations

import re
from dataclasses import replace

from kb.errors import BadQuery, InputTooLong
from kb.fit_evidence import Evidence, Row
from kb.fit_order import FitOrder, said_of_project
from kb.fit_quotes import FitQuotes, distinct
from kb.fit_report import FitMatch, FitReport, Named
from kb.keyterms import KeyTerms
from kb.mentions import Mentions
from kb.priorities import industrial_chapters, is_measure, is_priority
from kb.project_terms import ProjectTerms
from kb.protocols import Index
from kb.settings import FitSettings
from kb.tokenize import clean_query, is_english

__all__ = ["FitChecker", "FitMatch", "FitReport", "FitSettings"]

#: A two-character word at least this frequent in general Chinese (jieba's 创新, 4681)
#: is a word wherever it stands: a term matched across its edge is not named there.
_EDGE_WORD = 1000


_RANK = {"fit": 0, "partial": 1, "no_fit": 2}


class FitChecker:
    """Checks project descriptions against one knowledge base.

    :param kb: a loaded knowledge base (its chunks, searcher and tokenizer are used).
    """

    def __init__(self, kb: Index, settings: FitSettings | None = None) -> None:
        self.kb = kb
        self.settings = settings or FitSettings()
        searcher = kb.searcher()
        frequency = kb.searcher().tokenizer.general_frequency
        self.mentions = Mentions(kb.chunks, word=lambda pair: frequency(pair) >= _EDGE_WORD)
        items = frozenset(i for i, c in enumerate(kb.chunks) if is_priority(c.meta))
        industrial = industrial_chapters([c.meta for c in kb.chunks])
        measures = frozenset(i for i, c in enumerate(kb.chunks) if is_measure(c.meta, industrial))
        self.priority = items | measures
        by_doc: dict[str, list[int]] = {}
        for r in self.priority:
            by_doc.setdefault(kb.chunks[r].meta["doc"], []).append(r)
        self._rows = {d: frozenset(rows) for d, rows in by_doc.items()}  # by document
        self.keyterms = KeyTerms(
            searcher.tokenizer, searcher.expander, self.mentions, rows=self.priority
        )
        # what the priority items name of a project (kb/fit_evidence.py)
        self.items = Evidence(kb, self.mentions, self.keyterms, items, measures, self.settings)
        self.quotes = FitQuotes(kb, self.items.weight)
        self.order = FitOrder(kb)

    def check(self, text: str, doc: str | list[str] | None = None) -> FitReport:
        """Judge one project description against each document, best first.

        :param doc: a document id, or several (default: every indexed one).
        :returns: the best document's report; ``documents`` holds each document's: the
            home documents (the corpus's own, :mod:`kb.home`) that name the project's
            work or area first, then the others that name its work, then its area, then
            the rest.
        :raises BadQuery: empty; :class:`InputTooLong` (a ``BadQuery``): longer than
            ``max_chars`` (the message says the limit).
        :raises UnknownDocument: ``doc`` is not indexed.
        """
        text = "\n".join(clean_query(line) for line in text.splitlines()).strip()
        if not text or not re.search(r"\w", text):
            raise BadQuery(
                "the project description is empty; describe the project in a sentence or more."
            )
        if len(text) > self.settings.max_chars:
            raise InputTooLong(
                f"the description is {len(text):,} characters; the limit is "
                f"{self.settings.max_chars:,}. Split it into parts and check each.",
                len(text),
                self.settings.max_chars,
                "description",
            )
        chosen = [doc] if isinstance(doc, str) else doc or [d.doc for d in self.kb.documents]
        for d in chosen:
            self.kb.document(d)
        terms = self.keyterms.find(text)
        things = self._things(terms) if terms.commerce_only else frozenset()
        reports = [self._judge(text, terms, things, d, searched=len(chosen) == 1) for d in chosen]
        home = {d.doc for d in self.kb.documents if d.home}
        # the corpus's own documents first when they name the work or the area (the plan
        # an enterprise asks about, not one term of another province's report), then by
        # verdict and share
        reports.sort(
            key=lambda r: (r.verdict == "no_fit", r.doc not in home, _RANK[r.verdict], -r.score)
        )
        for n, report in enumerate(reports[: self.settings.measured_documents]):
            if report.verdict != "no_fit":  # the best documents' items a search finds, measures
                if len(chosen) > 1:
                    report = self._judge(text, terms, things, report.doc, searched=True)
                reports[n] = replace(report, measures=self.quotes.measures(report.doc, text))
        return replace(reports[0], documents=reports if len(reports) > 1 else [])

    def _judge(
        self, text: str, terms: ProjectTerms, things: frozenset[str], doc: str, searched: bool
    ) -> FitReport:
        """The verdict against one document (its priority items).

        :param things: what a trading project deals in (:meth:`_things`; empty otherwise).
        :param searched: add the items a search for the project finds to the matches (for
            the best documents only: a search per document is the slow part of a check).
        """
        rows = self._rows.get(doc, frozenset())
        evidence = self.items.gather(terms, rows)
        order = sorted(
            evidence,
            key=lambda r: (-evidence[r].foreground - evidence[r].support, -evidence[r].work, r),
        )
        total = sum(self.items.weight(t.forms[0][0]) for t in terms.named if not t.background)
        least = self.settings.min_work_share * total  # one stock phrase of a long text: none
        work = [
            r
            for r in order
            if evidence[r].foreground >= least
            and self.items.established(evidence[r], terms, "work")
        ]
        area = sorted(
            (r for r in evidence if evidence[r].area > 0 and evidence[r].work == 0),
            key=lambda r: (-evidence[r].area, self.kb.chunks[r].meta["kind"] != "paragraph", r),
        )
        traded = [  # what it deals in, named by an industry's item (not a measure's list)
            r for r in order if self._deals_in(evidence[r], things) and not evidence[r].measure
        ]
        # a service the plan's measures support (人才评价机构, 创业投资机构) fits as a service
        if work and (not terms.commerce_only or evidence[work[0]].measure):
            verdict = "fit"
        elif (
            work
            or traded
            or (
                not terms.commerce_only
                and any(self.items.established(evidence[r], terms, "area") for r in area)
            )
        ):  # it sells, rents, hosts or services what the plan names (雪具): its area
            verdict = "partial"
        else:
            verdict = "no_fit"
        venue = self._venue(terms, rows)
        sector = self.items.sectors(terms, rows) if verdict == "no_fit" and not venue else []
        verdict = "no_fit" if venue else "partial" if sector else verdict
        limit = self.settings.max_matches
        for said, form, own in sector:  # its area, quoted where named (服装加工), not a heading
            for r in own:
                evidence[r] = Row(area=self.items.weight(form), terms={said.term: (form, "area")})
            area += [r for r in own if r not in area]
        named = [r for r in order if r not in work and evidence[r].work > 0]
        shown = (work + named + area)[
            : 4 * limit
        ]  # chunks under one heading cite it once: the distinct ones, then the first few
        does = said_of_project(terms.project, text)
        found = self.order.searched(does, doc, rows) if searched and verdict != "no_fit" else []
        also = tuple(f for t in terms.named if not t.background for f, _ in t.forms)
        near = self.order.nearest_first(does, shown, rows, found)
        cited = [self._match(r, evidence.get(r) or self._searched(r, terms), also) for r in near]
        if verdict == "partial" and terms.commerce_only:  # it trades in what the plan names
            cited = self._areas(work or traded, evidence) + cited
        if verdict == "partial" and near:  # its industry's lead, then the field, last
            field = self.quotes.areas(near[0])[-1:] + self.quotes.part(near[0])
            cited = cited[: limit - len(field)] + field + cited[limit - len(field) :]
        matches = distinct(cited)[:limit] if verdict != "no_fit" else []
        best = max(
            [evidence[work[0]].foreground] if work else [evidence[r].area for r in area],
            default=evidence[traded[0]].work if verdict == "partial" and traded else 0.0,
        )
        return FitReport(
            text=text,
            verdict=verdict,
            score=round(min(1.0, best / total), 3) if total and not venue else 0.0,
            matches=matches,
            named=self._named(terms, evidence, order + area),
            missing=terms.missing,
            commerce=terms.commerce if verdict == "partial" and terms.commerce_only else [],
            venues=venue,
            sentences=terms.sentences,
            lang="en" if is_english(text) else "zh",
            doc=doc,
            doc_title=self.kb.document(doc).title,
        )

    def _areas(self, rows: list[int], evidence: dict[int, Row], limit: int = 3) -> list[FitMatch]:
        """The industry headings above the rows that name a trading project's products:
        headings that name one of them first (1．猕猴桃产业 for 红心猕猴桃), then the
        headings of the rows that name the most of the project, at most ``limit``."""
        weight: dict[tuple[int, int], float] = {}
        heads: dict[tuple[int, int], FitMatch] = {}
        for r in rows:
            e = evidence[r]
            for a in self.quotes.areas(r):
                heads.setdefault((a.start, a.end), a)
                weight[a.start, a.end] = max(weight.get((a.start, a.end), 0.0), e.work + e.area)
        forms = {form for r in rows for form, _ in (evidence[r].terms or {}).values()}
        ranked = sorted(
            heads, key=lambda k: (not any(f in heads[k].text for f in forms), -weight[k])
        )
        return [heads[k] for k in ranked[:limit]]

    def _venue(self, terms: ProjectTerms, rows: frozenset[int]) -> list[str]:
        """The consumer venues the project runs (:mod:`kb.venues`) when none of the
        document's priority items names one (a work report may name 家政 as a priority);
        empty otherwise."""
        named = any(self.mentions.rows(v) & rows for v in terms.venues if not v.isascii())
        return [] if named else terms.venues

    def _things(self, terms: ProjectTerms) -> frozenset[str]:
        """The project's terms that name a thing it deals in (雪具, 面料, spring tea): said
        in a sentence that sells, rents or hosts, and not a manner (线上, 虚拟)."""
        is_noun = self.keyterms.tokenizer.is_noun
        return frozenset(
            t.text
            for t in terms.named
            if t.text in terms.traded and not t.common and (t.text.isascii() or is_noun(t.text))
        )

    @staticmethod
    def _deals_in(row: Row, things: frozenset[str]) -> bool:
        """Does the row name, in its own words, one of the things a project deals in?"""
        return any(kind == "work" and t in things for t, (_, kind) in (row.terms or {}).items())

    def _named(
        self, terms: ProjectTerms, evidence: dict[int, Row], order: list[int]
    ) -> list[Named]:
        """Each key term the plan names, at the best row that names it."""
        named: dict[str, Named] = {}
        for r in order:
            meta = self.kb.chunks[r].meta
            for term, (form, kind) in (evidence[r].terms or {}).items():
                if term not in named or (named[term].kind == "area" and kind == "work"):
                    named[term] = Named(term, list(meta["section"]), meta["id"], kind, form)
        foreground = [t.text for t in terms.named if not t.background]
        return [named[t] for t in foreground if t in named] + [
            n for t, n in named.items() if t not in foreground
        ]

    def _searched(self, row: int, terms: ProjectTerms) -> Row:
        """A row the search found that names none of the key terms: quoted where it names
        the project's other words (its missing terms, its common ones)."""
        text = self.mentions.text(row)
        said = [t.text for t in terms.named] + list(terms.missing)
        return Row(terms={w: (w, "work") for w in said if len(w) >= 2 and w in text})

    def _match(self, row: int, evidence: Row, also: tuple[str, ...] = ()) -> FitMatch:
        text = self.mentions.text(row)
        said = tuple(f for f in also if f in text)  # its other words this row says
        return self.quotes.match(row, evidence.terms or {}, evidence.work, evidence.area, said)
