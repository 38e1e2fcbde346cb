"""A project description read as text: its sentences, the company names inside it, and
the words of ``kb/data/project_words.tsv`` it says.

These are the plain-text steps :class:`~kb.keyterms.KeyTerms` takes before it asks the
documents anything: where a sentence ends (。；, and in English a full stop before a
capital, not the one of "Co., Ltd."), which stretch is a company's name (旅游开发有限公司 is
a name, not an act), which sentences are about the company or a side business, and which
words of a kind a sentence says (in English whole words or their plurals: sale is not in
wholesale, shop not in workshop). How those words add up to a business is
:mod:`kb.business`.

Example::

    sentences("We resell tools. Our stores are in Guiyang.")  # two sentences
    said(project_words()["commerce"], "our stores sell tools", english=True)  # ['store', 'sell']
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from kb.tokenize import fold, is_english

__all__ = [
    "COMPANY",
    "capitalised",
    "find",
    "identity",
    "labels_aside",
    "others_aside",
    "parts",
    "places_aside",
    "project_words",
    "said",
    "sentences",
    "side_lines",
]

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


_CLAUSE = re.compile(r",(?!\d)")  # 300,000 is one number
_ASIDE = re.compile(r"[（(][^）)]*[）)]")
_ING = re.compile(r"(?<=[a-z]{3})ing\b")  # is building → build


#: An aside in brackets that says who other people are (business owners (a cement dealer,
#: two restaurant chains), 股东（一家火锅店、两家建材商）): their businesses, not the project's.
_OTHERS = re.compile(
    r"(?:\b(?:owners?|members?|partners?|shareholders?|investors?|founders?|backers?)"
    r"|老板|店主|股东|会员|成员|合伙人|业主|投资人|发起人)\s*[（(][^）)]*[）)]",
    re.I,
)


def others_aside(folded: str) -> str:
    """The folded text with its asides on other people's businesses blanked (:data:`_OTHERS`)."""
    return _OTHERS.sub(" ", folded)


#: Quoted words a business puts on its sign, not what it does: 打“智慧医疗”“5G+医疗”招牌,
#: 主打“低碳”, 号称“新材料”, “航天级新材料”的噱头.
_QUOTES = r"(?:[“\"][^”\"]{1,16}[”\"]\s*[、和与及]?\s*)+"
_SIGN = r"的?(?:招牌|噱头|卖点|理念|概念|名头|旗号)"
_LABEL = re.compile(
    rf"(?:(?:主打|号称|打(?:的是|出|着)?|挂(?:着|的是)?|宣传(?:上)?[^“\"]{{0,6}}?)\s*{_QUOTES}"
    rf"|{_QUOTES}(?={_SIGN}))(?:{_SIGN})?"
)


#: A slogan, however long (宣传口号是“新材料纳米清洗剂、人工智能识别污渍…”): a label too.
_SLOGAN = re.compile(
    r"(?:口号|标语|广告语|宣传语|slogan)\s*(?:是|为|叫)?\s*[:：]?\s*[“\"][^”\"]{1,80}[”\"]"
)


def labels_aside(text: str) -> str:
    """The text with the quoted labels a business puts on its sign blanked (:data:`_LABEL`)
    and its slogans (:data:`_SLOGAN`)."""
    return _LABEL.sub(" ", _SLOGAN.sub(" ", text))


#: Where a business stands, said by a landmark beside it (在小区门口开了一家母婴店,
#: 在体育场旁边开了个奖杯店, a shop next to the stadium) or the market it trades in
#: (在建材市场开了个灯饰店): the landmark is its address, not its trade.
_PLACE = re.compile(
    r"在[^，,。；;、在]{1,12}?(?:门口|旁边|附近|对面|隔壁|边上|楼下|周边|边)"
    r"(?=[^，,。；;]{0,3}?(?:开|办|设|租|摆|经营|有))"
    # the market or mall it trades in (在建材市场开了个灯饰店): where it stands, no trade
    r"|在[^，,。；;、在]{0,8}?(?:市场|商场|商城|古玩城|批发城|步行街|商业街|美食街|夜市|菜场)"
    r"(?:里|内)?(?=[^，,。；;]{0,3}?(?:开|办|设|租|摆|经营|有))"
    r"|\b(?:next to|opposite|across (?:the street )?from|beside) (?:the |a )?[\w' -]{1,30}?"
    r"(?=,|\.|;| and | we | where )"
    # the premises it rents (a table-tennis club in a rented warehouse): a building, no trade
    r"|\bin (?:a|an|the|our) (?:[\w-]+ ){0,2}(?:warehouse|basement|shed|garage|shopfront)s?\b",
    re.I,
)


def places_aside(text: str) -> str:
    """The text with the landmarks that only say where the business stands blanked
    (:data:`_PLACE`)."""
    return _PLACE.sub(" ", text)


#: Words that open the company's other business, outside the application (除主业外，公司还有
#: 两块与本项目无关的小业务：…; side businesses unrelated to this project): the rest of
#: their paragraph is about the company, not the project.
_SIDE_LINE = re.compile(
    r"副业|主业外|项目无关|申报无关|申请无关|申请范围|申报范围|不(?:属于|纳入|计入|列入)本次?(?:项目|申报|申请)"
    r"|\bunrelated\b|\bside[- ]?(?:business|line)|\bnothing to do with\b"
    r"|\bseparate (?:business(?:es)?|compan(?:y|ies)|operations?)\b|"
    r"\b(?:outside|not part of) (?:this|the|our) (?:application|project|scope)\b"
    r"|\boutside (?:the |our )?scope\b",
    re.I,
)


#: A sentence that opens on what the one before said (it is a separate business, 这部分
#: 收入单独核算): a side-business marker there is said of that sentence too.
_BACK = re.compile(r"(?i)^(?:it|they|this|that|these|those|which|the latter)\b|^(?:这|该|此|那|其)")


def side_lines(text: str) -> list[tuple[str, bool]]:
    """The description's sentences (:func:`sentences`), each with whether it is said of
    the company's side business: from a sentence that opens one to its paragraph's end,
    and the sentence before a marker that refers back to it ("we run a restaurant; it is
    not part of this application")."""
    out: list[tuple[str, bool]] = []
    for line in text.splitlines():
        side, start = False, len(out)
        for sentence in sentences(line):
            marks = bool(_SIDE_LINE.search(sentence))
            if marks and not side and len(out) > start and _BACK.search(sentence):
                out[-1] = (out[-1][0], True)
            side = side or marks
            out.append((sentence, side))
    return out


#: A heading over the company's profile (About us, 企业简介): the paragraph under it is the
#: company's record (Today we run a methanol plant; our honours include …), not the project.
_PROFILE = re.compile(
    r"(?i)\s*(?:[一二三四五六七八九十\d]+\s*[、.．]\s*)?(?:about us|about the company"
    r"|company (?:profile|overview|background)|企业简介|公司简介|公司概况|企业概况"
    r"|企业基本情况|公司基本情况)\s*[:：]?\s*"
)


def _profiled(text: str) -> list[bool]:
    """For each sentence of ``text`` (as :func:`side_lines` reads them): is it under a
    profile heading — the heading itself and the paragraph right after it?"""
    flags: list[bool] = []
    under = False
    for line in text.splitlines():
        found = len(sentences(line))
        heading = bool(_PROFILE.fullmatch(line))
        flags += [heading or under] * found
        if found:
            under = heading
    return flags


def parts(text: str, words: dict[str, frozenset[str]]) -> list[tuple[str, bool]]:
    """The description's sentences, each with whether it is about the company (its
    founding, staff, revenue: ``about`` words) rather than the project.

    An English sentence about the company may still say what it makes: from a clause
    that says a making word and no ``about`` word (asides in brackets aside), its
    clauses are about the project until one says an ``about`` word again — "Founded in
    2016, X (300 staff) is building a plant that gasifies coal". A Chinese sentence is
    one record (成立于…，主营…，年销售额…) and stays whole. A side business is about the
    company (:func:`side_lines`). A description that is all about the company is read
    as about the project.
    """
    lines = side_lines(text)
    pieces = [s for s, _ in lines]
    about = [
        side or profile or bool(said(words["about"], _own_staff(fold(s)), is_english(s)))
        for (s, side), profile in zip(lines, _profiled(text), strict=True)
    ]
    if all(about):
        return [(s, False) for s in pieces]
    out: list[tuple[str, bool]] = []
    for (sentence, side), background in zip(lines, about, strict=True):
        if side or not background or not is_english(sentence):  # 主营…，年销售额…: one record
            out.append((sentence, background))
            continue
        clauses, flags = _CLAUSE.split(sentence), []
        for clause in clauses:  # a clause saying neither continues the one before
            flags.append(_about_clause(clause, words, flags[-1] if flags else True))
        out += list(zip(clauses, flags, strict=True)) if not all(flags) else [(sentence, True)]
    return out


#: Staff a sentence counts as the company's: after a number or a possessive (300 staff, our
#: employees, 300 technical staff), not other people's (prison staff, hospital employees).
_STAFF = re.compile(r"([\w'-]+\s+)?([a-z-]+)\s+(?:staff|employees)\b")
_OWNER = re.compile(r"(?:our|its|their|company's|we|has|have|\d[\d,.]*)\s*$")


def _own_staff(folded: str) -> str:
    """The folded sentence with other people's staff (prison staff) blanked: who the
    project serves, not the company's record (:data:`_STAFF`)."""

    def blank(m: re.Match[str]) -> str:
        before = m.group(1) or ""
        said = m.group(2)
        if said == "the" or _OWNER.match(said) or (before and _OWNER.search(before.strip())):
            return m.group()
        return f"{before}{said} people"

    return _STAFF.sub(blank, folded)


def _about_clause(clause: str, words: dict[str, frozenset[str]], before: bool) -> bool:
    folded = _own_staff(fold(_ASIDE.sub(" ", clause)))
    if said(words["about"], folded, True):  # whole words: not the iso of advisory
        return True
    makes = said(words["make"], folded, True) or said(words["make"], _ING.sub("", folded), True)
    return before and not makes


def said(words: frozenset[str], folded: str, english: bool) -> list[str]:
    """The ``words`` a sentence says (:func:`find`); in a Chinese sentence, anywhere."""
    if not english:
        return [w for w in words if w in folded]
    spans: dict[tuple[int, int], str] = {}  # sale and sales say one word in "sales"
    for w in sorted(words):
        found = find(w, folded)
        if found:
            spans.setdefault(found, w)
    return list(spans.values())


def find(word: str, folded: str) -> tuple[int, int] | None:
    """Where a folded text says ``word``: a Chinese word anywhere; an English one as a
    whole word only (sale is not in wholesale, rent not in current, shop not in
    workshop), its plural (stores, universities) or regular past form (repaired,
    supplied), its hyphens as spaces (nail-salon: nail salon). ``None`` when it does not."""
    if not word.isascii():
        at = folded.find(word)
        return (at, at + len(word)) if at >= 0 else None
    pattern = re.escape(word).replace("\\-", "[- ]")
    if re.search(r"[^aeiou]y$", word):  # university: universities, supplied
        pattern = pattern[:-1] + "(?:y|ies|ied)"
    found = re.search(rf"(?<![a-z]){pattern}(?:e?s|ed)?(?![a-z])", folded)
    return found.span() if found else None


#: The clause a description says what the business is in (我们是个仪表维修站, we are a
#: recruitment agency): its business words count twice (:class:`~kb.keyterms.KeyTerms`).
_IDENTITY = re.compile(
    r"(?:我们|我|本公司|我公司|公司)(?:是|为)[^，,。；;：:]{1,24}|"
    r"(?:we are|we're|we run|our company is) [^,.;:]{1,60}"
)


def identity(folded: str) -> str:
    """The clause a folded sentence opens with to say what the business is, else ``""``."""
    found = _IDENTITY.match(folded.strip())
    return found.group(0) if found else ""


def capitalised(text: str) -> set[str]:
    """Words an English text capitalises inside its sentences (Westgate, Summit): a
    company's, a brand's or a place's name, not a thing the project makes."""
    names = set()
    for m in re.finditer(r"[A-Z][a-z]+", text):
        at = m.start() - 1
        while at >= 0 and text[at].isspace():  # the character before the word
            at -= 1
        if at >= 0 and text[at] not in '.!?:;\n"“(':
            names.add(m.group().lower())
    return names


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
