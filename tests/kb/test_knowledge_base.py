"""Opening an index: one consistent generation whatever a writer does meanwhile; freshness
notes that never fail a search; documents without body text."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from ingest import IngestError
from kb import KnowledgeBase, Settings, build_index
from kb.corpus import add_and_index


class HashEmbedder:
    """A fast, deterministic stand-in for the embedding model (tests of the store only)."""

    name = "test-hash"
    dim = 16

    def _one(self, text: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "little")
        v = np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)
        return v / np.linalg.norm(v)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._one(t) for t in texts]) if texts else np.zeros((0, self.dim))

    def embed_query(self, text: str) -> np.ndarray:
        return self._one(text)


def _corpus(root: Path, name: str, docs: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir()
    for stem, text in docs.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    return folder


SMALL = {"a": "第一章 总则\n推进氢能技术研发。\n支持煤炭清洁利用。\n"}
LARGE = {**SMALL, "b": "第一章 农业\n发展茶叶种植。\n建设猕猴桃基地。\n加强农村道路。\n"}


WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from kb import Settings, build_index
from tests.kb.test_knowledge_base import HashEmbedder

index, corpora, folder = Path({index!r}), {corpora!r}, Path({folder!r})
config = Settings.load(env={{}}, index_dir=index)
builds = 0
while not (folder / "stop").exists():
    try:
        build_index(config, [corpora[builds % 2]], embedder=HashEmbedder())
    except Exception as exc:
        (folder / "errors").write_text(repr(exc))
        break
    builds += 1
    (folder / "builds").write_text(str(builds))
"""


def _builds(folder: Path) -> int:
    try:
        return int((folder / "builds").read_text() or 0)
    except (OSError, ValueError):
        return 0


def test_readers_during_a_write_see_the_old_or_the_new_index_whole(tmp_path: Path) -> None:
    index = tmp_path / "index"
    config = Settings.load(env={}, index_dir=index)
    corpora = [_corpus(tmp_path, "small", SMALL), _corpus(tmp_path, "large", LARGE)]
    states = {}
    for corpus in corpora:
        build_index(config, [corpus], embedder=HashEmbedder())
        kb = KnowledgeBase.open(index)
        states[len(kb.chunks)] = sorted(d.doc for d in kb.documents)
    assert len(states) == 2
    folder = tmp_path / "writer"
    folder.mkdir()
    root = str(Path(__file__).resolve().parents[2])
    script = WRITER.format(
        root=root, index=str(index), corpora=[str(c) for c in corpora], folder=str(folder)
    )
    writer = subprocess.Popen([sys.executable, "-c", script], cwd=root)  # rebuilds, over and over
    errors, opens = [], 0
    deadline = time.monotonic() + 600
    try:
        while _builds(folder) < 2 and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        while (opens < 2000 or _builds(folder) < 10) and writer.poll() is None:
            if time.monotonic() > deadline:
                errors.append(f"timeout: {opens} opens, {_builds(folder)} builds")
                break
            try:
                kb = KnowledgeBase.open(index)
                assert states[len(kb.chunks)] == sorted(d.doc for d in kb.documents)
                assert kb.sparse.size == kb.chars.size == len(kb.dense.vectors) == len(kb.chunks)
            except Exception as exc:
                errors.append(f"reader: {exc!r}")
            opens += 1
    finally:
        (folder / "stop").write_text("")
        writer.wait(timeout=120)
    if (folder / "errors").exists():
        errors.append("writer: " + (folder / "errors").read_text())
    assert errors == [] and writer.returncode == 0
    assert opens >= 2000 and _builds(folder) >= 10  # the generation changed many times meanwhile


def test_search_warns_but_works_when_a_corpus_link_points_outside(
    tmp_path: Path, plan_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(plan_path, corpus)
    config = Settings.load(env={}, index_dir=tmp_path / "index", corpus_dir=corpus)
    build_index(config, embedder=HashEmbedder())
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("第一章 外部\n外部文件。\n", encoding="utf-8")
    (corpus / "link.txt").symlink_to(outside)
    kb = KnowledgeBase.open(config.paths.index_dir)
    notes = kb.changes(corpus)
    assert any("link.txt" in n and "outside" in n for n in notes)
    assert kb.search("氢能", k=3, mode="bm25")


def test_changes_notes_a_document_that_cannot_be_read(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, "corpus", SMALL)
    config = Settings.load(env={}, index_dir=tmp_path / "index")
    build_index(config, [corpus], embedder=HashEmbedder())
    (corpus / "a.txt").unlink()
    (corpus / "a.txt").mkdir()  # now a folder: reading it fails
    notes = KnowledgeBase.open(config.paths.index_dir).changes(corpus)
    assert notes and "a.txt" in notes[0]


HEADINGS_ONLY = {
    "outline": "第一章 总则\n一、指导思想\n（一）基本原则\n",
    "boxes": "专栏1 能源\n专栏2 煤炭\n专栏3 钢铁\n",
}


@pytest.mark.parametrize("stem", list(HEADINGS_ONLY))
def test_document_with_headings_only_is_indexed_beside_others_and_searchable_by_doc(
    tmp_path: Path, stem: str
) -> None:
    corpus = _corpus(tmp_path, "corpus", {**SMALL, stem: HEADINGS_ONLY[stem]})
    config = Settings.load(env={}, index_dir=tmp_path / "index")
    report = build_index(config, [corpus], embedder=HashEmbedder())
    assert any(stem in w and "beyond headings" in w for w in report.warnings)
    kb = KnowledgeBase.open(config.paths.index_dir)
    assert kb.search("能源", k=5, doc=stem) == []
    assert kb.outline(stem)["documents"][0]["nodes"]
    assert kb.search("氢能", k=5, mode="bm25")  # the other document still answers


@pytest.mark.parametrize("stem", list(HEADINGS_ONLY))
def test_index_of_headings_only_is_refused_with_a_clear_error(tmp_path: Path, stem: str) -> None:
    corpus = _corpus(tmp_path, "corpus", {stem: HEADINGS_ONLY[stem]})
    config = Settings.load(env={}, index_dir=tmp_path / "index")
    with pytest.raises(IngestError, match="no document has text beyond its headings"):
        build_index(config, [corpus], embedder=HashEmbedder())
    assert not (tmp_path / "index" / "CURRENT").exists()


@pytest.mark.parametrize("failure", [MemoryError, KeyboardInterrupt, RuntimeError])
def test_failed_upload_leaves_the_corpus_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: type[BaseException]
) -> None:
    corpus = _corpus(tmp_path, "corpus", SMALL)
    config = Settings.load(env={}, index_dir=tmp_path / "index", corpus_dir=corpus)
    before = sorted(p.name for p in corpus.iterdir())

    def broken_build(*args: object, **kwargs: object) -> None:
        raise failure("while embedding")

    monkeypatch.setattr("kb.corpus.build_index", broken_build)
    with pytest.raises(failure):
        add_and_index(config, "新文件.txt", "第一章 总则\n发展新材料。\n".encode())
    assert sorted(p.name for p in corpus.iterdir()) == before


@pytest.mark.parametrize(
    ("node", "opens"),
    [
        ("ch4", "ch4.para1"),  # a chapter opens at its own first paragraph
        ("ch4.s1.ss1.box1", "ch4.s1.ss1.box1.i1"),  # a box title alone: its first item
        ("ch4.s1.ss1.box1.i4", "ch4.s1.ss1.box1.i4"),  # a short item: its own chunk
        ("ch4.s1.ss1.box1.i2", "ch4.s1.ss1.box1.i2.c1"),  # a long one: its first piece
        ("ch6.s7.ss1.para1", "ch6.s7.ss1.para1.c1"),  # a long paragraph: its first piece
        ("ch99", None),  # no such node
    ],
)
def test_opening_is_the_first_chunk_in_or_under_a_node(
    plan_kb: KnowledgeBase, node: str, opens: str | None
) -> None:
    doc = "liupanshui-14th-fyp-sci-tech"
    found = plan_kb.opening(doc, node)
    assert (found.id if found else None) == (f"{doc}:{opens}" if opens else None)
