"""Figures a question already states: never its answer.

"What was technology contract turnover in 2020, the starting point for the **1.5%** goal?"
asks for the other value of that row; "how much did the 12th period invest, the baseline
against which the 13th period's **77.81 million yuan** is compared?" asks for the figure
beside 7781万元, not that one. The amounts are compared in base units (77.81 million =
7781万 = 77,810,000); years (2020) are not amounts. A year or an ordinal the question
states (in 2020, the 14th) is not the year or ordinal it asks (:func:`states_itself`); an
amount it gives that a targets row does not state but a passage does points at the
passage (:func:`given_in_prose`).

Example::

    given("the 13th period's 77.81 million yuan")    # (77810000.0,)
    states(given("the 1.5% goal"), Figure("1.5", "%", 0, 4))   # True
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from ingest import Indicator
from kb.numbers import Figure, figures

__all__ = [
    "amount",
    "given",
    "given_earlier",
    "given_in_prose",
    "row_figure",
    "states",
    "states_itself",
]


_SCALE = {"万": 1e4, "亿": 1e8, "thousand": 1e3, "million": 1e6, "billion": 1e9}
#: A number, perhaps with a scale (万, 亿, million), not part of a name (5G, 14th, R2).
_AMOUNT = re.compile(
    r"(?<![A-Za-z0-9.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万|亿|thousand|million|billion)?"
    r"(?![A-Za-z0-9])",
    re.I,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
#: Small counts an English question spells out ("three centres"); not "one" (one of),
#: nor a word of a name (the 13th Five-Year period).
_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_WORD = re.compile(rf"(?<!-)\b({'|'.join(_WORDS)})\b(?!-)", re.I)  # not Five-Year


def given(question: str) -> tuple[float, ...]:
    """The amounts ``question`` states, in base units (years left out; small counts
    spelled out in English too: "the three centres" gives 3)."""
    found = []
    for m in _AMOUNT.finditer(question):
        number, scale = m.group(1).replace(",", ""), (m.group(2) or "").lower()
        if not scale and _YEAR.fullmatch(number):
            continue
        found.append(float(number) * _SCALE.get(scale, 1.0))
    found += [float(_WORDS.index(m.group(1).lower()) + 2) for m in _WORD.finditer(question)]
    return tuple(found)


#: A clause of the question that says its figure was last year's, and one that asks this
#: year's (重庆去年装了7000公里护栏，今年还要再装多少公里).
_LAST_YEAR = re.compile(r"去年|上年|上一年|\blast year\b|\bin 2024\b", re.I)
_THIS_YEAR = re.compile(r"今年|本年|\bthis year\b|\bin 2025\b", re.I)
_QUESTION_CLAUSE = re.compile(r"[，,；;。？?！!]")


def given_earlier(question: str) -> bool:
    """Does the question give its amounts as last year's and ask this year's? Then the
    clause that states them is last year's record, not the one it points at."""
    clauses = [(c, bool(given(c))) for c in _QUESTION_CLAUSE.split(question)]
    with_amounts = [c for c, amounts in clauses if amounts]
    return (
        bool(with_amounts)
        and all(_LAST_YEAR.search(c) for c in with_amounts)
        and any(_THIS_YEAR.search(c) for c, amounts in clauses if not amounts)
    )


def amount(figure: Figure) -> float:
    """A figure's value in base units (7781万元 → 77,810,000)."""
    return figure.value * next((v for k, v in _SCALE.items() if figure.unit.startswith(k)), 1.0)


def states(amounts: tuple[float, ...], figure: Figure | float) -> bool:
    """Is ``figure`` (or a value in base units, a table row's) one of the amounts a
    question states?"""
    value = amount(figure) if isinstance(figure, Figure) else float(figure)
    return any(math.isclose(value, a, rel_tol=1e-9) for a in amounts)


def states_itself(question: str, clause: str, figure: Figure) -> bool:
    """Does the question state the year or the ordinal ``figure`` is (2020年, "in 2020";
    第十四个五年, "the 14th Five-Year period")? Then it is given, not asked. (The 十九届 of
    十九届五中全会 may be given: the session is asked; an ordinal written as the question
    writes it, 第二个 of 向第二个百年奋斗目标进军, is given.)"""
    if figure.unit == "年":
        return re.search(rf"(?<!\d){figure.number}(?!\d)", question) is not None
    written = clause[figure.start : figure.end]
    if not figure.unit and written.startswith("第"):  # 向第二个百年奋斗目标进军的第几个五年
        english = re.search(rf"(?<!\d){figure.number}(?:st|nd|rd|th)\b", question)
        return english is not None or written in question
    return False


def given_in_prose(question: str, row: Indicator, passages: Iterable[str]) -> bool:
    """Does the question give an amount the row does not state but one of the relevant
    ``passages`` does ("Of the 96 carriers, how many were provincial platforms?": a
    breakdown of the prose's 共有96个, not the row 省级及以上创新创业平台)?"""
    stated = given(question)
    if not stated or any(
        states(stated, row_figure(row, v)) for v in (row.value_2020, row.target_2025)
    ):
        return False
    return any(states(stated, f) for text in passages for f in figures(text))


def row_figure(row: Indicator, value: float | str) -> Figure:
    """A value of a targets-table row as a figure in the row's unit (400 亿元), so that
    :func:`kb.given.states` compares it with a question's amounts in base units."""
    return Figure(str(value), row.unit, 0, 0)
