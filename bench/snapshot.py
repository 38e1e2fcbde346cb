"""``python -m bench.snapshot --index-dir DIR --out FILE [--against OLD]``: search results
of every query in the evaluation sets, to show a change leaves them exactly as they were.

For each query (the ``q`` of every ``*.jsonl`` under ``eval/`` and ``../shared/eval``) it
records the top-10 ids and scores of ``search`` in each mode and of ``search_scoped`` (as
``policykb search`` runs it). With ``--against`` it compares with an earlier snapshot and
exits 1 on the first difference (ids, order, or a score differing at all).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = (ROOT / "eval", ROOT / "eval" / "unseen", ROOT.parent / "shared" / "eval")

__all__ = ["main", "queries", "snapshot"]


def queries() -> list[str]:
    """Every distinct query text of the evaluation sets, in a stable order.

    :returns: the ``q`` fields, first occurrence first.
    """
    found: dict[str, None] = {}
    for folder in SETS:
        for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else ():
            for line in path.read_text("utf-8").splitlines():
                if line.strip() and "q" in (row := json.loads(line)):
                    found[row["q"]] = None
    return list(found)


def snapshot(index_dir: Path, texts: list[str]) -> dict[str, dict[str, list]]:
    """Top-10 ``[id, score]`` per query and mode (``hybrid``, ``bm25``, ``dense``, ``scoped``).

    :param index_dir: the index to search.
    :param texts: the queries.
    :returns: ``{query: {mode: [[id, score], …]}}``.
    """
    from kb import KnowledgeBase

    kb = KnowledgeBase.open(index_dir)
    out: dict[str, dict[str, list]] = {}
    for q in texts:
        row = {
            m: [[h.id, h.score] for h in kb.search(q, 10, mode=m)]
            for m in ("hybrid", "bm25", "dense")
        }
        row["scoped"] = [[h.id, h.score] for h in kb.search_scoped(q, 10)[0]]
        out[q] = row
    return out


def main(argv: list[str] | None = None) -> int:
    """Write a snapshot; with ``--against``, compare it with an earlier one.

    :returns: 0 when identical (or nothing to compare), 1 on a difference.
    """
    parser = argparse.ArgumentParser(prog="python -m bench.snapshot")
    parser.add_argument("--index-dir", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--against", help="an earlier snapshot to compare with")
    args = parser.parse_args(argv)
    snap = snapshot(Path(args.index_dir), queries())
    Path(args.out).write_text(json.dumps(snap, ensure_ascii=False, indent=0), "utf-8")
    print(f"{len(snap)} queries × 4 modes written to {args.out}")
    if not args.against:
        return 0
    old = json.loads(Path(args.against).read_text("utf-8"))
    diffs = [(q, m) for q in old for m in old[q] if snap.get(q, {}).get(m) != old[q][m]]
    for q, m in diffs[:10]:
        print(f"DIFFERENT {m}: {q}\n  before {old[q][m][:3]}\n  after  {snap[q][m][:3]}")
    print("identical" if not diffs and set(old) == set(snap) else f"{len(diffs)} differ")
    return 1 if diffs or set(old) != set(snap) else 0


if __name__ == "__main__":
    sys.exit(main())
