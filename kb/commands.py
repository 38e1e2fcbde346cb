"""Handlers of the ``policykb`` commands: each takes parsed arguments and a config,
calls ``kb``'s public API, prints text or JSON, and returns an exit code.

Errors are raised as ``KBError``/``IngestError``; :func:`kb.cli.main` turns them into
one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kb.build import build_index
from kb.config import Config
from kb.errors import KBError
from kb.evaluate import (
    evaluate,
    evaluate_documents,
    evaluate_fit,
    evaluate_numbers,
    format_sets,
    load_set,
)
from kb.highlight import mark
from kb.inputs import read_lines
from kb.knowledge_base import KnowledgeBase
from kb.search import MODES, Hit

__all__ = [
    "cmd_api",
    "cmd_ask",
    "cmd_compare",
    "cmd_docs",
    "cmd_eval",
    "cmd_fit",
    "cmd_indicators",
    "cmd_ingest",
    "cmd_outline",
    "cmd_search",
    "cmd_serve",
]


def _print_json(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=None)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate echoed from the input: escape it
        text = json.dumps(value, ensure_ascii=True, indent=None)
    print(text)


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
    return mark(text, terms, "\033[1;33m", "\033[0m") if tty else mark(text, terms, "【", "】")


def _print_hits(query: str, hits: list[Hit], scope: str | None = None) -> None:
    tty = sys.stdout.isatty()
    print(f"# {query}")
    if scope:
        print(f"  {scope}")
    if not hits:
        print("  (no results)")
    for h in hits:
        print(f"{h.rank:>3}. {' › '.join(h.section) or h.doc_title}   [{h.id}]")
        print(f"     {_highlight(h.text.replace(chr(10), ' '), h.matched, tty)}")


def cmd_search(args: argparse.Namespace, config: Config) -> int:
    kb = _open(config, args)
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
            hits, scope = _search(kb, query, args)
        except KBError as exc:
            if not batch:
                raise
            failed += 1  # one line's error is that line's answer; the batch goes on
            if args.json:
                _print_json({"query": query, "error": str(exc)})
            else:
                print(f"# {query}\n  error: {exc}")
            continue
        if args.json:
            shown = scope.to_dict() if scope else None
            _print_json({"query": query, "scope": shown, "results": [h.to_dict() for h in hits]})
        else:
            _print_hits(query, hits, _scope_line(kb, scope))
    return 1 if failed else 0


def _search(kb: KnowledgeBase, query: str, args: argparse.Namespace) -> tuple[list[Hit], Any]:
    """Search as asked: --doc, else --all-docs, else kept to what the query names."""
    filters = (args.section, args.industry, args.mode)
    if args.doc or args.all_docs:
        return kb.search(query, args.k, args.doc, *filters), None
    return kb.search_scoped(query, args.k, None, *filters)


def _scope_line(kb: KnowledgeBase, scope: Any) -> str | None:
    """A line saying which documents a search was kept to, and why."""
    if scope is None:
        return None
    titles = "、".join(f"《{kb.document(d).title}》" for d in scope.docs[:3])
    more = f" and {len(scope.docs) - 3} more" if len(scope.docs) > 3 else ""
    why = f"the question names {scope.because}" if scope.because else "the corpus's own"
    return f"only {titles}{more} ({why}; --all-docs for every document)"


def _set_files(names: list[str]) -> list[Path]:
    """The ``*.jsonl`` sets named: files as given, folders searched (sorted)."""
    files: list[Path] = []
    for name in names:
        path = Path(name)
        files += sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise KBError(f"no .jsonl sets in {', '.join(names)}; name set files or a folder of them.")
    return files


def cmd_eval(args: argparse.Namespace, config: Config) -> int:
    kb = _open(config, args)
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
            results.append((path.stem, kind, "policykb", evaluate_fit(rows, kb.fit)))
        elif kind == "numbers":
            ask = lambda q: kb.ask(q, doc=doc)  # noqa: E731 - one line, named for reading
            results.append((path.stem, kind, "policykb", evaluate_numbers(rows, ask)))
        else:  # the question names its document: scoped by what it names, never by --doc
            report = evaluate_documents(rows, lambda q, k: scoped(q, k, named=True))
            results.append((path.stem, kind, "policykb", report))
    if args.json:
        _print_json(
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


def cmd_ask(args: argparse.Namespace, config: Config) -> int:
    kb = _open(config, args)
    every = [d.doc for d in kb.documents] if args.all_docs and not args.doc else None
    answer = kb.ask(args.question, doc=args.doc or every)
    if config.llm_url and config.llm_model and not args.extractive:
        from kb.generate import AnswerWriter

        answer = AnswerWriter(config.llm_url, config.llm_model, config.llm_timeout).write(answer)
    if answer.notice:
        print(f"policykb ask: notice: {answer.notice}", file=sys.stderr)
    if args.json:
        _print_json(answer.to_dict())
        return 0
    line = _scope_line(kb, answer.scope)
    if line:
        print(f"({line})\n")
    print(answer.answer)
    if answer.citations:
        print()
        for c in answer.citations:
            print(f"[{c.n}] {' › '.join(c.section)}  ({c.id}, {c.start}–{c.end})")
    return 0


def cmd_docs(args: argparse.Namespace, config: Config) -> int:
    kb = KnowledgeBase.open(config.index_dir)
    docs = [d.to_dict() for d in kb.documents]
    if args.json:
        _print_json({"documents": docs})
        return 0
    for d in docs:
        home = " (home)" if d["home"] else ""
        print(f"《{d['title']}》{home}  [{d['doc']}]")
        facts = [d["issuer"], d["region"], d["level"], d["kind"], str(d["year"] or ""), d["period"]]
        print(f"    {' · '.join(f for f in facts if f)} · {d['chunks']} chunks")
    return 0


def cmd_compare(args: argparse.Namespace, config: Config) -> int:
    from kb.compare import compare

    kb = _open(config, args)
    docs = args.docs.split(",") if args.docs else None
    comparison = compare(kb, args.topic, docs=docs, kind=args.kind)
    if args.json:
        _print_json(comparison.to_dict())
    elif args.format == "csv":
        sys.stdout.write(comparison.to_csv())
    else:
        print(comparison.to_markdown())
    return 0


def _read_text(value: str) -> str:
    return sys.stdin.read() if value == "-" else value


def cmd_fit(args: argparse.Namespace, config: Config) -> int:
    kb = _open(config, args)
    docs = args.doc.split(",") if args.doc else None
    report = kb.fit(_read_text(args.text), doc=docs)
    if args.json:
        _print_json(report.to_dict())
        return 0
    print(f"{report.verdict.upper()}  (score {report.score:.2f})  {report.reason}")
    if report.documents:
        print("\nBy document:")
        for r in report.documents:
            print(f"- {r.verdict:<8} {r.score:.2f}  《{r.doc_title}》")
    for title, rows in (
        ("Matching plan items", report.matches),
        ("Support measures", report.measures),
    ):
        if rows:
            print(f"\n{title}:")
            for m in rows:
                label = f"{m.label}: " if m.label else ""
                print(f"- {label}{m.text}\n    {' › '.join(m.section)}  [{m.id}]")
    return 0


def cmd_serve(args: argparse.Namespace, config: Config) -> int:
    """Start the Streamlit app (``ui/streamlit_app.py``, found beside the ``ui`` package)."""
    import importlib.util
    import subprocess

    spec = importlib.util.find_spec("ui")
    folders = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    folders.append(Path(__file__).resolve().parent.parent / "ui")  # a checkout's own
    app = next(
        (f / "streamlit_app.py" for f in folders if (f / "streamlit_app.py").is_file()), None
    )
    if app is None:
        raise KBError(
            "the app is not installed (no ui/streamlit_app.py); install it with "
            "`pip install 'policykb[app]'`."
        )
    env = {**os.environ, "POLICYKB_INDEX_DIR": str(Path(config.index_dir).resolve())}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(args.port),
        "--server.address",
        args.address,
        "--server.headless",
        "true",
        "--server.maxUploadSize",
        "50",
        "--client.toolbarMode",
        "minimal",
        "--browser.gatherUsageStats",
        "false",
    ]
    print(f"PolicyKB: http://{args.address}:{args.port}", file=sys.stderr)
    return subprocess.call(command, env=env)


def cmd_api(args: argparse.Namespace, config: Config) -> int:
    """Serve the HTTP API (the ``api`` package, which needs the ``api`` extra)."""
    try:
        from api.server import serve
    except ImportError as exc:
        if "policykb[api]" not in str(exc):
            raise
        raise KBError(str(exc)) from exc
    return serve(config, host=args.host, port=args.port)
