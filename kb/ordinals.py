"""Ordinals and sessions a question asks for in words: 第几个五年 → 第一个五年, “一对几” →
一对一, 哪一次会议 → 七届十二次, "which plenary session" → 十九届五中全会.

Like a rank (:mod:`kb.ranks`), such a figure is no quantity, and :func:`kb.numbers.figures`
leaves it out (第一, 七届 are not amounts). A question that asks for one is answered by
one, and by nothing else. Two kinds:

- a **template**: the question writes the phrase with 几 in the numeral's place, after 第
  (第几个五年) or in quotation marks (“一对几”); the text's phrase with a numeral there
  answers (the words after 几 shortened, down to one, until one is found);
- a **session** of a congress or a committee (届 and 次, or 中全会): 七届十二次, 十九届五中全会.

Example::

    asked = asked_ordinal("向第二个百年奋斗目标进军的第几个五年？")
    [o.number for o in ordinals("进军的第一个五年", asked)]   # ['1']
    [o.number for o in ordinals("市委七届十二次会议提出", asked_ordinal("哪一次会议提出的？"))]
    # ['7']
"""

from __future__ import annotations

import re

from ingest.lines import CHINESE_NUMERAL, cn_number
from kb.numbers import Figure

__all__ = ["asked_ordinal", "ordinals"]

_NUMERAL = CHINESE_NUMERAL
_SESSION = re.compile(rf"({_NUMERAL})届(?:{_NUMERAL}次|{_NUMERAL}中全会)")
_ASKS_SESSION = re.compile(
    r"哪一?次(?:会议|全会|全体会议)|哪一?届|第几次(?:会议|全会)|几届几次"
    r"|\bwhich (?:plenary )?(?:session|plenum)\b|\bwhat (?:plenary )?session\b",
    re.I,
)
#: 第几个五年, 第几批; “一对几”: the words around 几 (never 排第几 or 第几名: a rank).
_AFTER_DI = re.compile(r"第几([\u4e00-\u9fff]{1,3})")
_QUOTED = re.compile(r"[“\"‘']([\u4e00-\u9fff]{0,3})几([\u4e00-\u9fff]{0,3})[”\"’']")
#: An English question's "which batch", "which five-year period": 第几批, 第几个五年.
_WHICH = re.compile(
    r"\b(?:which|what)\s+(?:(five-year (?:period|plan))|(batch)|(round)|(phase))\b",
    re.I,
)
_WHICH_AFTER = ("个五年", "批", "轮", "期")
_RANKED = re.compile(r"排|名次|位次|位居|位列|居全|第几[名位]|\brank", re.I)


def asked_ordinal(question: str) -> list[re.Pattern[str]] | None:
    """The phrases that would answer the question, most specific first, as patterns
    whose first group is the numeral; ``None`` when it asks no ordinal or session."""
    if _ASKS_SESSION.search(question):
        return [_SESSION]
    if _RANKED.search(question):
        return None
    if found := _AFTER_DI.search(question):
        before, after = "第", found.group(1)
    elif found := _WHICH.search(question):
        before, after = "第", _WHICH_AFTER[found.lastindex - 1]
    elif found := _QUOTED.search(question):
        before, after = found.group(1), found.group(2)
    else:
        return None
    if not before and not after:
        return None
    shortest = 1 if after else 0
    return [
        re.compile(rf"{re.escape(before)}({_NUMERAL}){re.escape(after[:n])}")
        for n in range(len(after), shortest - 1, -1)
        if before != "第" or n  # 第 alone is any ordinal (第五章)
    ]


def ordinals(text: str, asked: list[re.Pattern[str]]) -> list[Figure]:
    """The phrases of ``text`` that answer (the most specific pattern found): each a
    :class:`~kb.numbers.Figure` whose number is its first numeral's value and whose span
    is the phrase as written (第一个五年, 七届十二次)."""
    for pattern in asked:
        found = [
            Figure(str(cn_number(m.group(1))), "", m.start(), m.end())
            for m in pattern.finditer(text)
        ]
        if found:
            return found
    return []
