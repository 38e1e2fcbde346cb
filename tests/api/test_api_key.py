"""The optional API key: every endpoint but the health checks needs it when it is set."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient

import api.api_key
from api import ApiSettings, create_app
from tests.api.conftest import ClientFactory

KEY = "s3cret-key-ÄÖ"  # not only ASCII: compared as UTF-8 bytes


@pytest.fixture(scope="module")
def keyed(plan_kb: Any, api_settings: ApiSettings) -> Iterator[TestClient]:
    app = create_app(plan_kb, replace(api_settings, api_key=KEY))
    with TestClient(app) as client:
        assert app.state.warm.wait(120)
        yield client


def _bearer(key: str) -> dict[str, bytes]:
    return {"authorization": f"Bearer {key}".encode()}


def _x_api_key(key: str) -> dict[str, bytes]:
    return {"x-api-key": key.encode()}


ENDPOINTS = [
    ("post", "/search", {"query": "氢能", "k": 1}),
    ("post", "/ask", {"question": "氢能"}),
    ("post", "/fit", {"text": "氢能"}),
    ("post", "/compare", {"topic": "氢能"}),
    ("get", "/outline", None),
    ("get", "/indicators", None),
    ("get", "/docs", None),
]


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_without_the_key_every_endpoint_is_401_saying_how_to_send_it(
    keyed: TestClient, method: str, path: str, body: dict | None
) -> None:
    response = keyed.request(method, path, json=body)
    assert response.status_code == 401
    assert "Authorization: Bearer <key>" in response.json()["error"]
    assert "X-API-Key: <key>" in response.json()["error"]
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("method", "path", "body"), ENDPOINTS)
def test_with_the_key_every_endpoint_answers(
    keyed: TestClient, method: str, path: str, body: dict | None
) -> None:
    assert keyed.request(method, path, json=body, headers=_bearer(KEY)).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        _bearer("wrong"),
        _x_api_key("wrong"),
        _bearer(KEY[:-1]),
        _bearer(KEY + "x"),
        {"authorization": b"Basic czNjcmV0"},
        _x_api_key(""),
    ],
)
def test_a_wrong_key_is_401(keyed: TestClient, headers: dict[str, bytes]) -> None:
    response = keyed.post("/search", json={"query": "氢能"}, headers=headers)
    assert response.status_code == 401
    assert list(response.json()) == ["error"]


def test_a_wrong_key_says_it_is_wrong(keyed: TestClient) -> None:
    response = keyed.post("/search", json={"query": "氢能"}, headers=_x_api_key("nope"))
    assert response.json()["error"].startswith("the API key is wrong")


@pytest.mark.parametrize(
    "headers",
    [
        _bearer(KEY),
        _x_api_key(KEY),
        {"authorization": f"bearer  {KEY}".encode()},
        {**_bearer("wrong"), **_x_api_key(KEY)},
    ],
)
def test_the_right_key_in_either_header_is_accepted(
    keyed: TestClient, headers: dict[str, bytes]
) -> None:
    assert keyed.post("/search", json={"query": "氢能", "k": 1}, headers=headers).status_code == 200


def test_the_key_is_checked_before_the_body(keyed: TestClient) -> None:
    response = keyed.post(
        "/search", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 401


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/api-docs", "/openapi.json"])
def test_health_checks_and_the_docs_need_no_key(keyed: TestClient, path: str) -> None:
    assert keyed.get(path).status_code == 200


def test_the_key_is_compared_in_constant_time(
    keyed: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = api.api_key.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(api.api_key.hmac, "compare_digest", spy)
    keyed.get("/docs", headers=_x_api_key("guess"))
    assert compared == [(b"guess", KEY.encode())]


def test_the_schema_describes_the_key_only_when_one_is_set(
    keyed: TestClient, client: TestClient
) -> None:
    schemes = keyed.get("/openapi.json").json()["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} == {"http", "apiKey"}
    assert "securitySchemes" not in client.get("/openapi.json").json().get("components", {})


def test_without_a_key_set_no_request_needs_one(make_client: ClientFactory) -> None:
    with make_client(api_key="") as open_client:
        assert open_client.get("/docs").status_code == 200
