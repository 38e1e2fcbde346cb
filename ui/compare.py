"""对比 Compare: what two or more documents say on one topic, side by side, cited.

Pick a topic and the documents (each shown with its region, level, kind and year;
narrowed by them when there are many) or a kind (every work report); each document's
clauses on the topic come with their address and a link to the reader, and a document
that says nothing says so. The comparison exports as Markdown and as CSV (UTF-8 with a
byte order mark, for Excel).

The choice and the result are kept with the user's work, so they survive a page switch
or a refresh; ``/compare?topic=数字经济&docs=a,b`` (or ``&kind=政府工作报告``) opens a
comparison directly, for sharing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import streamlit as st

from ui import nav
from ui.common import esc, highlight, knowledge_base, md, plan, short_address, show_error
from ui.documents import choose, narrowed
from ui.export import comparison_csv, comparison_markdown
from ui.state import work
from ui.strings import kind_label, lang, t

if TYPE_CHECKING:
    from kb import KnowledgeBase

__all__ = ["render", "topic_words"]

_BY = ("docs", "kind")
_PER_ROW = 3


def topic_words(topic: str) -> list[str]:
    """The words of a topic to mark in the clauses (``数字经济 人工智能`` → both)."""
    return [w for w in re.split(r"[\s,，、;；]+", topic) if w]


def _restore(kb: KnowledgeBase, kinds: list[str]) -> bool:
    """Put the saved (or linked) choice back into the widgets; ``True`` when a link
    asks for a comparison to run now."""
    state, saved = st.session_state, work().compare
    if "compare_topic" in state:
        return False
    known = {d.doc for d in kb.documents}
    linked = st.query_params.get("topic", "")
    if linked:
        docs = [d for d in st.query_params.get("docs", "").split(",") if d in known]
        kind = st.query_params.get("kind", "")
        saved.update(topic=linked, docs=docs, kind=kind, by="kind" if kind else "docs")
        for key in ("topic", "docs", "kind"):  # from now on the user's work holds them
            st.query_params.pop(key, None)
    state.compare_topic = saved.get("topic", "")
    state.compare_by = saved.get("by", "docs")
    state.compare_docs = [d for d in saved.get("docs", []) if d in known]
    if saved.get("kind") in kinds:
        state.compare_kind = saved["kind"]
    return bool(linked)


def render() -> None:
    """The Compare page."""
    kb = knowledge_base()
    if kb is None:
        return
    from kb import KBError  # imported with the knowledge base, after the loading state
    from kb.compare import compare

    st.title(t("compare"))
    if len(kb.documents) < 2:
        st.info(t("compare_one_doc"))
        return
    counts: dict[str, int] = {}
    for d in kb.documents:
        if d.kind:
            counts[d.kind] = counts.get(d.kind, 0) + 1
    kinds = sorted(counts, key=lambda k: (-counts[k], k))
    linked = _restore(kb, kinds)
    topic = st.text_input(t("topic"), key="compare_topic", placeholder=t("topic_placeholder"))
    by = st.radio(
        t("compare_by"),
        _BY,
        key="compare_by",
        horizontal=True,
        format_func=lambda v: t(f"by_{v}"),
    )
    docs: list[str] = []
    kind = ""
    if by == "docs" or not kinds:
        offered = narrowed(kb.documents, "compare_narrow")
        docs = choose(
            offered, "compare_docs", multi=True, title=t("compare_docs"), every=kb.documents
        )
    else:
        kind = st.selectbox(
            t("doc_kind"),
            kinds,
            key="compare_kind",
            format_func=lambda k: f"{kind_label(k)} ({counts[k]})",
        )
    ready = bool(topic.strip()) and (bool(kind) or len(docs) >= 2)
    clicked = st.button(
        t("compare_run"), type="primary", icon=":material/compare_arrows:", disabled=not ready
    )
    saved = work().compare
    saved.update(topic=topic, by=by, docs=list(docs), kind=kind)
    if not ready:
        st.caption(t("compare_need"))
    if (clicked or linked) and ready:
        try:
            with st.spinner(t("working")):
                saved["result"] = compare(kb, topic, docs=docs or None, kind=kind or None)
        except KBError as exc:  # shown in the user's language
            show_error(exc)
            saved.pop("result", None)
            return
    result = saved.get("result")
    if result is not None:
        _show(result)


def _show(comparison: Any) -> None:
    """The comparison: how many documents speak of it, the exports, then side by side."""
    said = [d for d in comparison.documents if d.found]
    row = st.container(horizontal=True, vertical_alignment="center")
    counted = t("compare_found", n=len(comparison.documents), m=len(said), topic=comparison.topic)
    row.markdown(f"**{md(counted)}**", width="stretch")
    for label, data, name, mime in (
        (t("export_md"), comparison_markdown(comparison, lang()), "md", "text/markdown"),
        (t("export_compare_csv"), comparison_csv(comparison, lang()), "csv", "text/csv"),
    ):
        row.download_button(
            label,
            data,
            file_name=f"policykb-compare.{name}",
            mime=mime,
            on_click="ignore",
            icon=":material/download:",
        )
    words = topic_words(comparison.topic)
    documents = comparison.documents
    for start in range(0, len(documents), _PER_ROW):
        columns = st.columns(_PER_ROW)
        for column, d in zip(columns, documents[start : start + _PER_ROW], strict=False):
            with column.container(border=True):
                _document(d, words)


def _document(said: Any, words: list[str]) -> None:
    """One document's column: its title and facts, its clauses (each cited), or nothing."""
    facts = " · ".join(p for p in (said.region, kind_label(said.kind), str(said.year or "")) if p)
    st.markdown(
        f"<div class='pkb-head'>{plan(esc('《' + said.title + '》'))}</div>"
        f"<div class='pkb-addr'>{esc(facts)}</div>",
        unsafe_allow_html=True,
    )
    if not said.found:
        st.caption(t("said_nothing"))
        return
    for n, quote in enumerate(said.quotes, 1):
        st.markdown(
            f"<div class='pkb-hit'>{n}. {plan(highlight(quote.text, words))}"
            f"<div class='pkb-addr'>{plan(esc(short_address(quote.section)))}</div></div>",
            unsafe_allow_html=True,
        )
        nav.reader_link(said.doc, quote.id)
