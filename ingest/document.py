"""Find documents on disk and run read → parse → chunk on each.

Example::

    parsed = ingest_file("corpus/liupanshui-14th-fyp-sci-tech.txt")
    len(parsed.chunks), parsed.tree.find("box")[0].heading
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from haystack import Document

from ingest.chunk import ChunkOptions, chunk
from ingest.errors import IngestError, UnsupportedFormat
from ingest.parse import parse
from ingest.read import SUPPORTED_SUFFIXES, Limits, SourceText, read
from ingest.tree import Tree

__all__ = ["ParsedDocument", "discover", "ingest_file"]


@dataclass(frozen=True)
class ParsedDocument:
    """A document read, parsed and cut: everything the knowledge base stores."""

    source: SourceText
    tree: Tree
    chunks: list[Document]


def ingest_file(
    path: str | Path, limits: Limits | None = None, options: ChunkOptions | None = None
) -> ParsedDocument:
    """Read, parse and chunk one file.

    :raises IngestError: (a subclass) for any file that cannot be ingested.
    """
    source = read(path, limits)
    tree = parse(source)
    return ParsedDocument(source, tree, chunk(tree, source, options))


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """The document files named by ``paths``: files as given, folders searched (sorted).

    Sidecars (``*.meta.json``), ``SOURCES.tsv``, hidden files and unsupported
    extensions inside folders are skipped; a named file must be supported. A link inside
    a folder that points outside it is refused (a corpus folder holds its documents).

    :raises UnsupportedFormat: a named file with an unsupported extension.
    :raises IngestError: a path that does not exist.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            folder = path.resolve()
            for p in sorted(path.iterdir()):
                if not p.is_file() or p.name.startswith("."):
                    continue
                if p.suffix.lower() not in SUPPORTED_SUFFIXES:
                    continue
                if p.is_symlink() and not p.resolve().is_relative_to(folder):
                    raise IngestError(
                        f"{p} is a link to {p.resolve()}, outside {folder}; copy the document "
                        "into the folder instead of linking to it."
                    )
                found.append(p)
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                raise UnsupportedFormat(
                    f"{path.name}: extension {path.suffix or '(none)'!r} is not supported; "
                    f"use one of {', '.join(SUPPORTED_SUFFIXES)}."
                )
            found.append(path)
        else:
            raise IngestError(f"{path}: no such file or folder; check the path.")
    return found
