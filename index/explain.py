"""Chinese one-line explanations and citations for hits."""

from __future__ import annotations

from assistant.schema import MatchScores


def matched_terms(query_tokens: list[str], doc_tokens: str) -> list[str]:
    """Query terms present in the document, in query order, without repeats or contained parts."""
    present = set(doc_tokens.split())
    found = list(dict.fromkeys(t for t in query_tokens if t in present))
    # 满意度 already says 满意: drop terms contained in a longer matched term.
    return [t for t in found if not any(t != o and t in o for o in found)]


def why(scores: MatchScores, place: str) -> str:
    parts = []
    if scores.dense is not None:
        parts.append(f"语义相似度 {scores.dense:.2f}（第{scores.dense_rank}名）")
    if scores.keyword_rank is not None:
        terms = "、".join(scores.matched_terms) or "—"
        parts.append(f"关键词命中 {terms}（BM25 第{scores.keyword_rank}名）")
    return "；".join(parts + [f"出处：{place}"])
