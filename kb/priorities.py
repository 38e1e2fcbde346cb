"""Which chunks are a plan's priorities: the items of its industries and its numbered
measures — what a project's fit is judged against.

An **item** sits under an industry heading (（一）能源产业 › 专栏1 › 2．氢能源) or is a
numbered item or sub-item; a **measure** is a paragraph under a （一）-numbered heading
that is not an industry's (第六章 › 四、实施成果转化倍增计划 › （二）提升科技成果转移转化服务能力),
or under a 一、-numbered one in a chapter that holds no industry (第七章 保障措施 ›
二、深化科技体制改革): the services, finance and talent the plan supports. Neither is a
review of past work, an analysis, a principle, the goals or a definition.

Example::

    industrial = industrial_chapters([c.meta for c in kb.chunks])
    is_priority(chunk.meta), is_measure(chunk.meta, industrial)
"""

from __future__ import annotations

import re

__all__ = ["industrial_chapters", "is_industry_item", "is_measure", "is_priority"]

#: Headings of what a plan reviews, analyses or defines rather than plans to do.
_NOT_PLANNED = re.compile(r"回顾|形势|指导思想|基本原则|发展目标|名词解释|附录|附件")
#: A measure's heading number: （一）, （十二）; a part's: 一、.
_MEASURE_HEAD = re.compile(r"^（[一二三四五六七八九十]+）")
_PART_HEAD = re.compile(r"^[一二三四五六七八九十]+、")


def is_industry_item(meta: dict) -> bool:
    """An item of an industry: under an industry heading, or a numbered item or sub-item."""
    return bool(meta.get("industry")) or meta.get("kind") in ("item", "subitem")


def is_priority(meta: dict) -> bool:
    """A priority item the plan names: an industry item (not a review of past work)."""
    return is_industry_item(meta) and not _unplanned(meta)


def is_measure(meta: dict, industrial: frozenset[tuple[str, str]]) -> bool:
    """A numbered measure the plan names: a paragraph under a （一）-numbered heading
    that is not an industry's (（二）加大本土人才培养力度), or under a 一、-numbered one
    outside the chapters of industries (第七章 保障措施 › 二、深化科技体制改革), outside a
    review of past work, an analysis or the goals.

    :param industrial: the chapters that hold industries (:func:`industrial_chapters`):
        the opening paragraph of their 一、 parts surveys industries, not one measure.
    """
    section = meta.get("section") or []
    if meta.get("kind") != "paragraph" or is_industry_item(meta) or _unplanned(meta):
        return False
    if any(_MEASURE_HEAD.match(h) for h in section):
        return True
    chapter = (meta.get("doc", ""), section[0]) if section else None
    return chapter not in industrial and any(_PART_HEAD.match(h) for h in section)


def industrial_chapters(metas: list[dict]) -> frozenset[tuple[str, str]]:
    """The top headings (chapters) that hold an industry's items, with their document."""
    return frozenset(
        (m.get("doc", ""), m["section"][0])
        for m in metas
        if is_industry_item(m) and m.get("section")
    )


def _unplanned(meta: dict) -> bool:
    return any(_NOT_PLANNED.search(h) for h in meta.get("section") or [])
