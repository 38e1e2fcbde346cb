"""Which documents a question is answered from: the ones it names, or the corpus's own.

:class:`~kb.scope.Scoper` reads what a question names (a place, an issuer, a kind, a
year). This decides, against one knowledge base, what to search: the named documents;
the corpus's own (``home``) when the question names only a kind (“规划的基本原则”: of
several plans, the corpus's own) or nothing, and they cover it; or every document.
A place that begins a term the home documents write (贵州省“千”层次创新人才培养对象, a
programme the plan names) is quoted, not named: the question stays home. A place that no
document is about (新疆 beside Liupanshui's plan and provinces' reports) never sends a
question home: it goes to every document, and the answer keeps to the passages that
name the place. Nor does a name the dictionary tags as a place or organisation that only
other documents write (中关村), when the best passage over every document is another's.

Example::

    ScopeChoice(kb).choose("山东高新技术企业数量").docs     # ['gwr_shandong_2025']
    ScopeChoice(kb).choose("哪些氢能技术被列为重点？").home  # True: the plan answers it
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kb.scope import Scope
from kb.tokenize import fold

if TYPE_CHECKING:
    from kb.knowledge_base import KnowledgeBase

__all__ = ["ScopeChoice", "quotes_a_term"]

#: A question that asks across places or documents (哪些省份, 各省, which provinces): it is
#: never kept to the corpus's own documents.
_ACROSS = re.compile(
    r"哪些省|哪个省|哪几个省|各省(?!级)|哪些城市|哪些地区|哪些地方|各地区?|哪些文件|哪份文件|"
    r"\bwhich (?:provinces?|cities|city|regions?|documents?|reports?)\b"
    r"|\bacross (?:the )?provinces\b|\beach province\b",
    re.I,
)


#: Part-of-speech tags of names in jieba's dictionary: places, organisations, others.
_NAME_TAGS = frozenset({"ns", "nt", "nz"})


class ScopeChoice:
    """Chooses the documents each question is answered from, for one knowledge base.

    :param kb: the knowledge base (its documents, scoper, search and answerer).
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._texts: dict[str, str] = {}  # a document's folded text, read once
        self._lock = threading.Lock()

    def choose(self, question: str) -> Scope | None:
        """The documents a question should be answered from, and why.

        The ones it names (a place, an issuer, a kind, a year); if it names none, the
        corpus's own documents (``home``) when they cover the question, so the plan's
        questions stay on the plan beside many other documents; else ``None`` (all).
        """
        if len(self.kb.documents) < 2:
            return None  # one document: nothing to choose (and no gazetteer to load)
        named = self.kb.scoper().detect(question)
        home = [d.doc for d in self.kb.documents if d.home]
        if named is not None and named.kind_only and set(home) & set(named.docs):
            # "规划的基本原则": of several plans, the corpus's own is "the plan" — when it
            # covers the question (not "the 2021 plan on industrial internet": Anhui's)
            own = [d for d in named.docs if d in home]
            return replace(named, docs=own, home=True) if self._covers(own, question) else named
        if named is not None:
            if set(home) & set(named.docs) or not self._quotes_home(named, question, home):
                return named
            return Scope(home, "", home=True)  # 贵州省“千”层次创新人才: the plan's programme
        if not home or len(home) == len(self.kb.documents) or _ACROSS.search(question):
            return None  # 哪些省…, which provinces…: a question across the documents
        if self.kb.scoper().elsewhere(question):
            return None  # 新疆的生产总值: about a place, not the corpus's own, whatever it says
        if self._names_elsewhere(question, home):
            return None  # 中关村科技园: a name only other documents write
        return Scope(home, "", home=True) if self._covers(home, question) else None

    def _names_elsewhere(self, question: str, home: list[str]) -> bool:
        """Does the question say a name (a place, an organisation: 中关村, tagged so by the
        dictionary) that no home document writes and another does — and does the best
        passage over every document come from another? (The dictionary tags everyday
        words too, 山区, 滑坡: for those the plan's passage still ranks first.)"""
        tokenizer = self.kb.searcher().tokenizer
        others = [d.doc for d in self.kb.documents if d.doc not in home]
        named = any(
            len(word) >= 2
            and tokenizer.tag(word) in _NAME_TAGS
            and not any(word in self._text(d) for d in home)
            and any(word in self._text(d) for d in others)
            for word, _, _ in tokenizer.spans(question, parts=False)
        )
        if not named:
            return False
        best = self.kb.search(question, k=1)
        return bool(best) and best[0].doc not in home

    def unhomed(self, question: str) -> dict[str, list[str]]:
        """The places a question names that no indexed document is about (新疆 beside a
        plan of 六盘水 and provinces' reports), each with the names it goes by.

        :returns: ``{name as the question says it: [names of the place]}``.
        """
        found: dict[str, list[str]] = {}
        for mention in self.kb.scoper().elsewhere(question):
            names = [n for n in (mention.region.name, *mention.region.names) if len(n) >= 2]
            found.setdefault(mention.text, list(dict.fromkeys([mention.text, *names])))
        return found

    def elsewhere(self, question: str) -> list[str]:
        """The places a question names that no indexed document is about or mentions
        (“青海2024年生产总值增长多少” over the plan alone): what it asks is not here.

        :returns: the names as the question says them (``Qinghai``, ``青海``).
        """
        unhomed = self.unhomed(question).items()
        return [text for text, names in unhomed if not any(self._mentioned(n) for n in names)]

    def _mentioned(self, name: str) -> bool:
        """Does any document write ``name``? (A word search, then the hit's own text.)"""
        hits = self.kb.search(name, k=3, mode="bm25")
        return any(name in h.text for h in hits)

    def _quotes_home(self, named: Scope, question: str, home: list[str]) -> bool:
        """Does the question quote a home document's term that begins with the place it
        names (see :func:`~kb.scope.quotes_a_term`)?"""
        if not home:
            return False
        return quotes_a_term(
            fold(question),
            fold(named.because),
            lambda phrase: any(phrase in self._text(d) for d in home),
            lambda phrase: any(phrase in self._text(d) for d in named.docs),
        )

    def _text(self, doc: str) -> str:
        """A document's text as the index keeps it (``sources``), folded once."""
        with self._lock:
            if doc not in self._texts:
                self._texts[doc] = fold(self.kb.sources[doc])
            return self._texts[doc]

    def _covers(self, docs: list[str], question: str) -> bool:
        """Do these documents answer the question (its focus words in their first hits)?"""
        answerer = self.kb.answerer()
        hits = self.kb.search(question, k=5, doc=docs)
        return answerer.relevant(answerer.coverage.focus(question), hits)


def quotes_a_term(
    question: str, because: str, home: Callable[[str], bool], named: Callable[[str], bool]
) -> bool:
    """Does the question quote a term of the home documents that begins with the place it
    names (贵州省“千”层次创新人才 is a programme the plan writes, not Guizhou's report)?

    :param because: the words that named the documents (``贵州省``, ``六盘水、规划``).
    :param home: does a home document write this phrase? ``named``: does a named one?
    :returns: a stretch of the question from a naming word on, four to eight characters
        longer than it, that a home document writes and no named document does.
    """
    for word in filter(None, because.split("、")):
        at = question.find(word)
        if at < 0:
            continue
        end = at + len(word)
        for extra in range(8, 3, -1):
            phrase = question[at : end + extra]
            if len(phrase) == len(word) + extra and home(phrase) and not named(phrase):
                return True
    return False
