"""The app: page config, the user's work, navigation, the sidebar, then the page.

``main()`` is all a Streamlit script needs (``ui/streamlit_app.py``, the repository's
``app.py``). While the knowledge base loads on a cold server, the chosen page shows its
title and a loading state at once, not a blank screen.
"""

from __future__ import annotations

import streamlit as st

from ui import browser, nav, sidebar
from ui.common import knowledge_base
from ui.state import attach
from ui.strings import t

__all__ = ["main"]


def main() -> None:
    """Run one script run of the app."""
    st.set_page_config(
        page_title=f"{t('title')} PolicyKB", page_icon=":material/gavel:", layout="wide"
    )
    attach()
    browser.inject()
    current = st.navigation(nav.pages())
    sidebar.language_switch()
    kb = knowledge_base(waiting=lambda: _loading(current))
    if kb is None:
        return
    sidebar.corpus(kb)
    current.run()


def _loading(current: st.Page) -> None:
    """What a page shows while the knowledge base loads: its title, a notice, the input."""
    st.title(current.title)
    st.info(t("loading"), icon=":material/hourglass_top:")
    if current.url_path in ("ask", ""):  # the root URL opens Ask
        st.chat_input(t("loading_input"), disabled=True, key="loading_input")
