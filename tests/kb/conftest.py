"""Fixtures of the Qdrant store: the plan, and the plan beside the extra corpus, in local mode.

Each copies the embedded index of the same documents and rebuilds it with
``store="qdrant"``, so the vectors are reused (no second embedding) and the two stores
answer from the same chunks and vectors.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import PLAN


def _qdrant_copy(embedded: Path, target: Path, paths: list[Path], **settings: object) -> Path:
    from kb import Settings, build_index

    shutil.copytree(embedded, target)
    config = Settings.load(env={}, index_dir=target, store="qdrant", **settings)
    build_index(config, paths=paths)
    return target


@pytest.fixture(scope="session")
def plan_qdrant_index(plan_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plan's index with retrieval on Qdrant (local mode, ``<index>/qdrant``)."""
    pytest.importorskip("qdrant_client", reason='needs the qdrant extra (pip install ".[qdrant]")')
    return _qdrant_copy(plan_index, tmp_path_factory.mktemp("planq") / "index", [PLAN])


@pytest.fixture(scope="session")
def all_qdrant_index(
    all_index: Path, shared_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The plan beside every document of ../shared/corpus-extra, retrieval on Qdrant."""
    pytest.importorskip("qdrant_client", reason='needs the qdrant extra (pip install ".[qdrant]")')
    return _qdrant_copy(
        all_index,
        tmp_path_factory.mktemp("allq") / "index",
        [PLAN.parent, shared_dir / "corpus-extra"],
        corpus_dir=PLAN.parent,
    )
