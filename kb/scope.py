"""Which documents a question is about, when it says so.

A question names its document by a place (山东, 鲁, Shandong, 兰州 for Gansu's report,
凉都 for Liupanshui's plan), an issuer (国务院, 中央), a kind (政府工作报告, 规划, 意见,
中央一号文件) or a year; the search is then scoped to the documents that match, and the
answer says why (``because``). Deterministic, from the documents' own metadata
(:mod:`kb.documents`) and the gazetteer (:mod:`kb.regions`):

- a region named: the documents of exactly that region; else of the nearest region that
  contains it (兰州 → 甘肃省's report); else those inside it (贵州 → a Guizhou city's plan);
- 国家 / 国务院 / 中央 / national: the national documents;
- a kind narrows those (or, alone, picks the documents of that kind);
- a year picks, among several documents left, those of that year or the next (a work
  report of 2025 reviews 2024).

A place that is part of a topic (京津冀, 长江经济带, 成渝) names no document: one-character
abbreviations count only standing apart (not beside another, not inside a word), and
known multi-region topics are skipped.

Example::

    scope = Scoper(kb.documents).detect("山东高新技术企业数量")
    scope.docs, scope.because        # (['gwr_shandong_2025'], '山东')
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kb.documents import FIVE_YEAR, DocumentInfo
from kb.named_after import named_after, without_topics
from kb.regions import Gazetteer, Mention, Region, RegionMatcher

__all__ = ["Scope", "Scoper"]

# 国家 as the issuer, not 国家级 / 国家重点… / 国家高新区, and not national-level
_NATIONAL = re.compile(
    r"国务院|党中央|中共中央|中央(?![厨空])|国家(?![级重高农火星大自标])"
    r"|\bnational\b(?![- ]level|[- ]key)|\bstate council\b|\bcpc\b|\bcommunist party\b"
    r"|\bcentral (?:committee|government|authorities|document|no\.? ?1)|\bno\.? ?1 central",
    re.I,
)
_KIND_WORDS = (  # the words of a kind, and the kinds they name
    (re.compile(r"政府工作报告|工作报告|work report|government report", re.I), ("政府工作报告",)),
    (re.compile(r"中央一号文件|一号文件|no\.? ?1 (?:central )?document", re.I), ("意见",)),
    (re.compile(r"行动计划|action plan", re.I), ("计划",)),
    (re.compile(r"规划"), ("规划",)),
    (re.compile(r"\bplans?\b", re.I), ("规划", "计划")),  # English says plan for both
    (re.compile(r"意见|opinion|guideline", re.I), ("意见",)),
    (re.compile(r"办法|考评|measures", re.I), ("办法",)),
)


def _inside(mention: Mention, inner: bool, text: str) -> str:
    """What of a place's English mention stays in the query searched inside its
    documents: a place ``inner`` to their region, used as content, in Chinese (Tongzhou
    → 通州, for 通州校区); nothing for their own region or one around it (inside 山东's
    report, 山东 says nothing), for a place that only points at the province
    (Shijiazhuang's province), or for a Chinese mention (searched as it is written)."""
    if not inner or _CJK_TEXT.search(mention.text) or _POINTER.match(text, mention.end):
        return " "
    chinese = [n for n in mention.region.names if len(n) >= 2 and _CJK_TEXT.fullmatch(n)]
    return f" {min(chinese, key=len)} " if chinese else " "


def _standing(text: str, mentions: list[Mention]) -> list[Mention]:
    """The place mentions that are not part of a longer name (贵州省科学技术奖, 北京理工
    大学, Guizhou Hezhong Manganese: :func:`kb.named_after.named_after`)."""
    starts = frozenset(m.start for m in mentions)  # Guizhou Liupanshui: a place in a place
    return [m for m in mentions if not named_after(text, m.end, starts)]


_POINTER = re.compile(r"(?:'s)?\s*(?:province|region|municipality)\b", re.I)
_CJK_TEXT = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Scope:
    """The documents a search is kept to, and why.

    :param because: the words of the question that named them; empty for ``home``.
    :param home: the question named no document, so the corpus's own documents (the
        plan) answer it, as they answered it well enough.
    """

    docs: list[str]
    because: str
    regions: list[str] = field(default_factory=list)
    home: bool = False
    rest: str = ""
    kind_only: bool = False  # named only by a kind (规划, 意见): "the plan" of this index

    def query(self, question: str) -> str:
        """What to search the scoped documents for: the question without the words that
        named them (inside 山东's report, 山东 says nothing)."""
        return self.rest.strip() or question

    def to_dict(self) -> dict[str, Any]:
        return {"docs": self.docs, "because": self.because or ("home" if self.home else "")}


#: jieba's general frequency from which a word is everyday Chinese, not a county's name.
COMMON_WORD = 200


#: A plan named by its five-year period and subject (“十三五”生态环境保护规划, the 13th
#: Five-Year Plan for eco-environmental protection), not the period alone (十三五规划期间).
_PERIOD_PLAN = re.compile(
    rf"({FIVE_YEAR})[”’\"']?[^，。？?；;,]{{2,15}}?(?:规划|计划)"
    r"|\b1([1-9])th five-year (?:(?:[a-z\-]+ ){1,6}plan|plan (?:on|for)\b)",
    re.I,
)


#: A five-year period named as its plan (the 13th Five-Year Plan, 十三五规划期间): a time,
#: not a document of the kind 规划 — unless a subject follows (…Plan for eco-environmental
#: protection, see :data:`_PERIOD_PLAN`).
_BARE_PERIOD = re.compile(
    rf"(?:{FIVE_YEAR})[”’\"']?规划(?=期间|时期|以来|末|初)"
    r"|\b1[1-9]th five-year plan\b(?!\s+(?:on|for)\b)",
    re.I,
)


class Scoper:
    """Detects the documents a question names, among one index's documents.

    :param documents: the indexed documents (with region, level, kind, year).
    :param frequency: a word's frequency in general Chinese (jieba's dictionary): tells
        everyday words from places (振兴 of 乡村振兴; 晋升 beside 晋).
    :param tag: a dictionary word's part-of-speech tag (``ns``: a place, 皖南).
    :param cut: a text's words with their spans: a name two words straddle (安新 of
        雄安新区) names no place.
    """

    def __init__(
        self,
        documents: list[DocumentInfo],
        gazetteer: Gazetteer | None = None,
        frequency: Callable[[str], int] | None = None,
        tag: Callable[[str], str | None] | None = None,
        cut: Callable[[str], list[tuple[str, int, int]]] | None = None,
    ) -> None:
        self.documents = documents
        self.gazetteer = gazetteer or Gazetteer.load()
        regions = {
            d.region_code: self.gazetteer.by_code[d.region_code]
            for d in documents
            if d.region_code in self.gazetteer.by_code
        }
        related: dict[str, Region] = {}
        for region in regions.values():
            related[region.code] = region
            related.update((a.code, a) for a in self.gazetteer.ancestors(region))
        for candidate in self.gazetteer.by_code.values():  # places inside a document's region
            if any(r in self.gazetteer.ancestors(candidate) for r in regions.values()):
                related[candidate.code] = candidate
        self.regions = regions
        # A county's short name that is also an everyday word (振兴 of 振兴区 in 乡村振兴,
        # 和平 of 和平区) names the county only with its suffix; rare ones (盘州) alone too.
        common = frozenset(
            name
            for r in related.values()
            if r.level == "county"
            for name in r.names
            if name != r.name and frequency is not None and frequency(name) >= COMMON_WORD
        )

        def word(text: str) -> str | None:  # a dictionary word's tag ("x" if untagged)
            if frequency(text) <= 0:
                return None
            return (tag(text) if tag else None) or "x"

        self._word = word if frequency is not None else None
        self._frequency = frequency
        self._cut = cut
        self.matcher = self.gazetteer.matcher(
            related.values(), common=common, word=self._word, cut=cut
        )
        self._everywhere: RegionMatcher | None = None  # every province and city, on demand

    def _for_region(self, region: Region) -> tuple[list[DocumentInfo], bool]:
        """The documents a region names, and whether the region lies inside theirs.

        :returns: the documents of exactly that region; else of the nearest region that
            contains it (兰州 → the Gansu report: inside); else those inside it.
        """
        same = [d for d in self.documents if d.region_code == region.code]
        if same:
            return same, False
        for outer in self.gazetteer.ancestors(region):  # 兰州 → the Gansu report
            found = [d for d in self.documents if d.region_code == outer.code]
            if found:
                return found, True
        around = [
            d
            for d in self.documents
            if d.region_code in self.gazetteer.by_code
            and self.gazetteer.within(self.gazetteer.by_code[d.region_code], region)
        ]
        return around, False

    def elsewhere(self, question: str) -> list[Mention]:
        """The provinces and cities the question names that no document is about, lies
        in or contains (青海 beside a plan of 六盘水; not 贵州, which holds it, nor 长江经济带,
        a topic, nor 白银 or 大同 without 市: everyday words first)."""
        if self._everywhere is None:
            wide = [r for r in self.gazetteer.by_code.values() if r.level != "county"]
            self._everywhere = self.gazetteer.matcher(wide, word=self._word, cut=self._cut)
        text = without_topics(question)
        found = []
        for m in _standing(text, self._everywhere.find(text)):
            city = m.region.level != "province"  # a province's short name is a place
            everyday = city and m.text != m.region.name and self._everyday(m.text)
            if not (everyday or self._for_region(m.region)[0]):
                found.append(m)
        return found

    def _everyday(self, name: str) -> bool:
        """A frequent word the dictionary does not tag as a place (白银 silver, 大同, 开封)."""
        if self._frequency is None or self._frequency(name) < COMMON_WORD:
            return False
        return self._word is None or self._word(name) != "ns"

    def detect(self, question: str) -> Scope | None:
        """The documents the question names, or ``None`` when it names none of them."""
        text = without_topics(question)
        named: list[DocumentInfo] = []
        because: list[str] = []
        regions = []
        spans: list[tuple[int, int, str]] = []  # what named a document, and what stays
        for mention in _standing(text, self.matcher.find(text)):
            found, inner = self._for_region(mention.region)
            if found:
                named += [d for d in found if d not in named]
                because.append(mention.text)
                regions.append(mention.region.name)
                spans.append((mention.start, mention.end, _inside(mention, inner, text)))
        national = _NATIONAL.search(text)
        if national and not named:
            named = [d for d in self.documents if d.level == "国家"]
            if named:
                because.append(national.group())
                spans.append((*national.span(), " "))
        # the kind named first: the document, named before what is asked of it (2018年…的
        # 意见要制定什么规划); at one place, the longer name (action plan, not plan)
        timed = _BARE_PERIOD.sub(lambda m: " " * len(m.group()), text)
        kinds = sorted(
            (m.start(), i, m.group(), kind)
            for i, (pattern, kind) in enumerate(_KIND_WORDS)
            if (m := pattern.search(timed))
        )
        if kinds:
            word, kind = kinds[0][2:]
            pool = named or self.documents
            of_kind = [d for d in pool if d.kind in kind]
            if of_kind and (named or len(of_kind) < len(self.documents)):
                named = of_kind
                because.append(word)
        if len(named) > 1:
            named = self._by_period(text, named, because)
        if len(named) > 1:
            named = self._by_year(question, named, because)
        if not named or len(named) == len(self.documents):
            return None
        rest = question
        for start, end, words in sorted(spans, reverse=True):
            rest = rest[:start] + words + rest[end:]
        return Scope(
            [d.doc for d in named],
            "、".join(
                w for w in dict.fromkeys(because) if not any(w != o and w in o for o in because)
            ),
            regions,
            rest=rest,
            kind_only=not spans,
        )

    @staticmethod
    def _by_period(text: str, docs: list[DocumentInfo], because: list[str]) -> list[DocumentInfo]:
        """Of several documents, those of the five-year period that a plan is named by
        (“十三五”生态环境保护规划, the 13th Five-Year … plan) — not a period the question
        asks about (十三五时期的投入, which a later plan reviews)."""
        found = _PERIOD_PLAN.search(text)
        if not found:
            return docs
        ordinal = found.group(2)  # the 13th: 十三五, as the documents' periods are named
        period = found.group(1) or f"十{'一二三四五六七八九'[int(ordinal) - 1]}五"
        dated = [d for d in docs if d.period == period]
        if dated and len(dated) < len(docs):
            because.append(period)
            return dated
        return docs

    @staticmethod
    def _by_year(question: str, docs: list[DocumentInfo], because: list[str]) -> list[DocumentInfo]:
        """Of several documents, those of the year asked about: a work report of the next
        year (which reviews it) first, else a document of that year. (Not one whose period
        covers it: a year in a question is mostly a data year, 2020 of a base value.)"""
        for year in (int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", question)):
            reviews = [d for d in docs if d.kind == "政府工作报告" and d.year == year + 1]
            dated = reviews or [d for d in docs if d.year == year]
            if dated and len(dated) < len(docs):
                because.append(str(year))
                return dated
        return docs
