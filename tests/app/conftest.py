"""Fixtures of the app's tests: an AppTest of the app over the plan's index (and over
the plan beside two provinces' work reports); for the browser, one app server per index
and one Chromium per session and a fresh browser context (so a fresh Streamlit session)
for every test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.browser import CHROMIUM, FLAGS
from tests.app.harness import DESKTOP, PHONE, REPORTS, require_browser, streamlit
from tests.conftest import PLAN


@pytest.fixture()
def app(plan_index: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The app, run once, over the plan's index (AppTest: no browser)."""
    from streamlit.testing.v1 import AppTest

    from tests.app.apptest import APP

    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(plan_index))
    return AppTest.from_file(APP, default_timeout=90).run()


@pytest.fixture(scope="session")
def multi_index(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    """The plan (the corpus's own document) beside two provinces' 2025 work reports
    (copied with their ``SOURCES.tsv`` rows): three documents, two kinds."""
    from kb import Settings, build_index

    folder = tmp_path_factory.mktemp("multi")
    (folder / "docs").mkdir()
    for name in (*REPORTS, "SOURCES.tsv"):
        shutil.copy(shared_dir / "corpus-extra" / name, folder / "docs" / name)
    index = folder / "index"
    config = Settings.load(env={}, index_dir=index, corpus_dir=PLAN.parent)
    build_index(config, paths=[PLAN, folder / "docs"])
    return index


@pytest.fixture()
def multi_app(multi_index: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The app, run once, over the plan and two work reports (AppTest: no browser)."""
    from streamlit.testing.v1 import AppTest

    from tests.app.apptest import APP

    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(multi_index))
    return AppTest.from_file(APP, default_timeout=90).run()


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Each test loads the knowledge base (and the session store) afresh."""
    yield
    import streamlit as st

    st.cache_resource.clear()


@pytest.fixture(scope="session")
def server(plan_index: Path) -> Iterator[str]:
    with streamlit(plan_index) as url:
        yield url


@pytest.fixture(scope="session")
def multi_server(multi_index: Path) -> Iterator[str]:
    with streamlit(multi_index) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def _context(browser: Any, viewport: dict[str, int]) -> Any:
    context = browser.new_context(viewport=viewport, locale="zh-CN", accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    return context


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    """A desktop page (1440×1000) in its own context: a new user."""
    context = _context(browser, DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture()
def phone(browser: Any) -> Iterator[Any]:
    """A phone-sized page (390×844) in its own context."""
    context = _context(browser, PHONE)
    yield context.new_page()
    context.close()
