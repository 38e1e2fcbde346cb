"""The index directory: generations switched atomically, one writer, checksums, and a
folder that is not an index is never written to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.errors import IndexBusy, IndexCorrupt, IndexMissing, NotAnIndex
from kb.index import read_manifest, verify_index
from kb.store import (
    IndexWriter,
    check_index_dir,
    current_generation,
    generation_id,
    open_generation,
)


def _write(index: Path, value: str) -> None:
    with IndexWriter(index) as w:
        w.write_text("data.txt", value)
        w.commit(manifest={"value": value})


def _value(index: Path) -> str:
    return (current_generation(index) / "data.txt").read_text()


def test_commit_makes_the_new_generation_current_and_keeps_one_previous(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    for value in ("one", "two", "three"):
        _write(index, value)
    assert _value(index) == "three"
    assert read_manifest(current_generation(index))["value"] == "three"
    generations = sorted(p.name for p in index.iterdir() if p.name.startswith("gen-"))
    assert len(generations) == 2 and generation_id(index) in generations
    assert sorted(p.name for p in index.iterdir() if not p.name.startswith("gen-")) == [
        ".lock",
        "CURRENT",
    ]
    assert list(tmp_path.iterdir()) == [index]  # nothing written beside the index folder


def test_failure_before_commit_leaves_previous_generation_current(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    _write(index, "one")
    with pytest.raises(RuntimeError), IndexWriter(index) as w:
        w.write_text("data.txt", "half")
        raise RuntimeError("crash while writing")
    assert _value(index) == "one"
    verify_index(current_generation(index), read_manifest(current_generation(index)))
    assert not [p for p in index.iterdir() if p.name.startswith(".tmp-")]


def test_what_a_dead_writer_left_is_removed_by_the_next(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    _write(index, "one")
    (index / ".tmp-deadbeef").mkdir()
    (index / "gen-19990101T000000-deadbeef").mkdir()  # renamed, never made current
    (index / ".CURRENT.tmp-deadbeef").write_text("gen-x")
    _write(index, "two")
    assert _value(index) == "two"
    assert not (index / ".tmp-deadbeef").exists()
    assert not (index / "gen-19990101T000000-deadbeef").exists()
    assert not (index / ".CURRENT.tmp-deadbeef").exists()


def test_second_writer_is_refused_while_first_holds_lock(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    with IndexWriter(index), pytest.raises(IndexBusy, match="another process"):
        IndexWriter(index).__enter__()


def test_missing_index_raises_with_fix(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing, match="policykb ingest"):
        current_generation(tmp_path / "nowhere")


@pytest.mark.parametrize("damage", ["truncate", "flip", "delete"])
def test_damaged_file_fails_checksum(tmp_path: Path, damage: str) -> None:
    index = tmp_path / "kb"
    _write(index, "some content here")
    target = current_generation(index) / "data.txt"
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[:4])
    elif damage == "flip":
        raw = bytearray(target.read_bytes())
        raw[0] ^= 0xFF
        target.write_bytes(bytes(raw))
    else:
        target.unlink()
    with pytest.raises(IndexCorrupt, match="re-run `policykb ingest`"):
        verify_index(current_generation(index), read_manifest(current_generation(index)))


def test_manifest_of_other_format_version_is_refused(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    _write(index, "x")
    (current_generation(index) / "manifest.json").write_text(json.dumps({"format_version": 999}))
    with pytest.raises(IndexCorrupt, match="format 999"):
        read_manifest(current_generation(index))


def _format_1_index(index: Path) -> None:
    """A folder as PolicyKB 0.1 wrote it: one index straight inside."""
    for folder in ("bm25", "chars", "dense", "sources"):
        (index / folder).mkdir(parents=True)
        (index / folder / "x").write_text("x")
    for name in ("documents.json", "chunks.jsonl", "terms.txt"):
        (index / name).write_text("x")
    (index / "manifest.json").write_text(json.dumps({"format_version": 1}))


def test_format_1_index_is_reported_and_replaced_by_a_rebuild(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    _format_1_index(index)
    with pytest.raises(IndexCorrupt, match=r"older PolicyKB.*re-run `policykb ingest`"):
        current_generation(index)
    _write(index, "new")
    assert _value(index) == "new"
    assert sorted(p.name for p in index.iterdir() if not p.name.startswith("gen-")) == [
        ".lock",
        "CURRENT",
    ]


def _not_an_index(root: Path, kind: str) -> Path:
    folder = root / kind
    folder.mkdir()
    if kind == "thesis":
        (folder / "thesis.txt").write_text("x")
        (folder / "photos").mkdir()
        (folder / "photos" / "1.jpg").write_bytes(b"\xff\xd8")
    elif kind == "corpus":
        (folder / "plan.txt").write_text("第一章 总则\n推进科技创新。\n")
        (folder / "plan.meta.json").write_text("{}")
    elif kind == "index-and-more":
        (folder / "CURRENT").write_text("gen-x\n")
        (folder / "notes.md").write_text("mine")
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("kind", ["thesis", "corpus", "index-and-more"])
def test_index_dir_that_is_not_an_index_is_refused_and_left_untouched(
    tmp_path: Path, kind: str
) -> None:
    folder = _not_an_index(tmp_path, kind)
    before = _tree(folder), sorted(p.name for p in folder.iterdir())
    with pytest.raises(NotAnIndex, match=r"not a PolicyKB index.*Nothing was changed"):
        _write(folder, "x")
    assert (_tree(folder), sorted(p.name for p in folder.iterdir())) == before


def test_index_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("mine")
    with pytest.raises(NotAnIndex, match="is a file"):
        _write(path, "x")
    assert path.read_text() == "mine"


@pytest.mark.parametrize("state", ["absent", "empty"])
def test_index_dir_absent_or_empty_is_accepted(tmp_path: Path, state: str) -> None:
    index = tmp_path / "kb"
    if state == "empty":
        index.mkdir()
    check_index_dir(index)
    _write(index, "x")
    assert _value(index) == "x"


def test_reader_retries_when_its_generation_is_retired_under_it(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    _write(index, "one")
    seen: list[str] = []

    def load(generation: Path) -> str:
        seen.append(generation.name)
        if len(seen) == 1:  # a build switches and retires this generation meanwhile
            _write(index, "two")
            _write(index, "three")
        return (generation / "data.txt").read_text()

    assert open_generation(index, load) == "three"
    assert len(seen) == 2


def test_reader_reports_damage_in_the_current_generation(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    _write(index, "one")
    (current_generation(index) / "data.txt").unlink()
    with pytest.raises(FileNotFoundError):
        open_generation(index, lambda g: (g / "data.txt").read_text())
