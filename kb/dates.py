"""Dates: what a question asks when it asks 哪一天 / 哪一年 / "on what date", and the
dates a document states (2022年4月14日, 2019年9月, 二〇三五年).

A date is no quantity: :func:`kb.numbers.figures` leaves years and dates out (2015年 is
when, not how much). A question that asks when is answered by a date, and by nothing
else; the more precisely it asks (a day, a month), the more a date that says it gains.

Example::

    asks_date("落款是哪一天？")                          # 'day'
    [d.text for d in dates("2019年9月，五部委批准")]       # ['2019年9月']
    [d.number for d in dates("到二〇三五年基本实现")]      # ['2035']
"""

from __future__ import annotations

import re

from kb.numbers import Figure

__all__ = ["asks_date", "dates", "precision"]

#: How precisely a question asks when: a day, a month, or a year.
_ASKS = (
    (
        "day",
        re.compile(
            r"哪一?天|几月几[日号]|哪月哪[日号]|日期|落款|\bwhat date\b|\bwhich date\b"
            r"|\bwhat day\b|\bon what day\b",
            re.I,
        ),
    ),
    ("month", re.compile(r"哪一?个?月|几月|\b(?:in )?which month\b|\bmonth and year\b", re.I)),
    (
        "year",
        re.compile(
            r"哪一?年|什么时候|何时|\b(?:which|what)(?: [a-z]+)? year\b(?!-)"
            r"|\bby when\b|\bwhen (?:was|were|did|is|will|does|do)\b",
            re.I,
        ),
    ),
)
_ZH_DIGIT = "〇零一二三四五六七八九"  # 〇 and 零 both read 0: a digit is its index - 1
_ZH_SMALL = "一二三四五六七八九十"
#: 2022年4月14日, 2019年9月, 2035年; 二〇三五年, 二〇一八年一月二日.
_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?"
    rf"|([{_ZH_DIGIT}]{{4}})年(?:([{_ZH_SMALL}]{{1,2}})月(?:([{_ZH_SMALL}]{{1,3}})日)?)?"
)


def asks_date(question: str) -> str | None:
    """How precisely the question asks when: ``"day"``, ``"month"``, ``"year"``, or
    ``None`` when it asks no date."""
    for kind, pattern in _ASKS:
        if pattern.search(question):
            return kind
    return None


_PRECISION = {"year": 0, "month": 1, "day": 2}


def dates(text: str, asked: str = "year") -> list[Figure]:
    """The dates ``text`` states at least as precisely as ``asked`` (a day answers 哪一天,
    a bare year does not): each a :class:`~kb.numbers.Figure` whose number is its year
    (``"2035"`` for 二〇三五年), whose unit the rest as written (``年4月14日``), and whose
    span is the date as written."""
    found = []
    for m in _DATE.finditer(text):
        year = m.group(1) or "".join(str(max(0, _ZH_DIGIT.index(c) - 1)) for c in m.group(4))
        figure = Figure(year, m.group()[4:], m.start(), m.end())
        if _PRECISION[precision(figure)] >= _PRECISION[asked]:
            found.append(figure)
    return found


def precision(figure: Figure) -> str:
    """What a date says: ``"day"``, ``"month"`` or ``"year"``."""
    if figure.unit.endswith(("日", "号")):
        return "day"
    return "month" if figure.unit.endswith("月") else "year"
