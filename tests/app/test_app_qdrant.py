"""The app on an index whose retrieval runs on Qdrant (local mode): unchanged above the store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kb import Settings, build_index
from tests.app.apptest import APP, ask_at, html, open_page

pytest.importorskip("qdrant_client", reason="needs the qdrant extra")

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "corpus" / "liupanshui-14th-fyp-sci-tech.txt"


def test_the_app_asks_and_searches_a_qdrant_index(
    plan_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "index"
    shutil.copytree(plan_index, index)
    build_index(Settings.load(env={}, index_dir=index, store="qdrant"), [PLAN])
    monkeypatch.setenv("POLICYKB_INDEX_DIR", str(index))
    at = ask_at(AppTest.from_file(APP, default_timeout=90).run(), "哪些氢能技术被列为重点？")
    assert not at.exception
    page = html(at)
    assert "专栏1 能源产业技术攻关" in page and "data-cite='pkb-cite-0-1'>[1]</a>" in page
    open_page(at, "search")
    at.selectbox(key="search_industry").select("钢铁产业").run()
    at.text_input(key="search_q").input("技术研发").run()
    hits = [m.value for m in at.markdown if "pkb-hit" in m.value]
    assert hits and all("钢铁产业" in h for h in hits)
