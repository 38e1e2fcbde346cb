"""Consumer venues a project runs: a restaurant, a salon, a gym, a shop in a mall.

A science and technology plan names technologies, industries and their use; it does not
make places that serve consumers a priority, however much technology they use (a
robot-themed restaurant, a 5G phone shop, a "smart" pet salon). The words that tempt a
match there (机器人, 5G, 氢) say what the venue buys or sells, not what the project does;
:class:`~kb.fit.FitChecker` judges such a project ``no_fit`` unless the document names
the service itself in a priority item.

A venue counts only as the project's own business: not where it sells (卖给超市,
supplying restaurants), not a side line (顺带开便利店), and not at a place visitors come to
(景区, tourism), which plans do make a priority. The words are the ``venue`` and
``visitor`` kinds of ``kb/data/project_words.tsv``.

Example::

    venues("在商场开一家火锅店，用机器人送餐", project_words())   # ['火锅店']
    venues("我们生产铝箔餐盒，卖给餐厅和外卖商家", project_words())  # []
"""

from __future__ import annotations

import re

from kb.description import find, others_aside, said, side_lines
from kb.tokenize import fold

__all__ = ["venues"]

#: Said just before a venue word, it names the project's customers (卖给超市, 为酒店,
#: supplying restaurants, for salons such as …; not the "to" of "plan to open"), not its
#: business — unless a 的 makes the venue what is described (面向单身青年的婚恋平台).
_CUSTOMER = re.compile(
    r"(?:面向|客户|用户|服务于|给|为"
    r"|\bto\b(?!\s+(?:open|run|start|set up|launch|operate|add|expand)\b)|\bfor\b"
    r"|\bsuppl(?:y|ies|ying)\b|\bserv(?:e|es|ing)\b|\bcustomers\b"
    r"|\bclients\b|\bsuch as\b|\blike\b|\bincluding\b)[^。；;!?！？的]{0,36}$"
)
#: A verb that hands goods over (卖给, 供货): what follows is its buyer even past a 的
#: (卖给重庆、贵阳的餐馆和超市).
_BUYER = re.compile(r"(?:卖给|售给|销往|供应|供货|配送|送到|送给)[^。；;!?！？]{0,36}$")
#: Said earlier in the venue's clause, it makes the venue a side line (站内同时配套便利店,
#: 另有家政业务, an orchard with a farm café, we also run a shop).
_SIDE = re.compile(
    r"顺带|兼做|兼营|附带|另外|另有|另设|同时|配套|也|还|\balso\b|\bside\b|\bplus\b|\bwith\b"
)
#: Said before a visitor word, it makes the visitors the project's customers, not its place.
_AIMED = re.compile(r"(?:\baim(?:ed|s|ing)? at\b|\btarget(?:ed|ing|s)?\b)[^.;!?]{0,60}$")
#: Said after a visitor word (深受…游客欢迎) or before it (popular with tourists), it says
#: the visitors like the venue: they are its customers, not the place it stands in.
_LIKED = re.compile(r"[^，,。；;]{0,4}?(?:欢迎|喜爱|青睐|好评|喜欢)")
_LIKED_BY = re.compile(r"\b(?:popular with|loved by|favou?red by|liked by)\b[^.;,]{0,30}$")
#: A sentence on what the project brings others (带动装修、家政等行业就业): their trades.
_IMPACT = re.compile(r"带动|拉动|辐射|\bcreat\w* jobs\b|\bjobs for\b")
_CLAUSE = re.compile(r"[，,：:]")
#: Said right before a venue word, it makes the word a research service's (R&D
#: matchmaking, 科技婚介 is no 婚介), not a consumer venue.
_RESEARCH = re.compile(r"(?:\br&d|\bresearch|\btechnology|\btech|科技|技术|研发)[\s-]*$")
#: A place a project opens to serve visitors, named by its kind (开一家酸奶吧, 开了个室内射箭馆,
#: 开一家手工皂工作室): a venue whatever its words — unless they say research or making
#: (开一家工业设计工作室).
_OPENS = re.compile(
    r"(?:开|办|经营)(?:了|起)?(?:一|两|三|几|\d+)?(?:家|个|间|座|处)"
    r"([^，,。；;：:、“”\"的]{1,8}?(?:馆|吧|会所|俱乐部|工作室))"
)


def venues(text: str, words: dict[str, frozenset[str]]) -> list[str]:
    """The consumer venues a description says the project itself runs.

    :param words: :func:`kb.description.project_words` (its ``venue`` and ``visitor``).
    :returns: the venue words (the longest where they overlap: nail salon, not salon),
        sentence by sentence; empty at a place visitors come to.
    """
    folded = others_aside(fold(text))  # business owners (two restaurant chains): theirs
    lines = side_lines(folded)
    if any(_visits(w, lines) for w in words["visitor"]):
        return []
    found: dict[str, None] = {}
    longest_first = sorted(words["venue"], key=lambda w: (-len(w), w))  # nail salon, not salon
    for sentence, side in lines:
        if side or _IMPACT.search(sentence):
            continue
        for opened in _OPENS.finditer(sentence):  # 开一家酸奶吧: its kind says a venue
            place = opened.group(1)
            if not said(words["make"], place, False) and _runs(sentence[: opened.start()]):
                found.setdefault(place)
        taken: list[tuple[int, int]] = []  # spans of the venues found in this sentence
        for word in longest_first:
            at = _find(word, sentence)
            if at < 0 or any(a <= at < b for a, b in taken):
                continue
            taken.append((at, at + len(word)))
            if _runs(sentence[:at]) and not _RESEARCH.search(sentence[:at]):
                found.setdefault(word)
    return list(found)


def _runs(before: str) -> bool:
    """Does the project itself run the venue said after ``before``: neither its
    customers (卖给超市) nor a side line of its clause (站内同时配套便利店)?"""
    if _CUSTOMER.search(before) or _BUYER.search(before):
        return False
    return not _SIDE.search(_CLAUSE.split(before)[-1])


def _find(word: str, sentence: str) -> int:
    """Where ``word`` stands in the sentence (:func:`kb.description.find`), else -1."""
    return (find(word, sentence) or (-1, -1))[0]


def _visits(word: str, lines: list[tuple[str, bool]]) -> bool:
    """Is a visitor word said of where the project is, not only of whom it is aimed at
    (a sauna aimed at office workers and weekend visitors: its customers)?

    :param lines: the description's sentences (:func:`kb.description.side_lines`).
    """
    for sentence, _ in lines:
        at = _find(word, sentence)
        if at < 0 or _AIMED.search(sentence[:at]):
            continue
        if _LIKED.match(sentence, at + len(word)) or _LIKED_BY.search(sentence[:at]):
            continue  # 深受外地游客欢迎, popular with tourists: its customers' taste
        return True
    return False
