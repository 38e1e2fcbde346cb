"""A project description's key terms: the things it makes or does, as it says them.

An enterprise writes about its product in its own words (芯膜系列CCM, 超超临界改造),
around sentences about itself (成立于, 员工, 总投资). Key terms are found by asking the
documents: the longest stretches of the description, cut at jieba's word boundaries,
that some chunk names verbatim (超超临界 inside 超超临界改造; 前驱 of 前驱体) are key
terms named by the plan; the remaining content words are key terms it does not name
(生产线, 芯膜). Words every project uses (项目, 建设, 技术) are never key terms; business
forms (批发, 4S店, dealership) are set apart: they say how the project earns, not what
it does (``kb/data/project_words.tsv``). A word the plan lacks may stand in through the
thesaurus (打农药 → 施药) or, in English, through the glossary's renderings.

Example::

    terms = KeyTerms(tokenizer, expander, mentions).find("我公司计划建设膜电极生产线")
    [t.text for t in terms.named]      # ['膜电极']
    terms.missing                      # ['生产线'] — not named anywhere
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from kb.business import business_forms, making, only_used, without_fees
from kb.description import (
    COMPANY,
    capitalised,
    find,
    identity,
    labels_aside,
    others_aside,
    parts,
    places_aside,
    project_words,
    sentences,
    side_lines,
)
from kb.mentions import Mentions
from kb.project_terms import STAND_IN, KeyTerm, ProjectTerms
from kb.regions import Gazetteer
from kb.tokenize import QueryExpander, Tokenizer, fold, is_english
from kb.venues import venues
from kb.word_shapes import content_word, counted, dangling, fragment

__all__ = ["KeyTerms"]

#: jieba's general frequency up to which a word is a specialist's (煤泥 3, 煤矸石 9).
RARE_FREQUENCY = 20


class KeyTerms:
    """Finds key terms of descriptions against one set of documents.

    :param mentions: exact lookup over the chunks that may name a term.
    :param generic_share: a stretch named by more than this share of chunks names
        nothing in particular (技术, 发展).
    :param common_frequency: a word at least this frequent in general Chinese (jieba's
        dictionary) is common (see :attr:`KeyTerm.common`).
    """

    def __init__(
        self,
        tokenizer: Tokenizer,
        expander: QueryExpander,
        mentions: Mentions,
        generic_share: float = 0.1,
        common_frequency: int = 600,
        rows: frozenset[int] | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self.expander = expander
        self.mentions = mentions
        self.rows = rows  # where a term must be named to be evidence (default: anywhere)
        self.generic_share = generic_share
        self.common_frequency = common_frequency
        self.words = project_words()
        self._about_longest = sorted(self.words["about"], key=len, reverse=True)
        self.places = Gazetteer.load().matcher()  # place names are never key terms

    def common(self, word: str) -> bool:
        """A common word of general Chinese (or English words glossed as one)."""
        return self.tokenizer.general_frequency(word) >= self.common_frequency

    def rare(self, word: str) -> bool:
        """A word general Chinese barely uses (煤泥, 矿渣; not 小区, 线上): specific."""
        return self.tokenizer.general_frequency(word) <= RARE_FREQUENCY

    def unknown_compound(self, word: str) -> bool:
        """A term of three characters or more that general Chinese does not know (膜电极,
        煤制烯烃): a domain compound, specific by itself."""
        return len(word) >= 3 and self.tokenizer.general_frequency(word) == 0

    def generic(self, term: str) -> bool:
        """A word every project or every chunk uses: never a key term."""
        term = fold(term)
        return (
            term in self.words["generic"]
            or term in self.words["commerce"]
            or term in self.words["use"]
            or self.mentions.share(term) > self.generic_share
            or not content_word(term)
        )

    def named(self, term: str) -> bool:
        """Named where evidence is looked for, and not a word every chunk uses."""
        rows = self.mentions.rows(term)
        found = rows if self.rows is None else rows & self.rows
        return bool(found) and not self.generic(term)

    def find(self, text: str) -> ProjectTerms:
        """The key terms of a description (Chinese or English; see module doc)."""
        found: dict[str, KeyTerm] = {}
        missing: dict[str, None] = {}
        commerce: dict[str, None] = {}
        traded: set[str] = set()  # terms said in a sentence that sells, rents or hosts
        names = frozenset(capitalised(text)) if is_english(text) else frozenset()
        trade = make = 0
        project: list[str] = []
        side = {s for s, aside in side_lines(text) if aside}
        for said_as, background in parts(text, self.words):
            # owners (a cement dealer, …): their trades; 打“智慧医疗”招牌: a sign, not work
            sentence = places_aside(labels_aside(others_aside(said_as)))
            if not background:
                project.append(sentence)
            folded = fold(COMPANY.sub(" ", sentence))  # 旅游开发有限公司 is a name, not an act
            english = is_english(sentence)
            if background:  # the company's record says what it trades in too (经销商),
                for w in self._about_longest:  # but not the 销售 of 销售额
                    while (at := find(w, folded)) is not None:  # (whole English words)
                        folded = f"{folded[: at[0]]} {folded[at[1] :]}"
            # a side business outside the application (副业…) says nothing of the project's
            sold = [] if said_as in side else business_forms(folded, self.words, english)
            commerce.update(dict.fromkeys(sold))
            trade += len(sold)
            if sold and (said_is := identity(folded)):  # 我们是个仪表维修站: what it is
                trade += len(business_forms(said_is, self.words, english))
            make += len(making(folded, self.words, english))
            worded = without_fees(sentence)  # charging per piece: how it bills, no term
            if english:
                terms, unnamed = self._english(worded, background, names)
            else:
                terms, unnamed = self._chinese(worded, background)
            means = [self._as_means(t, folded, english) for t in terms]
            if sold:  # what it deals in, not the means it uses (接入大数据平台)
                traded.update(t.text for t, m in zip(terms, means, strict=True) if m is t)
            terms = means
            for term in terms:
                if term.text not in found or found[term.text].background > term.background:
                    found[term.text] = term
            missing.update(dict.fromkeys(w for w in unnamed if w not in found))
        folded = fold(text)
        named = [replace(t, count=max(1, folded.count(t.text))) for t in found.values()]
        return ProjectTerms(
            named,
            [m for m in missing if m not in found],
            list(commerce),
            trade,
            make,
            len(sentences(text)),
            len(text) > 300,
            frozenset(traded),
            " ".join(project),
            venues(text, self.words),
        )

    def _as_means(self, term: KeyTerm, folded: str, english: bool) -> KeyTerm:
        """An enabler the project only uses (大数据, IoT) is background: it can support a
        match, never make one (see :func:`kb.description.only_used`)."""
        if term.background or not only_used(fold(term.text), folded, self.words, english):
            return term
        return replace(term, background=True)

    def _chinese(self, sentence: str, background: bool) -> tuple[list[KeyTerm], list[str]]:
        """Longest named stretches at word boundaries; unnamed content words left over."""
        spans = self.tokenizer.spans(sentence)
        folded = fold(sentence)
        content = [(w, s, e) for w, s, e in spans if not self.tokenizer.is_stop(w)]
        whole = [(s, e) for _, s, e in self.tokenizer.spans(sentence, parts=False)]
        # a stretch may end inside a word only if it starts that word (滑雪 of 滑雪板, not
        # 联网 of 互联网): a compound's head is its end, its leading part names its kind
        inside = {i for s, e in whole for i in range(s + 1, e)}
        parts = {(s, e) for _, s, e in spans}
        # ... or it is the word's head, the word split cleanly in two (降解 of 生物降解 =
        # 生物 + 降解; not 联网 of 互联网, whose 互 is no word)
        heads = {m for s, e in whole for m in range(s + 2, e - 1) if {(s, m), (m, e)} <= parts}
        starts = sorted({s for _, s, _ in content} - inside | heads)
        # ... and only after a part of it that is a word itself (线上 of 线上线下, not 线上线)
        cut = {e: s for s, e2 in whole for e in range(s + 1, e2)}
        ends = sorted({e for _, _, e in content if e not in cut or (cut[e], e) in parts})
        terms: list[KeyTerm] = []
        covered = [False] * len(folded)
        stretches: dict[tuple[int, int], KeyTerm | None] = {}  # named stretches by span
        places = [(m.start, m.end) for m in self.places.find(folded)]
        for start in starts:
            if covered[start]:
                continue
            lo, hi = bisect.bisect_left(ends, start + 2), bisect.bisect_right(ends, start + 12)
            window = ends[lo:hi]
            best = next(
                (
                    e
                    for e in reversed(window)
                    if self.named(folded[start:e])
                    and not self._all_generic(content, start, e)
                    and not dangling(folded[start:e], self.tokenizer)
                ),
                None,
            )
            if best is not None:
                word = folded[start:best]
                stretches[start, best] = None
                if not any(ps <= start and best <= pe for ps, pe in places):  # 六盘, not 黑山羊
                    stretches[start, best] = self._term(word, ((word, 1.0),), background)
                covered[start:best] = [True] * (best - start)
        for key, stand_ins in self._thesaurus_in(folded, covered, stretches):
            term = self._term(key, ((key, 1.0), *((w, STAND_IN) for w in stand_ins)), background)
            terms.append(term)
        terms[:0] = [t for t in stretches.values() if t is not None]
        unnamed: list[str] = []
        for word, s, e in content:
            if any(covered[s:e]) or self.generic(word) or e - s < 2:
                continue
            stand_ins = [w for w in self._stand_ins(word) if self.named(w)]
            if stand_ins:
                forms = ((word, 1.0), *((w, STAND_IN) for w in stand_ins))
                terms.append(self._term(word, forms, background))
            elif not (
                background
                or fragment(word, self.tokenizer)
                or self.common(word)
                or word in self.words["about"]
                or counted(word)
                or any(ps <= s and e <= pe for ps, pe in places)  # 曲靖: where, not what
                or any(word in u or u in word for u in unnamed)
            ):
                unnamed.append(word)
            covered[s:e] = [True] * (e - s)
        return terms, unnamed

    def _all_generic(self, content: list[tuple[str, int, int]], start: int, end: int) -> bool:
        """Is the stretch only words every project uses (重点开展, 建设完善)?"""
        inside = [w for w, s, e in content if start <= s and e <= end]
        return bool(inside) and all(self.generic(w) for w in inside)

    def _stand_ins(self, word: str) -> list[str]:
        """The thesaurus's terms for a Chinese word; the glossary's for a Latin one (UAV)."""
        if re.fullmatch(r"[a-z0-9&\-]+", word):
            return [
                t for _, renderings in self.expander.english_phrases(word)[0] for t in renderings
            ]
        return self.expander.synonyms(word)

    def _thesaurus_in(
        self,
        folded: str,
        covered: list[bool],
        stretches: dict[tuple[int, int], KeyTerm | None],
    ) -> list[tuple[str, list[str]]]:
        """Thesaurus words inside the sentence that jieba does not cut out (血管纹路; 查新 of
        做查新, which jieba cuts 做查 | 新), with their named stand-ins; marks them covered.

        A thesaurus word takes the place of the shorter named stretches inside it (工厂化育苗
        over 育苗: the enterprise's phrase for 集约化育苗 says more than its last word); a
        named stretch that reaches beyond it (a longer term of the plan) keeps its place.
        """
        found = []
        taken = [False] * len(folded)
        for key, terms in self.expander.chinese_entries():
            at = folded.find(key)
            end = at + len(key)
            if len(key) < 2 or at < 0 or any(taken[at:end]):
                continue
            inside = [(s, e) for s, e in stretches if s < end and at < e]
            if any(s < at or e > end or e - s >= len(key) for s, e in inside):
                continue
            stand_ins = [t for t in terms if self.named(t)]
            if stand_ins:
                found.append((key, stand_ins))
                for span in inside:
                    del stretches[span]
                covered[at:end] = taken[at:end] = [True] * len(key)
        return found

    def _term(self, word: str, forms: tuple[tuple[str, float], ...], background: bool) -> KeyTerm:
        common = self.common(word)
        noun = not common or self.tokenizer.is_noun(word)
        return KeyTerm(word, forms, background, common, noun, compound=self.unknown_compound(word))

    def _named_parts(self, phrase: str, renderings: list[str]) -> list[tuple[str, list[str]]]:
        """The phrase, or — when the documents name none of its renderings — its words
        that they do name: a longer phrase (industrial robot: 工业机器人) must not hide a
        shorter one the plan says (robot: 机器人)."""
        if " " not in phrase or any(self.named(r) for r in renderings):
            return [(phrase, renderings)]
        entries = self.expander.glossary.entries
        words = [(w, entries.get((w,), [])) for w in phrase.split()]
        named = [(w, r) for w, r in words if any(self.named(t) for t in r)]
        return named or [(phrase, renderings)]

    def _english(
        self, sentence: str, background: bool, names: frozenset[str] = frozenset()
    ) -> tuple[list[KeyTerm], list[str]]:
        """Glossary phrases whose renderings the documents name; other content words."""
        phrases, unknown = self.expander.english_phrases(sentence)
        terms: list[KeyTerm] = []
        unnamed: list[str] = []
        for phrase, renderings in (p for pair in phrases for p in self._named_parts(*pair)):
            if fold(phrase) in self.words["generic"]:
                continue  # smart, data, platform: said of every project
            places = self.places.find(phrase)
            if any(m.end - m.start >= len(phrase) and m.region.level != "county" for m in places):
                continue  # Liupanshui, Guizhou: where, not what (a county's name may be a word)
            named = [r for r in renderings if self.named(r)]
            if named:
                common = (  # one word that general Chinese renders commonly (smart: 智能)
                    any(self.common(r) for r in renderings)
                    if " " not in phrase
                    else all(self.common(r) for r in named)
                )
                compound = any(self.tokenizer.general_frequency(r) == 0 for r in named)
                forms = tuple((r, 1.0) for r in named)
                terms.append(KeyTerm(phrase, forms, background, common, compound=compound))
            elif not (
                self.generic(phrase)
                or phrase in self.words["filler"]  # around (周围): a glossary word, no term
                or all(self.generic(r) for r in renderings)
            ):
                unnamed.append(phrase)
        stop = set().union(*self.words.values()) | names  # Westgate, Summit: names
        if not background:
            unnamed += [
                w for w in unknown if w not in stop and self.tokenizer.tokens(w) and not w.isdigit()
            ]
        return terms, list(dict.fromkeys(unnamed))
