"""Hostile documents, generated: each kind of file that once broke ingestion.

Small by default (for the fast suite); the slow suite asks for the large sizes
(``tests/test_hostile.py``). Every generator returns the file's bytes.
"""

from __future__ import annotations

import io
import zipfile

__all__ = ["KINDS", "docx_with_comments_and_entities", "make"]

_HANZI = "科技创新推动产业发展加快建设现代化经济体系提升自主创新能力支持企业研发"


def _run_on(chars: int) -> str:
    """Chinese text with no sentence or clause punctuation and no line breaks."""
    return (_HANZI * (chars // len(_HANZI) + 1))[:chars]


def no_punctuation(size: int) -> bytes:
    """One line of Chinese without 。！？；，、 — once one 13-million-character chunk."""
    return _run_on(size // 3).encode("utf-8")


def commas_only(size: int) -> bytes:
    """Clauses separated by ， only, on one line."""
    return "，".join(_run_on(12) for _ in range(size // 39)).encode("utf-8")


def short_lines(size: int) -> bytes:
    """A list of short lines without blank lines — once quadratic in the table scan."""
    return "\n".join(f"项目{i}" for i in range(size // 10)).encode("utf-8")


def short_line_blocks(size: int) -> bytes:
    """Blocks of three short lines between blank lines: a table-like layout, row after row."""
    rows = (f"指标{i}\n{i}\n{i * 2}" for i in range(size // 20))
    return ("名称\n2020年\n2025年\n\n" + "\n\n".join(rows)).encode("utf-8")


def headings_only(size: int) -> bytes:
    """Headings and nothing else."""
    lines = []
    for i in range(1, size // 60 + 2):
        lines += [f"第{i}章 第{i}部分", "一、总体要求", "（一）基本原则"]
    return "\n".join(lines).encode("utf-8")


def boxes_only(size: int) -> bytes:
    """Every line a box heading (专栏N …)."""
    return "\n".join(f"专栏{i % 99 + 1} 重点任务" for i in range(size // 25 + 1)).encode("utf-8")


def markdown_and_html(size: int) -> bytes:
    """Links, remote images, HTML and Streamlit directives inside document text."""
    unit = (
        "第一章 总则\n"
        "1．点击[这里](http://127.0.0.1:9/link)了解详情；![t](http://127.0.0.1:9/pixel.png)。\n"
        "2．<img src=http://127.0.0.1:9/x.png><script>alert(1)</script> :red[警告] $x^2$。\n"
        "附录 名词解释\n"
        "1．[术语](http://127.0.0.1:9/term)：![图](http://127.0.0.1:9/term.png)说明。\n"
    )
    return (unit * max(1, size // len(unit.encode()))).encode("utf-8")


def docx_with_comments_and_entities(size: int = 0) -> bytes:
    """A .docx whose paragraphs hold an XML comment, a processing instruction and an
    external entity reference (which must never be resolved)."""
    import docx

    document = docx.Document()
    document.add_paragraph("第一章 总则")
    document.add_paragraph("推进科技创新。")
    for i in range(max(0, size // 100)):
        document.add_paragraph(f"第{i}段，支持企业研发投入。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "甲"
    table.cell(0, 1).text = "乙"
    raw = io.BytesIO()
    document.save(raw)
    source = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    xml = source.read("word/document.xml").decode("utf-8")
    xml = xml.replace(
        "<w:document",
        '<!DOCTYPE w:document [<!ENTITY ext SYSTEM "file:///etc/passwd">]><w:document',
        1,
    )
    xml = xml.replace(
        "推进科技创新。</w:t>", "推进科技创新。</w:t><!-- note --><?pi x?><w:t>&ext;</w:t>", 1
    )
    xml = xml.replace("<w:t>甲</w:t>", "<w:t>甲</w:t><!-- in a cell -->", 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = (
                xml.encode("utf-8") if item.filename == "word/document.xml" else source.read(item)
            )
            target.writestr(item, data)
    return out.getvalue()


KINDS = {
    "no_punctuation.txt": no_punctuation,
    "commas_only.txt": commas_only,
    "short_lines.txt": short_lines,
    "short_line_blocks.txt": short_line_blocks,
    "headings_only.txt": headings_only,
    "boxes_only.txt": boxes_only,
    "markdown_and_html.txt": markdown_and_html,
    "comments_and_entities.docx": docx_with_comments_and_entities,
}


def make(name: str, size: int) -> bytes:
    """The hostile document ``name`` (a key of :data:`KINDS`) of about ``size`` bytes."""
    return KINDS[name](size)
