"""The index directory on disk: generations written atomically, switched by a pointer.

Layout (``.policykb/`` by default)::

    CURRENT            the name of the generation readers open (one line)
    .lock              held with ``flock`` by the one writer (released if it dies)
    gen-<stamp>-<id>/  a complete index: manifest.json (format version, package
                       versions, documents with hashes, chunk count, a sha256 for
                       every other file), documents.json, chunks/, sources/ …
    .tmp-<id>/         a generation being written

A build writes a whole new generation into a ``.tmp-`` folder, renames it to ``gen-…``
and then switches ``CURRENT`` with one atomic rename. A reader reads ``CURRENT`` once and
opens that generation only, so it never sees files of two builds; if a writer retires
the generation while the reader is opening it, the reader retries on the new one. The
previous generation is kept until the next build (so readers of it finish undisturbed);
older ones, and whatever a dead writer left, are removed by the next writer.

A folder is only ever written to (or cleaned) when it is recognisably an index:
absent, empty, or holding nothing but the names above. Anything else (a corpus, a
thesis, photos) is refused with :class:`NotAnIndex` and left untouched.

Example::

    with IndexWriter(Path(".policykb")) as w:
        w.write_json("documents.json", [...])
        w.commit(manifest={"chunk_count": 3})
    generation = current_generation(Path(".policykb"))
    manifest = read_manifest(generation)          # kb.index: read and verify it
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from kb.errors import IndexBusy, IndexCorrupt, IndexMissing, NotAnIndex

__all__ = [
    "FORMAT_VERSION",
    "MANIFEST",
    "IndexWriter",
    "check_index_dir",
    "current_generation",
    "file_sha256",
    "generation_id",
    "open_generation",
]

FORMAT_VERSION = 2
MANIFEST = "manifest.json"
CURRENT = "CURRENT"
LOCK = ".lock"
_OURS = re.compile(
    r"^(CURRENT|\.CURRENT\.tmp-[0-9a-f]+|\.lock|gen-[\w-]+|\.tmp-[0-9a-f]+|qdrant)$"
)  # qdrant: the Qdrant store's local-mode folder (kb.qdrant), when it is kept here
# Files of a format-1 index (one generation written straight into the folder).
_LEGACY = {"manifest.json", "documents.json", "chunks.jsonl", "terms.txt"}
_LEGACY_DIRS = {"sources", "bm25", "chars", "dense"}

T = TypeVar("T")


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes (the manifest's checksum), read in 1 MiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _strange(names: set[str]) -> list[str]:
    """Names that are not an index's: neither ours nor, beside a manifest or pointer,
    those of a format-1 index (written straight into the folder, migrated on rebuild)."""
    legacy = _LEGACY | _LEGACY_DIRS if {MANIFEST, CURRENT} & names else set()
    return sorted(n for n in names if not _OURS.match(n) and n not in legacy)


def check_index_dir(index_dir: Path) -> None:
    """Refuse a folder that is not recognisably an index (see module doc).

    :raises NotAnIndex: ``index_dir`` is a file, or a folder holding other things; the
        message lists some of them and says what to do. Nothing is changed.
    """
    index_dir = Path(index_dir)
    if not index_dir.exists():
        return
    if not index_dir.is_dir():
        raise NotAnIndex(
            f"{index_dir} is a file, not an index folder; give --index-dir a new or empty "
            "folder (nothing was changed)."
        )
    strange = _strange({p.name for p in index_dir.iterdir()})
    if not strange:
        return
    shown = ", ".join(strange[:5]) + (f" and {len(strange) - 5} more" if len(strange) > 5 else "")
    raise NotAnIndex(
        f"{index_dir} is not a PolicyKB index: it holds {shown}. PolicyKB only writes into "
        "an index folder it made, or an empty or new one; give --index-dir (or "
        "POLICYKB_INDEX_DIR) such a folder. Nothing was changed."
    )


def generation_id(index_dir: Path) -> str | None:
    """The name of the current generation, or ``None`` when there is no index."""
    try:
        name = (Path(index_dir) / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return name or None


def current_generation(index_dir: Path) -> Path:
    """The folder of the generation readers should open.

    :raises IndexMissing: no index there.
    :raises IndexCorrupt: an index of an older format, or a pointer to nothing.
    """
    index_dir = Path(index_dir)
    name = generation_id(index_dir)
    if name is None:
        if (index_dir / MANIFEST).is_file():
            raise IndexCorrupt(
                f"the index at {index_dir} was written by an older PolicyKB (format 1); "
                f"this one reads format {FORMAT_VERSION}: re-run `policykb ingest` to rebuild."
            )
        raise IndexMissing(
            f"no index at {index_dir}; build one with `policykb ingest` "
            "(or point --index-dir / POLICYKB_INDEX_DIR at an existing one)."
        )
    if not _OURS.match(name) or not name.startswith("gen-"):
        raise IndexCorrupt(
            f"{index_dir / CURRENT} names {name!r}, not a generation; "
            "re-run `policykb ingest` to rebuild."
        )
    return index_dir / name


def open_generation(index_dir: Path, load: Callable[[Path], T], attempts: int = 3) -> T:
    """``load(current generation)``, retried when a writer switched generations meanwhile.

    A failure is reported only when the generation it happened in is still current, so
    a reader never reports a damaged index because a build replaced it under its feet.

    :raises IndexMissing: no index.
    :raises IndexCorrupt: the current generation itself is damaged.
    """
    for attempt in range(attempts):
        generation = current_generation(index_dir)
        try:
            return load(generation)
        except (IndexCorrupt, OSError):
            if generation_id(index_dir) == generation.name or attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


class IndexWriter:
    """Writes a new generation of the index and makes it current on :meth:`commit`.

    Use as a context manager: on an exception the new generation is removed and the
    previous one stays current. The folder is checked first (:func:`check_index_dir`)
    and the writer lock taken before anything is written.

    :raises NotAnIndex: the folder holds things that are not an index.
    :raises IndexBusy: another process holds the writer lock.
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self.tmp = self.index_dir / f".tmp-{uuid.uuid4().hex[:8]}"
        self._lock_fh: Any = None
        self._committed = False

    def __enter__(self) -> IndexWriter:
        check_index_dir(self.index_dir)
        self.index_dir.mkdir(parents=True, exist_ok=True)
        lock_path = self.index_dir / LOCK
        self._lock_fh = lock_path.open("a+")
        try:
            fcntl.flock(self._lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self._lock_fh.close()
            raise IndexBusy(
                f"another process is writing the index at {self.index_dir} "
                f"(lock {lock_path}); wait for it to finish and run the command again."
            ) from exc
        try:
            check_index_dir(self.index_dir)  # again, now that no other writer can change it
            self._clean(keep={generation_id(self.index_dir)})
            self.tmp.mkdir()
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._committed:
            shutil.rmtree(self.tmp, ignore_errors=True)
        self._release()

    @property
    def committed(self) -> bool:
        """Has :meth:`commit` made the new generation current?"""
        return self._committed

    def _release(self) -> None:
        fcntl.flock(self._lock_fh, fcntl.LOCK_UN)
        self._lock_fh.close()

    def _clean(self, keep: set[str | None]) -> None:
        """Remove generations not in ``keep`` and what dead writers left."""
        for p in self.index_dir.iterdir():
            if p.name.startswith(("gen-", ".tmp-")) and p.name not in keep and p != self.tmp:
                shutil.rmtree(p, ignore_errors=True)
            elif p.name.startswith(".CURRENT.tmp-"):
                p.unlink(missing_ok=True)

    def _retire_format_1(self) -> None:
        """Remove a format-1 index's files (its manifest last), now that a generation is current."""
        for name in sorted(_LEGACY_DIRS):
            shutil.rmtree(self.index_dir / name, ignore_errors=True)
        for name in [*sorted(_LEGACY - {MANIFEST}), MANIFEST]:
            (self.index_dir / name).unlink(missing_ok=True)

    def path(self, name: str) -> Path:
        """Where to write file ``name`` inside the new generation (parents created)."""
        target = self.tmp / name
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def folder(self, name: str) -> Path:
        """A folder ``name`` inside the new generation (created)."""
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
        """File ``name`` of the current generation, if there is one (for reuse)."""
        current = generation_id(self.index_dir)
        old = self.index_dir / current / name if current else None
        return old if old is not None and old.is_file() else None

    def commit(self, manifest: dict[str, Any]) -> None:
        """Checksum every file, write the manifest, fsync, and make the generation current."""
        files = {
            str(p.relative_to(self.tmp)): file_sha256(p)
            for p in sorted(self.tmp.rglob("*"))
            if p.is_file()
        }
        body = {**manifest, "format_version": FORMAT_VERSION, "files": files}
        self.write_json(MANIFEST, body)
        for p in self.tmp.rglob("*"):
            if p.is_file():
                with p.open("rb") as fh:
                    os.fsync(fh.fileno())
        previous = generation_id(self.index_dir)
        name = f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
        os.replace(self.tmp, self.index_dir / name)
        pointer = self.index_dir / f".CURRENT.tmp-{uuid.uuid4().hex[:8]}"
        with pointer.open("w", encoding="utf-8") as fh:
            fh.write(name + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(pointer, self.index_dir / CURRENT)
        _fsync_dir(self.index_dir)
        self._committed = True
        self._clean(keep={name, previous})
        if (self.index_dir / MANIFEST).is_file():
            self._retire_format_1()
