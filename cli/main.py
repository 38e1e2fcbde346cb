"""The ``policykb`` command line: a face over ``kb``'s public API.

Every command takes ``--index-dir``, ``--json`` and ``--set KEY=VALUE`` (any setting of
the tree, see ``policykb config``). Errors are printed to stderr as one line naming the
problem and the fix, with exit code 2; ``--json`` shapes are in docs/cli.md. The
handlers live beside this module, one module per kind of command.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from cli.eval_command import cmd_eval
from cli.index_commands import cmd_docs, cmd_indicators, cmd_ingest, cmd_outline
from cli.query_commands import cmd_ask, cmd_compare, cmd_fit, cmd_search
from cli.serve_commands import cmd_api, cmd_serve
from cli.settings_command import cmd_config
from ingest import IngestError
from kb.errors import ConfigError, KBError
from kb.search import MODES
from kb.settings import STORES, Settings

__all__ = ["build_parser", "main"]

ALL_DOCS_HELP = (
    "every document, even when the question names some (by default a question that names "
    "a place, issuer, kind or year is kept to those documents, and one that names none to "
    "the corpus's own when they answer it)"
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand (each has ``--help``)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--index-dir", help="index folder (default .policykb/, env POLICYKB_INDEX_DIR)"
    )
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
    common.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="any setting for this run, e.g. --set fusion=rrf (see `policykb config`)",
    )
    common.add_argument("--config", help="a settings file (default ./policykb.toml)")
    parser = argparse.ArgumentParser(
        prog="policykb", description="Search, quote and cite Chinese policy plans."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str, handler) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=summary, description=description)
        p.set_defaults(func=handler)
        return p

    p = command(
        "ingest",
        "parse documents and build the index",
        "Parse documents (default: every file in corpus/) and build the search index.",
        cmd_ingest,
    )
    p.add_argument("paths", nargs="*", help="files or folders (default: the corpus folder)")
    p.add_argument("--corpus-dir", help="default folder of documents (env POLICYKB_CORPUS_DIR)")
    p.add_argument("--embedder", help="embedding model (env POLICYKB_EMBEDDER)")
    p.add_argument(
        "--home",
        metavar="DOC[,DOC]",
        help="the corpus's own documents, answered first when a question names none "
        "(default: those of the first path; env POLICYKB_HOME)",
    )
    p.add_argument(
        "--store",
        choices=STORES,
        help="where search runs: embedded files (default) or a Qdrant collection "
        "(env POLICYKB_STORE; POLICYKB_QDRANT_URL / _PATH / _COLLECTION, see "
        "docs/operations-qdrant.md)",
    )

    for name, summary, description, handler in (
        (
            "outline",
            "print the documents' structure",
            "Print each document's tree: chapters, sections, boxes, items.",
            cmd_outline,
        ),
        (
            "indicators",
            "print the targets table",
            "Print the targets table: 2020 values vs 2025 targets.",
            cmd_indicators,
        ),
    ):
        command(name, summary, description, handler).add_argument(
            "--doc", help="only this document id"
        )

    p = command(
        "search",
        "search the plan's clauses",
        "Hybrid search (jieba BM25 + character BM25 + dense); filters apply before ranking.",
        cmd_search,
    )
    p.add_argument("query", nargs="?", help="words or a question, Chinese or English")
    p.add_argument("-k", type=int, default=10, help="number of results (default 10)")
    p.add_argument("--doc", help="only this document id")
    p.add_argument("--section", help="only under this section (prefix, e.g. 第四章)")
    p.add_argument("--industry", help="only this industry (e.g. 能源产业)")
    p.add_argument("--mode", choices=MODES, default="hybrid", help="retrieval mode")
    p.add_argument("--queries-from", help="file of queries, one per line (JSON Lines out)")
    p.add_argument("--all-docs", action="store_true", help=ALL_DOCS_HELP)
    p.add_argument("--embedder", help="check the index was built with this embedder")

    p = command(
        "ask",
        "answer a question from the plan's own words",
        "Extractive answer grouped by section, every clause cited; generative when "
        "POLICYKB_LLM_URL and POLICYKB_LLM_MODEL are set.",
        cmd_ask,
    )
    p.add_argument("question", help="a question in Chinese or English")
    p.add_argument("--doc", help="only this document id")
    p.add_argument("--extractive", action="store_true", help="never call a language model")
    p.add_argument("--all-docs", action="store_true", help=ALL_DOCS_HELP)

    p = command(
        "fit",
        "check whether a project fits the plan",
        "Verdict (fit / partial / no_fit), matching plan items and support measures.",
        cmd_fit,
    )
    p.add_argument("text", help="the project description, or - to read it from stdin")
    p.add_argument("--doc", help="only these documents (ids, comma-separated; default: all)")

    command(
        "docs",
        "list the indexed documents",
        "Each document's title, issuer, region, level, kind, year and period.",
        cmd_docs,
    )

    p = command(
        "compare",
        "what each document says on a topic",
        "For each document (or those chosen), its clauses on the topic with their "
        "addresses, side by side; documents that say nothing are listed as such.",
        cmd_compare,
    )
    p.add_argument("topic", help="a topic, e.g. 氢能 or 高新技术企业")
    p.add_argument("--docs", help="only these documents (ids, comma-separated)")
    p.add_argument("--kind", help="only documents of this kind (e.g. 政府工作报告, 规划)")
    p.add_argument("--format", choices=("md", "csv"), default="md", help="text output format")

    p = command(
        "serve",
        "start the app on localhost",
        "Start the Streamlit app (ask, search, browse, fit, targets).",
        cmd_serve,
    )
    p.add_argument("--port", type=int, default=8501, help="port (default 8501)")
    p.add_argument("--address", default="localhost", help="address to listen on")

    p = command(
        "api",
        "serve the HTTP API",
        "Serve search, ask, fit, compare, outline, indicators and docs over HTTP, in the "
        'shapes --json prints (docs/api.md; needs pip install "policykb[api]").',
        cmd_api,
    )
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")

    p = command(
        "config",
        "show the effective settings and where each came from",
        "Every setting of the tree (defaults <- policykb.toml <- POLICYKB_* <- flags) with "
        "its value, its environment variable and its source. docs/configuration.md lists "
        "them all.",
        cmd_config,
    )
    p.add_argument("--changed", action="store_true", help="only the settings not at default")

    p = command(
        "eval",
        "measure on labelled sets (queries, fit, numbers, named documents)",
        "One table for every set given: queries (recall@10, MRR@10, recall@300ch), fit "
        "(verdict and anchors in the first five matches; also how often the anchors lie in "
        "the whole items those matches quote), numbers (the answer leads with the value), "
        "documents (the named document's clause in the first three). The kind of each set "
        "follows from its fields.",
        cmd_eval,
    )
    p.add_argument("files", nargs="+", help="JSON Lines sets, or folders of them")
    p.add_argument("-k", type=int, default=10, help="cut-off (default 10)")
    p.add_argument("--baseline", action="store_true", help="also Haystack's default BM25")
    p.add_argument("--all-modes", action="store_true", help="also bm25-only and dense-only")
    p.add_argument("--doc", help="search only this document (as `search --doc`)")
    p.add_argument("--all-docs", action="store_true", help=ALL_DOCS_HELP)
    return parser


def _flags(args: argparse.Namespace) -> dict[str, str | None]:
    """The settings given as flags: the named ones, then each ``--set KEY=VALUE``.

    :raises ConfigError: a ``--set`` without ``=``.
    """
    flags = {
        key: getattr(args, key, None)
        for key in ("index_dir", "corpus_dir", "home", "embedder", "store")
    }
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(f"--set {item!r} needs KEY=VALUE, e.g. --set fusion=rrf.")
        flags[key.strip().replace("-", "_")] = value.strip()
    return flags


#: Commands that only read the index: run from the shell, they end without the
#: interpreter's teardown (see :func:`_leave`).
READ_ONLY = frozenset({"search", "ask", "fit", "compare", "outline", "indicators", "docs"})


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 2 error, 130 interrupted).

    With ``argv`` None (the ``policykb`` command itself), a read-only command ends the
    process at once instead of returning (:func:`_leave`).
    """
    args = build_parser().parse_args(argv)
    code = _run(args)
    if argv is None and args.command in READ_ONLY:
        _leave(code)
    return code


def _leave(code: int) -> NoReturn:
    """End the process now: flush what was printed and skip the interpreter's teardown.

    Freeing the dictionaries and models one query loaded (jieba's, the USE vocabulary,
    Haystack's modules) is a quarter of a cold ``policykb search``; a read-only command
    has written no file and left no thread, so there is nothing for teardown to finish.
    """
    with contextlib.suppress(BrokenPipeError):  # the reader went away: nothing to say
        sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _run(args: argparse.Namespace) -> int:
    """The command's work, with errors turned into messages and exit codes."""
    try:
        config = Settings.load(file=args.config, **_flags(args))
        return args.func(args, config)
    except (KBError, IngestError) as exc:
        print(f"policykb {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader (e.g. `| head`) closed the pipe: stop quietly
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep interpreter exit quiet
        return 0
    except OSError as exc:  # the environment, not a bug: a file or folder we could not use
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"policykb {args.command}: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"policykb {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
