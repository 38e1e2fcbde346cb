"""What a question says it does not ask: asides to read past, never cues to follow.

People who know a text name the figure they do not want, to be clear, or set aside what
they do not ask before they ask (除了高新技术企业，…; apart from X, …): "2020年R&D经费投入
总量是多少？（问的是总量，**不是比2015年增加的部分**）", "technology contract turnover in
2020, **not the 2018 starting value**", "provincial-level carriers (**not national-level,
not municipal**)". Read as cues, the words of such an aside pull toward the very figure it
rules out (增加 asks a change, 2018 a year, national-level a label), so a number question
is read without them: :func:`without_exclusions` cuts each from its negation to the end of
its clause.

Example::

    without_exclusions("2020年投入多少？（问的是总量，不是比2015年增加的部分）")
    # '2020年投入多少？（总量）'
    set_aside("24家企业里，除去大学生创业企业和小巨人企业，剩下的那一类有几家？")
    # ('大学生创业企业', '小巨人企业'): the figures of these members are not the one asked
"""

from __future__ import annotations

import re

__all__ = ["set_aside", "without_exclusions"]

#: A Chinese negation that rules a reading out (不是…, 而非…, 不要答…), to its clause's end.
_ZH = re.compile(r"[，,、；;]?\s*(?:而不是|不是|而非|并非|不要答?|别答)[^，,。；;？?！!）)]*")
#: An English one: ", not …", "(not …", "rather than …", "instead of …", "as opposed to …",
#: "not the …",
#: "not this year's …" (in brackets, any "not").
_EN = re.compile(
    r"(?:[,;]\s*(?:and\s+|but\s+)?|(?<=\()\s*|\s+)"
    r"(?:not\s+(?=the\b|a\b|an\b|its\b|their\b|this\b|that\b|these\b|those\b|last\b|next\b"
    r"|\w+-level\b|\w+\s*\))|(?<=\()\s*not\b|rather\s+than\b|instead\s+of\b"
    r"|as\s+opposed\s+to\b)"
    r"[^,.;?!()]*",
    re.I,
)
_EMPTY_BRACKETS = re.compile(r"[（(]\s*[，,;；]?\s*[）)]")
#: How the asker wants the answer put (请带单位回答, 问的是…): said to the reader, of no
#: clause.
_META = re.compile(
    r"请?(?:带上?|附上?|给出|注明|标明)单位(?:回答|作答)?|请(?:直接)?(?:回答|作答)|问的是"
)
#: The Chinese words that set something aside (除了, 不算).
_ASIDE_ZH = r"(?:除了|除去|除|不算|不计|不包括)"
#: What a question sets aside before it asks (除了高新技术企业，…; 不算X，; apart from X, …),
#: to the comma that ends it.
_BESIDES = re.compile(
    rf"{_ASIDE_ZH}[^，,。；;？?]{{1,24}}?(?:以外|之外|外)?[，,]"
    r"|\b(?:apart from|besides|other than|excluding|not counting|aside from|leaving out"
    r"|leave out|setting aside|except(?:ing)? for)\b[^,.;?]{1,60},",
    re.I,
)


def without_exclusions(question: str) -> str:
    """``question`` without the asides that say what it does not ask (see the module
    docstring); the question itself when nothing is left of it."""
    plain = _BESIDES.sub(" ", _EN.sub("", _ZH.sub("", _META.sub("", question))))
    plain = re.sub(r"([（(])\s+", r"\1", plain)
    plain = _EMPTY_BRACKETS.sub("", plain)
    plain = re.sub(r"[（(]\s*[，,]\s*", lambda m: m.group(0)[0], plain)
    return plain.strip() if re.search(r"\w", plain) else question


#: A question that asks for what is left of a list once some of it is set aside
#: (剩下的那一类, 其余的).
_REMAINING = re.compile(r"剩下|剩余|其余|其他那|另外那|另一类")
#: The members set aside: 除去A、B和C，
_SET_ASIDE = re.compile(rf"{_ASIDE_ZH}([^，,。；;？?]{{2,40}}?)(?:以外|之外|外)?[，,]")


def set_aside(question: str) -> tuple[str, ...]:
    """The members of a list a question sets aside when it asks for the one that remains
    (除去大学生创业企业、小巨人成长企业和小巨人企业，剩下的那一类有几家？), else ``()``:
    the figure asked is the list's member none of them names."""
    found = _SET_ASIDE.search(question)
    if not (found and _REMAINING.search(question, found.end())):
        return ()
    return tuple(p for p in re.split(r"以及|[、和及与]", found.group(1)) if len(p) >= 2)
