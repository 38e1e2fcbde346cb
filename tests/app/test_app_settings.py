"""Settings reach the app: a POLICYKB_* search, answer and fit setting changes the app's
results exactly as it changes the CLI's (both read the same settings tree)."""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from cli.main import main
from tests.app.apptest import APP, ask_at, open_page

_TAG = re.compile(r"<[^>]+>")


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def _app(index: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(index))
    return AppTest.from_file(APP, default_timeout=90).run()


def _text(block: str) -> str:
    return "".join(html_lib.unescape(_TAG.sub("", block)).split())


def _search_ids(capsys: pytest.CaptureFixture[str], index: Path, query: str) -> list[str]:
    found = _cli(capsys, "search", query, "--index-dir", str(index), "-k", "10")
    return [r["id"] for r in found["results"]]


def test_search_settings_change_the_app_as_they_change_the_cli(
    plan_index: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    query = "人才培养"
    default = _search_ids(capsys, plan_index, query)
    monkeypatch.setenv("POLICYKB_FUSION", "rrf")
    monkeypatch.setenv("POLICYKB_SPARSE_WEIGHT", "0.9")
    found = _cli(capsys, "search", query, "--index-dir", str(plan_index), "-k", "10")
    assert [r["id"] for r in found["results"]] != default  # the setting does something

    app = open_page(_app(plan_index, monkeypatch), "search")
    app.text_input(key="search_q").input(query).run()
    shown = [_text(m.value) for m in app.markdown if "pkb-hit" in m.value]
    assert len(shown) == len(found["results"]) == 10
    for rank, (hit, result) in enumerate(zip(shown, found["results"], strict=True), 1):
        assert "".join(result["text"].split()) in hit, f"rank {rank} differs from the CLI"


def test_answer_setting_changes_the_app_as_it_changes_the_cli(
    plan_index: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    question = "哪些氢能技术被列为重点？"
    default = _cli(capsys, "ask", question, "--index-dir", str(plan_index))
    assert len(default["groups"]) > 1
    monkeypatch.setenv("POLICYKB_ANSWER_MAX_GROUPS", "1")
    answer = _cli(capsys, "ask", question, "--index-dir", str(plan_index))
    assert len(answer["groups"]) == 1

    app = ask_at(_app(plan_index, monkeypatch), question)
    sections = [m.value for m in app.markdown if "pkb-section" in m.value]
    assert sum(block.count("class='pkb-section'") for block in sections) == 1
    heading = " › ".join(answer["groups"][0]["section"])
    assert any(f"title='{html_lib.escape(heading, quote=True)}'" in b for b in sections) or any(
        heading in html_lib.unescape(b) for b in sections
    )


def test_fit_setting_changes_the_app_as_it_changes_the_cli(
    plan_index: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "我公司计划在六盘水建设一条氢燃料电池膜电极生产线，并与高校合作研发质子交换膜"
    default = _cli(capsys, "fit", text, "--index-dir", str(plan_index))
    assert len(default["matches"]) > 2
    monkeypatch.setenv("POLICYKB_FIT_MAX_MATCHES", "2")
    report = _cli(capsys, "fit", text, "--index-dir", str(plan_index))
    assert len(report["matches"]) == 2

    app = open_page(_app(plan_index, monkeypatch), "fit")
    app.text_area(key="fit_text").input(text).run()
    next(b for b in app.button if b.label == "检查匹配").click().run()
    quoted = [_text(m.value) for m in app.markdown if "“" in m.value]
    for match in report["matches"]:
        assert any("".join(match["text"].split()) in q for q in quoted)
    assert len(quoted) == len(report["matches"]) + len(report["measures"])


def test_generative_answers_are_offered_in_the_app_only_when_a_model_is_configured(
    plan_index: Path, monkeypatch: pytest.MonkeyPatch, stub
) -> None:
    question = "哪些氢能技术被列为重点？"
    plain = _app(plan_index, monkeypatch)
    assert not plain.toggle  # no model configured: nothing to offer
    stub.reply = "规划把可再生能源制氢列为重点 [2]，并推进氢冶金 [99]。"
    monkeypatch.setenv("POLICYKB_LLM_URL", stub.url)
    monkeypatch.setenv("POLICYKB_LLM_MODEL", "stub-model")
    app = _app(plan_index, monkeypatch)
    assert app.toggle(key="ask_generative").value is True
    app = ask_at(app, question)
    shown = "\n".join(m.value for m in app.markdown).replace("\\", "")  # md() escapes
    assert "规划把可再生能源制氢列为重点 [2]" in shown and "[99]" not in shown
    assert any("[99]" in i.value.replace("\\", "") for i in app.info)  # forged: reported
    assert len(stub.requests) == 1

    app.toggle(key="ask_generative").set_value(False).run()
    app = ask_at(app, question)
    assert len(stub.requests) == 1  # off: the plan's own clauses, no model call
    assert sum("pkb-section" in m.value for m in app.markdown) >= 1
