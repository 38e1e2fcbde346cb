"""Hostile documents through the real CLI: each kind ingests (or is refused with one
line) in time and memory linear in its size, and the index answers afterwards.

The slow suite (``make test-slow``) runs every kind at a large size and at a tenth of
it, prints wall time and peak memory per kind (the README's Reliability table), and
checks that ten times the input costs at most about ten times the time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile import make

# kind: (large size in bytes, exit code the ingest must end with)
LARGE = {
    "no_punctuation.txt": (40_000_000, 0),
    "commas_only.txt": (10_000_000, 0),
    "short_lines.txt": (2_000_000, 0),
    "short_line_blocks.txt": (2_000_000, 0),
    "headings_only.txt": (2_000_000, 2),
    "boxes_only.txt": (2_000_000, 2),
    "markdown_and_html.txt": (2_000_000, 0),
    "comments_and_entities.docx": (1_000_000, 0),
}


def _vmhwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _ingest(path: Path, index: Path) -> tuple[int, float, float, str]:
    """Run ``policykb ingest``: exit code, CPU seconds, peak MB (VmHWM), stderr.

    CPU time (user + system, from ``wait4``), not wall time, so that other work on the
    machine does not make a linear ingest look superlinear.
    """
    env = {**os.environ, "HAYSTACK_TELEMETRY_ENABLED": "False"}
    argv = [sys.executable, "-m", "cli", "ingest", str(path), "--index-dir", str(index)]
    err = path.with_suffix(".stderr")
    with err.open("wb") as fh:
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=fh)
        peak = 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _vmhwm_mb(proc.pid) or 0.0)
            time.sleep(0.1)
    code = os.waitstatus_to_exitcode(status)
    return code, usage.ru_utime + usage.ru_stime, peak, err.read_text()


def _run(tmp_path: Path, kind: str, size: int, expected: int) -> tuple[float, float]:
    path = tmp_path / f"{size}" / kind
    path.parent.mkdir()
    path.write_bytes(make(kind, size))
    code, elapsed, peak, err = _ingest(path, tmp_path / f"{size}-index")
    assert code == expected, err
    if expected == 2:
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    return elapsed, peak


@pytest.mark.parametrize("kind", list(LARGE))
def test_hostile_document_ingests_or_is_refused_in_one_line(tmp_path: Path, kind: str) -> None:
    """Small sizes, in the fast suite."""
    _, expected = LARGE[kind]
    _run(tmp_path, kind, 20_000, expected)


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(LARGE))
def test_hostile_document_costs_time_linear_in_its_size(tmp_path: Path, kind: str) -> None:
    size, expected = LARGE[kind]
    small_s, small_mb = _run(tmp_path, kind, size // 10, expected)
    large_s, large_mb = _run(tmp_path, kind, size, expected)
    print(
        f"\n| {kind} | {size / 1e6:.0f} MB | {large_s:.1f} s CPU | {large_mb:.0f} MB "
        f"| {size / 10e6:.1f} MB: {small_s:.1f} s CPU, {small_mb:.0f} MB |"
    )
    # ten times the input: at most about ten times the CPU time (process start-up and
    # model loading are fixed costs, so the ratio is usually well under ten)
    assert large_s <= 14 * small_s
