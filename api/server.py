"""``policykb api``: open the index, configure the knowledge base, serve it with uvicorn.

A missing or damaged index stops the start with one line (the CLI prints the
:class:`~kb.errors.KBError`); the port opens once the index is loaded and its
searcher built, and ``/readyz`` turns 200 when the warm-up that follows is done.

Example::

    serve(Settings.load(), host="127.0.0.1", port=8000)    # blocks until Ctrl-C
"""

from __future__ import annotations

import ipaddress
import logging
import sys

import uvicorn

from api.app import DOCS_URL, create_app
from api.settings import ApiSettings, load_settings
from kb.knowledge_base import KnowledgeBase
from kb.settings import Settings

__all__ = ["open_knowledge_base", "serve"]

log = logging.getLogger("policykb.api")


def _setup_logging() -> None:
    """Our log lines beside uvicorn's, in its format (``INFO:     …``)."""
    logger = logging.getLogger("policykb")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def open_knowledge_base(settings: ApiSettings) -> KnowledgeBase:
    """The index, loaded and checked, its searcher built with ``settings.search``.

    :raises IndexMissing: no index at ``settings.index_dir``.
    :raises IndexCorrupt: the index fails its checksums.
    :raises IndexStale: built with another embedder than ``settings.embedder``.
    """
    kb = KnowledgeBase.open(settings.index_dir, settings=settings.tree)
    if settings.embedder:
        kb.check_embedder(settings.embedder)
    for note in kb.changes(settings.corpus_dir):
        log.warning("%s; run `policykb ingest` to update.", note)
    kb.searcher()  # before any request
    return kb


def _exposed(host: str) -> bool:
    """Whether ``host`` is reachable from other machines (not a loopback address)."""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: assume it is reachable
        return True


def serve(config: Settings, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Serve the index named by ``config`` over HTTP until interrupted.

    :param config: the knowledge base's settings (flags applied).
    :param host: the address to listen on.
    :param port: the port.
    :returns: 0 once the server stops.
    :raises KBError: the index is missing, damaged or stale, or a setting is invalid.
    """
    _setup_logging()
    settings = load_settings(config)
    kb = open_knowledge_base(settings)
    if _exposed(host) and not settings.api_key:
        log.warning(
            "listening on %s without an API key: anyone who can reach it can query the "
            "index; set POLICYKB_API_KEY to require one.",
            host,
        )
    log.info(
        "PolicyKB API on http://%s:%d (docs at %s), %d documents",
        host,
        port,
        DOCS_URL,
        len(kb.documents),
    )
    uvicorn.run(create_app(kb, settings), host=host, port=port, log_level="info")
    return 0
