"""The smaller things (issue 14, item 8), in a real browser.

The upload is a labelled button and its success message stays until dismissed; the
chapter filter follows the document (第三章 before 第七章); search says how many results
it shows; there is no "Deploy" button; the charts carry their values and follow the
table's order.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.app.harness import DESKTOP, nav, open_app, search, settle, streamlit

pytestmark = pytest.mark.browser


def test_upload_is_labelled_and_its_success_message_stays_until_dismissed(
    browser: Any, tmp_path: Path, plan_index: Path, plan_path: Path
) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    shutil.copy(plan_path, corpus)
    shutil.copytree(plan_index, index)
    upload = tmp_path / "试点方案.txt"
    upload.write_text("第一章 总则\n一、目标\n推进智慧矿山科技创新试点。\n", encoding="utf-8")
    with streamlit(index, env={"POLICYKB_CORPUS_DIR": str(corpus)}) as url:
        context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
        page = context.new_page()
        open_app(page, url)
        sidebar = page.get_by_test_id("stSidebar")
        chooser = sidebar.get_by_test_id("stFileUploaderDropzone").locator("button")
        label = chooser.locator("[data-testid=stMarkdownContainer]")
        assert label.evaluate("e => getComputedStyle(e, '::after').content") == '"选择文件"'
        add = sidebar.get_by_role("button", name="添加并重建索引")
        assert add.is_disabled()  # nothing chosen yet
        sidebar.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(upload))
        page.wait_for_function(
            "() => Array.from(document.querySelectorAll('[data-testid=stSidebar] button'))"
            ".some((b) => b.innerText.includes('添加并重建索引') && !b.disabled)",
            timeout=30_000,
        )
        add.click()
        notice = sidebar.get_by_text("已添加并重建索引：试点方案.txt")
        notice.wait_for(timeout=120_000)
        page.get_by_text("正在加载知识库", exact=False).wait_for(state="detached", timeout=60_000)
        settle(page)
        nav(page, "检索")
        assert notice.is_visible()  # still there on another page
        listed = sidebar.get_by_text("文件（2 个）")  # the new document is listed beside the plan
        listed.click()
        items = sidebar.locator("ul.pkb-docs li")
        items.first.wait_for(timeout=30_000)
        assert items.count() == 2
        sidebar.get_by_role("button", name="知道了").click()
        notice.wait_for(state="detached", timeout=30_000)
        assert (corpus / "试点方案.txt").is_file()
        context.close()


def test_search_counts_its_results_and_lists_chapters_in_document_order(
    page: Any, server: str
) -> None:
    open_app(page, f"{server}/search")
    search(page, "氢能")
    hits = page.locator(".pkb-hit").count()
    assert page.get_by_text(f"找到 {hits} 条结果").is_visible()
    page.get_by_test_id("stSelectbox").nth(0).click()
    options = page.get_by_role("option").all_inner_texts()
    third = next(i for i, o in enumerate(options) if o.startswith("第三章"))
    seventh = next(i for i, o in enumerate(options) if o.startswith("第七章"))
    assert options[0] == "全部" and third < seventh


def test_there_is_no_deploy_button(page: Any, server: str) -> None:
    open_app(page, server)
    assert page.get_by_text("Deploy", exact=True).count() == 0
    assert page.get_by_test_id("stAppDeployButton").count() == 0


def test_charts_carry_their_values_and_follow_the_table(page: Any, server: str, plan_kb) -> None:
    open_app(page, f"{server}/targets")
    charts = page.get_by_test_id("stVegaLiteChart")
    charts.nth(7).locator("svg").wait_for(timeout=60_000)
    rows = plan_kb.indicators()
    table = page.locator(".pkb-table tbody td:first-child > span:first-child").all_inner_texts()
    assert table == [r.name for r in rows]
    for chart, row in zip(charts.all(), rows, strict=True):
        texts = chart.locator("svg text").all_text_contents()
        assert f"{row.name}（{row.unit}）" in texts  # the chart's title: the table's order
        assert f"{row.value_2020:g}" in texts and f"{row.target_2025:g}" in texts
