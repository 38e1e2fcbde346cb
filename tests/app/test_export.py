"""What the app copies and downloads: answers, citations, fit reports, search results."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from ui.export import (
    answer_markdown,
    citation_text,
    fit_markdown,
    hits_csv,
    lead_figure,
    targets_csv,
)

TITLE = "六盘水市“十四五”科技创新规划"


@pytest.fixture(scope="module")
def hydrogen(plan_kb):
    return plan_kb.ask("哪些氢能技术被列为重点？")


def test_answer_markdown_has_the_question_every_clause_marked_and_its_sources(hydrogen) -> None:
    text = answer_markdown(hydrogen, "zh")
    assert text.startswith("问：哪些氢能技术被列为重点？\n")
    for group in hydrogen.groups:
        for clause in group.clauses:
            assert f"{' '.join(clause.text.split())} [{clause.citation}]" in text
    for c in hydrogen.citations:
        assert f"[{c.n}] 《{TITLE}》 › {' › '.join(c.section)}" in text


def test_answer_markdown_in_english_frames_in_english(hydrogen) -> None:
    text = answer_markdown(hydrogen, "en")
    assert text.startswith("Q: ") and "**Sources**" in text and "问：" not in text


def test_number_answer_markdown_leads_with_the_figure_and_skips_the_row(plan_kb) -> None:
    answer = plan_kb.ask("2025年高新技术企业目标是多少家")
    assert lead_figure(answer) == "180家"
    row = {c.n for c in answer.citations if plan_kb.chunk(c.id).meta["kind"] == "table_row"}
    text = answer_markdown(answer, "zh", frozenset(row))
    assert "**180家** [1]" in text and "- 高新技术企业（家）" not in text


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("科技特派员团队为重点企业提供“一对几”的技术服务？", "一对一"),  # as written, not 1
        ("六盘水科技规划的指导思想坚持几个面向？", "四个"),
    ],
)
def test_a_figure_in_words_leads_as_written(plan_kb, question: str, figure: str) -> None:
    assert lead_figure(plan_kb.ask(question, generative=False)) == figure


def test_a_list_answer_has_no_figure(hydrogen) -> None:
    assert lead_figure(hydrogen) is None


def test_citation_text_is_the_words_then_where_they_are(hydrogen) -> None:
    c = hydrogen.citations[0]
    words, where = citation_text(c).split("\n—— ")
    assert words == f"“{c.text.strip()}”" and where.startswith(f"《{TITLE}》 › 第四章")


@pytest.mark.parametrize(
    ("lang", "head", "verdict"),
    [("zh", "# 项目匹配报告", "结论：符合"), ("en", "# Project fit report", "Verdict: fits")],
)
def test_fit_report_is_in_one_language_without_internal_ids(
    plan_kb, lang: str, head: str, verdict: str
) -> None:
    report = plan_kb.fit("我们计划研发煤矿井下巡检机器人")
    text = fit_markdown(report, lang, {d.doc: d.title for d in plan_kb.documents})
    assert text.startswith(head) and verdict in text
    assert all(m.id not in text for m in [*report.matches, *report.measures])
    assert ("Project fit" in text) is (lang == "en") and ("项目匹配报告" in text) is (lang == "zh")


def test_search_results_csv_opens_in_excel_with_one_row_per_hit(plan_kb) -> None:
    hits = plan_kb.search("氢能", k=5)
    data = hits_csv(hits, "zh")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["序号", "文件", "章节", "原文", "命中词"] and len(rows) == 6
    assert rows[1][:2] == ["1", TITLE] and rows[1][3] == hits[0].text


def test_targets_csv_has_one_row_per_indicator_with_both_values(plan_kb) -> None:
    rows = plan_kb.indicators()
    data = targets_csv(rows, {rows[0].doc: TITLE}, "zh").decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(data)))
    assert table[0][:5] == ["文件", "指标", "单位", "2020年完成值", "2025年目标值"]
    assert len(table) == len(rows) + 1
    intensity = next(r for r in table if r[1] == "全社会研发经费支出占地区生产总值的比重")
    assert intensity[:5] == [TITLE, intensity[1], "%", "0.89", "1.8"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "*（意思相近，未点名本项目的关键词）*"),
        ("en", "*(close in meaning; names none of its key terms)*"),
    ],
)
def test_fit_report_says_which_matches_only_come_close_in_meaning(
    plan_kb, lang: str, said: str
) -> None:
    report = plan_kb.fit("我们计划研发煤矿井下巡检机器人")
    first, *rest = report.matches
    near = replace(report, matches=[first, replace(rest[0], kind="near")])
    text = fit_markdown(near, lang, {d.doc: d.title for d in plan_kb.documents})
    assert text.count(said) == 1 and f"2. {said}" in text  # the second match only


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("我们计划研发煤矿井下巡检机器人", "**结论：符合（"),
        ("在商场开一家火锅店，用机器人送餐", "**结论：不符合**"),
    ],
)
def test_fit_report_verdict_line_is_the_screens(plan_kb, text: str, line: str) -> None:
    report = plan_kb.fit(text)
    markdown = fit_markdown(report, "zh", {d.doc: d.title for d in plan_kb.documents})
    assert line in markdown and "0.00" not in markdown  # a share only for a fit, in %
    if report.verdict == "fit":
        assert f"{report.score:.0%}）**" in markdown


def test_fit_report_lists_documents_after_the_items_as_the_screen_does(all_kb) -> None:
    report = all_kb.fit("我们计划研发煤矿井下巡检机器人")
    titles = {d.doc: d.title for d in all_kb.documents}
    markdown = fit_markdown(report, "zh", titles)
    by, items = markdown.index("\n## 各文件"), markdown.index("\n## 匹配的条目")
    assert items < by
    listed = [ln for ln in markdown[by:].splitlines() if ln.startswith("- 《")]
    assert len(listed) == sum(r.verdict != "no_fit" for r in report.documents)
    rest = len(report.documents) - len(listed)
    assert "不符合 (" not in markdown and f"其余 {rest} 份" in markdown
