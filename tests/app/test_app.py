"""The Streamlit app, driven by streamlit.testing's AppTest: every page, no browser."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kb import Settings, build_index
from kb.store import generation_id
from tests.app.apptest import APP, ask_at, html, open_page

DOC = "liupanshui-14th-fyp-sci-tech"


def test_first_page_is_ask_with_examples_and_renders_without_errors(app: AppTest) -> None:
    assert not app.exception
    assert app.title[0].value == "问答"
    assert any("六盘水市“十四五”科技创新规划" in c.value for c in app.caption)
    assert "哪些氢能技术被列为重点？" in app.pills[0].options


def test_an_example_question_is_asked_when_clicked_and_the_examples_go(app: AppTest) -> None:
    app.pills[0].set_value("哪些氢能技术被列为重点？").run()
    assert [m.value for m in app.chat_message[0].markdown] == ["哪些氢能技术被列为重点？"]
    assert "专栏1 能源产业技术攻关" in html(app)
    assert not app.pills


def test_ask_hydrogen_question_shows_short_headings_clickable_markers_and_citations(
    app: AppTest,
) -> None:
    ask_at(app, "哪些氢能技术被列为重点？")
    assert not app.exception
    page_html = html(app)
    for box in ("专栏1 能源产业技术攻关", "专栏2 煤炭产业技术攻关", "专栏3 钢铁产业技术攻关"):
        assert box in page_html
    assert "class='pkb-ref' href='#pkb-cite-0-1' data-cite='pkb-cite-0-1'>[1]</a>" in page_html
    heads = re.findall(r"<div class='pkb-head'>(.*?)</div>", page_html)
    assert heads and all(h.count("›") <= 1 for h in heads)  # not the 4–5 level breadcrumb
    assert len(app.expander) >= 4  # one per citation, each with the clause in context
    assert all(e.label.count("›") <= 1 for e in app.expander)


def test_number_answer_leads_with_the_figure_and_does_not_repeat_the_table_row(
    app: AppTest,
) -> None:
    ask_at(app, "2025年高新技术企业目标是多少家")
    page_html = html(app)
    lead = re.search(r"<div class='pkb-lead'>(.*?)</div>", page_html).group(1)
    assert "180家" in lead and "2025年目标值" in lead and "54家" in lead
    assert "54\t180" not in page_html.replace("\n", "")
    assert "<li>高新技术企业（家）" not in page_html
    # the cited row's bare numbers are labelled where the citation opens
    assert any(c.value == "指标 | 2020年完成值 | 2025年目标值" for c in app.caption)


def test_number_answer_is_framed_in_english_in_english_mode(app: AppTest) -> None:
    app.sidebar.radio[0].set_value("en").run()
    ask_at(app, "2025年高新技术企业目标是多少家")
    lead = re.search(r"<div class='pkb-lead'>(.*?)</div>", html(app)).group(1)
    assert "2025 target" in lead and "2020 value" in lead and "目标值" not in lead


@pytest.mark.parametrize(
    ("question", "related"), [("住房限购政策有哪些", True), ("明天天气怎么样", False)]
)
def test_ask_without_answer_shows_related_sections_only_when_words_match(
    app: AppTest, question: str, related: bool
) -> None:
    ask_at(app, question)
    assert app.warning and app.warning[0].value == "规划没有直接回答这个问题"
    assert not app.expander
    assert bool(app.main.get("page_link")) is related
    assert any(c.value.startswith("规划中也没有与之相关的章节") for c in app.caption) is not related


def test_an_overlong_question_is_told_its_length_and_the_limit(app: AppTest) -> None:
    ask_at(app, "氢能" * 3000)
    assert not app.exception
    message = app.error[0].value
    assert "6000 字" in message and "上限" in message and "{" not in message


def test_ask_keeps_a_chat_history_and_clears_it(app: AppTest) -> None:
    ask_at(app, "科技特派员")
    ask_at(app, "2025年高新技术企业目标是多少家")
    questions = [c.markdown[0].value for c in app.chat_message if c.name == "user"]
    assert questions == ["科技特派员", "2025年高新技术企业目标是多少家"]
    next(b for b in app.button if b.label == "清空对话").click().run()
    assert not app.chat_message


def test_search_with_industry_filter_counts_and_exports(app: AppTest, plan_kb) -> None:
    in_industry = sum(c.meta.get("industry") == "钢铁产业" for c in plan_kb.chunks)
    open_page(app, "search")
    app.selectbox(key="search_industry").select("钢铁产业").run()
    app.text_input(key="search_q").input("技术研发").run()
    hits = [m.value for m in app.markdown if "pkb-hit" in m.value]
    assert 0 < len(hits) <= min(10, in_industry)  # pieces of one paragraph are one hit
    assert all("钢铁产业" in h for h in hits)
    assert "<mark>" in "".join(hits)
    assert f"**找到 {len(hits)} 条结果**" in [m.value for m in app.markdown]
    assert app.get("download_button")


def test_search_chapters_are_in_document_order(app: AppTest) -> None:
    open_page(app, "search")
    options = app.selectbox(key="search_chapter").options
    assert options[1].startswith("前言") or options[1].startswith("第一章")
    third = next(i for i, o in enumerate(options) if o.startswith("第三章"))
    seventh = next(i for i, o in enumerate(options) if o.startswith("第七章"))
    assert third < seventh


def test_with_several_documents_hits_and_answers_name_their_document(
    two_doc_kb, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(two_doc_kb.index_dir))
    at = AppTest.from_file(APP, default_timeout=90).run()
    ask_at(at, "农村人居环境整治有哪些技术")
    sections = re.findall(r"<div class='pkb-section' title='(.*?)'>", html(at))
    assert sections and all("《" in s for s in sections)
    heads = re.findall(r"<div class='pkb-head'>(.*?)</div>", html(at))
    assert heads and all("《" in h for h in heads)  # shown, not only in the tooltip
    sources = [e.label for e in at.expander if e.label.startswith("\\[")]  # md-escaped
    assert sources and all("《" in label for label in sources)  # whose 前言 it is
    open_page(at, "search")
    at.text_input(key="search_q").input("农村人居环境整治").run()
    hits = [m.value for m in at.markdown if "pkb-hit" in m.value]
    assert any("《六盘水市“十四五”科技创新规划》" in h for h in hits)
    assert any("《中共中央 国务院关于实施乡村振兴战略的意见" in h for h in hits)


def test_search_with_a_filter_and_no_words_says_to_type_some(app: AppTest) -> None:
    open_page(app, "search")
    app.selectbox(key="search_industry").select_index(1).run()
    assert any("输入检索词" in c.value for c in app.caption)


def test_search_empty_result_says_so(app: AppTest) -> None:
    open_page(app, "search")
    app.text_input(key="search_q").input("😀😀").run()
    assert app.info[0].value == "没有找到结果。"


def test_search_and_ask_about_a_place_no_document_covers_say_so(app: AppTest) -> None:
    open_page(app, "search")
    app.text_input(key="search_q").input("青海2024年生产总值增长多少").run()
    assert "青海" in app.warning[0].value  # the hits may not answer it
    open_page(app, "")  # the Ask page
    ask_at(app, "By how much did Qinghai's GDP grow in 2024?")
    notice = " ".join(i.value for i in app.info)
    assert "Qinghai" in notice and "六盘水" in notice and "64.8%" not in html(app)


def test_browse_deep_link_highlights_the_cited_chunk_and_marks_the_contents(
    app: AppTest,
) -> None:
    chunk = f"{DOC}:ch4.s1.ss1.box1.i2.c1"
    app.query_params["doc"] = DOC
    app.query_params["chunk"] = chunk
    open_page(app, "browse")
    assert not app.exception
    page_html = html(app)
    assert re.search(
        r"<mark id='cited' data-pkb-scroll='\w+' data-pkb-mode='center'>2．氢能源", page_html
    )
    assert "专栏1 能源产业技术攻关" in next(c.value for c in app.caption if "引文位置" in c.value)
    assert len(app.get("page_link")) > 100  # every contents entry is an in-app link


@pytest.mark.parametrize(("span", "marked"), [("6051-6272", True), ("0-10", False)])
def test_browse_marks_all_a_search_hit_quoted_when_it_holds_the_passage(
    app: AppTest, span: str, marked: bool
) -> None:
    app.query_params["doc"] = DOC
    app.query_params["chunk"] = f"{DOC}:ch4.s1.ss1.box1.i2.c1"  # the first piece of 2．氢能源
    app.query_params["span"] = span  # the hit quoted the item's second piece too
    open_page(app, "browse")
    assert not app.exception
    text = re.sub(r"<[^>]+>", "", "".join(re.findall(r"<mark[^>]*>(.*?)</mark>", html(app))))
    assert ("充电桩应用技术" in text) is marked  # a span not holding the passage is ignored


def test_browse_shows_the_targets_table_as_a_table_with_the_cited_row_marked(
    app: AppTest,
) -> None:
    app.query_params["doc"] = DOC
    app.query_params["chunk"] = f"{DOC}:ch3.s3.box1.table1.r3"
    open_page(app, "browse")
    assert not app.exception
    page_html = html(app)
    assert "<table class='pkb-table'><tr><th>指标名称</th><th>2020年完成值</th>" in page_html
    assert re.search(r"<td><mark id='cited'[^>]*>高新技术企业（家）</mark></td>", page_html)
    assert page_html.count("id='cited'") == 1  # one scroll target, the row's first cell


def test_browse_contents_label_short_headings_by_their_words_and_bare_numbers_by_text(
    app: AppTest,
) -> None:
    app.query_params["doc"] = DOC
    open_page(app, "browse")
    labels = [link.proto.label.strip() for link in app.get("page_link")]
    assert labels[0] == "前言" and labels[-3:-1] == ["附录", "名词解释"]  # then 下一章
    assert not any(label.startswith("“十四五”时期是我国") for label in labels)


def test_browse_glossary_tab_lists_the_eight_terms(app: AppTest) -> None:
    open_page(app, "browse")
    terms = [m.value for m in app.tabs[1].markdown]
    assert len(terms) == 8 and "<b>R&amp;D经费投入强度</b>" in terms[0]


def test_browse_unknown_chunk_shows_an_error_not_a_traceback(app: AppTest) -> None:
    app.query_params["doc"] = DOC
    app.query_params["chunk"] = "nope"
    open_page(app, "browse")
    assert not app.exception and app.error[0].value.startswith("找不到这段引文")


@pytest.mark.parametrize(
    ("text", "element", "word"),
    [("我们计划研发煤矿井下巡检机器人", "success", "符合"), ("举办明星演唱会", "error", "不符合")],
)
def test_fit_page_shows_verdict_and_report_and_keeps_them_on_a_rerun(
    app: AppTest, text: str, element: str, word: str
) -> None:
    open_page(app, "fit")
    app.text_area(key="fit_text").input(text).run()
    next(b for b in app.button if b.label == "检查匹配").click().run()
    box = getattr(app, element)
    assert box
    if word == "符合":  # the share explains a fit, as a percentage
        assert f"结论：{word}（最匹配的条目点名了项目关键词的 " in box[0].value
        assert box[0].value.rstrip("*").endswith("%）")
    else:  # beside no fit a share would read as a contradiction
        assert box[0].value.strip("*") == f"结论：{word}"
    assert app.get("download_button")
    app.run()  # what a download or any other click causes
    assert getattr(app, element) and f"结论：{word}" in getattr(app, element)[0].value


def test_fit_with_no_description_says_what_to_do(app: AppTest) -> None:
    open_page(app, "fit")
    next(b for b in app.button if b.label == "检查匹配").click().run()
    assert app.warning[0].value.startswith("请先输入项目描述")
    next(b for b in app.button if b.label == "填入示例").click().run()
    assert app.text_area(key="fit_text").value.startswith("我们公司计划研发煤矿井下")


def test_an_overlong_description_is_told_its_length_not_sent_to_the_fit_page(
    app: AppTest,
) -> None:
    open_page(app, "fit")
    app.text_area(key="fit_text").input("氢" * 30_000).run()
    next(b for b in app.button if b.label == "检查匹配").click().run()
    message = app.error[0].value
    assert "30000 字" in message and "20000 字" in message and "项目匹配" not in message


def test_targets_page_shows_table_charts_and_sources_in_one_order(app: AppTest, plan_kb) -> None:
    open_page(app, "targets")
    assert not app.exception
    table = next(m.value for m in app.markdown if "pkb-table" in m.value)
    names = re.findall(r"<td><span lang='zh' class='pkb-plan'>(.*?)</span>", table)
    assert names == [r.name for r in plan_kb.indicators()] and len(names) == 8
    assert "<td class='n'>54</td><td class='n'>180</td><td class='n'>×3.33</td>" in table
    # a percentage changes by points (0.89% → 1.8%), not by a factor
    assert "<td class='n'>0.89</td><td class='n'>1.8</td><td class='n'>+0.91个百分点</td>" in table
    assert f"来自《{plan_kb.documents[0].title}》" in [h.value for h in app.main.subheader]
    charts = app.get("arrow_vega_lite_chart") or app.get("vega_lite_chart")
    assert len(charts) == 8


def test_english_switch_translates_the_interface_and_goes_into_the_url(app: AppTest) -> None:
    app.sidebar.radio[0].set_value("en").run()
    assert app.title[0].value == "Ask"
    assert app.query_params["lang"] in ("en", ["en"])


def test_document_text_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "第一章 总则\n一、目标\n推进<script>alert(1)</script>科技创新。<b>粗体</b>\n", "utf-8"
    )
    index = tmp_path / "index"
    build_index(Settings.load(env={}, index_dir=index), [corpus])
    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(index))
    at = AppTest.from_file(APP, default_timeout=90).run()
    open_page(at, "search")
    at.text_input(key="search_q").input("科技创新").run()
    page_html = html(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_html
    assert "<script>" not in page_html and "<b>粗体</b>" not in page_html


def _upload_script(name: str, data: bytes) -> None:
    from ui.sidebar import add

    add(name, data)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.txt", b"\x00\x01\x02binary", "无法识别文件的文字编码"),
        ("table.xlsx", b"PK\x03\x04", "不支持这种文件"),
        ("empty.txt", b"", "文件里没有文字内容"),
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


def test_fit_reason_is_in_the_interfaces_language_whatever_the_descriptions(
    app: AppTest,
) -> None:
    app.sidebar.radio[0].set_value("en").run()
    open_page(app, "fit")
    app.text_area(key="fit_text").input("我们计划研发煤矿井下巡检机器人").run()
    next(b for b in app.button if b.label == "Check fit").click().run()
    reason = next(m.value for m in app.markdown if "Why" in m.value)
    assert "The plan names" in reason and "规划点名了" not in reason


def test_a_search_result_says_its_chapter_as_well_as_its_nearest_headings(app: AppTest) -> None:
    open_page(app, "search")
    app.text_input(key="search_q").input("一键式炼钢").run()
    first = next(m.value for m in app.markdown if "pkb-hit" in m.value)
    assert "第四章 加快推进重点产业关键技术攻关 › … › 专栏3 钢铁产业技术攻关" in first
