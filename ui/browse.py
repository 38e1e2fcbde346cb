"""浏览 Browse: the contents beside a reader.

``?doc=…&chunk=…`` opens a cited passage, highlighted; ``?doc=…&at=<node>`` (a contents
entry) opens a heading. Either way the reader shows the chapter and scrolls the span
into view, and the contents list marks where the reader is (the entry itself, or the
last heading at or before a passage) and keeps that entry in view. Every contents entry
is an in-app link, so reading never ends the session.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import streamlit as st

from ui import nav
from ui.browser import scroll_here
from ui.common import esc, knowledge_base, md, plan
from ui.state import session_params, work
from ui.strings import t

if TYPE_CHECKING:
    from kb import KnowledgeBase
    from kb.reader import OutlineEntry, ReadingWindow, TableView

__all__ = ["current_entry", "reader_html", "render"]

_INDENT = "\u3000"  # an ideographic space per level of the contents


def current_entry(kb: KnowledgeBase, entries: list[OutlineEntry], chunk_id: str) -> int:
    """Index of the contents entry the passage ``chunk_id`` is under: the last entry that
    starts at or before it, in reading order."""
    order = kb.chunk(chunk_id).meta["order"]
    here = 0
    for i, entry in enumerate(entries):
        if kb.chunk(entry.chunk).meta["order"] <= order:
            here = i
    return here


def _choose_document(kb: KnowledgeBase) -> str:
    docs = {d.doc: d.title for d in kb.documents}
    wanted = st.query_params.get("doc")
    if len(docs) == 1:
        return next(iter(docs))
    # One widget for the whole session: a key that changed with the URL made every
    # other pick land on a fresh widget and show the old document. A link or a refresh
    # that names another document (the URL moved, not the widget) sets it.
    kept = work().browse  # the document read last, for a return from another page
    if wanted in docs and st.session_state.get("browse_doc_url") != wanted:
        st.session_state["browse_doc"] = wanted
    elif "browse_doc" not in st.session_state and kept.get("doc") in docs:
        st.session_state["browse_doc"] = kept["doc"]  # the widget's state went with the page
    st.session_state["browse_doc_url"] = wanted
    doc = st.selectbox(
        t("document"), list(docs), format_func=lambda d: f"《{docs[d]}》", key="browse_doc"
    )
    kept["doc"] = doc
    if doc != wanted:  # keep the URL (and so a refresh) on the chosen document
        st.query_params.update({"doc": doc, **session_params()})
        st.query_params.pop("chunk", None)  # a place in the old document is not one here
        st.query_params.pop("span", None)
        st.query_params.pop("at", None)
        st.session_state["browse_doc_url"] = doc
    return doc


def render() -> None:
    """The Browse page."""
    from kb import KBError
    from kb.reader import heading_window, outline, reading_window

    kb = knowledge_base()
    if kb is None:
        return
    st.title(t("browse"))
    doc = _choose_document(kb)
    same = st.query_params.get("doc") == doc
    chunk_id = st.query_params.get("chunk") if same else None
    node = st.query_params.get("at") if same else None
    _keep_place(node, chunk_id)
    entries = outline(kb, doc)
    here = None
    try:
        if node:
            window = heading_window(kb, doc, node)
            here = next((i for i, e in enumerate(entries) if e.node == node), None)
        else:
            window = _quoted(reading_window(kb, chunk_id, doc), st.query_params.get("span"))
            here = current_entry(kb, entries, chunk_id) if chunk_id and entries else None
    except (KeyError, KBError):
        st.error(t("no_such_passage"))
        chunk_id, window = None, reading_window(kb, None, doc)
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


def _quoted(window: ReadingWindow, span: str | None) -> ReadingWindow:
    """The window marking what the link quoted (``span``: ``start-end``), when that holds
    the passage it opens and lies in the window; else as it was."""
    m = re.fullmatch(r"(\d+)-(\d+)", span or "")
    if not m or window.mark is None:
        return window
    start, end = int(m[1]), int(m[2])
    holds = start <= window.mark[0] and window.mark[1] <= end
    if holds and window.start <= start and end <= window.end:
        return replace(window, mark=(start, end))
    return window


def _keep_place(node: str | None, chunk_id: str | None) -> None:
    """Writes the passage shown into the address: a link within the app sets the
    parameters for this run but leaves the browser's URL as it was, so a reload (or a
    copied link) fell back to the document's start."""
    for key, value in (("at", node), ("chunk", chunk_id)):
        if value:
            st.query_params[key] = value


def _contents(kb: KnowledgeBase, doc: str, entries: list[OutlineEntry], here: int | None) -> None:
    with st.container(height=560, key="pkb-toc"):
        for i, entry in enumerate(entries):
            label = _INDENT * entry.depth + _entry_title(kb, entry)
            params = {"doc": doc, "at": entry.node}
            if i == here:
                with st.container(key="pkb-here"):
                    nav.link("browse", label, ":material/arrow_right:", params)
            else:
                nav.link("browse", label, None, params)


_BARE_NUMBER = re.compile(r"[\d一二三四五六七八九十（）()．.、 ]*")


def _entry_title(kb: KnowledgeBase, entry: OutlineEntry) -> str:
    """An entry's heading; for a bare number (``1．``, ``（三）``) the start of its text
    instead. A short word is a heading still (附录：); the text before the first heading is
    the preamble, in the interface's language."""
    if entry.node == "pre":  # the parser's name for the text before the first heading
        return t("preamble")
    if not _BARE_NUMBER.fullmatch(entry.heading.strip()):
        return entry.heading.strip().rstrip("：:")
    words = (kb.chunk(entry.chunk).content or "").strip().split("\n", 1)[0]
    return words[:14] + ("…" if len(words) > 14 else "") if words else entry.heading


def _reader(kb: KnowledgeBase, window: ReadingWindow, chunk_id: str | None) -> None:
    from kb.reader import tables_in

    tag = None
    if window.mark:
        if chunk_id:  # a cited passage
            st.caption(md(t("cited_here") + " › ".join(kb.chunk(chunk_id).meta["section"])))
            tag = f"<mark id='cited' {scroll_here()}>"
        else:  # a heading opened from the contents
            tag = f"<mark id='heading' class='pkb-heading' {scroll_here('start')}>"
    body = reader_html(kb.sources[window.doc], window, tables_in(kb, window), tag)
    st.markdown(f"<div class='pkb-reader'>{plan(body, 'div')}</div>", unsafe_allow_html=True)


def reader_html(
    source: str, window: ReadingWindow, tables: list[TableView], tag: str | None
) -> str:
    """The window's text as HTML: its tables as tables (the 2020 and 2025 columns side by
    side, not one cell per line) and the marked span in ``tag``: the first piece of it
    only, so that the scroll target is one; plain ``<mark>`` after.

    :param tag: the opening tag of the mark (``<mark id='cited' …>``); ``None``: no mark.
    """
    mark = window.mark if tag else None
    tags = [tag or "<mark>"]  # popped by the first piece marked

    def wrap(text_html: str) -> str:
        return (tags.pop() if tags else "<mark>") + text_html + "</mark>"

    def marked(start: int, end: int) -> bool:  # does [start, end) meet the mark?
        return mark is not None and start < mark[1] and mark[0] < end

    def text(start: int, end: int) -> str:  # source[start:end], the mark inside it
        if not marked(start, end):
            return esc(source[start:end])
        s, e = max(mark[0], start), min(mark[1], end)
        return esc(source[start:s]) + wrap(esc(source[s:e])) + esc(source[e:end])

    pieces, at = [], window.start
    for table in tables:
        pieces.append(text(at, table.start))
        rows = [f"<tr>{''.join(f'<th>{esc(c)}</th>' for c in table.header)}</tr>"]
        for start, end, cells in table.rows:
            on = marked(start, end)
            rows.append(
                "<tr>"
                + "".join(f"<td>{wrap(esc(c)) if on else esc(c)}</td>" for c in cells)
                + "</tr>"
            )
        pieces.append(f"<table class='pkb-table'>{''.join(rows)}</table>")
        at = table.end
    pieces.append(text(at, window.end))
    return "".join(pieces)


def _chapter_links(doc: str, entries: list[OutlineEntry], heading: str) -> None:
    """Links to the chapters before and after the one shown."""
    chapters = [e for e in entries if e.depth == 0]
    at = next((i for i, e in enumerate(chapters) if e.heading == heading), None)
    if at is None:
        return
    row = st.container(horizontal=True, horizontal_alignment="distribute")
    with row:
        if at > 0:
            nav.link("browse", t("previous"), ":material/arrow_back:", _at(doc, chapters[at - 1]))
        if at + 1 < len(chapters):
            nav.link("browse", t("next"), ":material/arrow_forward:", _at(doc, chapters[at + 1]))


def _at(doc: str, entry: OutlineEntry) -> dict[str, str]:
    return {"doc": doc, "at": entry.node}


def _glossary(kb: KnowledgeBase, doc: str) -> None:
    terms = [c for c in kb.chunks if c.meta["doc"] == doc and c.meta["kind"] == "term"]
    if not terms:
        st.caption(t("no_terms"))
    for chunk in terms:
        title = chunk.meta.get("title") or ""
        rest = (chunk.content or "").split("：", 1)[-1]
        st.markdown(plan(f"<b>{esc(title)}</b>：{esc(rest)}", "div"), unsafe_allow_html=True)
