"""Reciprocal rank fusion of the dense and keyword rankings (see docs/index.md for the choice).

RRF needs no score calibration between cosine similarities and BM25 scores, which live on
unrelated scales and shift with corpus size; only ranks matter. `RRF_K` damps the head of each
list; `weights` lets one retriever count more.
"""

from __future__ import annotations

from assistant.schema import MatchScores

RRF_K = 60
DEFAULT_WEIGHTS = (1.0, 0.5)  # (dense, keyword): measured choice, see docs/index.md


def rrf(
    dense: list[tuple[int, float]],
    keyword: list[tuple[int, float]],
    k: int = RRF_K,
    weights: tuple[float, float] = DEFAULT_WEIGHTS,
    limit: int | None = None,
) -> list[tuple[int, MatchScores]]:
    """Fuse two best-first lists of (doc position, score); best fused first, at most `limit`.

    Ties (same fused score) are broken by the dense similarity, then by position, so the
    order is deterministic.
    """
    fused: dict[int, float] = {}
    dense_at = {pos: (rank, score) for rank, (pos, score) in enumerate(dense, start=1)}
    keyword_at = {pos: (rank, score) for rank, (pos, score) in enumerate(keyword, start=1)}
    for pos, (rank, _) in dense_at.items():
        fused[pos] = weights[0] / (k + rank)
    for pos, (rank, _) in keyword_at.items():
        fused[pos] = fused.get(pos, 0.0) + weights[1] / (k + rank)
    best = sorted(fused, key=lambda p: (-fused[p], -dense_at.get(p, (0, 0.0))[1], p))[:limit]
    # MatchScores only for what is returned: pydantic objects per candidate cost more than the fusion.
    return [(pos, _scores(fused[pos], dense_at.get(pos), keyword_at.get(pos))) for pos in best]


def _scores(fused: float, dense, keyword) -> MatchScores:
    return MatchScores(
        fused=round(fused, 6),
        dense=None if dense is None else round(float(dense[1]), 6),
        dense_rank=None if dense is None else dense[0],
        keyword=None if keyword is None else round(float(keyword[1]), 6),
        keyword_rank=None if keyword is None else keyword[0],
    )
