"""The tables ``policykb eval`` prints: one Markdown table for every set measured.

:mod:`kb.evaluate` measures; this module only lays the reports out, one row per set and
language, with each kind's headline measure and the others beside it.

Example::

    report = evaluate_fit(rows, kb.fit)
    print(format_sets([("dev_fit", "fit", "policykb", report)]))
"""

from __future__ import annotations

__all__ = ["format_report", "format_sets"]


def format_report(reports: dict[str, dict]) -> str:
    """A Markdown table of query metrics: one row per (system, lang)."""
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


_HEADLINE = {
    "queries": ("MRR@10", "mrr@10", ("recall@10", "recall@300ch")),
    "fit": ("right", "right", ("verdict", "anchors", "in item")),
    "numbers": ("number first", "right", ()),
    "documents": ("doc in top 3", "right", ("mrr@3",)),
}


def format_sets(results: list[tuple[str, str, str, dict]]) -> str:
    """One Markdown table for many sets: ``(set name, kind, system, report)`` each."""
    lines = [
        "| set | kind | system | lang | n | measure | value | also |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, kind, system, report in results:
        label, key, others = _HEADLINE[kind]
        for lang, s in report.items():
            if lang == "queries":
                continue
            also = " · ".join(f"{o} {s[o]:.3f}" for o in others if o in s)
            lines.append(
                f"| {name} | {kind} | {system} | {lang} | {s['n']} | {label} | {s[key]:.3f} "
                f"| {also} |"
            )
    return "\n".join(lines)
