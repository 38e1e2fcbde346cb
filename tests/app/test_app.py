"""The Streamlit app, driven by streamlit.testing's AppTest: every page, no browser."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from streamlit.testing.v1 import AppTest

from kb import Config, build_index
from kb.store import generation_id

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
DOC = "liupanshui-14th-fyp-sci-tech"


@pytest.fixture()
def app(plan_index: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(plan_index))
    return AppTest.from_file(APP, default_timeout=90).run()


def _html(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_first_page_is_ask_and_renders_without_errors(app: AppTest) -> None:
    assert not app.exception
    assert app.title[0].value.endswith("问答")
    assert any("六盘水市“十四五”科技创新规划" in c.value for c in app.caption)


def test_ask_hydrogen_question_shows_groups_and_citations(app: AppTest) -> None:
    app.chat_input[0].set_value("哪些氢能技术被列为重点？").run()
    assert not app.exception
    html = _html(app)
    for box in ("专栏1 能源产业技术攻关", "专栏2 煤炭产业技术攻关", "专栏3 钢铁产业技术攻关"):
        assert box in html
    assert "<sup>[1]</sup>" in html
    assert len(app.expander) >= 4  # one per citation, each with the clause in context


def test_ask_without_answer_looks_different(app: AppTest) -> None:
    app.chat_input[0].set_value("住房限购政策有哪些").run()
    assert app.warning and app.warning[0].value == "规划没有直接回答这个问题"
    assert not app.expander


def test_ask_keeps_a_chat_history(app: AppTest) -> None:
    app.chat_input[0].set_value("科技特派员").run()
    app.chat_input[0].set_value("2025年高新技术企业目标是多少家").run()
    texts = [t.value for t in app.text]
    assert texts == ["科技特派员", "2025年高新技术企业目标是多少家"]


def test_search_with_industry_filter(app: AppTest, plan_kb) -> None:
    in_industry = sum(c.meta.get("industry") == "钢铁产业" for c in plan_kb.chunks)
    app.switch_page("pages/search.py").run()
    app.selectbox[2].select("钢铁产业").run()
    app.text_input(key="search_query").input("技术研发").run()
    hits = [m.value for m in app.markdown if "pkb-hit" in m.value]
    assert len(hits) == min(10, in_industry) > 0
    assert all("钢铁产业" in h for h in hits)
    assert "<mark>" in "".join(hits)


def test_with_several_documents_hits_and_answers_name_their_document(
    two_doc_kb, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(two_doc_kb.index_dir))
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.chat_input[0].set_value("农村人居环境整治有哪些技术").run()
    sections = [m.value for m in at.markdown if "pkb-section" in m.value]
    assert sections and all("《" in s for s in sections)
    at.switch_page("pages/search.py").run()
    at.text_input(key="search_query").input("农村人居环境整治").run()
    hits = [m.value for m in at.markdown if "pkb-hit" in m.value]
    assert any("《六盘水市“十四五”科技创新规划》" in h for h in hits)
    assert any("《中共中央 国务院关于实施乡村振兴战略的意见" in h for h in hits)


def test_search_empty_result_says_so(app: AppTest) -> None:
    app.switch_page("pages/search.py").run()
    app.text_input(key="search_query").input("😀😀").run()
    assert app.info[0].value == "没有找到结果。"


def test_browse_deep_link_highlights_the_cited_chunk(app: AppTest) -> None:
    chunk = f"{DOC}:ch4.s1.ss1.box1.i2.c1"
    app.query_params["doc"] = DOC
    app.query_params["chunk"] = chunk
    app.switch_page("pages/browse.py").run()
    assert not app.exception
    html = _html(app)
    assert "<mark id='cited'>2．氢能源。加强天然气" in html
    assert "专栏1 能源产业技术攻关" in app.caption[-1].value
    assert f"chunk={quote_plus(chunk)}" in html  # the tree links are shareable deep links too


def test_browse_glossary_tab_lists_the_eight_terms(app: AppTest) -> None:
    app.switch_page("pages/browse.py").run()
    terms = [m.value for m in app.tabs[1].markdown]
    assert len(terms) == 8 and terms[0].startswith("<div><b>R&amp;D经费投入强度</b>")


def test_browse_unknown_chunk_shows_an_error_not_a_traceback(app: AppTest) -> None:
    app.query_params["doc"] = DOC
    app.query_params["chunk"] = "nope"
    app.switch_page("pages/browse.py").run()
    assert not app.exception and app.error


@pytest.mark.parametrize(
    ("text", "element", "word"),
    [("我们计划研发煤矿井下巡检机器人", "success", "符合"), ("举办明星演唱会", "error", "不符合")],
)
def test_fit_page_shows_verdict_and_report(
    app: AppTest, text: str, element: str, word: str
) -> None:
    app.switch_page("pages/fit.py").run()
    app.text_area(key="fit_text").input(text).run()
    app.button[0].click().run()
    box = getattr(app, element)
    assert box and f"结论: {word}" in box[0].value
    assert app.get("download_button")


def test_targets_page_shows_table_chart_and_sources(app: AppTest) -> None:
    app.switch_page("pages/targets.py").run()
    assert not app.exception
    frame = app.dataframe[0].value
    assert len(frame) == 8
    assert frame.iloc[2].tolist()[:4] == ["高新技术企业", "家", 54, 180]
    assert app.get("arrow_vega_lite_chart") or app.get("vega_lite_chart")


def test_english_switch_translates_the_interface(app: AppTest) -> None:
    app.sidebar.radio[0].set_value("English").run()
    assert app.title[0].value.endswith("Ask")


def test_document_text_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "第一章 总则\n一、目标\n推进<script>alert(1)</script>科技创新。<b>粗体</b>\n", "utf-8"
    )
    index = tmp_path / "index"
    build_index(Config.load(env={}, index_dir=index), [corpus])
    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(index))
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page("pages/search.py").run()
    at.text_input(key="search_query").input("科技创新").run()
    html = _html(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html and "<b>粗体</b>" not in html


def _upload_script(name: str, data: bytes) -> None:
    from pages.ui import _add

    _add(name, data)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.txt", b"\x00\x01\x02binary", "binary"),
        ("table.xlsx", b"PK\x03\x04", "give a file named like"),
        ("empty.txt", b"", "holds no text"),
    ],
)
def test_bad_upload_shows_message_and_changes_nothing(
    tmp_path: Path,
    plan_index: Path,
    plan_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    data: bytes,
    message: str,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(plan_path, corpus)
    index = tmp_path / "index"
    shutil.copytree(plan_index, index)
    before = sorted(p.name for p in corpus.iterdir()), generation_id(index)
    monkeypatch.setenv("POLICYKB_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(index))
    at = AppTest.from_function(_upload_script, args=(name, data), default_timeout=60).run()
    assert at.error and message in at.error[0].value
    assert (sorted(p.name for p in corpus.iterdir()), generation_id(index)) == before


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    yield
    import streamlit as st

    st.cache_resource.clear()
