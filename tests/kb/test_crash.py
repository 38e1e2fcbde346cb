"""Crash safety: SIGKILL an ingest at many points; the index is never lost or torn.

Each kill lands somewhere between process start and the end of a full build (spread
evenly over that span). After each, the index must load (checksums verified) and answer
exactly as either the previous index or the complete new one; a final run completes.
CI kills at 8 points; the slow suite at 32.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kb import KnowledgeBase, Settings, build_index
from kb.store import current_generation

QUESTIONS = ["刺梨", "煤层气抽采", "科技特派员", "乡村振兴"]


def _answers(index: Path) -> list[list[str]]:
    kb = KnowledgeBase.open(index)
    return [[h.id for h in kb.search(q, k=5)] for q in QUESTIONS]


def _ingest(corpus: Path, index: Path) -> subprocess.Popen:
    env = {**os.environ, "HAYSTACK_TELEMETRY_ENABLED": "False"}
    return subprocess.Popen(
        [sys.executable, "-m", "cli", "ingest", str(corpus), "--index-dir", str(index)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kill_points(tmp_path: Path, plan_path: Path, shared_dir: Path, points: int) -> dict:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(plan_path, corpus)
    index = tmp_path / "index"
    build_index(Settings.load(env={}, index_dir=index), [corpus])
    old = _answers(index)
    shutil.copy(
        shared_dir / "corpus-extra" / "opinion_central_rural_revitalization_2018.txt", corpus
    )
    reference = tmp_path / "reference"
    build_index(Settings.load(env={}, index_dir=reference), [corpus])
    new = _answers(reference)
    assert new != old  # the change is visible, so the two states can be told apart

    t = time.monotonic()
    assert _ingest(corpus, tmp_path / "timing").wait(timeout=300) == 0
    span = time.monotonic() - t
    seen = {"old": 0, "new": 0}
    for i in range(points):
        proc = _ingest(corpus, index)
        time.sleep(span * (i + 0.5) / points)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        state = _answers(index)  # raises if the index is missing, torn or fails checksums
        assert state in (old, new)
        seen["old" if state == old else "new"] += 1
    final = _ingest(corpus, index)
    assert final.wait(timeout=300) == 0
    assert _answers(index) == new
    assert not list(index.glob(".tmp-*"))  # a later writer cleans up after the dead
    return seen


def test_sigkill_during_ingest_never_loses_the_index(
    tmp_path: Path, plan_path: Path, shared_dir: Path
) -> None:
    seen = _kill_points(tmp_path, plan_path, shared_dir, points=8)
    assert seen["old"] + seen["new"] == 8


@pytest.mark.slow
def test_sigkill_at_thirty_two_points(tmp_path: Path, plan_path: Path, shared_dir: Path) -> None:
    seen = _kill_points(tmp_path, plan_path, shared_dir, points=32)
    print(f"kill points survived: {seen}")
    assert seen["old"] + seen["new"] == 32


@pytest.mark.parametrize("damage", ["truncate", "flip"])
@pytest.mark.parametrize(
    "name", ["chunks/content.bin", "dense/vectors.npy", "bm25/params.index.json"]
)
def test_damaged_index_file_is_reported_with_the_fix(
    tmp_path: Path, plan_index: Path, name: str, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.main import main

    index = tmp_path / "index"
    shutil.copytree(plan_index, index)
    target = current_generation(index) / name
    raw = bytearray(target.read_bytes())
    if damage == "truncate":
        raw = raw[: len(raw) // 2]
    else:
        raw[len(raw) // 2] ^= 0xFF
    target.write_bytes(bytes(raw))
    assert main(["search", "氢能", "--index-dir", str(index)]) == 2
    err = capsys.readouterr().err
    assert "checksum" in err and "re-run `policykb ingest`" in err
