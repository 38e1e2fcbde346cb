"""How the commands print: JSON, hits with highlights, scope lines, progress;
and the one way they open the knowledge base.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from kb.highlight import mark
from kb.knowledge_base import KnowledgeBase
from kb.scope import Scope
from kb.search import Hit
from kb.settings import Settings

__all__ = [
    "highlight",
    "open_kb",
    "print_hits",
    "print_json",
    "progress_bar",
    "read_text",
    "scope_line",
]


def print_json(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=None)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate echoed from the input: escape it
        text = json.dumps(value, ensure_ascii=True, indent=None)
    print(text)


def progress_bar(enabled: bool) -> Callable[[str, int, int], None] | None:
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


def open_kb(config: Settings, args: argparse.Namespace) -> KnowledgeBase:
    """Load the index; warn on stderr when the corpus changed since it was built."""
    kb = KnowledgeBase.open(config.paths.index_dir, settings=config)
    if config.sources.get("embedder", "default") != "default":
        kb.check_embedder(config.index.embedder)
    for note in kb.changes(config.paths.corpus_dir):
        print(f"policykb: warning: {note}; run `policykb ingest` to update.", file=sys.stderr)
    return kb


def highlight(text: str, terms: list[str], tty: bool) -> str:
    return mark(text, terms, "\033[1;33m", "\033[0m") if tty else mark(text, terms, "【", "】")


def print_hits(query: str, hits: list[Hit], scope: str | None = None) -> None:
    tty = sys.stdout.isatty()
    print(f"# {query}")
    if scope:
        print(f"  {scope}")
    if not hits:
        print("  (no results)")
    for h in hits:
        print(f"{h.rank:>3}. {' › '.join(h.section) or h.doc_title}   [{h.id}]")
        print(f"     {highlight(h.text.replace(chr(10), ' '), h.matched, tty)}")


def scope_line(kb: KnowledgeBase, scope: Scope | None) -> str | None:
    """A line saying which documents a search was kept to, and why."""
    if scope is None:
        return None
    titles = "、".join(f"《{kb.document(d).title}》" for d in scope.docs[:3])
    more = f" and {len(scope.docs) - 3} more" if len(scope.docs) > 3 else ""
    why = f"the question names {scope.because}" if scope.because else "the corpus's own"
    return f"only {titles}{more} ({why}; --all-docs for every document)"


def read_text(value: str) -> str:
    return sys.stdin.read() if value == "-" else value
