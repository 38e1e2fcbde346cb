"""Tokens for BM25: jieba search mode, domain terms kept whole, stop words dropped.

The same :meth:`Tokenizer.tokens` serves documents and queries. Domain terms come
from a curated list (``kb/data/userdict.txt``) plus terms harvested from the corpus at
ingest (members of enumerations such as ``催化剂、质子交换膜、膜电极、双极板``, short item
titles); the harvested list is stored in the index so queries see the same dictionary.
English queries are expanded with a curated English→Chinese list
(``kb/data/en_zh.tsv``) because BM25 cannot match English against Chinese; Chinese
queries in everyday words with a curated thesaurus of the plan's official terms
(``kb/data/zh_synonyms.tsv``: 年轻 → 青年, 节约 → 节能; ``kb/data/zh_everyday.tsv``: an
enterprise's words for the plan's items, 打药飞机 → 植保无人机; ``kb/data/zh_trade.tsv``: the
trade words of each item's equipment, processes and workplaces, 轧机 → 钢材, 猪舍 → 畜禽;
``kb/data/zh_policy.tsv``: spoken phrases for the plan's policy language, 越落越远 → 差距拉大;
``kb/data/zh_colloquial.tsv``: sayings for its policy ideas, 筑巢引凤 → 人才引进).

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
from typing import Any

from kb.english import EnglishGlossary

__all__ = [
    "QueryExpander",
    "Tokenizer",
    "char_ngrams",
    "chinese_runs",
    "clean_query",
    "fold",
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


def fold(text: str) -> str:
    """NFKC-folded and lower-cased: full-width letters, digits and brackets as ASCII."""
    return unicodedata.normalize("NFKC", text).lower()


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

    def __init__(self, base: Any) -> None:
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

    def __init__(self, extra_terms: Iterable[str] = (), _base: tuple[Any, int] | None = None):
        import jieba

        from kb.jieba_cache import jieba_base

        jieba.setLogLevel(logging.WARNING)
        self._base = _base = _base or jieba_base()  # jieba's dictionary, cached, shared
        self._jieba = jieba.Tokenizer()
        self._pos = None  # a part-of-speech tagger over the same dictionary, made on first use
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

    def general_frequency(self, word: str) -> int:
        """How often ``word`` occurs in general Chinese (jieba's dictionary; 0 if absent).

        Common words (管理, 城市, 汽车, 煤炭) name broad areas; rare ones and compounds
        the dictionary lacks (膜电极, 超超临界) name specific things.
        """
        return int(self._base[0].get(word, 0) or 0)

    def _tagger(self) -> Any:
        """jieba's part-of-speech tokenizer over this dictionary, made on first use."""
        import jieba.posseg

        if self._pos is None:
            self._pos = jieba.posseg.POSTokenizer(self._jieba)
        return self._pos

    def tag(self, word: str) -> str | None:
        """jieba's part-of-speech tag of a word of its dictionary (``ns``: a place, as 皖南,
        湘江), or ``None`` for a string it does not list. Loads the tags on first use."""
        return self._tagger().word_tag_tab.get(word)

    def is_noun(self, term: str) -> bool:
        """Does ``term`` end in a noun (煤炭, 钢材, 管理体系; not 不断, 坚持, 第一)?

        jieba's part-of-speech tags of its last word; a word jieba does not know (a
        domain compound) counts as a noun.
        """
        words = list(self._tagger().cut(fold(term)))
        flag = words[-1].flag if words else ""
        return flag[:1] == "n" or flag in ("vn", "eng", "x")

    def is_stop(self, word: str) -> bool:
        """A stop word, punctuation or space: nothing to search for."""
        return not self.tokens(word)

    def spans(self, text: str, parts: bool = True) -> list[tuple[str, int, int]]:
        """Every word jieba sees in ``text`` with its position: whole words and (with
        ``parts``) the sub-words search mode adds for long ones (滑雪板 → 滑雪, 雪板).
        Positions index ``fold(text)``; stop words are kept (callers choose)."""
        folded = fold(text)
        found = set(self._jieba.tokenize(folded))
        if parts:
            found |= set(self._jieba.tokenize(folded, mode="search"))
        return sorted(found, key=lambda t: (t[1], -t[2]))

    def tokens(self, text: str) -> list[str]:
        """Search-mode tokens of ``text``: lowercase, NFKC-folded, no stop words."""
        return [
            w
            for w in (w.strip() for w in self._jieba.cut_for_search(fold(text)))
            if w and w not in self._stop and _WORD.search(w)
        ]


_CHAR_STOP = set("的了和与及等在是对为以于把将被由从向中其之也都并而又就还这那个有吗呢")


def chinese_runs(text: str) -> list[str]:
    """The runs of two or more Chinese characters in ``text``, in order: the Chinese an
    English question quotes ((城管进社区), 兜底保障)."""
    return _CHINESE_RUN.findall(text)


_CHINESE_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


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


class QueryExpander:
    """Official Chinese terms for a query's English words or everyday Chinese words."""

    def __init__(self) -> None:
        self.glossary = EnglishGlossary.load()
        self._chinese: list[tuple[str, list[str]]] = []
        files = (
            "zh_synonyms.tsv",
            "zh_everyday.tsv",
            "zh_trade.tsv",
            "zh_measures.tsv",
            "zh_policy.tsv",
            "zh_colloquial.tsv",
        )
        for line in (ln for name in files for ln in _data_lines(name)):
            word, _, terms = line.partition("\t")
            self._chinese.append((word, terms.split()))
        self._chinese.sort(key=lambda pair: -len(pair[0]))
        self._by_word: dict[str, list[str]] = {}
        for word, terms in self._chinese:  # the first entry of a word, as a scan finds it
            self._by_word.setdefault(word, terms)

    def expand(self, text: str) -> list[str]:
        """Expansion terms, longest matches first, no duplicates."""
        return self.glossary.renderings(text) if is_english(text) else self._expand_chinese(text)

    def english_phrases(self, text: str) -> tuple[list[tuple[str, list[str]]], list[str]]:
        """The English phrases the glossary knows, each with its Chinese renderings, in
        text order (longest phrases first, no word used twice), and the words it does not
        (see :meth:`EnglishGlossary.phrases <kb.english.EnglishGlossary.phrases>`).

        ``"high-purity manganese sulfate from manganese ore"`` gives
        ``([("manganese sulfate", ["硫酸锰", …]), ("manganese ore", ["锰矿", "锰"])],
        ["high", "purity", "from"])``.
        """
        return self.glossary.phrases(text)

    def chinese_entries(self) -> list[tuple[str, list[str]]]:
        """Every thesaurus entry: everyday word and the plan's terms, longest words first."""
        return self._chinese

    def synonyms(self, word: str) -> list[str]:
        """The thesaurus entry for exactly this word (no substring matches)."""
        return self._by_word.get(word, [])

    def _expand_chinese(self, text: str) -> list[str]:
        found: list[str] = []
        for word, terms in self._chinese:
            if word in text:
                found.extend(t for t in terms if t not in found and t not in text)
        return found
