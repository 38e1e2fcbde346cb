"""Cutting a chunk's text into clauses (at 。；！？) and phrases (at ，、) with offsets.

Example::

    spans("甲。乙；丙", CLAUSE)            # [(0, 2), (2, 4), (4, 5)]
    merge([(0, 2), (3, 5)], "甲乙，丙丁")  # [(0, 5)]: only punctuation between them
"""

from __future__ import annotations

import re

from ingest.chunk import trim_span

__all__ = ["CLAUSE", "NUMBER", "PHRASE", "bigrams", "merge", "readable", "spans", "trim"]

CLAUSE = re.compile(r"[^。；！？]*[。；！？]+[”’）)]*|[^。；！？]+$")
PHRASE = re.compile(r"[^，、,]*[，、,]|[^，、,]+$")
NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|亿元|万元|元|个|家|人次|人|项|件|组|倍|万人)?")


def spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text) if m.group().strip()]


def merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join spans separated only by punctuation or nothing."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and not text[merged[-1][1] : s].strip("，、,；; "):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def readable(text: str) -> str:
    """A clause for Markdown: a table row's cells (one per line) joined with " | "."""
    return " | ".join(p.strip() for p in text.split("\n") if p.strip())


def bigrams(text: str) -> set[str]:
    text = re.sub(r"\W", "", text.lower())
    return {text[i : i + 2] for i in range(len(text) - 1)}


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Narrow ``[s, e)`` past leading and trailing spaces and list punctuation."""
    return trim_span(text, s, e, lead=" \t\n，、,；;", tail=" \t\n，、,")
