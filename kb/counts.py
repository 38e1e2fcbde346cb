"""Counts written in Chinese numerals: 五部委, 牢牢守好两条底线, 七大产业板块, 四位一体,
注册一年以上 — and the questions that ask for one (几条底线, 几大产业板块, 多长时间, how many).

A plan states its small counts in words, not digits, so :func:`kb.numbers.figures` never
sees them (it reads digits, and it must: 一 is also the article of 一批 and 一是). Such a
count is read only where a question asks for one, and, when the question names its
counter (几条, 几大, 几宝), only with that counter.

Example::

    asked_counter("牢牢守好几条底线？")                    # '条'
    [c.number for c in counts("守好发展和生态两条底线", "条")]   # ['2']
    [c.number for c in counts("五部委批准六盘水市建设示范区")]    # ['5']
"""

from __future__ import annotations

import re

from ingest.lines import CHINESE_DIGITS, CHINESE_NUMERAL, cn_number
from kb.numbers import Figure

__all__ = ["asked_counter", "counts"]

#: 几 and the counter after it (几条, 几大, 几部委); not 几乎 (almost) or 几何 (geometry).
_ASKED = re.compile(r"几(?![乎何经])([\u4e00-\u9fff])")
#: A duration asked (多长时间, 多久, how long): answered by 一年, 三个月.
_HOW_LONG = re.compile(r"多长时间|多久|多少年|\bhow long\b", re.I)
_HOW_MANY = re.compile(r"\bhow many\b", re.I)
_DURATION = "年|个月|月|周|天|日"
#: Counters a count in words stands before when the question does not name one
#: (an English "how many"): parts, kinds, bodies and things of a plan.
_COUNTERS = (
    "位一体|部委|部门|大|个|项|条|类|种|批|家|所|座|支|方面|方|区|带|园|网|化|基地|中心|平台|体系|"
    "机制|行动|工程|计划|宝|件|张|套|级"
)
_NUMERAL = CHINESE_NUMERAL
#: A counter a plan writes without 个 said after 几个 (几个部委 → 五部委, 三部门): the
#: counter asked (others keep 个: 三个方面).
_NAMED_AFTER_GE = re.compile(r"(部委|部门)")
#: Not an ordinal (第五), a period's name (十四五, 十三五), a congress (党的十九大), or part
#: of a longer numeral.
_BEFORE_NOT = re.compile(rf"(?:第|党的|[{CHINESE_DIGITS}]|\d)$")


def asked_counter(question: str) -> str | None:
    """The counter a question asks with: 条 of 几条, 大 of 几大, 部委 of 几个部委, 年 of
    多长时间 (any of the durations), ``""`` for an English "how many", else ``None``; of
    several 几, the last (几方统起来，叫几位一体 asks 位)."""
    asked = list(_ASKED.finditer(question))  # 几方统起来，叫几位一体: the last one asked
    if asked:
        found = asked[-1]
        named = _NAMED_AFTER_GE.match(question, found.end())
        return named.group(1) if found.group(1) == "个" and named else found.group(1)
    if _HOW_LONG.search(question):
        return _DURATION
    return "" if _HOW_MANY.search(question) else None


def counts(text: str, counter: str | None = None) -> list[Figure]:
    """The counts ``text`` states in Chinese numerals: each a :class:`~kb.numbers.Figure`
    whose number is the count (``"2"`` for 两条), whose unit is its counter, and whose
    span is the count as written (两条, 四位一体).

    :param counter: the counter asked (:func:`asked_counter`); ``None`` or ``""`` reads
        the common counters of a plan. A bare 一 counts only a duration (一年以上): it is
        the article of 一批, 一个, 一条龙.
    """
    if counter == _DURATION or not counter:
        allowed = counter or _COUNTERS
    else:  # 几部委 → 部委, 部门 or 部; 几位一体 → 位一体
        longer = [c for c in _COUNTERS.split("|") if c.startswith(counter) and c != counter]
        allowed = "|".join([*longer, re.escape(counter)])
    found = []
    for m in re.finditer(rf"({_NUMERAL})({allowed})", text):
        numeral, unit = m.group(1), m.group(2)
        if _BEFORE_NOT.search(text[: m.start()]) or numeral in ("十四五", "十三五", "十二五"):
            continue
        if numeral in ("零", "〇", "百") or (numeral == "一" and not re.fullmatch(_DURATION, unit)):
            continue  # 零部件, 百年大计; 一 counts only a duration
        if re.fullmatch(f"[{CHINESE_DIGITS}]+", unit):
            continue  # 十四五: a period's name, read greedily
        found.append(Figure(str(cn_number(numeral)), unit, m.start(), m.end()))
    return found
