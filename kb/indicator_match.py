"""Which targets-table row a question names: by the row's name, by the glossary term
whose definition describes it (R&D经费投入强度 is the row 全社会研发经费支出占地区生产总值的
比重), or through English renderings — abbreviations spelled out first (R&D → 研发,
GDP → 地区生产总值, 规上 → 规模以上).

Example::

    matcher = IndicatorMatcher(kb.indicators(), glossary)
    row, share = matcher.match("研发经费投入强度2025年要达到多少？")
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from ingest import Indicator

__all__ = ["IndicatorMatcher", "normalize_terms"]


@cache
def _abbreviations() -> tuple[tuple[str, str], ...]:
    text = resources.files("kb").joinpath("data", "abbreviations.tsv").read_text("utf-8")
    pairs = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(sorted(((a, b) for a, b in pairs), key=lambda p: -len(p[0])))


def normalize_terms(text: str) -> str:
    """Abbreviations spelled out (R&D → 研发, GDP → 地区生产总值, 规上 → 规模以上); a full
    form already written (地区生产总值) is left as it is."""
    for short, full in _abbreviations():
        kept = full.split(short, 1) if short in full else None
        if kept is None:
            text = re.sub(re.escape(short), full, text, flags=re.I)
        else:  # 生产总值 → 地区生产总值, but not inside 地区生产总值
            pattern = (
                rf"(?<!{re.escape(kept[0])}){re.escape(short)}" if kept[0] else re.escape(short)
            )
            pattern += rf"(?!{re.escape(kept[1])})" if kept[1] else ""
            text = re.sub(pattern, full, text, flags=re.I)
    return text


def _bigrams(text: str) -> set[str]:
    """Character bigrams of what names an indicator: no punctuation, and not the words
    that only make it a ratio (占, 的, 比重, 之比), which questions often leave out."""
    text = re.sub(r"[^\w]|比重|比例|占比|之比|占|的", "", text.lower())
    return {text[i : i + 2] for i in range(len(text) - 1)}


#: A glossary definition's sentences (and its clauses that open on 是 or 其中), without
#: the term that opens the entry and the copula that opens a sentence (指…, 是…).
_SENTENCE = re.compile(r"[^。；;]+?(?=[。；;]|[，,](?:是|其中)|$)")
_COPULA = re.compile(r"^[，,]?(?:[^，,。]{0,24}?[:：])?\s*(?:是指|指|即|是)?")
#: A description this short says too little to stand for a row (它的比重).
_MIN_DESCRIBED = 8


def _descriptions(definition: str, term: str) -> list[str]:
    """The sentences of a glossary ``definition`` that describe its term, each long enough
    to stand for it (at least :data:`_MIN_DESCRIBED` bigrams)."""
    text = definition.replace(term, " ", 1) if term else definition
    out = []
    for m in _SENTENCE.finditer(text):
        said = _COPULA.sub("", m.group().strip(), count=1).strip()
        # a sentence that names the term says something of it (决定高新技术产业产值的指标…)
        if len(_bigrams(said)) >= _MIN_DESCRIBED and not (term and term in said):
            out.append(said)
    return out


class IndicatorMatcher:
    """Which targets-table row a question names: by the row's name, by the glossary term
    whose definition describes it, or through English renderings.

    :param rows: the targets-table rows (:func:`ingest.indicators`).
    :param glossary: ``(term, definition)`` pairs of the documents' glossaries, or
        ``(term, definition, doc)``: an entry then names rows of its own document only.
    """

    def __init__(self, rows: list[Indicator], glossary: Iterable[tuple[str, ...]] = ()) -> None:
        self.rows = rows
        self.aliases = {i: [normalize_terms(r.name)] for i, r in enumerate(rows)}
        for term, definition, *doc in glossary:
            described = _bigrams(normalize_terms(term + definition))
            best, share = None, 0.0
            for i, row in enumerate(rows):
                if doc and row.doc != doc[0]:  # another document's glossary
                    continue
                name = _bigrams(normalize_terms(row.name))
                covered = len(name & described) / max(1, len(name))
                if covered > share:
                    best, share = i, covered
            if best is not None and share >= 0.5:
                self.aliases[best].append(normalize_terms(term))
                # a question may name the row by what the glossary says it is (从业人员中
                # 研究人员、技术人员和辅助人员所占比例 is 研发人员占就业人员的比重)
                self.aliases[best] += [normalize_terms(d) for d in _descriptions(definition, term)]

    def match(self, question: str, extra: Iterable[str] = ()) -> tuple[Indicator, float] | None:
        """The row the question names best, with the share of its name covered (≥ 0.6, or
        ≥ 0.5 when no other row comes within 0.25).

        :param extra: more text standing for the question (English renderings).
        """
        asked = _bigrams(normalize_terms(" ".join([question, *extra])))
        scored = []
        for i in range(len(self.rows)):
            for alias in self.aliases[i]:
                name = _bigrams(alias)
                hit = len(name & asked)
                scored.append((hit / max(1, len(name)), hit, i))
        if not scored:
            return None
        scored.sort(reverse=True)
        # of the aliases the question names clearly, the one it says most of: the 30
        # bigrams of a glossary description it quotes, not the five of a name they share
        clear_ones = [s for s in scored if s[0] >= 0.6]
        share, _, i = max(clear_ones, key=lambda s: (s[1], s[0])) if clear_ones else scored[0]
        runner_up = max((sh for sh, _, j in scored if j != i), default=0.0)
        clear = share >= 0.6 or (share >= 0.5 and share - runner_up >= 0.25)
        return (self.rows[i], share) if clear else None
