"""Adding a document to the corpus folder safely (used by the app's upload).

The file name is reduced to a plain name (no folders, no ``..``, no control
characters), the type and size are checked, and the document is read and parsed in a
temporary folder first: only a document that ingests cleanly is written, and only
inside the corpus folder. Nothing on disk changes when any check fails.

:func:`add_and_index` also rebuilds the index, and undoes the addition when the rebuild
fails for any reason (a bad file, no memory, an interruption): the corpus folder is
then as it was, so one bad upload never blocks later ingests.

Example::

    path = add_and_index(config, "新规划.txt", data)
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from ingest import SUPPORTED_SUFFIXES, IngestError, Limits, UnsupportedFormat, ingest_file
from ingest.errors import DocumentTooLarge
from kb.build import BuildReport, Progress, build_index
from kb.settings import Settings

__all__ = ["add_and_index", "add_document", "safe_name"]


def safe_name(filename: str) -> str:
    """A plain file name: the last path part, control characters and unsafe signs removed.

    :raises UnsupportedFormat: nothing usable is left, or the extension is not supported.
    """
    base = re.split(r"[\\/]", filename)[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C")
    stem, dot, suffix = base.rpartition(".")
    stem = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff（）()]+", "-", stem).strip("-.")
    suffix = "." + suffix.lower() if dot else ""
    if not stem or suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormat(
            f"{filename!r}: give a file named like 规划.txt with one of "
            f"{', '.join(SUPPORTED_SUFFIXES)}."
        )
    return stem + suffix


def add_document(
    corpus_dir: Path, filename: str, data: bytes, limits: Limits, replace: bool = False
) -> Path:
    """Check a document and write it into ``corpus_dir``.

    :param filename: the name the user gave (only its plain form is used).
    :param data: the file's bytes.
    :param replace: allow replacing a document of the same name.
    :returns: the path written.
    :raises IngestError: (a subclass) for a bad name, type, size or content, or an
        existing document when ``replace`` is false; nothing is written then.
    """
    name = safe_name(filename)
    if len(data) > limits.max_bytes:
        raise DocumentTooLarge(
            f"{name}: {len(data):,} bytes is over the limit of {limits.max_bytes:,} "
            "(POLICYKB_MAX_BYTES)."
        )
    corpus_dir = Path(corpus_dir).resolve()
    target = corpus_dir / name
    if target.parent != corpus_dir:  # defence in depth: never outside the corpus
        raise IngestError(f"{filename!r} would be written outside {corpus_dir}; refused.")
    if target.exists() and not replace:
        raise IngestError(f"{name} is already in the corpus; rename the file or replace it.")
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / name
        trial.write_bytes(data)
        ingest_file(trial, limits)  # raises on anything unreadable
    corpus_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_path = tempfile.mkstemp(dir=corpus_dir, prefix=".upload-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp_path, target)
    return target


def add_and_index(
    config: Settings, filename: str, data: bytes, progress: Progress | None = None
) -> tuple[Path, BuildReport]:
    """Add a document to ``config.paths.corpus_dir`` and rebuild the index from the corpus.

    :returns: the path written and the build's report.
    :raises IngestError: a bad document (nothing is written).
    :raises KBError: the index cannot be written (the document is taken out again).
    :raises BaseException: anything else the rebuild raises, after the document is
        taken out again (``MemoryError``, ``KeyboardInterrupt`` …).
    """
    path = add_document(config.paths.corpus_dir, filename, data, config.limits)
    try:
        report = build_index(config, progress=progress)
    except BaseException:
        path.unlink(missing_ok=True)  # the corpus as it was: a later ingest is not blocked
        raise
    return path, report
