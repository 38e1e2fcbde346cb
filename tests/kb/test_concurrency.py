"""Concurrency: one writer at a time; many readers share one loaded knowledge base."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kb import KnowledgeBase
from kb.store import IndexWriter, generation_id

OPS = [
    ("search", "氢能"),
    ("ask", "哪些氢能技术被列为重点？"),
    ("fit", "我们计划研发煤矿井下巡检机器人"),
    ("search", "tea varieties"),
    ("ask", "2025年高新技术企业目标是多少家"),
    ("search", "科技金融"),
    ("fit", "举办明星演唱会"),
    ("ask", "住房限购政策有哪些"),
    ("search", "矿井水处理"),
    ("ask", "什么是R&D经费投入强度"),
]


def _run(kb: KnowledgeBase, op: tuple[str, str]) -> object:
    kind, text = op
    if kind == "search":
        return [(h.id, round(h.score, 9)) for h in kb.search(text, k=10)]
    if kind == "ask":
        return kb.ask(text).to_dict()
    return kb.fit(text).to_dict()


def test_eight_threads_get_the_same_results_as_sequential_runs(plan_kb: KnowledgeBase) -> None:
    ops = OPS * 30  # 300 mixed queries
    expected = {op: _run(plan_kb, op) for op in OPS}
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda op: (op, _run(plan_kb, op)), ops))
    assert len(results) == 300
    mismatches = [op for op, result in results if result != expected[op]]
    assert mismatches == []


def test_second_ingest_is_refused_clearly_while_one_runs(tmp_path: Path, plan_index: Path) -> None:
    index = tmp_path / "index"
    shutil.copytree(plan_index, index)
    before = generation_id(index)
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    with IndexWriter(index):  # a first ingest holds the writer lock
        proc = subprocess.run(
            [sys.executable, "-m", "cli", "ingest", str(corpus), "--index-dir", str(index)],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "HAYSTACK_TELEMETRY_ENABLED": "False"},
        )
    assert proc.returncode == 2
    assert "another process is writing the index" in proc.stderr
    assert generation_id(index) == before
