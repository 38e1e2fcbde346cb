"""How well one figure of a clause answers a number question.

A figure gains for standing right after the question's words (中文 states "指标 + 为/达 +
数字": 累计培养高层次科技人才169人次), for the unit asked (多少亿元, 百分之几), for following
the year asked (从2015年的0.54%), for being a change exactly when a change is asked
(增加46家, 增速575%), for its tense (a report's review when last year is asked, its aims
when this year is), and for its place in a list stated 分别 — and loses for being the base
of a comparison nobody asked about (较2015年…).

Example::

    scorer = FigureScorer(NumberQuestion.parse("十三五时期向上争取资金多少亿元"), focus, words)
    clause = "“十三五”时期向上争取资金1.44亿元"
    scorer.score(clause, figures(clause)[0])  # focus: kb.coverage
"""

from __future__ import annotations

import re

from kb.coverage import FocusTerm
from kb.figure_phrases import (
    COUNT_UNIT,
    anchor,
    count_echoes,
    echo,
    respectively,
    total_asked,
)
from kb.numbers import AREA_UNIT, IN_BRACKETS, Figure, NumberQuestion, figures

__all__ = ["FigureScorer"]

# A share stated as such: 占…的68%, 比重达, 占比为.
_SHARE_BEFORE = re.compile(r"(?:占[^，。；、]{0,24}的?|比重|占比)(?:为|达到?|是)?\s*$")
_CHANGE_BEFORE = re.compile(
    r"(增加|增长|增幅|增速|提高|提升|翻|较[^，。；]{0,12}?(多|增))(?![至到])[^，。；\d]{0,4}$"
)  # 增加46家, 增幅为64.8%; not 增加至0.89% (the level it reached)
#: Figures of a list before this one (增长73.7倍、): the list shares the verb before it.
_LISTED = re.compile(r"(?:\d[\d.]*[^\d、，。；]{0,4}、)+$")
#: A figure in brackets right after another one: a part of it (44人（市级推荐培养37人）).
_BREAKDOWN = re.compile(r"\d[^\d，。；（(]{0,4}[（(][^）)\d]*$")
#: A figure's own short label (省级 of ，省级28个): from the last stop, bracket or list mark,
#: without the verb that states it; said whole by the question, the figure gains this.
_LABEL_START = re.compile(r"[，,、；;。（(〈〉：:）)]")
_OWN_VERB = re.compile(r"(?:共有|共计|累计|合计|达到|达|为|是|有|共|计|约)$")
_MIN_LABEL, _MAX_LABEL = 2, 8
_TOTAL_WORDS = "共有|共计|合计|总计|总数|累计"
#: A total a breakdown follows: 共有96个（…），国家级7个，省级28个.
_TOTAL = re.compile(rf"(?:{_TOTAL_WORDS}|各类)[^，。；\d]{{0,12}}$")
#: The words that state a total right before its figure (总量达到1.8万家, 累计建成).
_TOTAL_STATED = re.compile(rf"(?:{_TOTAL_WORDS}|总量)[^，。；\d]{{0,4}}$")
_NAMED_LABEL = 0.4
#: A comparison and what it is made with (较2015年, 比“十二五”; not 比重, 比例).
_COMPARED = re.compile(r"(?:较|比(?!重|例))(.*)$")
_ADDED = re.compile(r"新增|新建|增加|新认定")
#: A gap asked (how much faster than, 比…高多少) and said (增速比城镇居民高2.4个百分点).
_COMPARED_ASKED = re.compile(
    r"\b(?:faster|slower|more|less|higher|lower)\b(?! than\b)[^?？]*\bthan\b"  # not more than 5
    r"|比[^，。？?]{1,12}[多少高低快慢]多少",
    re.I,
)
_COMPARED_BEFORE = re.compile(r"比[^，。；\d]{1,12}[高低快慢多少](?:出|了)?$")


def _percent(figure: Figure) -> bool:
    return figure.unit in ("%", "％")


_LABEL_CREDIT = 0.1  # per top-weighted question word in a listed figure's own label
_LABEL_TIE = 0.01  # … in any figure's: breaks a tie (169人次 and 125人次 after 人才)
#: A figure of a list of labelled figures (燃气管道12609公里、供水管道2698公里): one before
#: it, or one after it.
_LIST_BEFORE = re.compile(r"\d[^\d、，,。；]{0,4}、[^\d、，,。；]{2,12}$")
_LIST_AFTER = re.compile(r"[^\d、，,。；]{0,4}、[^\d、，,。；]{2,12}\d")
#: A year the figure is said of, just before it (2015年的0.54%, 2018年底达到1320万元).
_DATED = re.compile(r"((?:19|20)\d\d)年(?:底|末|初)?[^，。；\d年]{0,8}$")
_OPENING = "“‘\"'《「『"  # a quoted name after its count: 344项“三年全面提升”项目


#: The most the words of the thing a figure counts can say of it.
_NAMED_MOST = 1.5


class FigureScorer:
    """Scores the figures of covering clauses for one question (module doc). What depends
    on the question alone — the thing it counts, its words' weights, its own phrases — is
    read once here, not once per figure.

    :param asked: the question as :class:`~kb.numbers.NumberQuestion` reads it.
    :param focus: its focus terms (:mod:`kb.coverage`); ``words``: them and their
        alternatives, as written.

    Example::

        scorer = FigureScorer(NumberQuestion.parse("十三五时期向上争取资金多少亿元"), focus, words)
        scorer.score("“十三五”时期向上争取资金1.44亿元", figure)
    """

    def __init__(self, asked: NumberQuestion, focus: list[FocusTerm], words: list[str]) -> None:
        self.asked = asked
        self.words = words
        counted = anchor(asked.text, focus)
        self.weights = {  # not the unit asked in (多少万吨): every figure stands after one
            w: f.weight * (2.0 if f is counted else 1.0)
            for f in focus
            for w in (f.word, *f.alternatives)
            if w and w != asked.unit
        }
        self.top = max(self.weights.values(), default=1.0) or 1.0
        # the words a figure's thing may chain (not a figure the question gives: 28个)
        self.chained = {w: v for w, v in self.weights.items() if not w[:1].isdigit()}
        self.names = [] if counted is None else [counted.word, *counted.alternatives]
        # what a count counts (a level's verb echoes too)
        self.echoes = count_echoes(asked.text)
        self.amount = total_asked(asked.text)  # 总数 of 国际友好城市总数达到多少对

    def score(
        self, clause: str, figure: Figure, tense: str | None = None, when: str | None = None
    ) -> float:
        """How well a figure of a covering clause answers (added to the clause's
        coverage): mostly, how much of the question the words right before it say (中文
        states "指标 + 为/达 + 数字": 累计培养高层次科技人才169人次), then its unit, change,
        tense, place in a list and year (module doc).

        :param tense: the clause's (:func:`kb.tense.section_tense`: past or ahead).
        :param when: the tense the question asks of the clause's work report
            (:func:`kb.tense.asked_tense`), when it asks for no base or target.
        """
        asked, before = self.asked, clause[: figure.start]
        score = self._said(clause, figure, before)
        phrase = re.split(r"[，,、：:；（(]", before)[-1]
        compared = _COMPARED.search(phrase)
        if compared and not _CHANGE_BEFORE.search(before):  # the base a comparison states
            if asked.asks_compared:
                score += 0.6  # 比前一个五年多了41%，那前一个五年投了多少: asked
            elif not any(w in compared.group(1) for w in self.words):
                score -= 0.4  # … which the question does not ask about
        if asked.unit:
            unit = figure.unit or "?"
            same = asked.unit_agrees(unit) or (asked.unit == "%" and figure.unit == "％")
            weight = 0.2 if asked.soft_unit else 0.4
            score += weight if same and figure.unit else (-weight if figure.unit else -0.1)
        if asked.asks_area and figure.unit:  # how large an area: 3300万亩, not 310万农户
            score += 0.3 if AREA_UNIT.search(figure.unit) else -0.2
        if asked.asks_count and re.search(r"元|%|％$", figure.unit or ""):
            score -= 0.4  # "how many models": 105款, not the 3000亿元 beside it
        if asked.asks_amount and COUNT_UNIT.fullmatch(figure.unit or ""):
            score -= 0.4  # "how much in bonds": 1969.9亿元, not the 15项 beside it
        elif asked.asks_amount and not (asked.growth or asked.asks_share) and _percent(figure):
            score -= 0.4  # "how much was invested": 1100亿元, not the 80% beside it
        elif asked.growth and not asked.unit and asked.asks_more and _percent(figure):
            score -= 0.3  # 比2015年多了多少: the 5.53亿元 added, not the 增幅 85.74%
        if asked.asks_share and _SHARE_BEFORE.search(before):
            score += 0.3  # 占全省一般公共预算支出的68%: a share, as asked
        gap = bool(_COMPARED_ASKED.search(asked.text) and _COMPARED_BEFORE.search(before))
        if gap:
            score += 0.6  # how much faster than urban: 比城镇居民高2.4个百分点, the gap
        # 分别增长73.7倍、77.5倍; a gap asked is the change asked
        is_change = gap or bool(_CHANGE_BEFORE.search(_LISTED.sub("", before)))
        # a growth asked for is never a level; a level asked for is often stated only as
        # its growth (青海的生产总值: 增长2.7%), so a change weighs less against it
        weight = 0.5 if asked.growth else 0.2
        score += weight if is_change == asked.growth else -weight
        if asked.end and re.search(r"(至|到)(?:20\d\d年的?)?[^，。；\d]{0,2}$", before):
            score += 0.4 if asked.end == "to" else -0.4  # 从60%增加至70%: the end
        elif asked.end and re.search(r"(从|由)[^，。；至到]{0,8}$", before):
            score += 0.4 if asked.end == "from" else -0.4  # … the start
        if asked.wants and tense:  # a year named (in 2024) says the tense more firmly
            weight = 0.5 if asked.years else 0.3
            score += weight if (asked.wants == "base") == (tense == "past") else -weight
        elif when and tense:  # 2024 asked of the 2025 report: its review, not its aims
            score += 0.3 if when == tense else -0.3
        if asked.asks_whole and _BREAKDOWN.search(before):
            score -= 0.4  # 44人（市级推荐培养37人）: 37 is a part of the whole asked
        elif self._names_label(before):
            score += _NAMED_LABEL  # 共有96个…，省级28个 asked of 省级…载体: the part named
        elif _TOTAL.search(before[-16:]) and any(
            self._names_label(clause[: f.start]) for f in figures(clause) if f.start > figure.end
        ):
            score -= _NAMED_LABEL  # … and not the total the parts break down
        score += respectively(clause, figure, self.words)
        score += echo(self.echoes, before)
        if self.amount and self.amount.search(before) and any(n in before for n in self.names):
            score += 0.4  # 国际友好城市4对、总数达110对: the total asked, of the thing asked
        elif self.amount is None and asked.asks_whole:
            score += self._whole(clause, before)
        return score + self._dated(figure, before)

    def _whole(self, clause: str, before: str) -> float:
        """For a whole asked (一共, in total) by a question that names no amount word of its
        own (总数 is :func:`~kb.figure_phrases.total_asked`'s): +0.4 for the total a clause
        states (总量达到1.8万家), -0.3 for what it added beside that total (新增…1200家);
        0 in a comparison, where the whole asked may be the one compared with (累计7781万元，
        较“十二五”时期5500万元), and elsewhere."""
        if _COMPARED.search(clause):
            return 0.0
        if _TOTAL_STATED.search(before):
            return 0.4
        added = _ADDED.search(re.split(r"[，,；;。]", before)[-1])
        if added and any(_TOTAL_STATED.search(clause[: f.start]) for f in figures(clause)):
            return -0.3
        return 0.0

    def _names_label(self, before: str) -> bool:
        """Does the question say the figure's own short label whole (省级 of 省级28个,
        二等奖 of 二等奖2项), and the thing it counts before it (创新创业载体共有96个…，
        省级28个): a part of a breakdown, named as asked? (市级 of 市级61个 载体 is not
        the 市级 of 市级重点实验室.)"""
        label = _OWN_VERB.sub("", _LABEL_START.split(before)[-1]).strip()
        if not _MIN_LABEL <= len(label) <= _MAX_LABEL or any(c.isdigit() for c in label):
            return False
        head = before[: -len(label)]
        if not any(n and n not in label and label not in n and n in head for n in self.names):
            return False  # the thing counted is said before it, and is not the label
        return label in self.asked.text or label in self.words

    def _said(self, clause: str, figure: Figure, before: str) -> float:
        """How near the question's words stand before the figure (the rarer the better),
        or right after it (建设839个海外仓)."""
        weights, top, names = self.weights, self.top, self.names
        near = max(
            (
                weight / top / (1.0 + (figure.start - before.rfind(w) - len(w)) / 6.0)
                for w, weight in weights.items()
                if w in before
            ),
            default=0.0,
        )
        own = re.split(r"[，,；;。]", before)[-1]  # the figure's own phrase of a list
        follows = clause[figure.end : figure.end + 1 + max(map(len, names), default=0)]
        if (
            near
            and names
            and not any(w in own or w in follows for w in names)
            and not any(w in own for w in weights)  # 省级28个: a part of it, as asked
        ):
            near *= 0.3  # 生产总值增长2.7%，城镇调查失业率5.2%: 5.2% is another indicator's
        after = clause[figure.end : figure.end + 13].lstrip(_OPENING)  # 344项“三年全面提升”
        named = max(
            (weight / top for w, weight in weights.items() if after.startswith(w)), default=0.0
        )
        # 1000万亩受污染耕地治理修复和4000万亩…风险管控: all the words it counts say it
        named = max(named, min(_NAMED_MOST, self._chain(after) / top))
        if IN_BRACKETS.search(before):  # 13项（其中：一等奖1项、二等奖2项）: its parts
            return max(near, named)
        # in a list (燃气管道12609公里、供水管道2698公里), the figure whose own label says
        # more of the question (供水 and 管道, not 管道 alone) is the one asked; elsewhere
        # its label only breaks a tie
        label = re.split(r"[，,；;。、]", before)[-1]
        listed = _LIST_BEFORE.search(before) or _LIST_AFTER.match(clause[figure.end :])
        told = sum(weight for w, weight in weights.items() if w in label) / top
        return max(near, named) + (_LABEL_CREDIT if listed else _LABEL_TIE) * told

    def _chain(self, after: str) -> float:
        """The weight of the question's words said one after another right after a figure
        (污染 + 耕地 + 治理 + 修复 of 1000万亩受污染耕地治理修复), the longest word at each
        step; a character between them that the question says with the next word (受 of
        受污染) is passed over."""
        words, at, total = self.chained, 0, 0.0
        while at < len(after):
            word = max((w for w in words if after.startswith(w, at)), key=len, default="")
            if not word and "\u4e00" <= after[at] <= "\u9fff":  # 受 of 受污染耕地, said so
                # by the question too (not 居 of 居粮食, nor a comma)
                word = max((w for w in words if after.startswith(w, at + 1)), key=len, default="")
                if word and after[at : at + 1 + len(word)] not in self.asked.text:
                    word = ""
                at += 1
            if not word:
                return total
            total, at = total + words[word], at + len(word)
        return total

    def _dated(self, figure: Figure, before: str) -> float:
        """The year asked right before the figure (+0.5; a change spans its years, so not
        for one), another year there (-0.5: 从2015年的0.54%增加至0.89% asked for 2020)."""
        asked, score = self.asked, 0.0
        for year in () if asked.growth else asked.years:
            at = before.rfind(f"{year}年")
            if at >= 0 and figure.start - at <= 12:
                score += 0.5
        if len(asked.years) == 1 and not asked.growth:
            dated = _DATED.search(before[-12:])
            if dated and dated.group(1) not in asked.years:
                score -= 0.5
        return score
