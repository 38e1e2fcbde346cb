"""The tense of a report's parts: what it reviews (last year) and what it plans.

A government work report of year Y reviews Y−1 (一、2024年工作回顾) and sets out Y's aims
(二、2025年工作安排). A question about last year is not answered by this year's aim, nor
the other way round: number answers read the tense of a clause's headings, and a search
kept to one work report puts the parts of the asked tense before the others.

Example::

    section_tense(hit)                                   # 'past' under 一、2024年工作回顾
    asked_tense("How many urban jobs were created last year?", 2025)   # 'past'
    by_tense(hits, "past", k=3)      # hits: k + DEMOTE of one report's, best first
    strives("力争达到1.8%", figure, None)   # True: a target, whatever part it stands in
"""

from __future__ import annotations

import re
from dataclasses import replace

from kb.documents import DocumentInfo
from kb.numbers import Figure, asking_clause
from kb.search import Hit

__all__ = ["DEMOTE", "asked_tense", "by_tense", "report_tense", "section_tense", "strives"]

#: A clause of a report's review (一、2024年工作回顾, 第一章 “十三五”…回顾) states what was
#: reached; one of its plans (2025年目标任务, 工作安排, 2025年重点工作) or one that strives
#: (力争, 左右) states a target.
_PAST = re.compile(r"回顾|过去|成就|发展基础|总结")
_AHEAD = re.compile(r"目标|任务|安排|要求|部署|展望|关于20\d\d年|20\d\d年(?:重点|主要)?工作")

#: How far a hit of the other tense moves down a search kept to one work report (a
#: search that reorders fetches this many more hits, so one can move up into the first k).
DEMOTE = 4


def section_tense(hit: Hit) -> str | None:
    """``"past"`` for a chunk under a review, ``"ahead"`` for one under a heading of aims,
    else ``None``."""
    headings = " ".join(hit.section)
    if _PAST.search(headings):
        return "past"
    return "ahead" if _AHEAD.search(headings) else None


def asked_tense(question: str, year: int) -> str | None:
    """The tense a question asks of a report of ``year``: ``"past"`` (去年, last year, the
    year before), ``"ahead"`` (今年, this year, a target), or ``None``. A question that
    says both (去年装了7000公里，今年还要再装多少) asks the tense of its asking clause."""
    asking = asking_clause(question)
    return (asking and _tense(asking, year)) or _tense(question, year)


def _tense(question: str, year: int) -> str | None:
    if re.search(rf"去年|上年|过去一年|last year|(?<!\d){year - 1}(?!\d)", question, re.I):
        return "past"
    aims = (
        rf"今年|this year|(?<!\d){year}年?的?(?:目标|预期|打算|计划|将|要|拟|准备)|target|goal"
        r"|\baims?\b|\b(?:is|are) to be\b|\bwill be\b|\bplan(?:s|ned)? to\b"
    )
    return "ahead" if re.search(aims, question, re.I) else None


def report_tense(question: str, docs: list[DocumentInfo]) -> str | None:
    """The tense a question asks of the one work report it is kept to, else ``None``."""
    if len(docs) != 1 or docs[0].kind != "政府工作报告" or not docs[0].year:
        return None
    return asked_tense(question, docs[0].year)


def by_tense(hits: list[Hit], asked: str, k: int) -> list[Hit]:
    """The first ``k`` of ``hits`` (one work report's, ``k + DEMOTE`` of them) once those
    under a part of the other tense than ``asked`` are moved ``DEMOTE`` places down (a
    soft preference: a strong match of the other part can still lead); ranks renumbered."""
    other = {"past": "ahead", "ahead": "past"}[asked]
    moved = sorted(
        enumerate(hits), key=lambda ih: ih[0] + (DEMOTE if section_tense(ih[1]) == other else 0)
    )
    return [replace(h, rank=n) for n, (_, h) in enumerate(moved[:k], 1)]


#: A figure a clause strives for (力争…, …左右) is a target wherever it stands: the words
#: before it, or 左右 right after it — not the 左右 of another figure of the clause
#: (城镇新增就业60万人以上，…稳定在600万人左右 reviews last year).
_STRIVES = re.compile(r"力争|预期|确保")
#: 左右 after a figure, or after the list it begins (分别达到95%和85%左右: both).
_ABOUT = re.compile(r"(?:[和、及与至到~－—-][\d.]+[^\d，,；;。、和及与]{0,4})*左右")


def strives(clause: str, figure: Figure, section: str | None) -> bool:
    """Does the clause strive for ``figure`` (a target)? 左右 alone does not in a review
    (预计全市地区生产总值增长5.2%左右 estimates last year)."""
    if _STRIVES.search(clause[: figure.start]):
        return True
    return section != "past" and bool(_ABOUT.match(clause, figure.end))
