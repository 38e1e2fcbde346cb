"""Every endpoint answers with the CLI's ``--json`` for the same input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from cli.main import main
from kb.compare import compare

PLAN = "liupanshui-14th-fyp-sci-tech"


def _plain(value: Any) -> Any:
    """``value`` as it reads back from JSON (tuples become lists)."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def _cli(capsys: pytest.CaptureFixture[str], index: Path, *argv: str) -> Any:
    capsys.readouterr()
    assert main([*argv, "--json", "--index-dir", str(index)]) == 0
    return json.loads(capsys.readouterr().out)


def test_search_returns_the_query_its_scope_and_the_knowledge_bases_hits(
    client: TestClient, plan_kb: Any
) -> None:
    response = client.post("/search", json={"query": "哪些氢能技术被列为重点？", "k": 5})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    hits, scope = plan_kb.search_scoped("哪些氢能技术被列为重点？", 5)
    assert response.json() == _plain(
        {
            "query": "哪些氢能技术被列为重点？",
            "scope": scope.to_dict() if scope else None,
            "elsewhere": [],
            "results": [h.to_dict() for h in hits],
        }
    )
    assert len(response.json()["results"]) == 5


def test_search_names_the_places_no_document_is_about(client: TestClient) -> None:
    response = client.post("/search", json={"query": "青海的生产总值", "k": 1})
    assert response.status_code == 200 and response.json()["elsewhere"] == ["青海"]


def test_search_with_filters_and_a_mode_passes_them_to_the_knowledge_base(
    client: TestClient, plan_kb: Any
) -> None:
    body = {"query": "技术研发", "k": 3, "section": "第四章", "mode": "bm25", "doc": PLAN}
    response = client.post("/search", json=body)
    hits = plan_kb.search("技术研发", 3, PLAN, "第四章", None, "bm25")
    assert response.json() == _plain(
        {
            "query": "技术研发",
            "scope": None,
            "elsewhere": [],
            "results": [h.to_dict() for h in hits],
        }
    )
    assert all(r["section"][0].startswith("第四章") for r in response.json()["results"])


def test_ask_returns_the_answers_own_json(client: TestClient, plan_kb: Any) -> None:
    question = "2025年高新技术企业目标是多少家"
    response = client.post("/ask", json={"question": question})
    assert response.status_code == 200
    assert response.json() == _plain(plan_kb.ask(question).to_dict())
    assert "180" in response.json()["answer"]


def test_fit_accepts_one_id_a_comma_list_or_a_list_of_documents(
    client: TestClient, plan_kb: Any
) -> None:
    text = "我们计划研发煤矿井下巡检机器人"
    expected = _plain(plan_kb.fit(text, doc=[PLAN]).to_dict())
    assert expected["verdict"] == "fit"
    for doc in (PLAN, f"{PLAN},{PLAN}", [PLAN]):
        response = client.post("/fit", json={"text": text, "doc": doc})
        assert response.status_code == 200, response.text
        assert response.json()["verdict"] == expected["verdict"]
        assert response.json()["matches"] == expected["matches"]


def test_compare_returns_the_comparisons_json(client: TestClient, plan_kb: Any) -> None:
    response = client.post("/compare", json={"topic": "氢能"})
    assert response.status_code == 200
    assert response.json() == _plain(compare(plan_kb, "氢能").to_dict())


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/docs", lambda kb: {"documents": [d.to_dict() for d in kb.documents]}),
        ("/outline", lambda kb: kb.outline()),
        (f"/outline?doc={PLAN}", lambda kb: kb.outline(PLAN)),
        ("/indicators", lambda kb: {"indicators": [r.to_dict() for r in kb.indicators()]}),
        (
            f"/indicators?doc={PLAN}",
            lambda kb: {"indicators": [r.to_dict() for r in kb.indicators(PLAN)]},
        ),
    ],
)
def test_get_endpoints_return_the_knowledge_bases_json(
    client: TestClient, plan_kb: Any, path: str, expected: Any
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.json() == _plain(expected(plan_kb))


@pytest.mark.parametrize(
    ("method", "path", "body", "argv"),
    [
        ("post", "/search", {"query": "科技金融", "k": 4}, ["search", "科技金融", "-k", "4"]),
        (
            "post",
            "/search",
            {"query": "hydrogen fuel cell", "all_docs": True},
            ["search", "hydrogen fuel cell", "--all-docs"],
        ),
        (
            "post",
            "/ask",
            {"question": "哪些氢能技术被列为重点？"},
            ["ask", "哪些氢能技术被列为重点？", "--extractive"],
        ),
        ("post", "/fit", {"text": "举办明星演唱会"}, ["fit", "举办明星演唱会"]),
        ("post", "/compare", {"topic": "高新技术企业"}, ["compare", "高新技术企业"]),
        ("get", "/docs", None, ["docs"]),
        ("get", "/outline", None, ["outline"]),
        ("get", "/indicators", None, ["indicators"]),
    ],
)
def test_every_endpoint_answers_exactly_as_the_cli_prints_json(
    client: TestClient,
    plan_index: Path,
    capsys: pytest.CaptureFixture[str],
    method: str,
    path: str,
    body: dict | None,
    argv: list[str],
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == 200, response.text
    assert response.json() == _cli(capsys, plan_index, *argv)


def test_a_lone_surrogate_in_a_query_is_a_422_not_a_server_error(client: TestClient) -> None:
    body = b'{"query": "\\ud800"}'
    response = client.post("/search", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"].startswith("query:")


def test_the_interactive_docs_and_schema_leave_docs_to_the_documents(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/search", "/ask", "/fit", "/compare", "/outline", "/indicators", "/docs"} <= set(
        schema["paths"]
    )
    assert {"/healthz", "/readyz"} <= set(schema["paths"])
    assert "swagger" in client.get("/api-docs").text.lower()
    assert client.get("/redoc").status_code == 404


def test_a_lone_surrogate_in_a_response_is_escaped_rather_than_failing() -> None:
    from api.errors import JSONBody

    assert JSONBody({"query": "氢\ud800"}).body == b'{"query":"\\u6c22\\ud800"}'
    assert JSONBody({"query": "氢能"}).body == '{"query":"氢能"}'.encode()
