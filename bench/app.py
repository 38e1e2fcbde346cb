"""The app's own figures, measured in a real browser (headless Chromium).

``python -m bench.app [--runs N] [--root DIR]`` serves the index at
``POLICYKB_INDEX_DIR`` (or ``.policykb``) with ``policykb serve`` and drives it as a user:

- cold start, each run on a freshly started server: from the page's first byte to its
  title, to its question box, and to the box being usable (the knowledge base loaded);
  then the first answer, timed from pressing Enter right when the box is usable; then a
  return visit (the browser's cache holds Streamlit's code) to the title;
- warm: questions and searches on a loaded server, from pressing Enter to the answer or
  the first result on screen.

Times are taken inside the page (``performance.now()``, by a mutation observer), so they
include the browser's own work. ``--root`` serves another source tree (an older
checkout, for a before/after comparison).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path
from typing import Any

from bench.browser import ROOT, chromium, serve

QUESTIONS = [
    "哪些氢能技术被列为重点？",
    "2025年高新技术企业目标是多少家",
    "科技特派员",
    "What are the priorities for coal chemical industry?",
    "住房限购政策有哪些",
]
SEARCHES = ["氢能", "矿井水处理", "tea varieties", "科技金融", "北斗应用"]

# Records, inside the page, when things first appear (ms since the navigation began).
_WATCH = """
window.__t = {};
const seen = (k) => { if (!(k in window.__t)) window.__t[k] = performance.now(); };
new MutationObserver(() => {
  if (document.querySelector('.stMain h1')) seen('title');
  const box = document.querySelector('textarea[data-testid=stChatInputTextArea]');
  if (box) seen('input');
  if (box && !box.disabled && !/加载|Loading/.test(box.placeholder)) seen('usable');
  const n = document.querySelectorAll('[data-testid=stChatMessageAvatarAssistant]').length;
  if (n && !(('answer' + n) in window.__t)) window.__t['answer' + n] = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


# Watches, frame by frame, for the first result to change (a search's answer on screen).
_FIRST_HIT = """() => {
  const first = () => (document.querySelector('.pkb-hit') || {}).textContent || '';
  const before = first();
  window.__t.found = null;
  window.__t.sent = performance.now();
  const tick = () => {
    const now = first();
    if (now && now !== before) window.__t.found = performance.now();
    else requestAnimationFrame(tick);
  };
  tick();
}"""


def _idle(page: Any) -> None:
    page.wait_for_timeout(150)
    page.wait_for_function(
        "document.querySelector('.stApp') && document.querySelector('.stApp')"
        ".getAttribute('data-test-script-state') !== 'running'",
        timeout=120_000,
    )


def _ask(page: Any, question: str) -> float:
    """Milliseconds from pressing Enter to the answer appearing."""
    box = page.locator("textarea[data-testid=stChatInputTextArea]")
    box.fill(question)
    n = page.locator("[data-testid=stChatMessageAvatarAssistant]").count() + 1
    sent = page.evaluate("performance.now()")
    box.press("Enter")
    page.wait_for_function(f"'answer{n}' in window.__t", timeout=120_000)
    _idle(page)
    return page.evaluate(f"window.__t['answer{n}']") - sent


def _search(page: Any, words: str) -> float:
    """Milliseconds from pressing Enter to the first result (a new one) appearing."""
    field = page.locator("[data-testid=stTextInputRootElement] input")
    field.fill(words)
    page.evaluate(_FIRST_HIT)
    field.press("Enter")
    page.wait_for_function("window.__t.found !== null", timeout=120_000)
    _idle(page)
    return page.evaluate("window.__t.found - window.__t.sent")


def cold(browser: Any, index: Path, root: Path) -> dict[str, float]:
    """One cold start: a new server, a new browser context, the first question."""
    with serve(index, root=root) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        context.add_init_script(_WATCH)
        page = context.new_page()
        page.goto(url, wait_until="commit")
        page.wait_for_function("'usable' in window.__t", timeout=120_000)
        first_byte = page.evaluate("performance.getEntriesByType('navigation')[0].responseStart")
        times = page.evaluate("window.__t")
        first_answer = _ask(page, QUESTIONS[0])
        again = context.new_page()  # a return visit: the browser has the app's code cached
        again.goto(url, wait_until="commit")
        again.wait_for_function("'title' in window.__t", timeout=120_000)
        return_title = again.evaluate(
            "window.__t.title - performance.getEntriesByType('navigation')[0].responseStart"
        )
        context.close()
    return {
        "title": times["title"] - first_byte,
        "input": times["input"] - first_byte,
        "usable": times["usable"] - first_byte,
        "first_answer": first_answer,
        "return_title": return_title,
    }


def warm(browser: Any, index: Path, root: Path) -> dict[str, list[float]]:
    """Questions and searches on a server that has loaded the knowledge base."""
    with serve(index, root=root) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 1000})
        context.add_init_script(_WATCH)
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("'usable' in window.__t", timeout=120_000)
        _idle(page)
        asks = [_ask(page, q) for q in QUESTIONS]
        page.goto(f"{url}/search")
        page.locator("[data-testid=stTextInputRootElement] input").wait_for(timeout=120_000)
        _idle(page)
        searches = [_search(page, q) for q in SEARCHES]
        context.close()
    return {"ask": asks, "search": searches}


def _ms(values: list[float]) -> str:
    return f"median {statistics.median(values):.0f} ms, max {max(values):.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.app", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="cold starts to measure")
    parser.add_argument("--root", type=Path, default=ROOT, help="the source tree to serve")
    args = parser.parse_args(argv)
    index = Path(os.environ.get("POLICYKB_INDEX_DIR", ".policykb")).resolve()
    with chromium() as browser:
        colds = [cold(browser, index, args.root) for _ in range(args.runs)]
        warmed = warm(browser, index, args.root)
    column = {k: [c[k] for c in colds] for k in colds[0]}
    print(f"| app (real browser, {args.runs} cold starts) | value |\n|---|---|")
    print(f"| first byte → title | {_ms(column['title'])} |")
    print(f"| first byte → question box | {_ms(column['input'])} |")
    print(f"| first byte → usable (knowledge base loaded) | {_ms(column['usable'])} |")
    print(f"| first answer, asked when usable | {_ms(column['first_answer'])} |")
    print(
        f"| return visit: first byte → title (browser cache warm) | {_ms(column['return_title'])} |"
    )
    print(f"| ask, warm (Enter → answer shown) | {_ms(warmed['ask'])} |")
    print(f"| search, warm (Enter → first result shown) | {_ms(warmed['search'])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
