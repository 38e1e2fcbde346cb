"""`python -m bench --store qdrant --quick`: both stores side by side, said to be local mode."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_qdrant_benchmark_reports_both_stores_in_local_mode(
    tmp_path: Path, shared_dir: Path
) -> None:
    pytest.importorskip("qdrant_client", reason="needs the qdrant extra")
    out = tmp_path / "qdrant.json"
    args = ["--store", "qdrant", "--quick", "--sizes", "2000", "--json", str(out)]
    proc = subprocess.run(
        [sys.executable, "-m", "bench", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "local mode" in proc.stdout and "not a Qdrant server" in proc.stdout
    results = json.loads(out.read_text("utf-8"))
    assert results["mode"] == "local"
    for name in ("plan", "corpus"):
        r = results[name]
        assert r["same_top10"] >= 0.95
        for store in ("embedded", "qdrant"):
            assert r[store]["hybrid_latency"]["p50_ms"] > 0
            assert r[store]["build_without_embedding_s"] > 0
    (scale,) = results["scale"]
    assert scale["n"] == 2000 and scale["qdrant"]["upload_s"] > 0 and scale["same_top10"] >= 0.9
