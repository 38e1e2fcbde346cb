"""Number answers: the figure asked for, first, with the clause that states it.

Two sources, in this order:

1. A targets-table row (2020 value vs 2025 target) that the question names — by the
   row's name, its glossary name or in English — answers with the target, or with the
   base value when the question asks for 2020 / “十三五”末 / 现状. A question about
   another year (2015) or about growth is not a table question.
2. Otherwise a figure of the prose, in any indexed document: each clause of the
   relevant chunks that covers the question's focus offers its figures (never list
   labels, years, dates or title numbers: :func:`kb.numbers.figures`), and so do their
   headings (第六章 推动实施七大重点任务计划); a question asking a count (几条, 几大)
   also reads counts written in words (两条底线: :mod:`kb.counts`). A question asking
   no quantity reads only what answers it, as written: an ordinal or a session (第几个,
   “一对几”, 哪一次会议: :mod:`kb.ordinals`), a rank (排第几: :mod:`kb.ranks`), or a date
   (哪一天, which year: :mod:`kb.dates`; the documents' titles too, where a document's
   date stands). A figure the question itself gives (the 1.5% goal it names, the 77.81
   million yuan it compares with: :mod:`kb.given`) is never the answer. Each figure is
   scored where it stands
   (:class:`kb.figure_score.FigureScorer`: after the question's words, in the unit asked,
   in the tense asked…) on top of its clause's coverage.

Example::

    found = NumberAnswerer(kb, coverage).answer("十三五时期向上争取资金多少", relevant, focus)
    found.value      # '1.44亿元'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from ingest import Indicator
from kb.clauses import CLAUSE, PHRASE, spans, trim
from kb.counts import asked_counter, counts
from kb.coverage import STAND_IN, Coverage, FocusTerm
from kb.dates import asks_date, dates
from kb.figure_score import FigureScorer
from kb.given import given, given_earlier, given_in_prose, row_figure, states, states_itself
from kb.indicator_match import IndicatorMatcher
from kb.list_members import (
    breakdown_lead,
    left_member,
    list_lead,
    listed,
    paragraph_of,
    rank_member,
    ranked,
)
from kb.numbers import Figure, NumberQuestion, figures
from kb.ordinals import asked_ordinal, ordinals
from kb.protocols import Index
from kb.ranks import asks_rank, ranks
from kb.search import Hit
from kb.tense import report_tense, section_tense, strives

__all__ = ["NumberAnswerer", "NumberFound"]

_QUALIFIER = re.compile(r"(不少于|不低于|不超过|超过|高于|低于|约|近|达到|突破)$")
_BOUND = re.compile(r"以上|以下|以内|左右")
_TABLE_YEARS = {"2020", "2025"}
_TABLE_UNITS = {"个", "家", "项", "件", "人", "所", "座"}  # a count a table's row may hold
#: What the clause that states a figure the question gives adds to its other figures.
_BESIDE_GIVEN = 0.5


def _clauses(
    hit: Hit, seen: set[str], titled: bool = False
) -> Iterator[tuple[str, tuple[int, int]]]:
    """The clauses of a hit, each with the span of its text to quote — then its headings
    (第五章 积极构建三大创新体系: a figure stated as a title), each once over all the hits
    and quoted by the hit's first clause; and, when ``titled`` (a date is asked), its
    document's title too (…的意见（2018年1月2日）: the day it was issued)."""
    found = spans(hit.text, CLAUSE)
    yield from ((hit.text[s:e], (s, e)) for s, e in found)
    titles = [hit.doc_title] if titled and hit.doc_title else []
    for heading in [*reversed(hit.section), *titles] if found else []:
        if heading not in seen:
            seen.add(heading)
            yield heading, found[0]


def _reader(question: str, precise: str | None) -> Callable[[str], list[Figure]] | None:
    """What answers a question that asks for no quantity, in this order: an ordinal or a
    session (第几个五年, 哪一次会议: :mod:`kb.ordinals`), a rank (排第几: :mod:`kb.ranks`),
    a date (哪一天, which year: :mod:`kb.dates`); ``None`` for a quantity.

    :param precise: how precisely the question asks a date (:func:`kb.dates.asks_date`).
    """
    if (ordinal := asked_ordinal(question)) is not None:
        return partial(ordinals, asked=ordinal)
    if asks_rank(question):
        return ranks
    if precise is not None:
        return partial(dates, asked=precise)
    return None


#: A share of a whole (占GDP比重, 占地区生产总值的比重): it does not say the whole.
_SHARE_OF = re.compile(r"占[^，。；、]{1,24}?的?比重")
#: Words that say a question's place is the whole city or province (全市人口): where it is
#: asked, not what — a clause that says only them answers nothing.
_WHOLE_PLACE = frozenset({"全市", "全省", "全国", "全区", "本市", "我市", "本省", "我省"})


@dataclass(frozen=True)
class NumberFound:
    """The figure an answer leads with, its Markdown lead, and the spans that state it.

    :param quotes: ``(hit, start, end)`` with offsets into ``hit.text``; the first is
        the source of the figure.
    :param worded: the text writes the figure in words (七大, 第五, 两条), not in digits.
    :param counts: for a count of a heading's parts, that heading's document and span
        (the whole document's, for a count over it): a figure the text writes in words
        says the same count only when it is said there.
    """

    value: str
    lead: str
    quotes: list[tuple[Hit, int, int]]
    indicator: str | None = None
    worded: bool = False
    counts: tuple[str, int, int] | None = None

    def said_under(self, other: NumberFound) -> bool:
        """Is this figure written in words under the heading ``other`` counts (七大 in
        第六章 for 第六章有几大任务计划, not 两个大局 of another chapter)?"""
        if not (self.worded and self.quotes and other.counts is not None):
            return False
        doc, start, end = other.counts
        hit = self.quotes[0][0]
        return hit.doc == doc and start <= hit.start < end


class NumberAnswerer:
    """Finds the figure a number question asks for (see module doc).

    :param kb: the knowledge base (search, indicators, chunks).
    :param coverage: focus coverage, to tell which clauses are about the question.
    """

    def __init__(self, kb: Index, coverage: Coverage, min_coverage: float = 0.45) -> None:
        self.kb = kb
        self.coverage = coverage
        self.min_coverage = min_coverage
        self._matchers: dict[tuple[str, ...], IndicatorMatcher] = {}

    @staticmethod
    def asks(question: str) -> bool:
        """Does the question ask for a figure: a quantity (多少, how many), a date (哪一天)
        or an ordinal (第几批, “一对几”)? Those :meth:`answer` reads; others get a list."""
        return bool(
            NumberQuestion.asks_number(question) or asks_date(question) or asked_ordinal(question)
        )

    def _matcher(self, doc: str | list[str] | None) -> IndicatorMatcher:
        """The matcher of the targets tables of ``doc`` (one, several, or every document)."""
        docs = tuple([doc] if isinstance(doc, str) else doc or [d.doc for d in self.kb.documents])
        if docs not in self._matchers:
            glossary = [
                (c.meta.get("title") or "", c.content or "", c.meta["doc"])
                for c in self.kb.chunks
                if c.meta["kind"] == "term" and c.meta["doc"] in docs
            ]
            rows = [row for d in docs for row in self.kb.indicators(d)]
            self._matchers[docs] = IndicatorMatcher(rows, glossary)
        return self._matchers[docs]

    def answer(
        self,
        question: str,
        relevant: list[Hit],
        focus: list[FocusTerm],
        english: bool = False,
        doc: str | list[str] | None = None,
        aside: tuple[str, ...] = (),
    ) -> NumberFound | None:
        """The answer's figure, or ``None`` when no table row or clause states one.

        :param aside: the members of a list the question sets aside to ask for the one
            left (:func:`kb.exclusions.set_aside`): their figures are not it.
        """
        asked = NumberQuestion.parse(question)
        precise = asks_date(question)  # 哪一天: how precisely a date is asked, if one is
        reader = _reader(question, precise)  # 排第几, 哪一天, 第几个五年: no table's value
        counter = None if reader else asked_counter(question)
        worded = counter and counter not in _TABLE_UNITS  # 几大, 几条: never a table's unit
        by_rank = ranked(question) is not None  # the largest kind: a breakdown's, no row's
        if not (reader or worded or asked.growth or by_rank) and set(asked.years) <= _TABLE_YEARS:
            renderings = [t for f in focus for t in (f.word, *f.alternatives)] if english else []
            row = self._matcher(doc).match(question, renderings)
            if (
                row is not None
                and asked.unit_agrees(row[0].unit)
                and asked.fits_row(row[0])
                # a glossary entry defines a row (收入在2000万元以上的工业企业): the amount a
                # question takes from it is the row's, not a breakdown of the prose
                and not given_in_prose(
                    asked.text, row[0], (h.text for h in relevant if h.kind != "term")
                )
            ):
                return self._from_row(row[0], asked, english)
        titled = precise is not None  # a document's date is in its title
        return self._from_prose(asked, relevant, focus, reader, counter, titled, aside)

    def _from_row(self, row: Indicator, asked: NumberQuestion, english: bool) -> NumberFound:
        base = asked.wants == "base"
        stated = given(asked.text)  # "…in 2020, the starting point for the 1.5% goal"
        asked_for, other_value = (
            (row.value_2020, row.target_2025) if base else (row.target_2025, row.value_2020)
        )
        if states(stated, row_figure(row, asked_for)) and not states(
            stated, row_figure(row, other_value)
        ):
            base = not base  # the question gives one value of the row: it asks the other
        value, other = (
            (row.value_2020, row.target_2025) if base else (row.target_2025, row.value_2020)
        )
        unit = row.unit
        if english:
            label, other_label = (
                ("2020 value", "2025 target") if base else ("2025 target", "2020 value")
            )
            lead = f"**{value}{unit}** ({label} of {row.name}; {other_label} {other}{unit})"
        else:
            label, other_label = (
                ("2020年完成值", "2025年目标值") if base else ("2025年目标值", "2020年完成值")
            )
            lead = f"**{value}{unit}**（{row.name}，{label}；{other_label} {other}{unit}）"
        chunk = self.kb.chunk(row.row_id)
        quotes = [(Hit.from_chunk(chunk), 0, len(chunk.content or ""))]
        quotes += self._stated(row, value)
        return NumberFound(f"{value}{unit}", lead, quotes, row.name)

    def _stated(self, row: Indicator, value: float | int) -> list[tuple[Hit, int, int]]:
        """A phrase of the prose that states the same figure (高新技术企业达180家)."""
        for hit in self.kb.search(row.name, k=10, doc=row.doc, join=False):
            if hit.kind == "table_row":
                continue
            for s, e in spans(hit.text, PHRASE):
                piece = hit.text[s:e]
                if row.name in piece and any(f.value == float(value) for f in figures(piece)):
                    return [(hit, *trim(hit.text, s, e))]
        return []

    def _from_prose(
        self,
        asked: NumberQuestion,
        relevant: list[Hit],
        focus: list[FocusTerm],
        reader: Callable[[str], list[Figure]] | None = None,
        counter: str | None = None,
        titled: bool = False,
        aside: tuple[str, ...] = (),
    ) -> NumberFound | None:
        """The best figure of the relevant clauses.

        :param reader: what answers a question that asks for no quantity (a rank, a
            date, an ordinal: :func:`_reader`): its figures, nothing else, as written.
        :param titled: read each document's title too (a date asked: …的意见（2018年1月2日）).
        :param counter: a count is asked (几条, how many: :func:`kb.counts.asked_counter`):
            counts in words (两条底线) answer beside the figures, and, when the question
            names their counter, gain as a unit asked does.
        """
        words = [w for f in focus for w in (f.word, *f.alternatives)]
        share_asked = asked.asks_share or asked.growth  # a share or rate, in any form
        topical = [f for f in focus if f.word not in _WHOLE_PLACE]  # what, not where
        scoped = len(topical) < len(focus)
        stated = given(asked.text)  # the 77.81 million it compares with
        ranking = ranked(asked.text)  # 数量最多的一类: the largest of a breakdown
        # the clause stating a figure given points at the answer: not when it is last
        # year's record, nor when a kind is asked by rank (28个省级载体里最多的一类: the 28
        # names the whole; its kinds are listed elsewhere)
        pointed = bool(stated) and ranking is None and not given_earlier(asked.text)
        scorer = FigureScorer(asked, focus, words)
        best: tuple[float, Hit, str, tuple[int, int], Figure] | None = None
        headings: set[str] = set()
        for rank, hit in enumerate(relevant[:15]):
            section = section_tense(hit)  # once per chunk: its clauses share the headings
            when = report_tense(asked.text, [self.kb.document(hit.doc)])
            # the titles' words are said of every clause (生态环境保护规划 in a question put
            # to that plan; 三是技术合同成交额大幅提升 of its paragraph): a clause need not
            # repeat them
            titles = f"{hit.doc_title} {self.kb.chunk(hit.id).meta.get('title') or ''}"
            lead = list_lead(hit.text)
            # 其中：…省级农业科技示范园9个: kinds of the whole the paragraph states before
            paragraph, at = paragraph_of(hit, self.kb.chunk) if ranking is not None else ("", 0)
            for clause, quoted in _clauses(hit, headings, titled):
                # 今年全市GDP是多少: 占GDP比重 says a share of GDP, not GDP
                said = f"{clause} {titles} {lead if listed(clause) else ''}"
                if ranking is not None:
                    said += f" {breakdown_lead(paragraph, at + quoted[0])}"
                said = said if share_asked else _SHARE_OF.sub("", said)
                cover = self.coverage.score(focus, said)
                low = said.lower()
                if scoped and not any(self.coverage.match(f, low) >= STAND_IN for f in topical):
                    continue  # 全市人口有多少: 全市…共有96个 says where, not 人口
                written = figures(clause)
                # the clause that states a figure the question gives (完成投资2831亿元的项目
                # 有多少个; by when 1.8%) is the one it points at: its other figures answer,
                # though it need cover only half as much of the question's words
                beside_given = bool(stated) and any(states(stated, f) for f in written)
                beside = _BESIDE_GIVEN if pointed and beside_given else 0.0
                if cover < self.min_coverage * (0.5 if beside else 1.0):
                    continue
                worded = counts(clause, counter) if counter is not None else []
                for figure in reader(clause) if reader else written + worded:
                    if not reader and stated and states(stated, figure):
                        continue  # a figure the question gives is not what it asks
                    if reader and states_itself(asked.text, clause, figure):
                        continue  # …涨到了2020年的18.69亿元，起点是哪一年: not the year given
                    left = left_member(clause, figure, aside) if aside else 0.0
                    if left < 0:
                        continue  # a member the question sets aside
                    if ranking is not None and not beside_given:
                        left += rank_member(clause, figure, ranking, words)
                    tense = "ahead" if strives(clause, figure, section) else section
                    fit = scorer.score(clause, figure, tense, when) + left
                    if figure in worded and counter and figure.unit.startswith(counter[0]):
                        fit += 0.4  # 几条 → 两条: the counter asked
                    score = cover + fit + beside - 0.02 * rank
                    if best is None or score > best[0]:
                        best = (score, hit, clause, quoted, figure)
        if best is None:
            return None
        _, hit, clause, quoted, figure = best
        quotes = [(hit, *trim(hit.text, *quoted))]
        written = clause[figure.start : figure.end]
        if reader or not written[:1].isdigit():  # 第五, 两条, 七届十二次: as written
            value = written if written[:1].isdigit() else figure.number  # 2022年4月14日
            return NumberFound(value, f"**{written}**", quotes, worded=not written[:1].isdigit())
        qualifier = _QUALIFIER.search(clause[: figure.start])
        bound = _BOUND.match(clause, figure.end)  # 5.5%以上: a floor, not a point
        value = (
            (qualifier.group() if qualifier else "")
            + figure.text
            + (bound.group() if bound else "")
        )
        return NumberFound(figure.text, f"**{value}**", quotes)
