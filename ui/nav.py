"""The app's pages and the links between them.

Pages are functions (``ui.ask.render`` …), imported only when a page first runs, so the
loading state shows before the knowledge base's imports. Every in-app link is an
``st.page_link``: a click reruns the app in the same session (no full page load), and
the link carries the session id and language (:func:`ui.state.session_params`), so even
a link opened in a new tab finds the user's work.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

import streamlit as st

from ui.common import md
from ui.state import session_params
from ui.strings import t

__all__ = ["PAGES", "link", "page", "pages", "reader_link"]

PAGES = {
    "ask": ":material/chat:",
    "search": ":material/search:",
    "browse": ":material/menu_book:",
    "fit": ":material/fact_check:",
    "compare": ":material/compare_arrows:",
    "targets": ":material/bar_chart:",
}


def _render(name: str) -> Callable[[], None]:
    def render() -> None:
        import_module(f"ui.{name}").render()

    render.__name__ = render.__qualname__ = f"render_{name}"
    return render


def page(name: str, icon: str | None = "") -> st.Page:
    """The page ``name`` (Streamlit matches pages by their ``url_path``); Ask is the
    default page, served at the root URL.

    :param icon: ``""`` for the page's own icon, ``None`` for none (a link's choice).
    :raises KeyError: not one of :data:`PAGES`.
    """
    return st.Page(
        _render(name),
        title=t(name),
        icon=PAGES[name] if icon == "" else icon,
        url_path="home" if name == "ask" else name,  # the default page's name is not a URL
        default=name == "ask",
    )


def _to_ask() -> None:
    """``/ask`` is Ask too: a link someone types or shares opens it at the root URL."""
    st.switch_page(page("ask"), query_params=st.query_params.to_dict())


def pages() -> list[st.Page]:
    """Every page, in the order of the sidebar, and ``/ask`` (hidden) leading to Ask."""
    ask = st.Page(_to_ask, title=t("ask"), url_path="ask", visibility="hidden")
    return [*(page(name) for name in PAGES), ask]


def link(
    name: str,
    label: str,
    icon: str | None = None,
    params: dict[str, str] | None = None,
    help: str | None = None,
) -> None:
    """An in-app link to page ``name`` with ``params`` (``label`` shown as text)."""
    st.page_link(
        page(name, icon),
        label=md(label),
        help=md(help) if help else None,
        query_params={**(params or {}), **session_params()},
    )


def reader_link(
    doc: str, chunk_id: str, label: str | None = None, span: tuple[int, int] | None = None
) -> None:
    """A link that opens the reader with ``chunk_id`` highlighted and in view.

    :param span: the document's characters to highlight when more than the chunk was
        quoted (a search hit with the rest of its item: both pieces, not the first).
    """
    params = {"doc": doc, "chunk": chunk_id}
    if span is not None:
        params["span"] = f"{span[0]}-{span[1]}"
    link("browse", label or t("open_reader"), ":material/menu_book:", params)
