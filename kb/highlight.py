"""Marking query terms in a result's text, for the CLI and the app alike.

Terms overlap (jieba's search mode gives 生活污水, 生活 and 污水), so occurrences are
merged into non-overlapping spans first and each span is wrapped once.

Example::

    mark("农村生活污水治理", ["生活污水", "生活", "污水"], "【", "】")   # '农村【生活污水】治理'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["mark", "term_spans"]


def term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Where any of ``terms`` occurs in ``text`` (ignoring case): merged, in order."""
    found = sorted(
        (m.start(), m.end())
        for term in {t for t in terms if t}
        for m in re.finditer(re.escape(term), text, flags=re.IGNORECASE)
    )
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark(
    text: str,
    terms: Iterable[str],
    before: str,
    after: str,
    escape: Callable[[str], str] = str,
) -> str:
    """``text`` with each span of ``terms`` between ``before`` and ``after``.

    :param escape: applied to the text pieces (not the markers), e.g. ``html.escape``.
    """
    out, pos = [], 0
    for start, end in term_spans(text, terms):
        out += [escape(text[pos:start]), before, escape(text[start:end]), after]
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)
