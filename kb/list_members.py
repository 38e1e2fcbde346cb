"""A figure's place in a list of its text: the lead a 一是…二是… list opens with, said of
each of its items, and the member a question asks for once it sets the others aside.

Number answers (:mod:`kb.answer_numbers`) read each clause with its list's lead
(今年再办好15件民生实事。…三是配置自动体外除颤器1000台: the AED figure is a 民生实事), and,
for 除去A、B和C，剩下的那一类有几家, take the list's member none of A, B, C names.

Example::

    list_lead("今年再办好15件民生实事。一是新建改造50个社区养老工程")   # '今年再办好15件民生实事'
    listed("三是配置自动体外除颤器1000台")                              # True
"""

from __future__ import annotations

import re

from kb.numbers import Figure

__all__ = ["left_member", "list_lead", "listed"]

#: The sentence that opens a list of 一是…二是… (今年再办好15件民生实事。一是…), and a
#: clause of that list: the lead is said of each of its clauses.
_LEAD = re.compile(r"([^。；;！!？?\n]{2,60})[。：:]\s*一是")
_LISTED = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}是|其[一二三四五六七八九十])")


def left_member(clause: str, figure: Figure, aside: tuple[str, ...]) -> float:
    """-1 for a figure whose own label names a member set aside, or for the whole the
    list breaks down (24家，包括…); ``_LEFT`` for one of a list that names them (the
    member left); 0 elsewhere."""
    label = re.split(r"[，,、；;：:（(]", clause[: figure.start])[-1]
    if any(a in label for a in aside) or _WHOLE_OF_LIST.match(clause, figure.end):
        return -1.0
    return _LEFT if any(a in clause for a in aside) else 0.0


#: What the member left of a list a question sets aside gains.
_LEFT = 0.5
#: Said right after a figure, it makes the figure the whole of the list that follows.
_WHOLE_OF_LIST = re.compile(r"\s*[，,（(：:]?\s*(?:包括|其中|含)")


def list_lead(text: str) -> str:
    """The sentence before a text's 一是, if it has one (the lead of its list)."""
    found = _LEAD.search(text)
    return found.group(1) if found else ""


def listed(clause: str) -> bool:
    """Is the clause an item of a 一是…二是… list (三是…, 其二…)?"""
    return bool(_LISTED.match(clause))
