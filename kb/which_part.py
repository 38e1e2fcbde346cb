"""Which chapter a question's topic is in: "Which chapter lays out the safeguard
measures?", 规划第几章讲重点产业技术攻关？ — answered by the top-level heading above the
passages that answer, not by a figure (no clause says 第七章; the tree does).

Example::

    asks_part("Which chapter covers the safeguard measures?")   # True
    part_of(hits, covers).lead   # '**第七章**（第七章 保障措施）'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kb.answer_numbers import NumberFound
from kb.search import Hit

__all__ = ["asks_part", "part_of"]

_ASKS = re.compile(
    r"第几章|哪一?章|哪个章节|哪一?部分|\b(?:which|what) (?:chapter|part)\b",
    re.I,
)
_CHAPTER = re.compile(r"第[一二三四五六七八九十百]+章")


def asks_part(question: str) -> bool:
    """Does the question ask which chapter (part) of a document says something?"""
    return bool(_ASKS.search(question))


def part_of(hits: list[Hit], cover: Callable[[str], float], top: int = 10) -> NumberFound | None:
    """The chapter of the passages that answer: of the first ``top`` hits, the one whose
    headings ``cover`` best (its chapter's heading counting double; the first such in
    rank order, the first hit when no heading says any of the question) — 第七章 of
    第七章 保障措施, or the whole heading when it has no 第…章 — quoting the passage's
    first sentence. ``None`` when no hit sits under a heading."""
    placed = [h for h in hits[:top] if h.section]
    if not placed:
        return None
    # the chapter's own heading weighs most, the headings below it half: the first of ties
    hit = max(placed, key=lambda h: cover(h.section[0]) + cover(" ".join(h.section[1:])) / 2)
    heading = hit.section[0]
    numbered = _CHAPTER.match(heading)
    value = numbered.group() if numbered else heading
    lead = f"**{value}**（{heading}）" if numbered else f"**{value}**"
    end = next((m.end() for m in re.finditer("[。；]", hit.text)), len(hit.text))
    return NumberFound(value, lead, [(hit, 0, min(end, 120))], worded=True)
