"""The wheel installs and works without the source tree (issue 15).

The fast tests build the wheel from a copy of the repository, install it with ``--no-deps``
into a fresh venv and lend that venv this interpreter's site-packages through a plain
``.pth`` line. A plain path line does not run that folder's own ``.pth`` files, so the
editable install's finder (which maps ``kb`` to the checkout) stays off: ``kb`` resolves to
the new venv, and every data file and the app script must come from the wheel. The commands
then run from a folder outside the repository, as a user's would.

The slow variant installs ``<wheel>[app]`` with its real dependencies from the registry.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "corpus" / "liupanshui-14th-fyp-sci-tech.txt"
PACKAGES = ("kb", "ingest", "ui", "api", "cli")
# Left out of the copy the wheel is built from: local state, caches, earlier builds.
JUNK = (".git", ".venv", "build", "*.egg-info", "__pycache__", ".policykb*", ".*_cache", "dist")
TIMEOUT = 300  # seconds for any one command; the whole module takes about a minute


@dataclass(frozen=True)
class Installed:
    """The built wheel and a venv that has it installed (not editable)."""

    wheel: Path
    python: Path
    policykb: Path
    site: Path
    env: dict[str, str]


def _pip_version() -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in importlib.metadata.version("pip").split(".")[:2])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return ()


def _setuptools_major() -> int:
    try:
        return int(importlib.metadata.version("setuptools").split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return 0


def _clean_env() -> dict[str, str]:
    """This environment without anything that points back at the checkout or a config."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
        and not k.startswith("POLICYKB_")
    }
    env.update(HAYSTACK_TELEMETRY_ENABLED="False", PYTHONNOUSERSITE="1")
    return env


def _run(cmd: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run a command; fail the test with its output when it fails."""
    proc = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    assert proc.returncode == 0, f"{cmd} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


def _build_wheel(work: Path, env: dict[str, str]) -> tuple[Path, str]:
    """Build the wheel from a fresh copy of the repository (no stale ``build/``)."""
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*JUNK), symlinks=True)
    # With setuptools >= 77 here, build offline; otherwise (a plain venv's setuptools 65)
    # let pip fetch the build requirements from the registry into an isolated build.
    offline = ["--no-build-isolation"] if _setuptools_major() >= 77 else []
    out = work / "dist"
    proc = _run(
        [sys.executable, "-m", "pip", "wheel", source, "--no-deps", *offline, "-w", out],
        cwd=work,
        env=env,
    )
    (wheel,) = out.glob("policykb-*.whl")
    return wheel, proc.stdout + proc.stderr


def _make_venv(where: Path, env: dict[str, str], lend_site_packages: bool) -> tuple[Path, Path]:
    """A fresh venv without pip (this interpreter's pip installs into it): python, site."""
    venv.create(where, with_pip=False, symlinks=os.name != "nt")
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(
        _run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            cwd=where,
            env=env,
        ).stdout.strip()
    )
    if lend_site_packages:
        ours = dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))
        (site / "zz_test_dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return python, site


def _install(wheel: str | Path, python: Path, env: dict[str, str], *extra: str) -> None:
    """Install ``wheel`` into the venv of ``python`` with this interpreter's pip."""
    cmd = [sys.executable, "-m", "pip", "--python", python, "install", *extra, wheel]
    _run(cmd, cwd=python.parent, env=env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel, built once per module and installed into a fresh venv with ``--no-deps``."""
    if importlib.util.find_spec("venv") is None or importlib.util.find_spec("pip") is None:
        pytest.skip("needs the venv module and pip in the test interpreter")
    if _pip_version() < (22, 3):
        pytest.skip("needs pip >= 22.3 (pip --python) to install into a venv without pip")
    work = tmp_path_factory.mktemp("wheel")
    env = _clean_env()
    wheel, output = _build_wheel(work, env)
    assert "`project.license`" not in output, "setuptools warns about the license:\n" + output
    python, site = _make_venv(work / "venv", env, lend_site_packages=True)
    _install(wheel, python, env, "--no-deps", "--no-index")
    bindir = python.parent
    policykb = bindir / ("policykb.exe" if os.name == "nt" else "policykb")
    assert policykb.is_file(), "the wheel installed no policykb script"
    return Installed(wheel, python, policykb, site, env)


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    """A working folder outside the repository holding a copy of the real plan."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for f in PLAN.parent.glob(PLAN.stem + ".*"):  # the plan and its .meta.json
        shutil.copy2(f, docs / f.name)
    return tmp_path


def _packaged_files() -> set[str]:
    """Every file of the four packages in the source tree, as wheel paths."""
    return {
        p.relative_to(ROOT).as_posix()
        for pkg in PACKAGES
        for p in (ROOT / pkg).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def test_wheel_carries_data_files_and_app(installed: Installed) -> None:
    with zipfile.ZipFile(installed.wheel) as zf:
        names = set(zf.namelist())
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = zf.read(metadata).decode("utf-8")
    data = {n for n in _packaged_files() if n.startswith("kb/data/")}
    assert {"kb/data/userdict.txt", "kb/data/en_zh.tsv", "kb/data/regions.tsv"} <= data
    assert "ui/streamlit_app.py" in names
    missing = _packaged_files() - names  # data, code and the app script alike
    assert not missing, f"the wheel lacks {sorted(missing)}"
    tops = {n.split("/")[0] for n in names if "/" in n and ".dist-info/" not in n}
    assert tops == set(PACKAGES), f"unexpected top-level folders in the wheel: {tops}"
    assert "License-Expression: Apache-2.0" in meta.splitlines()


def test_wheel_installed_without_source_runs_ingest_search_ask_fit(
    installed: Installed, user_dir: Path
) -> None:
    where = _run(
        [installed.python, "-c", "import kb, ui; print(kb.__file__); print(ui.__file__)"],
        user_dir,
        installed.env,
    ).stdout.split()
    assert all(Path(p).is_relative_to(installed.site) for p in where), where

    def policykb(*args: str) -> str:
        return _run([installed.policykb, *args], user_dir, installed.env).stdout

    ingest = json.loads(policykb("ingest", "docs", "--index-dir", "idx", "--json"))
    assert ingest["documents"] == [PLAN.stem] and ingest["chunks"] > 100
    assert (user_dir / "idx").is_dir()

    # English against Chinese through BM25 alone needs the bundled glossary (en_zh.tsv).
    found = json.loads(
        policykb(
            "search",
            "hydrogen fuel cell",
            "--mode",
            "bm25",
            "-k",
            "3",
            "--index-dir",
            "idx",
            "--json",
        )
    )
    assert found["results"] and all("氢" in r["text"] for r in found["results"])

    answer = json.loads(
        policykb("ask", "如何发展氢能产业？", "--extractive", "--index-dir", "idx", "--json")
    )
    assert answer["found"] and "氢" in answer["answer"]
    assert all(c["doc"] == PLAN.stem for c in answer["citations"]) and answer["citations"]

    fit = json.loads(
        policykb("fit", "在六盘水建设氢燃料电池汽车加氢站示范项目", "--index-dir", "idx", "--json")
    )
    assert fit["verdict"] == "fit"
    assert any("氢燃料电池" in m["text"] for m in fit["matches"])
    assert fit["measures"], "no support measures: kb/data/measures.tsv did not load"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def serving(installed: Installed, user_dir: Path) -> Iterator[tuple[subprocess.Popen, int, Path]]:
    """``policykb serve`` in the background, in its own process group (Streamlit is a child)."""
    port = _free_port()
    log = user_dir / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [
                str(installed.policykb),
                "serve",
                "--port",
                str(port),
                "--address",
                "127.0.0.1",
                "--index-dir",
                "idx",
            ],
            cwd=user_dir,
            env=installed.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield proc, port, log
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.mark.skipif(os.name == "nt", reason="process groups are POSIX")
def test_wheel_serve_answers_health_check(serving: tuple[subprocess.Popen, int, Path]) -> None:
    proc, port, log = serving
    url = f"http://127.0.0.1:{port}/_stcore/health"
    deadline = time.monotonic() + 90
    body = ""
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body = response.read().decode("utf-8")
                break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    output = log.read_text(encoding="utf-8")
    assert body == "ok", f"no health answer (exit {proc.poll()}):\n{output}"
    assert proc.poll() is None
    assert f"PolicyKB: http://127.0.0.1:{port}" in output


@pytest.mark.slow
def test_wheel_installs_with_its_app_dependencies_from_the_registry(
    installed: Installed, user_dir: Path
) -> None:
    python, site = _make_venv(user_dir / "venv", installed.env, lend_site_packages=False)
    _install(f"{installed.wheel}[app]", python, installed.env)
    policykb = python.parent / "policykb"
    check = "import kb, streamlit; print(kb.__file__)"
    where = _run([python, "-c", check], user_dir, installed.env).stdout.strip()
    assert Path(where).is_relative_to(site)
    _run([policykb, "ingest", "docs", "--index-dir", "idx"], user_dir, installed.env)
    found = _run(
        [policykb, "search", "氢能", "--index-dir", "idx", "--json"], user_dir, installed.env
    )
    assert "氢" in json.loads(found.stdout)["results"][0]["text"]
