"""The ``policykb`` command line: a face over ``kb``'s public API.

Every command takes ``--index-dir``. Errors are printed to stderr as one line naming
the problem and the fix, with exit code 2; ``--json`` output is documented in the README.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ingest import IngestError
from kb.build import build_index
from kb.config import Config
from kb.errors import KBError
from kb.knowledge_base import KnowledgeBase

__all__ = ["build_parser", "main"]


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=None))


def _progress_bar(enabled: bool) -> Callable[[str, int, int], None] | None:
    if not enabled or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bars: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="doc", leave=False)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def cmd_ingest(args: argparse.Namespace, config: Config) -> int:
    report = build_index(config, args.paths or None, progress=_progress_bar(not args.json))
    if args.json:
        _print_json(
            {
                "index_dir": str(report.index_dir),
                "documents": report.documents,
                "chunks": report.chunk_count,
                "timings": report.timings,
            }
        )
    else:
        print(
            f"Indexed {len(report.documents)} document(s), {report.chunk_count} chunks "
            f"into {report.index_dir} in {sum(report.timings.values()):.1f}s."
        )
    return 0


def _print_nodes(nodes: list[dict], depth: int) -> None:
    for node in nodes:
        print(f"{'  ' * depth}{node['title'] or node['kind']}  [{node['id']}]")
        _print_nodes(node["children"], depth + 1)


def cmd_outline(args: argparse.Namespace, config: Config) -> int:
    outline = KnowledgeBase.open(config.index_dir).outline(args.doc)
    if args.json:
        _print_json(outline)
        return 0
    for doc in outline["documents"]:
        print(f"《{doc['title']}》  [{doc['doc']}]")
        _print_nodes(doc["nodes"], 1)
    return 0


def cmd_indicators(args: argparse.Namespace, config: Config) -> int:
    rows = KnowledgeBase.open(config.index_dir).indicators(args.doc)
    if args.json:
        _print_json({"indicators": [r.to_dict() for r in rows]})
        return 0
    if not rows:
        print("No targets table (2020 value vs 2025 target) in the indexed documents.")
        return 0
    width = max(len(r.name) for r in rows)
    for r in rows:
        ratio = f"×{r.target_2025 / r.value_2020:.2f}" if r.value_2020 else ""
        print(f"{r.name:<{width}}  {r.unit:<6} {r.value_2020:>8} → {r.target_2025:<8} {ratio}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand (each has ``--help``)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--index-dir", help="index folder (default .policykb/, env POLICYKB_INDEX_DIR)"
    )
    common.add_argument("--json", action="store_true", help="print JSON instead of text")

    parser = argparse.ArgumentParser(
        prog="policykb", description="Search and cite Chinese policy plans."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "ingest",
        parents=[common],
        help="parse documents and build the index",
        description="Parse documents (default: every file in corpus/) and build the index.",
    )
    p.add_argument("paths", nargs="*", help="files or folders (default: the corpus folder)")
    p.add_argument("--corpus-dir", help="default folder of documents (env POLICYKB_CORPUS_DIR)")
    p.add_argument("--embedder", help="embedding model (env POLICYKB_EMBEDDER)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "outline",
        parents=[common],
        help="print the documents' structure",
        description="Print each document's tree: chapters, sections, boxes, items.",
    )
    p.add_argument("--doc", help="only this document id")
    p.set_defaults(func=cmd_outline)

    p = sub.add_parser(
        "indicators",
        parents=[common],
        help="print the targets table",
        description="Print the targets table: 2020 values vs 2025 targets.",
    )
    p.add_argument("--doc", help="only this document id")
    p.set_defaults(func=cmd_indicators)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 2 error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    overrides = {key: getattr(args, key, None) for key in ("index_dir", "corpus_dir", "embedder")}
    try:
        config = Config.load(**overrides)
        return args.func(args, config)
    except (KBError, IngestError) as exc:
        print(f"policykb {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"policykb {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
