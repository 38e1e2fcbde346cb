"""Several documents in the app (issue 13), driven by AppTest: the documents with their
metadata, the notice of a scoped question and its one click to every document, the
Compare page, and fit by document — over the plan beside two provinces' work reports."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.apptest import APP, ask_at, html, open_page

SHANDONG = "gwr_shandong_2025"
ZHEJIANG = "gwr_zhejiang_2025"
PLAN = "liupanshui-14th-fyp-sci-tech"
QUESTION = "山东 数字经济有哪些举措"
NOTICE = "只看《2025年山东省政府工作报告》（问题提到 山东）"


def _button(at: AppTest, label: str) -> Any:
    return next(b for b in at.button if b.label == label)


def _titles(page_html: str) -> set[str]:
    """The documents an answer's sections are from (their headings lead with 《title》)."""
    return set(re.findall(r"class='pkb-section' title='《(.+?)》", page_html))


def test_the_sidebar_lists_the_documents_with_region_level_kind_and_year(
    multi_app: AppTest,
) -> None:
    assert not multi_app.exception
    assert [e.label for e in multi_app.sidebar.expander] == ["文件（3 个）"]
    listing = "\n".join(m.value for m in multi_app.sidebar.markdown)
    assert "2025年山东省政府工作报告" in listing
    assert "山东省 · 省级 · 政府工作报告 · 2025" in listing
    assert "六盘水市 · 市级 · 规划 · 2021" in listing


def test_a_question_naming_shandong_says_so_and_one_click_asks_every_document(
    multi_app: AppTest,
) -> None:
    ask_at(multi_app, QUESTION)
    assert [i.value for i in multi_app.info] == [NOTICE]
    assert _titles(html(multi_app)) == set()  # one document: no titles in the headings
    _button(multi_app, "在所有文件中问").click().run()
    assert not multi_app.exception
    assert not multi_app.info  # the notice is gone with the scope
    assert len(multi_app.session_state["work"].history) == 1  # the answer was replaced
    assert len(_titles(html(multi_app))) >= 2  # answered from more than one document


def test_each_scoped_answer_in_a_chat_has_its_own_notice_and_click(multi_app: AppTest) -> None:
    ask_at(multi_app, QUESTION)
    ask_at(multi_app, "浙江 数字经济有哪些举措")
    assert not multi_app.exception
    assert [i.value for i in multi_app.info] == [NOTICE, NOTICE.replace("山东", "浙江")]
    multi_app.button(key="pkb-scope-0-all").click().run()  # the first question only
    assert [i.value for i in multi_app.info] == [NOTICE.replace("山东", "浙江")]


def test_the_scope_notice_is_in_english_in_english_mode(multi_app: AppTest) -> None:
    multi_app.sidebar.radio[0].set_value("en").run()
    ask_at(multi_app, QUESTION)
    assert [i.value for i in multi_app.info] == [
        "Only in 《2025年山东省政府工作报告》 \\(the question names 山东\\)"
    ]
    assert _button(multi_app, "Ask across all documents")


def test_a_question_that_names_no_document_is_kept_to_the_corpus_own(
    multi_app: AppTest,
) -> None:
    ask_at(multi_app, "哪些氢能技术被列为重点？")
    notice = multi_app.info[0].value
    assert notice.startswith("只看《六盘水市“十四五”科技创新规划》") and "本库自有" in notice


def test_search_is_scoped_too_and_one_click_searches_every_document(multi_app: AppTest) -> None:
    open_page(multi_app, "search")
    labels = multi_app.selectbox(key="search_doc").options
    assert "2025年山东省政府工作报告 · 山东省 · 省级 · 政府工作报告 · 2025" in labels
    multi_app.text_input(key="search_q").set_value("山东 数字经济").run()
    assert [i.value for i in multi_app.info] == [NOTICE]
    hits = [m.value for m in multi_app.markdown if "pkb-hit" in m.value]
    assert hits and not any("《" in h.split("</div>")[0] for h in hits)  # one document
    _button(multi_app, "在所有文件中检索").click().run()
    assert not multi_app.info
    firsts = [m.value.split("</div>")[0] for m in multi_app.markdown if "pkb-hit" in m.value]
    assert len({re.search(r"《(.+?)》", f).group(1) for f in firsts}) >= 2
    multi_app.text_input(key="search_q").set_value("浙江 数字经济").run()  # a new query
    assert [i.value for i in multi_app.info] == [NOTICE.replace("山东", "浙江")]


def test_many_documents_can_be_narrowed_by_kind(
    multi_index: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(multi_index))
    monkeypatch.setattr("ui.documents.NARROW_AT", 2)
    at = open_page(AppTest.from_file(APP, default_timeout=90).run(), "search")
    assert [e.label for e in at.main.expander] == ["按类型、层级、地区筛选文件"]
    at.selectbox(key="search_narrow_kind").set_value("政府工作报告").run()
    assert at.selectbox(key="search_doc").options[1:] == [
        "2025年山东省政府工作报告 · 山东省 · 省级 · 政府工作报告 · 2025",
        "2025年浙江省政府工作报告 · 浙江省 · 省级 · 政府工作报告 · 2025",
    ]


def test_compare_two_documents_side_by_side_cited_with_exports(multi_app: AppTest) -> None:
    at = open_page(multi_app, "compare")
    assert at.title[0].value == "对比"
    assert _button(at, "开始对比").disabled
    at.text_input(key="compare_topic").set_value("数字经济").run()
    at.multiselect(key="compare_docs").set_value([SHANDONG, ZHEJIANG]).run()
    _button(at, "开始对比").click().run()
    assert not at.exception
    page_html = html(at)
    assert "2 个文件中有 2 个谈到“数字经济”" in page_html
    assert (
        "《2025年山东省政府工作报告》" in page_html and "《2025年浙江省政府工作报告》" in page_html
    )
    assert "<mark>数字经济</mark>" in page_html
    links = at.main.get("page_link")
    assert links and all("browse" in str(link.proto.page) for link in links)
    downloads = at.get("download_button")
    assert len(downloads) == 2
    assert at.session_state["work"].compare["result"].topic == "数字经济"  # kept with the work


def test_compare_by_kind_and_by_a_shared_link(multi_index: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(multi_index))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params.update(topic="新能源", kind="政府工作报告")
    at = open_page(at.run(), "compare")
    assert not at.exception
    result = at.session_state["work"].compare["result"]
    assert {d.doc for d in result.documents} == {SHANDONG, ZHEJIANG}
    assert at.radio(key="compare_by").value == "kind"
    assert "topic" not in at.query_params  # the work holds it from now on


def test_compare_needs_two_documents_in_the_index(app: AppTest) -> None:
    at = open_page(app, "compare")
    assert [i.value for i in at.info] == ["索引里只有一个文件，无法对比；请先在侧栏添加文件。"]


def test_fit_says_which_document_fits_best(multi_app: AppTest) -> None:
    at = open_page(multi_app, "fit")
    _button(at, "填入示例").click().run()
    _button(at, "检查匹配").click().run()
    page_html = html(at)
    assert (
        "最匹配的文件：<span lang='zh' class='pkb-plan'>《六盘水市“十四五”科技创新规划》"
        in page_html
    )
    # the verdict says which document it is for (it would read as the plan's otherwise)
    assert at.success[0].value.rstrip("*").endswith("——《六盘水市“十四五”科技创新规划》")
    table = next(m.value for m in at.markdown if "pkb-table" in m.value)
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    named = [r for r in rows if "<td class='v'>" in r]
    assert named and all("不符合" not in r for r in named)  # documents that name it, first
    assert rows[-1] == f"<td colspan='3'><small>其余 {3 - len(named)} 份文件：不符合</small></td>"
    # the table follows the best document's own matching items
    order = [m.value for m in at.markdown]
    assert order.index(table) > next(i for i, v in enumerate(order) if "pkb-addr" in v)


def test_comparison_exports_as_markdown_and_csv_with_a_byte_order_mark(
    multi_index: Any,
) -> None:
    from kb import KnowledgeBase
    from kb.compare import compare
    from ui.export import comparison_csv, comparison_markdown

    kb = KnowledgeBase.open(multi_index)
    comparison = compare(kb, "工业互联网", docs=[SHANDONG, ZHEJIANG, PLAN])
    raw = comparison_csv(comparison, "zh")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["主题", "文件", "地区", "类型", "年份", "章节", "原文", "片段编号"]
    said = {d.title: d for d in comparison.documents}
    assert len(rows) - 1 == sum(max(1, len(d.quotes)) for d in said.values())
    english = comparison_csv(comparison, "en").decode("utf-8-sig")
    assert english.startswith("Topic,Document,Region,Kind,Year") and "work report" in english
    markdown = comparison_markdown(comparison, "zh")
    assert markdown.startswith("# 对比：工业互联网")
    for d in comparison.documents:
        assert f"## 《{d.title}》" in markdown
    if not all(d.found for d in comparison.documents):
        assert "*未谈到这个主题*" in markdown


def test_every_pick_of_the_browse_document_shows_that_document(multi_app: AppTest) -> None:
    open_page(multi_app, "browse")
    picks = [1, 2, 0, 2]  # each pick, not every other one
    for i in picks:
        multi_app.selectbox(key="browse_doc").select_index(i).run()
        picker = multi_app.selectbox(key="browse_doc")
        assert picker.index == i and multi_app.query_params["doc"] in (picker.value, [picker.value])


def test_picking_another_document_in_browse_leaves_the_old_place_behind(
    multi_app: AppTest,
) -> None:
    open_page(multi_app, "browse")
    picker = multi_app.selectbox(key="browse_doc")
    multi_app.query_params["doc"] = picker.value
    multi_app.query_params["at"] = "ch3.s3"  # 三、发展目标 of the plan, opened from contents
    multi_app.run()
    other = next(i for i, d in enumerate(picker.options) if i != picker.index)
    multi_app.selectbox(key="browse_doc").select_index(other).run()
    assert "at" not in multi_app.query_params
    assert not multi_app.error  # not "找不到这段引文": the new document opens at its start
