"""The app in a real browser: headless Chromium (Debian's) driven by Playwright.

Starts ``streamlit run app.py`` on a free local port, asks the hydrogen question, waits
for the answer and checks that its citations render; saves screenshots of each page to
``docs/screenshots/`` (used in the README). Skipped only where Chromium or Playwright
cannot be installed; CI installs both (``.ci/run``).
"""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DOC = "liupanshui-14th-fyp-sci-tech"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _streamlit(index: Path) -> Iterator[str]:
    """``streamlit run app.py`` over ``index`` on a free local port; yields its URL."""
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium here: apt-get install chromium (CI does)")
    pytest.importorskip("playwright.sync_api", reason="pip install playwright (make test does)")
    port = _free_port()
    env = {
        **os.environ,
        "POLICYKB_INDEX_DIR": str(index),
        "HAYSTACK_TELEMETRY_ENABLED": "False",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("the Streamlit server did not start within 60 s")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def server(plan_index: Path) -> Iterator[str]:
    with _streamlit(plan_index) as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
        yield page
        browser.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_ask_hydrogen_question_renders_answer_with_citations(page, server: str) -> None:
    page.goto(server, wait_until="networkidle")
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for(timeout=60_000)
    box.fill("哪些氢能技术被列为重点？")
    box.press("Enter")
    page.get_by_text("专栏2 煤炭产业技术攻关", exact=False).first.wait_for(timeout=60_000)
    page.get_by_test_id("stExpander").nth(3).wait_for(timeout=30_000)  # citations drawn
    assert page.locator("sup").count() >= 4
    assert page.get_by_test_id("stExpander").count() >= 4
    for box_title in ("专栏1 能源产业技术攻关", "专栏3 钢铁产业技术攻关"):
        assert page.get_by_text(box_title, exact=False).count() >= 1
    page.get_by_test_id("stChatMessage").first.scroll_into_view_if_needed()
    _shot(page, "ask")


def test_deep_link_opens_reader_at_cited_span(page, server: str) -> None:
    chunk = f"{DOC}:ch4.s1.ss1.box1.i2.c1"
    page.goto(f"{server}/browse?doc={DOC}&chunk={chunk}", wait_until="networkidle")
    mark = page.locator("mark#cited")
    mark.wait_for(timeout=60_000)
    assert mark.inner_text().startswith("2．氢能源")
    mark.scroll_into_view_if_needed()
    _shot(page, "browse")


@pytest.mark.parametrize("name", ["search", "fit", "targets"])
def test_other_pages_render(page, server: str, name: str) -> None:
    page.goto(f"{server}/{name}", wait_until="networkidle")
    page.get_by_test_id("stHeading").first.wait_for(timeout=60_000)
    if name == "search":
        field = page.get_by_test_id("stTextInputRootElement").locator("input")
        field.fill("氢能")
        field.press("Enter")
        page.locator("mark").first.wait_for(timeout=60_000)
    elif name == "fit":
        page.get_by_test_id("stTextArea").locator("textarea").fill("我们计划研发煤矿井下巡检机器人")
        page.get_by_test_id("stBaseButton-primary").click()
        page.get_by_text("结论", exact=False).first.wait_for(timeout=60_000)
    else:
        page.get_by_test_id("stVegaLiteChart").first.wait_for(timeout=60_000)
    assert page.get_by_test_id("stException").count() == 0
    _shot(page, name)


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
    page, tmp_path: Path, plan_path: Path
) -> None:
    from kb import Config, build_index
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
    build_index(Config.load(env={}, index_dir=index), [plan_path, corpus / "hostile.txt"])
    evil = f"http://127.0.0.1:{port}"
    with _streamlit(index) as url:
        page = page.context.browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url, wait_until="networkidle")
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=60_000)
        visits = [
            f"{url}/browse?doc=hostile&chunk=![t]({evil}/deep.png)",
            f"{url}/browse?doc=hostile&chunk=[x]({evil}/deep-link)",
            f"{url}/browse?doc=hostile",
        ]
        for visit in visits:
            page.goto(visit, wait_until="networkidle")
            page.get_by_test_id("stHeading").first.wait_for(timeout=60_000)
            page.wait_for_timeout(1_000)
            if visit.endswith("doc=hostile"):
                page.get_by_role("tab").nth(1).click()  # the glossary tab
                page.wait_for_timeout(1_000)
            else:
                page.get_by_test_id("stAlertContentError").wait_for(timeout=30_000)
            assert page.locator(f"img[src*='127.0.0.1:{port}']").count() == 0
            assert page.locator(f"a[href*='127.0.0.1:{port}']").count() == 0
        page.goto(f"{url}/search", wait_until="networkidle")
        field = page.get_by_test_id("stTextInputRootElement").locator("input")
        field.fill("点击")
        field.press("Enter")
        page.locator("mark").first.wait_for(timeout=60_000)
        assert page.locator(f"img[src*='127.0.0.1:{port}']").count() == 0
        assert page.locator(f"a[href*='127.0.0.1:{port}']").count() == 0
        assert page.get_by_text("![t]", exact=False).count() >= 1  # shown as the text it is
        page.close()
    trap.shutdown()
    assert _Counter.hits == []
