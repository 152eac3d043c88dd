"""Retrieval: recall@1, recall@5 and MRR of project search, keyword-only vs dense-only vs hybrid."""

from __future__ import annotations

from collections.abc import Iterable

from evals.metrics import mean, recall_at_k, reciprocal_rank
from evals.models import RankedQuery, RetrievalCase

MODES = ("keyword", "dense", "hybrid")
DEPTH = 10


def rank_tables(index, query: str, mode: str, k: int = DEPTH) -> list[str]:
    """Table ids in the order search_projects returns them in the given retriever mode."""
    hits = index.search_projects(query, filters=None, k=k, mode=mode)
    return [hit.table.id for hit in hits]


def run_case(index, case: RetrievalCase, mode: str) -> RankedQuery:
    """One query in one mode, scored against its expected ids."""
    ranked = rank_tables(index, case.query, mode)
    return RankedQuery(
        query=case.query,
        kind=case.kind,
        mode=mode,
        expected=case.expected,
        ranked=ranked,
        recall_at_1=recall_at_k(ranked, case.expected, 1),
        recall_at_5=recall_at_k(ranked, case.expected, 5),
        reciprocal_rank=reciprocal_rank(ranked, case.expected),
    )


def run_retrieval(
    index, cases: list[RetrievalCase], modes: Iterable[str] = MODES
) -> list[RankedQuery]:
    """Every case in every mode."""
    return [run_case(index, case, mode) for mode in modes for case in cases]


def summarize(results: list[RankedQuery], kind: str | None = None) -> dict[str, dict[str, float]]:
    """{mode: {recall@1, recall@5, MRR, n}} over all cases, or over one kind of case."""
    summary: dict[str, dict[str, float]] = {}
    for mode in dict.fromkeys(r.mode for r in results):
        chosen = [r for r in results if r.mode == mode and (kind is None or r.kind == kind)]
        if chosen:
            summary[mode] = {
                "recall@1": mean(r.recall_at_1 for r in chosen),
                "recall@5": mean(r.recall_at_5 for r in chosen),
                "MRR": mean(r.reciprocal_rank for r in chosen),
                "n": len(chosen),
            }
    return summary
