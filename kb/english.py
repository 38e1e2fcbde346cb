"""English phrases of a query and their Chinese renderings, from a curated glossary.

BM25 cannot match English against Chinese, so an English query is read as phrases the
glossary (``kb/data/en_zh.tsv``) knows, each rendered by the official Chinese terms. An
analyst words the same idea many ways, so a phrase is found

- in any inflection: plurals (enterprises), regular verb forms (developing, visited) and
  the irregular or derived forms listed in ``kb/data/en_forms.tsv`` (grew → grow);
- either way round an "of": "days of good air quality" is the glossary's "good air
  quality day", "value of technology contracts" its "technology contract value".

Example::

    glossary = EnglishGlossary.load()
    glossary.phrases("How many days of good air quality did Beijing have?")[0]
    # [('how many', ['多少', …]), ('good air quality day', ['空气质量优良天数', '优良天数'])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = ["EnglishGlossary", "singular", "spellings"]

_WORD = re.compile(r"[a-z0-9&\-]+")
_POSSESSIVE = re.compile(r"['’]s\b")  # the city's estates: no word "s"
#: How many words may stand on each side of an "of" that is read the other way round.
_BEFORE_OF, _AFTER_OF = 3, 4
#: A phrase of three words or more is also found with its words in another order and up
#: to this many other words among them ("government bonds did Liaoning issue" is the
#: glossary's "government bond issued"); the words below do not count as between.
_SPREAD = 2
_LINKS = frozenset({"of", "the", "a", "an", "in", "by", "for", "to", "and", "on", "'s"})
_MIN_SPREAD_WORDS = 3


def _stem(word: str) -> str:
    """A crude stem that one inflection shares with another (issued, issue → issu), for
    phrases found with their words spread."""
    for suffix in ("ing", "ed", "e"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word


def singular(word: str) -> str:
    """A plural's singular by rule (enterprises → enterprise, industries → industry; gas,
    syngas and biogas stay)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "is", "us", "gas")) and len(word) > 3:
        return word[:-1]
    return word


#: British and American spellings of one word (organisation, organization): the glossary
#: writes either, a user either; a word it lacks is looked up in the other spelling.
_SPELLINGS = (
    (re.compile(r"(?<=\w{3})is(e|ed|es|ing|er|ers|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})iz(e|ed|es|ing|er|ers|ation|ations)$"), r"is\1"),
    (re.compile(r"(?<=\w{2})ys(e|ed|es|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"(?<=\w{3})our(s|ed|ing|ful|able)?$"), r"or\1"),  # labour, harbour
    (re.compile(r"(?<=\w{2})(t|b)re(s)?$"), r"\1er\2"),  # centre, fibre, litre
    (re.compile(r"(?<=\w{2})([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),  # modelling, fuelled
    (re.compile(r"^sulph"), "sulf"),
    (re.compile(r"^aluminium"), "aluminum"),
    (re.compile(r"^programme"), "program"),
    (re.compile(r"(?<=\w{3})ence$"), "ense"),  # licence, defence
)


def spellings(word: str) -> list[str]:
    """The word in its other spellings (British ↔ American), by rule; none if no rule fits."""
    return [other for pattern, repl in _SPELLINGS if (other := pattern.sub(repl, word)) != word]


def _spread_at(words: list[str], used: list[bool], needed: frozenset[str]) -> list[int] | None:
    """Where the words ``needed`` all stand, unused, in any order, with at most
    ``_SPREAD`` other words among them (links such as "of" not counted); ``None`` if
    nowhere."""
    for start, word in enumerate(words):
        if used[start] or word not in needed:
            continue
        at: dict[str, int] = {}
        others = 0
        for j in range(start, len(words)):
            if used[j] and words[j] not in _LINKS:
                break
            if words[j] in needed and words[j] not in at and not used[j]:
                at[words[j]] = j
                if len(at) == len(needed):
                    return list(at.values())
            elif words[j] not in _LINKS:
                others += 1
                if others > _SPREAD:
                    break
    return None


@cache
def _lines(name: str) -> tuple[str, ...]:
    text = resources.files("kb").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@dataclass(frozen=True)
class EnglishGlossary:
    """English phrases (singular words) → Chinese renderings, and word forms → base.

    :param entries: phrase (a tuple of words) → its renderings.
    :param forms: an inflected or derived word → the glossary's word (grew → grow).
    """

    entries: dict[tuple[str, ...], list[str]]
    forms: dict[str, str]
    #: phrases of ``entries`` that only respell another (counselling room): looked up as
    #: written, never found spread apart
    respelled: frozenset[tuple[str, ...]] = frozenset()
    #: every word of a phrase, derived from ``entries``
    vocabulary: frozenset[str] = field(init=False)
    #: words in the longest phrase, derived from ``entries``
    longest: int = field(init=False)
    #: phrases of three words or more by length, each with its set of stems, derived from
    #: ``entries`` (the phrases that may be found reordered and apart)
    spread: dict[int, tuple[tuple[tuple[str, ...], frozenset[str]], ...]] = field(init=False)

    def __post_init__(self) -> None:
        spread: dict[int, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
        for key in self.entries:
            if key in self.respelled:
                continue
            if len(set(key)) == len(key) >= _MIN_SPREAD_WORDS and not _LINKS & set(key):
                spread.setdefault(len(key), []).append((key, frozenset(map(_stem, key))))
        derived = {
            "vocabulary": frozenset(w for key in self.entries for w in key),
            "longest": max((len(k) for k in self.entries), default=1),
            "spread": {n: tuple(v) for n, v in spread.items()},
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)  # frozen: derived once, here

    @classmethod
    def load(cls) -> EnglishGlossary:
        """The glossary shipped in ``kb/data/``: ``en_zh.tsv`` (the domain's terms),
        ``en_everyday.tsv`` (ordinary business English for the plan's items),
        ``en_documents.tsv`` (English for the distinctive terms of the other bundled
        documents: 白酒, 梅花鹿, 宅基地, 集装箱吞吐量), ``en_trade.tsv`` (the trade words of
        the plan's items: rolling mill, hog house, cross-dock), ``en_reports.tsv`` (the
        things the bundled documents count: charging pile, elderly care bed),
        ``en_figures.tsv`` (the labels of their figures: heating renovation, revitalised
        land, treat winter ills in summer) and ``en_forms.tsv``
        (irregular word forms). A phrase in several files keeps every file's renderings,
        in this order."""
        forms = {}
        for line in _lines("en_forms.tsv"):
            form, _, base = line.partition("\t")
            forms[form.strip().lower()] = base.strip().lower()
        entries: dict[tuple[str, ...], list[str]] = {}
        files = (
            "en_zh",
            "en_everyday",
            "en_documents",
            "en_trade",
            "en_measures",
            "en_reports",
            "en_figures",
        )
        for line in (ln for name in files for ln in _lines(f"{name}.tsv")):
            english, _, chinese = line.partition("\t")
            words = (singular(w) for w in _WORD.findall(english.lower()))
            key = tuple(forms.get(w, w) for w in words)
            entries.setdefault(key, []).extend(chinese.split())
        # a phrase in the other spelling too (counselling room for counseling room)
        # (each distinct word respelled once: the rules are ten regexes)
        other = {w: o for w in {w for key in entries for w in key} for o in spellings(w)}
        other.update({o: w for w, o in list(other.items())})
        respelled = set()
        for key in list(entries):
            for i, word in enumerate(key):
                if word not in other:
                    continue
                variant = (*key[:i], other[word], *key[i + 1 :])
                if variant not in entries:
                    entries[variant] = entries[key]
                    respelled.add(variant)
        return cls(entries, forms, frozenset(respelled))

    def _base(self, word: str, respell: bool = True) -> str:
        """The glossary's form of a word: listed forms, else a regular verb form's stem
        when the glossary knows it (developing → develop, produced → produce), in either
        spelling (coloured → color, when the glossary writes color; see :func:`spellings`)."""
        vocabulary = self.vocabulary
        if word in self.forms:
            return self.forms[word]
        if word in vocabulary:
            return word
        for other in spellings(word) if respell else ():  # utilisation → utilization
            if (base := self._base(other, respell=False)) in vocabulary:
                return base
        for suffix, ends in (("ing", ("", "e")), ("ed", ("", "e"))):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                stem = word[: -len(suffix)]
                for end in ends:
                    if stem + end in vocabulary:
                        return stem + end
                if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in vocabulary:
                    return stem[:-1]  # planned → plan
        return word

    def words(self, text: str) -> list[str]:
        """The text's words in the glossary's form; a hyphenated word the glossary lacks
        is split (sponge-city → sponge city), one it knows is kept (coal-bed)."""
        words: list[str] = []
        for raw in _WORD.findall(_POSSESSIVE.sub("", text.lower())):
            whole = self._base(singular(raw))
            if "-" in raw.strip("-") and whole not in self.vocabulary:
                words += [self._base(singular(w)) for w in raw.split("-") if w]
            else:
                words.append(whole)
        return words

    def phrases(self, text: str) -> tuple[list[tuple[str, list[str]]], list[str]]:
        """The phrases the glossary knows, each with its renderings, in text order (longest
        first, no word used twice; "A of B" also as "B A"), and the words it does not.

        :returns: ``([(phrase, renderings), …], unknown words)``.
        """
        return self._phrases(self.words(text))

    def _phrases(self, words: list[str]) -> tuple[list[tuple[str, list[str]]], list[str]]:
        """:meth:`phrases` of words already in the glossary's form."""
        used = [False] * len(words)
        found: list[tuple[int, str, list[str]]] = []

        def take(start: int, end: int, key: tuple[str, ...]) -> None:
            used[start:end] = [True] * (end - start)
            found.append((start, " ".join(key), list(dict.fromkeys(self.entries[key]))))

        stems = [_stem(w) for w in words]  # for phrases found spread (one pass, not per n)
        for n in range(self.longest, 0, -1):
            for i in range(len(words) - n + 1):
                key = tuple(words[i : i + n])
                if key in self.entries and not any(used[i : i + n]):
                    take(i, i + n, key)
            for i, word in enumerate(words):  # "days of good air quality": n words, "of" between
                if word != "of" or used[i]:
                    continue
                for before in range(min(_BEFORE_OF, n - 1, i), 0, -1):
                    after = n - before
                    if after > _AFTER_OF or i + 1 + after > len(words):
                        continue
                    key = (*words[i + 1 : i + 1 + after], *words[i - before : i])
                    if key in self.entries and not any(used[i - before : i + 1 + after]):
                        take(i - before, i + 1 + after, key)
                        break
            spread = self.spread.get(n, ())
            free = {w for w, u in zip(stems, used, strict=True) if not u} if spread else set()
            for key, needed in spread:
                if needed <= free and (at := _spread_at(stems, used, needed)) is not None:
                    for j in at:
                        used[j] = True
                    found.append((min(at), " ".join(key), list(dict.fromkeys(self.entries[key]))))
                    free = {w for w, u in zip(stems, used, strict=True) if not u}
        unknown = [w for w, u in zip(words, used, strict=True) if not u]
        return [(phrase, terms) for _, phrase, terms in sorted(found)], unknown

    def renderings(self, text: str) -> list[str]:
        """The renderings of every phrase in the text, shorter ones inside longer ones
        too, longest phrases first, no duplicates."""
        words = self.words(text)
        found: list[str] = []
        said = " " + " ".join(words) + " "
        reordered = [(p, t) for p, t in self._phrases(words)[0] if f" {p} " not in said]
        for n in range(self.longest, 0, -1):
            for i in range(len(words) - n + 1):
                found += self.entries.get(tuple(words[i : i + n]), [])
            found += [t for p, terms in reordered if len(p.split()) == n for t in terms]
        return list(dict.fromkeys(found))
