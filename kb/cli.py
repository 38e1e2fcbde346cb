"""The ``policykb`` command line: a face over ``kb``'s public API.

Every command takes ``--index-dir``. Errors are printed to stderr as one line naming
the problem and the fix, with exit code 2; ``--json`` output is documented in the README.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from ingest import IngestError
from kb.build import build_index
from kb.config import Config
from kb.errors import KBError
from kb.evaluate import evaluate, format_report, load_queries
from kb.knowledge_base import KnowledgeBase
from kb.search import MODES, Hit

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


def _open(config: Config, args: argparse.Namespace) -> KnowledgeBase:
    """Load the index; warn on stderr when the corpus changed since it was built."""
    kb = KnowledgeBase.open(config.index_dir)
    if getattr(args, "embedder", None) or os.environ.get("POLICYKB_EMBEDDER"):
        kb.check_embedder(config.embedder)
    for note in kb.changes(config.corpus_dir):
        print(f"policykb: warning: {note}; run `policykb ingest` to update.", file=sys.stderr)
    kb.searcher(config.search_settings())
    return kb


def _highlight(text: str, terms: list[str], tty: bool) -> str:
    for term in terms:
        text = text.replace(term, f"\033[1;33m{term}\033[0m" if tty else f"【{term}】")
    return text


def _print_hits(query: str, hits: list[Hit]) -> None:
    tty = sys.stdout.isatty()
    print(f"# {query}")
    if not hits:
        print("  (no results)")
    for h in hits:
        print(f"{h.rank:>3}. {' › '.join(h.section) or h.doc_title}   [{h.id}]")
        print(f"     {_highlight(h.text.replace(chr(10), ' '), h.matched, tty)}")


def cmd_search(args: argparse.Namespace, config: Config) -> int:
    kb = _open(config, args)
    if args.queries_from:
        with open(args.queries_from, encoding="utf-8") as fh:
            queries = [line.strip() for line in fh if line.strip()]
    elif args.query:
        queries = [args.query]
    else:
        raise KBError("give a QUERY or --queries-from FILE (one query per line).")
    for query in queries:
        hits = kb.search(query, args.k, args.doc, args.section, args.industry, args.mode)
        if args.json:
            _print_json({"query": query, "results": [h.to_dict() for h in hits]})
        else:
            _print_hits(query, hits)
    return 0


def cmd_eval(args: argparse.Namespace, config: Config) -> int:
    kb = _open(config, args)
    queries = load_queries(args.file)
    if not queries:
        raise KBError(f"{args.file}: no queries with anchors to evaluate.")
    reports = {
        f"policykb-{mode}": evaluate(
            queries, lambda q, k, m=mode: [h.text for h in kb.search(q, k, mode=m)], args.k
        )
        for mode in (MODES if args.all_modes else ("hybrid",))
    }
    if args.baseline:
        from kb.baseline import HaystackBaseline

        base = HaystackBaseline.from_sources(kb.sources)
        reports["haystack-default-bm25-lines"] = evaluate(
            queries, lambda q, k: [d.content or "" for d in base.search(q, k)], args.k
        )
    if args.json:
        _print_json({name: {k: v for k, v in r.items()} for name, r in reports.items()})
    else:
        print(format_report(reports))
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

    p = sub.add_parser(
        "search",
        parents=[common],
        help="search the plan's clauses",
        description="Hybrid search (jieba BM25 + character BM25 + dense), filters first.",
    )
    p.add_argument("query", nargs="?", help="words or a question, Chinese or English")
    p.add_argument("-k", type=int, default=10, help="number of results (default 10)")
    p.add_argument("--doc", help="only this document id")
    p.add_argument("--section", help="only under this section (prefix, e.g. 第四章)")
    p.add_argument("--industry", help="only this industry (e.g. 能源产业)")
    p.add_argument("--mode", choices=MODES, default="hybrid", help="retrieval mode")
    p.add_argument("--queries-from", help="file of queries, one per line (JSON Lines out)")
    p.add_argument("--embedder", help="check the index was built with this embedder")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser(
        "eval",
        parents=[common],
        help="measure retrieval on a query set",
        description="recall@10, MRR@10 and recall@300ch per lang and overall.",
    )
    p.add_argument("file", help="JSON Lines with q, lang, anchors")
    p.add_argument("-k", type=int, default=10, help="cut-off (default 10)")
    p.add_argument("--baseline", action="store_true", help="also Haystack's default BM25")
    p.add_argument("--all-modes", action="store_true", help="also bm25-only and dense-only")
    p.set_defaults(func=cmd_eval)
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
