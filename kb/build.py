"""Build the index directory from documents: ingest every file, then write atomically.

Every file is read and parsed before anything is written, so one bad file stops the
build with a clear error and leaves the existing index untouched.

Example::

    report = build_index(Config.load(), paths=["corpus"])
    report.chunk_count
"""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ingest import IngestError, ParsedDocument, discover, ingest_file
from kb.config import Config
from kb.store import IndexWriter

__all__ = ["BuildReport", "build_index", "ingest_documents", "package_versions"]

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildReport:
    """What a build did: documents, chunks, and seconds per stage."""

    index_dir: Path
    documents: list[str]
    chunk_count: int
    timings: dict[str, float]


def package_versions() -> dict[str, str]:
    """Versions of the packages an index depends on (recorded in the manifest)."""
    versions = {"python": platform.python_version()}
    for dist in ("policykb", "haystack-ai", "jieba", "bm25s", "faiss-cpu", "numpy"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    return versions


def ingest_documents(
    paths: Sequence[str | Path], config: Config, progress: Progress | None = None
) -> list[ParsedDocument]:
    """Read, parse and chunk every document under ``paths``.

    :raises IngestError: no documents found, a duplicate document id, or a bad file.
    """
    files = discover(paths)
    if not files:
        shown = ", ".join(str(p) for p in paths)
        raise IngestError(
            f"no documents (.txt, .md, .docx, .pdf) found in {shown}; add files or name them."
        )
    parsed: list[ParsedDocument] = []
    seen: dict[str, Path] = {}
    for n, path in enumerate(files, start=1):
        doc = ingest_file(path, config.limits(), config.chunk_options())
        if doc.source.doc in seen:
            raise IngestError(
                f"{path} and {seen[doc.source.doc]} both give document id "
                f"{doc.source.doc!r}; rename one of them."
            )
        seen[doc.source.doc] = path
        parsed.append(doc)
        if progress:
            progress("parse", n, len(files))
    return parsed


def build_index(
    config: Config,
    paths: Sequence[str | Path] | None = None,
    progress: Progress | None = None,
) -> BuildReport:
    """Ingest documents and write the index at ``config.index_dir``.

    :param paths: files or folders; default ``[config.corpus_dir]``.
    :param progress: called as ``progress(stage, done, total)``.
    :raises IngestError: a document cannot be ingested (nothing is written).
    :raises IndexBusy: another build holds the lock.
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    parsed = ingest_documents(paths or [config.corpus_dir], config, progress)
    timings["parse"] = time.perf_counter() - t0
    chunks = [c for p in parsed for c in p.chunks]
    t1 = time.perf_counter()
    with IndexWriter(config.index_dir) as writer:
        writer.write_json(
            "documents.json",
            [
                {
                    "doc": p.source.doc,
                    "title": p.source.title,
                    "path": p.source.path,
                    "encoding": p.source.encoding,
                    "format": p.source.format,
                    "sha256": p.source.sha256,
                    "meta": p.source.meta,
                    "tree": p.tree.to_dict(),
                }
                for p in parsed
            ],
        )
        with writer.path("chunks.jsonl").open("w", encoding="utf-8") as fh:
            for c in chunks:
                record = {"id": c.id, "content": c.content, "meta": c.meta}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        for p in parsed:
            writer.write_text(f"sources/{p.source.doc}.txt", p.source.text)
        writer.commit(
            manifest={
                "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "versions": package_versions(),
                "documents": {
                    p.source.doc: {
                        "title": p.source.title,
                        "sha256": p.source.sha256,
                        "path": p.source.path,
                        "chunks": len(p.chunks),
                    }
                    for p in parsed
                },
                "chunk_count": len(chunks),
                "chunking": {
                    "max_chars": config.chunk_max_chars,
                    "min_chars": config.chunk_min_chars,
                },
            }
        )
    timings["write"] = time.perf_counter() - t1
    return BuildReport(config.index_dir, [p.source.doc for p in parsed], len(chunks), timings)
