"""The API load test's mechanics: a few seconds against a real server, every field."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_short_load_test_reports_throughput_latency_errors_and_memory(
    tmp_path: Path, plan_index: Path
) -> None:
    evals = tmp_path / "eval"
    evals.mkdir()
    questions = ["哪些氢能技术被列为优先发展？", "hydrogen fuel cell"]
    (evals / "dev_queries.jsonl").write_text(
        "\n".join(json.dumps({"q": q}, ensure_ascii=False) for q in questions), "utf-8"
    )
    (evals / "dev_fit.jsonl").write_text(
        json.dumps({"text": "我们计划研发煤矿井下巡检机器人"}, ensure_ascii=False), "utf-8"
    )
    out = tmp_path / "load.json"
    argv = ["--index", str(plan_index), "--duration", "3", "--clients", "4"]
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.api_load",
            *argv,
            "--eval-dir",
            str(evals),
            "--json",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    report = json.loads(out.read_text("utf-8"))
    assert report["errors"] == 0 and report["requests"] > 0 and report["throughput_rps"] > 0
    for name in ("search", "ask", "fit"):
        endpoint = report["endpoints"][name]
        assert endpoint["n"] > 0 and endpoint["errors"] == 0
        assert 0 < endpoint["p50_ms"] <= endpoint["p95_ms"] <= endpoint["p99_ms"]
        assert report["first_pass"][name]["p50_ms"] > 0
    rss = report["server_rss_mb"]
    assert 0 < rss["ready"] <= rss["peak"] and rss["start"] > 0 and rss["end"] > 0
    assert rss["samples"]
    assert report["machine"]["cpus"] >= 1
    assert "| /search |" in proc.stdout and "req/s" in proc.stdout
