"""PolicyKB's Streamlit app: ask, search, browse, fit, targets.

Thin by design: every page calls ``kb``'s public API; pages live in ``pages/`` and the
shared helpers in ``pages/ui.py``. Run with ``policykb serve`` or
``streamlit run app.py``.
"""

import os

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")

import streamlit as st

from pages.ui import get_kb, sidebar, t

st.set_page_config(page_title="政策知识库 PolicyKB", page_icon=":material/gavel:", layout="wide")
navigation = st.navigation(
    [
        st.Page(
            "pages/ask.py", title=t("ask"), icon=":material/chat:", url_path="ask", default=True
        ),
        st.Page("pages/search.py", title=t("search"), icon=":material/search:", url_path="search"),
        st.Page(
            "pages/browse.py", title=t("browse"), icon=":material/menu_book:", url_path="browse"
        ),
        st.Page("pages/fit.py", title=t("fit"), icon=":material/fact_check:", url_path="fit"),
        st.Page(
            "pages/targets.py", title=t("targets"), icon=":material/bar_chart:", url_path="targets"
        ),
    ]
)
st.markdown(  # static style only: no document or user text here
    "<style>.pkb-reader{max-height:72vh;overflow:auto;line-height:1.8;white-space:normal}"
    ".pkb-tree{max-height:72vh;overflow:auto;font-size:0.9em}"
    ".pkb-section{margin:0.4em 0 0.8em 0} mark{background:#ffe08a}</style>",
    unsafe_allow_html=True,
)
sidebar(get_kb())
navigation.run()
