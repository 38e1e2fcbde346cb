"""A figure's place in a list of its text: the lead a 一是…二是… list opens with, said of
each of its items, the member a question asks for once it sets the others aside, and the
member it asks for by its rank (数量最多的一类, the second largest kind).

Number answers (:mod:`kb.answer_numbers`) read each clause with its list's lead
(今年再办好15件民生实事。…三是配置自动体外除颤器1000台: the AED figure is a 民生实事), and,
for 除去A、B和C，剩下的那一类有几家, take the list's member none of A, B, C names.

Example::

    list_lead("今年再办好15件民生实事。一是新建改造50个社区养老工程")   # '今年再办好15件民生实事'
    listed("三是配置自动体外除颤器1000台")                              # True
"""

from __future__ import annotations

import re
from collections.abc import Callable

from haystack import Document

from kb.numbers import IN_BRACKETS, Figure, figures
from kb.search import Hit

__all__ = [
    "breakdown_lead",
    "left_member",
    "list_lead",
    "listed",
    "paragraph_of",
    "rank_aside",
    "rank_member",
    "ranked",
]

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


#: A question that asks for a kind of a breakdown by its rank: the largest (数量最多的一类,
#: which kind was the most numerous) or the second (排第二的是哪一类).
_KIND = re.compile(
    r"哪一?[类级]|一类|哪一?种|\b(?:which|what) (?:kind|type|category|sort|level)\b|most numerous",
    re.I,
)
_SECOND = re.compile(
    r"排名?第二|第二(?:多|大|高)|次多|次大|\bsecond[- ](?:largest|most|biggest|highest)\b"
    r"|\b(?:ranks?|ranked|came|comes) second\b",
    re.I,
)
_FIRST = re.compile(r"最多|最大|最高|\b(?:the most|most numerous|largest|biggest|highest)\b", re.I)
#: What the member of the rank asked gains, and what the others of its list lose.
_RANKED, _UNRANKED = 0.6, -0.3


def ranked(question: str) -> int | None:
    """The rank a question asks of a breakdown's kinds: 0 for the largest, 1 for the
    second; ``None`` when it asks for no kind by rank."""
    if not _KIND.search(question):
        return None
    if _SECOND.search(question):
        return 1
    return 0 if _FIRST.search(question) else None


#: The words that ask a rank (数量最多的, 排第二的): how the kind is asked, not what of.
_RANK_WORDS = re.compile(r"(?:数量)?(?:最多|最大|最高|排名?第二|第二多|次多)(?:的)?")


def rank_aside(question: str) -> str:
    """``question`` without the words that ask a kind by its rank, when it asks one
    (数量最多的一类有几个 → 一类有几个): they frame it, a clause need not say them."""
    return _RANK_WORDS.sub(" ", question) if ranked(question) is not None else question


def rank_member(clause: str, figure: Figure, rank: int, words: list[str]) -> float:
    """``_RANKED`` for the figure of the rank asked among the clause's figures of its unit
    (a list of three or more: 国家级农业科技园区1个，…星创天地5个 → 5个 is the largest;
    not the whole it breaks down, 共有96个（含…）, nor a note in brackets), ``_UNRANKED``
    for the others; 0 for a clause that lists fewer.

    :param words: the question's words. A clause where one label says some of them that
        no other label says lists the asked thing beside its siblings, not its kinds (市级
        asked: 国家级7个，省级28个，市级61个 are levels, not the 市级 kinds).
    """

    def label(f: Figure) -> str:
        return re.split(r"[，,、；;：:（(）)]", clause[: f.start])[-1]

    same = [  # not a note in brackets on the whole: （含省级企业技术创新平台9个）
        f
        for f in figures(clause)
        if f.unit == figure.unit
        and not _WHOLE_OF_LIST.match(clause, f.end)
        and not IN_BRACKETS.search(clause[: f.start])
    ]
    if figure not in same:
        return _UNRANKED  # the whole itself
    for one in same:
        own = [w for w in words if w in label(one)]
        if own and not any(all(w in label(f) for w in own) for f in same if f != one):
            return _UNRANKED
    members = [f.value for f in same]
    values = sorted(set(members), reverse=True)
    if len(members) < 3 or rank >= len(values):
        return 0.0
    return _RANKED if figure.value == values[rank] else _UNRANKED


#: A sentence a 其中：… breakdown divides into kinds (共有96个，…。其中：国家级…1个；省级…).
_BREAKDOWN = re.compile(r"([^。；;！!？?\n]{2,120})[。，,；;]\s*其中[：:]([^。]*)")


def breakdown_lead(text: str, at: int) -> str:
    """The sentence a 其中：… breakdown of ``text`` divides, for a clause of the breakdown
    that starts at ``at`` (its kinds are kinds of that whole); else ``""``."""
    for found in _BREAKDOWN.finditer(text):
        if found.start(2) - 3 <= at <= found.end(2):
            return found.group(1)
    return ""


def paragraph_of(hit: Hit, chunk: Callable[[str], Document]) -> tuple[str, int]:
    """The text of the paragraph ``hit`` is cut from — its chunks (``…para1.c1``,
    ``…para1.c2`` …) joined by their offsets, since a breakdown's lead may lie in the chunk
    before — and where ``hit`` starts in it; the hit alone when its id names no piece.

    :param chunk: the chunk of an id (:meth:`kb.KnowledgeBase.chunk`; raises ``KeyError``).
    """
    head, cut_at, number = hit.id.rpartition(".c")
    pieces = []
    for n in range(1, _MOST_PIECES) if cut_at and number.isdigit() else ():
        try:
            piece = chunk(f"{head}.c{n}")
        except KeyError:
            break
        pieces.append((piece.meta["start"], piece.content or ""))
    cut = sorted(pieces) or [(hit.start, hit.text)]
    text, end = "", cut[0][0]
    for start, content in cut:
        text += content[max(0, end - start) :]
        end = max(end, start + len(content))
    return text, hit.start - cut[0][0]


#: The most chunks one paragraph is read in.
_MOST_PIECES = 200
