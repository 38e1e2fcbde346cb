"""China's administrative divisions, and the places a text names.

The gazetteer is data (``kb/data/regions.tsv``, built from the ``cpca`` package's
administrative codes by ``tools/build_regions.py``): every province, prefecture-level
city and county, with its parent, its English name, its short name (甘肃 of 甘肃省), its
one-character abbreviation (陇, 鲁) and a few nicknames (凉都). A text names a region
by any of these; a one-character abbreviation only standing apart ("冀 2024年粮食总产量",
"湘去年粮食产量": not next to another abbreviation, as in 京津冀, nor part of a word,
as in 晋升 or 鲁菜馆), and a county only by a name distinctive enough not to be a common
word.

Example::

    gazetteer = Gazetteer.load()
    [(m.region.name, m.text) for m in gazetteer.find("兰州中川机场旅客吞吐量")]
    # [('兰州市', '兰州')]
    gazetteer.province(gazetteer.by_name["兰州市"]).name     # '甘肃省'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Gazetteer", "Mention", "Region"]

LEVELS = {"province": "省", "city": "市", "county": "县"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
# English words that are also a county's romanization (裕安区 "Yuan"): money, not a place.
_ENGLISH_WORDS = frozenset({"yuan"})
# One-character abbreviations that mean little else in today's Chinese: beside other
# characters they still name their province unless they make a word with them (湘去年,
# 冀研发). The others are everyday characters too (云 cloud, 新 new, 京, 青, 台 …) and name
# a province only standing alone.
_DISTINCTIVE = frozenset("冀陇琼陕赣皖浙滇闽豫粤黔渝晋鲁川湘鄂沪桂辽苏")


@dataclass(frozen=True)
class Region:
    """One administrative division.

    :param level: ``province``, ``city`` or ``county``.
    :param parent: the code of the city or province it belongs to ("" for a province).
    :param names: every name it goes by, the full one first.
    """

    code: str
    name: str
    level: str
    parent: str
    english: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """A region named in a text: the words used and where."""

    region: Region
    text: str
    start: int
    end: int


@cache
def _rows() -> tuple[tuple[str, ...], ...]:
    text = resources.files("kb").joinpath("data", "regions.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return tuple(tuple(ln.split("\t")) for ln in lines[1:])


class Gazetteer:
    """Regions by code and by name, and the places a text names."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self.by_code = {r.code: r for r in regions}
        self.by_name = {r.name: r for r in self.by_code.values()}

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer shipped in ``kb/data/regions.tsv``."""
        regions = []
        for code, name, level, parent, english, names in _rows():
            extra = [n for n in names.split("|") if n]
            regions.append(
                Region(code, name, level, parent, tuple(english.split("|")), (name, *extra))
            )
        return cls(regions)

    def parent(self, region: Region) -> Region | None:
        return self.by_code.get(region.parent)

    def ancestors(self, region: Region) -> list[Region]:
        """Its city and province, nearest first."""
        found, current = [], self.parent(region)
        while current is not None:
            found.append(current)
            current = self.parent(current)
        return found

    def province(self, region: Region) -> Region:
        return ([region, *self.ancestors(region)])[-1]

    def within(self, inner: Region, outer: Region) -> bool:
        """Is ``inner`` the same region as ``outer`` or inside it?"""
        return inner.code == outer.code or outer in self.ancestors(inner)

    def matcher(
        self,
        regions: Iterable[Region] | None = None,
        common: frozenset[str] = frozenset(),
        word: Callable[[str], str | None] | None = None,
        cut: Callable[[str], list[tuple[str, int, int]]] | None = None,
    ) -> RegionMatcher:
        """A matcher for these regions' names (default: every region), built once.

        :param common: words that, alone, are too common to name a county.
        :param word: a string's part-of-speech tag if it is a word of the dictionary
            (jieba's), else ``None``. With it, a distinctive one-character abbreviation
            beside other Chinese characters names its province unless it forms a word
            with them (湘去年 → Hunan; 晋升, 鲁迅 → nothing) — or starts a place word (皖南,
            陇东, 湘江 → the province); without it, only an abbreviation with no Chinese
            neighbour does.
        :param cut: a text's words with their spans (the tokenizer's segmentation): with
            it, a two-character name two words straddle is none (安新 of 雄安新区).
        """
        names: dict[str, list[Region]] = {}
        provinces = {  # Xinjiang is the region, not 新绛县 of Shanxi, whichever are indexed
            e.lower() for r in self.by_code.values() if r.level == "province" for e in r.english
        }
        for region in self.by_code.values() if regions is None else regions:
            for name in region.names:
                county_short = region.level == "county" and name != region.name
                if not (county_short and (len(name) < 2 or name in common)):
                    names.setdefault(name.lower(), []).append(region)
            for english in region.english:
                lower = english.lower()
                other = region.level != "province" and lower in provinces
                if len(english) > 3 and lower not in _ENGLISH_WORDS and not other:
                    names.setdefault(lower, []).append(region)
        rank = {"province": 0, "city": 1, "county": 2}  # Hebei is the province, not 河北区
        return RegionMatcher(
            {n: sorted(rs, key=lambda r: rank[r.level]) for n, rs in names.items()}, word, cut
        )

    def find(self, text: str) -> list[Mention]:
        """The regions ``text`` names (see :class:`RegionMatcher`)."""
        return self.matcher().find(text)


class RegionMatcher:
    """Finds names of a set of regions in texts: longest first, none overlapping; a
    one-character abbreviation only standing apart, English names as whole words (a
    county's only capitalised: its pinyin may be a word)."""

    def __init__(
        self,
        names: dict[str, list[Region]],
        word: Callable[[str], str | None] | None = None,
        cut: Callable[[str], list[tuple[str, int, int]]] | None = None,
    ) -> None:
        self.names = names
        self.word = word
        self.cut = cut
        self.abbreviations = frozenset(n for n in names if len(n) == 1)
        self.longest = max((len(n) for n in names), default=1)
        self.english = {n for n in names if not _CJK.search(n)}
        self.words = max((len(n.split()) for n in self.english), default=1)

    def find(self, text: str) -> list[Mention]:
        lowered = text.lower()
        found: list[Mention] = []
        i = 0
        while i < len(lowered):
            hit = next(
                (
                    lowered[i : i + n]
                    for n in range(min(self.longest, len(lowered) - i), 0, -1)
                    if lowered[i : i + n] in self.names
                    and _CJK.match(lowered[i])
                    and (self._apart(lowered, i) if n == 1 else self._whole(lowered, i, n))
                ),
                None,
            )
            if hit is None:
                i += 1
                continue
            found.append(Mention(self.names[hit][0], text[i : i + len(hit)], i, i + len(hit)))
            i += len(hit)
        words = [(m.group(), m.start()) for m in re.finditer(r"[a-z][a-z\-]*", lowered)]
        for j in range(len(words)):
            for n in range(min(self.words, len(words) - j), 0, -1):
                phrase = " ".join(w for w, _ in words[j : j + n])
                if phrase in self.english:
                    start = words[j][1]
                    region = self.names[phrase][0]
                    if region.level == "county" and not text[start].isupper():
                        continue  # a county's pinyin may be an English word: Yuan, yuan
                    found.append(
                        Mention(
                            region, text[start : start + len(phrase)], start, start + len(phrase)
                        )
                    )
                    break
        return sorted(found, key=lambda m: m.start)

    def _words(self, text: str, i: int, reach: int = 4) -> frozenset[tuple[int, int]]:
        """The spans (in ``text``) of the words of two characters or more the segmenter
        cuts the stretch around ``i`` into — not the whole text, which may be long —
        empty without a segmenter, or when folding changed the stretch's length."""
        if self.cut is None:
            return frozenset()
        start = max(0, i - reach)
        stretch = text[start : i + 2 + reach]
        spans = self.cut(stretch)
        if max((e for _, _, e in spans), default=0) != len(stretch):  # folding changed it
            return frozenset()
        return frozenset((start + s, start + e) for _, s, e in spans if e - s >= 2)

    def _whole(self, text: str, i: int, n: int) -> bool:
        """Is the two-character name at ``i`` a name, not the seam of two words: of two
        dictionary words (上城 of 以上城市: 以上 and 城市) or of two words the segmenter cuts
        (安新 of 雄安新区: 雄安 and 新区)? Longer names, and any without a word lookup, are."""
        if n != 2:
            return True
        words = self._words(text, i)
        cut_before = any(e == i + 1 and s < i for s, e in words)
        cut_after = any(s == i + 1 and e > i + 2 for s, e in words)
        if cut_before and cut_after:
            return False
        if self.word is None:
            return True
        before = i > 0 and self.word(text[i - 1 : i + 1]) is not None
        after = i + 2 < len(text) and self.word(text[i + 1 : i + 3]) is not None
        return not (before and after)

    def _apart(self, text: str, i: int) -> bool:
        """Does the one-character abbreviation at ``i`` stand apart from its neighbours?

        Alone; or, for a distinctive one (see ``_DISTINCTIVE``), not beside another
        abbreviation (京津冀, 川渝: a topic) and not in a word with them: 湘 of 湘去年 (湘去,
        湘去年 are no words) or of 湘西 (a place word), not 晋 of 晋升 or 鲁 of 鲁菜馆; never
        云 of 上云.
        """
        if _alone(text, i):
            return True
        if self.word is None or text[i] not in _DISTINCTIVE:
            return False
        if any(0 <= j < len(text) and text[j] in self.abbreviations for j in (i - 1, i + 1)):
            return False
        after = [text[i : i + n] for n in (2, 3, 4) if i + n <= len(text)]
        if any(self.word(s) == "ns" for s in after):
            return True  # 皖南, 陇东, 湘江: a place in the province
        stretches = ([text[i - 1 : i + 1]] if i > 0 else []) + after
        return not any(
            _CJK.fullmatch(s[0]) and _CJK.fullmatch(s[-1]) and self.word(s) is not None
            for s in stretches
        )


def _alone(text: str, i: int) -> bool:
    """Is the character at ``i`` not next to another Chinese character?"""
    before = i > 0 and bool(_CJK.match(text[i - 1]))
    after = i + 1 < len(text) and bool(_CJK.match(text[i + 1]))
    return not (before or after)
