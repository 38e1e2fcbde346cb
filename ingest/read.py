"""Read a document file into a :class:`SourceText`: its text exactly as decoded.

.docx and .pdf files are read by :mod:`ingest.formats`. Plain text is decoded by trying
UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (a superset of GBK and GB2312)
and Big5; a legacy decoding is accepted only
when the result reads as Chinese, so a file is never silently decoded wrong. Line
ends are translated to ``\\n`` (universal newlines, as Python's ``open`` does), so the
same plan saved with CRLF or LF, in UTF-8 or GB18030, gives the same text and offsets.

Example::

    src = read("corpus/liupanshui-14th-fyp-sci-tech.txt")
    src.doc, src.title, src.encoding   # ('liupanshui-14th-fyp-sci-tech', '六盘水市…', 'utf-8')
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import (
    DocumentTooLarge,
    EmptyDocument,
    UndecodableDocument,
    UnreadableDocument,
    UnsupportedFormat,
)
from ingest.formats import docx_text, pdf_text

__all__ = ["SUPPORTED_SUFFIXES", "Limits", "SourceText", "decode_text", "doc_id_for", "read"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")

# The most frequent characters of Chinese text, simplified and traditional. Real text
# has a large share of them; text decoded with the wrong codec has almost none.
_COMMON_HANZI = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二"
    "理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社"
    "义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没"
    "結發們個國時來會為對於經動說這進與關無現實業後區內長問題東學體點樣開條"
    "科技创新规划建设推进支持加强研究术领域企应施目标重点基础完善提升资源"
)


@dataclass(frozen=True)
class Limits:
    """Size limits that keep a hostile or accidental file from exhausting memory.

    :param max_bytes: largest file accepted, in bytes.
    :param max_expanded_bytes: largest total uncompressed size of a .docx's parts
        (a zip bomb is refused before anything is expanded).
    """

    max_bytes: int = 50 * 1024 * 1024
    max_expanded_bytes: int = 200 * 1024 * 1024

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_expanded_bytes"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name}={getattr(self, name)!r} must be a number of bytes > 0.")


@dataclass(frozen=True)
class SourceText:
    """A document's text as decoded, with where it came from.

    :param doc: stable document id derived from the file name.
    :param title: the document's title (sidecar metadata, a ``SOURCES.tsv`` row, the
        first short line, or the file name, in that order).
    :param text: the decoded text with universal newlines; every offset in PolicyKB
        indexes this string.
    :param encoding: the codec used (``utf-8``, ``utf-8-sig``, ``gb18030``, ``docx`` …).
    :param sha256: hash of the file's bytes, for change detection.
    """

    doc: str
    title: str
    text: str
    path: str
    encoding: str
    format: str
    sha256: str
    meta: dict = field(default_factory=dict)


def doc_id_for(path: Path) -> str:
    """A document id from a file name: letters, digits, CJK, ``-`` and ``_`` only."""
    stem = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]+", "-", Path(path).stem).strip("-")
    return stem or "doc"


def _plausible_chinese(text: str) -> bool:
    hanzi = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(hanzi) < 2:
        # Almost no Chinese: accept only if nothing else non-ASCII was produced either.
        return all(ord(c) < 0x80 or c in "\u3000\ufeff" for c in text)
    common = sum(c in _COMMON_HANZI for c in hanzi)
    return common / len(hanzi) >= 0.12


def _has_control_bytes(text: str) -> bool:
    bad = sum(1 for c in text if ord(c) < 0x20 and c not in "\t\n\r\f\v")
    return bad > max(2, len(text) // 1000)


def decode_text(raw: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode the bytes of a text file.

    :param raw: the file's bytes.
    :param name: shown in error messages.
    :returns: ``(text, encoding)`` with line ends translated to ``\\n``.
    :raises UndecodableDocument: binary data, or bytes no supported codec reads as text.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030", "big5"]
        if b"\x00" in raw:
            raise UndecodableDocument(
                f"{name}: contains NUL bytes, so it is binary, not text. "
                "Give a .txt/.md in UTF-8 or GB18030, or a .docx/.pdf."
            )
    for codec in candidates:
        try:
            text = raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if codec in ("gb18030", "big5") and not _plausible_chinese(text):
            continue
        if _has_control_bytes(text):
            raise UndecodableDocument(
                f"{name}: decodes as {codec} but is full of control characters; "
                "it looks binary. Give a text file, .docx or .pdf."
            )
        return text.replace("\r\n", "\n").replace("\r", "\n"), codec
    raise UndecodableDocument(
        f"{name}: not valid UTF-8, UTF-16, GB18030 or Big5 text. "
        "Re-save it as UTF-8 (or GB18030) and ingest again."
    )


def _sidecar_meta(path: Path) -> dict:
    """Metadata from ``<stem>.meta.json`` or a ``SOURCES.tsv`` row beside the file."""
    sidecar = path.with_name(path.stem + ".meta.json")
    if sidecar.is_file():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise UndecodableDocument(
                f"{sidecar}: not valid UTF-8 JSON ({exc}); fix or delete the sidecar."
            ) from exc
        except OSError as exc:
            raise UnreadableDocument(f"{sidecar}: cannot be read ({exc.strerror}).") from exc
        if not isinstance(meta, dict):
            raise UndecodableDocument(f"{sidecar}: must hold a JSON object, not {meta!r}.")
        return meta
    sources = path.with_name("SOURCES.tsv")
    if sources.is_file():
        with sources.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("file") == path.name:
                    return {k: v for k, v in row.items() if k != "file" and v}
    return {}


def _first_line_title(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip(" \t\u3000")
        if line:
            return line if len(line) <= 60 and not line.endswith(("。", "；")) else None
    return None


def read(path: str | Path, limits: Limits | None = None) -> SourceText:
    """Read one document.

    :param path: a ``.txt``, ``.md``, ``.docx`` or ``.pdf`` file.
    :param limits: size limits; defaults to :class:`Limits()`.
    :returns: the decoded text with its id, title and provenance.
    :raises UnsupportedFormat: another extension.
    :raises EmptyDocument: no text in the file.
    :raises UndecodableDocument: binary or undecodable bytes.
    :raises CorruptDocument: a broken .docx or .pdf.
    :raises DocumentTooLarge: over a size limit.
    :raises UnreadableDocument: the file is gone, a folder, or not readable.
    """
    limits = limits or Limits()
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormat(
            f"{path.name}: extension {suffix or '(none)'!r} is not supported; "
            f"use one of {', '.join(SUPPORTED_SUFFIXES)}."
        )
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise DocumentTooLarge(
                f"{path.name}: {size:,} bytes is over the limit of {limits.max_bytes:,} "
                "(POLICYKB_MAX_BYTES); split the document or raise the limit."
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(
            f"{path}: cannot be read ({exc.strerror or exc}); check that the file is still "
            "there and readable, then run the command again."
        ) from exc
    if suffix == ".docx":
        text, encoding = docx_text(raw, path.name, limits.max_expanded_bytes), "docx"
    elif suffix == ".pdf":
        text, encoding = pdf_text(raw, path.name), "pdf"
    else:
        text, encoding = decode_text(raw, path.name)
    if not text.strip(" \t\n\u3000\ufeff"):
        raise EmptyDocument(f"{path.name}: holds no text; nothing to ingest.")
    meta = _sidecar_meta(path)
    title = str(meta.get("title") or _first_line_title(text) or path.stem)
    return SourceText(
        doc=doc_id_for(path),
        title=title,
        text=text,
        path=str(path),
        encoding=encoding,
        format=suffix.lstrip("."),
        sha256=hashlib.sha256(raw).hexdigest(),
        meta=meta,
    )
