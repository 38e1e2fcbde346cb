"""浏览 Browse: the document tree beside a reader; ?doc=…&chunk=… opens a cited span."""

from urllib.parse import urlencode

import streamlit as st

from kb import KBError
from kb.reader import outline_entries, reading_window
from pages.ui import esc, get_kb, md, t

kb = get_kb()
if kb is None:
    st.stop()
st.title(f"{t('browse')}")
params = st.query_params
docs = {d.doc: d.title for d in kb.documents}
wanted = params.get("doc")
doc = st.selectbox(
    t("document"),
    list(docs),
    format_func=lambda d: f"《{docs[d]}》",
    index=list(docs).index(wanted) if wanted in docs else 0,
)
chunk_id = params.get("chunk") if wanted == doc else None

reader_tab, glossary_tab = st.tabs([t("reader"), t("glossary")])
with reader_tab:
    tree_col, text_col = st.columns([1, 2])
    with tree_col:
        items = "".join(
            f"<div style='padding-left:{depth * 0.9}em'>"
            f"<a href='?{esc(urlencode({'doc': doc, 'chunk': cid}))}' target='_self'>"
            f"{esc(title)}</a></div>"
            for depth, title, cid in outline_entries(kb, doc)
        )
        st.markdown(f"<div class='pkb-tree'>{items}</div>", unsafe_allow_html=True)
    with text_col:
        try:
            window = reading_window(kb, chunk_id, doc)
        except (KeyError, KBError) as exc:
            st.error(md(str(exc)))
            window = reading_window(kb, None, doc)
        source = kb.sources[window.doc]
        if window.mark:
            s, e = window.mark
            cited = kb.chunk(chunk_id)
            st.caption(md(" › ".join(cited.meta["section"])))
            body = (
                esc(source[window.start : s])
                + f"<mark id='cited'>{esc(source[s:e])}</mark>"
                + esc(source[e : window.end])
            )
        else:
            body = esc(source[window.start : window.end])
        st.markdown(f"<div class='pkb-reader'>{body}</div>", unsafe_allow_html=True)

with glossary_tab:
    for chunk in kb.chunks:
        if chunk.meta["doc"] == doc and chunk.meta["kind"] == "term":
            title = chunk.meta.get("title") or ""
            rest = (chunk.content or "").split("：", 1)[-1]
            st.markdown(f"<div><b>{esc(title)}</b>：{esc(rest)}</div>", unsafe_allow_html=True)
