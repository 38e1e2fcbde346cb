"""检索 Search: results with their address and matched terms, filters, count and export.

The query and filters are kept with the user's work, so they (and so the results) are
still there after visiting another page or a refresh. With several documents, the
document filter shows each one's region, level, kind and year (and can be narrowed by
them when there are many); a query that names a place (山东) searches that place's
documents only, says so, and offers one click to search every document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from ui import nav
from ui.common import esc, highlight, knowledge_base, plan, short_address, show_error
from ui.documents import choose, narrowed, scope_notice
from ui.export import hits_csv
from ui.state import work
from ui.strings import lang, t

if TYPE_CHECKING:
    from kb import KnowledgeBase

__all__ = ["chapters", "render"]

# "" is "all" (a None value would show Streamlit's English "Choose an option")
_FIELDS = {"search_q": "", "search_doc": "", "search_chapter": "", "search_industry": ""}


def chapters(kb: KnowledgeBase, doc: str | None) -> list[str]:
    """Top headings in document order (第三章 before 第七章), of ``doc`` or of all."""
    return list(
        dict.fromkeys(
            c.meta["section"][0]
            for c in sorted(kb.chunks, key=lambda c: (c.meta["doc"], c.meta["order"]))
            if c.meta["section"] and (doc is None or c.meta["doc"] == doc)
        )
    )


def _restore(options: dict[str, list[Any]]) -> None:
    """Put the saved query and filters back into widgets a page switch or refresh emptied."""
    saved = work().search
    for key, default in {**_FIELDS, "search_k": 10}.items():
        if key not in st.session_state:
            value = saved.get(key, default)
            allowed = options.get(key)
            st.session_state[key] = value if allowed is None or value in allowed else default


def _everywhere(query: str) -> None:
    """The one click under a scoped search: this query, of every document."""
    work().search["everywhere"] = query


def render() -> None:
    """The Search page."""
    kb = knowledge_base()
    if kb is None:
        return
    from kb import KBError  # imported with the knowledge base, after the loading state
    from kb.scoped_search import search_as_asked

    st.title(t("search"))
    docs = {d.doc: d.title for d in kb.documents}
    industries = sorted({c.meta["industry"] for c in kb.chunks if c.meta.get("industry")})
    _restore({"search_doc": ["", *docs], "search_industry": ["", *industries]})
    query = st.text_input(t("query"), key="search_q", placeholder=t("query_placeholder"))
    offered = narrowed(kb.documents, "search_narrow") if len(docs) > 1 else []
    cols = st.columns(4 if len(docs) > 1 else 3)
    doc = choose(offered, "search_doc", where=cols[-4]) if len(docs) > 1 else ""
    heads = chapters(kb, doc or None)
    if st.session_state.get("search_chapter") not in ("", *heads):
        st.session_state.search_chapter = ""
    chapter = cols[-3].selectbox(
        t("chapter"), ["", *heads], key="search_chapter", format_func=lambda c: c or t("all")
    )
    industry = cols[-2].selectbox(
        t("industry"),
        ["", *industries],
        key="search_industry",
        format_func=lambda i: i or t("all"),
    )
    k = cols[-1].select_slider(t("results"), [5, 10, 20, 30, 50], key="search_k")
    everywhere = work().search.get("everywhere")
    work().search = {key: st.session_state.get(key) for key in (*_FIELDS, "search_k")}
    if not query.strip():
        if industry or doc or chapter:  # a filter alone searches nothing yet
            st.caption(t("search_filter_only"))
        return
    work().search["everywhere"] = everywhere if everywhere == query else None
    # kept to what the query names (or the corpus's own) unless a document or chapter is
    # chosen, or the user asked for every document
    scoped = not doc and not chapter and everywhere != query and len(docs) > 1
    try:
        found = search_as_asked(
            kb, query, k, doc or None, chapter or None, industry or None, all_docs=not scoped
        )
    except KBError as exc:  # shown in the user's language
        show_error(exc)
        return
    hits, scope = found.hits, found.scope
    if scope is not None:
        scope_notice(kb, scope, t("search_everywhere"), _everywhere, (query,), "pkb-scope")
    elif found.elsewhere:  # 青海… over Liupanshui's plan
        places = "、".join(found.elsewhere)
        st.warning(t("scope_elsewhere", places=places), icon=":material/wrong_location:")
    if not hits:
        st.info(t("no_results"))
        return
    row = st.container(horizontal=True, vertical_alignment="center")
    row.markdown(f"**{t('result_count', n=len(hits))}**", width="stretch")
    row.download_button(
        t("export_csv"),
        hits_csv(hits, lang()),
        file_name="policykb-search.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/download:",
    )
    several = not doc and len(docs) > 1 and (scope is None or len(scope.docs) > 1)
    for hit in hits:
        where = (f"《{hit.doc_title}》 " if several else "") + short_address(hit.section, top=True)
        st.markdown(
            f"<div class='pkb-hit' title='{esc(' › '.join(hit.section))}'>"
            f"<div class='pkb-addr'>{hit.rank}. {plan(esc(where))}</div>"
            f"{plan(highlight(hit.text, hit.matched), 'div')}</div>",
            unsafe_allow_html=True,
        )
        nav.reader_link(hit.doc, hit.id, span=(hit.start, hit.end))  # all it quotes
