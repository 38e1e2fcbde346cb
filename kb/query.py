"""The query side of search, as Haystack components: what a query says, and its vector.

:class:`QueryAnalyzer` reads a query once for every retriever: its jieba tokens, the
thesaurus's expansions of a Chinese query (weighted), the character n-grams, and — for an
English query — its ideas as groups of Chinese renderings: the glossary's phrases, one
dictionary sense for each word the glossary lacks (:mod:`kb.senses`), and what it writes
as is (R&D, 5G, 2025). :class:`QueryEmbedder` embeds it for the dense side.

Searching inside one document, the words of its title name the document, not a passage
("Anhui's industrial internet action plan: how many …" asked of that plan): the analyzer
of a one-document searcher drops them, unless nothing else is left.

Example::

    analyzer = QueryAnalyzer(Tokenizer(), QueryExpander(), synonym_weight=0.5)
    analyzer.run("hydrogen fuel cells")["groups"][0]  # [['燃料', '电池', '氢燃料电池'], …]
"""

from __future__ import annotations

from typing import Any

import numpy as np
from haystack import component

from kb.embed import Embedder
from kb.senses import Senses
from kb.tokenize import QueryExpander, Tokenizer, char_ngrams, chinese_runs, is_english

__all__ = ["QueryAnalyzer", "QueryEmbedder"]


@component
class QueryAnalyzer:
    """A query's word tokens, expansion tokens and weight, character n-grams, and text."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        expander: QueryExpander,
        synonym_weight: float,
        senses: Senses | None = None,
        title: str = "",
    ) -> None:
        """:param title: the title of the one document searched (its words are dropped);
        empty: several documents."""
        self.tokenizer = tokenizer
        self.expander = expander
        self.synonym_weight = synonym_weight
        self.senses = senses
        self.title = title

    def _untitled(self, tokens: list[str]) -> list[str]:
        return [t for t in tokens if len(t) < 2 or t not in self.title]

    @component.output_types(
        tokens=list[str],
        expansion=list[str],
        expansion_weight=float,
        groups=list[list[list[str]]],
        chars=list[str],
        text=str,
    )
    def run(self, query: str) -> dict[str, Any]:
        english = is_english(query)
        expansion = [t for term in self.expander.expand(query) for t in self.tokenizer.tokens(term)]
        groups = []
        if english:
            tok = self.tokenizer.tokens
            phrases, unknown = self.expander.english_phrases(query)
            groups = [[tok(term) for term in terms] for _, terms in phrases]
            if self.senses is not None:  # words the glossary lacks: a dictionary sense each
                groups += [[tok(sense)] for _, sense in self.senses.renderings(query, unknown)]
            rendered = {t for g in groups for term in g for t in term}
            # R&D, 5G, GDP, 2025 as written, unless a phrase's renderings already hold them
            groups += [[[t]] for t in dict.fromkeys(tok(query)) if t not in rendered]
        tokens = self.tokenizer.tokens(query)
        if self.title:
            if untitled := self._untitled(tokens):  # else the title is all it asks
                tokens, expansion = untitled, self._untitled(expansion)
            kept = [[r for t in g if (r := self._untitled(t))] for g in groups]
            groups = [g for g in kept if g] or groups
        return {
            "groups": groups,
            "tokens": tokens,
            "expansion": expansion,
            "expansion_weight": 1.0 if english else self.synonym_weight,
            # an English query's own Chinese (城管进社区 in brackets): matched as written
            "chars": _chinese_ngrams(query) if english else char_ngrams(query),
            "text": query,
        }


def _chinese_ngrams(query: str) -> list[str]:
    """The character n-grams of the Chinese an English query quotes (its Latin words are
    searched as words and renderings): none when it quotes no Chinese."""
    return [g for run in chinese_runs(query) for g in char_ngrams(run)]


@component
class QueryEmbedder:
    """Embeds the query text with the index's embedder."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    @component.output_types(embedding=np.ndarray)
    def run(self, text: str) -> dict[str, Any]:
        return {"embedding": self.embedder.embed_query(text)}
