"""The tables policykb eval prints (kb.eval_tables)."""

from __future__ import annotations

from kb.eval_tables import format_report, format_sets


def test_format_sets_puts_every_kind_in_one_table() -> None:
    rows = [{"id": "1", "lang": "zh", "right": 1.0, "verdict": 1.0, "anchors": 1.0}]
    summary = {"zh": {"n": 1, "right": 1.0, "verdict": 1.0, "anchors": 1.0}, "queries": rows}
    table = format_sets([("dev_fit", "fit", "policykb", summary)])
    assert "| dev_fit | fit | policykb | zh | 1 | right | 1.000 |" in table


def test_format_sets_shows_the_in_item_diagnostic_only_when_measured() -> None:
    summary = {"zh": {"n": 2, "right": 0.5, "verdict": 1.0, "anchors": 0.5, "in item": 1.0}}
    assert "in item 1.000" in format_sets([("u", "fit", "policykb", summary)])
    del summary["zh"]["in item"]
    assert "in item" not in format_sets([("u", "fit", "policykb", summary)])


def test_format_report_has_one_row_per_system_and_language() -> None:
    metrics = {"n": 3, "recall@10": 1.0, "mrr@10": 0.5, "recall@300ch": 0.25}
    table = format_report({"policykb-hybrid": {"zh": metrics, "queries": []}})
    assert "| policykb-hybrid | zh | 3 | 1.000 | 0.500 | 0.250 |" in table
