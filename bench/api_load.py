"""``python -m bench.api_load``: a bounded load test of ``policykb api`` on 127.0.0.1.

Starts the API in its own process (with an API key, as a deployment would), waits for
``/readyz``, sends every distinct request once (so caches are filled before memory is
measured), then runs ``--clients`` concurrent asyncio httpx clients for ``--duration``
seconds, each sending a mix of ``/search``, ``/ask`` and ``/fit`` (default 5:3:2) built
from the development questions and project descriptions. It prints and writes (``--json``)
throughput, p50/p95/p99 latency per endpoint, the error count, and the server's resident
memory (``/proc/<pid>/status``) when ready, at the start, every few seconds, and at the end.

Example::

    python -m bench.api_load                       # 16 clients, 2 minutes, the plan
    python -m bench.api_load --duration 5 --clients 4 --index .policykb
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bench.timing import percentiles

__all__ = ["main", "run_load", "server_rss_mb"]

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
PLAN = ROOT / "corpus" / "liupanshui-14th-fyp-sci-tech.txt"
ENDPOINTS = ("search", "ask", "fit")


def server_rss_mb(pid: int, field: str = "VmRSS") -> float:
    """Resident memory of process ``pid`` in MB (``VmHWM``: its peak so far)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _lines(path: Path, field: str) -> list[str]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [row[field] for row in rows]


def requests_from(eval_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """The bodies each endpoint is sent: the development questions and project texts."""
    questions = _lines(eval_dir / "dev_queries.jsonl", "q")
    return {
        "search": [{"query": q, "k": 10} for q in questions],
        "ask": [{"question": q} for q in questions],
        "fit": [{"text": t} for t in _lines(eval_dir / "dev_fit.jsonl", "text")],
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def api_server(index: Path, key: str, log: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """``policykb api`` on a free port of 127.0.0.1, stopped on exit; (base URL, process)."""
    port = _free_port()
    env = {**os.environ, "POLICYKB_API_KEY": key}
    command = ["-m", "cli", "api", "--port", str(port), "--index-dir", str(index)]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *command], cwd=ROOT, env=env, stdout=out, stderr=out
        )
    try:
        yield f"http://127.0.0.1:{port}", proc
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


async def _wait_ready(url: str, proc: subprocess.Popen, log: Path, limit: float = 300) -> float:
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=url, timeout=5) as client:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the API exited: {log.read_text('utf-8')[-1500:]}")
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            if time.perf_counter() - started > limit:
                raise RuntimeError(f"the API was not ready in {limit:.0f} s")
            await asyncio.sleep(0.2)


async def _client(
    n: int, url: str, key: str, bodies: dict[str, list[dict]], plan: list[str], until: float
) -> list[tuple[str, float, str]]:
    """One client: requests in the mix's order until ``until``; (endpoint, ms, outcome)."""
    done: list[tuple[str, float, str]] = []
    sent = dict.fromkeys(ENDPOINTS, n)  # each client starts at its own question
    async with httpx.AsyncClient(base_url=url, headers={"X-API-Key": key}, timeout=60) as client:
        i = n
        while time.perf_counter() < until:
            endpoint = plan[i % len(plan)]
            body = bodies[endpoint][sent[endpoint] % len(bodies[endpoint])]
            i, sent[endpoint] = i + 1, sent[endpoint] + 1
            started = time.perf_counter()
            try:
                status = str((await client.post(f"/{endpoint}", json=body)).status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            done.append((endpoint, (time.perf_counter() - started) * 1000, status))
    return done


async def _sample_rss(pid: int, every: float, until: float, samples: list[float]) -> None:
    while time.perf_counter() < until:
        await asyncio.sleep(min(every, max(0.0, until - time.perf_counter())))
        samples.append(round(server_rss_mb(pid), 1))


async def _first_pass(url: str, key: str, bodies: dict[str, list[dict]]) -> dict[str, dict]:
    """Every distinct body once, one at a time: latency before any cache holds the query."""
    times: dict[str, list[float]] = {endpoint: [] for endpoint in bodies}
    async with httpx.AsyncClient(base_url=url, headers={"X-API-Key": key}, timeout=120) as c:
        for endpoint, items in bodies.items():
            for body in items:
                started = time.perf_counter()
                (await c.post(f"/{endpoint}", json=body)).raise_for_status()
                times[endpoint].append((time.perf_counter() - started) * 1000)
    return {e: {k: round(v, 1) for k, v in percentiles(ms).items()} for e, ms in times.items()}


def _mix_plan(mix: dict[str, int], seed: int = 17) -> list[str]:
    plan = [endpoint for endpoint, weight in mix.items() for _ in range(weight)]
    random.Random(seed).shuffle(plan)
    return plan


async def run_load(
    url: str,
    pid: int,
    key: str,
    bodies: dict[str, list[dict]],
    clients: int,
    duration: float,
    mix: dict[str, int],
    warm_pass: bool = True,
) -> dict[str, Any]:
    """The load test proper against a running, ready server; the figures as a dict."""
    rss_ready = server_rss_mb(pid)
    first = await _first_pass(url, key, bodies) if warm_pass else {}
    rss_start = server_rss_mb(pid)
    plan = _mix_plan(mix)
    samples: list[float] = []
    started = time.perf_counter()
    until = started + duration
    runs = [_client(n, url, key, bodies, plan, until) for n in range(clients)]
    results, _ = await asyncio.gather(
        asyncio.gather(*runs), _sample_rss(pid, max(1.0, duration / 24), until, samples)
    )
    elapsed = time.perf_counter() - started
    done = [row for rows in results for row in rows]
    errors = [status for _, _, status in done if status != "200"]
    per_endpoint = {}
    for endpoint in ENDPOINTS:
        ms = sorted(t for e, t, s in done if e == endpoint and s == "200")
        p = percentiles(ms) if ms else {"p50_ms": 0.0, "p95_ms": 0.0}
        per_endpoint[endpoint] = {
            "n": sum(1 for e, _, _ in done if e == endpoint),
            "errors": sum(1 for e, _, s in done if e == endpoint and s != "200"),
            "rps": round(len(ms) / elapsed, 1),
            **{k: round(v, 1) for k, v in p.items()},
            "p99_ms": round(ms[int(0.99 * (len(ms) - 1))], 1) if ms else 0.0,
        }
    return {
        "clients": clients,
        "duration_s": round(elapsed, 1),
        "mix": mix,
        "requests": len(done),
        "throughput_rps": round(len(done) / elapsed, 1),
        "errors": len(errors),
        "error_kinds": {kind: errors.count(kind) for kind in sorted(set(errors))},
        "endpoints": per_endpoint,
        "first_pass": first,
        "server_rss_mb": {
            "ready": round(rss_ready, 1),
            "start": round(rss_start, 1),
            "end": round(server_rss_mb(pid), 1),
            "peak": round(server_rss_mb(pid, "VmHWM"), 1),
            "samples": samples,
        },
    }


def markdown(report: dict[str, Any]) -> str:
    """The report as Markdown: one row per endpoint, then totals and memory."""
    rows = [
        "| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, e in report["endpoints"].items():
        rows.append(
            f"| /{name} | {e['n']} | {e['errors']} | {e['rps']} | {e['p50_ms']} | "
            f"{e['p95_ms']} | {e['p99_ms']} |"
        )
    rss = report["server_rss_mb"]
    first = ", ".join(
        f"/{name} p50 {f['p50_ms']} / p95 {f['p95_ms']} ms"
        for name, f in report["first_pass"].items()
    )
    rows += [
        "",
        f"{report['requests']} requests in {report['duration_s']} s from {report['clients']} "
        f"clients: {report['throughput_rps']} req/s, {report['errors']} errors "
        f"{report['error_kinds'] or ''}".rstrip(),
        f"server RSS MB: ready {rss['ready']}, start {rss['start']}, end {rss['end']} "
        f"(growth {rss['end'] - rss['start']:+.1f}), peak {rss['peak']}",
        f"first pass (each body once, one at a time): {first or 'skipped'}",
        f"machine: {report['machine']['cpus']} cores, {report['machine']['platform']}, "
        f"Python {report['machine']['python']}, load average {report['machine']['loadavg']}",
    ]
    return "\n".join(rows)


def _mix(text: str) -> dict[str, int]:
    mix = {name: int(weight) for name, weight in (p.split(":") for p in text.split(","))}
    if set(mix) - set(ENDPOINTS) or not any(mix.values()):
        raise argparse.ArgumentTypeError(f"give weights of {', '.join(ENDPOINTS)}, e.g. search:5")
    return mix


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.api_load", description=__doc__)
    parser.add_argument("--index", type=Path, help="index to serve (default: build the plan's)")
    parser.add_argument("--duration", type=float, default=120.0, help="seconds (default 120)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (16)")
    parser.add_argument("--mix", type=_mix, default="search:5,ask:3,fit:2", help="weights")
    parser.add_argument("--eval-dir", type=Path, default=EVAL, help="dev_*.jsonl folder")
    parser.add_argument("--no-warm-pass", action="store_true", help="skip the first pass")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "out" / "api_load.json")
    args = parser.parse_args(argv)
    bodies = requests_from(args.eval_dir)
    with tempfile.TemporaryDirectory(prefix="policykb-api-load-") as tmp:
        index = args.index
        if index is None:
            from kb import Settings, build_index

            index = Path(tmp) / "index"
            build_index(Settings.load(env={}, index_dir=index), paths=[PLAN])
        key = secrets.token_urlsafe(24)
        log = Path(tmp) / "server.log"
        load_before = os.getloadavg()
        with api_server(index, key, log) as (url, proc):
            ready_s = asyncio.run(_wait_ready(url, proc, log))
            report = asyncio.run(
                run_load(
                    url,
                    proc.pid,
                    key,
                    bodies,
                    args.clients,
                    args.duration,
                    args.mix,
                    warm_pass=not args.no_warm_pass,
                )
            )
    report["ready_s"] = round(ready_s, 1)
    report["machine"] = {
        "cpus": os.cpu_count(),
        "platform": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        # other work on the machine meanwhile: 1-minute load average before and after
        "loadavg": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")
    print(markdown(report))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
