"""Shared pieces of the Streamlit face: the loaded knowledge base, safe text, addresses.

All logic lives in ``kb``; this module loads it once per process, in a background
thread, so a page can show its title and a "正在加载…" state at once instead of a blank
screen while Python imports and the index load (4–5 s on a cold server).

Document and user text is shown as text, never as markup: ``esc`` escapes it for HTML
blocks (a document holding ``<script>`` shows the tag), ``md`` for Markdown contexts —
messages, captions, labels — where a link or an image in a document, a file name or a
deep link's parameters would otherwise become a live link or a fetched image.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

import streamlit as st

from kb.errors import InputTooLong
from ui.strings import lang, t

if TYPE_CHECKING:
    from kb import KnowledgeBase

__all__ = [
    "esc",
    "highlight",
    "knowledge_base",
    "md",
    "plan",
    "short_address",
    "show_error",
]


def esc(text: str) -> str:
    """Document or user text for an HTML block (newlines kept as line breaks).

    Only inside a block that starts with a tag (``<div>…</div>``), where Markdown is not
    read; elsewhere use :func:`md`.
    """
    return html.escape(text).replace("\n", "<br>")


_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_AUTOLINK = re.compile(r"(?i)(https?|ftp|www|@)(?=[:./\w])")


def md(text: str) -> str:
    """Document or user text for a Markdown context (``st.error``, captions, labels).

    Every ASCII punctuation mark is backslash-escaped, as CommonMark allows, so
    ``[t](url)``, ``![t](url)``, ``<b>``, ``**``, ``$x$`` and Streamlit's ``:red[…]`` and
    ``:icon:`` all show as the characters they are. GitHub-style bare links
    (``http://…``, ``www.…``, ``a@b.cn``) are found after escapes are read, so an
    invisible word joiner (U+2060) after ``http``, ``www`` and ``@`` keeps them text.
    """
    return _ASCII_PUNCTUATION.sub(r"\\\1", _AUTOLINK.sub("\\1\u2060", text))


def plan(text_html: str, tag: str = "span") -> str:
    """Escaped plan text marked as quoted Chinese (``lang="zh"``, for screen readers)."""
    return f"<{tag} lang='zh' class='pkb-plan'>{text_html}</{tag}>"


def highlight(text: str, terms: list[str]) -> str:
    """Escaped HTML of ``text`` with ``terms`` wrapped in ``<mark>``."""
    from kb.highlight import mark

    return mark(text, terms, "<mark>", "</mark>", esc)


def short_address(section: list[str], levels: int = 2, top: bool = False) -> str:
    """The last ``levels`` parts of an address: enough to tell where, short enough for a
    phone (the full address stays in the citation and the reader).

    :param top: also its first part (一、2024年工作回顾 or 二、2025年工作安排 of a report,
        第四章 of the plan), for results from anywhere in a document.
    """
    if not top:
        return " › ".join(section[-levels:])
    if len(section) <= levels + 1:
        return " › ".join(section)
    return " › ".join([section[0], "…", *section[-levels:]])


def show_error(exc: BaseException) -> None:
    """An error as a message in the user's language (kb's own words in English mode)."""
    name, detail = type(exc).__name__, str(exc)
    key = f"err_{name}"
    if isinstance(exc, InputTooLong):  # err_query_long, err_description_long
        key = f"err_{exc.what}_long"
    elif name == "BadQuery" and "empty" in detail:
        key = "err_query_empty"
    try:
        message = t(key)
    except KeyError:
        message = t("err_other") if name.endswith("Document") else t("err_generic")
    if isinstance(exc, InputTooLong):  # how long it is and may be
        message = message.format(got=exc.length, limit=exc.limit)
    elif key == "err_BadQuery" or (lang() == "en" and key != "err_query_empty"):
        message = f"{message} {detail}"  # what was wrong and what is allowed (kb's words)
    st.error(md(message))


# -- loading -----------------------------------------------------------------------
class _Loader:
    """Loads the knowledge base in a background thread, again when the index changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._future: Future[Any] | None = None
        self._key: tuple[str, str | None, Any] | None = None

    def ready(self) -> bool:
        """Loaded (or failed) for the index as it is now; never waits, never imports kb
        before the first load has started."""
        future = self._future
        return future is not None and future.done() and not self._stale()

    def get(self) -> Future[Any]:
        """The load for the index as it is now, started if need be."""
        with self._lock:
            if self._future is None or (self._future.done() and self._stale()):
                self._future = Future()
                threading.Thread(target=self._load, daemon=True, name="kb-load").start()
            return self._future

    @staticmethod
    def _now() -> tuple[str, str | None, Any]:
        """What the loaded knowledge base must match: the index folder, its generation
        and the settings (read once per check from the file and ``POLICYKB_*``)."""
        from kb import Settings
        from kb.store import generation_id

        settings = Settings.load()
        index_dir = settings.paths.index_dir
        return str(index_dir), generation_id(index_dir), settings

    def _stale(self) -> bool:
        return self._key != self._now()

    def _load(self) -> None:
        future = self._future
        assert future is not None
        try:
            from kb import KnowledgeBase

            self._key = key = self._now()
            kb = KnowledgeBase.open(key[0], settings=key[2])
            kb.answerer()  # tokenizer, pipelines, coverage statistics
            kb.fit_checker()
            kb.warm_up()  # the embedding model: the first question must not wait for it
            kb.scoper()  # which documents a question names (the gazetteer, once)
            kb.ask("科技创新", generative=False)  # lazy imports, per-document searchers
        except BaseException as exc:  # handed to the page, which shows it
            future.set_exception(exc)
        else:
            future.set_result(kb)


@st.cache_resource(show_spinner=False)
def _loader() -> _Loader:
    return _Loader()


def knowledge_base(waiting: Callable[[], None] | None = None) -> KnowledgeBase | None:
    """The loaded knowledge base, or ``None`` (with a message) when there is no index.

    :param waiting: draws the page's loading state, shown only while it loads (drawn
        before the load starts, so the heavy imports do not hold it back).
    """
    loader = _loader()
    placeholder = None
    if waiting is not None and not loader.ready():
        placeholder = st.empty()
        with placeholder.container():
            waiting()
    future = loader.get()
    future.exception()  # waits
    if placeholder is not None:
        placeholder.empty()
    from kb import KBError

    try:
        return future.result()
    except KBError as exc:
        _no_index(exc)
        return None


def _no_index(exc: BaseException) -> None:
    from ingest import IngestError
    from kb import KBError, Settings, build_index

    st.warning(t("no_index"))
    show_error(exc)
    if st.button(t("build")):
        try:
            with st.spinner(t("working")):
                build_index(Settings.load())
        except (IngestError, KBError) as build_error:
            show_error(build_error)
            return
        st.rerun()
