"""The app in a real browser: the README's screenshots, and document text that must
never become a link or an image.

The screenshots (``docs/screenshots/``, desktop 1440×1000 and one phone 390×844) are
taken here, so the README shows the app as it is. Issue 14's behaviour is tested in
``test_browser_*.py`` beside this file; the harness is ``tests/app/harness.py``.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import Any, ClassVar

import pytest

from bench.browser import ROOT
from tests.app.harness import DOC, ask, open_app, search, settle, streamlit

pytestmark = pytest.mark.browser

SHOTS = ROOT / "docs" / "screenshots"


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_ask_screenshot_shows_the_answer_with_citations(page: Any, server: str) -> None:
    open_app(page, server)
    ask(page, "哪些氢能技术被列为重点？")
    assert page.locator("a.pkb-ref").count() >= 4
    assert page.get_by_test_id("stExpander").count() >= 4
    for box_title in ("专栏1 能源产业技术攻关", "专栏3 钢铁产业技术攻关"):
        assert page.get_by_text(box_title, exact=False).count() >= 1
    _shot(page, "ask")


def test_browse_screenshot_shows_the_cited_span(page: Any, server: str) -> None:
    chunk = f"{DOC}:ch4.s1.ss1.box1.i2.c1"
    open_app(page, f"{server}/browse?doc={DOC}&chunk={chunk}")
    mark = page.locator("mark#cited")
    assert mark.inner_text().startswith("2．氢能源")
    page.wait_for_timeout(1_300)
    _shot(page, "browse")


@pytest.mark.parametrize("name", ["search", "fit", "targets"])
def test_other_pages_render_for_their_screenshots(page: Any, server: str, name: str) -> None:
    open_app(page, f"{server}/{name}")
    if name == "search":
        search(page, "氢能")
    elif name == "fit":
        page.get_by_role("button", name="填入示例").click()
        settle(page)
        page.get_by_role("button", name="检查匹配").click()
        page.get_by_text("结论：", exact=False).first.wait_for(timeout=60_000)
    else:
        page.get_by_test_id("stVegaLiteChart").first.wait_for(timeout=60_000)
    settle(page)
    assert page.get_by_test_id("stException").count() == 0
    _shot(page, name)


def test_phone_screenshot_of_an_answer(phone: Any, server: str) -> None:
    open_app(phone, server)
    ask(phone, "2025年高新技术企业目标是多少家")
    assert phone.locator(".pkb-lead").is_visible()
    _shot(phone, "phone")


class _Counter(http.server.BaseHTTPRequestHandler):
    """Counts every request: a link or image that the page must never load."""

    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_document_and_link_text_show_as_text_never_as_links_or_images(
    page: Any, tmp_path: Path, plan_path: Path
) -> None:
    from kb import Settings, build_index
    from tests.hostile import make

    trap = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=trap.serve_forever, daemon=True).start()
    port = trap.server_address[1]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    hostile = (
        make("markdown_and_html.txt", 2_000).decode().replace("127.0.0.1:9", f"127.0.0.1:{port}")
    )
    (corpus / "hostile.txt").write_text(hostile, encoding="utf-8")
    index = tmp_path / "index"
    build_index(Settings.load(env={}, index_dir=index), [plan_path, corpus / "hostile.txt"])
    evil = f"http://127.0.0.1:{port}"
    with streamlit(index) as url:
        open_app(page, url)
        visits = [
            f"{url}/browse?doc=hostile&chunk=![t]({evil}/deep.png)",
            f"{url}/browse?doc=hostile&chunk=[x]({evil}/deep-link)",
            f"{url}/browse?doc=hostile",
        ]
        for visit in visits:
            open_app(page, visit)
            if visit.endswith("doc=hostile"):
                page.get_by_role("tab").nth(1).click()  # the glossary tab
                page.wait_for_timeout(1_000)
            else:
                page.get_by_test_id("stAlertContentError").wait_for(timeout=30_000)
            assert page.locator(f"img[src*='127.0.0.1:{port}']").count() == 0
            assert page.locator(f"a[href*='127.0.0.1:{port}']").count() == 0
        open_app(page, f"{url}/search")
        search(page, "点击")
        assert page.locator(f"img[src*='127.0.0.1:{port}']").count() == 0
        assert page.locator(f"a[href*='127.0.0.1:{port}']").count() == 0
        assert page.get_by_text("![t]", exact=False).count() >= 1  # shown as the text it is
    trap.shutdown()
    assert _Counter.hits == []
