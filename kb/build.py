"""Build the index directory from documents: ingest every file, then write atomically.

Every file is read and parsed before anything is written, so one bad file stops the
build with a clear error and leaves the existing index untouched.

Example::

    report = build_index(Settings.load(), paths=["corpus"])
    report.chunk_count
"""

from __future__ import annotations

import hashlib
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import numpy as np
from haystack import Document

from ingest import IngestError, ParsedDocument, discover, ingest_file
from kb.chunk_store import write_chunks
from kb.dense import dense_text
from kb.documents import describe
from kb.embed import Embedder, make_embedder
from kb.home import home_ids
from kb.industries import assign_industries
from kb.per_document import document_indexes, save_document_indexes
from kb.regions import Gazetteer
from kb.settings import Settings
from kb.sparse import corpus_terms, index_chars, index_tokens
from kb.store import IndexWriter
from kb.stores import discard_on_failure, index_builder, previous_vectors
from kb.tokenize import Tokenizer

__all__ = [
    "BuildReport",
    "build_index",
    "embed_chunks",
    "ingest_documents",
    "package_versions",
]

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildReport:
    """What a build did: documents, chunks, and seconds per stage."""

    index_dir: Path
    documents: list[str]
    chunk_count: int
    timings: dict[str, float]
    reused_vectors: int = 0
    warnings: list[str] = field(default_factory=list)
    store: dict = field(default_factory=dict)  # the manifest's ``store`` (Qdrant: collection)


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
    paths: Sequence[str | Path], config: Settings, progress: Progress | None = None
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
        doc = ingest_file(path, config.limits, config.chunking)
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


def _vector_key(embedder: str, text: str) -> str:
    return hashlib.sha1(f"{embedder}\0{text}".encode()).hexdigest()


def embed_chunks(
    chunks: list[Document],
    embedder: Embedder,
    previous: dict[str, np.ndarray] | None = None,
    progress: Progress | None = None,
    batch: int = 256,
) -> tuple[np.ndarray, list[str], int]:
    """Vectors for every chunk, reusing ``previous`` ones whose text is unchanged.

    :returns: ``(vectors, keys, reused count)``.
    """
    texts = [dense_text(c) for c in chunks]
    keys = [_vector_key(embedder.name, t) for t in texts]
    previous = previous or {}
    todo = [i for i, key in enumerate(keys) if key not in previous]
    vectors = np.zeros((len(chunks), embedder.dim), dtype=np.float32)
    for i, key in enumerate(keys):
        if key in previous:
            vectors[i] = previous[key]
    for start in range(0, len(todo), batch):
        rows = todo[start : start + batch]
        vectors[rows] = embedder.embed_documents([texts[i] for i in rows])
        if progress:
            progress("embed", min(start + batch, len(todo)), len(todo))
    return vectors, keys, len(chunks) - len(todo)


def build_index(
    config: Settings,
    paths: Sequence[str | Path] | None = None,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
) -> BuildReport:
    """Ingest documents and write a new generation of the index at ``config.paths.index_dir``.

    Stages: parse, tokenise (BM25), embed (only chunks whose text changed since the
    previous index with the same embedder), index (FAISS), write. The index folder is
    checked and the writer lock taken first, so a refused build costs nothing.

    :param paths: files or folders; default ``[config.paths.corpus_dir]``. The documents
        of the first are the home ones (see :mod:`kb.home`) unless ``config.paths.home``
        names them.
    :param progress: called as ``progress(stage, done, total)``.
    :param embedder: an embedder instance (default: made from ``config.index.embedder``).
    :raises IngestError: a document cannot be ingested, or no document has any text
        beyond headings (nothing is written).
    :raises NotAnIndex: the index folder holds other things (nothing is written).
    :raises IndexBusy: another build holds the lock.
    :raises UnknownDocument: ``config.paths.home`` names a document not ingested.
    """
    timings: dict[str, float] = {}
    paths = list(paths or [config.paths.corpus_dir])
    builder = index_builder(config, progress)
    with IndexWriter(config.paths.index_dir) as writer, discard_on_failure(builder, writer):
        t = time.perf_counter()
        parsed = ingest_documents(paths, config, progress)
        home = home_ids(
            [(p.source.doc, p.source.path) for p in parsed],
            discover(paths[:1]),
            config.paths.home,
        )
        timings["parse"] = time.perf_counter() - t
        chunks = [c for p in parsed for c in p.chunks]
        assign_industries(chunks)
        warnings = [
            f"{p.source.path}: no text beyond headings; only its outline is indexed"
            for p in parsed
            if not p.chunks
        ]
        if not chunks:
            raise IngestError(
                "no document has text beyond its headings ("
                + ", ".join(p.source.path for p in parsed)
                + "); add the body text, or ingest them beside documents that have it."
            )
        embedder = embedder or make_embedder(config.index.embedder)

        t = time.perf_counter()
        terms = corpus_terms(chunks)
        tokenizer = Tokenizer(terms)
        words = [index_tokens(c, tokenizer) for c in chunks]
        chars = [index_chars(c) for c in chunks]
        builder.sparse(words, chars)
        own = document_indexes(chunks, tokenizer, chars) if len(parsed) > 1 else {}
        timings["tokenize"] = time.perf_counter() - t

        t = time.perf_counter()
        vectors, keys, reused = embed_chunks(
            chunks, embedder, previous_vectors(writer, embedder.name), progress
        )
        timings["embed"] = time.perf_counter() - t
        t = time.perf_counter()
        builder.dense(chunks, vectors)
        timings["index"] = time.perf_counter() - t

        t1 = time.perf_counter()
        _write(writer, parsed, chunks, terms, keys, home)
        save_document_indexes(writer, own)
        store = builder.write(writer)
        manifest = _manifest(config, parsed, chunks, embedder, vectors)
        manifest["home"] = {
            "docs": home,
            "from": "setting home" if config.paths.home.strip() else f"first path {paths[0]}",
        }
        writer.commit(manifest={**manifest, **store})
        timings["write"] = time.perf_counter() - t1
        warnings += builder.publish()
    return BuildReport(
        config.paths.index_dir,
        [p.source.doc for p in parsed],
        len(chunks),
        timings,
        reused,
        warnings,
        store.get("store", {}),
    )


def _write(
    writer: IndexWriter,
    parsed: list[ParsedDocument],
    chunks: list[Document],
    terms: set[str],
    keys: list[str],
    home: list[str],
) -> None:
    """Every file of a generation but the manifest and the store's own."""
    writer.write_json("dense/keys.json", keys)
    writer.write_text("terms.txt", "\n".join(sorted(terms)))
    gazetteer = Gazetteer.load()
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
                **describe(p.source.title, p.source.meta, p.source.text, gazetteer),
                "home": p.source.doc in home,
                "chunks": len(p.chunks),
                "tree": p.tree.to_dict(),
            }
            for p in parsed
        ],
    )
    write_chunks(writer.folder("chunks"), chunks)
    for p in parsed:
        writer.write_text(f"sources/{p.source.doc}.txt", p.source.text)


def _manifest(
    config: Settings,
    parsed: list[ParsedDocument],
    chunks: list[Document],
    embedder: Embedder,
    vectors: np.ndarray,
) -> dict:
    return {
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
        "embedder": {"name": embedder.name, "dim": int(vectors.shape[1])},
        "chunking": {
            "max_chars": config.chunking.max_chars,
            "min_chars": config.chunking.min_chars,
        },
    }
