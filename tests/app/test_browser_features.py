"""What users expect to do with results (issue 14, item 9), in a real browser.

Copy an answer (Markdown with its citations), copy one citation (its words and
address), clear the chat, export search results as CSV.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from tests.app.harness import ask, open_app, opened, questions, search, settle

pytestmark = pytest.mark.browser

TITLE = "《六盘水市“十四五”科技创新规划》"


def _copy(page: Any, button: Any) -> str:
    """Click a copy button, wait for it to say so, and read the clipboard."""
    page.bring_to_front()  # the Clipboard API writes only for the focused page
    assert button.get_attribute("data-done") == "已复制"  # what the button says once done
    button.click()
    # the "已复制" label lasts 1.5 s, which a loaded machine can miss; the mark stays
    page.locator("button.pkb-copy[data-copied]").first.wait_for(timeout=10_000)
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_answer_puts_markdown_with_its_citations_on_the_clipboard(
    page: Any, server: str
) -> None:
    open_app(page, server)
    ask(page, "哪些氢能技术被列为重点？")
    copied = _copy(page, page.locator("button.pkb-copy", has_text="复制回答"))
    assert copied.startswith("问：哪些氢能技术被列为重点？")
    assert "**专栏1 能源产业技术攻关" in copied or "专栏1 能源产业技术攻关" in copied
    assert "[1]" in copied and "**引用**" in copied
    assert f"[1] {TITLE} › 第四章" in copied  # each source with its full address


def test_copy_citation_puts_its_words_and_address_on_the_clipboard(page: Any, server: str) -> None:
    open_app(page, server)
    ask(page, "哪些氢能技术被列为重点？")
    citation = page.locator(".st-key-pkb-cite-0-2")
    citation.locator("summary").click()
    opened(citation)
    button = citation.locator("button.pkb-copy", has_text="复制引文")
    button.wait_for()
    words, address = _copy(page, button).split("\n—— ")
    assert words.startswith("“") and words.endswith("”") and "氢" in words
    assert address.startswith(TITLE) and address.endswith("2．氢能源")


def test_clear_chat_empties_the_history_and_brings_back_the_examples(
    page: Any, server: str
) -> None:
    open_app(page, server)
    ask(page, "科技特派员")
    assert questions(page) == ["科技特派员"]
    page.get_by_role("button", name="清空对话").click()
    page.get_by_test_id("stButtonGroup").wait_for(timeout=30_000)
    settle(page)
    assert questions(page) == []
    page.reload()  # cleared for good, not only on this page
    page.get_by_test_id("stButtonGroup").wait_for(timeout=60_000)
    assert questions(page) == []


def test_search_results_export_as_csv(page: Any, server: str) -> None:
    open_app(page, f"{server}/search")
    search(page, "氢能")
    with page.expect_download() as download:
        page.get_by_role("button", name="导出结果（CSV）").click()
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte order mark: Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["序号", "文件", "章节", "原文", "命中词"]
    assert len(rows) - 1 == page.locator(".pkb-hit").count()
    assert rows[1][0] == "1" and "氢" in rows[1][3] and rows[1][1] == TITLE.strip("《》")
    settle(page)
    assert page.locator(".pkb-hit").count() == len(rows) - 1  # the export kept the results
