"""检索 Search: results with section path and matched terms, filters, k."""

import streamlit as st

from kb import KBError
from pages.ui import address, browse_link, get_kb, highlight, md, t

kb = get_kb()
if kb is None:
    st.stop()
st.title(f"{t('search')}")
query = st.text_input(t("query"), key="search_query")
cols = st.columns(4)
docs = {d.doc: d.title for d in kb.documents}
doc = cols[0].selectbox(t("document"), [None, *docs], format_func=lambda d: docs.get(d, t("all")))
chapters = sorted(
    {
        c.meta["section"][0]
        for c in kb.chunks
        if c.meta["section"] and (doc is None or c.meta["doc"] == doc)
    }
)
chapter = cols[1].selectbox(t("chapter"), [None, *chapters], format_func=lambda c: c or t("all"))
industries = sorted({c.meta["industry"] for c in kb.chunks if c.meta.get("industry")})
industry = cols[2].selectbox(
    t("industry"), [None, *industries], format_func=lambda i: i or t("all")
)
k = cols[3].slider(t("results"), 5, 50, 10, step=5)

if query:
    try:
        hits = kb.search(query, k=k, doc=doc, section=chapter, industry=industry)
    except KBError as exc:
        st.error(md(str(exc)))
        hits = []
    if not hits:
        st.info(t("no_results"))
    several = doc is None and len(docs) > 1  # then say whose section each hit is
    for hit in hits:
        where = ([f"《{hit.doc_title}》"] if several else []) + hit.section
        st.markdown(
            f"<div class='pkb-hit'><small>{hit.rank}. {highlight(address(where), [])}</small>"
            f"<br>{highlight(hit.text, hit.matched)}</div>",
            unsafe_allow_html=True,
        )
        browse_link(hit.doc, hit.id)
