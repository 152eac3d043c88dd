"""Plain metric functions: precision/recall/F1, recall@k, reciprocal rank, means."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def precision_recall_f1(matched: int, predicted: int, actual: int) -> tuple[float, float, float]:
    """P/R/F1 of `matched` pairs among `predicted` draft rows and `actual` real rows."""
    if matched < 0 or matched > min(predicted, actual):
        raise ValueError(f"matched={matched} impossible for {predicted} predicted, {actual} actual")
    precision = matched / predicted if predicted else 0.0
    recall = matched / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def recall_at_k(ranked: Sequence[str], expected: Iterable[str], k: int) -> float:
    """Share of the right answers in the top k, out of as many as the top k can hold.

    Dividing by min(k, |expected|) rather than |expected| keeps a perfect ranking at 1.0 when a
    category question has more right answers than k (recall@1 of a 3-answer question).
    """
    relevant = set(expected)
    if not relevant or k <= 0:
        raise ValueError("recall@k needs k > 0 and at least one expected id")
    found = len(relevant.intersection(ranked[:k]))
    return found / min(k, len(relevant))


def reciprocal_rank(ranked: Sequence[str], expected: Iterable[str]) -> float:
    """1/rank of the first right answer, 0 when none was returned."""
    relevant = set(expected)
    for rank, item in enumerate(ranked, start=1):
        if item in relevant:
            return 1.0 / rank
    return 0.0


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not None; None when there are none."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def rate(flags: Iterable[bool]) -> float | None:
    """Share of True among the flags; None for no flags."""
    flags = list(flags)
    return sum(flags) / len(flags) if flags else None
