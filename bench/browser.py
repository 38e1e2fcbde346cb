"""Serving the app and opening it in a real browser, for the app benchmark and its tests.

``serve`` starts ``policykb serve`` (the CLI, as a user does) on a free local port, in
its own process group so the CLI and the Streamlit server it starts stop together;
``chromium`` launches Debian's Chromium headless through Playwright.

Example::

    with serve(Path(".policykb")) as url, chromium() as browser:
        page = browser.new_page()
        page.goto(url)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM", "FLAGS", "ROOT", "chromium", "serve"]

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(
    index: Path, env: dict[str, str] | None = None, root: Path = ROOT, timeout: float = 60
) -> Iterator[str]:
    """``policykb serve`` over ``index`` on a free port, from ``index``'s folder; yields
    the URL once the server answers.

    :param root: the source tree to serve (put first on ``PYTHONPATH``).
    :raises TimeoutError: the server did not answer within ``timeout`` seconds.
    """
    port = _free_port()
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]),
        **(env or {}),
    }
    module = "cli" if (Path(root) / "cli" / "main.py").is_file() else "kb.cli"  # older trees
    command = [sys.executable, "-m", module, "serve", "--index-dir", str(index)]
    command += ["--port", str(port), "--address", "127.0.0.1"]
    proc = subprocess.Popen(
        command,
        cwd=Path(index).parent,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"the app did not start within {timeout:.0f} s") from None
                time.sleep(0.1)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Headless Chromium (Playwright's browser object).

    :raises ImportError: Playwright is not installed (``pip install playwright``).
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
