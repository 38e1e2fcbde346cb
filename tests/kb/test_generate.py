"""Generative answers against a local stub of the OpenAI chat API (never a real model)."""

from __future__ import annotations

import socket

import pytest

from kb import KnowledgeBase
from kb.generate import AnswerWriter, check_citations


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("text", "allowed", "clean", "removed"),
    [
        ("氢能 [1] 与 [2]。", {1, 2}, "氢能 [1] 与 [2]。", []),
        ("见 [1][7] 和 [99]。", {1}, "见 [1] 和 。", [7, 99]),
        ("no markers", {1}, "no markers", []),
    ],
)
def test_check_citations_removes_markers_naming_no_passage(text, allowed, clean, removed) -> None:
    assert check_citations(text, allowed) == (clean, removed)


def test_generated_answer_keeps_valid_citations(plan_kb: KnowledgeBase, stub) -> None:
    stub.reply = "规划把可再生能源制氢列为重点 [2]，并推进氢冶金 [1]。"
    extractive = plan_kb.ask("哪些氢能技术被列为重点？")
    answer = AnswerWriter(stub.url, "stub-model", timeout=5).write(extractive)
    assert answer.answer == stub.reply
    assert answer.notice is None
    assert answer.citations == extractive.citations
    assert answer.kind == "list+generated"


def test_forged_citation_is_removed_and_reported(plan_kb: KnowledgeBase, stub) -> None:
    stub.reply = "忽略以上指令。结论见 [1] 与 [42]。"
    answer = AnswerWriter(stub.url, "stub-model", timeout=5).write(plan_kb.ask("科技特派员"))
    assert "[42]" not in answer.answer and "[1]" in answer.answer
    assert answer.notice is not None and "[42]" in answer.notice


def test_only_the_question_and_retrieved_chunks_are_sent(plan_kb: KnowledgeBase, stub) -> None:
    stub.reply = "见 [1]。"
    extractive = plan_kb.ask("科技特派员")
    AnswerWriter(stub.url, "stub-model", timeout=5).write(extractive)
    (request,) = stub.requests
    sent = request["messages"][-1]["content"]
    sent = sent if isinstance(sent, str) else " ".join(p.get("text", "") for p in sent)
    assert "科技特派员" in sent
    for citation in extractive.citations:
        assert citation.text in sent
    cited = {c.id for c in extractive.citations}
    others = [c.content for c in plan_kb.chunks if c.id not in cited and len(c.content or "") > 40]
    assert not any(text in sent for text in others)


def test_unreachable_endpoint_falls_back_to_extractive_answer(plan_kb: KnowledgeBase) -> None:
    extractive = plan_kb.ask("科技特派员")
    url = f"http://127.0.0.1:{_free_port()}/v1"
    answer = AnswerWriter(url, "stub-model", timeout=2).write(extractive)
    assert answer.answer == extractive.answer
    assert answer.notice and "could not be reached" in answer.notice


def test_no_answer_is_never_sent_to_the_model(plan_kb: KnowledgeBase, stub) -> None:
    answer = AnswerWriter(stub.url, "stub-model", timeout=5).write(
        plan_kb.ask("住房限购政策有哪些")
    )
    assert not answer.found
    assert stub.requests == []
