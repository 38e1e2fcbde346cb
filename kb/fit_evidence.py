"""What a document's priority items name of a project: the evidence a fit verdict rests on.

For each priority chunk (an item under an industry heading, a numbered measure), which
of the project's key terms it names in its own words (the project's **work**), which in
the headings above it or as an industry's name (its **area**), and how specific each is
(its IDF over every chunk). :class:`~kb.fit.FitChecker` turns that into a verdict.

Example::

    evidence = Evidence(kb, mentions, keyterms, items, measures, FitSettings())
    rows = evidence.gather(keyterms.find("建设一条氢燃料电池膜电极生产线"), items | measures)
    best = max(rows.values(), key=lambda r: r.work)
    evidence.established(best, terms, "work")   # True: 膜电极 is a strong term
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

from kb.fit_report import Named
from kb.industries import taxonomy
from kb.keyterms import KeyTerms
from kb.mentions import Mentions
from kb.project_terms import ProjectTerms
from kb.protocols import Index
from kb.settings import FitSettings

__all__ = ["Evidence", "Row", "Sector"]

#: Industries of ``kb/data/industries.tsv`` whose words every business may say (digital
#: means, villages, green words, finance, schooling, innovation): they name no sector.
_ACROSS = frozenset({"数字经济", "乡村振兴", "生态环保", "科技创新", "金融", "教育"})

#: A project's sector term (:meth:`Evidence.sectors`): where it is named, the form found,
#: and the items that name it.
Sector = tuple[Named, str, list[int]]


@dataclass
class Row:
    """What one priority chunk names of the project."""

    work: float = 0.0  # weight of key terms named in its own words
    foreground: float = 0.0  # the part of ``work`` said about the project itself
    area: float = 0.0  # weight of key terms naming its area
    support: float = 0.0  # common words of the project in its words: ranking only
    terms: dict[str, tuple[str, str]] | None = None  # term -> (form found, work|area)
    measure: bool = False  # a numbered measure, not an industry's item
    backers: set[str] = field(default_factory=set)  # the common words behind ``support``


class Evidence:
    """Weighs what the priority chunks of one knowledge base name of a project.

    :param mentions: where each form is named (:class:`~kb.mentions.Mentions`).
    :param keyterms: the key-term finder (its dictionary tells a strong compound).
    :param priority: the rows of the priority items, over every document.
    :param measures: the rows of the numbered measures (:func:`kb.priorities.is_measure`):
        they name a project's work, never its area (they list industries and places).
    """

    def __init__(
        self,
        kb: Index,
        mentions: Mentions,
        keyterms: KeyTerms,
        priority: frozenset[int],
        measures: frozenset[int],
        settings: FitSettings,
    ) -> None:
        self.kb = kb
        self.mentions = mentions
        self.keyterms = keyterms
        self.priority = priority
        self.settings = settings
        self.n = max(1, len(kb.chunks))
        self.measures = measures
        self._spreads: dict[str, bool] = {}

    def weight(self, form: str) -> float:
        """How specific a form is: its IDF over every chunk (rare = specific)."""
        df = len(self.mentions.rows(form))
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def gather(self, terms: ProjectTerms, rows: frozenset[int]) -> dict[int, Row]:
        """What each of ``rows`` names of the project, for the rows that name any of it.

        A common word (煤炭, 医疗) names only the area, unless the row writes it joined to
        another of the project's terms as one word (脱硫石膏); said beside other terms
        only, it ranks a row (``support``) and proves nothing.
        """
        found: dict[int, Row] = {}

        def row_of(r: int) -> Row:
            if r not in found:
                found[r] = Row(terms={}, measure=r in self.measures)
            return found[r]

        specific = [f for t in terms.named if not t.common for f, _ in t.forms]
        for term in terms.named:
            for form, credit in term.forms:
                weight = self.weight(form) * credit * (1 + math.log(term.count))
                own = self.mentions.rows(form) & rows
                if term.background or _names_sector(form):
                    own -= self.measures  # the company's record, an industry a measure lists
                for r in own | (self.mentions.heading_rows(form) & rows):
                    area = self._is_area(r, form)
                    if area and r in self.measures:
                        continue  # a measure's headings and industries: no project's area
                    common = term.common and not (r in own and self._joined(r, form, specific))
                    if not area and (common or r not in own):
                        if r in own and not term.background:  # 医疗 beside 5G: ranks, never proves
                            row = row_of(r)
                            row.support += weight
                            row.backers.add(term.text)
                        continue
                    row = row_of(r)
                    if term.text in row.terms and (row.terms[term.text][1] == "work" or area):
                        continue  # a term counts once per row, as its best form
                    if area:
                        row.area += weight
                    else:
                        share = self.settings.background_credit if term.background else 1.0
                        row.work += weight * share
                        row.foreground += 0.0 if term.background else weight
                    row.terms[term.text] = (form, "area" if area else "work")
        return found

    def _is_area(self, row: int, form: str) -> bool:
        """Does ``form`` name the row's area (the head of its industry headings or title),
        or any industry's (新材料 of （五）新材料产业 proves the area, never the work, even in
        an item of another industry that writes 煤基新材料)?"""
        return self.mentions.in_area(row, form) or self.mentions.names_industry(form)

    def _joined(self, row: int, form: str, specific: list[str]) -> bool:
        """Does the row write ``form`` joined to another of the project's specific terms,
        as one word of the plan (脱硫石膏 for a project that says 脱硫 … 石膏)?"""
        text = self.mentions.text(row)
        return any(f"{s}{form}" in text or f"{form}{s}" in text for s in specific if s != form)

    def established(self, row: Row, terms: ProjectTerms, kind: str) -> bool:
        """Does a row name the project's work (or area), said about the project itself?

        A word the document names in many sections (智能化, 大数据) proves neither. One
        short word proves little (小区 of a nail salon's address, 线上 of its booking):
        the row must name two of the project's terms, or one strong one — a term of three
        characters or more, a compound the dictionary does not know (膜电极, 煤制烯烃), an
        English phrase of two words. In a long description the strong term must also be
        said twice, or be such a compound.
        """
        said = {t.text: t for t in terms.named if not t.background}
        telling = {  # not 智能化, 大数据: named all over the plan, they say how, not what
            t: said[t]
            for t, (form, _) in (row.terms or {}).items()
            if t in said and not self.spread(form)
        }
        named = list(telling.values())
        found = [
            telling[t] for t, (_, k) in (row.terms or {}).items() if k == kind and t in telling
        ]
        if not found:
            return False
        if len(named) >= 2:
            return True
        if row.measure and len(row.backers) < self.settings.measure_backing:
            return False  # one term of a measure's long list, said beside little else
        (term,) = found
        form = (row.terms or {})[term.text][0]
        if kind == "area":  # the head of an industry heading (煤炭 of 煤炭产业), as said
            own = dict(term.forms).get(form, 0.0) >= 1.0  # not a thesaurus stand-in
            return own and (not terms.long or term.count >= 2)
        if term.text.isascii():  # one English word is like one short Chinese word: weak
            strong = " " in term.text or self.keyterms.unknown_compound(form)
        else:  # 煤泥综合利用项目: in a few words, a word general Chinese barely knows
            rare = terms.brief and self.keyterms.rare(form)
            strong = term.compound or len(term.text) >= 3 or rare
        return strong and (not terms.long or term.count >= 2 or term.compound)

    def spread(self, form: str) -> bool:
        """Do the priority items name ``form`` in many sections (see ``spread_sections``)?"""
        if form not in self._spreads:
            rows = self.mentions.rows(form) & self.priority
            sections = {tuple(self.kb.chunks[r].meta["section"][:3]) for r in rows}
            self._spreads[form] = len(sections) >= self.settings.spread_sections
        return self._spreads[form]

    def sectors(self, terms: ProjectTerms, rows: frozenset[int]) -> list[Sector]:
        """The project's own terms that name a sector of ``kb/data/industries.tsv`` (服装,
        煤矿, 医疗; not the cross-cutting ones, :data:`_ACROSS`) which ``rows`` name: its
        area, said in a word no heading uses; each with the form named and the items
        that name it."""
        found: list[Sector] = []
        for term in terms.named:
            if term.background:
                continue
            for form, credit in term.forms:
                hit = credit >= 1.0 and _names_sector(form)
                own = sorted((self.mentions.rows(form) & rows) - self.measures) if hit else []
                if own:
                    meta = self.kb.chunks[own[0]].meta
                    named = Named(term.text, list(meta["section"]), meta["id"], "area", form)
                    found.append((named, form, own))
                    break
        return found


@cache
def _names_sector(form: str) -> bool:
    """Does ``form`` hold a sector's word (装备制造 of 先进装备制造)?"""
    return any(w in form for w in _sector_words())


@cache
def _sector_words() -> frozenset[str]:
    return frozenset(w for name, words in taxonomy() if name not in _ACROSS for w in words)
