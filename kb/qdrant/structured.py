"""English queries on Qdrant: per idea, the best rendering plus a share of the others.

The embedded store scores a structured query (:meth:`kb.sparse.SparseIndex.group_scores`)
as, per group of renderings of one idea, ``best + others × rest`` — a maximum, which
no single sparse query expresses. Here each rendering is its own sparse query and the
scores are combined client-side, exactly, with Fagin's threshold algorithm:

1. ask each rendering for its top ``m`` chunks (the filter applied in the engine);
2. complete every candidate's score for every rendering (a query restricted to those
   point ids);
3. a chunk no list returned scores at most each rendering's ``m``-th score, so it is
   bounded by the combination of those; if the ``k``-th candidate reaches the bound,
   the top ``k`` is exact, else ``m`` grows fourfold and the rounds repeat.

Example::

    top = structured_top(search, [[rendering_a, rendering_b], [rendering_c]], k=10)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["Search", "combine", "structured_top"]

# search(queries, limit, ids) → per query [(row, score)], best first, among ``ids`` if given
Search = Callable[[Sequence[Any], int, Sequence[int] | None], list[list[tuple[int, float]]]]


def combine(groups: Sequence[Sequence[float]], others: float) -> float:
    """``Σ best + others × (sum − best)`` over groups of rendering scores."""
    total = 0.0
    for scores in groups:
        if scores:
            best = max(scores)
            total += best + others * (sum(scores) - best)
    return total


def structured_top(
    search: Search,
    groups: Sequence[Sequence[Any]],
    k: int,
    others: float = 0.2,
    size: int | None = None,
) -> list[tuple[int, float]]:
    """The exact top ``k`` rows (positive scores) of a structured query.

    :param search: runs sparse queries (see :data:`Search`).
    :param groups: per idea, its renderings as query vectors (any type ``search`` takes).
    :param others: weight of a group's renderings beyond its best.
    :param size: the number of points, where growing ``m`` stops.
    :returns: ``[(row, score)]`` best first, ties by row.
    """
    flat = [vector for group in groups for vector in group]
    spans, start = [], 0
    for group in groups:
        spans.append(range(start, start + len(group)))
        start += len(group)
    if not flat or k < 1:
        return []
    m = k
    while True:
        lists = search(flat, m, None)
        scores = [dict(hits) for hits in lists]
        floors = [hits[-1][1] if len(hits) >= m else 0.0 for hits in lists]
        candidates = sorted(set().union(*scores))
        missing = [
            (i, [row for row in candidates if row not in scores[i]])
            for i in range(len(flat))
            if floors[i] > 0
        ]
        missing = [(i, rows) for i, rows in missing if rows]
        if missing:
            done = search([flat[i] for i, _ in missing], len(candidates), candidates)
            for (i, _), hits in zip(missing, done, strict=True):
                scores[i].update(hits)
        ranked = sorted(
            (
                (row, combine([[scores[i].get(row, 0.0) for i in span] for span in spans], others))
                for row in candidates
            ),
            key=lambda pair: (-pair[1], pair[0]),
        )
        ranked = [pair for pair in ranked if pair[1] > 0]
        bound = combine([[floors[i] for i in span] for span in spans], others)
        exact = bound <= 0 or (len(ranked) >= k and ranked[k - 1][1] >= bound)
        if exact or (size is not None and m >= size):
            return ranked[:k]
        m *= 4
