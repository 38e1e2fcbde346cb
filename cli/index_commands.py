"""Commands about the index itself: ``ingest``, ``docs``, ``outline``, ``indicators``."""

from __future__ import annotations

import argparse
import sys

from cli.output import print_json, progress_bar
from kb.build import build_index
from kb.knowledge_base import KnowledgeBase
from kb.settings import Settings

__all__ = ["cmd_docs", "cmd_indicators", "cmd_ingest", "cmd_outline"]


def cmd_ingest(args: argparse.Namespace, config: Settings) -> int:
    report = build_index(config, args.paths or None, progress=progress_bar(not args.json))
    if args.json:
        print_json(
            {
                "index_dir": str(report.index_dir),
                "documents": report.documents,
                "chunks": report.chunk_count,
                "timings": report.timings,
                "warnings": report.warnings,
                **({"store": report.store} if report.store else {}),
            }
        )
    else:
        print(
            f"Indexed {len(report.documents)} document(s), {report.chunk_count} chunks "
            f"into {report.index_dir} in {sum(report.timings.values()):.1f}s."
        )
        if report.store:
            where = report.store.get("url") or report.store.get("path")
            print(
                f"Search runs on Qdrant collection {report.store['collection']} (alias "
                f"{report.store['alias']}) at {where}."
            )
    for warning in report.warnings:
        print(f"policykb ingest: warning: {warning}", file=sys.stderr)
    return 0


def _print_nodes(nodes: list[dict], depth: int) -> None:
    for node in nodes:
        print(f"{'  ' * depth}{node['title'] or node['kind']}  [{node['id']}]")
        _print_nodes(node["children"], depth + 1)


def cmd_outline(args: argparse.Namespace, config: Settings) -> int:
    outline = KnowledgeBase.open(config.paths.index_dir, settings=config).outline(args.doc)
    if args.json:
        print_json(outline)
        return 0
    for doc in outline["documents"]:
        print(f"《{doc['title']}》  [{doc['doc']}]")
        _print_nodes(doc["nodes"], 1)
    return 0


def cmd_indicators(args: argparse.Namespace, config: Settings) -> int:
    rows = KnowledgeBase.open(config.paths.index_dir, settings=config).indicators(args.doc)
    if args.json:
        print_json({"indicators": [r.to_dict() for r in rows]})
        return 0
    if not rows:
        print("No targets table (2020 value vs 2025 target) in the indexed documents.")
        return 0
    width = max(len(r.name) for r in rows)
    for r in rows:
        ratio = f"×{r.target_2025 / r.value_2020:.2f}" if r.value_2020 else ""
        print(f"{r.name:<{width}}  {r.unit:<6} {r.value_2020:>8} → {r.target_2025:<8} {ratio}")
    return 0


def cmd_docs(args: argparse.Namespace, config: Settings) -> int:
    kb = KnowledgeBase.open(config.paths.index_dir, settings=config)
    docs = [d.to_dict() for d in kb.documents]
    if args.json:
        print_json({"documents": docs})
        return 0
    for d in docs:
        home = " (home)" if d["home"] else ""
        print(f"《{d['title']}》{home}  [{d['doc']}]")
        level = f"{d['level']}级" if d["level"] else ""  # 省级: 北京市 is provincial-level
        facts = [d["issuer"], d["region"], level, d["kind"], str(d["year"] or ""), d["period"]]
        print(f"    {' · '.join(f for f in facts if f)} · {d['chunks']} chunks")
    return 0
