"""Number answers: the figure asked for, first, with the clause that states it.

Two sources, in this order:

1. A targets-table row (2020 value vs 2025 target) that the question names — by the
   row's name, its glossary name or in English — answers with the target, or with the
   base value when the question asks for 2020 / “十三五”末 / 现状. A question about
   another year (2015) or about growth is not a table question.
2. Otherwise a figure of the prose, in any indexed document: each clause of the
   relevant chunks that covers the question's focus offers its figures (never list
   labels, years, dates or title numbers: :func:`kb.numbers.figures`); a figure gains
   for standing right after the question's words (中文 states "指标 + 为/达 + 数字"), for
   the unit asked (多少亿元, 百分之几), for following the year asked (从2015年的0.54%),
   for being a change exactly when a change is asked (增加46家, 增速575%), and for
   standing in a report's review when last year is asked or among its aims (目标任务,
   力争, 左右) when this year is (山东去年GDP增长 → 5.7%; 今年预期 → 5%).

Example::

    found = NumberAnswerer(kb, coverage).answer("十三五时期向上争取资金多少", relevant, focus)
    found.value      # '1.44亿元'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest import Indicator
from kb.clauses import CLAUSE, PHRASE, spans, trim
from kb.counts import asked_counter, counts
from kb.coverage import Coverage, FocusTerm
from kb.numbers import Figure, IndicatorMatcher, NumberQuestion, figures
from kb.protocols import Index
from kb.ranks import asks_rank, ranks
from kb.search import Hit
from kb.tense import section_tense

__all__ = ["NumberAnswerer", "NumberFound"]

# A share stated as such: 占…的68%, 比重达, 占比为.
#: A list and its figures, 分别: 粮食、油料、蔬菜产量 | 分别达 (items before, in one clause).
_RESPECTIVELY = re.compile(
    r"([^，,。；;：:]+?)分别(?:为|是|达到?|增长|下降|提高|减少|占)?[^，。；\d]{0,6}"
)
_SHARE_BEFORE = re.compile(r"(?:占[^，。；、]{0,24}的?|比重|占比)(?:为|达到?|是)?\s*$")
_CHANGE_BEFORE = re.compile(
    r"(增加|增长|增幅|增速|提高|提升|翻|较[^，。；]{0,12}?(多|增))(?![至到])[^，。；\d]{0,4}$"
)  # 增加46家, 增幅为64.8%; not 增加至0.89% (the level it reached)
_CHANGE_WORD = re.compile(r"增长|增加|增幅|增速|提高|提升|下降|减少|降低|上涨")
_QUALIFIER = re.compile(r"(不少于|不低于|不超过|超过|高于|低于|约|近|达到|突破)$")
_BOUND = re.compile(r"以上|以下|以内|左右")
_TABLE_YEARS = {"2020", "2025"}
_TABLE_UNITS = {"个", "家", "项", "件", "人", "所", "座"}  # a count a table's row may hold
#: A clause that strives (力争, 左右) states a target wherever it stands (see kb.tense).
_STRIVES = re.compile(r"力争|预期|确保|左右")


_ASKING = re.compile(r"多少|几|how many|how much|what share|what percentage|what (?:is|was)", re.I)


def _anchor(question: str, focus: list[FocusTerm]) -> FocusTerm | None:
    """The focus term nearest the question word: what the number counts (成长梯队里的
    小巨人企业有几家 → 小巨人企业; 培养了多少高层次科技人才 → 高层次科技人才)."""
    asking = _ASKING.search(question)
    if asking is None:
        return None
    counted = [f for f in focus if not _CHANGE_WORD.fullmatch(f.word)]  # 增长: how, not what
    placed = [(f, question.lower().find(f.word.lower())) for f in counted]
    placed = [(f, at) for f, at in placed if at >= 0]
    if not placed:
        return None
    return min(placed, key=lambda fa: abs(fa[1] - asking.start()))[0]


def _clauses(hit: Hit, seen: set[str]) -> Iterator[tuple[str, tuple[int, int]]]:
    """The clauses of a hit, each with the span of its text to quote — then its headings
    (第五章 积极构建三大创新体系: a figure stated as a title), each once over all the hits
    and quoted by the hit's first clause."""
    found = spans(hit.text, CLAUSE)
    yield from ((hit.text[s:e], (s, e)) for s, e in found)
    for heading in reversed(hit.section if found else []):
        if heading not in seen:
            seen.add(heading)
            yield heading, found[0]


def _respectively(clause: str, figure: Figure, words: list[str]) -> float:
    """Of a list stated 分别 (粮食、油料、蔬菜产量分别达118.3万吨、33万吨、165万吨), the
    figure in the place of the item the question names: +0.5, or -0.5 when the question
    names another item of the list.

    :param words: the question's focus words and their alternatives."""
    said = _RESPECTIVELY.search(clause[: figure.start])
    if said is None:
        return 0.0
    items = re.split(r"[、和及与]", said.group(1))
    place = sum(1 for f in figures(clause[said.end() : figure.start]) if f.unit == figure.unit)
    if len(items) < 2 or place >= len(items):
        return 0.0
    words = [w for w in words if w]
    last = items[-1]
    for w in sorted(words, key=len, reverse=True):  # the list's shared tail (…蔬菜产量)
        if items[-1].endswith(w) and len(items[-1]) > len(w):
            items[-1] = items[-1][: -len(w)]

    def names(item: str, word: str) -> bool:  # 粮食产量: 粮食 with the shared tail 产量
        tail = word[len(item) :]
        return word in item or bool(item and tail and word.startswith(item) and last.endswith(tail))

    named = [i for i, item in enumerate(items) if any(names(item, w) for w in words)]
    if not named or len(named) == len(items):  # none, or a word they share (产量)
        return 0.0
    return 0.5 if place in named else -0.5


@dataclass(frozen=True)
class NumberFound:
    """The figure an answer leads with, its Markdown lead, and the spans that state it.

    :param quotes: ``(hit, start, end)`` with offsets into ``hit.text``; the first is
        the source of the figure.
    """

    value: str
    lead: str
    quotes: list[tuple[Hit, int, int]]
    indicator: str | None = None


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

    def _matcher(self, doc: str | list[str] | None) -> IndicatorMatcher:
        """The matcher of the targets tables of ``doc`` (one, several, or every document)."""
        docs = tuple([doc] if isinstance(doc, str) else doc or [d.doc for d in self.kb.documents])
        if docs not in self._matchers:
            glossary = [
                (c.meta.get("title") or "", c.content or "")
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
    ) -> NumberFound | None:
        """The answer's figure, or ``None`` when no table row or clause states one."""
        asked = NumberQuestion.parse(question)
        ranked = asks_rank(question)  # 排第几: a rank answers, never a table's value
        counter = None if ranked else asked_counter(question)
        worded = counter and counter not in _TABLE_UNITS  # 几大, 几条: never a table's unit
        if not (ranked or worded or asked.growth) and set(asked.years) <= _TABLE_YEARS:
            renderings = [t for f in focus for t in (f.word, *f.alternatives)] if english else []
            row = self._matcher(doc).match(question, renderings)
            if row is not None and asked.unit_agrees(row[0].unit) and asked.fits_row(row[0]):
                return self._from_row(row[0], asked, english)
        return self._from_prose(asked, relevant, focus, ranked, counter)

    def _from_row(self, row: Indicator, asked: NumberQuestion, english: bool) -> NumberFound:
        base = asked.wants == "base"
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

    def _score(
        self,
        clause: str,
        figure: Figure,
        asked: NumberQuestion,
        focus: list[FocusTerm],
        words: list[str],
        tense: str | None = None,
    ) -> float:
        """How well a figure of a covering clause answers (added to the clause's coverage):
        mostly, how much of the question the words right before it say (中文 states
        "指标 + 为/达 + 数字": 累计培养高层次科技人才169人次)."""
        before = clause[: figure.start]
        phrase = re.split(r"[，,、：:；（(]", before)[-1]
        anchor = _anchor(asked.text, focus)
        weights = {  # not the unit asked in (多少万吨): every figure stands after one
            w: f.weight * (2.0 if f is anchor else 1.0)
            for f in focus
            for w in (f.word, *f.alternatives)
            if w != asked.unit
        }
        top = max(weights.values(), default=1.0) or 1.0
        near = max(
            (
                weight / top / (1.0 + (figure.start - before.rfind(w) - len(w)) / 6.0)
                for w, weight in weights.items()
                if w and w in before
            ),
            default=0.0,
        )  # right after the question's words, the rarer the better
        own = re.split(r"[，,；;。]", before)[-1]  # the figure's own phrase of a list
        names = [] if anchor is None else [anchor.word, *anchor.alternatives]
        if near and names and not any(w in own for w in names):
            near *= 0.3  # 生产总值增长2.7%，城镇调查失业率5.2%: 5.2% is another indicator's
        after = clause[figure.end : figure.end + 12]
        named = max(  # or right before them (建设839个海外仓)
            (weight / top for w, weight in weights.items() if w and after.startswith(w)),
            default=0.0,
        )
        score = max(near, named)
        compared = re.search(r"(?:较|比(?!重|例))(.*)$", phrase)
        asked_about = compared is not None and any(w in compared.group(1) for w in words)
        if compared and not _CHANGE_BEFORE.search(before) and not asked_about:
            score -= 0.4  # the base of a comparison the question does not ask about
        if asked.unit:
            same = asked.unit_agrees(figure.unit or "?") or (
                asked.unit == "%" and figure.unit == "％"
            )
            weight = 0.2 if asked.soft_unit else 0.4
            score += weight if same and figure.unit else (-weight if figure.unit else -0.1)
        if asked.asks_count and re.search(r"元|%|％$", figure.unit or ""):
            score -= 0.4  # "how many models": 105款, not the 3000亿元 beside it
        if asked.asks_share and _SHARE_BEFORE.search(before):
            score += 0.3  # 占全省一般公共预算支出的68%: a share, as asked
        is_change = bool(_CHANGE_BEFORE.search(before))
        # a growth asked for is never a level; a level asked for is often stated only as
        # its growth (青海的生产总值: 增长2.7%), so a change weighs less against it
        weight = 0.5 if asked.growth else 0.2
        score += weight if is_change == asked.growth else -weight
        if asked.end and re.search(r"(至|到)(?:20\d\d年的?)?[^，。；\d]{0,2}$", before):
            score += 0.4 if asked.end == "to" else -0.4  # 从60%增加至70%: the end
        elif asked.end and re.search(r"(从|由)[^，。；至到]{0,8}$", before):
            score += 0.4 if asked.end == "from" else -0.4  # … the start
        if asked.wants and tense:  # a year named (in 2024) says the tense more firmly
            weight = 0.5 if asked.years else 0.3
            score += weight if (asked.wants == "base") == (tense == "past") else -weight
        score += _respectively(clause, figure, words)
        for year in () if asked.growth else asked.years:  # a change spans its years
            at = before.rfind(f"{year}年")
            if at >= 0 and figure.start - at <= 12:
                score += 0.5
        return score

    def _from_prose(
        self,
        asked: NumberQuestion,
        relevant: list[Hit],
        focus: list[FocusTerm],
        ranked: bool = False,
        counter: str | None = None,
    ) -> NumberFound | None:
        """The best figure of the relevant clauses.

        :param ranked: a rank is asked (排第几): ranks answer, nothing else.
        :param counter: a count is asked (几条, how many: :func:`kb.counts.asked_counter`):
            counts in words (两条底线) answer beside the figures, and, when the question
            names their counter, gain as a unit asked does.
        """
        words = [w for f in focus for w in (f.word, *f.alternatives)]
        best: tuple[float, Hit, str, tuple[int, int], Figure] | None = None
        headings: set[str] = set()
        for rank, hit in enumerate(relevant[:15]):
            section = section_tense(hit)  # once per chunk: its clauses share the headings
            for clause, quoted in _clauses(hit, headings):
                # the title's words are said of every clause (生态环境保护规划 in a question
                # put to that plan): a clause need not repeat them
                cover = self.coverage.score(focus, f"{clause} {hit.doc_title}")
                if cover < self.min_coverage:
                    continue
                tense = "ahead" if _STRIVES.search(clause) else section
                worded = counts(clause, counter) if counter is not None else []
                for figure in ranks(clause) if ranked else figures(clause) + worded:
                    fit = self._score(clause, figure, asked, focus, words, tense)
                    if figure in worded and counter and figure.unit.startswith(counter[0]):
                        fit += 0.4  # 几条 → 两条: the counter asked
                    score = cover + fit - 0.02 * rank
                    if best is None or score > best[0]:
                        best = (score, hit, clause, quoted, figure)
        if best is None:
            return None
        _, hit, clause, quoted, figure = best
        quotes = [(hit, *trim(hit.text, *quoted))]
        written = clause[figure.start : figure.end]
        if ranked or not written[:1].isdigit():  # 第五, 两条: as written; the value is its number
            return NumberFound(figure.number, f"**{written}**", quotes)
        qualifier = _QUALIFIER.search(clause[: figure.start])
        bound = _BOUND.match(clause, figure.end)  # 5.5%以上: a floor, not a point
        value = (
            (qualifier.group() if qualifier else "")
            + figure.text
            + (bound.group() if bound else "")
        )
        return NumberFound(figure.text, f"**{value}**", quotes)
