"""The benchmark's mechanics in quick mode: it runs and produces every field (not timings)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_quick_benchmark_produces_every_field(tmp_path: Path, shared_dir: Path) -> None:
    out = tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "| scale |" in proc.stdout and "| plan |" in proc.stdout
    results = json.loads(out.read_text("utf-8"))
    for name in ("plan", "corpus"):
        r = results[name]
        assert set(r["build_stages_s"]) == {"parse", "tokenize", "embed", "index", "write"}
        for key in (
            "bm25_latency",
            "dense_latency",
            "hybrid_latency",
            "ask_latency",
            "fit_latency",
        ):
            assert r[key]["p50_ms"] > 0 and r[key]["p95_ms"] >= r[key]["p50_ms"]
        assert r["serving"]["rss_mb"] > 0 and r["serving"]["torch_loaded"] is False
        assert r["serving_with_torch"]["rss_mb"] > 0
        assert r["index_mb"] > 0 and r["load_s"] > 0
        assert {"policykb", "haystack_default_same_chunks"} <= set(r["quality_mrr@10"])
    (scale,) = results["scale"]
    assert scale["n"] == 10_000 and scale["dense_index"] == "flat"
    for key in (
        "bm25_build_s",
        "chars_build_s",
        "dense_build_s",
        "disk_mb",
        "load_s",
        "serving_rss_mb",
        "build_peak_rss_mb",
    ):
        assert scale[key] > 0
    assert scale["baseline"]["hybrid_latency"]["p50_ms"] > 0
    assert results["embedding"]["use-multilingual"]["chunks_per_s"] > 0


def test_a_small_child_reports_its_own_peak_memory_not_its_large_parents() -> None:
    import numpy as np

    ballast = np.ones(400 * 1024 * 1024, dtype=np.uint8)  # the parent holds 400 MB
    child = subprocess.run(
        [sys.executable, "-c", "from bench.timing import peak_rss_mb; print(peak_rss_mb())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert float(child.stdout) < 200 < ballast.nbytes / 2**20


@pytest.mark.browser
def test_app_benchmark_reports_every_figure_from_a_real_browser(plan_index: Path) -> None:
    from tests.app.harness import require_browser

    require_browser()
    proc = subprocess.run(
        [sys.executable, "-m", "bench.app", "--runs", "1"],
        cwd=ROOT,
        env={**os.environ, "POLICYKB_INDEX_DIR": str(plan_index)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    table = [line for line in proc.stdout.splitlines() if line.startswith("| ")][1:]
    rows = dict(line.strip("|").split("|", 1) for line in table)
    assert len(rows) == 7 and any("first answer" in name for name in rows)
    for value in rows.values():
        assert re.fullmatch(r" median \d+ ms, max \d+ ms ", value)
