"""A phone, 390×844 (issue 14, item 7), in a real browser.

No page scrolls sideways (the Targets table wraps, the charts fit), an answer's headings
take a line or two, not a breadcrumb of four or five, and the question box's
placeholder is shown whole.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.app.harness import DOC, PAGES, ask, fill_page, open_app

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(phone: Any, server: str, name: str) -> None:
    fill_page(phone, server, name, "zh")
    page_width, view, main_width, main_view = phone.evaluate(
        """() => {
        const root = document.documentElement, main = document.querySelector('.stMain');
        return [root.scrollWidth, root.clientWidth, main.scrollWidth, main.clientWidth];
    }"""
    )
    assert page_width <= view and main_width <= main_view


def test_answer_headings_take_at_most_two_lines_on_a_phone(phone: Any, server: str) -> None:
    open_app(phone, server)
    ask(phone, "哪些氢能技术被列为重点？")
    line = phone.locator(".pkb-head").first.evaluate(
        "e => parseFloat(getComputedStyle(e).lineHeight)"
    )
    for head in phone.locator(".pkb-head").all():
        assert head.bounding_box()["height"] <= 2 * line + 2
    for summary in phone.get_by_test_id("stExpander").locator("summary").all():
        assert summary.bounding_box()["height"] <= 3 * line  # [n] and two short headings


def test_question_placeholder_is_shown_whole_on_a_phone(phone: Any, server: str) -> None:
    open_app(phone, server)
    fits = phone.get_by_test_id("stChatInputTextArea").evaluate(
        """(box) => {
        const style = getComputedStyle(box);
        const pen = document.createElement('canvas').getContext('2d');
        pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = box.clientWidth - parseFloat(style.paddingLeft)
                     - parseFloat(style.paddingRight);
        return pen.measureText(box.placeholder).width <= room;
    }"""
    )
    assert fits


def test_the_contents_never_cover_the_text_on_a_phone(phone: Any, server: str) -> None:
    open_app(phone, f"{server}/browse?doc={DOC}&chunk={DOC}:ch4.s1.ss1.box1.i2.c1")
    phone.wait_for_timeout(1_300)
    for y in (0, 1_500, 3_000):  # wherever the reader is scrolled
        phone.locator(".stMain").evaluate(f"e => e.scrollTo(0, {y})")
        toc = phone.locator(".st-key-pkb-toc").bounding_box()
        text = phone.locator(".pkb-reader").bounding_box()
        assert toc["y"] + toc["height"] <= text["y"] + 1  # above the text, not over it
        assert toc["height"] <= 0.4 * 844  # a short box: the text starts on the first screen
