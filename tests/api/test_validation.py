"""Bad requests get a clear 4xx with a one-line ``{"error": ...}`` body."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.schemas import MAX_K
from api.settings import MAX_FIT_CHARS
from kb.search import MODES, SearchSettings

JSON = {"content-type": "application/json"}


def _error(response: Any, status: int) -> str:
    """The error line of ``response``, after checking its status and body shape."""
    assert response.status_code == status, response.text
    body = response.json()
    assert list(body) == ["error"]
    assert "\n" not in body["error"] and body["error"]
    return body["error"]


@pytest.mark.parametrize("path", ["/search", "/ask", "/fit", "/compare"])
def test_malformed_json_is_400_saying_where(client: TestClient, path: str) -> None:
    message = _error(client.post(path, content='{"query": "氢能",'.encode(), headers=JSON), 400)
    assert message.startswith("malformed JSON at character")


def test_a_body_that_is_not_a_json_object_is_422_listing_the_fields(client: TestClient) -> None:
    message = _error(client.post("/search", json=["氢能"]), 422)
    assert "JSON object" in message and "query, k" in message


def test_a_json_body_without_the_json_content_type_is_422(client: TestClient) -> None:
    body = b'{"query": "hydrogen"}'
    response = client.post("/search", content=body, headers={"content-type": "text/plain"})
    assert "application/json" in _error(response, 422)


def test_a_missing_body_is_422(client: TestClient) -> None:
    assert "JSON object body" in _error(client.post("/ask"), 422)


def test_a_missing_required_field_is_422_naming_it(client: TestClient) -> None:
    assert _error(client.post("/search", json={"k": 3}), 422) == "query is required."


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"query": "氢能", "k": "5"}, "k"),
        ({"query": "氢能", "k": 5.5}, "k"),
        ({"query": "氢能", "k": True}, "k"),
        ({"query": 42}, "query"),
        ({"query": "氢能", "all_docs": "yes"}, "all_docs"),
        ({"query": "氢能", "doc": ["a"]}, "doc"),
        ({"query": "氢能", "mode": "fuzzy"}, "mode"),
    ],
)
def test_a_wrong_type_is_422_naming_the_field_and_what_came(
    client: TestClient, body: dict, field: str
) -> None:
    message = _error(client.post("/search", json=body), 422)
    assert message.startswith(f"{field}: ")
    assert "(got " in message


def test_mode_errors_list_the_modes(client: TestClient) -> None:
    message = _error(client.post("/search", json={"query": "氢能", "mode": "fuzzy"}), 422)
    assert all(mode in message for mode in MODES)


def test_fit_doc_that_is_neither_an_id_nor_a_list_of_ids_says_both_forms(
    client: TestClient,
) -> None:
    message = _error(client.post("/fit", json={"text": "氢能", "doc": [1]}), 422)
    assert message == "doc must be a string or a list of strings (got [1])."


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/search", {"query": "氢能", "top_k": 3}),
        ("/ask", {"question": "氢能", "k": 3}),
        ("/fit", {"text": "氢能", "docs": ["x"]}),
        ("/compare", {"topic": "氢能", "doc": "x"}),
    ],
)
def test_an_unknown_field_is_422_naming_it_and_the_allowed_ones(
    client: TestClient, path: str, body: dict
) -> None:
    unknown = next(iter(set(body) - {"query", "question", "text", "topic"}))
    message = _error(client.post(path, json=body), 422)
    assert f"unknown field {unknown!r}" in message and "allowed: " in message


def test_an_unknown_query_parameter_is_422(client: TestClient) -> None:
    assert _error(client.get("/outline?document=x"), 422).startswith("unknown field 'document'")


@pytest.mark.parametrize(
    ("path", "field", "limit"),
    [
        ("/search", "query", SearchSettings.max_query_chars),
        ("/ask", "question", SearchSettings.max_query_chars),
        ("/compare", "topic", SearchSettings.max_query_chars),
        ("/fit", "text", MAX_FIT_CHARS),
    ],
)
def test_an_over_long_field_is_422_saying_the_length_and_the_limit(
    client: TestClient, path: str, field: str, limit: int
) -> None:
    message = _error(client.post(path, json={field: "氢" * (limit + 1)}), 422)
    assert message == f"{field} is {limit + 1:,} characters; the limit is {limit:,}."


def test_a_query_of_exactly_the_limit_is_searched(client: TestClient) -> None:
    query = "氢能" * (SearchSettings.max_query_chars // 2)
    assert client.post("/search", json={"query": query, "k": 1}).status_code == 200


@pytest.mark.parametrize("k", [0, -1, MAX_K + 1, 10**9])
def test_k_out_of_range_is_422(client: TestClient, k: int) -> None:
    message = _error(client.post("/search", json={"query": "氢能", "k": k}), 422)
    assert message.startswith(f"k={k} is out of range")


@pytest.mark.parametrize("k", [1, MAX_K])
def test_k_at_its_bounds_is_accepted(client: TestClient, k: int) -> None:
    response = client.post("/search", json={"query": "氢能", "k": k})
    assert response.status_code == 200
    assert 1 <= len(response.json()["results"]) <= k


def test_several_errors_are_reported_together_on_one_line(client: TestClient) -> None:
    body = {"query": "氢" * 1001, "k": 0, "colour": "red"}
    message = _error(client.post("/search", json=body), 422)
    assert "query is 1,001 characters" in message and "k=0" in message
    assert "unknown field 'colour'" in message


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/search", {"query": "   "}),
        ("/ask", {"question": ""}),
        ("/fit", {"text": "。。。"}),
        ("/compare", {"topic": " "}),
    ],
)
def test_an_empty_query_is_400_with_the_knowledge_bases_message(
    client: TestClient, path: str, body: dict
) -> None:
    assert "empty" in _error(client.post(path, json=body), 400)


def test_an_unknown_section_is_400_listing_the_options(client: TestClient) -> None:
    message = _error(client.post("/search", json={"query": "氢能", "section": "第九十章"}), 400)
    assert "第九十章" in message


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/search", {"query": "氢能", "doc": "no-such-doc"}),
        ("post", "/ask", {"question": "氢能", "doc": "no-such-doc"}),
        ("post", "/fit", {"text": "氢能", "doc": "no-such-doc"}),
        ("post", "/compare", {"topic": "氢能", "docs": ["no-such-doc"]}),
        ("get", "/outline?doc=no-such-doc", None),
        ("get", "/indicators?doc=no-such-doc", None),
    ],
)
def test_an_unknown_document_is_404_listing_the_known_ones(
    client: TestClient, method: str, path: str, body: dict | None
) -> None:
    message = _error(client.request(method, path, json=body), 404)
    assert "no-such-doc" in message and "liupanshui-14th-fyp-sci-tech" in message


def test_an_unknown_endpoint_is_404_pointing_at_the_docs(client: TestClient) -> None:
    assert "/api-docs" in _error(client.get("/search/all"), 404)


def test_a_wrong_method_is_405(client: TestClient) -> None:
    assert _error(client.get("/search"), 405) == "GET is not allowed on /search."
