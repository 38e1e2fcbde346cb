"""Driving the app with streamlit.testing's AppTest (no browser): the app fixture's
script, and page switching by URL path.

Pages are functions registered with ``st.navigation``; AppTest's ``switch_page`` knows
only file pages, so :func:`open_page` picks a page by its URL path.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def html(at: AppTest) -> str:
    """Every Markdown block's source, joined."""
    return "\n".join(m.value for m in at.markdown)


def open_page(at: AppTest, url_path: str) -> AppTest:
    """Switch to the page registered under ``url_path`` and run (AppTest internals)."""
    pages = at._registered_pages
    at._page_hash = next(h for h, p in pages.items() if p.get("url_pathname") == url_path)
    return at.run()


def ask_at(at: AppTest, question: str) -> AppTest:
    """Ask a question on the Ask page."""
    return at.chat_input[0].set_value(question).run()


def refresh(at: AppTest, url_path: str | None = None) -> AppTest:
    """A refresh: a new Streamlit session opened on the same URL (its ``s``)."""
    sid = at.session_state["sid"]
    assert at.query_params["s"] in (sid, [sid])
    again = AppTest.from_file(APP, default_timeout=90)
    again.query_params["s"] = sid
    again.run()
    return open_page(again, url_path) if url_path else again
