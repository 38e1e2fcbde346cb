"""The array cache (kb.cache) and the array-backed map (kb.strmap): stale, corrupt and
concurrently built entries are never trusted and always end up whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kb.cache import cache_root, load_arrays, save_arrays, source_key
from kb.strmap import StrMap


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "policykb"


ROOT = Path(__file__).resolve().parents[2]


def _arrays() -> dict[str, np.ndarray]:
    return {"big": np.arange(200_000, dtype=np.float32), "small": np.array([1, 2], np.int64)}


def test_cache_root_follows_xdg(isolated_cache: Path) -> None:
    assert cache_root() == isolated_cache


def test_saved_arrays_load_back_memory_mapped_and_equal() -> None:
    arrays, _meta = save_arrays("t", "k" * 64, _arrays(), {"total": 7})
    loaded = load_arrays("t", "k" * 64)
    assert loaded is not None and loaded[1] == {"total": 7}
    for name, value in _arrays().items():
        assert isinstance(loaded[0][name], np.memmap)
        assert np.array_equal(loaded[0][name], value) and np.array_equal(arrays[name], value)


def test_no_temporary_files_are_left(isolated_cache: Path) -> None:
    save_arrays("t", "k" * 64, _arrays(), {})
    assert not [p for p in isolated_cache.rglob("*") if p.name.startswith(".")]


def test_source_key_changes_with_the_source(tmp_path: Path) -> None:
    source = tmp_path / "dict.txt"
    source.write_text("氢能 3\n", encoding="utf-8")
    first = source_key("pkg 1.0", [source])
    assert source_key("pkg 1.0", [source]) == first
    assert source_key("pkg 1.1", [source]) != first
    source.write_text("氢能 3\n煤炭 2\n", encoding="utf-8")
    assert source_key("pkg 1.0", [source]) != first


def test_an_entry_of_another_key_is_stale() -> None:
    save_arrays("t", "a" * 64, _arrays(), {})
    assert load_arrays("t", "a" * 24 + "b" * 40) is None  # same folder, other sources


@pytest.mark.parametrize("damage", ["flip", "truncate", "manifest"])
def test_a_corrupt_entry_is_not_trusted_and_is_rebuilt(isolated_cache: Path, damage: str) -> None:
    save_arrays("t", "k" * 64, _arrays(), {})
    folder = next((isolated_cache / "t").iterdir())
    big = folder / "big.npy"
    if damage == "flip":
        raw = bytearray(big.read_bytes())
        raw[-5] ^= 0xFF  # same size, one byte changed: only the checksum sees it
        big.write_bytes(bytes(raw))
    elif damage == "truncate":
        big.write_bytes(big.read_bytes()[:1000])
    else:
        (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    assert load_arrays("t", "k" * 64) is None
    save_arrays("t", "k" * 64, _arrays(), {})
    loaded = load_arrays("t", "k" * 64)
    assert loaded is not None and np.array_equal(loaded[0]["big"], _arrays()["big"])


def test_an_unwritable_cache_still_returns_the_arrays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    arrays, meta = save_arrays("t", "k" * 64, _arrays(), {"n": 1})
    assert np.array_equal(arrays["big"], _arrays()["big"]) and meta == {"n": 1}
    assert load_arrays("t", "k" * 64) is None


# Each writer is a process of its own (not multiprocessing's spawn, which re-runs the
# parent's __main__: under pytest that may be a script an earlier test installed).
_BUILD = """
import numpy as np
from kb.cache import save_arrays
arrays, _ = save_arrays("t", "c" * 64, {"big": np.arange(3_000_000, dtype=np.int64)}, {})
print(int(arrays["big"].sum()))
"""


def test_two_processes_building_at_once_both_succeed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xdg = str(tmp_path / "shared")
    env = {**os.environ, "XDG_CACHE_HOME": xdg, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen([sys.executable, "-c", _BUILD], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    sums = [run.communicate(timeout=300)[0].strip() for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert sums == [str(sum(range(3_000_000)))] * 2
    monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    loaded = load_arrays("t", "c" * 64)
    assert loaded is not None and int(loaded[0]["big"][-1]) == 2_999_999
    manifest = json.loads(next(Path(xdg).rglob("manifest.json")).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {"big"}


def test_strmap_answers_like_the_dict() -> None:
    words = {"氢能": 3, "氢": 0, "煤炭": 12, "a": 1, "\ud800x": 5, "": 2}
    table = StrMap(StrMap.build(words).arrays(), materialize_after=0)
    assert len(table) == len(words)
    for key, value in words.items():
        assert key in table and table[key] == value and table.get(key) == value
    for missing in ("氢能源", "煤", "b", "\ud801"):
        assert missing not in table and table.get(missing, -1) == -1
        with pytest.raises(KeyError):
            table[missing]
    assert table.to_dict() == words


def test_strmap_switches_to_a_dict_after_many_lookups() -> None:
    table = StrMap(StrMap.build({"氢能": 3}).arrays(), materialize_after=5)
    assert [table.get("氢能") for _ in range(10)] == [3] * 10
    assert table._dict == {"氢能": 3}
