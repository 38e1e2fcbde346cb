"""What a fit report quotes: whole clauses that name the project's terms, the heading that
names its area, and one clause per support measure — each with its exact span.

Example::

    quotes = FitQuotes(kb, weight=lambda form: 1.0)
    quotes.match(row, {"膜电极": ("膜电极", "work")}, work=2.3, area=0.0).text
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

from ingest import Node
from kb.clauses import CLAUSE, spans, trim
from kb.description import said
from kb.fit_report import FitMatch
from kb.priorities import is_industry_item
from kb.protocols import Index
from kb.tokenize import fold, is_english

__all__ = ["FitQuotes", "distinct", "title_only"]

# Titles that name no area: an untitled item, or the box's catch-all "8．其他".
_UNNAMED = frozenset({"", "其他", "其它"})


def title_only(text: str, section: list[str]) -> bool:
    """Is a chunk only its item's title (3．锂电池产业。), which says no work?"""
    return not section or fold(text).strip(" 。；;") == fold(section[-1]).strip(" 。；;")


@cache
def _measure_topics() -> tuple[tuple[str, tuple[str, ...], frozenset[str]], ...]:
    """Each measure's label, the words to find it with, and the description words that
    call for it (``kb/data/measures.tsv``)."""
    text = resources.files("kb").joinpath("data", "measures.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(
        (label, tuple(words.split()), frozenset(cues.split())) for label, words, cues in rows
    )


def distinct(matches: list[FitMatch]) -> list[FitMatch]:
    """Matches without repeats: of one span (chunks under one heading cite it once), or of
    a span an earlier match already quotes (a paragraph quoted with its heading first)."""
    out: list[FitMatch] = []
    for m in matches:
        if not any(o.doc == m.doc and o.start <= m.start and m.end <= o.end for o in out):
            out.append(m)
    return out


class FitQuotes:
    """Cites the plan for a fit report.

    :param kb: the knowledge base (chunks, trees, search).
    :param weight: how specific a term's form is (its IDF): quotes prefer clauses that
        name the most specific terms.
    """

    def __init__(self, kb: Index, weight: Callable[[str], float]) -> None:
        self.kb = kb
        self.weight = weight
        self._trees: dict[str, dict[str, tuple[Node, ...]]] = {}

    def quote(self, chunk: Any, forms: list[str], limit: int = 240) -> tuple[int, int]:
        """Whole clauses of ``chunk`` that name ``forms``: from the first to the last of
        them when that is at most ``limit`` characters, else the one naming the most
        specific ones."""
        text = chunk.content or ""
        clauses = spans(text, CLAUSE) or [(0, len(text))]
        weight = {
            (s, e): sum(self.weight(f) for f in forms if f in fold(text[s:e])) for s, e in clauses
        }
        naming = [c for c in clauses if weight[c] > 0] or clauses[:1]
        titled = len(clauses) > 1 and title_only(text[slice(*clauses[0])], chunk.meta["section"])
        if titled and naming[0] == clauses[1]:  # the title opens its first clause's quote
            naming = [clauses[0], *naming]  # (5．食品安全。支持食品过程控制…)
        elif titled and naming == clauses[:1]:  # 3．锂电池产业。 says no work: the clause
            naming = clauses[:2]  # after it too
        if naming[-1][1] - naming[0][0] <= limit:
            return trim(text, naming[0][0], naming[-1][1])
        return trim(text, *max(naming, key=lambda c: weight[c]))

    def _ancestors(self, doc: str) -> dict[str, tuple[Node, ...]]:
        """Each node id of a document's tree → its ancestors, root first, and itself."""
        if doc not in self._trees:
            self._trees[doc] = {n.id: (*up, n) for n, up in self.kb.trees[doc].root.walk()}
        return self._trees[doc]

    def heading(self, chunk: Any, forms: list[str]) -> FitMatch | None:
        """The highest heading above ``chunk`` that names one of ``forms`` (（二）煤炭产业,
        not the box 专栏2 煤炭产业技术攻关 under it), quoted by what it says of its area
        (:meth:`_heading`)."""
        doc = chunk.meta["doc"]
        if doc not in self.kb.trees:
            return None
        up = self._ancestors(doc).get(chunk.meta.get("node", ""), ())[:-1]
        for depth in range(1, len(up)):  # the highest heading naming it: the area itself
            node = up[depth]
            if node.head and node.heading and any(f in fold(node.heading) for f in forms):
                return self._heading(chunk.id, doc, up[1 : depth + 1])
        return None

    def _heading(
        self, chunk_id: str, doc: str, path: tuple[Node, ...], limit: int = 240
    ) -> FitMatch:
        """An area heading (the last of ``path``, below the root) as a match: the heading
        with the paragraph that opens it, whole up to ``limit`` characters — what the plan
        says of the area (（四）纺织产业 支持围绕染整、织布、服装加工等各个环节关键技术开展
        攻关…), and the title of the box of its items when one follows (专栏4 纺织产业技术
        攻关) — or, when a box or an item comes first, the heading alone."""
        node = path[-1]
        address = [n.heading for n in path if n.heading]
        first = node.children[0] if node.children else None
        opening = first if first is not None and first.kind == "paragraph" else None
        lead = self.kb.opening(doc, opening.id) if opening is not None else None
        source, (start, end) = self.kb.sources[doc], node.head or (0, 0)
        if lead is None or source[end : int(lead.meta["start"])].strip():  # not next to it
            return FitMatch(chunk_id, doc, address, node.heading, 0.0, start, end, kind="area")
        text = lead.content or ""
        _, e = trim(text, 0, len(text) if len(text) <= limit else self.quote(lead, [], limit)[1])
        end = int(lead.meta["start"]) + e
        if e == len(text.rstrip()):  # the lead whole: the title of the box right after it
            end = self._box_title(node, source, end)
        words = source[start:end]
        return FitMatch(lead.id, doc, address, words, 0.0, start, end, kind="area")

    @staticmethod
    def _box_title(node: Node, source: str, end: int) -> int:
        """Where the title of the box that lists an area's items ends (专栏10 现代物流产业
        技术攻关), when the box follows the area's lead ending at ``end``; else ``end``."""
        box = node.children[1] if len(node.children) > 1 else None
        if box is None or box.kind != "box" or not box.head or source[end : box.head[0]].strip():
            return end
        return box.head[1]

    def areas(self, row: int) -> list[FitMatch]:
        """The industry headings a priority chunk sits under, narrowest first (6．生态畜禽业,
        then （一）生态特色农业): what a project that only trades in its products shares
        with the plan. Boxes repeat their industry's heading, and untitled items and
        catch-alls (8．其他) name nothing, so none of them is cited."""
        return self._above(
            row,
            lambda n: n.industry and n.head and n.kind != "box" and n.title not in _UNNAMED,
        )[::-1]

    def part(self, row: int) -> list[FitMatch]:
        """The part of the plan an industry chunk sits in (二、构建支撑新型城镇化的技术体系),
        quoted with the paragraph that opens it: where the plan says a whole field of
        industries is a priority, what a project in that field but not named by an item
        shares with it. Empty for a chunk under no industry."""
        if not self.kb.chunks[row].meta.get("industry"):
            return []
        return self._above(row, lambda n: n.kind == "section" and n.head)[:1]

    def _above(self, row: int, keep: Callable[[Node], Any]) -> list[FitMatch]:
        """The headings above a chunk that ``keep`` accepts, widest first, each quoted
        with its opening (:meth:`_heading`)."""
        chunk = self.kb.chunks[row]
        doc = chunk.meta["doc"]
        if doc not in self.kb.trees:
            return []
        path = self._ancestors(doc).get(chunk.meta.get("node", ""), ())
        return [
            self._heading(chunk.id, doc, path[1 : depth + 1])
            for depth, node in enumerate(path)
            if keep(node)
        ]

    def match(
        self,
        row: int,
        terms: dict[str, tuple[str, str]],
        work: float,
        area: float,
        also: tuple[str, ...] = (),
    ) -> FitMatch:
        """The match of one priority chunk: the clauses naming the project's work, or,
        when it names only the area, the heading that names it.

        :param terms: the project's terms this chunk names → (form found, work|area).
        :param also: the forms of the project's other words (its common ones: 混凝土 of
            低碳混凝土): the quote reaches the clauses that say them too, within its limit.
        """
        chunk = self.kb.chunks[row]
        m = chunk.meta
        forms = [form for form, _ in terms.values()]
        kind = "work" if work > 0 else ("area" if area > 0 else "near")
        score = round(work if kind == "work" else area, 3)
        heading = self.heading(chunk, forms) if kind == "area" else None
        if heading is not None:  # only the area is named: the heading that names it
            return replace(heading, score=score, terms=list(terms), forms=forms)
        s, e = self.quote(chunk, forms + [f for f in also if f not in forms])
        address, words = list(m["section"]), (chunk.content or "")[s:e]
        start, end = int(m["start"]) + s, int(m["start"]) + e
        return FitMatch(
            chunk.id,
            m["doc"],
            address,
            words,
            score,
            start,
            end,
            terms=list(terms),
            kind=kind,
            forms=forms,
        )

    def measures(self, doc: str, text: str = "", least: int = 4) -> list[FitMatch]:
        """One cited clause per support-measure topic, from the document's measure
        sections: the topics the description's words call for first (研发 → 研发费用加计扣除,
        博士 → 人才), then the others in their order, up to ``least`` in all.

        :param text: the project description (empty: every topic, in order).
        """
        folded, english = fold(text), is_english(text)
        called = [bool(said(cues, folded, english)) for _, _, cues in _measure_topics()]
        order = sorted(range(len(called)), key=lambda i: not called[i])
        wanted = max(least, sum(called)) if text else len(called)
        found: list[FitMatch] = []
        for i in order[:wanted]:
            label, words, _ = _measure_topics()[i]
            for hit in self.kb.search(" ".join(words), k=5, doc=doc, join=False):
                chunk = self.kb.chunk(hit.id)
                past = any("回顾" in h for h in hit.section)
                item = is_industry_item(chunk.meta)
                if item or past or hit.kind == "term" or any(m.id == hit.id for m in found):
                    continue  # measures live outside industry boxes, the review and glossary
                forms = [w for w in words if w in (hit.text or "")]
                if words[0] not in forms and len(forms) < 2:
                    continue  # its own word (研发投入), or two of its words; not 奖励 alone
                s, e = self.quote(chunk, forms)
                found.append(
                    FitMatch(
                        hit.id,
                        hit.doc,
                        hit.section,
                        hit.text[s:e],
                        round(hit.score, 3),
                        hit.start + s,
                        hit.start + e,
                        label=label,
                        terms=forms,
                        kind="measure",
                    )
                )
                break
        return found
