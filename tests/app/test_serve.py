"""``policykb serve`` runs the app script that ships inside the ``ui`` package."""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

import pytest

import ui
from cli.serve_commands import cmd_serve
from kb import Settings


def test_serve_runs_the_packaged_app_with_its_own_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[list[str], dict[str, str]]] = []
    monkeypatch.setattr(subprocess, "call", lambda cmd, env: calls.append((cmd, env)) or 0)
    monkeypatch.chdir(tmp_path)  # anywhere: nothing depends on the working directory
    args = argparse.Namespace(port=8765, address="127.0.0.1")
    assert cmd_serve(args, Settings.load(env={}, index_dir=Path("idx"))) == 0
    ((command, env),) = calls
    script = Path(command[command.index("run") + 1])
    assert script == Path(ui.__file__).parent / "streamlit_app.py" and script.is_file()
    assert env["POLICYKB_INDEX_DIR"] == str(tmp_path / "idx")
    flags = dict(zip(command[5::2], command[6::2], strict=True))
    assert flags["--client.toolbarMode"] == "minimal" and flags["--server.port"] == "8765"


def test_no_folder_is_named_pages_so_streamlit_never_lists_files_as_pages() -> None:
    package = Path(ui.__file__).resolve().parent
    for script_folder in (package, package.parent):  # ui/streamlit_app.py and app.py
        assert not (script_folder / "pages").exists()
