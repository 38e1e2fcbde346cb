"""What the app copies and downloads, as text in the user's language.

Plain functions of kb's objects (no Streamlit): an answer as Markdown with its
citations, one citation as its words and address, a fit report as Markdown, search
results and a comparison of documents as CSV (UTF-8 with a byte order mark, so Excel
shows the Chinese), a comparison as Markdown.

Example::

    answer_markdown(kb.ask("哪些氢能技术被列为重点？"), "zh")
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

from ui.strings import KINDS, text

__all__ = [
    "answer_markdown",
    "citation_text",
    "comparison_csv",
    "comparison_markdown",
    "fit_markdown",
    "hits_csv",
    "lead_figure",
    "targets_csv",
    "verdict_text",
    "where",
]


def where(doc_title: str, section: list[str]) -> str:
    """A full address led by its document: ``《…》 第四章 … › 2．氢能源``."""
    return " › ".join([f"《{doc_title}》", *section]) if doc_title else " › ".join(section)


def lead_figure(answer: Any) -> str | None:
    """The figure a number answer leads with, as the answer writes it (``180家``,
    ``不少于2000万元``, ``一对一``, ``七届十二次``), or ``None``.

    The bold first line of its Markdown (after the English framing, before the first
    section heading), else its ``value`` (the number alone: 1 for 一对一).
    """
    value = getattr(answer, "value", None)
    if answer.kind.startswith("number"):
        for paragraph in (answer.answer or "").split("\n\n"):
            found = re.match(r"\*\*(.+?)\*\*", paragraph.strip())
            if found:
                return found.group(1)
    return str(value) if value else None


def citation_text(citation: Any) -> str:
    """One citation as the user pastes it: its words, then where they are."""
    return f"“{citation.text.strip()}”\n—— {where(citation.doc_title, citation.section)}"


def answer_markdown(answer: Any, lang: str, skip: frozenset[int] = frozenset()) -> str:
    """The question, the answer grouped by section with ``[n]`` markers, and the sources.

    :param skip: citation numbers whose clauses are not repeated under the figure (a
        number answer's table row).
    """
    lines = [text("q_line", lang, q=answer.question), ""]
    if not answer.found:
        lines += [text("not_found", lang), ""]
        return "\n".join(lines).strip() + "\n"
    figure = lead_figure(answer)
    if figure:
        first = answer.citations[0].n if answer.citations else None
        lines += [f"**{figure}**" + (f" [{first}]" if first else ""), ""]
    else:
        lines += [text("framing", lang), ""]
    several = answer.several_documents
    for group in answer.groups:
        clauses = [c for c in group.clauses if c.citation not in skip]
        if not clauses:
            continue
        lines.append(f"**{' › '.join(answer.heading(group) if several else group.section)}**")
        lines += [f"- {' '.join(c.text.split())} [{c.citation}]" for c in clauses]
        lines.append("")
    lines += [f"**{text('sources', lang)}**", ""]
    lines += [f"[{c.n}] {where(c.doc_title, c.section)}" for c in answer.citations]
    return "\n".join(lines).strip() + "\n"


def fit_markdown(
    report: Any, lang: str, titles: dict[str, str], labels: dict[str, str] | None = None
) -> str:
    """A fit report for download: verdict, why, the matching items and measures.

    :param titles: document id → title, to say which document each item is from.
    :param labels: a measure's label in ``lang`` (kb's own label when missing).
    """
    lines = [
        f"# {text('report_title', lang)}",
        "",
        f"**{text('project', lang)}**",
        "",
        *[f"> {line}" for line in report.text[:2000].splitlines()],
        "",
        f"**{verdict_text(report, lang)}**",
        "",
        text("reason_line", lang, reason=report.reason_in(lang)),
        "",
    ]
    for key, rows in (("matches", report.matches), ("measures", report.measures)):
        if not rows:
            continue
        lines += [f"## {text(key, lang)}", ""]
        for i, m in enumerate(rows, 1):
            colon = "：" if lang == "zh" else ": "
            label = f"**{(labels or {}).get(m.label, m.label)}**{colon}" if m.label else ""
            label += f"*{text('near_match', lang)}* " if m.kind == "near" else ""
            lines.append(f"{i}. {label}“{m.line}”")
            address = where(titles.get(m.doc, ""), m.address)
            lines.append(f"   {text('where_line', lang, where=address)}")
        lines.append("")
    if len(report.documents) > 1:  # as the screen shows them: after the items
        lines += [f"## {text('by_document', lang)}", "", *_by_document(report, lang), ""]
    return "\n".join(lines).strip() + "\n"


def _csv(keys: Iterable[str], rows: Iterable[list[Any]], lang: str) -> bytes:
    """A table as CSV that Excel opens: a header of the strings ``keys`` in ``lang``, then
    ``rows``, encoded UTF-8 with a byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([text(k, lang) for k in keys])
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def targets_csv(rows: list[Any], titles: dict[str, str], lang: str) -> bytes:
    """The targets tables as CSV: document, indicator, unit, 2020 value, 2025 target,
    and the row's address (where it is cited from)."""
    keys = ("col_document", "indicator", "col_unit", "v2020", "v2025", "col_section")
    return _csv(
        keys,
        (
            [
                titles.get(r.doc, r.doc),
                r.name,
                r.unit,
                r.value_2020,
                r.target_2025,
                " › ".join(r.section),
            ]
            for r in rows
        ),
        lang,
    )


def hits_csv(hits: list[Any], lang: str) -> bytes:
    """Search results as CSV: rank, document, section, text, matched terms."""
    keys = ("col_rank", "col_document", "col_section", "col_text", "col_terms")
    return _csv(
        keys,
        ([h.rank, h.doc_title, " › ".join(h.section), h.text, " ".join(h.matched)] for h in hits),
        lang,
    )


def _kind(kind: str, lang: str) -> str:
    return KINDS.get(kind, kind) if lang == "en" else kind


def _facts(said: Any, lang: str) -> str:
    return " · ".join(p for p in (said.region, _kind(said.kind, lang), str(said.year or "")) if p)


def comparison_markdown(comparison: Any, lang: str) -> str:
    """A comparison (:class:`kb.compare.Comparison`): a section per document, its
    clauses with their full addresses, or that it says nothing on the topic."""
    lines = [f"# {text('compare_title', lang, topic=comparison.topic)}", ""]
    for d in comparison.documents:
        lines += [f"## 《{d.title}》", "", _facts(d, lang), ""]
        if not d.found:
            lines += [f"*{text('said_nothing', lang)}*", ""]
            continue
        for i, q in enumerate(d.quotes, 1):
            lines.append(f"{i}. “{' '.join(q.text.split())}”")
            lines.append(f"   {text('where_line', lang, where=where(d.title, q.section))}")
        lines.append("")
    return "\n".join(lines).strip() + "\n"


def comparison_csv(comparison: Any, lang: str) -> bytes:
    """A comparison as CSV: a row per clause; a document that says nothing, one row
    without a clause."""
    keys = ("col_topic", "col_document", "col_region", "col_kind", "col_year")
    rows = []
    for d in comparison.documents:
        base = [comparison.topic, d.title, d.region, _kind(d.kind, lang), d.year or ""]
        if not d.found:
            rows.append([*base, "", "", ""])
        rows += [[*base, " › ".join(q.section), q.text, q.id] for q in d.quotes]
    return _csv((*keys, "col_section", "col_text", "col_id"), rows, lang)


def verdict_text(report: Any, lang: str) -> str:
    """The verdict line: with the share of key terms named for a fit; beside partial or
    no fit a share reads as a contradiction, so the verdict alone; with several documents
    judged, the document it is for (a verdict without it reads as the plan's)."""
    label = text(f"{report.verdict}_label", lang)
    if report.verdict == "fit":
        line = text("verdict_line", lang, label=label, score=f"{report.score:.0%}")
    else:
        line = text("verdict_only", lang, label=label)
    if report.documents and report.verdict != "no_fit":  # several judged: which one it is
        line += text("verdict_of", lang, title=report.doc_title)
    return line


def _by_document(report: Any, lang: str) -> list[str]:
    """Each document that names the project's work or area (its share for a fit), then
    how many name neither; for no fit, one line."""
    if report.verdict == "no_fit":
        return [text("no_document_fits", lang, n=len(report.documents))]
    colon = "：" if lang == "zh" else ": "
    shown = [r for r in report.documents if r.verdict != "no_fit"]
    lines = [
        f"- 《{r.doc_title}》{colon}{text(f'{r.verdict}_label', lang)}"
        + (f" ({r.score:.0%})" if r.verdict == "fit" else "")
        for r in shown
    ]
    rest = len(report.documents) - len(shown)
    if rest:
        lines.append(f"- {text('other_documents', lang, n=rest, label=text('no_fit_label', lang))}")
    return lines
