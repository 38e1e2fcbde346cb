"""Work that survives (issue 14, items 1 and 2), in a real browser.

A contents click, a refresh and a report download keep the chat history, the language
and the page's result; a deep link opened first on a freshly started server shows the
whole app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.app.harness import DESKTOP, DOC, ask, nav, open_app, questions, settle, streamlit

pytestmark = pytest.mark.browser


def _english(page: Any) -> None:
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    page.get_by_test_id("stSidebarNav").get_by_text("Ask", exact=True).wait_for()
    settle(page)


def test_contents_click_keeps_chat_history_and_language(page: Any, server: str) -> None:
    loads: list[str] = []
    page.on("load", lambda: loads.append(page.url))
    open_app(page, server)
    ask(page, "科技特派员")
    _english(page)
    nav(page, "Browse")
    page.locator(".st-key-pkb-toc").get_by_text("专栏3 钢铁产业技术攻关").click()
    page.locator("mark#heading").wait_for(timeout=30_000)
    settle(page)
    nav(page, "Ask")
    assert questions(page) == ["科技特派员"]
    assert page.locator(".stMain").get_by_test_id("stHeading").first.inner_text() == "Ask"
    assert len(loads) == 1  # every click stayed inside the app: no full page load


def test_refresh_keeps_chat_history_and_language(page: Any, server: str) -> None:
    open_app(page, server)
    ask(page, "科技特派员")
    _english(page)
    assert "s=" in page.url and "lang=en" in page.url
    page.reload()
    page.get_by_test_id("stChatMessage").first.wait_for(timeout=60_000)
    settle(page)
    assert questions(page) == ["科技特派员"]
    assert page.get_by_test_id("stSidebarNav").get_by_text("Ask", exact=True).count() == 1


def test_fit_report_download_keeps_the_result_and_speaks_the_users_language(
    page: Any, server: str
) -> None:
    open_app(page, f"{server}/fit")
    page.get_by_test_id("stTextArea").locator("textarea").fill("我们计划研发煤矿井下巡检机器人")
    page.get_by_role("button", name="检查匹配").click()
    verdict = page.get_by_text("结论：符合", exact=False)
    verdict.first.wait_for(timeout=60_000)
    settle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="下载报告（Markdown）").click()
    report = Path(download.value.path()).read_text("utf-8")
    settle(page)
    assert verdict.first.is_visible()  # the download did not wipe the result
    assert report.startswith("# 项目匹配报告") and "结论：符合" in report
    assert "Project fit" not in report and f"{DOC}:" not in report  # no English, no ids


@pytest.mark.parametrize(
    ("path", "heading"),
    [("search", "检索"), (f"browse?doc={DOC}&chunk={DOC}:ch4.s1.ss1.box1.i2.c1", "浏览")],
)
def test_deep_link_opened_first_on_a_fresh_server_renders_the_full_app(
    browser: Any, plan_index: Path, path: str, heading: str
) -> None:
    with streamlit(plan_index) as url:
        context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
        page = context.new_page()
        page.goto(f"{url}/{path}")  # the first request this server ever answers
        title = page.locator(".stMain").get_by_test_id("stHeading").filter(has_text=heading)
        title.first.wait_for(timeout=60_000)
        links = page.get_by_test_id("stSidebarNav").get_by_role("link").all_inner_texts()
        titles = [x.split("\n")[-1].strip() for x in links]
        assert titles == ["问答", "检索", "浏览", "项目匹配", "对比", "规划指标"]
        page.get_by_test_id("stSidebar").get_by_text("English", exact=True).wait_for()
        if path.startswith("browse"):
            assert page.locator("mark#cited").inner_text().startswith("2．氢能源")
        context.close()
