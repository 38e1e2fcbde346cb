"""``/healthz`` is up from the start; ``/readyz`` is 503 until the warm-up is done."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import ClientFactory


def test_healthz_says_ok(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_is_503_while_warming_up_and_200_after(
    make_client: ClientFactory, plan_kb: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    monkeypatch.setattr(plan_kb, "warm_up", lambda: release.wait(30))
    with make_client() as client:
        before = client.get("/readyz")
        assert client.get("/healthz").status_code == 200
        release.set()
        client.app.state.warm.wait(10)
        after = client.get("/readyz")
    assert before.status_code == 503
    assert before.json() == {"error": "not ready: warming up."}
    assert after.status_code == 200 and after.json() == {"status": "ready"}


def test_a_failed_warm_up_keeps_readyz_503_with_the_reason(
    make_client: ClientFactory, plan_kb: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise OSError("the embedding model cannot be read")

    monkeypatch.setattr(plan_kb, "warm_up", broken)
    with make_client() as client:
        client.app.state.warm.wait(10)
        response = client.get("/readyz")
        assert client.get("/healthz").status_code == 200
    assert response.status_code == 503
    assert "the embedding model cannot be read" in response.json()["error"]


def test_the_app_does_nothing_before_it_starts(
    plan_kb: Any, api_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api import create_app

    monkeypatch.setattr(plan_kb, "warm_up", lambda: pytest.fail("warmed at creation"))
    app = create_app(plan_kb, api_settings)
    assert app.state.warm.status() == "warming up" and not app.state.warm.ready
