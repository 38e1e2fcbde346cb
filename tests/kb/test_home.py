"""Home documents: those of the first path ingest reads, or the ones the setting names,
recorded in the index whatever the working directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb import KnowledgeBase, Settings, build_index
from kb.documents import DocumentInfo
from kb.errors import UnknownDocument
from kb.home import home_ids, parse_home, with_home
from tests.kb.test_knowledge_base import HashEmbedder

PLAN = "第一章 总则\n一、目标\n加快发展氢能产业，建设制氢项目。\n"
REPORT = "第一章 回顾\n一、成绩\n粮食产量稳定增长，旅游收入增长。\n"


def _folder(root: Path, name: str, docs: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for stem, text in docs.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    return folder


def _home(index: Path) -> dict[str, bool]:
    return {d.doc: d.home for d in KnowledgeBase.open(index).documents}


def _info(doc: str, home: bool = False) -> DocumentInfo:
    return DocumentInfo(doc, doc, f"{doc}.txt", "utf-8", "txt", "", home=home)


def test_parse_home_splits_on_commas_and_drops_blanks() -> None:
    assert parse_home(" plan, ,report ") == ["plan", "report"]
    assert parse_home("") == []


def test_home_ids_are_the_files_found_under_the_first_path(tmp_path: Path) -> None:
    files = [("plan", tmp_path / "corpus" / "plan.txt"), ("a", tmp_path / "extra" / "a.txt")]
    assert home_ids(files, [tmp_path / "corpus" / "plan.txt"], "") == ["plan"]


def test_home_setting_wins_over_the_first_path(tmp_path: Path) -> None:
    files = [("plan", tmp_path / "plan.txt"), ("a", tmp_path / "a.txt")]
    assert home_ids(files, [tmp_path / "plan.txt"], "a") == ["a"]


def test_home_setting_naming_an_unknown_document_raises(tmp_path: Path) -> None:
    with pytest.raises(UnknownDocument, match=r"nope.*known: plan"):
        home_ids([("plan", tmp_path / "plan.txt")], [], "nope")


def test_with_home_empty_setting_keeps_the_recorded_flags() -> None:
    docs = [_info("plan", home=True), _info("a")]
    assert with_home(docs, "") is docs


def test_with_home_setting_overrides_the_recorded_flags() -> None:
    docs = with_home([_info("plan", home=True), _info("a")], "a")
    assert [(d.doc, d.home) for d in docs] == [("plan", False), ("a", True)]


def test_first_folder_is_home_when_built_from_another_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _folder(tmp_path / "repo", "corpus", {"plan": PLAN})
    extra = _folder(tmp_path, "extra", {"report": REPORT})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # not the repository root: corpus_dir ("corpus") is not here
    index = tmp_path / "index"
    build_index(Settings.load(env={}, index_dir=index), [corpus, extra], embedder=HashEmbedder())
    assert _home(index) == {"plan": True, "report": False}
    manifest = json.loads(next(index.glob("gen-*/manifest.json")).read_text(encoding="utf-8"))
    assert manifest["home"]["docs"] == ["plan"]


def test_relative_first_path_is_home_from_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder(tmp_path / "repo", "corpus", {"plan": PLAN})
    _folder(tmp_path, "extra", {"report": REPORT})
    monkeypatch.chdir(tmp_path / "repo")
    index = tmp_path / "index"
    build_index(
        Settings.load(env={}, index_dir=index), ["corpus", "../extra"], embedder=HashEmbedder()
    )
    assert _home(index) == {"plan": True, "report": False}


def test_no_path_makes_the_corpus_folder_home(tmp_path: Path) -> None:
    corpus = _folder(tmp_path, "docs", {"plan": PLAN, "report": REPORT})
    index = tmp_path / "index"
    config = Settings.load(env={}, index_dir=index, corpus_dir=corpus)
    build_index(config, embedder=HashEmbedder())
    assert _home(index) == {"plan": True, "report": True}


def test_home_setting_at_ingest_is_recorded(tmp_path: Path) -> None:
    corpus = _folder(tmp_path, "corpus", {"plan": PLAN})
    extra = _folder(tmp_path, "extra", {"report": REPORT})
    index = tmp_path / "index"
    config = Settings.load(env={"POLICYKB_HOME": "report"}, index_dir=index)
    build_index(config, [corpus, extra], embedder=HashEmbedder())
    assert _home(index) == {"plan": False, "report": True}


def test_home_setting_when_opening_overrides_the_index(tmp_path: Path) -> None:
    corpus = _folder(tmp_path, "corpus", {"plan": PLAN})
    extra = _folder(tmp_path, "extra", {"report": REPORT})
    index = tmp_path / "index"
    build_index(Settings.load(env={}, index_dir=index), [corpus, extra], embedder=HashEmbedder())
    settings = Settings.load(env={}, index_dir=index, home="report")
    kb = KnowledgeBase.open(index, settings=settings)
    assert {d.doc: d.home for d in kb.documents} == {"plan": False, "report": True}
    with pytest.raises(UnknownDocument):
        KnowledgeBase.open(index, settings=Settings.load(env={}, home="nope"))


def test_index_without_the_home_record_keeps_its_flags(tmp_path: Path) -> None:
    """An index built before home was recorded in the manifest: its documents.json flags."""
    corpus = _folder(tmp_path, "corpus", {"plan": PLAN})
    extra = _folder(tmp_path, "extra", {"report": REPORT})
    index = tmp_path / "index"
    build_index(Settings.load(env={}, index_dir=index), [corpus, extra], embedder=HashEmbedder())
    manifest = next(index.glob("gen-*/manifest.json"))
    data = json.loads(manifest.read_text(encoding="utf-8"))
    del data["home"]
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    kb = KnowledgeBase.open(index, verify=False)
    assert {d.doc: d.home for d in kb.documents} == {"plan": True, "report": False}
