"""Several documents (issue 13), in a real browser, over the plan beside two provinces'
work reports: a question naming 山东 is kept to Shandong's report and says so, one click
asks it of every document; Compare runs on two chosen documents and downloads as CSV;
Compare shows one language at a time."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from tests.app.harness import ask, open_app, settle, shown_text
from ui.strings import STRINGS

pytestmark = pytest.mark.browser

QUESTION = "山东 数字经济有哪些举措"
NOTICE = "只看《2025年山东省政府工作报告》（问题提到 山东）"
REPORTS = ("2025年山东省政府工作报告", "2025年浙江省政府工作报告")


def _documents(page: Any) -> set[str]:
    """The documents an answer's sections come from (headings lead with 《title》 when
    several documents answer)."""
    titles = page.locator(".pkb-section").evaluate_all("els => els.map((e) => e.title)")
    return {m.group(1) for t in titles if (m := re.match(r"《(.+?)》", t))}


def test_a_scoped_question_says_so_and_one_click_asks_every_document(
    page: Any, multi_server: str
) -> None:
    open_app(page, multi_server)
    ask(page, QUESTION)
    notice = page.get_by_test_id("stAlert").filter(has_text=NOTICE)
    notice.wait_for(timeout=30_000)
    assert page.locator(".pkb-section").count() >= 1 and _documents(page) == set()
    page.get_by_role("button", name="在所有文件中问").click()
    notice.wait_for(state="detached", timeout=60_000)
    settle(page)
    page.locator(".pkb-section").first.wait_for(timeout=60_000)
    assert len(_documents(page)) >= 2  # answered from more documents than Shandong's
    assert page.get_by_test_id("stChatMessage").filter(has_text=QUESTION).count() == 1


def _pick(page: Any, title: str) -> None:
    """Choose a document in the Compare page's multiselect."""
    page.get_by_test_id("stMultiSelect").locator("input").click()
    page.get_by_role("option").filter(has_text=title).first.click()
    settle(page)


def test_compare_two_documents_and_download_the_csv(page: Any, multi_server: str) -> None:
    open_app(page, f"{multi_server}/compare")
    field = page.get_by_test_id("stTextInputRootElement").locator("input")
    field.fill("数字经济")
    field.press("Enter")
    settle(page)
    for title in REPORTS:
        _pick(page, title)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="开始对比").click()
    page.get_by_text("2 个文件中有 2 个谈到“数字经济”").wait_for(timeout=60_000)
    settle(page)
    main = page.locator(".stMain")
    for title in REPORTS:
        assert main.locator(".pkb-head", has_text=title).count() == 1
    assert main.locator("mark", has_text="数字经济").count() >= 2
    assert main.get_by_test_id("stPageLink-NavLink").count() >= 2  # each clause to the reader
    with page.expect_download() as download:
        page.get_by_role("button", name="导出对比（CSV）").click()
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte order mark: Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["主题", "文件", "地区", "类型", "年份", "章节", "原文", "片段编号"]
    assert {r[1] for r in rows[1:]} == set(REPORTS)
    assert all(r[0] == "数字经济" and r[6] for r in rows[1:])


def _table(lang: str) -> list[str]:
    """The fixed parts of every string of ``lang`` (placeholders cut out)."""
    column = 0 if lang == "zh" else 1
    parts = [p.strip(" :：") for v in STRINGS.values() for p in re.split(r"\{\w+\}", v[column])]
    return [p for p in parts if len(p) >= 2]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_compare_shows_one_language_at_a_time(
    page: Any, multi_server: str, multi_index: Path, lang: str
) -> None:
    from kb import KnowledgeBase

    kb = KnowledgeBase.open(multi_index, verify=False)
    docs = "gwr_shandong_2025,gwr_zhejiang_2025"
    open_app(page, f"{multi_server}/compare?topic=数字经济&docs={docs}&lang={lang}")
    page.locator(".pkb-hit").first.wait_for(timeout=60_000)
    settle(page)
    shown = shown_text(page)
    own = "\n".join(
        [*kb.sources.values(), *(f"{d.title} {d.region} {d.issuer}" for d in kb.documents)]
    )
    if lang == "zh":
        leaks = [s for s in _table("en") if re.search(r"[A-Za-z]{3}", s) and s in shown]
        words = set(re.findall(r"[A-Za-z]{2,}", shown)) - {"English", "use", "multilingual"}
        names = {"txt", "docx", "pdf", "md", "MB", "CSV", "Markdown"}
        assert leaks == [] and {w for w in words if w not in names and w not in own} == set()
    else:
        leaks = [s for s in _table("zh") if re.search(r"[\u4e00-\u9fff]", s) and s not in own]
        assert [s for s in leaks if s in shown] == []
        runs = set(re.findall(r"[\u4e00-\u9fff]+", shown)) - {"中文", "数字经济"}
        assert {r for r in runs if r not in own} == set()
