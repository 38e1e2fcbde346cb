"""The faces started from the CLI: ``serve`` (the Streamlit app) and ``api`` (HTTP)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kb.errors import KBError
from kb.settings import Settings
from kb.settings_sources import rows

__all__ = ["cmd_api", "cmd_serve"]


def cmd_serve(args: argparse.Namespace, config: Settings) -> int:
    """Start the Streamlit app (``ui/streamlit_app.py``, found beside the ``ui`` package)."""
    import importlib.util
    import subprocess

    spec = importlib.util.find_spec("ui")
    folders = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    folders.append(Path(__file__).resolve().parent.parent / "ui")  # a checkout's own
    app = next(
        (f / "streamlit_app.py" for f in folders if (f / "streamlit_app.py").is_file()), None
    )
    if app is None:
        raise KBError(
            "the app is not installed (no ui/streamlit_app.py); install it with "
            "`pip install 'policykb[app]'`."
        )
    env = {**os.environ, **_as_environment(config)}
    if getattr(args, "config", None):
        env["POLICYKB_CONFIG"] = str(Path(args.config).resolve())
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(args.port),
        "--server.address",
        args.address,
        "--server.headless",
        "true",
        "--server.maxUploadSize",
        "50",
        "--client.toolbarMode",
        "minimal",
        "--browser.gatherUsageStats",
        "false",
    ]
    print(f"PolicyKB: http://{args.address}:{args.port}", file=sys.stderr)
    return subprocess.call(command, env=env)


def cmd_api(args: argparse.Namespace, config: Settings) -> int:
    """Serve the HTTP API (the ``api`` package, which needs the ``api`` extra)."""
    try:
        from api.server import serve
    except ImportError as exc:
        if "policykb[api]" not in str(exc):
            raise
        raise KBError(str(exc)) from exc
    return serve(config, host=args.host, port=args.port)


def _as_environment(config: Settings) -> dict[str, str]:
    """The settings given as flags, as the app's ``POLICYKB_*`` variables (the app reads
    the same tree from its environment, so a flag reaches it too)."""
    env = {r.env: str(r.value) for r in rows(config) if r.source == "flag"}
    env["POLICYKB_INDEX_DIR"] = str(Path(config.paths.index_dir).resolve())
    return env
