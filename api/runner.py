"""Blocking knowledge-base calls off the event loop, each within a time limit.

The knowledge base is synchronous (numpy, FAISS, Python): its calls run in a small
thread pool so the server keeps answering health checks and other requests meanwhile.
A call not finished within ``timeout`` seconds (queueing included) raises
:class:`~api.errors.RequestTimeout`; one still queued is dropped, one already running
finishes in its thread (Python cannot stop a thread) and its result is discarded.

Example::

    runner = Runner(workers=4, timeout=30.0)
    runner.start()
    hits = await runner.run(kb.search, "氢能", 5)
    runner.close()
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from api.errors import RequestTimeout

__all__ = ["Runner"]

P = ParamSpec("P")
T = TypeVar("T")


class Runner:
    """A thread pool with a time limit per call.

    :param workers: threads running calls at once; more calls wait their turn.
    :param timeout: seconds a call may take, from submission to result.
    """

    def __init__(self, workers: int, timeout: float) -> None:
        self.workers = workers
        self.timeout = timeout
        self._pool: ThreadPoolExecutor | None = None

    def start(self) -> None:
        """Create the pool (threads start on first use)."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="policykb-api")

    def close(self) -> None:
        """Drop queued calls and let running ones finish without waiting for them."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    async def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(*args, **kwargs)`` in the pool, awaited for at most ``timeout`` seconds.

        :returns: what ``fn`` returns.
        :raises RequestTimeout: it took longer than ``timeout``.
        :raises RuntimeError: the runner is not started.
        """
        if self._pool is None:
            raise RuntimeError("the runner is not started; the app's lifespan starts it.")
        future = self._pool.submit(fn, *args, **kwargs)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            future.cancel()  # dropped if still queued
            raise RequestTimeout(
                f"the request took longer than the limit of {self.timeout:g} s "
                "(server setting POLICYKB_API_TIMEOUT); try a shorter text or a narrower "
                "search, or retry when the server is less busy."
            ) from None
