"""A project description read as text: its sentences, the company names inside it, and
the words of ``kb/data/project_words.tsv`` it says.

These are the plain-text steps :class:`~kb.keyterms.KeyTerms` takes before it asks the
documents anything: where a sentence ends (。；, and in English a full stop before a
capital, not the one of "Co., Ltd."), which stretch is a company's name (旅游开发有限公司 is
a name, not an act), and which business-form words a sentence says (in English whole
words or their plurals: sale is not in wholesale, shop not in workshop).

Example::

    sentences("We resell tools. Our stores are in Guiyang.")  # two sentences
    said(project_words()["commerce"], "our stores sell tools", english=True)  # ['store', 'sell']
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from kb.tokenize import fold, is_english

__all__ = ["COMPANY", "project_words", "said", "sentences"]

_SENTENCE = re.compile(r"[^。！？!?；;\n]+")
_ENGLISH_STOP = re.compile(
    r"(?<=[a-z0-9)\]\"'])\.\s+(?=[A-Z0-9\"'(])"
)  # ". Next", not "Co., Ltd. was"


def sentences(text: str) -> list[str]:
    """Sentences: at 。！？；and line ends, and in English at a full stop before a capital."""
    pieces = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    return [
        part.strip()
        for piece in pieces
        for part in (_ENGLISH_STOP.split(piece) if is_english(piece) else [piece])
        if part.strip()
    ]


def said(words: frozenset[str], folded: str, english: bool) -> list[str]:
    """The ``words`` a sentence says: in English whole words only (sale is not in
    wholesale, rent not in current, shop not in workshop), or their plurals (stores)."""
    if not english:
        return [w for w in words if w in folded]
    spans: dict[tuple[int, int], str] = {}  # sale and sales say one word in "sales"
    for w in sorted(words):
        found = re.search(rf"(?<![a-z]){re.escape(w)}(?:e?s)?(?![a-z])", folded)
        if found:
            spans.setdefault(found.span(), w)
    return list(spans.values())


COMPANY = re.compile(
    r"[\u4e00-\u9fffA-Za-z（）()“”]{2,24}?(?:股份有限公司|有限责任公司|有限公司|合作社|集团)"
    r"|[A-Z][\w&.\- ]{1,40}(?:Co\.,? Ltd\.?|Inc\.|Ltd\.?|Group)"
)


@cache
def project_words() -> dict[str, frozenset[str]]:
    """The word lists of ``kb/data/project_words.tsv`` by kind (about, generic, …)."""
    text = resources.files("kb").joinpath("data", "project_words.tsv").read_text("utf-8")
    kinds: dict[str, set[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, words = line.partition("\t")
            kinds.setdefault(kind, set()).update(fold(w) for w in words.split())
    return {kind: frozenset(words) for kind, words in kinds.items()}
