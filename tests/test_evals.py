"""The evals' metric functions on the real corpus tables, and a fast subset of the evals themselves.

The subset runs the embedded drafter over every brief (validity must be 100%), leave-one-out on 3
tables (the drafter must beat the generic template) and every retrieval case (hybrid recall@5).
"""

from __future__ import annotations

import pytest

from assistant.schema import IndicatorValue, TargetTable
from evals.baselines import GenericTemplateBaseline, NearestTableBaseline
from evals.casefiles import (
    load_briefs,
    load_generic_template,
    load_name_pairs,
    load_retrieval_cases,
)
from evals.costs import money_cost_sum
from evals.drafters import ProductDrafter
from evals.fidelity import brief_from_table, compare_tables, leave_one_out
from evals.matching import FuzzySimilarity, check_matcher, match_rows, values_agree
from evals.metrics import mean, precision_recall_f1, recall_at_k, reciprocal_rank
from evals.retrieval import run_retrieval, summarize
from evals.validity import check_draft, missing_slots, run_validity

GAS_CHECK = "000_0a362c379c5850c5-2"  # 燃气行业设施运行安全监督检查
GAS_CHECK_TAIL = "000_0a362c379c5850c5-6"  # the 2024 contract's final payment: same kind of rows
HEATING_PLATFORM = "000_0a362c379c5850c5-3"  # 12 rows, two money cost rows
DEMOLITION = "shanghai_putuo_2026_chengguan_chaiwei-1"  # new layout, 成本指标 as 一级


@pytest.fixture(scope="module")
def tables_by_id(corpus_tables) -> dict[str, TargetTable]:
    return {t.id: t for t in corpus_tables}


# ---------------------------------------------------------------- metrics


def test_precision_recall_f1():
    assert precision_recall_f1(3, 6, 4) == pytest.approx((0.5, 0.75, 0.6))
    assert precision_recall_f1(0, 5, 5) == (0.0, 0.0, 0.0)
    with pytest.raises(ValueError):
        precision_recall_f1(5, 4, 6)


def test_recall_at_k_and_reciprocal_rank():
    ranked = ["a", "b", "c", "d"]
    assert recall_at_k(ranked, ["b"], 1) == 0.0
    assert recall_at_k(ranked, ["b"], 5) == 1.0
    # Three right answers: recall@1 is 1.0 when the first hit is right (capped denominator).
    assert recall_at_k(ranked, ["a", "c", "x"], 1) == 1.0
    assert recall_at_k(ranked, ["a", "c", "x"], 5) == pytest.approx(2 / 3)
    assert reciprocal_rank(ranked, ["c", "d"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(ranked, ["z"]) == 0.0


def test_values_agree_on_real_value_spellings():
    parse = IndicatorValue.parse
    assert values_agree(parse("≥192家次"), parse("≥200家次"))  # within 20%
    assert not values_agree(parse("≥200家次"), parse("≥600家次"))
    assert not values_agree(parse("≥90%"), parse("≤90%"))
    assert not values_agree(parse("≤30日"), parse("≤30天"))  # unit differs
    assert values_agree(parse("≥100百分比"), parse("100%"))  # nothing exceeds 100%
    assert values_agree(parse("提升"), parse("有效提升"))
    assert not values_agree(parse("出具验收意见"), parse("≥90%"))


# ---------------------------------------------------------------- row matching on real tables


def test_every_real_table_matched_with_itself_scores_one(complete_tables):
    similarity = FuzzySimilarity()
    for table in complete_tables:
        scores = compare_tables(table, table, similarity)
        assert (scores.f1, scores.level2_coverage, scores.value_agreement) == (1.0, 1.0, 1.0), (
            table.id
        )


def test_different_tables_score_below_one(tables_by_id, embedding_similarity):
    check, tail = tables_by_id[GAS_CHECK], tables_by_id[GAS_CHECK_TAIL]
    scores = compare_tables(check, tail, embedding_similarity)
    # Same kind of project: 检查家次, 项目验收, 项目实际成本控制 … pair up, but values differ.
    assert 0.5 < scores.f1 < 1.0
    assert {m.draft.name for m in scores.matches} >= {"检查家次", "项目验收", "项目实际成本控制"}
    assert scores.value_agreement is not None and scores.value_agreement < 1.0
    unrelated = compare_tables(check, tables_by_id[DEMOLITION], embedding_similarity)
    assert unrelated.f1 < scores.f1


def test_name_matcher_separates_the_labelled_pairs(embedding_similarity):
    check = check_matcher(embedding_similarity, load_name_pairs())
    assert check.pairs >= 30
    assert check.precision >= 0.9 and check.recall >= 0.65, check
    # The raw character ratio cannot see synonyms: the embedding matcher must do better.
    assert check_matcher(FuzzySimilarity(), load_name_pairs()).recall < check.recall


def test_rows_pair_only_within_one_slot(tables_by_id):
    platform = tables_by_id[HEATING_PLATFORM]
    matches = match_rows(platform, platform, FuzzySimilarity())
    assert len(matches) == len(platform.indicators)
    assert all(m.draft.level2 == m.real.level2 and m.draft_row == m.real_row for m in matches)


def test_cost_sum_of_real_tables(tables_by_id):
    assert money_cost_sum(tables_by_id[HEATING_PLATFORM]) == pytest.approx(45.6 + 38.2)
    assert money_cost_sum(tables_by_id[DEMOLITION]) is None  # 成本控制合理性: 合理


# ---------------------------------------------------------------- cases and baselines


def test_case_files_are_complete(tables_by_id):
    briefs, queries = load_briefs(), load_retrieval_cases()
    assert len(briefs) >= 12 and len(queries) >= 25
    derived = {b.derived_from for b in briefs if b.derived_from}
    assert derived <= tables_by_id.keys() and len(derived) >= 6
    assert any(b.derived_from is None for b in briefs)
    assert {i for q in queries for i in q.expected} <= tables_by_id.keys()
    assert {q.kind for q in queries} == {"paraphrase", "keyword", "category"}


def test_generic_template_fills_every_slot_and_is_valid(tables_by_id):
    real = tables_by_id[GAS_CHECK]
    draft = GenericTemplateBaseline(load_generic_template()).draft(brief_from_table(real), [])
    assert missing_slots(draft.table) == []
    assert money_cost_sum(draft.table) == pytest.approx(59.3)
    case = load_briefs()[0]
    result = check_draft(draft, case, tables_by_id, "generic-template")
    assert result.schema_valid and result.all_rows_cited and result.costs_within_budget


def test_validity_flags_overspent_and_uncited_rows(tables_by_id):
    from assistant.drafting.brief import parse_brief
    from assistant.schema import Draft

    case = next(b for b in load_briefs() if b.budget_wan == 35)  # the 35万元 publicity brief
    platform = tables_by_id["000_0a362c379c5850c5-5"]  # cost row ≤543.6万元
    rows = [platform.indicators[0].model_copy(update={"source": None}), *platform.indicators[1:]]
    draft = Draft(
        brief=parse_brief(case.text), table=platform.model_copy(update={"indicators": rows})
    )
    result = check_draft(draft, case, tables_by_id, "copy")
    assert result.schema_valid and result.categories_complete
    assert not result.costs_within_budget and not result.all_rows_cited and not result.valid


# ---------------------------------------------------------------- the evals on the real index

# The first table of each source family: Tianjin gas/heating, Tianjin ecology, Shanghai (new layout).
FIDELITY_SUBSET = ("000_0a362c379c5850c5-1", "003_e87aba6a1a806e89-1", DEMOLITION)


def test_embedded_drafter_is_valid_on_every_brief(corpus_index, tables_by_id):
    results = run_validity(load_briefs(), [ProductDrafter(corpus_index)], tables_by_id)
    invalid = [r for r in results if not r.valid]
    assert len(results) >= 12
    assert not invalid, [r.model_dump(exclude={"seconds"}) for r in invalid]


def test_drafter_beats_the_generic_template_in_leave_one_out(
    corpus_index, tables_by_id, embedding_similarity
):
    tables = [tables_by_id[i] for i in FIDELITY_SUBSET]
    drafters = [ProductDrafter(corpus_index), GenericTemplateBaseline()]
    scores = leave_one_out(tables, drafters, embedding_similarity)
    assert [s.problem for s in scores] == [""] * len(scores)  # no failure, no leak of the table
    drafted = mean(s.f1 for s in scores if s.drafter == "embedded")
    generic = mean(s.f1 for s in scores if s.drafter == "generic-template")
    assert drafted > generic + 0.05, (drafted, generic)
    assert all(s.cost_within_budget is not False for s in scores if s.drafter == "embedded")


def test_nearest_table_baseline_never_copies_the_left_out_table(corpus_index, tables_by_id):
    baseline = NearestTableBaseline(corpus_index)
    for table_id in FIDELITY_SUBSET:
        brief = brief_from_table(tables_by_id[table_id])
        assert baseline.draft(brief, exclude=[]).based_on == [table_id]  # found when visible
        assert baseline.draft(brief, exclude=[table_id]).based_on != [table_id]


def test_hybrid_retrieval_recall_at_5(corpus_index):
    results = run_retrieval(corpus_index, load_retrieval_cases(), modes=("hybrid",))
    summary = summarize(results)["hybrid"]
    assert summary["recall@5"] >= 0.9, summary
    assert summary["MRR"] >= 0.75, summary


def test_an_unusable_llm_config_is_reported_not_fatal(corpus_index):
    from assistant.settings import Settings
    from evals.run import llm_drafter

    notes: list[str] = []
    settings = Settings(profile="test", llm="openai:", _env_file=None)  # no model name
    assert llm_drafter(settings, corpus_index, notes) is None
    assert len(notes) == 1 and "openai:" in notes[0]
    assert (
        llm_drafter(Settings(profile="test", llm="none", _env_file=None), corpus_index, []) is None
    )


def test_llm_drafter_column_runs_through_the_same_evaluators(
    corpus_index, tables_by_id, embedding_similarity
):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from evals.fidelity import evaluate_table

    # A chat model whose reply is useless: the drafter must fall back to its own rows.
    chat_model = FakeListChatModel(responses=["抱歉，我无法完成。"])
    from assistant.llm import LLMRefiner

    drafter = ProductDrafter(corpus_index, LLMRefiner(chat_model), name="llm:fake")
    scores = evaluate_table(tables_by_id[GAS_CHECK], drafter, embedding_similarity)
    assert scores.drafter == "llm:fake" and scores.problem == ""
    assert scores.draft_rows >= 6 and scores.seconds > 0
