"""Shared fixtures: the real plan, the shared extra corpus, temporary index folders."""

from __future__ import annotations

from pathlib import Path

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
