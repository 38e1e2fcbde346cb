"""Measuring PolicyKB on labelled sets: queries, project fit, numbers, named documents.

A set is JSON Lines; its kind follows from its fields:

- **queries** (``q``, ``lang``, ``anchors``): a result covers an anchor when the anchor,
  whitespace removed, is inside its text. recall@10 (share of anchors in the top 10),
  MRR@10 (reciprocal rank of the first result covering any anchor), recall@300ch (share
  of anchors a reader meets in the first 300 characters of the results read in order).
- **fit** (``text``, ``expect``, ``anchors``): right when the verdict is ``expect`` and
  every anchor is inside one of the first five matches. Given the chunks' texts, it also
  says how often every anchor is inside the whole item (chunk) of one of those matches
  (``in item``): a diagnostic for anchors that straddle the clause a match quotes.
- **numbers** (``q``, ``value``): right when the answer leads with that figure (a value
  may carry its unit, ``25%``; the number is compared).
- **documents** (``q``, ``doc``, ``anchors``): right when a result among the first three
  comes from ``doc`` (and holds an anchor, when anchors are given); the search is not
  told the document: the question names it.

Example::

    kind, rows = load_set("../shared/eval/dev_fit.jsonl")        # ("fit", [...])
    report = evaluate_fit(rows, kb.fit)
    report["overall"]["right"]
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ingest.lines import CHINESE_DIGITS, numeral_in
from kb.dates import dates
from kb.errors import BadQuery
from kb.inputs import read_lines
from kb.tokenize import is_english

__all__ = [
    "METRICS",
    "evaluate",
    "evaluate_documents",
    "evaluate_fit",
    "evaluate_numbers",
    "lead_number",
    "load_queries",
    "load_set",
    "score_query",
    "set_kind",
]

METRICS = ("recall@10", "mrr@10", "recall@300ch")
Search = Callable[[str, int], list[str]]
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CHINESE_RANK = re.compile(f"第?([{CHINESE_DIGITS}]+)[位名个家项章]?")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _rows(path: str | Path) -> list[dict]:
    rows = []
    for n, line in enumerate(read_lines(path, "a JSON Lines file of cases"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise BadQuery(f"{path}:{n}: not JSON ({exc}).") from exc
        if not isinstance(row, dict) or not ("q" in row or "text" in row):
            raise BadQuery(f"{path}:{n}: not a case with 'q' (or 'text' for fit).")
        rows.append(row)
    return rows


def set_kind(rows: list[dict]) -> str:
    """``fit``, ``numbers``, ``documents`` or ``queries``, from the first row's fields."""
    first = rows[0] if rows else {}
    if "expect" in first:
        return "fit"
    if "value" in first:
        return "numbers"
    return "documents" if "doc" in first else "queries"


def load_set(path: str | Path) -> tuple[str, list[dict]]:
    """A set's kind and its cases (query sets: only those with anchors).

    :raises BadQuery: an unreadable file, or a line that is not a case; the message names
        the file and line.
    """
    rows = _rows(path)
    kind = set_kind(rows)
    if kind == "queries":
        rows = [r for r in rows if r.get("anchors")]
    if kind == "documents":
        rows = [r for r in rows if r.get("doc")]
    for row in rows if kind == "numbers" else ():
        if _figure(row["value"]) is None:
            raise BadQuery(
                f"{path}: case {row.get('id', row['q'])!r} has value {row['value']!r}, which "
                'holds no figure; write the figure the answer must lead with ("1.8", "25%").'
            )
    return kind, rows


def _figure(value: Any) -> float | None:
    """The number of an expected value, written bare or with its unit (``"2.26万亩"``),
    or in Chinese numerals (a rank: ``"第五"``; a year digit by digit: ``"二〇三五年"``;
    ``"双轮驱动"``: two)."""
    text = str(value).replace(",", "")
    found = _NUMBER.search(text)
    if found:
        return float(found.group())
    year = dates(text)
    if year:
        return float(year[0].number)
    numeral = numeral_in(text)  # 双轮驱动: two; 四两拨千斤: four
    return None if numeral is None else float(numeral)


def load_queries(path: str | Path) -> list[dict]:
    """Queries with at least one anchor (see :func:`load_set`)."""
    return [r for r in _rows(path) if r.get("anchors")]


def score_query(texts: list[str], anchors: Iterable[str], k: int = 10, budget: int = 300) -> dict:
    """The three metrics for one query's ranked result texts."""
    anchors = [_squash(a) for a in anchors]
    squashed = [_squash(t) for t in texts[:k]]
    covered = [a for a in anchors if any(a in t for t in squashed)]
    rr = next((1.0 / r for r, t in enumerate(squashed, 1) if any(a in t for a in anchors)), 0.0)
    seen = _squash("".join(texts)[:budget])
    met = [a for a in anchors if a in seen]  # wholly inside the characters read
    return {
        "recall@10": len(covered) / len(anchors),
        "mrr@10": rr,
        "recall@300ch": len(met) / len(anchors),
    }


def _summary(rows: list[dict], metrics: Iterable[str]) -> dict:
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["lang"], []).append(row)
    groups["overall"] = rows
    summary = {
        lang: {"n": len(rs), **{m: sum(r[m] for r in rs) / len(rs) for m in metrics}}
        for lang, rs in groups.items()
        if rs
    }
    return {**summary, "queries": rows}


def _lang(row: dict, text: str) -> str:
    return row.get("lang") or ("en" if is_english(text) else "zh")


def evaluate(queries: list[dict], search: Search, k: int = 10) -> dict:
    """Mean query metrics per ``lang`` and overall, plus per-query rows."""
    rows = [
        {
            "id": q.get("id"),
            "lang": q.get("lang", "?"),
            **score_query(search(q["q"], k), q["anchors"]),
        }
        for q in queries
    ]
    return _summary(rows, METRICS)


def _all_inside(anchors: list[str], texts: list[str]) -> bool:
    """Is every anchor inside one of the texts (both squashed)?"""
    return all(any(a in t for t in texts) for a in anchors)


def evaluate_fit(
    cases: list[dict],
    fit: Callable[[str], Any],
    top: int = 5,
    chunk_text: Callable[[str], str] | None = None,
) -> dict:
    """Share of fit cases judged right (verdict and anchors in the first ``top`` matches).

    :param chunk_text: the whole text of a match's chunk, by its id: with it, the report
        also gives ``in item``, the share whose anchors are all inside those chunks.
    """
    rows = []
    for case in cases:
        report = fit(case["text"])
        anchors = [_squash(a) for a in case.get("anchors", [])]
        matches = report.matches[:top]
        anchored = _all_inside(anchors, [_squash(m.text) for m in matches])
        verdict = report.verdict == case["expect"]
        row = {
            "id": case.get("id"),
            "lang": _lang(case, case["text"]),
            "verdict": float(verdict),
            "anchors": float(anchored),
            "right": float(verdict and anchored),
            "got": report.verdict,
            "score": report.score,
        }
        if chunk_text is not None:
            items = [_squash(chunk_text(m.id)) for m in matches]
            row["in item"] = float(_all_inside(anchors, items))
        rows.append(row)
    return _summary(rows, ("right", "verdict", "anchors", *(("in item",) if chunk_text else ())))


def lead_number(answer: Any) -> str | None:
    """The figure an answer leads with: its ``value``, else its first bold span's number."""
    lead = getattr(answer, "value", None)
    if lead is None:
        bold = re.search(r"\*\*(.+?)\*\*", answer.answer or "")
        lead = bold.group(1) if bold else None
    lead = (lead or "").replace(",", "")
    found = _NUMBER.search(lead)
    if found:
        return found.group()
    rank = _CHINESE_RANK.fullmatch(lead.strip())  # 第五: a figure in Chinese numerals, whole
    return rank.group(1) if rank else None


def evaluate_numbers(cases: list[dict], ask: Callable[[str], Any]) -> dict:
    """Share of number questions whose answer leads with the expected figure."""
    rows = []
    for case in cases:
        got = lead_number(ask(case["q"]))
        right = got is not None and _figure(got) == _figure(case["value"])
        rows.append(
            {
                "id": case.get("id"),
                "lang": _lang(case, case["q"]),
                "right": float(right),
                "got": got,
            }
        )
    return _summary(rows, ("right",))


def evaluate_documents(cases: list[dict], search: Callable[[str, int], list[Any]]) -> dict:
    """Share of questions naming a document whose first three results include its clause."""
    rows = []
    for case in cases:
        anchors = [_squash(a) for a in case.get("anchors", [])]
        hits = search(case["q"], 3)
        good = [
            h.doc == case["doc"] and (not anchors or any(a in _squash(h.text) for a in anchors))
            for h in hits
        ]
        rank = next((r for r, ok in enumerate(good, 1) if ok), 0)
        rows.append(
            {
                "id": case.get("id"),
                "lang": _lang(case, case["q"]),
                "right": float(rank > 0),
                "mrr@3": 1.0 / rank if rank else 0.0,
                "got": [h.doc for h in hits],
            }
        )
    return _summary(rows, ("right", "mrr@3"))
