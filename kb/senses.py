"""Chinese for the English words of a question the glossary lacks: a dictionary's senses,
chosen by the embedder against the whole question.

The curated glossary (:mod:`kb.english`) renders the plan's and the bundled documents'
terms; a question about a newly added document, or in words nobody listed ("China-Africa
trade", "farmland"), leaves words unrendered, and BM25 cannot match them. CC-CEDICT
(``kb/data/en_cedict.tsv``, built by ``tools/build_dictionary.py``) knows most English
words, but with many senses (grow: 增长, 栽培, 生长 …); taken all, they mislead search. So
each unrendered word keeps the one sense that is a word of the indexed text and nearest
the question in the multilingual embedder's space ("How much did GDP grow" → 增长, not
栽培), if that sense is in at most ``max_share`` of the chunks: a sense spread wider says
nothing, and a less near sense in its place would be another meaning. Words that frame
a question (government, report, say) and region names (scoping reads those) are skipped.

Search adds the senses as extra ideas of the query. An answer reads them only when the
glossary's words find no passage, and then only two or more senses said whole (a sense
is a guess: one alone, or its characters, say too little); fit does not read them.

Example::

    vectors = SenseVectors(embedder)  # one per knowledge base
    senses = Senses(vectors, tokenizer.tokens, sparse.document_frequencies, n_chunks=1200)
    senses.renderings("What did Hunan agree on China-Africa trade?", ["china-africa", "trade"])
    # [('china-africa', '中非'), ('trade', '经贸')]
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from functools import cache, cached_property
from importlib import resources
from itertools import chain
from types import MappingProxyType

import numpy as np

from kb.embed import Embedder
from kb.english import spellings
from kb.regions import Gazetteer, RegionMatcher

__all__ = ["SenseVectors", "Senses", "load_dictionary", "named_words"]

_WORD = re.compile(r"[a-z0-9&\-]+")


@cache
def _framing() -> frozenset[str]:
    """``kb/data/en_framing.txt``: words that frame a question (government, report, say)."""
    text = resources.files("kb").joinpath("data", "en_framing.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and ln[0] != "#")


@cache
def load_dictionary() -> Mapping[str, tuple[str, ...]]:
    """``kb/data/en_cedict.tsv``: English word → its Chinese senses (read once; read-only)."""
    text = resources.files("kb").joinpath("data", "en_cedict.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, senses = line.partition("\t")
            table[word] = tuple(senses.split())
    return MappingProxyType(table)


@cache
def _places() -> RegionMatcher:
    return Gazetteer.load().matcher()


def named_words(question: str) -> set[str]:
    """The words of ``question`` that name a region (``Inner Mongolia`` → inner, mongolia)."""
    return {w.lower() for m in _places().find(question) for w in _WORD.findall(m.text.lower())}


def _lemmas(word: str) -> list[str]:
    """The word and the dictionary forms it may be of (certified → certify, hiring → hire),
    then the same in the other spelling (organised → organize)."""
    forms = [word]
    if word.endswith("ied"):
        forms.append(word[:-3] + "y")
    for end, repl in (("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""), ("s", "")):
        if word.endswith(end) and len(word) > len(end) + 2:
            forms.append(word[: -len(end)] + repl)
    return forms + [other for form in forms for other in spellings(form)]  # organised


class SenseVectors:
    """The embeddings of dictionary senses, each computed once: every searcher of one
    knowledge base (the whole index's and each document's) shares one, so a sense met by
    several searchers for the same question is embedded once.

    :param embedder: the index's embedder (multilingual: English and Chinese in one space).
    """

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._vectors: dict[str, np.ndarray] = {}  # senses of the index only: bounded
        self._lock = threading.Lock()

    def of(self, senses: list[str]) -> np.ndarray:
        """One unit vector per sense, rows in ``senses`` order."""
        with self._lock:
            missing = [s for s in dict.fromkeys(senses) if s not in self._vectors]
        if missing:
            vectors = self.embedder.embed_documents(missing)
            with self._lock:
                self._vectors.update(zip(missing, vectors, strict=True))
        with self._lock:
            return np.stack([self._vectors[s] for s in senses])


class Senses:
    """Dictionary senses of unrendered English words, chosen by an embedder.

    :param vectors: the senses' embeddings, by the index's embedder (shared; see
        :class:`SenseVectors`).
    :param tokens: a Chinese word → its search tokens (the index's tokenizer).
    :param df: gives the document frequency of each search token of the index (called
        once, at the first English question).
    :param n_chunks: chunks in the index.
    :param max_share: a sense whose rarest token is in more of the chunks is too general.
    :param named: the words of a question that name a region (Hunan, Inner Mongolia);
        scoping reads those, so they get no sense.
    """

    def __init__(
        self,
        vectors: SenseVectors,
        tokens: Callable[[str], list[str]],
        df: Callable[[], dict[str, int]],
        n_chunks: int,
        max_share: float = 0.2,
        named: Callable[[str], set[str]] = named_words,
    ) -> None:
        self.vectors, self.tokens, self.named = vectors, tokens, named
        self._df, self.n_chunks, self.max_share = df, max(n_chunks, 1), max_share

    @cached_property
    def df(self) -> dict[str, int]:
        return self._df()

    def _candidates(self, word: str) -> list[str]:
        dictionary = load_dictionary()
        for form in _lemmas(word):
            if form in dictionary:
                return [s for s in dictionary[form] if self._rarest(s) > 0]
        return []

    def _rarest(self, sense: str) -> int:
        """Chunks holding the sense's rarest token (0: a token the index lacks)."""
        counts = [self.df.get(t, 0) for t in self.tokens(sense)]
        return min(counts) if counts else 0

    def renderings(self, question: str, words: list[str]) -> list[tuple[str, str]]:
        """One sense for each word of ``words`` (the question's unrendered words) that has
        one: ``[(word, sense), …]`` in the words' order.

        :param question: the whole question, whose meaning chooses among senses.
        """
        names = self.named(question)
        asked = [
            w
            for w in dict.fromkeys(words)
            if len(w) > 2 and not w.isdigit() and w not in _framing() and w not in names
        ]
        options = {w: c for w in asked if (c := self._candidates(w))}
        if not options:
            return []
        question_vector = self.vectors.embedder.embed_query(question)
        near = self.vectors.of(list(chain(*options.values()))) @ question_vector
        chosen, i = [], 0
        for word, candidates in options.items():
            best = candidates[int(np.argmax(near[i : i + len(candidates)]))]
            i += len(candidates)
            if self._rarest(best) <= self.max_share * self.n_chunks:  # else: says nothing
                chosen.append((word, best))
        return chosen
