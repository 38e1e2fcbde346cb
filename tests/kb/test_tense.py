"""The tense of a work report's parts, and a search kept to one report that asks one."""

from __future__ import annotations

import pytest

from kb.documents import DocumentInfo
from kb.numbers import figures
from kb.search import Hit
from kb.tense import DEMOTE, asked_tense, by_tense, report_tense, section_tense, strives


def _hit(n: int, heading: str) -> Hit:
    return Hit(n, f"r:{n}", "r", "2025年某省政府工作报告", [heading], "paragraph", "…", 1.0, 0, 1)


@pytest.mark.parametrize(
    ("question", "tense"),
    [
        ("去年城镇新增就业多少人？", "past"),
        ("How many new urban jobs were created last year?", "past"),
        ("2024年粮食产量是多少", "past"),
        ("今年城镇新增就业的目标是多少", "ahead"),
        ("What is the 2025 GDP growth target?", "ahead"),
        ("2025年打算新建多少公里高速公路", "ahead"),  # the report's year, planned
        ("How many lifts are to be replaced?", "ahead"),
        ("城镇新增就业", None),
        # last year's figure given, this year's asked: the asking clause says the tense
        ("去年装了7000公里护栏，今年还要再装多少公里？", "ahead"),
        ("Last year it fitted 7000 km of guardrails; how many km this year?", "ahead"),
        ("今年的预算里，去年完成了多少？", "past"),
    ],
)
def test_a_question_asks_the_review_or_the_aims_of_a_2025_report(
    question: str, tense: str | None
) -> None:
    assert asked_tense(question, 2025) == tense


def test_sections_say_their_tense() -> None:
    assert section_tense(_hit(1, "一、2024年工作回顾")) == "past"
    assert section_tense(_hit(1, "二、2025年工作安排")) == "ahead"
    assert section_tense(_hit(1, "三、2025年重点工作")) == "ahead"
    assert section_tense(_hit(1, "附件")) is None


def test_hits_of_the_other_tense_move_down_demote_places() -> None:
    hits = [
        _hit(1, "二、2025年工作安排"),
        _hit(2, "二、2025年工作安排"),
        _hit(3, "一、2024年工作回顾"),
    ]
    hits += [_hit(n, "二、2025年工作安排") for n in range(4, 4 + DEMOTE)]
    ordered = by_tense(hits, "past", k=3)
    assert [h.id for h in ordered] == ["r:3", "r:1", "r:2"]
    assert [h.rank for h in ordered] == [1, 2, 3]


def test_only_one_work_report_is_reordered() -> None:
    files = {"path": "", "encoding": "utf-8", "format": "txt", "sha256": ""}
    report = DocumentInfo("r", "2025年某省政府工作报告", **files, kind="政府工作报告", year=2025)
    plan = DocumentInfo("p", "某市“十四五”规划", **files, kind="规划", year=2021)
    assert report_tense("去年粮食产量", [report]) == "past"
    assert report_tense("去年粮食产量", [plan]) is None
    assert report_tense("去年粮食产量", [report, report]) is None


@pytest.mark.parametrize(
    ("clause", "figure", "section", "target"),
    [
        ("力争研发投入强度达到1.8%", "1.8%", None, True),
        ("城镇新增就业60万人以上，稳定在600万人左右", "60万人", "ahead", False),  # 左右 is 600's
        ("城镇新增就业60万人以上，稳定在600万人左右", "600万人", "ahead", True),
        ("预计全市地区生产总值增长5.2%左右", "5.2%", "past", False),  # an estimate in a review
    ],
)
def test_a_figure_a_clause_strives_for_is_a_target(
    clause: str, figure: str, section: str | None, target: bool
) -> None:
    found = next(f for f in figures(clause) if f.text == figure)
    assert strives(clause, found, section) is target
