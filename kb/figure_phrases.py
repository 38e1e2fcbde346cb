"""How a clause says a number question's own phrase around a figure.

Three readings the figure scorer (:mod:`kb.figure_score`) weighs: what a count counts —
the focus term nearest the question word (成长梯队里的小巨人企业有几家 → 小巨人企业);
the question's own phrase, which Chinese statistics echo right before the figure
(小巨人成长企业有多少家 → 小巨人成长企业3家); and, of a list stated 分别, the figure in the
place of the item the question names (粮食、油料、蔬菜产量分别达118.3万吨、33万吨、165万吨).

Example::

    echo(echo_phrases("小巨人成长企业有多少家？"), "培育小巨人成长企业")   # 0.5
"""

from __future__ import annotations

import re

from kb.coverage import FocusTerm
from kb.numbers import Figure, figures

__all__ = [
    "COUNT_UNIT",
    "anchor",
    "count_echoes",
    "echo",
    "echo_phrases",
    "respectively",
    "total_asked",
]

#: A list and its figures, 分别: 粮食、油料、蔬菜产量 | 分别达 (items before, in one clause).
_RESPECTIVELY = re.compile(
    r"([^，,。；;：:]+?)分别(?:为|是|达到?|增长|下降|提高|减少|占)?[^，。；\d]{0,6}"
)
_CHANGE_WORD = re.compile(r"增长|增加|增幅|增速|提高|提升|下降|减少|降低|上涨")
#: A word for how much of a thing (总数, 数量): what kind of figure, not what it counts.
_AMOUNT_WORD = re.compile(r"总数|总量|数量|总额|总计|合计|数目|个数")
#: The verb that states a figure right before it (总数达110对, 小巨人成长企业为3家).
_STATING = r"(?:为|达到?|是|有|共|计)"
_ASKING = re.compile(r"多少|几|how many|how much|what share|what percentage|what (?:is|was)", re.I)


def anchor(question: str, focus: list[FocusTerm]) -> FocusTerm | None:
    """The focus term nearest the question word: what the number counts (成长梯队里的
    小巨人企业有几家 → 小巨人企业; 培养了多少高层次科技人才 → 高层次科技人才; 经营主体总数
    达到多少户 → 经营主体, not 总数)."""
    asking = _ASKING.search(question)
    if asking is None:
        return None
    counted = [  # 增长, 总数: how, not what; 万吨 of 多少万吨: the unit, not what
        f
        for f in focus
        if not _CHANGE_WORD.fullmatch(f.word)
        and not _AMOUNT_WORD.fullmatch(f.word)
        and not _is_unit(f.word)
    ]
    placed = [(f, question.lower().find(f.word.lower())) for f in counted]
    placed = [(f, at) for f, at in placed if at >= 0]
    if not placed:
        return None
    after = sorted(((at, f) for f, at in placed if at >= asking.end()), key=lambda af: af[0])
    if after and after[0][0] - asking.end() <= 2:  # 共有多少个市级工程技术研究中心: what
        end, head = asking.end(), None  # is counted follows 多少个, its head noun last
        for at, f in after:
            if at - end > 1:
                break
            end, head = at + len(f.word), f
        return head
    return min(placed, key=lambda fa: abs(fa[1] - asking.start()))[0]


#: What a question says around its question word that is not the thing asked about.
_FILLER_AFTER = re.compile(r"(?:一共|共有|总共|合计|共|累计|都|还|已|了|有|是|为|达到?|要)+$")
#: The counters of things (3家, 15项, 169人次).
_COUNTERS = r"(?:万|亿)?(?:个|家|项|件|名|人次|人|位|所|座|条|台|套|批|户|款|对)"
#: A count asked in Chinese: 多少家, 几个, 多少人次 (not 增长多少, a level).
_COUNTED = re.compile(rf"(?:多少|几){_COUNTERS}")
#: The unit right after a question word: a counter, or a measure (多少亩).
_MEASURE = re.compile(rf"^(?:{_COUNTERS}|(?:万|亿)?(?:亩|吨|元))")
#: The unit of a count of things (15项, 3家), which no "how much" asks.
COUNT_UNIT = re.compile(_COUNTERS)
_PHRASE_END = re.compile(r"[，,。；;：:？?！!“”\"（）()、\s]")


def echo_phrases(question: str) -> tuple[str, ...]:
    """The question's own phrases for the thing asked about, before and after its question
    word (小巨人成长企业 of 小巨人成长企业有多少家; 市级工程技术研究中心 of 有多少个…): Chinese
    statistics echo them next to the figure. Phrases under three characters say nothing."""
    asking = _ASKING.search(question)
    if asking is None:
        return ()
    lead = _FILLER_AFTER.sub("", _PHRASE_END.split(question[: asking.start()])[-1])
    tail = _PHRASE_END.split(_MEASURE.sub("", question[asking.end() :]))[0]
    return tuple(p for p in (lead, tail) if len(p) >= 3)


def echo(phrases: tuple[str, ...], before: str) -> float:
    """How much of the question's phrase (:func:`echo_phrases`) ends right where the
    figure starts: 小巨人成长企业有多少家 → 小巨人成长企业3家 (+0.5), not 小巨人企业8家."""
    said = re.sub(rf"{_STATING}$", "", before.rstrip())
    best = 0.0
    for phrase in phrases:
        n = next((k for k in range(len(phrase), 2, -1) if said.endswith(phrase[-k:])), 0)
        best = max(best, 0.5 * n / len(phrase) if n >= 3 else 0.0)
    return best


def _is_unit(word: str) -> bool:
    """Is ``word`` a unit of measure (万吨, 公里), as a figure would carry it?"""
    found = figures(f"1{word}")
    return bool(found) and found[0].end == len(word) + 1 and bool(found[0].unit)


def respectively(clause: str, figure: Figure, words: list[str]) -> float:
    """Of a list stated 分别 (粮食、油料、蔬菜产量分别达118.3万吨、33万吨、165万吨), the
    figure in the place of the item the question names: +0.5, or -0.5 when the question
    names another item of the list.

    :param words: the question's focus words and their alternatives."""
    said = _RESPECTIVELY.search(clause[: figure.start])
    if said is None:
        return 0.0
    items = re.split(r"[、和及与]", said.group(1))
    place = sum(1 for f in figures(clause[said.end() : figure.start]) if f.unit == figure.unit)
    if len(items) < 2 or place >= len(items):
        return 0.0
    words = [w for w in words if w]
    last = items[-1]
    for w in sorted(words, key=len, reverse=True):  # the list's shared tail (…蔬菜产量)
        if items[-1].endswith(w) and len(items[-1]) > len(w):
            items[-1] = items[-1][: -len(w)]

    def names(item: str, word: str) -> bool:  # 粮食产量: 粮食 with the shared tail 产量
        tail = word[len(item) :]
        return word in item or bool(item and tail and word.startswith(item) and last.endswith(tail))

    named = [i for i, item in enumerate(items) if any(names(item, w) for w in words)]
    if not named or len(named) == len(items):  # none, or a word they share (产量)
        return 0.0
    return 0.5 if place in named else -0.5


def count_echoes(question: str) -> tuple[str, ...]:
    """The phrases a count question's figure may echo (:func:`echo_phrases`); none when
    it asks no count in Chinese (多少家, 几个)."""
    return echo_phrases(question) if _COUNTED.search(question) else ()


def total_asked(question: str) -> re.Pattern[str] | None:
    """The question's word for how much (总数 of 国际友好城市总数达到多少对) as a clause
    says it right before a figure (总数达110对); ``None`` when the question says none."""
    amount = _AMOUNT_WORD.search(question)
    return re.compile(rf"{amount.group()}{_STATING}?$") if amount else None
