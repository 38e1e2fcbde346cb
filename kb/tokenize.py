"""Tokens for BM25: jieba search mode, domain terms kept whole, stop words dropped.

The same :meth:`Tokenizer.tokens` serves documents and queries. Domain terms come
from a curated list (``kb/data/userdict.txt``) plus terms harvested from the corpus at
ingest (members of enumerations such as ``催化剂、质子交换膜、膜电极、双极板``, short item
titles); the harvested list is stored in the index so queries see the same dictionary.
English queries are expanded with a curated English→Chinese list
(``kb/data/en_zh.tsv``) because BM25 cannot match English against Chinese; Chinese
queries in everyday words with a curated thesaurus of the plan's official terms
(``kb/data/zh_synonyms.tsv``: 年轻 → 青年, 节约 → 节能).

Example::

    tok = Tokenizer(extra_terms=["玄武岩纤维"])
    tok.tokens("加快突破氢燃料电池电堆关键技术")   # [..., '氢燃料电池', '电堆', ...]
    QueryExpander().expand("hydrogen fuel cells")    # ['氢能', …, '燃料电池', …]
    QueryExpander().expand("年轻科研人员培养")          # ['青年', '科研人员', …]
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

__all__ = [
    "QueryExpander",
    "Tokenizer",
    "char_ngrams",
    "clean_query",
    "harvest_terms",
    "is_english",
]

_WORD = re.compile(r"\w")
_HANZI = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")

_ENUM_SPLIT = re.compile(r"[，,；;。：:（）()“”《》〈〉\s]+")
_LEADING_VERB = re.compile(
    r"^(开展|推进|加强|支持|加快|推动|发展|建设|实施|开发|研究|促进|提升|突破)"
)


@cache
def _data_lines(name: str) -> tuple[str, ...]:
    text = resources.files("kb").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def clean_query(text: str) -> str:
    """Drop control and format characters and lone surrogates; collapse spaces."""
    kept = [ch if unicodedata.category(ch)[0] != "C" or ch in "\t\n" else " " for ch in text]
    return re.sub(r"\s+", " ", "".join(kept)).strip()


def is_english(text: str) -> bool:
    """True when the text has more Latin letters than Chinese characters."""
    return len(_LATIN.findall(text)) > len(_HANZI.findall(text))


def harvest_terms(texts: Iterable[str], max_len: int = 8) -> set[str]:
    """Domain terms from a corpus: members of 、-enumerations, 2–``max_len`` characters.

    ``催化剂、质子交换膜、膜电极、双极板等`` gives 催化剂, 质子交换膜, 膜电极, 双极板.
    """
    terms: set[str] = set()
    for text in texts:
        for clause in _ENUM_SPLIT.split(text):
            if "、" not in clause:
                continue
            members = clause.split("、")
            members[-1] = members[-1].split("等", 1)[0]  # "双极板等核心技术研究" ends the list
            for member in members:
                member = _LEADING_VERB.sub("", member)
                if 2 <= len(member) <= max_len and all(_HANZI.match(c) for c in member):
                    terms.add(member)
    return terms


class _Overlay(dict):
    """A word-frequency dict that falls back to a shared, read-only base dictionary.

    jieba only reads its dictionary with ``in``, ``[]`` and ``get`` and writes with
    ``[]=``, so added words land here and the ~350,000-word base is loaded once and
    shared by every tokenizer derived from it.
    """

    __slots__ = ("base",)

    def __init__(self, base: dict) -> None:
        super().__init__()
        self.base = base

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self.base

    def __missing__(self, key: str) -> int:
        return self.base[key]

    def get(self, key: str, default: int | None = None) -> int | None:
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        return self.base.get(key, default)


class Tokenizer:
    """jieba search-mode tokens without stop words or punctuation.

    Each instance has its own jieba tokenizer (no global state); tokenizers made with
    :meth:`derive` share the base dictionary and differ only in their domain terms.

    :param extra_terms: domain terms to keep whole, in addition to the curated list.
    """

    def __init__(self, extra_terms: Iterable[str] = (), _base: tuple[dict, int] | None = None):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        if _base is None:
            pristine = jieba.Tokenizer()
            pristine.initialize()
            _base = (pristine.FREQ, pristine.total)
        self._base = _base
        self._jieba = jieba.Tokenizer()
        self._jieba.FREQ, self._jieba.total = _Overlay(_base[0]), _base[1]
        self._jieba.initialized = True
        self._stop = set(_data_lines("stopwords.txt"))
        self.terms = sorted({*(ln.split()[0] for ln in _data_lines("userdict.txt")), *extra_terms})
        for term in self.terms:
            self._jieba.add_word(term, freq=2000)

    def derive(self, extra_terms: Iterable[str]) -> Tokenizer:
        """A tokenizer with other domain terms, sharing this one's base dictionary.

        Cheap (no dictionary load): used for one document's own terms.
        """
        return Tokenizer(extra_terms, _base=self._base)

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens of ``text``: lowercase, NFKC-folded, no stop words."""
        text = unicodedata.normalize("NFKC", text).lower()
        return [
            w
            for w in (w.strip() for w in self._jieba.cut_for_search(text))
            if w and w not in self._stop and _WORD.search(w)
        ]


_CHAR_STOP = set("的了和与及等在是对为以于把将被由从向中其之也都并而又就还这那个有吗呢")


def char_ngrams(text: str) -> list[str]:
    """Character unigrams and bigrams of the Chinese runs in ``text``, plus Latin words.

    A second lexical field beside jieba words: it matches a user's own wording where
    segmentation differs (节约建筑能耗 ~ 公共建筑节能降耗, 年轻 ~ 青年).
    """
    text = unicodedata.normalize("NFKC", text).lower()
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    grams = [c for run in runs for c in run if c not in _CHAR_STOP]
    grams += [run[i : i + 2] for run in runs for i in range(len(run) - 1)]
    return grams + re.findall(r"[a-z0-9]+", text)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


class QueryExpander:
    """Official Chinese terms for a query's English words or everyday Chinese words."""

    def __init__(self) -> None:
        self._english: dict[tuple[str, ...], list[str]] = {}
        for line in _data_lines("en_zh.tsv"):
            english, _, chinese = line.partition("\t")
            key = tuple(_singular(w) for w in re.findall(r"[a-z0-9&\-]+", english.lower()))
            self._english.setdefault(key, []).extend(chinese.split())
        self._longest = max((len(k) for k in self._english), default=1)
        self._chinese: list[tuple[str, list[str]]] = []
        for line in _data_lines("zh_synonyms.tsv"):
            word, _, terms = line.partition("\t")
            self._chinese.append((word, terms.split()))
        self._chinese.sort(key=lambda pair: -len(pair[0]))

    def expand(self, text: str) -> list[str]:
        """Expansion terms, longest matches first, no duplicates."""
        return self._expand_english(text) if is_english(text) else self._expand_chinese(text)

    def _expand_english(self, text: str) -> list[str]:
        words = [_singular(w) for w in re.findall(r"[a-z0-9&\-]+", text.lower())]
        found: list[str] = []
        for n in range(self._longest, 0, -1):
            for i in range(len(words) - n + 1):
                for term in self._english.get(tuple(words[i : i + n]), []):
                    if term not in found:
                        found.append(term)
        return found

    def english_groups(self, text: str) -> list[list[str]]:
        """Chinese renderings per English phrase: longest phrases first, no word used twice.

        ``"high-purity manganese sulfate from manganese ore"`` gives
        ``[["硫酸锰", "高纯硫酸锰"], ["锰矿", "锰"]]``: each group is one idea of the query.
        """
        words = [_singular(w) for w in re.findall(r"[a-z0-9&\-]+", text.lower())]
        used = [False] * len(words)
        groups: list[tuple[int, list[str]]] = []
        for n in range(self._longest, 0, -1):
            for i in range(len(words) - n + 1):
                terms = self._english.get(tuple(words[i : i + n]))
                if terms and not any(used[i : i + n]):
                    used[i : i + n] = [True] * n
                    groups.append((i, list(dict.fromkeys(terms))))
        return [terms for _, terms in sorted(groups)]

    def synonyms(self, word: str) -> list[str]:
        """The thesaurus entry for exactly this word (no substring matches)."""
        return next((terms for key, terms in self._chinese if key == word), [])

    def _expand_chinese(self, text: str) -> list[str]:
        found: list[str] = []
        for word, terms in self._chinese:
            if word in text:
                found.extend(t for t in terms if t not in found and t not in text)
        return found
