"""bench.startup's mechanics: it runs the CLI as a process and reports every figure
(no timing is asserted: speed is measured by the bench, not by tests)."""

from __future__ import annotations

from pathlib import Path

from bench import startup


def test_startup_reports_cold_and_warm_figures(plan_index: Path) -> None:
    result = {
        "cold": startup.cold_search(plan_index, runs=1),
        "warm": startup.warm_latency(plan_index, limit=5),
    }
    assert len(result["cold"]["runs_s"]) == 1 and result["cold"]["median_s"] > 0
    assert result["warm"]["n"] == 5
    for name in ("new", "repeated"):
        assert result["warm"][name]["p95_ms"] >= result["warm"][name]["p50_ms"] > 0
    table = startup.markdown(result)
    assert "cold `policykb search`" in table and "repeated queries" in table
