"""Crash safety on Qdrant (local mode): SIGKILL during `ingest --store qdrant` never loses
the index, and a failed build leaves the old alias.

The build is killed at each of its windows — the new collection just created, half
uploaded, uploaded and checked, the generation committed but the alias not yet
switched, the alias switched but old collections not yet dropped — by a hook that
sends SIGKILL to its own process there (deterministic, unlike a timer). After each
kill a fresh reader answers exactly as the previous build (killed before the commit) or
the new one (after), and the alias names a whole collection; a last run completes and
leaves only the current and the previous collection. The slow suite adds kills spread
evenly over a build's span, as :mod:`tests.kb.test_crash` does for the embedded store.
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

pytest.importorskip("qdrant_client", reason="needs the qdrant extra")

from kb.qdrant import QdrantSettings, connect, disconnect

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ["刺梨", "煤层气抽采", "科技特派员", "乡村振兴"]
OPINION = "opinion_central_rural_revitalization_2018.txt"

# Runs `policykb ingest --store qdrant` with SIGKILL at one point (argv[1]).
HOOK = """
import os, signal, sys
from kb import store
from kb.qdrant import writer

point, index, corpus = sys.argv[1:4]
writer.BATCH = 64  # several batches, so "half-uploaded" is half

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def after(cls, name, times=1):
    original, calls = getattr(cls, name), []
    def hooked(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        calls.append(1)
        if len(calls) == times:
            die()
        return result
    setattr(cls, name, hooked)

if point == "created":
    after(writer.CollectionWriter, "create")
elif point == "half-uploaded":
    after(writer.CollectionWriter, "_upsert")
elif point == "uploaded":
    after(writer.CollectionWriter, "verify")
elif point == "committed":
    after(store.IndexWriter, "commit")
elif point == "alias-switched":
    writer.CollectionWriter.clean = lambda self, keep: die()
from cli.main import main
sys.exit(main(["ingest", corpus, "--index-dir", index, "--store", "qdrant"]))
"""
POINTS = ["created", "half-uploaded", "uploaded", "committed", "alias-switched"]


def _answers(index: Path) -> list[list[str]]:
    """What a fresh reader answers (then the local folder is unlocked for the next run)."""
    try:
        kb = KnowledgeBase.open(index)
        return [[h.id for h in kb.search(q, k=5)] for q in QUESTIONS]
    finally:
        disconnect()


def _alias_state(index: Path) -> tuple[str, int, list[str]]:
    """The collection the alias names, its points, and every collection."""
    try:
        with connect(QdrantSettings(path=str(index / "qdrant"))).use("inspect") as client:
            aliases = {a.alias_name: a.collection_name for a in client.get_aliases().aliases}
            names = sorted(c.name for c in client.get_collections().collections)
            return aliases["policykb"], client.count("policykb", exact=True).count, names
    finally:
        disconnect()


def _run(args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "HAYSTACK_TELEMETRY_ENABLED": "False"}
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _ingest(corpus: Path, index: Path) -> subprocess.Popen:
    return _run(
        ["-m", "cli", "ingest", str(corpus), "--index-dir", str(index), "--store", "qdrant"]
    )


@pytest.fixture
def states(tmp_path: Path, plan_path: Path, plan_index: Path, shared_dir: Path) -> dict:
    """An index of the plan on Qdrant (old), the corpus grown by one document, and the
    answers of the old and of a complete new build."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(plan_path, corpus)
    index = tmp_path / "index"
    shutil.copytree(plan_index, index)  # its vectors are reused: no embedding of the plan
    build_index(Settings.load(env={}, index_dir=index, store="qdrant"), [corpus])
    old, chunks_old = _answers(index), KnowledgeBase.open(index).manifest["chunk_count"]
    disconnect()
    # the opinion's opening only: a change that shows, at little embedding per run
    opening = (shared_dir / "corpus-extra" / OPINION).read_text("utf-8").splitlines()[:12]
    (corpus / "rural-revitalization-opening.txt").write_text("\n".join(opening), "utf-8")
    reference = tmp_path / "reference"
    shutil.copytree(index, reference)
    build_index(Settings.load(env={}, index_dir=reference, store="qdrant"), [corpus])
    new, chunks_new = _answers(reference), KnowledgeBase.open(reference).manifest["chunk_count"]
    disconnect()
    assert new != old  # the change is visible, so the two states can be told apart
    return {
        "corpus": corpus,
        "index": index,
        "old": old,
        "new": new,
        "chunks": {chunks_old, chunks_new},
    }


def _finish(s: dict) -> None:
    final = _ingest(s["corpus"], s["index"])
    assert final.wait(timeout=300) == 0, final.stderr.read().decode()[-2000:]
    assert _answers(s["index"]) == s["new"]
    alias, _, names = _alias_state(s["index"])
    current = KnowledgeBase.open(s["index"]).manifest["store"]["collection"]
    disconnect()
    assert alias == current and len(names) <= 2 and current in names
    assert not list(s["index"].glob(".tmp-*"))


def test_sigkill_at_each_window_of_a_qdrant_build_leaves_an_answering_index(states: dict) -> None:
    s, committed = states, False
    for point in POINTS:
        before = _alias_state(s["index"])[0]
        proc = _run(["-c", HOOK, point, str(s["index"]), str(s["corpus"])])
        assert proc.wait(timeout=300) == -signal.SIGKILL, proc.stderr.read().decode()[-2000:]
        committed = committed or point in ("committed", "alias-switched")
        assert _answers(s["index"]) == (s["new"] if committed else s["old"]), point
        alias, points, _ = _alias_state(s["index"])
        assert points in s["chunks"], point  # the alias names a whole collection
        if point == "alias-switched":
            current = KnowledgeBase.open(s["index"]).manifest["store"]["collection"]
            disconnect()
            assert alias == current
        else:  # a build that did not get as far as switching the alias left the old one
            assert alias == before, point
    _finish(s)


@pytest.mark.slow
def test_sigkill_at_sixteen_moments_of_a_qdrant_build(states: dict) -> None:
    s = states
    timing = s["index"].parent / "timing"
    shutil.copytree(s["index"], timing)
    t = time.monotonic()
    assert _ingest(s["corpus"], timing).wait(timeout=300) == 0
    span, points, seen = time.monotonic() - t, 16, {"old": 0, "new": 0}
    for i in range(points):
        proc = _ingest(s["corpus"], s["index"])
        time.sleep(span * (i + 0.5) / points)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        state = _answers(s["index"])
        assert state in (s["old"], s["new"])
        seen["old" if state == s["old"] else "new"] += 1
        assert _alias_state(s["index"])[1] in s["chunks"]
    print(f"kill points survived: {seen}")
    _finish(s)
