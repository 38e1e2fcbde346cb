"""How much of a question's focus a text covers: an absolute relevance in 0–1.

Fused search scores are relative (the best hit is always 1), so deciding "nothing in
the plan answers this", or keeping only the clauses that answer, needs an absolute
measure. A question's *focus* is its content words, minus question framing
(``kb/data/question_words.txt``) and words so common in the corpus that they say
nothing (in more than ``generic_share`` of chunks). Each focus word weighs its IDF; a
word absent from the corpus weighs the most (it is what the plan does not talk about) —
but not a piece jieba guessed across words (投了, 哪些项目: :func:`kb.word_shapes.fragment`),
and a word said only in a bracketed gloss weighs ``GLOSS`` of it.
A text covers a word fully when it contains it, partly when it contains its rare
characters (氢能 ~ 焦炉煤气提氢), weighted by character IDF.

Example::

    cov = Coverage.from_index(tokenizer, expander, kb.sparse, kb.chars)
    focus = cov.focus("哪些氢能技术被列为重点？")      # [('氢能', 3.9)]
    cov.score(focus, "开展煤焦化、焦炉煤气提氢等技术研究")   # ≈ 0.5
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kb.senses import Senses
from kb.sparse import SparseIndex
from kb.tokenize import QueryExpander, Tokenizer, chinese_runs, is_english
from kb.word_shapes import fragment

__all__ = ["Coverage", "FocusTerm"]

PARTIAL = 0.6  # credit for a word whose rare characters, not the word, are present
SENSE = 0.5  # weight of a dictionary sense of an English word the glossary lacks (a guess)
STAND_IN = 0.8  # credit for a thesaurus stand-in (网店 ~ 电子商务): weaker than the word
GLOSS = 0.3  # weight of a word said only in a question's bracketed aside (its gloss)
#: A question's aside in brackets, of a few words (（小水库、小塘坝这类蓄水工程）).
_ASIDE = re.compile(r"[（(][^（）()]{2,30}[）)]")


@cache
def _question_words() -> frozenset[str]:
    text = resources.files("kb").joinpath("data", "question_words.txt").read_text("utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and ln[0] != "#")


#: What an English verb of change renders (rise, increase, drop): it frames a number
#: question (how much it rose), it does not name its topic.
_CHANGE = frozenset({"增长", "增加", "提高", "上涨", "提升", "下降", "减少"})


@dataclass(frozen=True)
class FocusTerm:
    """A content word of a question, its weight, and terms that may stand in for it."""

    word: str
    weight: float
    alternatives: tuple[str, ...] = ()


def _topical(terms: list[FocusTerm]) -> list[FocusTerm]:
    """Without bare years when the question has other content words: a year dates a
    question, it does not name its topic."""
    topical = [t for t in terms if not re.fullmatch(r"(19|20)\d\d年?", t.word)]
    return topical or terms


class Coverage:
    """Scores how well texts cover a question's focus words.

    :param word_df: document frequency of each word token.
    :param char_df: document frequency of each character (and bigram).
    :param n: number of chunks.
    """

    def __init__(
        self,
        tokenizer: Tokenizer,
        expander: QueryExpander,
        word_df: dict[str, int],
        char_df: dict[str, int],
        n: int,
        generic_share: float = 0.15,
    ) -> None:
        self.tokenizer = tokenizer
        self.expander = expander
        self.word_df, self.char_df, self.n = word_df, char_df, max(n, 1)
        self.generic_share = generic_share

    @classmethod
    def from_index(
        cls, tokenizer: Tokenizer, expander: QueryExpander, sparse: SparseIndex, chars: SparseIndex
    ) -> Coverage:
        return cls(
            tokenizer,
            expander,
            sparse.document_frequencies(),
            chars.document_frequencies(),
            sparse.size,
        )

    def _idf(self, df: int | None) -> float:
        df = 0 if df is None else df
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def focus(self, question: str, senses: Senses | None = None) -> list[FocusTerm]:
        """The question's focus words with IDF weights (expansions as alternatives).

        :param senses: for an English question, a dictionary sense stands in for each word
            the glossary lacks, at ``SENSE`` of its weight (a guess; see :mod:`kb.senses`).
        """
        if is_english(question):
            return self._english_focus(question, senses)
        framing = _question_words()
        focus: dict[str, FocusTerm] = {}
        # an aside in brackets glosses the word before it (“水盆子”（小水库、小塘坝这类蓄水
        # 工程）): its words may add to a text's cover, they are not what is asked
        aside = _ASIDE.search(question) is not None  # (most questions have none)
        outside = set(self.tokenizer.tokens(_ASIDE.sub("，", question))) if aside else set()
        for word in self.tokenizer.tokens(question):
            if word in framing or word in focus or len(word) < 2:
                continue
            if fragment(word, self.tokenizer):  # 投了, 市里: a piece jieba guessed, no topic
                continue
            df = self.word_df.get(word)
            if df is not None and df / self.n > self.generic_share:
                continue
            weight = self._idf(df) * (GLOSS if aside and word not in outside else 1.0)
            focus[word] = FocusTerm(word, weight, tuple(self.expander.synonyms(word)))
        # Drop a word that is part of a longer focus word (氢燃料 inside 氢燃料电池).
        terms = [t for t in focus.values() if not any(t.word in o and t.word != o for o in focus)]
        return _topical(terms) or self._compounds(question)

    def _compounds(self, question: str) -> list[FocusTerm]:
        """When every word of a question is generic or framing (重点, 研发, 项目), the names
        its adjacent words make (重点研发项目): a run of two or more words, as the
        question writes them, ending in a noun."""
        runs: list[list[str]] = [[]]
        for word, _, _ in self.tokenizer.spans(question, parts=False):
            if len(word) >= 2 and not self.tokenizer.is_stop(word):
                runs[-1].append(word)
            elif runs[-1]:
                runs.append([])
        return [
            FocusTerm("".join(run), self._idf(None))
            for run in runs
            if len(run) >= 2 and self.tokenizer.is_noun(run[-1])
        ]

    def _english_focus(self, question: str, senses: Senses | None = None) -> list[FocusTerm]:
        """One focus term per English phrase the glossary knows; its renderings stand in.

        The rarest rendering is the word, the others its alternatives, so a text covers
        the idea when it has any of them; a phrase whose renderings are all generic words
        of the corpus (技术, 发展) says nothing and is dropped.
        """
        focus = []
        framing = _question_words()
        phrases, unknown = self.expander.english_phrases(question)
        for _, terms in phrases:
            if any(t in framing for t in terms) or set(terms) <= _CHANGE:
                continue  # how many → 多少, rose → 上涨: the question's framing, not its topic
            known = [t for t in terms if t in self.word_df]
            if known and all(self.word_df[t] / self.n > self.generic_share for t in known):
                continue
            rare = min(terms, key=lambda t: self.word_df.get(t, self.n))
            weight = max((self._idf(self.word_df[t]) for t in known), default=self._idf(None))
            focus.append(FocusTerm(rare, weight, tuple(t for t in terms if t != rare)))
        if senses is not None:
            for _, sense in senses.renderings(question, unknown):
                focus.append(FocusTerm(sense, SENSE * self._idf(self.word_df.get(sense))))
        for run in dict.fromkeys(chinese_runs(question)):
            # the Chinese it quotes ((城管进社区)): the document's own words, as asked
            focus.append(FocusTerm(run, self._idf(self.word_df.get(run))))
        return _topical(focus)

    def _char_share(self, word: str, text: str) -> float:
        weights = [(c, self._idf(self.char_df.get(c))) for c in word]
        total = sum(w for _, w in weights) or 1.0
        return sum(w for c, w in weights if c in text) / total

    def match(self, term: FocusTerm, text: str) -> float:
        """1 when the word is in ``text`` (lowered, as :meth:`score` passes it: 5G基站 is
        in 新建5g基站); less for a stand-in or for its rare characters."""
        if term.word.lower() in text:
            return 1.0
        partial = PARTIAL * self._char_share(term.word, text)
        if any(alt.lower() in text for alt in term.alternatives):
            return max(STAND_IN, partial)
        return partial

    def score(self, focus: list[FocusTerm], text: str, partial: bool = True) -> float:
        """Share of the focus weight that ``text`` covers (0 when there is no focus).

        :param partial: count a word whose characters, not the word, are present; without
            it only the words and their stand-ins count (氢 of 氢氧化锂 says nothing of 氢能).
        """
        total = sum(t.weight for t in focus)
        if total <= 0:
            return 0.0
        lowered = text.lower()
        matches = ((t, self.match(t, lowered)) for t in focus)
        return sum(t.weight * m for t, m in matches if partial or m >= STAND_IN) / total
