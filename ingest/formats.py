"""Text out of the binary formats a document may come in: .docx and .pdf.

Each reader takes the file's bytes and returns its text, body order kept; broken or
hostile files raise the ingest errors (a zip bomb is refused before anything expands).

Example::

    text = docx_text(Path("report.docx").read_bytes(), "report.docx", 200 * 1024 * 1024)
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from ingest.errors import CorruptDocument, DocumentTooLarge

__all__ = ["docx_text", "pdf_text"]


def _check_zip(raw: bytes, name: str, max_expanded: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            expanded = sum(info.file_size for info in zf.infolist())
    except zipfile.BadZipFile as exc:
        raise CorruptDocument(f"{name}: not a valid .docx (zip) file: {exc}.") from exc
    if expanded > max_expanded:
        raise DocumentTooLarge(
            f"{name}: expands to {expanded:,} bytes, over the limit of "
            f"{max_expanded:,} (POLICYKB_MAX_EXPANDED_BYTES); refusing it."
        )


def _local(tag: object) -> str:
    """An element's local name; "" for comments, processing instructions and entities,
    whose ``tag`` is not a string (lxml gives them a function)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _runs_text(element: Any) -> str:
    """The text of every ``w:t`` under ``element``; comments and entities are skipped."""
    return "".join(t.text or "" for t in element.iter() if _local(t.tag) == "t")


def docx_text(raw: bytes, name: str, max_expanded: int) -> str:
    """Paragraphs and tables in body order; table cells one per line, rows apart.

    XML comments, processing instructions and entity references inside the document are
    skipped; entities are never resolved (python-docx parses with ``resolve_entities``
    off), so a .docx cannot make PolicyKB read another file.

    :param max_expanded: the largest total uncompressed size of its parts, in bytes.
    :raises CorruptDocument: not a .docx (zip) file, or one python-docx cannot open.
    :raises DocumentTooLarge: it expands beyond ``max_expanded`` (checked first).
    """
    _check_zip(raw, name, max_expanded)
    import docx  # python-docx; imported here so text-only use needs no docx parsing

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises many types for broken parts
        raise CorruptDocument(f"{name}: the .docx could not be opened: {exc}.") from exc
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = _local(child.tag)
        if tag == "p":
            lines.append(_runs_text(child))
        elif tag == "tbl":
            lines.append("")
            for row in (r for r in child.iterchildren() if _local(r.tag) == "tr"):
                for cell in (c for c in row.iterchildren() if _local(c.tag) == "tc"):
                    paragraphs = [p for p in cell.iter() if _local(p.tag) == "p"]
                    lines.append(" ".join(_runs_text(p) for p in paragraphs))
                lines.append("")
    return "\n".join(lines)


def pdf_text(raw: bytes, name: str) -> str:
    """The text of every page, pages one per line group (pypdf's extraction).

    :raises CorruptDocument: pypdf cannot read the file.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise CorruptDocument(f"{name}: the .pdf could not be read: {exc}.") from exc
    return "\n".join(pages)
