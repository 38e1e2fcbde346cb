"""One Qdrant client per location and process, with errors that say what to do.

A server is reached over HTTP with the API key from ``POLICYKB_QDRANT_API_KEY`` (never a
flag or a file). Local mode (``QdrantClient(path=…)``) runs Qdrant's Python
implementation in this process: exact search by brute force, a folder locked by one
process at a time, and — unlike a server — not safe for concurrent calls, so calls are
serialised here. Local mode persists points with pickle: point it only at folders
PolicyKB made.

Example::

    connection = connect(QdrantSettings(path="/tmp/kb/qdrant"))
    with connection.use("count points") as client:
        client.count("policykb").count
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from kb.errors import MissingExtra, StoreUnavailable
from kb.qdrant.settings import API_KEY_ENV, QdrantSettings

__all__ = ["Connection", "connect", "disconnect", "require_client"]

INSTALL = 'pip install "policykb[qdrant]"'
_connections: dict[str, Connection] = {}
_registry_lock = threading.Lock()


def require_client() -> Any:
    """The ``qdrant_client`` module.

    :raises MissingExtra: (an ``ImportError``) the ``qdrant`` extra is not installed.
    """
    try:
        import qdrant_client
    except ImportError as exc:
        raise MissingExtra(
            f"the Qdrant store needs the qdrant extra: {INSTALL} (or set store back to 'embedded')."
        ) from exc
    return qdrant_client


def _errors() -> tuple[type[BaseException], ...]:
    from qdrant_client.http.exceptions import ApiException

    # ValueError, RuntimeError: local mode's "collection not found", "instance is closed"
    return (ApiException, ConnectionError, TimeoutError, RuntimeError, ValueError)


class Connection:
    """A Qdrant client and how to use it safely.

    :param client: a ``QdrantClient``.
    :param settings: where it points (for messages, and local mode's lock).
    """

    def __init__(self, client: Any, settings: QdrantSettings) -> None:
        self.client = client
        self.settings = settings
        self._lock = threading.Lock() if settings.local else None

    @property
    def local(self) -> bool:
        return self.settings.local

    @contextmanager
    def use(self, what: str) -> Iterator[Any]:
        """The client, for one operation; Qdrant's errors become :class:`StoreUnavailable`.

        :param what: the operation, for the message (``"search text-sparse"``).
        :raises StoreUnavailable: the server did not answer or refused the request.
        """
        with self._lock or nullcontext():
            try:
                yield self.client
            except _errors() as exc:
                raise StoreUnavailable(
                    f"Qdrant at {self.settings.where} failed to {what} ({exc}); check that it "
                    f"is running and reachable (POLICYKB_QDRANT_URL, {API_KEY_ENV})."
                ) from exc


def _open(settings: QdrantSettings) -> Any:
    module = require_client()
    if settings.url:
        return module.QdrantClient(url=settings.url, api_key=os.environ.get(API_KEY_ENV) or None)
    try:
        return module.QdrantClient(path=settings.path)
    except RuntimeError as exc:  # the folder's lock is held by another process
        raise StoreUnavailable(
            f"the local Qdrant folder {settings.path} is open in another process (a "
            "`policykb serve`, or a build); local mode serves one process at a time. Stop "
            "that process, or run a Qdrant server and set POLICYKB_QDRANT_URL."
        ) from exc


def _key(settings: QdrantSettings) -> str:
    return settings.url or str(Path(settings.path).resolve())


def connect(settings: QdrantSettings) -> Connection:
    """The process's connection to ``settings``' location, made on first use.

    :raises MissingExtra: the ``qdrant`` extra is not installed.
    :raises StoreUnavailable: local mode's folder is locked by another process.
    """
    key = _key(settings)
    with _registry_lock:
        if key not in _connections:
            if not _connections:  # close before shutdown, while close() can still import
                atexit.register(disconnect)
            _connections[key] = Connection(_open(settings), settings)
        return _connections[key]


def disconnect(settings: QdrantSettings | None = None) -> None:
    """Close the connection to ``settings``' location (every connection when ``None``).

    Local mode's folder is unlocked, so another process can open it.
    """
    with _registry_lock:
        keys = list(_connections) if settings is None else [_key(settings)]
        if settings is None:
            atexit.unregister(disconnect)
        for key in keys:
            connection = _connections.pop(key, None)
            if connection is not None:
                connection.client.close()
