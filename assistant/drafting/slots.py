"""Slot candidates: retrieve indicator rows per slot, score them, pick 1-3 per slot.

A candidate's score mixes how well the row fits the brief (retriever score + literal overlap with
the brief) with agreement: the same kind of row in several retrieved tables is a safer choice than
a one-off row of the single nearest table (copying one table matches ~1 row in 8).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pydantic import Field
from rapidfuzz import fuzz, process

from assistant.drafting.retriever import Retriever, bigrams, overlap
from assistant.schema import (
    BENEFIT,
    COST,
    COST_L2,
    QUALITY,
    QUANTITY,
    SATISFACTION,
    TIMELINESS,
    Indicator,
    IndicatorHit,
    Model,
    ProjectHit,
    SearchFilters,
    TargetTable,
)
from assistant.taxonomy import TUNING, slot_of

# One query per filter; 成本 needs two because it is a 二级 (old layout) or a 一级 (new layout).
SLOT_FILTERS: dict[str, tuple[dict[str, str], ...]] = {
    "数量": ({"level2": QUANTITY},),
    "质量": ({"level2": QUALITY},),
    "时效": ({"level2": TIMELINESS},),
    "成本": ({"level2": COST_L2}, {"level1": COST}),
    "效益": ({"level1": BENEFIT},),
    "满意度": ({"level1": SATISFACTION},),
}
_WEIGHTS: dict[str, float] = TUNING["candidate_weights"]
MIN_SCORE = TUNING["min_score"]
TOPIC_LITERAL = TUNING[
    "topic_literal"
]  # '检查家次' for an elderly-meal brief shares no word with it
TOPIC_TABLE = TUNING["topic_table"]  # a close table whose name/purpose shares words with the brief
TOPIC_AGREEMENT = TUNING["topic_agreement"]  # the same kind of row in 2+ other tables
RUNNER_UP_SHARE = TUNING["runner_up_share"]
RUNNER_UP_LITERAL = TUNING["runner_up_literal"]
_STOP_BIGRAMS = frozenset(
    "不少 少于 不低 低于 不超 超过 项目 目的 工作 完成 情况 反映 提供 开展 进行 年度 以上 以内 安全 "
    "服务 管理 实施 相关 保障 提高 提升 有效 确保 指标 数量 全年 本市 全市 辖区".split()
)
_DIGIT_RE = re.compile(r"[0-9A-Za-z]")
_SIMILAR_NAME = TUNING["similar_name"]  # two row names this similar are "the same kind of row"


class Candidate(Model):
    """One retrieved row considered for a slot, with the parts of its score."""

    hit: IndicatorHit
    slot: str
    retriever: float = 0.0
    literal: float = 0.0
    agreement: float = 0.0
    project: float = 0.0
    table_topic: float = 0.0
    penalty: float = 0.0
    score: float = 0.0
    supporters: list[str] = Field(
        default_factory=list, description="Other tables with this kind of row."
    )


@lru_cache(maxsize=16384)
def topic_bigrams(text: str) -> Counter:
    """Bigrams that say what a row is about: no figures, no function words ('不少于', '项目').

    Cached (table names and purposes recur in every draft); callers must not change the result."""
    return Counter(
        {
            g: n
            for g, n in bigrams(text).items()
            if g not in _STOP_BIGRAMS and not _DIGIT_RE.search(g)
        }
    )


def retrieve_slot(
    retriever: Retriever, slot: str, query: str, filters: SearchFilters | None, k: int = 12
) -> list[IndicatorHit]:
    """Candidate rows for one slot (same query text for every slot, so its embedding is cached)."""
    base = filters.model_dump() if filters else {}
    hits: dict[tuple[str, int], IndicatorHit] = {}
    for extra in SLOT_FILTERS[slot]:
        slot_filters = SearchFilters(**{**base, **extra})
        for hit in retriever.search_indicators(query, slot_filters, k=k):
            if slot_of(hit.indicator) == slot:
                hits.setdefault((hit.table_id, hit.row), hit)
    return list(hits.values())


def score_candidates(
    slot: str, hits: list[IndicatorHit], query: str, projects: list[ProjectHit]
) -> list[Candidate]:
    """Score the hits of one slot; best first."""
    if not hits:
        return []
    query_bag = topic_bigrams(query)
    raw = [_retriever_score(h) for h in hits]
    # Min-max within the slot: dense cosines of one model sit in a narrow band (0.85-0.90).
    low, span = min(raw), max(raw) - min(raw)
    project_rank = {p.table.id: 1.0 / (1 + n) for n, p in enumerate(projects)}
    table_topic = {
        p.table.id: min(
            1.0, 2 * overlap(query_bag, topic_bigrams(f"{p.table.name} {p.table.purpose}"))
        )
        for p in projects
    }
    supporters_of = _supporters(hits, _peer_rows(slot, hits, projects))
    candidates = []
    for hit, supporters in zip(hits, supporters_of, strict=True):
        row_text = f"{hit.indicator.name} {hit.indicator.description}"
        cand = Candidate(
            hit=hit,
            slot=slot,
            retriever=(_retriever_score(hit) - low) / span if span else 1.0,
            literal=min(1.0, 2 * overlap(query_bag, topic_bigrams(row_text))),
            agreement=min(1.0, len(supporters) / 3),
            project=project_rank.get(hit.table_id, 0.0),
            table_topic=table_topic.get(hit.table_id, 0.0),
            penalty=_penalty(slot, hit.indicator),
            supporters=supporters,
        )
        cand.score = sum(getattr(cand, part) * w for part, w in _WEIGHTS.items()) - cand.penalty
        candidates.append(cand)
    candidates.sort(key=lambda c: (-c.score, c.hit.table_id, c.hit.row))
    return candidates


def usable(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates good enough to use: a fair score, and on topic (`on_topic`): a 满意度 or
    验收合格率 row fits any project, '检查家次' does not fit an elderly-meal brief."""
    return [c for c in candidates if c.score >= MIN_SCORE and on_topic(c)]


def on_topic(c: Candidate) -> bool:
    """Shares words with the brief, or is a common kind of row, or comes from one of the 3
    closest tables when that table itself is about the brief's subject."""
    if c.literal >= TOPIC_LITERAL or c.agreement >= TOPIC_AGREEMENT:
        return True
    return c.project >= 0.3 and c.table_topic >= TOPIC_TABLE


def pick(candidates: list[Candidate], limit: int, taken: list[str] = ()) -> list[Candidate]:
    """The best candidate plus close runners-up of a different kind, at most `limit`.

    A runner-up must score near the best and either come from the best one's table (rows of
    one table fit together) or share words with the brief; otherwise extra rows are padding.
    """
    chosen: list[Candidate] = []
    names = list(taken)
    for cand in candidates:
        if len(chosen) >= limit:
            break
        if any(fuzz.ratio(cand.hit.indicator.name, name) >= _SIMILAR_NAME for name in names):
            continue
        if chosen and not _fits_as_runner_up(cand, chosen[0]):
            continue
        chosen.append(cand)
        names.append(cand.hit.indicator.name)
    return chosen


def _fits_as_runner_up(cand: Candidate, best: Candidate) -> bool:
    if cand.score < RUNNER_UP_SHARE * best.score:
        return False
    return cand.hit.table_id == best.hit.table_id or cand.literal >= RUNNER_UP_LITERAL


def _retriever_score(hit: IndicatorHit) -> float:
    if hit.scores.dense is not None:
        return max(0.0, hit.scores.dense) + hit.scores.fused
    return hit.scores.fused


def _peer_rows(
    slot: str, hits: list[IndicatorHit], projects: list[ProjectHit]
) -> list[tuple[str, str]]:
    """(table_id, row name) of every same-slot row seen: in the hits and in the similar tables."""
    peers = {(h.table_id, h.indicator.name) for h in hits}
    for project in projects:
        peers |= _table_slot_rows(project.table, slot)
    return sorted(peers)


def _table_slot_rows(table: TargetTable, slot: str) -> set[tuple[str, str]]:
    return {(table.id, i.name) for i in table.indicators if slot_of(i) == slot}


def _supporters(hits: list[IndicatorHit], peers: list[tuple[str, str]]) -> list[list[str]]:
    """For each hit, the other tables that have a row of the same kind (one similarity matrix)."""
    similar = process.cdist(
        [h.indicator.name for h in hits],
        [name for _, name in peers],
        scorer=fuzz.ratio,
        score_cutoff=_SIMILAR_NAME,
    )
    return [
        sorted({peers[j][0] for j in similar[i].nonzero()[0] if peers[j][0] != hit.table_id})
        for i, hit in enumerate(hits)
    ]


def _penalty(slot: str, indicator: Indicator) -> float:
    """Rows that make poor templates: long names with figures, truncated names, odd satisfaction rows."""
    name = indicator.name
    penalty = 0.0
    if len(name) > 16 or re.search(r"\d", name):
        penalty += 0.3
    if slot == "满意度" and "满意" not in name:
        penalty += 0.5  # '向企业反馈问题率' filed under 满意度 is not a satisfaction measure
    elif slot == "满意度" and "满意度" not in name:
        penalty += 0.1  # '主管部门满意' measures the funder, not the people served
    value = indicator.value
    if (
        slot == "满意度"
        and value.unit == "%"
        and value.number is not None
        and value.number < TUNING["satisfaction_floor"]
    ):
        penalty += 0.15  # real targets are ≥85%, mostly ≥90%
    if indicator.value.kind == "qualitative" and slot in ("数量", "质量"):
        penalty += 0.05
    if (
        indicator.value.number is not None
        and indicator.value.unit == "%"
        and indicator.value.number > 100
    ):
        penalty += 0.1
    return penalty
