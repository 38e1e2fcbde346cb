"""Finding documents on disk: folders, names, links."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import IngestError, UnsupportedFormat, discover, ingest_file


def test_folder_lists_supported_files_only(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", ".hidden.txt", "x.meta.json", "SOURCES.tsv", "c.xlsx"):
        (tmp_path / name).write_text("内容。", "utf-8")
    assert [p.name for p in discover([tmp_path])] == ["a.md", "b.txt"]


def test_link_inside_corpus_pointing_outside_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("不应被收录。", "utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_text("正文。", "utf-8")
    (corpus / "link.txt").symlink_to(outside)
    with pytest.raises(IngestError, match="outside"):
        discover([corpus])


def test_link_within_the_corpus_is_followed(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text("正文。", "utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "plan.txt")
    assert [p.name for p in discover([tmp_path])] == ["alias.txt", "plan.txt"]


@pytest.mark.parametrize("name", ["missing.txt", "missing/"])
def test_missing_path_raises(tmp_path: Path, name: str) -> None:
    with pytest.raises(IngestError, match="no such file"):
        discover([tmp_path / name])


def test_named_unsupported_file_raises(tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_bytes(b"PK")
    with pytest.raises(UnsupportedFormat, match="xlsx"):
        discover([tmp_path / "a.xlsx"])


def test_document_without_headings_ingests_as_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(
        "关于开展科技活动周的通知\n各单位：现将有关事项通知如下。请认真组织。\n", "utf-8"
    )
    parsed = ingest_file(path)
    assert [c.meta["kind"] for c in parsed.chunks] == ["paragraph", "paragraph"]
    assert parsed.tree.root.children[0].kind == "preamble"
