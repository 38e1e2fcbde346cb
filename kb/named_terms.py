"""What a question asks a document to call something: the term it puts in quotes.

"规划要求财政资金发挥什么样的撬动作用？用的是哪个说法？", "…9个省级企业技术创新平台，统称为
什么？", "What four-character idiom does the plan use for …" ask for a name, not a figure
or a list of passages. Plans put their names in quotation marks (发挥财政资金“四两拨千斤”
作用; 〈“三中心·三示范”〉), so the answer leads with the quoted term of the clause that
best covers the question and quotes that clause. A term the question writes itself is
what it asks about (围绕“四新”主攻“四化”, asked of 四新), not the answer.

Like a figure written in words (一对一, 七大), the term leads as written and its value is
the number it holds (四两拨千斤: 4), if any.

Example::

    asks_name("规划用的是哪个说法？")                       # True
    quoted_terms("发挥财政资金“四两拨千斤”作用")            # [('四两拨千斤', 7, 12)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from ingest.lines import numeral_in
from kb.answer_numbers import NumberFound
from kb.clauses import CLAUSE, spans, trim
from kb.search import Hit

__all__ = ["asks_name", "given_quotes", "name_in", "quoted_terms"]

_ASKS_ZH = re.compile(
    r"(?:什么|哪个|哪一个|哪种|何种)(?:说法|提法|称呼|称号|名称|名字|叫法|成语|口号|表述)"
    r"|叫什么|称为什么|统称为?什么|简称什么|合称什么|叫做什么"
)
_ASKS_EN = re.compile(
    r"\b(?:what|which)\s+(?:(?:one|two|three|four|five|\d)-(?:character|word)\s+)?"
    r"(?:name|term|label|phrase|idiom|slogan|expression|motto|nickname|catchphrase|wording)s?\b"
    r"|\bwhat\s+(?:is|are|was|were)\s+[^?]*\bcalled\b"
    # which 'four orientations', what "two" …: the document's term for a counted kind it
    # quotes (a quote without a number word asks for passages: which 'smart city' projects)
    r"|\b(?:which|what)\s+(?:\w+\s+)?['‘\"“][^'’\"”]{0,20}"
    r"\b(?:one|two|three|four|five|six|seven)\b[^'’\"”]{0,20}['’\"”]"
    r"|\bcalled\s+what\b",
    re.I,
)
#: A quoted term: 2–12 characters in Chinese or corner quotes, no clause inside it.
_QUOTED = re.compile(r"[“「]([^“”「」，。；、：\n]{2,12})[”」]")
_QUOTE_EN = re.compile(r"['‘\"“]([^'’\"”]{2,30})['’\"”]")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
#: How many of the relevant passages, best first, are read for the clause that names it.
_PASSAGES = 5


def asks_name(question: str) -> bool:
    """Does the question ask what a document calls something (哪个说法, what idiom)?"""
    return bool(_ASKS_ZH.search(question) or _ASKS_EN.search(question))


def given_quotes(question: str) -> list[str]:
    """The phrases an English question quotes as given, not as asked: the 'two overall
    situations' of "… when the 'two overall situations' intertwine and which 'two'
    converge?" (a quote right after which or what is the one asked)."""
    return [
        m.group(1)
        for m in _QUOTE_EN.finditer(question)
        if not re.search(r"\b(?:which|what)\s+(?:\w+\s+)?$", question[: m.start()], re.I)
    ]


def quoted_terms(text: str) -> list[tuple[str, int, int]]:
    """The terms ``text`` puts in quotation marks, with their spans (quotes excluded)."""
    return [(m.group(1), m.start(1), m.end(1)) for m in _QUOTED.finditer(text)]


def _value(term: str) -> str:
    """The number a term holds (四两拨千斤: 4; 双轮驱动: 2), else the term itself."""
    numeral = numeral_in(term)
    return term if numeral is None else str(numeral)


def _nearest(clause: str, terms: list[tuple[str, int, int]], words: list[str]) -> str:
    """Of a clause's quoted terms, the one nearest the question's words (〈“三中心·三示范”〉
    beside 省级企业技术创新平台, not the “十三五” that opens the clause)."""
    said = [(m.start(), m.end()) for w in words for m in re.finditer(re.escape(w), clause)]

    def gap(term: tuple[str, int, int]) -> int:
        _, s, e = term
        return min((max(ws - e, s - we, 0) for ws, we in said), default=0)

    return min(terms, key=gap)[0]


def _number_asked(question: str) -> int | None:
    """The number an English question's quoted phrase says (which 'two' converge: 2): the
    term asked holds the same number (两个百年), not another (十三五)."""
    for quoted in _QUOTE_EN.findall(question):
        for word in re.findall(r"[a-z]+", quoted.lower()):
            if word in _NUMBER_WORDS:
                return _NUMBER_WORDS[word]
    return None


def name_in(
    question: str,
    relevant: list[Hit],
    cover: Callable[[str], float],
    words: list[str],
    given: Collection[str] = (),
    least: float = 0.0,
) -> NumberFound | None:
    """The quoted term of the clause that best covers the question, leading an answer that
    quotes the clause; ``None`` when no relevant clause quotes a term the question does
    not write itself.

    :param relevant: the passages that answer, best first.
    :param cover: how much of the question a text covers, 0–1
        (:meth:`Coverage.score <kb.coverage.Coverage.score>` of its focus).
    :param words: the question's focus words and their stand-ins, as the documents write
        them: of two quoted terms, the one nearer them is the name asked.
    :param given: the document's terms for what the question names as given (两个大局 for
        its quoted 'two overall situations', see :func:`given_quotes`): never the answer.
    :param least: the coverage a clause needs to answer at all (市长叫什么名字 is not
        answered by the “名品出晋” of a clause on brands, which says nothing of a mayor).
    """
    number = _number_asked(question)
    best: tuple[float, Hit, int, int, str] | None = None
    for rank, hit in enumerate(relevant[:_PASSAGES]):
        for start, end in spans(hit.text, CLAUSE):
            clause = hit.text[start:end]
            terms = [
                t
                for t in quoted_terms(clause)
                if t[0] not in question and t[0] not in given and number in (None, numeral_in(t[0]))
            ]
            if not terms:
                continue
            covered = cover(clause)
            if covered < least:
                continue
            score = covered - 0.02 * rank
            if best is None or score > best[0]:
                best = (score, hit, start, end, _nearest(clause, terms, words))
    if best is None:
        return None
    _, hit, start, end, term = best
    return NumberFound(
        _value(term), f"**{term}**", [(hit, *trim(hit.text, start, end))], worded=True
    )
