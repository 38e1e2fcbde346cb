"""Answers that find nothing: what they say instead of quoting.

Nothing the documents say answers the question (its focus is not covered well enough,
see :mod:`kb.answer`): the answer says so of the one document searched, by its title, or
of the indexed documents, and lists the nearest sections, each once. The question is
about a place no indexed document is about or mentions: it says which documents are
indexed and how to add that place's.

Example::

    not_found("规划对火星探测有什么安排？", hits[:3], english=False).answer
    # '《六盘水市“十四五”科技创新规划》中没有找到直接回答这个问题的内容。最接近的章节：…'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from kb.citation import Answer
from kb.search import Hit

__all__ = ["elsewhere", "not_found"]


class _Titled(Protocol):
    title: str


def elsewhere(
    question: str, places: list[str], documents: Sequence[_Titled], english: bool
) -> Answer:
    """The question is about a place no indexed document is about or mentions."""
    titles = "、".join(f"《{d.title}》" for d in documents[:5])
    more = "…" if len(documents) > 5 else ""
    where = (", " if english else "、").join(places)
    text = (
        f"No indexed document is about {where}, and none mentions it. Indexed: "
        f"{titles}{more}. Add that place's documents to ask about it."
        if english
        else f"已索引的文件都不是关于 {where} 的，也没有提到它。已索引：{titles}{more}。"
        "如需回答，请先添加该地的文件。"
    )
    return Answer(question, False, text, kind="none", notice=text)


def not_found(question: str, related: list[Hit], english: bool) -> Answer:
    """Nothing answers: says so of the one document searched (by its title), or of the
    indexed documents, and lists the nearest sections (``related``), each once."""
    titles = list(dict.fromkeys(h.doc_title for h in related))
    one = f"《{titles[0]}》" if len(titles) == 1 else ""
    lead = (
        f"{one or 'The indexed documents'} "
        f"{'does' if one else 'do'} not appear to address this. Nearest sections:"
        if english
        else f"{one or '已索引的文件'}中没有找到直接回答这个问题的内容。最接近的章节："
    )
    lines = [lead]
    for h in related:  # two chunks of one section: named once
        where = " › ".join(h.section) or h.doc_title
        line = f"- {where}" if one else f"- 《{h.doc_title}》 {where}"
        if line not in lines:
            lines.append(line)
    return Answer(question, False, "\n".join(lines), kind="none", related=related)
