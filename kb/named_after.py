"""Names that carry a place but are not about it: awards, institutions, firms, topics.

A question that names 贵州省科学技术奖, 北京理工大学, "Guizhou Hezhong Manganese" or
长江经济带 names no document of Guizhou, Beijing or the Yangtze provinces: the place is a
part of the name. :class:`kb.scope.Scoper` skips such mentions.

Example::

    text = "the technology of Guizhou Hezhong Manganese"
    named_after(text, text.index("Guizhou") + len("Guizhou"))   # True: a firm's name
    named_after("Guizhou's GDP", len("Guizhou"))                  # False
"""

from __future__ import annotations

import re

__all__ = ["named_after", "without_topics"]

# An award named after a place (贵州省科学技术奖, Guizhou Provincial Science and Technology
# Award): the place is part of the award's name, not the document asked about.
_AWARD = re.compile(
    r"(?:省|市|自治区)?(?:科学技术|科技进步|技术发明|自然科学|科技成果转化)(?:[一二三特]等)?奖"
    r"|(?:'s)?(?: provincial| province| municipal)? (?:science and technology|s&t)"
    r"(?: progress)? (?:award|prize)",
    re.I,
)
# An institution named after a place (中山大学, 北京理工大学, 上海交通大学): not the place.
_INSTITUTION = re.compile(
    r"[\u4e00-\u9fff]{0,4}(?:大学|学院|研究院|研究所|科学院|医院|银行|集团)|"
    r"(?: [A-Z][a-z]+)* (?:University|Institute|College|Academy|Hospital|Bank)\b"
)
# A firm's English name: the place, then its name in pinyin (Guizhou Hezhong Manganese,
# Liupanshui Shenghua Technology); a capitalised English word (Guizhou Government) is not.
_CAPITALISED = re.compile(r" ([A-Z][a-z]{4,})\b")
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|iao|ian|ing|ang|eng|ong|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou"
    r"|ua|ue|ui|un|uo|a|e|i|o|u|v))+"
)
#: pinyin-shaped English words (five letters or more), not a firm's pinyin
_ENGLISH = frozenset({"change", "range", "dance", "chinese", "machine"})
# Places that are part of a topic, not a document's region.
_TOPICS = re.compile(
    r"京津冀|长三角|长江三角洲|珠三角|粤港澳|成渝|长江经济带|黄河流域|东北振兴|西部大开发|"
    r"中部崛起|一带一路|川渝|黔中|滇中|关中|北部湾|海峡西岸|大湾区"
)


def without_topics(question: str) -> str:
    """The question with multi-region topics (京津冀, 长江经济带) blanked, same length."""
    return _TOPICS.sub(lambda m: " " * len(m.group()), question)


def named_after(text: str, end: int, places: frozenset[int] = frozenset()) -> bool:
    """Is the place mentioned up to ``end`` part of a longer name: an award, an
    institution, or a firm named in pinyin after it?

    :param places: where other place mentions start (Guizhou Liupanshui: a place in a
        place, not a firm).
    """
    if _AWARD.match(text, end) or _INSTITUTION.match(text, end):
        return True
    word = _CAPITALISED.match(text, end)
    return bool(
        word
        and word.start(1) not in places
        and word.group(1).lower() not in _ENGLISH
        and _PINYIN.fullmatch(word.group(1).lower())
    )
