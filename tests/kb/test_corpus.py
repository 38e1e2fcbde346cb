"""Adding documents to the corpus: names, limits, validation before writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import DocumentTooLarge, IngestError, Limits, UndecodableDocument, UnsupportedFormat
from kb.corpus import add_document, safe_name


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("规划.txt", "规划.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\win\\plan.DOCX", "plan.docx"),
        ("a\x00b\x1fc.md", "abc.md"),
        ("有 空格 & 符号!.pdf", "有-空格-符号.pdf"),
    ],
)
def test_safe_name_keeps_a_plain_name(given: str, safe: str) -> None:
    assert safe_name(given) == safe


@pytest.mark.parametrize("given", ["", "..", "noext", "x.exe", "../.txt"])
def test_safe_name_refuses_what_is_left_unusable(given: str) -> None:
    with pytest.raises(UnsupportedFormat):
        safe_name(given)


def test_add_document_writes_inside_the_corpus_only(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    path = add_document(corpus, "../../outside.txt", "第一章 总则\n科技创新。\n".encode(), Limits())
    assert path == (corpus / "outside.txt").resolve()
    assert not (tmp_path / "outside.txt").exists()
    assert [p.name for p in corpus.iterdir()] == ["outside.txt"]


@pytest.mark.parametrize(
    ("data", "limits", "error"),
    [
        (b"\x00\x01binary", Limits(), UndecodableDocument),
        ("科技".encode() * 100, Limits(max_bytes=10), DocumentTooLarge),
    ],
)
def test_bad_document_is_refused_and_nothing_written(
    tmp_path: Path, data: bytes, limits: Limits, error: type[Exception]
) -> None:
    corpus = tmp_path / "corpus"
    with pytest.raises(error):
        add_document(corpus, "x.txt", data, limits)
    assert not corpus.exists() or list(corpus.iterdir()) == []


def test_existing_document_is_not_overwritten_unless_asked(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    add_document(corpus, "a.txt", "旧内容。".encode(), Limits())
    with pytest.raises(IngestError, match="already in the corpus"):
        add_document(corpus, "a.txt", "新内容。".encode(), Limits())
    add_document(corpus, "a.txt", "新内容。".encode(), Limits(), replace=True)
    assert (corpus / "a.txt").read_text("utf-8") == "新内容。"
