"""浏览 Browse: the contents beside a reader; ``?doc=…&chunk=…`` opens a cited span.

The reader shows the chapter holding the passage with the passage highlighted and
scrolled into view; the contents list marks where the reader is (the last heading at
or before the passage) and keeps it in view. Every contents entry is an in-app link,
so reading never ends the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from ui import nav
from ui.browser import scroll_here
from ui.common import esc, knowledge_base, md, plan
from ui.state import session_params
from ui.strings import t

if TYPE_CHECKING:
    from kb import KnowledgeBase

__all__ = ["current_entry", "render"]

_INDENT = "\u3000"  # an ideographic space per level of the contents


def current_entry(kb: KnowledgeBase, entries: list[tuple[int, str, str]], chunk_id: str) -> int:
    """Index of the contents entry the passage ``chunk_id`` is under: the last entry that
    starts at or before it, in reading order."""
    order = kb.chunk(chunk_id).meta["order"]
    here = 0
    for i, (_, _, first) in enumerate(entries):
        if kb.chunk(first).meta["order"] <= order:
            here = i
    return here


def _choose_document(kb: KnowledgeBase) -> str:
    docs = {d.doc: d.title for d in kb.documents}
    wanted = st.query_params.get("doc")
    if len(docs) == 1:
        return next(iter(docs))
    doc = st.selectbox(
        t("document"),
        list(docs),
        format_func=lambda d: f"《{docs[d]}》",
        index=list(docs).index(wanted) if wanted in docs else 0,
        key=f"browse_doc-{wanted}",
    )
    if doc != wanted:  # keep the URL (and so a refresh) on the chosen document
        st.query_params.update({"doc": doc, **session_params()})
        st.query_params.pop("chunk", None)
    return doc


def render() -> None:
    """The Browse page."""
    from kb import KBError
    from kb.reader import outline_entries, reading_window

    kb = knowledge_base()
    if kb is None:
        return
    st.title(t("browse"))
    doc = _choose_document(kb)
    chunk_id = st.query_params.get("chunk") if st.query_params.get("doc") == doc else None
    try:
        window = reading_window(kb, chunk_id, doc)
    except (KeyError, KBError):
        st.error(t("no_such_passage"))
        chunk_id, window = None, reading_window(kb, None, doc)
    entries = outline_entries(kb, doc)
    here = current_entry(kb, entries, chunk_id) if chunk_id and entries else None
    reader_tab, glossary_tab = st.tabs([t("reader"), t("glossary")])
    with reader_tab:
        toc, text = st.columns([1, 2], gap="medium")
        with toc:
            st.caption(t("contents"))
            _contents(kb, doc, entries, here)
        with text:
            _reader(kb, window, chunk_id)
            _chapter_links(doc, entries, window.heading)
    with glossary_tab:
        _glossary(kb, doc)


def _contents(
    kb: KnowledgeBase, doc: str, entries: list[tuple[int, str, str]], here: int | None
) -> None:
    with st.container(height=560, key="pkb-toc"):
        for i, (depth, title, first) in enumerate(entries):
            label = _INDENT * depth + _entry_title(kb, title, first)
            if i == here:
                with st.container(key="pkb-here"):
                    nav.link(
                        "browse", label, ":material/arrow_right:", {"doc": doc, "chunk": first}
                    )
            else:
                nav.link("browse", label, None, {"doc": doc, "chunk": first})


def _entry_title(kb: KnowledgeBase, title: str, first: str) -> str:
    """An entry's heading; for a bare number (``1．``) the start of its text instead."""
    if len(title.strip()) > 3:
        return title
    words = (kb.chunk(first).content or "").strip().split("\n", 1)[0]
    return words[:18] + ("…" if len(words) > 18 else "") if words else title


def _reader(kb: KnowledgeBase, window, chunk_id: str | None) -> None:
    source = kb.sources[window.doc]
    if window.mark:
        s, e = window.mark
        st.caption(md(t("cited_here") + " › ".join(kb.chunk(chunk_id).meta["section"])))
        body = (
            esc(source[window.start : s])
            + f"<mark id='cited' {scroll_here()}>{esc(source[s:e])}</mark>"
            + esc(source[e : window.end])
        )
    else:
        body = esc(source[window.start : window.end])
    st.markdown(f"<div class='pkb-reader'>{plan(body, 'div')}</div>", unsafe_allow_html=True)


def _chapter_links(doc: str, entries: list[tuple[int, str, str]], heading: str) -> None:
    """Links to the chapters before and after the one shown."""
    chapters = [(title, first) for depth, title, first in entries if depth == 0]
    at = next((i for i, (title, _) in enumerate(chapters) if title == heading), None)
    if at is None:
        return
    before, after = st.columns(2)
    if at > 0:
        with before:
            nav.link(
                "browse",
                t("previous"),
                ":material/arrow_back:",
                {"doc": doc, "chunk": chapters[at - 1][1]},
            )
    if at + 1 < len(chapters):
        with after:
            nav.link(
                "browse",
                t("next"),
                ":material/arrow_forward:",
                {"doc": doc, "chunk": chapters[at + 1][1]},
            )


def _glossary(kb: KnowledgeBase, doc: str) -> None:
    terms = [c for c in kb.chunks if c.meta["doc"] == doc and c.meta["kind"] == "term"]
    if not terms:
        st.caption(t("no_terms"))
    for chunk in terms:
        title = chunk.meta.get("title") or ""
        rest = (chunk.content or "").split("：", 1)[-1]
        st.markdown(plan(f"<b>{esc(title)}</b>：{esc(rest)}", "div"), unsafe_allow_html=True)
