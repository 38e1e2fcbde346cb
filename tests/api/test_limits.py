"""Request size and time limits: 413 for a large body, 504 for a slow request."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from api.errors import RequestTimeout
from api.runner import Runner
from tests.api.conftest import ClientFactory


def _padded(size: int) -> bytes:
    """A valid search body of exactly ``size`` bytes."""
    head, tail = b'{"query": "hydrogen", "section": null', b"}"
    return head + b" " * (size - len(head) - len(tail)) + tail


def test_a_body_declared_over_the_limit_is_413_before_it_is_read(
    make_client: ClientFactory, plan_kb: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_kb, "search_scoped", lambda *a: pytest.fail("searched"))
    with make_client(max_body=1000) as client:
        response = client.post(
            "/search", content=_padded(1001), headers={"content-type": "application/json"}
        )
    assert response.status_code == 413
    assert response.json() == {
        "error": "the request body is 1,001 bytes; the limit is 1,000 bytes "
        "(server setting POLICYKB_API_MAX_BODY)."
    }


def test_a_streamed_body_over_the_limit_is_413_as_soon_as_it_passes_it(
    make_client: ClientFactory,
) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(100):  # 100 × 100 bytes, without a Content-Length
            yield b" " * 100

    with make_client(max_body=1000) as client:
        response = client.post(
            "/search", content=chunks(), headers={"content-type": "application/json"}
        )
    assert response.status_code == 413
    assert response.json()["error"].startswith("the request body is larger; the limit is 1,000")


def test_a_body_of_exactly_the_limit_is_accepted(make_client: ClientFactory) -> None:
    with make_client(max_body=1000) as client:
        response = client.post(
            "/search", content=_padded(1000), headers={"content-type": "application/json"}
        )
    assert response.status_code == 200, response.text


def test_a_request_over_the_time_limit_is_504_and_the_server_keeps_answering(
    make_client: ClientFactory, plan_kb: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def slow(*args: Any, **kwargs: Any) -> Any:
        release.wait(10)
        return [], None

    monkeypatch.setattr(plan_kb, "search_scoped", slow)
    with make_client(timeout=0.3) as client:
        started = time.perf_counter()
        response = client.post("/search", json={"query": "氢能"})
        took = time.perf_counter() - started
        assert client.get("/healthz").status_code == 200
        assert client.get("/docs").status_code == 200  # other calls still run
        release.set()
    assert response.status_code == 504
    assert response.json()["error"].startswith("the request took longer than the limit of 0.3 s")
    assert took < 5


def test_a_call_still_queued_at_its_time_limit_is_dropped_not_run() -> None:
    ran: list[str] = []
    gate = threading.Event()

    async def scenario() -> None:
        runner = Runner(workers=1, timeout=0.2)
        runner.start()
        try:
            blocker = asyncio.ensure_future(runner.run(gate.wait, 5))
            await asyncio.sleep(0.05)  # the blocker holds the only thread
            with pytest.raises(RequestTimeout):
                await runner.run(ran.append, "queued")
            gate.set()
            with pytest.raises(RequestTimeout):
                await blocker
            assert await runner.run(lambda: "next") == "next"
        finally:
            runner.close()

    asyncio.run(scenario())
    assert ran == []


def test_a_runner_not_started_says_so() -> None:
    with pytest.raises(RuntimeError, match="not started"):
        asyncio.run(Runner(1, 1.0).run(print))
