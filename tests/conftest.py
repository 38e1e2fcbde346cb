"""Shared fixtures: the real plan, the shared extra corpus, temporary index folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ingest import ParsedDocument, ingest_file

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "corpus" / "liupanshui-14th-fyp-sci-tech.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def plan_path() -> Path:
    return PLAN


@pytest.fixture(scope="session")
def plan() -> ParsedDocument:
    """The real plan, read, parsed and chunked once per test session."""
    return ingest_file(PLAN)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository (present for developers and in CI)."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not here; it holds the extra corpus and eval sets")
    return SHARED


@pytest.fixture(scope="session")
def plan_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the bundled plan, built once per session with the default embedder."""
    from kb import Settings, build_index

    index = tmp_path_factory.mktemp("plan") / "index"
    build_index(Settings.load(env={}, index_dir=index), paths=[PLAN])
    return index


@pytest.fixture(scope="session")
def plan_kb(plan_index: Path):
    """The plan's index, loaded (searcher warm)."""
    from kb import KnowledgeBase

    kb = KnowledgeBase.open(plan_index)
    kb.searcher()
    return kb


@pytest.fixture(scope="session")
def two_doc_kb(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path):
    """The plan indexed beside the central rural-revitalisation opinion, loaded."""
    from kb import KnowledgeBase, Settings, build_index

    index = tmp_path_factory.mktemp("two") / "index"
    other = shared_dir / "corpus-extra" / "opinion_central_rural_revitalization_2018.txt"
    # both are home, so neither is preferred: questions are answered from both
    config = Settings.load(env={}, index_dir=index, home=f"{PLAN.stem},{other.stem}")
    build_index(config, paths=[PLAN, other])
    return KnowledgeBase.open(index)


@pytest.fixture(scope="session")
def all_index(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> Path:
    """The plan (the corpus's own document) and every document of ../shared/corpus-extra."""
    from kb import Settings, build_index

    index = tmp_path_factory.mktemp("all") / "index"
    config = Settings.load(env={}, index_dir=index, corpus_dir=PLAN.parent)
    build_index(config, paths=[PLAN.parent, shared_dir / "corpus-extra"])
    return index


@pytest.fixture(scope="session")
def all_kb(all_index: Path):
    """The plan beside 20 other real documents, loaded."""
    from kb import KnowledgeBase

    return KnowledgeBase.open(all_index)


@pytest.fixture()
def stub() -> Iterator[Any]:
    """A local OpenAI-compatible chat stub (tests/llm_stub.py); set ``stub.reply``."""
    from tests.llm_stub import running_stub

    with running_stub() as handler:
        yield handler
