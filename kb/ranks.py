"""Ranks: what a question asks when it asks 排第几 / "where did it rank", and the ranks a
document states (总量排全省第五, 增速位居全国第1).

A rank is no quantity: :func:`kb.numbers.figures` leaves 第五 out (it is also 第五章's).
A question that asks for a rank is answered by a rank, and by nothing else.

Example::

    asks_rank("研发经费投入总量在全省排第几？")   # True
    [r.number for r in ranks("总量排全省第五，占比排全省第四")]   # ["5", "4"]
"""

from __future__ import annotations

import re

from ingest.lines import CHINESE_DIGITS, cn_number
from kb.numbers import Figure

__all__ = ["asks_rank", "ranks"]

_ASKS = re.compile(
    r"第几|排名|名次|位次|排在|\brank(?:ed|s|ing)?\b|\bwhat place\b|\bin which place\b", re.I
)
#: 第五 after a word of ranking within a few characters (排全省第五, 位居全国第1) or right
#: after the field it ranks in (保持全国第4位, 全国第4的地位), and not a count of parts
#: (第五章, 第三批, 第二个).
_RANK = re.compile(
    rf"(?:(?:排名?|居|位列|位居|名列|列)[^，。；,;]{{0,6}}?|(?:全国|全省|全市|全区|全球|世界)"
    rf")第([{CHINESE_DIGITS}]{{1,3}}|\d{{1,3}})(?![章节条次批个届款项期年部阶])(?:位|名)?"
)


#: An English question that states the rank it is about ("ranked fifth in the province").
_STATED = re.compile(
    r"\brank(?:ed|s)?\s+(?:no\.?\s*)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|top|\d+(?:st|nd|rd|th)?)\b",
    re.I,
)


def asks_rank(question: str) -> bool:
    """Does the question ask where something ranks (排第几, 名次, rank)? Not when it states
    the rank itself (总量排在全省第五位，这个总量是多少: the amount is asked)."""
    if ranks(question) or _STATED.search(question):
        return False
    return bool(_ASKS.search(question))


def ranks(text: str) -> list[Figure]:
    """The ranks ``text`` states: each a :class:`~kb.numbers.Figure` whose number is the
    place (``"5"`` for 第五) and whose span is the ordinal as written (第五)."""
    found = []
    for m in _RANK.finditer(text):
        start = m.start(1) - 1  # the 第
        found.append(Figure(str(cn_number(m.group(1))), "", start, m.end()))
    return found
