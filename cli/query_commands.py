"""Commands that query: ``search``, ``ask``, ``fit``, ``compare``."""

from __future__ import annotations

import argparse
import sys

from cli.output import open_kb, print_hits, print_json, read_text, scope_line
from kb.errors import KBError
from kb.inputs import read_lines
from kb.scoped_search import search_as_asked
from kb.settings import Settings

__all__ = ["cmd_ask", "cmd_compare", "cmd_fit", "cmd_search"]


def cmd_search(args: argparse.Namespace, config: Settings) -> int:
    kb = open_kb(config, args)
    if args.queries_from:
        lines = read_lines(args.queries_from, "a text file with one query per line")
        queries, batch = lines, True
    elif args.query:
        queries, batch = [args.query], False
    else:
        raise KBError("give a QUERY or --queries-from FILE (one query per line).")
    failed = 0
    for query in queries:
        try:
            found = search_as_asked(
                kb, query, args.k, args.doc, args.section, args.industry, args.mode, args.all_docs
            )
        except KBError as exc:
            if not batch:
                raise
            failed += 1  # one line's error is that line's answer; the batch goes on
            if args.json:
                print_json({"query": query, "error": str(exc)})
            else:
                print(f"# {query}\n  error: {exc}")
            continue
        if args.json:
            print_json(found.to_dict())
            continue
        line = scope_line(kb, found.scope)
        if found.elsewhere:  # 青海… over Liupanshui's plan: the hits may not answer it
            line = f"no indexed document is about {'、'.join(found.elsewhere)}"
        print_hits(query, found.hits, line)
    return 1 if failed else 0


def cmd_ask(args: argparse.Namespace, config: Settings) -> int:
    kb = open_kb(config, args)
    every = [d.doc for d in kb.documents] if args.all_docs and not args.doc else None
    answer = kb.ask(args.question, doc=args.doc or every, generative=not args.extractive)
    if answer.notice and answer.notice != answer.answer:  # not said twice
        print(f"policykb ask: notice: {answer.notice}", file=sys.stderr)
    if args.json:
        print_json(answer.to_dict())
        return 0
    line = scope_line(kb, answer.scope)
    if line:
        print(f"({line})\n")
    print(answer.answer)
    if answer.citations:
        print()
        for c in answer.citations:
            print(f"[{c.n}] {' › '.join(c.section)}  ({c.id}, {c.start}–{c.end})")
    return 0


def cmd_compare(args: argparse.Namespace, config: Settings) -> int:
    from kb.compare import compare

    kb = open_kb(config, args)
    docs = args.docs.split(",") if args.docs else None
    comparison = compare(kb, args.topic, docs=docs, kind=args.kind)
    if args.json:
        print_json(comparison.to_dict())
    elif args.format == "csv":
        sys.stdout.write(comparison.to_csv())
    else:
        print(comparison.to_markdown())
    return 0


def cmd_fit(args: argparse.Namespace, config: Settings) -> int:
    kb = open_kb(config, args)
    docs = args.doc.split(",") if args.doc else None
    report = kb.fit(read_text(args.text), doc=docs)
    if args.json:
        print_json(report.to_dict())
        return 0
    print(f"{report.verdict.upper()}  (score {report.score:.2f})  {report.reason}")
    if report.documents:
        print("\nBy document:")
        for r in report.documents:
            print(f"- {r.verdict:<8} {r.score:.2f}  《{r.doc_title}》")
    for title, rows in (
        ("Matching items", report.matches),
        ("Support measures", report.measures),
    ):
        if rows:
            print(f"\n{title}:")
            for m in rows:
                label = f"{m.label}: " if m.label else ""
                label += (
                    "(close in meaning; names none of its key terms) " if m.kind == "near" else ""
                )
                print(f"- {label}{m.line}\n    {' › '.join(m.address)}  [{m.id}]")
    return 0
