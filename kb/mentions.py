"""Where the documents name a term: exact substring lookup over chunk texts and headings.

Fit and number answers need "does the plan say 膜电极, and where" — exact, not ranked:
a term counts as named where it occurs verbatim in a chunk's own text (前驱体 is named
in 三元前驱体); a term in one of the headings above a chunk (煤炭 in （二）煤炭产业) names
its area. Texts and terms are compared NFKC-folded and lower-cased. Lookups go through
a character-bigram index, so each costs a few set intersections, not a scan.

Example::

    mentions = Mentions(kb.chunks)
    mentions.rows("膜电极")              # rows whose text holds 膜电极
    mentions.share("技术")               # 0.7: in 70% of chunks, so it names nothing
    mentions.in_area(row, "煤炭")       # True for an item of 专栏2 (（二）煤炭产业)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from haystack import Document

from kb.tokenize import fold

__all__ = ["Mentions", "area_headings", "core"]


def area_headings(meta: dict, depth: int = 2) -> list[str]:
    """The headings that name a chunk's area: the nearest ``depth`` above its own title.

    For an item of 专栏2 they are ``（二）煤炭产业`` and ``专栏2 煤炭产业技术攻关``; the
    item's own title (``3．煤炭加工``) is part of what the item names, not its area.
    """
    section = list(meta.get("section") or [])
    title = meta.get("title") or ""
    own = meta.get("kind") in ("item", "subitem", "term", "table_row") or (
        title and section and title in section[-1]
    )
    return section[: -1 if own and section else None][-depth:]


_NUMBERING = re.compile(
    r"^(?:第.{1,3}[章节]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|专栏\s*\d+|\d+[.．、])\s*"
)
_TRAILING = re.compile(r"(?:技术攻关|技术体系|产业化|产业|行业|领域|技术|业)$")


def core(heading: str) -> str:
    """What a heading names: without its number and trailing 产业/技术攻关/领域 (（二）煤炭产业
    → 煤炭; 专栏10 现代物流产业技术攻关 → 现代物流)."""
    text = _NUMBERING.sub("", heading.strip())
    for _ in range(2):
        text = _TRAILING.sub("", text)
    return text


_CJK_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


class Mentions:
    """Exact term lookup over chunks' texts (and, separately, their headings).

    :param chunks: the chunks, in index row order.
    :param rows: only these rows are looked at (e.g. one document's, or priority items);
        default all.
    :param word: is a two-character string a word (of general Chinese)? With it, a term
        counts only where it does not start or end inside such a word (新推出 is not
        named in 创新推出); without it, any substring counts.
    """

    def __init__(
        self,
        chunks: Sequence[Document],
        rows: Iterable[int] | None = None,
        word: Callable[[str], bool] | None = None,
    ) -> None:
        self.chunks = chunks
        self.word = word
        self.rows_allowed = list(range(len(chunks))) if rows is None else list(rows)
        self._text = {r: fold(chunks[r].content or "") for r in self.rows_allowed}
        self._heads = {
            r: [fold(h) for h in area_headings(chunks[r].meta)] for r in self.rows_allowed
        }
        self._industries = {core(h) for heads in self._heads.values() for h in heads}
        self._postings: dict[str, set[int]] = {}
        self._head_postings: dict[str, set[int]] = {}
        for r in self.rows_allowed:
            for gram in _bigrams(self._text[r]):
                self._postings.setdefault(gram, set()).add(r)
            for gram in _bigrams(" ".join(self._heads[r])):
                self._head_postings.setdefault(gram, set()).add(r)
        self._cache: dict[str, frozenset[int]] = {}

    def _lookup(self, term: str, postings: dict[str, set[int]], text_of) -> set[int]:
        grams = _bigrams(term)
        if not grams:  # one character: scan (rare; terms are two characters or more)
            return {r for r in self.rows_allowed if term in text_of(r)}
        sets = sorted((postings.get(g, set()) for g in grams), key=len)
        found = set(sets[0]).intersection(*sets[1:]) if sets[0] else set()
        return {r for r in found if self._holds(text_of(r), term)}

    def _is_word(self, pair: str) -> bool:
        return self.word is not None and _CJK_PAIR.fullmatch(pair) is not None and self.word(pair)

    def _holds(self, text: str, term: str) -> bool:
        """Does ``text`` write ``term`` as a word of its own, not across a word's edge
        (新推出 is not in 创新推出: 创新 is a word)? Without ``word``: any substring."""
        start = text.find(term)
        while start >= 0:
            end = start + len(term)
            before = start > 0 and self._is_word(text[start - 1 : start + 1])
            after = end < len(text) and self._is_word(text[end - 1 : end + 1])
            if not (before or after):
                return True
            start = text.find(term, start + 1)
        return False

    def rows(self, term: str) -> frozenset[int]:
        """Rows whose own text holds ``term`` (case- and width-insensitive)."""
        term = fold(term)
        if term not in self._cache:
            found = self._lookup(term, self._postings, self._text.__getitem__)
            self._cache[term] = frozenset(found)
        return self._cache[term]

    def text(self, row: int) -> str:
        """A looked-at row's text as terms are matched in it (folded)."""
        return self._text[row]

    def heading_rows(self, term: str) -> set[int]:
        """Rows one of whose area headings holds ``term`` (see :func:`area_headings`)."""
        term = fold(term)
        return self._lookup(term, self._head_postings, lambda r: " ".join(self._heads[r]))

    def in_area(self, row: int, term: str) -> bool:
        """Does ``term`` name the row's area: the head of one of its area headings or of
        its own title (煤炭 of （二）煤炭产业, 物流 of 现代物流产业, 猕猴桃 of 1．猕猴桃产业;
        not 生态 of 生态特色农业: a Chinese compound's head is its end)?"""
        term = fold(term)
        title = fold(self.chunks[row].meta.get("title") or "")
        return any(len(term) >= 2 and core(h).endswith(term) for h in [*self._heads[row], title])

    def names_industry(self, term: str) -> bool:
        """Is ``term`` what one of the looked-at rows' area headings names (新材料 of
        （五）新材料产业, 煤炭 of （二）煤炭产业), wherever the term itself is written?"""
        return fold(term) in self._industries

    def share(self, term: str) -> float:
        """The share of looked-at chunks whose text holds ``term`` (how generic it is)."""
        return len(self.rows(term)) / max(1, len(self.rows_allowed))
