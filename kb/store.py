"""The index directory on disk: written atomically, checked on load.

Layout (``.policykb/`` by default)::

    manifest.json      format version, package versions, documents with hashes,
                       chunk count, and a sha256 for every other file
    documents.json     each document's metadata and structure tree
    chunks.jsonl       one chunk per line: id, content, meta
    sources/<doc>.txt  each document's text as decoded (what offsets index)
    …                  retrieval files added by the search layer

A build writes everything into a temporary sibling folder, then swaps it in with two
renames; a crash at any point leaves the previous index (or, between the renames, a
``.old`` folder that the next load or build puts back). Only one writer at a time: a
lock file beside the index, held with ``flock`` (released by the OS if the writer dies).

Example::

    with IndexWriter(Path(".policykb")) as w:
        w.write_json("documents.json", [...])
        w.commit(manifest={"chunk_count": 3})
    stored = load_index(Path(".policykb"))
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

from kb.errors import IndexBusy, IndexCorrupt, IndexMissing

__all__ = ["FORMAT_VERSION", "IndexWriter", "index_file", "read_manifest", "verify_index"]

FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _recover(index_dir: Path) -> None:
    """Put back an index left aside by a build that died between its two renames."""
    if index_dir.exists():
        return
    olds = sorted(index_dir.parent.glob(f".{index_dir.name}.old-*"))
    if olds:
        os.replace(olds[-1], index_dir)


class IndexWriter:
    """Writes a new index beside the old one and swaps it in on :meth:`commit`.

    Use as a context manager: on an exception the temporary folder is removed and the
    previous index stays as it was.

    :raises IndexBusy: another process holds the writer lock.
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self.tmp = self.index_dir.parent / f".{self.index_dir.name}.tmp-{uuid.uuid4().hex[:8]}"
        self._lock_fh: Any = None
        self._committed = False

    def __enter__(self) -> IndexWriter:
        self.index_dir.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.index_dir.parent / f".{self.index_dir.name}.lock"
        self._lock_fh = lock_path.open("a+")
        try:
            fcntl.flock(self._lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self._lock_fh.close()
            raise IndexBusy(
                f"another process is writing the index at {self.index_dir} "
                f"(lock {lock_path}); wait for it to finish and run the command again."
            ) from exc
        _recover(self.index_dir)
        for stale in self.index_dir.parent.glob(f".{self.index_dir.name}.tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a writer that died
        self.tmp.mkdir()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._committed:
            shutil.rmtree(self.tmp, ignore_errors=True)
        fcntl.flock(self._lock_fh, fcntl.LOCK_UN)
        self._lock_fh.close()

    def path(self, name: str) -> Path:
        """Where to write file ``name`` inside the new index (parents created)."""
        target = self.tmp / name
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def folder(self, name: str) -> Path:
        """A folder ``name`` inside the new index (created)."""
        target = self.tmp / name
        target.mkdir(parents=True, exist_ok=True)
        return target

    def write_json(self, name: str, value: Any) -> None:
        """Write ``value`` as UTF-8 JSON."""
        self.path(name).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")

    def write_text(self, name: str, text: str) -> None:
        """Write ``text`` as UTF-8."""
        self.path(name).write_text(text, encoding="utf-8")

    def previous(self, name: str) -> Path | None:
        """File ``name`` of the index being replaced, if it exists (for reuse)."""
        old = self.index_dir / name
        return old if old.is_file() else None

    def commit(self, manifest: dict[str, Any]) -> None:
        """Checksum every file, write the manifest, fsync, and swap the index in."""
        files = {
            str(p.relative_to(self.tmp)): _sha256(p)
            for p in sorted(self.tmp.rglob("*"))
            if p.is_file()
        }
        body = {**manifest, "format_version": FORMAT_VERSION, "files": files}
        self.write_json(MANIFEST, body)
        for p in self.tmp.rglob("*"):
            if p.is_file():
                with p.open("rb") as fh:
                    os.fsync(fh.fileno())
        old = self.index_dir.parent / f".{self.index_dir.name}.old-{uuid.uuid4().hex[:8]}"
        if self.index_dir.exists():
            os.replace(self.index_dir, old)
        os.replace(self.tmp, self.index_dir)
        self._committed = True
        shutil.rmtree(old, ignore_errors=True)


def index_file(index_dir: Path, name: str) -> Path:
    """Path of file ``name`` in an existing index."""
    return Path(index_dir) / name


def read_manifest(index_dir: Path) -> dict[str, Any]:
    """The manifest of the index at ``index_dir``.

    :raises IndexMissing: no index there.
    :raises IndexCorrupt: the manifest cannot be parsed or has another format version.
    """
    index_dir = Path(index_dir)
    _recover(index_dir)
    path = index_dir / MANIFEST
    if not path.is_file():
        raise IndexMissing(
            f"no index at {index_dir}; build one with `policykb ingest` "
            "(or point --index-dir / POLICYKB_INDEX_DIR at an existing one)."
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise IndexCorrupt(
            f"{path} is not valid JSON ({exc}); re-run `policykb ingest` to rebuild."
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format_version") != FORMAT_VERSION:
        found = manifest.get("format_version") if isinstance(manifest, dict) else None
        raise IndexCorrupt(
            f"{path}: index format {found!r}, this PolicyKB reads format "
            f"{FORMAT_VERSION}; re-run `policykb ingest` to rebuild."
        )
    return manifest


def verify_index(index_dir: Path, manifest: dict[str, Any]) -> None:
    """Check every file against the manifest's checksums.

    :raises IndexCorrupt: a file is missing or its bytes changed.
    """
    for name, digest in manifest.get("files", {}).items():
        path = Path(index_dir) / name
        if not path.is_file():
            raise IndexCorrupt(
                f"index file {path} is missing; re-run `policykb ingest` to rebuild."
            )
        if _sha256(path) != digest:
            raise IndexCorrupt(
                f"index file {path} fails its checksum (truncated or altered); "
                "re-run `policykb ingest` to rebuild."
            )
