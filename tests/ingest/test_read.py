"""Reading files: encodings, formats, metadata, and clear errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ingest import (
    CorruptDocument,
    DocumentTooLarge,
    EmptyDocument,
    Limits,
    UndecodableDocument,
    UnreadableDocument,
    UnsupportedFormat,
    decode_text,
    read,
)
from tests.hostile import docx_with_comments_and_entities

TEXT = "第一章 总则\n\n一、指导思想\n坚持科技创新。推进１．２项工作。\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        ("第一章 總則\n堅持科技創新，推進發展。\n".encode("big5"), "big5"),
    ],
)
def test_decode_text_detects_common_chinese_encodings(raw: bytes, encoding: str) -> None:
    text, found = decode_text(raw)
    assert found == encoding
    assert "\r" not in text
    assert text.startswith("第一章")


def test_decode_text_translates_cr_and_crlf_to_lf() -> None:
    text, _ = decode_text("甲\r\n乙\r丙\n".encode())
    assert text == "甲\n乙\n丙\n"


@pytest.mark.parametrize(
    "raw",
    [
        bytes(range(256)) * 4,  # binary with NUL bytes
        "Café crème brûlée, naïve façade, résumé".encode("latin-1"),  # not Chinese
        b"\x81\x30\xff\xfe\x80" * 50,  # invalid in every supported codec
    ],
)
def test_decode_text_refuses_binary_or_undecodable_bytes(raw: bytes) -> None:
    with pytest.raises(UndecodableDocument, match=r"bytes|binary|UTF-8"):
        decode_text(raw, "bad.txt")


def test_read_plan_records_encoding_title_and_hash(plan_path: Path) -> None:
    src = read(plan_path)
    assert src.doc == "liupanshui-14th-fyp-sci-tech"
    assert src.title == "六盘水市“十四五”科技创新规划"
    assert src.encoding == "utf-8"
    assert src.meta["issuer"] == "六盘水市"
    assert len(src.sha256) == 64
    assert src.text == plan_path.read_text(encoding="utf-8")


def test_read_takes_title_from_sources_tsv(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("正文内容。\n", encoding="utf-8")
    (tmp_path / "SOURCES.tsv").write_text("file\ttitle\tyear\na.txt\t某市规划\t2022\n", "utf-8")
    src = read(tmp_path / "a.txt")
    assert (src.title, src.meta["year"]) == ("某市规划", "2022")


def test_read_without_metadata_uses_first_short_line_as_title(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("\n某省数字经济行动计划\n\n一、总体要求\n", encoding="utf-8")
    assert read(path).title == "某省数字经济行动计划"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.txt", b"", EmptyDocument),
        ("blank.txt", " \n\t\n\u3000\n".encode(), EmptyDocument),
        ("binary.txt", bytes(range(256)), UndecodableDocument),
        ("table.xlsx", b"PK\x03\x04", UnsupportedFormat),
        ("noext", b"text", UnsupportedFormat),
        ("broken.docx", b"not a zip at all", CorruptDocument),
        ("broken.pdf", b"%PDF-1.4 garbage", CorruptDocument),
    ],
)
def test_read_bad_file_raises_named_error(
    tmp_path: Path, name: str, content: bytes, error: type[Exception]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error, match=name):
        read(path)


def test_read_over_size_limit_raises(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("科技创新。" * 100, encoding="utf-8")
    with pytest.raises(DocumentTooLarge, match="POLICYKB_MAX_BYTES"):
        read(path, Limits(max_bytes=100))


def test_read_docx_zip_bomb_is_refused_before_expanding(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (5 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(DocumentTooLarge, match="expands"):
        read(path, Limits(max_expanded_bytes=1024 * 1024))


def test_read_docx_keeps_paragraph_and_table_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、总体目标")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("指标", "2025年"), ("高新技术企业", "180")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、保障措施")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    src = read(path)
    assert src.format == "docx"
    lines = [ln for ln in src.text.split("\n") if ln]
    assert lines == ["一、总体目标", "指标", "2025年", "高新技术企业", "180", "二、保障措施"]


def test_read_pdf_extracts_text(tmp_path: Path) -> None:
    content = b"BT /F1 12 Tf 72 720 Td (Section 1 Energy priorities) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (6, xref))
    path = tmp_path / "energy.pdf"
    path.write_bytes(out.getvalue())
    src = read(path)
    assert src.format == "pdf"
    assert "Section 1 Energy priorities" in src.text


def test_read_200_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: 200 MB on paper, nothing written
        fh.truncate(200 * 1024 * 1024)
    with pytest.raises(DocumentTooLarge, match="209,715,200 bytes"):
        read(path)


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_damaged_docx_is_refused_or_read_sensibly(tmp_path: Path, damage: str) -> None:
    import docx

    document = docx.Document()
    for n in range(200):
        document.add_paragraph(f"第{n}段，科技创新。")
    good = tmp_path / "good.docx"
    document.save(str(good))
    raw = bytearray(good.read_bytes())
    if damage == "truncate":
        raw = raw[: len(raw) // 2]
    else:
        for i in range(len(raw) // 3, len(raw) // 3 + 64):
            raw[i] ^= 0x5A
    bad = tmp_path / "bad.docx"
    bad.write_bytes(bytes(raw))
    with pytest.raises(CorruptDocument, match=r"bad\.docx"):
        read(bad)


def test_read_docx_skips_xml_comments_and_never_resolves_entities(tmp_path: Path) -> None:
    path = tmp_path / "comments.docx"
    path.write_bytes(docx_with_comments_and_entities())
    source = read(path)
    assert source.text.split("\n")[:2] == ["第一章 总则", "推进科技创新。"]
    assert "甲" in source.text and "乙" in source.text
    assert "root:" not in source.text  # /etc/passwd was not read


@pytest.mark.parametrize("make_path", ["missing", "folder"])
def test_read_of_a_file_that_cannot_be_opened_raises_named_error(
    tmp_path: Path, make_path: str
) -> None:
    path = tmp_path / "gone.txt"
    if make_path == "folder":
        path.mkdir()
    with pytest.raises(UnreadableDocument, match=r"gone\.txt: cannot be read"):
        read(path)
