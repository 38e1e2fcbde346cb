"""Building the index: manifest, persistence, reuse of vectors, change and crash safety."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb import IndexBusy, IndexStale, KnowledgeBase, Settings, build_index
from kb import build as build_module
from kb.store import IndexWriter


@pytest.fixture()
def corpus(tmp_path: Path, plan_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(plan_path, folder)
    shutil.copy(plan_path.with_name(plan_path.stem + ".meta.json"), folder)
    return folder


def _config(tmp_path: Path) -> Settings:
    return Settings.load(env={}, index_dir=tmp_path / "index")


def test_manifest_records_documents_embedder_and_versions(plan_kb: KnowledgeBase) -> None:
    m = plan_kb.manifest
    assert m["chunk_count"] == len(plan_kb.chunks) > 200
    assert m["embedder"] == {"name": "use-multilingual", "dim": 512}
    assert m["dense_index"] == "flat"
    assert len(m["documents"]["liupanshui-14th-fyp-sci-tech"]["sha256"]) == 64
    assert {"haystack-ai", "bm25s", "faiss-cpu", "jieba"} <= set(m["versions"])
    assert {"bm25/params.index.json", "dense/vectors.npy", "chunks/content.bin"} <= set(m["files"])


def test_loaded_index_answers_like_the_built_one(plan_index: Path, plan_kb: KnowledgeBase) -> None:
    again = KnowledgeBase.open(plan_index)
    assert again.search("煤层气", k=5) == plan_kb.search("煤层气", k=5)


def test_rebuild_reuses_vectors_of_unchanged_chunks(tmp_path: Path, corpus: Path) -> None:
    config = _config(tmp_path)
    first = build_index(config, [corpus])
    second = build_index(config, [corpus])
    assert first.reused_vectors == 0
    assert second.reused_vectors == second.chunk_count


def test_changed_corpus_is_detected(tmp_path: Path, corpus: Path) -> None:
    config = _config(tmp_path)
    build_index(config, [corpus])
    plan = next(corpus.glob("*.txt"))
    plan.write_text(plan.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    (corpus / "new.txt").write_text("新的文件。\n", encoding="utf-8")
    notes = KnowledgeBase.open(config.paths.index_dir).changes(corpus)
    assert any("changed since the index was built" in n for n in notes)
    assert any("new.txt: in the corpus but not indexed" in n for n in notes)


@pytest.mark.parametrize("stage", ["embed_chunks", "commit"])
def test_crash_during_ingest_leaves_previous_index_loadable(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    config = _config(tmp_path)
    build_index(config, [corpus])
    before = KnowledgeBase.open(config.paths.index_dir).search("刺梨", k=3)
    (corpus / "extra.txt").write_text("第一章 总则\n刺梨产业发展。\n", encoding="utf-8")

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError("disk full (simulated)")

    if stage == "commit":
        monkeypatch.setattr(build_module.IndexWriter, "commit", crash)
    else:
        monkeypatch.setattr(build_module, "embed_chunks", crash)
    with pytest.raises(OSError, match="simulated"):
        build_index(config, [corpus])
    after = KnowledgeBase.open(config.paths.index_dir)
    assert len(after.documents) == 1
    assert after.search("刺梨", k=3) == before
    assert not list(config.paths.index_dir.glob(".tmp-*"))


def test_index_built_with_other_embedder_is_reported(plan_kb: KnowledgeBase) -> None:
    with pytest.raises(IndexStale, match="policykb ingest --embedder"):
        plan_kb.check_embedder("BAAI/bge-small-zh-v1.5")


def test_multiple_documents_keep_their_own_ids(
    tmp_path: Path, corpus: Path, shared_dir: Path
) -> None:
    shutil.copy(
        shared_dir / "corpus-extra" / "opinion_central_rural_revitalization_2018.txt", corpus
    )
    config = _config(tmp_path)
    report = build_index(config, [corpus])
    assert len(report.documents) == 2
    kb = KnowledgeBase.open(config.paths.index_dir)
    hits = kb.search("乡村振兴", k=5, doc="opinion_central_rural_revitalization_2018")
    assert hits and all(h.doc == "opinion_central_rural_revitalization_2018" for h in hits)


def test_refused_second_build_reads_no_document(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _config(tmp_path)
    parsed: list[object] = []
    monkeypatch.setattr(build_module, "ingest_documents", lambda *a, **k: parsed.append(a))
    with IndexWriter(config.paths.index_dir), pytest.raises(IndexBusy):
        build_index(config, [corpus])
    assert parsed == []  # the lock is taken before any parsing
