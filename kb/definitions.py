"""Questions that ask what a term means, answered by the glossary entry that defines it.

"什么是高新技术企业？", "What is a technology business incubator?": a plan's appendix
(名词解释) defines its terms, each entry a ``term`` chunk titled with the term. The entry
whose title the question says most of (character bigrams, at least ``_MIN_OVERLAP`` of the
title's) answers, quoted whole.

Example::

    asks_definition("什么是高新技术企业？")                  # True
    defining(kb.chunks, "什么是高新技术企业？").section[-1]  # '1．高新技术企业'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from haystack import Document

from kb.clauses import bigrams
from kb.search import Hit

__all__ = ["asks_definition", "defining"]

_DEFINITION = re.compile(
    r"什么是|是什么|的含义|含义|指什么|的定义|定义|what is|what are|meaning|define", re.I
)
#: The share of an entry's title the question must say (its bigrams).
_MIN_OVERLAP = 0.6


def asks_definition(question: str) -> bool:
    """Does the question ask what something is or means?"""
    return bool(_DEFINITION.search(question))


def defining(
    chunks: Iterable[Document], question: str, docs: list[str] | None = None
) -> Hit | None:
    """The glossary entry (a ``term`` chunk) whose title the question says most of, of
    ``docs`` (every document's when ``None``); ``None`` when none says enough of one."""
    wanted = bigrams(_DEFINITION.sub("", question))
    best, score = None, 0.0
    for chunk in chunks:
        if chunk.meta["kind"] != "term" or not chunk.meta.get("title"):
            continue
        if docs and chunk.meta["doc"] not in docs:
            continue
        title = bigrams(chunk.meta["title"])
        overlap = len(title & wanted) / max(1, len(title))
        if overlap > score:
            best, score = chunk, overlap
    if best is None or score < _MIN_OVERLAP:
        return None
    return Hit.from_chunk(best)
