"""Text out of .docx and .pdf bytes (the readers :func:`ingest.read` calls)."""

from __future__ import annotations

import io

import docx
import pytest

from ingest.errors import CorruptDocument, DocumentTooLarge
from ingest.formats import docx_text, pdf_text


def _docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_text_gives_the_paragraphs_in_order() -> None:
    text = docx_text(_docx("第一章 总则", "一、指导思想"), "plan.docx", 10**8)
    assert [line for line in text.splitlines() if line] == ["第一章 总则", "一、指导思想"]


def test_docx_over_its_expanded_limit_is_refused() -> None:
    too_large = r"plan\.docx: expands to .* over the limit of 1,000"
    with pytest.raises(DocumentTooLarge, match=too_large):
        docx_text(_docx("正文"), "plan.docx", 1000)


@pytest.mark.parametrize(
    ("reader", "message"),
    [
        (lambda raw: docx_text(raw, "x.docx", 10**8), r"x\.docx: not a valid \.docx"),
        (lambda raw: pdf_text(raw, "x.pdf"), r"x\.pdf: the \.pdf could not be read"),
    ],
)
def test_bytes_of_another_kind_are_a_corrupt_document(reader, message: str) -> None:
    with pytest.raises(CorruptDocument, match=message):
        reader(b"plain text, not a document container")
