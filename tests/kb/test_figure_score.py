"""Scoring the figures of a clause for one number question (kb.figure_score)."""

from __future__ import annotations

import pytest

from kb.coverage import FocusTerm
from kb.figure_score import FigureScorer
from kb.numbers import NumberQuestion, figures


def _best(question: str, clause: str, focus: list[FocusTerm]) -> str:
    """The figure of ``clause`` the scorer ranks first, as written."""
    scorer = FigureScorer(
        NumberQuestion.parse(question), focus, [w for f in focus for w in (f.word, *f.alternatives)]
    )
    found = figures(clause)
    best = max(found, key=lambda f: scorer.score(clause, f, tense="past"))
    return clause[best.start : best.end]


@pytest.mark.parametrize(
    ("question", "clause", "focus", "figure"),
    [
        # the figure right after the question's words, not the one before them
        (
            "高新技术企业有多少家？",
            "全市科技型企业120家，高新技术企业54家",
            [FocusTerm("高新技术企业", 3.0)],
            "54家",
        ),
        # a change asked: the increase, not the level beside it
        (
            "向上争取资金比“十二五”多拿了多少？",
            "向上争取资金1.44亿元，较“十二五”时期增加1.07亿元",
            [FocusTerm("争取资金", 3.0)],
            "1.07亿元",
        ),
        # the year asked, not the figure dated another year
        (
            "2018年技术合同成交额是多少？",
            "技术合同成交额从2018年的1320万元增加到2020年的18.69亿元",
            [FocusTerm("技术合同成交额", 3.0)],
            "1320万元",
        ),
        (
            "2020年技术合同成交额是多少？",
            "技术合同成交额从2018年的1320万元增加到2020年的18.69亿元",
            [FocusTerm("技术合同成交额", 3.0)],
            "18.69亿元",
        ),
    ],
)
def test_the_figure_that_answers_the_question_scores_highest(
    question: str, clause: str, focus: list[FocusTerm], figure: str
) -> None:
    assert _best(question, clause, focus) == figure


def test_a_count_asked_gains_where_the_clause_echoes_the_questions_phrase() -> None:
    """小巨人成长企业有多少家 → 小巨人成长企业3家, not 小巨人企业8家 (the echo of its phrase)."""
    focus = [FocusTerm("小巨人", 3.0)]
    clause = "培育小巨人企业8家、小巨人成长企业3家"
    assert _best("小巨人成长企业有多少家？", clause, focus) == "3家"
