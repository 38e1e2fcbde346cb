"""The columnar chunk store gives back every chunk as it was written, one row at a time."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from haystack import Document

from ingest import ParsedDocument
from kb.chunk_store import ChunkStore, ChunkStoreMissing, write_chunks


@pytest.fixture()
def plan_store(plan: ParsedDocument, tmp_path: Path) -> ChunkStore:
    write_chunks(tmp_path / "chunks", iter(plan.chunks))
    return ChunkStore(tmp_path / "chunks")


def test_every_plan_chunk_reads_back_with_its_id_content_and_meta(
    plan: ParsedDocument, plan_store: ChunkStore
) -> None:
    assert len(plan_store) == len(plan.chunks) > 200
    for written, read in zip(plan.chunks, plan_store, strict=True):
        assert (read.id, read.content, read.meta) == (written.id, written.content, written.meta)
    assert plan_store.ids() == [c.id for c in plan.chunks]


@pytest.mark.parametrize("index", [0, 7, -1, -3])
def test_a_row_is_read_by_index_like_a_list(
    plan: ParsedDocument, plan_store: ChunkStore, index: int
) -> None:
    assert plan_store[index].id == plan.chunks[index].id
    assert plan_store[index].meta == plan.chunks[index].meta


@pytest.mark.parametrize("rows", [slice(0, 3), slice(5, None, 40), slice(-2, None), slice(4, 4)])
def test_a_slice_is_a_list_of_the_same_rows(
    plan: ParsedDocument, plan_store: ChunkStore, rows: slice
) -> None:
    got = plan_store[rows]
    assert isinstance(got, list)
    assert [d.id for d in got] == [c.id for c in plan.chunks[rows]]


@pytest.mark.parametrize("past", ["end", "far", "before"])
def test_a_row_outside_the_store_raises_index_error(plan_store: ChunkStore, past: str) -> None:
    n = len(plan_store)
    index = {"end": n, "far": 10_000, "before": -n - 1}[past]
    with pytest.raises(IndexError, match=str(index)):
        plan_store[index]


def test_document_codes_give_each_rows_document_without_reading_meta(tmp_path: Path) -> None:
    chunks = [
        Document(id=f"c{i}", content="氢能" * i, meta={"doc": doc, "n": i})
        for i, doc in enumerate(["a", "b", "a", "c", "b"])
    ]
    write_chunks(tmp_path, chunks)
    store = ChunkStore(tmp_path)
    assert [store.doc_names[c] for c in store.doc_codes] == ["a", "b", "a", "c", "b"]
    assert store.rows_of(["b", "c"]).tolist() == [False, True, False, True, True]
    assert not store.rows_of(["nope"]).any()
    assert store.doc_codes.dtype == np.int32


def test_empty_content_and_an_empty_store_read_back(tmp_path: Path) -> None:
    write_chunks(tmp_path / "one", [Document(id="x", content="", meta={"doc": "d"})])
    assert ChunkStore(tmp_path / "one")[0].content == ""
    write_chunks(tmp_path / "none", [])
    assert len(ChunkStore(tmp_path / "none")) == 0
    assert list(ChunkStore(tmp_path / "none")) == []


def test_arrays_are_saved_without_pickle(plan_store: ChunkStore) -> None:
    for path in plan_store.folder.glob("*.npy"):
        np.load(path, allow_pickle=False)  # raises if an object array was pickled


def test_a_missing_file_names_itself_and_the_fix(plan_store: ChunkStore) -> None:
    (plan_store.folder / "meta.offsets.npy").unlink()
    with pytest.raises(ChunkStoreMissing, match=r"meta\.offsets\.npy.*policykb ingest"):
        ChunkStore(plan_store.folder)


def test_the_index_keeps_its_chunks_in_the_store_and_reads_them_as_before(
    plan_index: Path, plan: ParsedDocument
) -> None:
    from kb.index import load_index

    index = load_index(plan_index)
    assert isinstance(index.chunks, ChunkStore)
    # the build adds industries to the meta; what ingest made is kept as it was
    assert [(c.id, c.content, c.meta["section"]) for c in index.chunks] == [
        (c.id, c.content, c.meta["section"]) for c in plan.chunks
    ]
    assert index.chunks[3] is index.chunks[3]  # kept once built


def test_an_index_written_before_the_store_still_loads_from_json_lines(
    plan_index: Path, tmp_path: Path
) -> None:
    import json
    import shutil

    from kb.index import load_index
    from kb.store import current_generation

    index = tmp_path / "index"
    shutil.copytree(plan_index, index)
    generation = current_generation(index)
    store = ChunkStore(generation / "chunks")
    with (generation / "chunks.jsonl").open("w", encoding="utf-8") as fh:
        for c in store:
            fh.write(json.dumps({"id": c.id, "content": c.content, "meta": c.meta}) + "\n")
    shutil.rmtree(generation / "chunks")
    old = load_index(index, verify=False)
    assert isinstance(old.chunks, list)
    assert [c.meta for c in old.chunks] == [c.meta for c in store]


def test_a_document_filter_reads_the_codes_and_matches_the_meta(all_index: Path) -> None:
    from kb.filters import allowed, filter_mask
    from kb.index import load_index

    chunks = load_index(all_index).chunks
    doc = chunks[len(chunks) - 1].meta["doc"]
    by_meta = [allowed(c.meta, [doc, "nope"], None, None) for c in chunks]
    mask = filter_mask(chunks, [doc, "nope"])
    assert mask.tolist() == by_meta
    assert 0 < mask.sum() < len(chunks)
