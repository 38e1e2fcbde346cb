"""The index directory: atomic swaps, one writer, checksums."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.errors import IndexBusy, IndexCorrupt, IndexMissing
from kb.store import IndexWriter, read_manifest, verify_index


def _write(index: Path, value: str) -> None:
    with IndexWriter(index) as w:
        w.write_text("data.txt", value)
        w.commit(manifest={"value": value})


def test_commit_swaps_in_new_index_and_cleans_up(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    _write(index, "one")
    _write(index, "two")
    assert (index / "data.txt").read_text() == "two"
    assert read_manifest(index)["value"] == "two"
    leftovers = [
        p.name for p in tmp_path.iterdir() if p.name.startswith(".kb.") and "lock" not in p.name
    ]
    assert leftovers == []


def test_failure_before_commit_leaves_previous_index(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    _write(index, "one")
    with pytest.raises(RuntimeError), IndexWriter(index) as w:
        w.write_text("data.txt", "half")
        raise RuntimeError("crash while writing")
    assert (index / "data.txt").read_text() == "one"
    verify_index(index, read_manifest(index))


def test_interrupted_swap_is_recovered_on_load(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    _write(index, "one")
    index.rename(tmp_path / ".kb.old-deadbeef")  # died between the two renames
    assert read_manifest(index)["value"] == "one"


def test_second_writer_is_refused_while_first_holds_lock(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    with IndexWriter(index), pytest.raises(IndexBusy, match="another process"):
        IndexWriter(index).__enter__()


def test_missing_index_raises_with_fix(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing, match="policykb ingest"):
        read_manifest(tmp_path / "nowhere")


@pytest.mark.parametrize("damage", ["truncate", "flip", "delete"])
def test_damaged_file_fails_checksum(tmp_path: Path, damage: str) -> None:
    index = tmp_path / "kb"
    _write(index, "some content here")
    target = index / "data.txt"
    if damage == "truncate":
        target.write_bytes(target.read_bytes()[:4])
    elif damage == "flip":
        raw = bytearray(target.read_bytes())
        raw[0] ^= 0xFF
        target.write_bytes(bytes(raw))
    else:
        target.unlink()
    with pytest.raises(IndexCorrupt, match="re-run `policykb ingest`"):
        verify_index(index, read_manifest(index))


def test_manifest_of_other_format_version_is_refused(tmp_path: Path) -> None:
    index = tmp_path / "kb"
    _write(index, "x")
    (index / "manifest.json").write_text(json.dumps({"format_version": 999}))
    with pytest.raises(IndexCorrupt, match="format 999"):
        read_manifest(index)
