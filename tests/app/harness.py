"""Driving the app in a real browser: ``policykb serve`` on a free port, Debian's Chromium
headless through Playwright (both from :mod:`bench.browser`), and the few waits and
reads every browser test needs.

Skipped only where Chromium or Playwright cannot be installed; CI installs both
(``.ci/run``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.browser import CHROMIUM, serve
from ui.strings import text

DOC = "liupanshui-14th-fyp-sci-tech"
PAGES = ["ask", "search", "browse", "fit", "targets"]
REPORTS = ("gwr_shandong_2025.docx", "gwr_zhejiang_2025.docx")  # beside the plan: multi_index
DESKTOP = {"width": 1440, "height": 1000}
PHONE = {"width": 390, "height": 844}


def require_browser() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium here: apt-get install chromium (CI does)")
    pytest.importorskip("playwright.sync_api", reason="pip install playwright (make test does)")


@contextlib.contextmanager
def streamlit(index: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """``policykb serve`` over ``index`` on a free port (see :func:`bench.browser.serve`);
    yields its URL.

    Started as a user starts it (the CLI, which runs ``ui/streamlit_app.py`` with the
    app's own flags), from another folder than the repository, so nothing depends on the
    working directory or on the repository's ``.streamlit/config.toml``.
    """
    require_browser()
    try:
        with serve(index, env) as url:
            yield url
    except TimeoutError as exc:
        pytest.fail(str(exc))


def settle(page: Any, timeout: float = 60_000) -> None:
    """Wait until the app's current run has finished (and the page script has acted)."""
    page.wait_for_timeout(200)
    page.wait_for_function(
        "document.querySelector('.stApp') && "
        "document.querySelector('.stApp').getAttribute('data-test-script-state') !== 'running'",
        timeout=timeout,
    )
    page.wait_for_timeout(300)


def open_app(page: Any, url: str) -> None:
    """Go to ``url`` and wait until the page is drawn (past the loading state)."""
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_test_id("stSidebarNav").wait_for(state="attached", timeout=60_000)
    page.locator(".stMain").get_by_test_id("stHeading").first.wait_for(timeout=60_000)
    page.get_by_text("正在加载知识库", exact=False).wait_for(state="detached", timeout=60_000)
    settle(page)


def ask(page: Any, question: str) -> None:
    """Type a question into Ask and wait for its answer."""
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for(timeout=60_000)
    box.fill(question)
    box.press("Enter")
    page.get_by_test_id("stChatMessage").filter(has_text=question).first.wait_for(timeout=60_000)
    settle(page)
    page.wait_for_timeout(1_300)  # the page script scrolls to the answer once the run is done


def opened(expander: Any) -> Any:
    """Wait until the (just opened) expander inside ``expander`` can be clicked; return it.

    Opening sets ``<details open>`` at once; Streamlit then lifts the content's ``inert``
    on React's next render and slides the content in. A click before that ends is dropped
    or lands beside its target (no user is that fast; a test is).
    """
    expander.locator("[data-testid=stExpanderDetails]:not([inert])").wait_for(timeout=10_000)
    expander.page.wait_for_function(
        "el => el.getAnimations({subtree: true}).length === 0",
        arg=expander.element_handle(),
        timeout=10_000,
    )
    return expander


def open_citation(page: Any, n: int, turn: int = 0) -> Any:
    """Click the answer's ``[n]`` marker; return its citation once it can be used."""
    key = f"pkb-cite-{turn}-{n}"
    page.locator(f"a.pkb-ref[data-cite='{key}']").first.click()
    return opened(page.locator(f".st-key-{key}"))


def search(page: Any, words: str) -> None:
    """Type ``words`` into Search and wait for the results."""
    field = page.get_by_test_id("stTextInputRootElement").locator("input")
    field.fill(words)
    field.press("Enter")
    page.locator(".pkb-hit").first.wait_for(timeout=60_000)
    settle(page)


def nav(page: Any, title: str) -> None:
    """Click a page in the sidebar (an in-app navigation) and wait for it."""
    page.get_by_test_id("stSidebarNav").get_by_text(title, exact=True).click()
    page.locator(".stMain").get_by_test_id("stHeading").filter(has_text=title).first.wait_for(
        timeout=60_000
    )
    settle(page)


def questions(page: Any) -> list[str]:
    """The questions in Ask's chat history, in order."""
    users = page.get_by_test_id("stChatMessage").filter(
        has=page.get_by_test_id("stChatMessageAvatarUser")
    )
    return [m.get_by_test_id("stMarkdownContainer").first.inner_text() for m in users.all()]


def in_view(page: Any, locator: Any) -> bool:
    """Is the element's whole box inside the viewport?"""
    box = locator.bounding_box()
    size = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= size["height"]
        and box["x"] + box["width"] <= size["width"]
    )


def shown_text(page: Any) -> str:
    """The text a user sees: main area and sidebar, icons' ligature names left out."""
    return page.evaluate(
        """() => {
        const parts = [];
        for (const sel of ['[data-testid=stSidebar]', '.stMain',
                           '[data-testid=stBottom]']) {
          const root = document.querySelector(sel);
          if (!root) continue;
          const copy = root.cloneNode(true);
          copy.querySelectorAll('[data-testid=stIconMaterial], style, script')
              .forEach((e) => e.remove());
          document.body.appendChild(copy);
          parts.push(copy.innerText);
          copy.remove();
          // a placeholder is seen while its field is empty (a select's stays hidden)
          root.querySelectorAll('input[placeholder], textarea[placeholder]').forEach((e) => {
            if (!e.value && e.getAttribute('role') !== 'combobox') {
              parts.push(e.getAttribute('placeholder'));
            }
          });
        }
        return parts.join('\\n');
    }"""
    )


def fill_page(page: Any, server: str, name: str, lang: str) -> None:
    """Open page ``name`` in ``lang`` and give it a typical result."""
    if name == "browse":
        open_app(page, f"{server}/browse?doc={DOC}&chunk={DOC}:ch4.s1.ss1.box1.i2.c1&lang={lang}")
        return
    open_app(page, f"{server}/{name}?lang={lang}")
    if name == "ask":
        ask(
            page,
            "哪些氢能技术被列为重点？"
            if lang == "zh"
            else "Which hydrogen technologies are priorities?",
        )
        ask(page, "2025年高新技术企业目标是多少家")
        ask(page, "明天天气怎么样")
        page.get_by_test_id("stExpander").first.locator("summary").click()
    elif name == "search":
        search(page, "氢能" if lang == "zh" else "hydrogen")
    elif name == "fit":
        page.get_by_role("button", name=text("fit_example", lang)).click()
        settle(page)
        page.get_by_role("button", name=text("check", lang)).click()
        page.locator(".pkb-addr").first.wait_for(timeout=60_000)
    else:
        page.get_by_test_id("stVegaLiteChart").first.wait_for(timeout=60_000)
    settle(page)
