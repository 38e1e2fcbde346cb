"""Retrieval metrics on query sets (JSON Lines with ``q``, ``lang``, ``anchors``).

A result covers an anchor when the anchor, whitespace removed, is inside its text.

- recall@k: share of a query's anchors covered by the top k results;
- MRR@k: reciprocal rank of the first result covering any anchor;
- recall@300ch: share of anchors a reader meets in the first 300 characters of the
  results read in order (rewards short, precise chunks ranked right).

Example::

    report = evaluate(load_queries(path), lambda q, k: [h.text for h in kb.search(q, k)])
    report["overall"]["mrr@10"]
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from kb.errors import BadQuery
from kb.inputs import read_lines

__all__ = ["METRICS", "evaluate", "format_report", "load_queries", "score_query"]

METRICS = ("recall@10", "mrr@10", "recall@300ch")
Search = Callable[[str, int], list[str]]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def load_queries(path: str | Path) -> list[dict]:
    """Queries with at least one anchor.

    :raises BadQuery: an unreadable file, or a line that is not JSON or lacks ``q``; the
        message names the file (and line).
    """
    queries = []
    for n, line in enumerate(read_lines(path, "a JSON Lines file of queries"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            row["q"]
        except (ValueError, KeyError, TypeError) as exc:
            raise BadQuery(f"{path}:{n}: not a query object with 'q' ({exc}).") from exc
        if row.get("anchors"):
            queries.append(row)
    return queries


def score_query(texts: list[str], anchors: Iterable[str], k: int = 10, budget: int = 300) -> dict:
    """The three metrics for one query's ranked result texts."""
    anchors = [_squash(a) for a in anchors]
    squashed = [_squash(t) for t in texts[:k]]
    covered = [a for a in anchors if any(a in t for t in squashed)]
    rr = next((1.0 / r for r, t in enumerate(squashed, 1) if any(a in t for a in anchors)), 0.0)
    read = "".join(texts)[:budget]
    seen = _squash(read)
    # An anchor counts as met when it lies wholly inside the characters read.
    met = [a for a in anchors if a in seen]
    return {
        "recall@10": len(covered) / len(anchors),
        "mrr@10": rr,
        "recall@300ch": len(met) / len(anchors),
    }


def evaluate(queries: list[dict], search: Search, k: int = 10) -> dict:
    """Mean metrics per ``lang`` and overall, plus per-query rows."""
    rows = []
    for q in queries:
        texts = search(q["q"], k)
        rows.append(
            {"id": q.get("id"), "lang": q.get("lang", "?"), **score_query(texts, q["anchors"], k)}
        )
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["lang"], []).append(row)
    groups["overall"] = rows
    summary = {
        lang: {"n": len(rs), **{m: sum(r[m] for r in rs) / len(rs) for m in METRICS}}
        for lang, rs in groups.items()
    }
    return {**summary, "queries": rows}


def format_report(reports: dict[str, dict]) -> str:
    """A Markdown table: one row per (system, lang)."""
    lines = [
        "| system | lang | n | recall@10 | MRR@10 | recall@300ch |",
        "|---|---|---|---|---|---|",
    ]
    for system, report in reports.items():
        for lang, s in report.items():
            if lang == "queries":
                continue
            lines.append(
                f"| {system} | {lang} | {s['n']} | {s['recall@10']:.3f} | {s['mrr@10']:.3f} "
                f"| {s['recall@300ch']:.3f} |"
            )
    return "\n".join(lines)
