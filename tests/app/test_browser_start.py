"""First open and empty states (issue 14, item 6), in a real browser.

A cold server shows the page's title, a loading notice and the question box while the
knowledge base loads (how fast is measured by ``python -m bench.app``); Ask offers
example questions, Fit an example and a message for an empty click; a question the plan
does not touch offers no misleading "nearest sections".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.app.harness import DESKTOP, ask, in_view, open_app, settle, streamlit

pytestmark = pytest.mark.browser


def test_first_open_shows_title_input_and_loading_state_while_loading(
    browser: Any, plan_index: Path
) -> None:
    with streamlit(plan_index) as url:
        context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
        page = context.new_page()
        page.goto(url)  # the first visit: nothing is loaded yet
        loading = page.get_by_text("正在加载知识库", exact=False)
        loading.wait_for(timeout=30_000)
        assert page.locator(".stMain").get_by_test_id("stHeading").first.inner_text() == "问答"
        waiting_box = page.get_by_test_id("stChatInputTextArea")
        assert waiting_box.get_attribute("placeholder") == "正在加载…"
        assert waiting_box.is_disabled()
        loading.wait_for(state="detached", timeout=60_000)
        box = page.get_by_test_id("stChatInputTextArea")
        assert box.get_attribute("placeholder") == "输入问题…" and box.is_enabled()
        context.close()


def test_ask_offers_examples_that_ask_when_clicked(page: Any, server: str) -> None:
    open_app(page, server)
    examples = page.get_by_test_id("stButtonGroup").get_by_role("radio")
    examples.first.wait_for(timeout=60_000)  # the page may still be drawing its last part
    assert examples.count() == 4
    examples.filter(has_text="哪些氢能技术被列为重点？").click()
    page.locator(".pkb-head").first.wait_for(timeout=60_000)
    settle(page)
    assert page.get_by_test_id("stButtonGroup").count() == 0  # the examples make way


def test_fit_says_what_to_do_on_an_empty_click_and_offers_an_example(
    page: Any, server: str
) -> None:
    open_app(page, f"{server}/fit")
    area = page.get_by_test_id("stTextArea").locator("textarea")
    assert area.get_attribute("placeholder").startswith("用一句话或一段话描述项目")
    page.get_by_role("button", name="检查匹配").click()
    page.get_by_text("请先输入项目描述", exact=False).wait_for(timeout=30_000)
    page.get_by_role("button", name="填入示例").click()
    settle(page)
    assert area.input_value().startswith("我们公司计划研发煤矿井下")


def test_off_topic_question_offers_no_misleading_sections(page: Any, server: str) -> None:
    open_app(page, server)
    ask(page, "明天天气怎么样")
    answer = page.get_by_test_id("stChatMessage").nth(1)
    assert answer.get_by_text("规划没有直接回答这个问题").is_visible()
    assert answer.get_by_text("规划中也没有与之相关的章节", exact=False).is_visible()
    assert answer.get_by_role("link").count() == 0  # 天气 is not 天然气


@pytest.mark.parametrize("screen", ["page", "phone"])
def test_related_sections_are_shown_whole(
    request: pytest.FixtureRequest, server: str, screen: str
) -> None:
    page = request.getfixturevalue(screen)
    open_app(page, server)
    ask(page, "住房限购政策有哪些")
    links = page.get_by_test_id("stChatMessage").nth(1).get_by_test_id("stPageLink-NavLink")
    assert links.count() >= 1
    box_top = page.get_by_test_id("stChatInput").bounding_box()["y"]
    for link in links.all():
        label = link.locator("p")
        assert label.evaluate("e => e.scrollWidth <= e.clientWidth + 1")  # not cut off
        assert in_view(page, link)
        assert link.bounding_box()["y"] + link.bounding_box()["height"] <= box_top  # not under it
