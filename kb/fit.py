"""Project fit: does the plan support a project, which items match, which measures apply.

An enterprise describes its project in a sentence or a page. The description is cut
into clauses (at 。；，and line breaks; nothing is dropped: every clause is searched, and
a clause longer than ``piece_chars`` in pieces), each clause's focus
words are matched against the plan's priority items (chunks under an industry heading,
or numbered items), and the best-covered items are quoted with their address. The
verdict follows the best coverage:

- ``fit``: an item covers at least ``fit_coverage`` of a sentence's focus (the plan
  names this kind of work);
- ``partial``: something covers at least ``partial_coverage`` (a related priority area,
  not named as such);
- ``no_fit``: nothing does.

Support measures (``kb/data/measures.tsv``: R&D super-deduction, 后补助, 科技银行 …) are
found in the plan's own measure sections and listed, cited, unless the verdict is
``no_fit``.

Example::

    report = FitChecker(kb).check("我们计划研发煤矿井下巡检机器人")
    report.verdict, report.matches[0].text
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from kb.answer import Answerer
from kb.errors import BadQuery
from kb.search import Hit
from kb.tokenize import clean_query, is_english

__all__ = ["FitChecker", "FitMatch", "FitReport", "FitSettings"]

_SENTENCE = re.compile(r"[^。！？!?；;，,\n]+[。！？!?；;，,]?")


@cache
def _measure_topics() -> tuple[tuple[str, str], ...]:
    text = resources.files("kb").joinpath("data", "measures.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple((label, words) for label, words in rows)


@dataclass(frozen=True)
class FitSettings:
    """Verdict thresholds (calibrated on ``dev_fit.jsonl``; see README).

    :param fit_coverage: an item covering this share of a sentence's focus is a fit.
    :param partial_coverage: below it, nothing in the plan relates.
    :param max_chars: longer descriptions are refused with a clear error.
    :param piece_chars: sentences longer than this are searched in pieces of this size.
    """

    fit_coverage: float = 0.6
    partial_coverage: float = 0.5
    max_matches: int = 8
    max_chars: int = 20_000
    piece_chars: int = 200


@dataclass(frozen=True)
class FitMatch:
    """A plan item or measure matching the project: the plan's exact words and address."""

    id: str
    doc: str
    section: list[str]
    text: str
    score: float
    start: int
    end: int
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """``id, doc, section, text, score, start, end`` (and ``label`` for a measure)."""
        out = dict(self.__dict__)
        if out["label"] is None:
            del out["label"]
        return out


@dataclass(frozen=True)
class FitReport:
    """The verdict, why, the matching items and the applicable measures."""

    text: str
    verdict: str
    reason: str
    score: float
    matches: list[FitMatch] = field(default_factory=list)
    measures: list[FitMatch] = field(default_factory=list)
    sentences: int = 0

    def to_markdown(self) -> str:
        """The report as Markdown, for download: verdict, reason, matches, measures."""
        lines = [
            f"# 项目匹配报告 Project fit: {self.verdict}",
            "",
            f"> {self.text[:500]}",
            "",
            self.reason,
            "",
        ]
        for title, rows in (
            ("匹配的规划条目 Matching items", self.matches),
            ("适用的支持措施 Support measures", self.measures),
        ):
            if rows:
                lines += [f"## {title}", ""]
                for m in rows:
                    label = f"**{m.label}** " if m.label else ""
                    lines.append(f"- {label}“{m.text}”  \n  {' › '.join(m.section)} ({m.id})")
                lines.append("")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "verdict": self.verdict,
            "reason": self.reason,
            "score": self.score,
            "matches": [m.to_dict() for m in self.matches],
            "measures": [m.to_dict() for m in self.measures],
        }


class FitChecker:
    """Checks project descriptions against one knowledge base.

    :param kb: a loaded :class:`~kb.knowledge_base.KnowledgeBase`.
    """

    def __init__(self, kb: Any, settings: FitSettings | None = None) -> None:
        self.kb = kb
        self.settings = settings or FitSettings()
        self.answerer = Answerer(kb)
        self.coverage = self.answerer.coverage
        priority = {c.id for c in kb.chunks if _is_priority(c.meta)}
        self.priority = priority or {c.id for c in kb.chunks}

    def _pieces(self, text: str) -> list[str]:
        size = self.settings.piece_chars
        pieces = []
        for m in _SENTENCE.finditer(text):
            sentence = m.group().strip()
            pieces += [sentence[i : i + size] for i in range(0, len(sentence), size)]
        return [p for p in pieces if re.search(r"\w", p)]

    def _match(self, hit: Hit, focus: list, score: float) -> FitMatch:
        spans = self.answerer._keep(hit, focus)
        s, e = spans[0] if spans else (0, len(hit.text))
        s, e = self.answerer._trim(hit.text, s, e)
        return FitMatch(
            hit.id,
            hit.doc,
            hit.section,
            hit.text[s:e],
            round(score, 3),
            hit.start + s,
            hit.start + e,
        )

    def check(self, text: str) -> FitReport:
        """Judge one project description.

        :raises BadQuery: empty, or longer than ``max_chars`` (the message says the limit).
        """
        text = "\n".join(clean_query(line) for line in text.splitlines()).strip()
        if not text or not re.search(r"\w", text):
            raise BadQuery(
                "the project description is empty; describe the project in a sentence or more."
            )
        if len(text) > self.settings.max_chars:
            raise BadQuery(
                f"the description is {len(text):,} characters; the limit is "
                f"{self.settings.max_chars:,}. Split it into parts and check each."
            )
        pieces = self._pieces(text)
        best: dict[str, tuple[float, Hit, list]] = {}
        for piece in dict.fromkeys(pieces):  # a repeated clause is searched once
            focus = self.coverage.focus(piece)
            if not focus:
                continue
            for hit in self.kb.search(clean_query(piece), k=10):
                if hit.id not in self.priority:
                    continue
                score = self.coverage.score(focus, self.answerer._context(hit))
                if hit.id not in best or score > best[hit.id][0]:
                    best[hit.id] = (score, hit, focus)
        ranked = sorted(best.values(), key=lambda t: -t[0])
        top = ranked[0][0] if ranked else 0.0
        st = self.settings
        matches = [self._match(h, f, s) for s, h, f in ranked if s >= st.partial_coverage][
            : st.max_matches
        ]
        verdict = (
            "fit"
            if top >= st.fit_coverage
            else "partial"
            if top >= st.partial_coverage
            else "no_fit"
        )
        measures = self._measures() if verdict != "no_fit" else []
        return FitReport(
            text,
            verdict,
            self._reason(verdict, matches, text),
            round(top, 3),
            matches,
            measures,
            len(pieces),
        )

    def _measures(self) -> list[FitMatch]:
        found: list[FitMatch] = []
        for label, words in _measure_topics():
            focus = self.coverage.focus(words)
            for hit in self.kb.search(words, k=5):
                past = any("回顾" in h for h in hit.section)
                if hit.id in self.priority or past or hit.kind == "term":
                    continue  # measures live outside industry boxes, the review and the glossary
                score = self.coverage.score(focus, self.answerer._context(hit))
                if score >= self.settings.partial_coverage and all(m.id != hit.id for m in found):
                    m = self._match(hit, focus, score)
                    found.append(
                        FitMatch(m.id, m.doc, m.section, m.text, m.score, m.start, m.end, label)
                    )
                    break
        return found

    @staticmethod
    def _reason(verdict: str, matches: list[FitMatch], text: str) -> str:
        english = is_english(text)
        if verdict == "no_fit":
            return (
                "Nothing in the plan supports this project: no priority item or measure covers it."
                if english
                else "规划中没有支持这类项目的内容：没有任何重点任务或措施涉及它。"
            )
        where = " › ".join(matches[0].section[-2:]) if matches else ""
        if verdict == "fit":
            return (
                f"The plan names this kind of work under {where}: “{matches[0].text}”."
                if english
                else f"规划明确列出了这类工作（{where}）：“{matches[0].text}”。"
            )
        return (
            f"Related to a priority area of the plan ({where}), but the project is not named there."
            if english
            else f"与规划的重点领域相关（{where}），但规划没有直接点名这类项目。"
        )


def _is_priority(meta: dict) -> bool:
    """A plan item: under an industry heading, or a numbered item or sub-item."""
    return bool(meta.get("industry")) or meta.get("kind") in ("item", "subitem")
