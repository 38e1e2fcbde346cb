"""``policykb eval``: query, fit, number and document sets measured in one table."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.output import open_kb, print_json
from kb.errors import KBError
from kb.eval_tables import format_sets
from kb.evaluate import (
    evaluate,
    evaluate_documents,
    evaluate_fit,
    evaluate_numbers,
    load_set,
)
from kb.search import MODES
from kb.settings import Settings

__all__ = ["cmd_eval"]


def _set_files(names: list[str]) -> list[Path]:
    """The ``*.jsonl`` sets named: files as given, folders searched (sorted)."""
    files: list[Path] = []
    for name in names:
        path = Path(name)
        files += sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise KBError(f"no .jsonl sets in {', '.join(names)}; name set files or a folder of them.")
    return files


def cmd_eval(args: argparse.Namespace, config: Settings) -> int:
    kb = open_kb(config, args)
    doc = getattr(args, "doc", None)

    def scoped(question: str, k: int, mode: str = "hybrid", named: bool = False) -> list:
        """As a user gets it: --doc, else the documents the question names (or home)."""
        if (doc or args.all_docs) and not named:
            return kb.search(question, k, doc=doc, mode=mode)
        return kb.search_scoped(question, k, mode=mode)[0]

    results: list[tuple[str, str, str, dict]] = []
    for path in _set_files(args.files):
        kind, rows = load_set(path)
        if not rows:
            raise KBError(f"{path}: no cases to evaluate (query sets need anchors).")
        if kind == "queries":
            for mode in MODES if args.all_modes else ("hybrid",):
                report = evaluate(
                    rows,
                    lambda q, k, m=mode: [h.text for h in scoped(q, k, m)],
                    args.k,
                )
                results.append((path.stem, kind, f"policykb-{mode}", report))
            if args.baseline:
                from kb.baseline import HaystackBaseline

                base = HaystackBaseline.from_sources(
                    {d: t for d, t in kb.sources.items() if doc in (None, d)}
                )
                report = evaluate(
                    rows, lambda q, k, b=base: [d.content or "" for d in b.search(q, k)], args.k
                )
                results.append((path.stem, kind, "haystack-default-bm25-lines", report))
        elif kind == "fit":
            text = lambda i: kb.chunk(i).content or ""  # noqa: E731 - the cited item's text
            results.append((path.stem, kind, "policykb", evaluate_fit(rows, kb.fit, 5, text)))
        elif kind == "numbers":
            ask = lambda q: kb.ask(q, doc=doc)  # noqa: E731 - one line, named for reading
            results.append((path.stem, kind, "policykb", evaluate_numbers(rows, ask)))
        else:  # the question names its document: scoped by what it names, never by --doc
            report = evaluate_documents(rows, lambda q, k: scoped(q, k, named=True))
            results.append((path.stem, kind, "policykb", report))
    if args.json:
        print_json(
            {
                "sets": [
                    {"set": name, "kind": kind, "system": system, "report": report}
                    for name, kind, system, report in results
                ]
            }
        )
    else:
        print(format_sets(results))
    return 0
