"""Project fit on the real plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb import BadQuery, KnowledgeBase

CASES = [
    ("我们计划研发煤矿井下巡检机器人", "fit", ["智能巡检机器人"]),
    ("建设猕猴桃智慧果园物联网监测平台", "fit", ["猕猴桃智慧化种植基地物联网"]),
    ("Producing high-purity manganese sulfate from low-grade manganese ore", "fit", ["高纯硫酸锰"]),
    ("做一个区块链溯源平台服务本地农产品", "partial", []),
    ("开设一家宠物用品网店", "no_fit", []),
    ("举办明星演唱会", "no_fit", []),
    ("在本市开一家火锅店", "no_fit", []),
]


@pytest.mark.parametrize(("text", "verdict", "anchors"), CASES)
def test_fit_verdicts_and_matches(
    plan_kb: KnowledgeBase, text: str, verdict: str, anchors: list
) -> None:
    report = plan_kb.fit(text)
    assert report.verdict == verdict, report.reason
    for anchor in anchors:
        assert any(anchor in m.text for m in report.matches)
    if verdict == "no_fit":
        assert report.matches == [] and report.measures == []


def test_dev_fit_cases(plan_kb: KnowledgeBase, shared_dir: Path) -> None:
    """The shared development set: verdict right and every anchor in the first five
    matches. Today's floor is 28 of 32 (the fit issue raises it)."""
    lines = (shared_dir / "eval" / "dev_fit.jsonl").read_text("utf-8").splitlines()
    cases = [json.loads(line) for line in lines if line.strip()]
    wrong = []
    for case in cases:
        report = plan_kb.fit(case["text"])
        top = report.matches[:5]
        anchored = all(any(a in m.text for m in top) for a in case["anchors"])
        if report.verdict != case["expect"] or not anchored:
            wrong.append((case["id"], report.verdict, round(report.score, 2)))
    assert len(cases) >= 32
    assert len(cases) - len(wrong) >= 28, wrong


def test_fit_lists_support_measures_from_the_measures_chapters(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit("我们计划研发煤矿井下巡检机器人")
    labels = {m.label for m in report.measures}
    assert {"研发费用加计扣除与税收优惠", "研发投入后补助", "科技银行与科技贷款"} <= labels
    assert all(m.section[0][:3] in ("第五章", "第六章", "第七章") for m in report.measures)
    assert any("加计扣除" in m.text for m in report.measures)


def test_fit_quotes_exact_spans(plan_kb: KnowledgeBase) -> None:
    report = plan_kb.fit("建设猕猴桃智慧果园物联网监测平台")
    for m in [*report.matches, *report.measures]:
        assert plan_kb.sources[m.doc][m.start : m.end] == m.text


def test_long_description_is_read_to_the_end(plan_kb: KnowledgeBase) -> None:
    filler = "我们公司成立于二〇一五年，团队有五十人，主要客户在西南地区。" * 170
    text = filler + "今年计划研发煤矿井下巡检机器人。"
    assert len(text) > 5000
    report = plan_kb.fit(text)
    assert report.verdict == "fit"
    assert report.sentences >= 500
    assert report.text == text


def test_fit_json_shape(plan_kb: KnowledgeBase) -> None:
    out = plan_kb.fit("建设猕猴桃智慧果园物联网监测平台").to_dict()
    assert set(out) == {"text", "verdict", "reason", "score", "matches", "measures"}
    assert {"id", "doc", "section", "text", "score"} <= set(out["matches"][0])


@pytest.mark.parametrize(
    ("text", "match"), [("", "empty"), ("？？！", "empty"), ("氢" * 30_000, "30,000")]
)
def test_bad_description_raises(plan_kb: KnowledgeBase, text: str, match: str) -> None:
    with pytest.raises(BadQuery, match=match):
        plan_kb.fit(text)
