"""The cited words in view and the answer first (issue 14, items 3 and 4), in a browser.

Opening a citation or a contents entry puts the highlighted span inside the viewport
and marks the entry in the contents; after a question the answer (not its source list)
is in view, headings are short, and each ``[n]`` opens its citation.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.app.harness import DOC, ask, in_view, open_app, open_citation, settle

pytestmark = pytest.mark.browser


def _contents_entry_in_view(page: Any) -> bool:
    toc = page.locator(".st-key-pkb-toc").bounding_box()
    here = page.locator(".st-key-pkb-here").bounding_box()
    return toc["y"] <= here["y"] and here["y"] + here["height"] <= toc["y"] + toc["height"]


def test_opening_a_citation_shows_the_cited_span_in_view_and_marks_the_contents(
    page: Any, server: str
) -> None:
    open_app(page, server)
    ask(page, "哪些氢能技术被列为重点？")
    citation = open_citation(page, 3)
    citation.get_by_role("link", name="在原文中查看").click()
    mark = page.locator("mark#cited")
    mark.wait_for(timeout=90_000)  # generous: a loaded machine; speed is bench.app's to measure
    settle(page)
    page.wait_for_timeout(1_300)
    assert in_view(page, mark)
    assert page.locator(".st-key-pkb-here").count() == 1 and _contents_entry_in_view(page)


@pytest.mark.parametrize("entry", ["专栏3 钢铁产业技术攻关", "三、发展目标", "第七章 保障措施"])
def test_a_contents_entry_opens_its_passage_in_view_and_is_marked(
    page: Any, server: str, entry: str
) -> None:
    open_app(page, f"{server}/browse?doc={DOC}")
    page.locator(".st-key-pkb-toc").get_by_text(entry, exact=False).first.click()
    heading = page.locator("mark#heading")
    heading.wait_for(timeout=30_000)
    settle(page)
    page.wait_for_timeout(1_300)
    assert heading.inner_text() == entry and in_view(page, heading)
    assert entry in page.locator(".st-key-pkb-here").inner_text()
    assert _contents_entry_in_view(page)


def test_after_asking_the_answer_is_in_view_with_short_headings(page: Any, server: str) -> None:
    open_app(page, server)
    ask(page, "哪些氢能技术被列为重点？")
    assert in_view(page, page.locator(".pkb-head").first)  # not the end of the sources
    heads = page.locator(".pkb-head").all()
    assert len(heads) >= 4
    for head in heads:
        assert head.inner_text().count("›") <= 1
        assert head.bounding_box()["height"] < 60  # one line on a desktop, not a breadcrumb
    labels = page.get_by_test_id("stExpander").locator("summary").all_inner_texts()
    assert labels and all(label.count("›") <= 1 for label in labels)


def test_a_citation_marker_opens_its_citation(page: Any, server: str) -> None:
    open_app(page, server)
    ask(page, "哪些氢能技术被列为重点？")
    citation = open_citation(page, 2)
    assert citation.locator("details").get_attribute("open") is not None
    assert in_view(page, citation.locator("summary"))
    assert citation.locator("mark").first.is_visible()  # the quoted clause, highlighted


def test_number_answer_shows_the_figure_not_the_raw_table_row(page: Any, server: str) -> None:
    open_app(page, server)
    ask(page, "2025年高新技术企业目标是多少家")
    lead = page.locator(".pkb-lead")
    assert "180家" in lead.inner_text() and in_view(page, lead)
    answer = page.get_by_test_id("stChatMessage").nth(1).inner_text()
    assert "54\t180" not in answer and "| 54 | 180" not in answer and "54\n180" not in answer


def test_reloading_the_reader_keeps_the_passage_it_shows(page: Any, server: str) -> None:
    open_app(page, f"{server}/browse?doc={DOC}")
    page.locator(".st-key-pkb-toc").get_by_text("第七章 保障措施", exact=False).first.click()
    page.locator("mark#heading").wait_for(timeout=30_000)
    settle(page)
    assert "at=" in page.url  # the place is in the address: a reload or a shared link keeps it
    page.reload()
    heading = page.locator("mark#heading")
    heading.wait_for(timeout=60_000)
    assert heading.inner_text() == "第七章 保障措施"
