"""Retrieval metrics."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from kb.errors import BadQuery
from kb.evaluate import (
    evaluate,
    evaluate_documents,
    evaluate_fit,
    evaluate_numbers,
    load_queries,
    load_set,
    score_query,
)


def test_score_query_counts_recall_rank_and_reading_budget() -> None:
    texts = ["无关内容" * 80, "质子交换膜 研究", "可再生能源制氢"]
    m = score_query(texts, ["质子交换膜", "可再生能源制氢", "氢冶金"])
    assert m["recall@10"] == pytest.approx(2 / 3)
    assert m["mrr@10"] == pytest.approx(1 / 2)
    assert m["recall@300ch"] == 0.0  # the first 300 characters are all unrelated


def test_anchor_whitespace_is_ignored() -> None:
    assert score_query(["高新技术企业 达 180 家"], ["高新技术企业达180家"])["mrr@10"] == 1.0


def test_evaluate_groups_by_language() -> None:
    queries = [
        {"q": "a", "lang": "zh", "anchors": ["甲"]},
        {"q": "b", "lang": "en", "anchors": ["乙"]},
    ]
    report = evaluate(queries, lambda q, k: ["甲"] if q == "a" else ["丙"])
    assert report["zh"]["mrr@10"] == 1.0 and report["en"]["mrr@10"] == 0.0
    assert report["overall"]["n"] == 2


def test_load_queries_skips_queries_without_anchors_and_rejects_bad_lines(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text('{"q": "x", "anchors": ["甲"]}\n{"q": "y", "anchors": []}\n\n', "utf-8")
    assert [q["q"] for q in load_queries(good)] == ["x"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"q": "x", "anchors": ["甲"]}\nnot json\n', "utf-8")
    with pytest.raises(BadQuery, match=r"bad\.jsonl:2"):
        load_queries(bad)


@pytest.mark.parametrize(
    ("row", "kind"),
    [
        ({"q": "x", "anchors": ["甲"]}, "queries"),
        ({"text": "x", "expect": "fit", "anchors": []}, "fit"),
        ({"q": "x", "value": "1.8"}, "numbers"),
        ({"q": "x", "doc": "d", "anchors": []}, "documents"),
    ],
)
def test_set_kind_follows_from_the_fields(tmp_path: Path, row: dict, kind: str) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
    assert load_set(path)[0] == kind


@dataclass
class _Match:
    text: str
    id: str = "c1"


@dataclass
class _Report:
    verdict: str
    matches: list
    score: float = 0.5


def test_fit_case_is_right_only_with_verdict_and_anchor_in_the_first_five() -> None:
    cases = [
        {"text": "a", "expect": "fit", "anchors": ["膜电极"]},
        {"text": "b", "expect": "fit", "anchors": ["膜电极"]},
        {"text": "c", "expect": "no_fit", "anchors": []},
    ]
    reports = {
        "a": _Report("fit", [_Match("x")] * 5 + [_Match("膜电极")]),  # anchor sixth: wrong
        "b": _Report("fit", [_Match("质子交换膜、膜 电极")]),  # whitespace ignored: right
        "c": _Report("partial", []),
    }
    report = evaluate_fit(cases, reports.__getitem__)
    assert [r["right"] for r in report["queries"]] == [0.0, 1.0, 0.0]
    assert "in item" not in report["overall"]  # no chunk texts given: no diagnostic


def test_fit_anchor_inside_the_cited_item_but_not_its_quote_counts_only_in_item() -> None:
    cases = [{"text": "a", "expect": "fit", "anchors": ["双极板等核心技术研究；开展"]}]
    reports = {"a": _Report("fit", [_Match("开展催化剂、膜电极、双极板等核心技术研究；", "i2")])}
    chunks = {"i2": "加快突破电堆关键技术，开展催化剂、膜电极、双极板等核心技术研究；开展煤制氢"}
    report = evaluate_fit(cases, reports.__getitem__, chunk_text=chunks.__getitem__)
    assert report["overall"]["right"] == 0.0  # the quote lacks the anchor's tail
    assert report["overall"]["in item"] == 1.0  # the item it quotes holds it


@dataclass
class _Answer:
    answer: str
    value: str | None = None


def test_number_answer_is_right_when_it_leads_with_the_value() -> None:
    cases = [{"q": "a", "value": "1.8"}, {"q": "b", "value": "180"}, {"q": "c", "value": "2"}]
    answers = {
        "a": _Answer("**1.8%**（…）"),
        "b": _Answer("**1**（a list label）", value="1"),
        "c": _Answer("no number at all"),
    }
    report = evaluate_numbers(cases, answers.__getitem__)
    assert [r["right"] for r in report["queries"]] == [1.0, 0.0, 0.0]


def test_number_value_may_carry_its_unit() -> None:
    values = {"a": "2.26万亩", "b": "25%", "c": "1,670家"}
    cases = [{"q": q, "value": v} for q, v in values.items()]
    answers = {"a": _Answer("**2.26万亩**"), "b": _Answer("**2.5%**"), "c": _Answer("**1670家**")}
    report = evaluate_numbers(cases, answers.__getitem__)
    assert [r["right"] for r in report["queries"]] == [1.0, 0.0, 1.0]


def test_a_rank_in_chinese_numerals_is_a_figure() -> None:
    cases = [{"q": q, "value": "第五"} for q in "abc"]
    answers = {"a": _Answer("**第五**"), "b": _Answer("**第四**"), "c": _Answer("**五是加强**")}
    report = evaluate_numbers(cases, answers.__getitem__)
    assert [r["right"] for r in report["queries"]] == [1.0, 0.0, 0.0]  # a numeral, not prose


def test_a_year_in_chinese_numerals_is_the_same_figure_as_in_digits() -> None:
    cases = [{"q": q, "value": "二〇三五年"} for q in "ab"]
    answers = {"a": _Answer("**2035年**"), "b": _Answer("**2030年**")}
    report = evaluate_numbers(cases, answers.__getitem__)
    assert [r["right"] for r in report["queries"]] == [1.0, 0.0]


def test_a_term_that_says_its_number_in_a_word_is_a_figure(tmp_path: Path) -> None:
    """双 is two, as 两 is: a set with such a value loads (an answer must lead with 2)."""
    path = tmp_path / "numbers.jsonl"
    path.write_text('{"id": "n1", "q": "哪种模式？", "value": "双轮驱动"}\n', encoding="utf-8")
    kind, rows = load_set(path)
    cases = [*rows, {"q": "b", "value": "双轮驱动"}]
    answers = {"哪种模式？": _Answer("**2种**"), "b": _Answer("**3种**")}
    report = evaluate_numbers(cases, answers.__getitem__)
    assert kind == "numbers" and [r["right"] for r in report["queries"]] == [1.0, 0.0]


def test_a_liang_after_a_digit_is_no_second_figure() -> None:
    """四两拨千斤 holds four (两 is the weight liang), as a term answer's value says."""
    cases = [{"q": q, "value": "四两拨千斤"} for q in "ab"]
    answers = {"a": _Answer("**四两拨千斤**", "4"), "b": _Answer("**两**", "2")}
    report = evaluate_numbers(cases, answers.__getitem__)
    assert [r["right"] for r in report["queries"]] == [1.0, 0.0]


def test_number_set_with_a_value_that_holds_no_figure_raises(tmp_path: Path) -> None:
    path = tmp_path / "numbers.jsonl"
    path.write_text('{"id": "n1", "q": "多少？", "value": "很多"}\n', encoding="utf-8")
    with pytest.raises(BadQuery, match="'n1' has value '很多', which holds no figure"):
        load_set(path)


@dataclass
class _Hit:
    doc: str
    text: str


def test_named_document_must_answer_in_the_first_three() -> None:
    cases = [{"q": "a", "doc": "shandong", "anchors": ["3.5万家"]}, {"q": "b", "doc": "beijing"}]
    hits = {
        "a": [_Hit("plan", "高新技术企业"), _Hit("shandong", "高新技术企业突破3.5万家")],
        "b": [_Hit("plan", "x")] * 3 + [_Hit("beijing", "x")],
    }
    report = evaluate_documents(cases, lambda q, k: hits[q][:k])
    assert [r["right"] for r in report["queries"]] == [1.0, 0.0]
    assert report["overall"]["mrr@3"] == pytest.approx(0.25)
