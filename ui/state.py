"""What a user's work is, and how it survives a refresh, a download and a full page load.

A Streamlit session ends with every full page load, so the work (chat history, language,
the last search, fit and comparison) is kept on the server in a :class:`SessionStore`, keyed by a
random id carried in the URL as ``?s=…`` on every page (with ``&lang=zh|en``). A refresh
or a link opened in the same tab finds it again. The store is bounded (least recently
used first out) and forgets a session idle for ``ttl`` seconds; it is shared by the
server's sessions (``st.cache_resource``) and safe across their threads.

Example::

    work = attach()          # at the top of every run
    work.history.append((question, answer))
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from ui.strings import LANGS

__all__ = ["SessionStore", "Work", "attach", "session_params", "work"]

_ID = re.compile(r"[A-Za-z0-9_-]{8,40}")


@dataclass
class Work:
    """One user's work: what must outlive a page load."""

    lang: str = "zh"
    history: list[tuple[str, Any]] = field(default_factory=list)  # (question, Answer)
    search: dict[str, Any] = field(default_factory=dict)  # query and filters
    fit: dict[str, Any] = field(default_factory=dict)  # text and report
    compare: dict[str, Any] = field(default_factory=dict)  # topic, documents and result
    browse: dict[str, Any] = field(default_factory=dict)  # the document being read
    notice: str | None = None  # a message kept until dismissed (an upload's success)


class SessionStore:
    """Work by session id: at most ``max_sessions``, each forgotten after ``ttl`` s idle.

    :param clock: seconds, monotonic (a test passes its own).
    """

    def __init__(
        self,
        max_sessions: int = 500,
        ttl: float = 12 * 3600,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_sessions < 1 or ttl <= 0:
            raise ValueError(f"max_sessions must be ≥ 1 and ttl > 0, not {max_sessions}, {ttl}")
        self.max_sessions, self.ttl, self._clock = max_sessions, ttl, clock
        self._items: OrderedDict[str, tuple[float, Work]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, sid: str) -> Work:
        """The work under ``sid`` (new and empty when unknown or expired)."""
        now = self._clock()
        with self._lock:
            while self._items:  # the oldest first: drop those idle too long
                oldest, (seen, _) = next(iter(self._items.items()))
                if now - seen <= self.ttl:
                    break
                del self._items[oldest]
            _, found = self._items.pop(sid, (now, None))
            work = found if found is not None else Work()
            self._items[sid] = (now, work)
            while len(self._items) > self.max_sessions:
                self._items.popitem(last=False)
            return work

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __contains__(self, sid: object) -> bool:
        with self._lock:
            return sid in self._items


@st.cache_resource(show_spinner=False)
def _store() -> SessionStore:
    return SessionStore()


def attach() -> Work:
    """This run's work, found by the URL's ``s`` (or new); keeps ``s`` and ``lang`` in the URL.

    On a session's first run the URL's ``lang`` (if any) wins; afterwards the work's
    language does and the URL follows it.
    """
    state = st.session_state
    first = "sid" not in state
    if first:
        wanted = st.query_params.get("s", "")
        state.sid = wanted if _ID.fullmatch(wanted) else secrets.token_urlsafe(12)
    current = _store().get(state.sid)
    url_lang = st.query_params.get("lang")
    if first and url_lang in LANGS:
        current.lang = url_lang
    state.lang = current.lang
    state.work = current
    for key, value in session_params().items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    return current


def work() -> Work:
    """The work attached in this run (see :func:`attach`)."""
    found = st.session_state.get("work")
    return found if isinstance(found, Work) else attach()


def session_params() -> dict[str, str]:
    """The query parameters every in-app link carries: the session id and language."""
    return {"s": st.session_state.get("sid", ""), "lang": st.session_state.get("lang", "zh")}
