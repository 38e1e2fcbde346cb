"""``policykb api``: a real server on a free port, and the refusals before it starts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from cli.main import build_parser, main

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(plan_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``policykb api`` in a subprocess over the plan's index; its base URL."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKB_")}
    command = ["-m", "cli", "api", "--port", str(port), "--index-dir", str(plan_index)]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, *command],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, log.read_text("utf-8")[-2000:]
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start in 120 s"
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(30)


def test_the_server_answers_healthz_and_search_over_http(server: str) -> None:
    assert httpx.get(f"{server}/healthz").json() == {"status": "ok"}
    response = httpx.post(
        f"{server}/search", json={"query": "哪些氢能技术被列为重点？", "k": 3}, timeout=60
    )
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "哪些氢能技术被列为重点？" and len(body["results"]) == 3
    assert "氢" in body["results"][0]["text"]


def test_the_server_becomes_ready(server: str) -> None:
    deadline = time.monotonic() + 60
    while httpx.get(f"{server}/readyz").status_code != 200:
        assert time.monotonic() < deadline
        time.sleep(0.2)


def test_the_server_refuses_a_large_streamed_body_over_http(server: str) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(2048):  # 2 MiB without a Content-Length, over the 1 MiB default
            yield b" " * 1024

    response = httpx.post(
        f"{server}/search", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "limit is 1,048,576 bytes" in response.json()["error"]


def test_a_missing_index_stops_the_start_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["api", "--index-dir", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("policykb api: error: no index at") and "\n" not in err


def test_the_api_command_defaults_to_localhost_port_8000() -> None:
    args = build_parser().parse_args(["api"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_without_the_api_extra_the_command_says_what_to_install(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['fastapi'] = None\n"  # import fastapi → ImportError
        "from cli.main import main\n"
        f"sys.exit(main(['api', '--index-dir', {str(tmp_path)!r}]))"
    )
    result = _python(code)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == (
        "policykb api: error: the HTTP API needs its extra (fastapi is missing): "
        'pip install "policykb[api]"'
    )


def test_the_cli_and_the_core_import_no_web_framework() -> None:
    code = "import sys, cli.main; print('fastapi' in sys.modules, 'uvicorn' in sys.modules)"
    assert _python(code).stdout.split() == ["False", "False"]
