"""One contract, two retrievers: MemoryRetriever filters exactly as the real hybrid index does
(unknown years and budgets, departments by code or name, level names, exclusions)."""

from __future__ import annotations

import pytest

from assistant.drafting import MemoryRetriever, Retriever
from assistant.schema import SearchFilters

ALL = 10_000
CASES = [
    SearchFilters(),
    SearchFilters(year_min=2025, year_max=2025),
    SearchFilters(year_min=2026),
    SearchFilters(budget_min=50),
    SearchFilters(budget_max=30),
    SearchFilters(department="326301"),
    SearchFilters(department="3263"),  # part of a code is not a code
    SearchFilters(department="供热燃气"),
    SearchFilters(department=" 天津市供热燃气管理事务中心 "),
    SearchFilters(level1="成本指标"),
    SearchFilters(level2="服务对象满意度"),  # a variant spelling of 服务对象满意度指标
    SearchFilters(level1="效益指标", level2="社会效益指标"),
    SearchFilters(exclude_table_ids=["000_0a362c379c5850c5-1", "000_0a362c379c5850c5-2"]),
    SearchFilters(year_min=2024, budget_max=200, level2="数量指标"),
]


@pytest.fixture(scope="module")
def retrievers(corpus_index, corpus_tables) -> dict[str, Retriever]:
    return {"index": corpus_index, "memory": MemoryRetriever(corpus_tables)}


def _projects(retriever: Retriever, filters: SearchFilters) -> set[str]:
    return {hit.table.id for hit in retriever.search_projects("燃气 检查 项目", filters, k=ALL)}


def _rows(retriever: Retriever, filters: SearchFilters) -> set[tuple[str, int]]:
    hits = retriever.search_indicators("检查 满意度 成本", filters, k=ALL)
    return {(hit.table_id, hit.row) for hit in hits}


@pytest.mark.parametrize("filters", CASES, ids=lambda f: f.model_dump_json(exclude_defaults=True))
def test_both_retrievers_keep_the_same_tables_and_rows(retrievers, filters):
    index, memory = retrievers["index"], retrievers["memory"]
    assert _projects(memory, filters) == _projects(index, filters)
    assert _rows(memory, filters) == _rows(index, filters)


def test_the_cases_filter_something(retrievers, corpus_tables):
    """A contract test whose filters keep everything (or nothing) would prove nothing."""
    memory = retrievers["memory"]
    kept = [len(_projects(memory, f)) for f in CASES[1:]]
    narrowed = [n for n in kept if 0 < n < len(corpus_tables)]
    assert len(narrowed) >= len(kept) // 2, kept
