"""One language at a time (issue 14, item 5), in a real browser.

Every page, filled with a typical result, is read as a user sees it. In Chinese mode no
English UI string appears (English words only where the plan itself has them, or the
names PolicyKB shows as they are: the English switch, file types, the embedder); in
English mode no Chinese UI string appears, and every run of Chinese characters is the
plan's own words (quoted plan text, section addresses, indicator names).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.app.harness import PAGES, fill_page, shown_text
from ui.strings import STRINGS

pytestmark = pytest.mark.browser

# Words Chinese mode may show in Latin letters besides the plan's own: the switch to
# English, the embedder's name, file types and formats.
NAMES = {"English", "use", "multilingual", "txt", "docx", "pdf", "md", "MB", "CSV", "Markdown"}


def _table(lang: str) -> list[str]:
    """The fixed parts of every string of ``lang`` (placeholders like ``{n}`` cut out)."""
    column = 0 if lang == "zh" else 1
    parts = [p.strip(" :：") for v in STRINGS.values() for p in re.split(r"\{\w+\}", v[column])]
    return [p for p in parts if len(p) >= 2]


@pytest.mark.parametrize("name", PAGES)
def test_chinese_mode_shows_no_english_ui_string(
    page: Any, server: str, plan_kb, name: str
) -> None:
    fill_page(page, server, name, "zh")
    shown = shown_text(page)
    plan = "\n".join(plan_kb.sources.values())
    leaks = [s for s in _table("en") if re.search(r"[A-Za-z]{3}", s) and s in shown]
    assert leaks == []
    words = set(re.findall(r"[A-Za-z]{2,}", shown))
    assert {w for w in words if w not in NAMES and w not in plan} == set()


@pytest.mark.parametrize("name", PAGES)
def test_english_mode_shows_chinese_only_as_quoted_plan_text(
    page: Any, server: str, plan_kb, name: str
) -> None:
    fill_page(page, server, name, "en")
    shown = shown_text(page)
    plan = "\n".join([*plan_kb.sources.values(), *(d.title for d in plan_kb.documents)])
    leaks = [s for s in _table("zh") if re.search(r"[\u4e00-\u9fff]", s) and s not in plan]
    assert [s for s in leaks if s in shown] == []
    user = {"2025年高新技术企业目标是多少家", "明天天气怎么样"}  # questions asked, not UI
    runs = set(re.findall(r"[\u4e00-\u9fff]+", shown)) - {"中文"}
    assert {r for r in runs if r not in plan and not any(r in q for q in user)} == set()
