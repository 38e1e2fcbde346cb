"""Extractive answers: the plan's own clauses, grouped by section, each cited.

``ask`` retrieves broadly, keeps only the clauses that answer (a chunk whose nearest
headings cover the question's focus is kept whole; otherwise clauses split at 。；, and
long ones at ，、, are kept when they cover the focus), merges neighbouring clauses, and
groups them by their full section address in document order. Numbers questions answer
with the number first (from a targets-table row when one matches; a count no text
states, from the tree or from the items a sentence lists); "which chapter" questions
with the chapter heading above what answers; definition questions from the glossary.
When nothing covers the question's focus well enough (``min_coverage``), the answer says
so (``found: false``, :mod:`kb.answer_none`) and lists the nearest sections as related,
not as an answer.

Example::

    answer = Answerer(kb).ask("哪些氢能技术被列为重点？")
    answer.found, [g.section[-1] for g in answer.groups]
"""

from __future__ import annotations

import re
from dataclasses import replace

from kb.answer_none import elsewhere, not_found
from kb.answer_numbers import NumberAnswerer, NumberFound
from kb.citation import Answer, Citation, Clause, Group, render_markdown
from kb.clauses import CLAUSE, PHRASE, merge, spans, trim
from kb.coverage import Coverage, FocusTerm
from kb.definitions import asks_definition, defining
from kb.enumerations import count_listed
from kb.errors import BadQuery
from kb.exclusions import set_aside, without_exclusions
from kb.list_members import rank_aside
from kb.named_terms import asks_name, given_quotes, name_in
from kb.protocols import Index
from kb.search import Hit
from kb.settings import AnswerSettings
from kb.structure_counts import StructureCounts
from kb.tokenize import clean_query, is_english
from kb.which_part import asks_part, part_of

__all__ = ["Answer", "AnswerSettings", "Answerer", "Citation", "Clause", "Group"]

#: Said over the passages a number question finds when none of them states its figure.
_NO_FIGURE = {
    False: "文件没有直接给出这个数字；以下是相关的原文。",
    True: "The documents state no figure for this; the related passages follow.",
}


#: Dictionary senses an English question must give before they may answer it (when the
#: glossary's words find nothing): one guessed word is too thin (renovate → 修复).
_GUESSES = 2


class Answerer:
    """Answers questions from one knowledge base (see module doc).

    :param kb: a loaded :class:`~kb.knowledge_base.KnowledgeBase`.
    """

    def __init__(self, kb: Index, settings: AnswerSettings | None = None) -> None:
        self.kb = kb
        self.settings = settings or AnswerSettings()
        searcher = kb.searcher()
        self.coverage = Coverage.from_index(
            searcher.tokenizer, searcher.expander, kb.sparse, kb.chars
        )
        self.numbers = NumberAnswerer(kb, self.coverage, self.settings.clause_coverage)
        self.structure = StructureCounts(kb)  # 专栏里列了几个领域: counted on the tree

    # -- helpers ---------------------------------------------------------------
    @staticmethod
    def context(hit: Hit) -> str:
        """What a chunk is judged on: its text, nearest headings and document title."""
        return " ".join([hit.text, *hit.section[-2:], hit.doc_title])

    def relevant(self, focus: list[FocusTerm], hits: list[Hit], partial: bool = True) -> list[Hit]:
        """The hits that cover at least ``min_coverage`` of the question's focus.

        :param partial: count words whose characters only are present (see
            :meth:`kb.coverage.Coverage.score`).
        """
        least = self.settings.min_coverage
        return [h for h in hits if self.coverage.score(focus, self.context(h), partial) >= least]

    def answering_spans(self, hit: Hit, focus: list[FocusTerm]) -> list[tuple[int, int]]:
        """Local spans of ``hit.text`` that answer (merged and trimmed): the whole chunk when
        its headings are about the question, else its clauses that cover the focus."""
        st, text = self.settings, hit.text
        headings = " ".join([*hit.section[-2:], hit.doc_title])
        if self.coverage.score(focus, headings) >= st.clause_coverage:
            return [trim(text, 0, len(text))]  # the section itself is about the question
        kept = []
        for s, e in spans(text, CLAUSE):
            if self.coverage.score(focus, text[s:e]) < st.clause_coverage:
                continue
            if e - s <= st.long_clause:
                kept.append((s, e))
                continue
            parts = [
                (s + a, s + b)
                for a, b in spans(text[s:e], PHRASE)
                if self.coverage.score(focus, text[s + a : s + b]) >= st.clause_coverage
            ]
            kept.extend(parts or [(s, e)])
        trimmed = (trim(text, s, e) for s, e in merge(kept, text))
        return [(s, e) for s, e in trimmed if e > s]

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

    # -- public ----------------------------------------------------------------
    def ask(self, question: str, doc: str | list[str] | None = None) -> Answer:
        """Answer a question from the documents' own words.

        :param doc: answer from these documents; by default from those the question
            names, or the corpus's own (see :meth:`KnowledgeBase.scope`).
        :raises BadQuery: an empty or over-long question.
        """
        text = clean_query(question)
        if not text:
            raise BadQuery("the question is empty; ask something about the plan.")
        self.kb.searcher().checked(text)  # an over-long question: refused before any work
        scope = self.kb.scope(text) if not doc else None
        unhomed = {} if doc or scope is not None else self.kb.unhomed(text)
        if unhomed:  # places no indexed document is about
            places = self.kb.elsewhere(text)
            if places:  # 青海… over Liupanshui's plan: not here, whatever ranks first
                return elsewhere(text, places, self.kb.documents, is_english(text))
            return self._aside(text, unhomed)  # 新疆…: only passages that name it can answer
        if scope is None:
            return self._ask(text, doc)
        return replace(self._ask(scope.query(text), scope.docs), question=text, scope=scope)

    def _aside(self, text: str, places: dict[str, list[str]]) -> Answer:
        """A question about places no indexed document is about but some mention: answered
        from the passages that name them, with a notice saying so (or that none answers)."""
        names = [n for found in places.values() for n in found]
        answer = self._ask(text, None, must=names)
        where = "、".join(places)
        if is_english(text):
            notice = f"No indexed document is about {where}; " + (
                "only passages that mention it are used."
                if answer.found
                else "the passages that mention it do not answer this."
            )
        else:
            notice = f"已索引的文件都不是关于 {where} 的；" + (
                "以下只用提到它的段落回答。" if answer.found else "提到它的段落也没有回答这个问题。"
            )
        if answer.found:
            return replace(answer, notice=notice)
        return Answer(text, False, notice, kind="none", notice=notice, related=answer.related)

    def _ask(self, text: str, doc: str | list[str] | None, must: list[str] | None = None) -> Answer:
        """:param must: only passages that name one of these can answer (a place's names)."""
        # a number question is read without the figures it rules out (不是…增加的部分)
        number = self.numbers.asks(text)
        read = without_exclusions(text) if number else text
        hits = self.kb.search(read, k=self.settings.depth, doc=doc, join=False)  # cite chunks
        focus = self.coverage.focus(rank_aside(read) if number else read)
        if focus:  # aggregation needs every chunk on the focus, not only the top ranks
            seen = {h.id for h in hits}
            focused = self.kb.search(
                " ".join(t.word for t in focus), k=self.settings.depth, doc=doc, join=False
            )
            hits += [h for h in focused if h.id not in seen]
        relevant = self.relevant(focus, hits)
        if not relevant and is_english(read):  # words the glossary lacks: a sense each;
            guessed = self.coverage.focus(read, self.kb.searcher().senses)
            if len(guessed) >= len(focus) + _GUESSES:  # one guess alone is too thin, and a
                # guess counts only said whole (its characters say nothing)
                focus, relevant = guessed, self.relevant(guessed, hits, partial=False)
        if must:
            relevant = [h for h in relevant if any(n in h.text for n in must)]
        english = is_english(text)
        # 专栏里列了几个领域: no clause says it; the tree does
        counted = None if must else self.structure.answer(read, focus, doc)
        if not relevant:
            if counted is not None:
                return self._number(text, counted, english)
            return not_found(text, hits[:3], english)
        if asks_definition(text):
            term = defining(self.kb.chunks, text, [doc] if isinstance(doc, str) else doc)
            if term is not None:
                return self._single(text, "definition", term, english)
        if asks_name(text):  # 用的是哪个说法: the term the best clause quotes
            words = [w for t in focus for w in (t.word, *t.alternatives)]
            given = {r for q in given_quotes(read) for r in self.coverage.expander.expand(q)}
            named = name_in(
                read,
                relevant,
                lambda c: self.coverage.score(focus, c),
                words,
                given,
                self.settings.clause_coverage,
            )
            if named is not None:
                return self._number(text, named, english)
        if asks_part(text):  # which chapter: the tree's heading above what answers
            part = part_of(relevant, lambda heading: self.coverage.score(focus, heading))
            if part is not None:
                return self._number(text, part, english)
        if number:
            found = self.numbers.answer(read, relevant, focus, english, doc, set_aside(text))
            if found is None and (counted is None or re.fullmatch(r"1\D*", counted.value)):
                # 列举了几种模式: no figure says it, nor the tree (but for a heading itself)
                listed = count_listed(read, relevant, focus)
                if listed is not None:
                    return self._number(text, listed, english)
            if counted is not None and (found is None or not found.said_under(counted)):
                return self._number(text, counted, english)  # unless the text says it: 七大
            if found is not None:
                several = len({h.doc for h in relevant}) > 1  # say whose figure it is
                return self._number(text, found, english, several)
        listed = self._list(text, relevant, focus, english)
        if number and listed.found:  # 要新建多少个国家级重点实验室: passages, no figure
            return replace(listed, notice=_NO_FIGURE[english])
        return listed

    def _finish(
        self,
        question: str,
        kind: str,
        groups: list[Group],
        citations: list[Citation],
        lead: str,
        english: bool,
    ) -> Answer:
        text = render_markdown(groups, citations, lead, english)
        return Answer(question, True, text, groups, citations, kind)

    def _single(self, question: str, kind: str, hit: Hit, english: bool) -> Answer:
        citations: list[Citation] = []
        n = self._cite(citations, hit)
        clause = Clause(hit.text, n, hit.start, hit.end)
        return self._finish(
            question, kind, [Group(hit.section, hit.doc, [clause])], citations, "", english
        )

    def _number(
        self, question: str, found: NumberFound, english: bool, several: bool = False
    ) -> Answer:
        """:param several: answered over several documents: the lead names the figure's."""
        if several and found.quotes:
            title = self.kb.document(found.quotes[0][0].doc).title
            found = replace(found, lead=f"{found.lead}（《{title}》）")
        citations: list[Citation] = []
        groups: list[Group] = []
        for hit, s, e in found.quotes:
            n = self._cite(citations, hit)
            groups.append(
                Group(
                    hit.section, hit.doc, [Clause(hit.text[s:e], n, hit.start + s, hit.start + e)]
                )
            )
        answer = self._finish(question, "number", groups, citations, found.lead, english)
        return replace(answer, value=found.value, indicator=found.indicator)

    def _list(
        self, question: str, relevant: list[Hit], focus: list[FocusTerm], english: bool
    ) -> Answer:
        # a list quotes passages that say the question's words (or their stand-ins), not
        # only some of their characters (氢氧化锂)
        relevant = self.relevant(focus, relevant, partial=False) or relevant
        by_section: dict[tuple[str, tuple[str, ...]], list[tuple[Hit, int, int]]] = {}
        order: dict[tuple[str, tuple[str, ...]], int] = {}
        for hit in relevant:
            for s, e in self.answering_spans(hit, focus):
                key = (hit.doc, tuple(hit.section))
                by_section.setdefault(key, []).append((hit, s, e))
                order.setdefault(key, int(self.kb.chunk(hit.id).meta["order"]))
        if not by_section:
            return not_found(question, relevant[:3], english)
        # documents in the order of their best hit; sections in document order within each
        doc_rank = {d: i for i, d in enumerate(dict.fromkeys(h.doc for h in relevant))}
        keys = sorted(by_section, key=lambda k: (doc_rank[k[0]], order[k]))
        keys = keys[: self.settings.max_groups]
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
