"""What the drafter needs from a search index, what it retrieved for a brief, and a small
in-memory index.

`index.HybridIndex` satisfies `Retriever`; `MemoryRetriever` (character-bigram overlap over a list of
tables) is for fast tests of edits and for running without a built index.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Protocol, runtime_checkable

from pydantic import Field

from assistant.schema import (
    IndicatorHit,
    MatchScores,
    Model,
    ProjectHit,
    SearchFilters,
    TargetTable,
    normalize_level,
)


class Retrieved(Model):
    """What the drafter retrieved for one brief; handed to the LLM layer with the draft."""

    query: str = Field("", description="The project-level query text built from the brief.")
    projects: list[ProjectHit] = Field(default_factory=list)
    indicators: dict[str, list[IndicatorHit]] = Field(
        default_factory=dict,
        description="Candidate rows per slot (数量, 质量, 时效, 成本, 效益, 满意度).",
    )


@runtime_checkable
class Retriever(Protocol):
    """The search operations the drafter uses (what `index.HybridIndex` offers)."""

    def search_projects(
        self, query: str, filters: SearchFilters | None = None, k: int = 10
    ) -> list[ProjectHit]: ...

    def search_indicators(
        self, query: str, filters: SearchFilters | None = None, k: int = 10
    ) -> list[IndicatorHit]: ...

    def get_table(self, table_id: str) -> TargetTable | None: ...

    def tables(self) -> list[TargetTable]: ...


def bigrams(text: str) -> Counter:
    """Character bigrams of the CJK/word characters of text (a tokenizer-free similarity basis)."""
    chars = re.sub(r"[^\w\u4e00-\u9fa5]", "", text or "")
    return Counter(chars[i : i + 2] for i in range(len(chars) - 1))


def overlap(query: Counter, doc: Counter) -> float:
    """Cosine similarity of two bigram bags, 0..1."""
    if not query or not doc:
        return 0.0
    dot = sum(count * doc[gram] for gram, count in query.items() if gram in doc)
    norm = math.sqrt(sum(v * v for v in query.values())) * math.sqrt(
        sum(v * v for v in doc.values())
    )
    return dot / norm if norm else 0.0


def table_passes(table: TargetTable, filters: SearchFilters | None) -> bool:
    """Whether a table survives the filters exactly as in index/filters.py: department by exact
    code or part of its name; a year or budget range drops tables that do not state one; level
    filters keep tables with rows of those levels (tests/test_retriever_contract.py checks it)."""
    if filters is None:
        return True
    if table.id in filters.exclude_table_ids:
        return False
    wanted = (filters.department or "").strip()
    if filters.department and not (
        table.department.code == wanted or wanted in table.department.name
    ):
        return False
    if not _in_range(table.year, filters.year_min, filters.year_max):
        return False
    if not _in_range(table.budget.total, filters.budget_min, filters.budget_max):
        return False
    levels = {normalize_level(x) for x in (filters.level1, filters.level2) if x}
    return levels <= {name for i in table.indicators for name in (i.level1, i.level2)}


def _in_range(value: float | None, low: float | None, high: float | None) -> bool:
    if low is None and high is None:
        return True
    if value is None:  # unknown year / budget: a range filter cannot vouch for it
        return False
    return (low is None or value >= low) and (high is None or value <= high)


class MemoryRetriever:
    """A Retriever over tables held in memory; similarity = bigram cosine (keyword-like)."""

    def __init__(self, tables: list[TargetTable]):
        self._tables = {table.id: table for table in tables}
        self._table_bags = {t.id: bigrams(_table_text(t)) for t in tables}
        self._row_bags = {
            (t.id, n): bigrams(f"{i.name} {i.description} {t.name}")
            for t in tables
            for n, i in enumerate(t.indicators, start=1)
        }

    def search_projects(
        self, query: str, filters: SearchFilters | None = None, k: int = 10
    ) -> list[ProjectHit]:
        bag = bigrams(query)
        scored = [
            (overlap(bag, self._table_bags[t.id]), t)
            for t in self._tables.values()
            if table_passes(t, filters)
        ]
        scored.sort(key=lambda pair: -pair[0])
        return [
            ProjectHit(
                table=t, scores=MatchScores(fused=s, keyword=s, keyword_rank=r), why="字面相似"
            )
            for r, (s, t) in enumerate(scored[:k], start=1)
        ]

    def search_indicators(
        self, query: str, filters: SearchFilters | None = None, k: int = 10
    ) -> list[IndicatorHit]:
        bag = bigrams(query)
        scored = []
        for (table_id, row), row_bag in self._row_bags.items():
            table = self._tables[table_id]
            indicator = table.indicators[row - 1]
            if not table_passes(table, filters) or not _level_passes(indicator, filters):
                continue
            scored.append((overlap(bag, row_bag), table, row))
        scored.sort(key=lambda item: -item[0])
        return [
            indicator_hit(t, row, MatchScores(fused=s, keyword=s, keyword_rank=rank), "字面相似")
            for rank, (s, t, row) in enumerate(scored[:k], 1)
        ]

    def get_table(self, table_id: str) -> TargetTable | None:
        return self._tables.get(table_id)

    def tables(self) -> list[TargetTable]:
        return list(self._tables.values())


def _table_text(table: TargetTable) -> str:
    rows = " ".join(i.name for i in table.indicators)
    return f"{table.name} {table.purpose} {' '.join(table.goals)} {rows}"


def _level_passes(indicator, filters: SearchFilters | None) -> bool:
    if filters is None:
        return True
    return (not filters.level1 or indicator.level1 == normalize_level(filters.level1)) and (
        not filters.level2 or indicator.level2 == normalize_level(filters.level2)
    )


def indicator_hit(
    table: TargetTable, row: int, scores: MatchScores | None = None, why: str = ""
) -> IndicatorHit:
    """Row `row` (1-based) of `table` as a search hit."""
    return IndicatorHit(
        table_id=table.id,
        table_name=table.name,
        row=row,
        indicator=table.indicators[row - 1],
        year=table.year,
        budget_total=table.budget.total,
        scores=scores or MatchScores(),
        why=why,
    )
