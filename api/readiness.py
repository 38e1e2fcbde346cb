"""Readiness: the knowledge base warmed up (searchers built, embedding model loaded,
the answerer and fit checker built).

``/healthz`` says the process is up; ``/readyz`` says it answers at full speed. Queries
that arrive before warm-up ends are answered too, only slower (they wait for the parts
they need).

Example::

    warm = WarmUp(kb.warm_up)
    warm.start()
    warm.wait(60)             # True once warm
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from kb.knowledge_base import KnowledgeBase

__all__ = ["WarmUp", "warm_every_endpoint"]

log = logging.getLogger("policykb.api")


def warm_every_endpoint(kb: KnowledgeBase) -> None:
    """Load what any endpoint needs, so the first request of each kind is not the slow one.

    ``kb.warm_up()`` builds the searchers and loads the embedding model; the answerer, the
    fit checker and jieba's part-of-speech tagger (about 3 s) are built on first use, so
    one question and one project description follow.
    """
    kb.warm_up()
    kb.ask("2025年高新技术企业发展目标是多少")
    kb.fit("我们计划研发煤矿井下巡检机器人")


class WarmUp:
    """Runs ``work`` once in a background thread and remembers how it went.

    :param work: the warm-up (``kb.warm_up``); it blocks until done.
    """

    def __init__(self, work: Callable[[], object]) -> None:
        self.work = work
        self.error: BaseException | None = None
        self.seconds: float | None = None
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start warming up (once; later calls do nothing)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="policykb-warm-up", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        started = time.perf_counter()
        try:
            self.work()
        except Exception as exc:  # reported by /readyz and the log; the server stays up
            self.error = exc
            log.exception("warm-up failed")
        else:
            self.seconds = time.perf_counter() - started
            log.info("warm: ready in %.1f s", self.seconds)
        finally:
            self._done.set()

    @property
    def ready(self) -> bool:
        """Warm-up finished without an error."""
        return self._done.is_set() and self.error is None

    def status(self) -> str:
        """``ready``, ``warming up`` or ``warm-up failed: <reason>``."""
        if not self._done.is_set():
            return "warming up"
        return "ready" if self.error is None else f"warm-up failed: {self.error}"

    def wait(self, timeout: float | None = None) -> bool:
        """Block until warm-up ends (or ``timeout`` seconds); returns :attr:`ready`."""
        self._done.wait(timeout)
        return self.ready
