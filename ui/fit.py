"""项目匹配 Fit: a project description in; verdict, matching items and measures out.

With several documents indexed, the report says which document the project fits best,
and each document's verdict and score, best first.

The report is kept with the user's work and drawn from there, so downloading or copying
it, visiting another page or refreshing leaves it on the page.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import nav
from ui.browser import copy_button
from ui.common import esc, knowledge_base, md, plan, short_address, show_error
from ui.export import fit_markdown, verdict_text
from ui.state import work
from ui.strings import MEASURES, lang, measure, t

__all__ = ["render"]


def _example() -> None:
    st.session_state.fit_text = work().fit["draft"] = t("fit_example_text")


def _keep_draft() -> None:
    """The description as typed, kept with the work: a visit to another page drops the
    widget's own state, and the draft must not fall back to the last text checked."""
    work().fit["draft"] = st.session_state.fit_text


def render() -> None:
    """The Fit page."""
    kb = knowledge_base()
    if kb is None:
        return
    from kb import KBError  # imported with the knowledge base, after the loading state

    saved = work().fit
    st.title(t("fit"))
    if "fit_text" not in st.session_state:
        st.session_state.fit_text = saved.get("draft", saved.get("text", ""))
    text = st.text_area(
        t("project"),
        height=140,
        key="fit_text",
        placeholder=t("project_placeholder"),
        on_change=_keep_draft,
    )
    buttons = st.container(horizontal=True)
    clicked = buttons.button(t("check"), type="primary", icon=":material/fact_check:")
    buttons.button(t("fit_example"), on_click=_example)
    if clicked:
        if not text.strip():
            st.warning(t("empty_project"))
            saved.clear()
            return
        try:
            with st.spinner(t("working")):
                saved.update(text=text, draft=text, report=kb.fit(text))
        except KBError as exc:  # shown in the user's language
            show_error(exc)
            saved.clear()
            return
    report = saved.get("report")
    if report is not None:
        if text.strip() != saved.get("text", "").strip():  # edited, or an example filled in
            st.info(t("fit_stale"))
        _report(report, {d.doc: d.title for d in kb.documents})


def _by_document(report: Any) -> None:
    """Which documents the project fits best: each one that names its work or area, best
    first, then how many name neither (21 rows of 不符合 would bury the rest)."""
    st.subheader(t("by_document"))
    if report.verdict == "no_fit":  # no best document to name, no table of 不符合
        st.markdown(t("no_document_fits", n=len(report.documents)))
        return
    best = plan(esc(f"《{report.doc_title}》"))
    st.markdown(f"<div>{t('best_fit', title=best)}</div>", unsafe_allow_html=True)  # ours
    head = "".join(
        f"<th{cls}>{esc(t(key))}</th>"
        for key, cls in (("col_document", ""), ("col_verdict", ""), ("col_score", " class='n'"))
    )
    shown = [r for r in report.documents if r.verdict != "no_fit"]  # the best one at least
    body = "".join(
        f"<tr><td>{plan(esc(r.doc_title))}</td><td class='v'>{esc(t(f'{r.verdict}_label'))}</td>"
        f"<td class='n'>{f'{r.score:.0%}' if r.verdict == 'fit' else '—'}</td></tr>"
        for r in shown
    )
    rest = len(report.documents) - len(shown)  # the documents that name nothing of it
    if rest:
        line = t("other_documents", n=rest, label=t("no_fit_label"))
        body += f"<tr><td colspan='3'><small>{esc(line)}</small></td></tr>"
    st.markdown(
        f"<table class='pkb-table'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>",
        unsafe_allow_html=True,
    )


def _report(report: Any, titles: dict[str, str]) -> None:
    box = {"fit": st.success, "partial": st.warning, "no_fit": st.error}[report.verdict]
    box(f"**{md(verdict_text(report, lang()))}**")
    reason = t("reason_line", reason=plan(esc(report.reason_in(lang()))))  # escaped, our template
    st.markdown(f"<div>{reason}</div>", unsafe_allow_html=True)
    for title, rows in ((t("matches"), report.matches), (t("measures"), report.measures)):
        if rows:
            st.subheader(title)
        for m in rows:
            colon = "：" if lang() == "zh" else ": "
            label = f"<b>{esc(measure(m.label))}</b>{colon}" if m.label else ""
            if m.kind == "near":
                label = f"<i>{esc(t('near_match'))}</i> "
            st.markdown(
                f"<div>{label}{plan('“' + esc(m.line) + '”')}"
                f"<div class='pkb-addr'>{plan(esc(short_address(m.address)))}</div></div>",
                unsafe_allow_html=True,
            )
            nav.reader_link(m.doc, m.id)
    if len(report.documents) > 1:  # after the best document's own items
        _by_document(report)
    labels = MEASURES if lang() == "en" else {}
    markdown = fit_markdown(report, lang(), titles, labels)
    actions = st.container(horizontal=True, vertical_alignment="center")
    actions.download_button(
        t("download"),
        markdown,
        file_name="fit-report.md",
        mime="text/markdown",
        on_click="ignore",
        icon=":material/download:",
    )
    with actions:
        copy_button(markdown, t("copy_report"))
