"""The embedded drafter on the real index: zero errors always, every row cited, money within budget."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assistant.drafting import BriefInvalid, Drafter, MemoryRetriever, draft, parse_brief
from assistant.drafting.adapt import split_budget
from assistant.drafting.engine import choose_layout
from assistant.drafting.repair import repair
from assistant.drafting.retriever import Retrieved
from assistant.rules import DEFAULT_PROFILE, drafted_slots, has_errors, review
from assistant.schema import (
    COST,
    Draft,
    Indicator,
    MatchScores,
    ProjectBrief,
    ProjectHit,
    SearchFilters,
    TargetTable,
)
from assistant.taxonomy import SLOTS, slot_of
from tests.notes import texts

TODAY = date(2025, 11, 23)
FOUR_BRIEFS = [
    "2026年燃气管道安全巡检，预算80万元",
    "生态环境监测设备运维，年度预算150万元",
    "市民环保宣传活动，预算12万元",
    "一个预算3万元的业务系统运行维护项目",
]
ODD_BRIEFS = [
    "开展燃气用户入户安全检查",  # no budget
    "3万元的办公设备维修",
    "全市智慧城管平台建设，预算1亿元",
    "Gas pipeline inspection in 2026, budget 800k",
    "明年搞一个活动",
    "预算0.5万元",
]


@pytest.fixture(scope="module")
def drafter(corpus_index):
    return Drafter(corpus_index)


def money_costs(table: TargetTable) -> list[float]:
    factor = {"万元": 1.0, "元": 0.0001, "亿元": 10000.0}
    return [
        i.value.number * factor[i.value.unit]
        for i in table.indicators
        if slot_of(i) == "成本" and i.value.number is not None and i.value.unit in factor
    ]


def assert_sound(result: Draft, excluded: str | None = None) -> None:
    """The invariants every draft must keep."""
    table = result.table
    assert not has_errors(review(table)), [f.message for f in review(table)]
    assert not has_errors(result.findings)
    assert set(drafted_slots(table, DEFAULT_PROFILE)) <= {slot_of(i) for i in table.indicators}
    for row in table.indicators:
        src = row.source
        assert src is not None and ((src.table_id and src.row) or src.rule), row
        if src.table_id:
            assert src.file and src.title, row
            assert src.table_id != excluded
    budget = table.budget.total
    costs = money_costs(table)
    if budget is None:
        assert costs == []
    else:
        assert sum(costs) <= budget + 1e-6
    assert table.goals and table.name and table.year


def test_leave_one_out_every_corpus_table(drafter, corpus_tables):
    """Briefs written from each real table (name + budget + purpose), the table itself excluded.

    Most drafts take rows from similar tables; a table with no similar one left (the only road
    underpass) is drafted from its brief and the rules alone rather than from unrelated tables
    (送戏进万村 borrows no '农村义务教育学校改造覆盖率', 机房租赁 no '硬件采购（维护）数量', 高标准农田
    no gas-station '国家强制标准', and a 宣传 or 增雨 project takes its type's own 质量 row, not a gas
    centre's '项目验收合格率'). 12 of the 34 drafts cite a real row, of a table or of the indicator
    library; a total-cost row cites a table of the same kind only (its value is the brief's budget)."""
    borrowed = 0
    for table in corpus_tables:
        text = f"{table.name}，{table.purpose[:60]}，预算{table.budget.total:.10g}万元"
        filters = SearchFilters(exclude_table_ids=[table.id])
        result = drafter.draft(text, filters=filters, today=TODAY)
        assert_sound(result, excluded=table.id)
        assert table.id not in result.based_on
        assert result.table.budget.total == pytest.approx(table.budget.total)
        # a library row cites the real rows it was mined from (table#row) in its locator
        cited = [i for i in result.table.indicators if i.source.table_id or "#" in i.source.locator]
        borrowed += bool(cited)
    assert borrowed >= len(corpus_tables) // 3


def test_gas_inspection_brief_gets_a_household_count_from_the_gas_tables(drafter):
    text = "市热燃中心2025年燃气行业设施运行安全监督检查，预算59.3万元"
    excluded = "000_0a362c379c5850c5-2"
    result = drafter.draft(text, filters=SearchFilters(exclude_table_ids=[excluded]), today=TODAY)
    assert_sound(result, excluded)
    quantity = [i for i in result.table.indicators if slot_of(i) == "数量"]
    assert any(
        i.value.unit == "家次" and "检查" in i.name and i.source.table_id.startswith("000_")
        for i in quantity
    ), [(i.name, i.value.raw) for i in quantity]


@pytest.mark.parametrize("text", FOUR_BRIEFS)
def test_the_four_briefs(drafter, text):
    result = drafter.draft(text, today=TODAY)
    assert_sound(result)
    cited = {i.source.table_id for i in result.table.indicators} - {""}
    # the corpus has no 环保宣传 table: its one 宣传 table (生态城市美丽天津) shares no row that
    # fits, and a budget alone is no reason to cite a repair table (003-4, as it once did)
    assert bool(cited) == ("宣传" not in text), cited
    assert set(result.based_on) == cited


def test_inspection_brief_says_xunjian_and_costs_follow_the_budget(drafter):
    result = drafter.draft("2026年燃气管道安全巡检，预算80万元", today=TODAY)
    rows = result.table.indicators
    quantity = next(i for i in rows if slot_of(i) == "数量")
    assert "巡检" in quantity.name and "检查" not in quantity.name
    assert "替换" in quantity.source.rule
    assert money_costs(result.table) == [80.0]
    cost = next(i for i in rows if slot_of(i) == "成本")
    assert cost.value.raw == "≤80万元" and "80万元" in cost.source.rule
    assert result.table.year == 2026 and result.table.name == "2026年燃气管道安全巡检项目"


def test_split_costs_keep_the_source_proportions(drafter):
    result = drafter.draft("一个预算3万元的业务系统运行维护项目", today=TODAY)
    costs = [i for i in result.table.indicators if slot_of(i) == "成本"]
    assert len(costs) >= 2  # 000-4 splits 基础软件 1.1 / 应用系统 1.9
    assert sum(money_costs(result.table)) <= 3
    assert all("比例" in i.source.rule for i in costs)


def test_years_move_to_the_brief_year(drafter):
    text = "2027年燃气行业安全监督检查技术服务合同尾款支付，预算33.2万元"
    result = drafter.draft(text, today=TODAY)
    values = " ".join(f"{i.name}{i.description}{i.value.raw}" for i in result.table.indicators)
    assert "2025年" not in values and "2024年" not in values
    assert result.table.year == 2027


def test_no_budget_means_no_money_rows(drafter):
    result = drafter.draft("开展燃气用户入户安全检查", today=TODAY)
    assert_sound(result)
    cost = [i for i in result.table.indicators if slot_of(i) == "成本"]
    assert [i.value.kind for i in cost] == ["qualitative"]
    assert "批复预算" in cost[0].value.raw and cost[0].source.rule
    assert any("未提供预算" in a for a in texts(result.assumptions))
    assert any("预算" in q for q in texts(result.questions))
    assert [f.code for f in result.findings if f.code == "R-BUDGET-MISSING"] == ["R-BUDGET-MISSING"]


@pytest.mark.parametrize("text", ODD_BRIEFS)
def test_odd_briefs_are_still_zero_error(drafter, text):
    assert_sound(drafter.draft(text, today=TODAY))


def test_big_and_tiny_budgets(drafter):
    big = drafter.draft("全市智慧城管平台建设，预算1亿元", today=TODAY)
    assert big.table.budget.total == 10000 and sum(money_costs(big.table)) <= 10000
    tiny = drafter.draft("3万元的办公设备维修", today=TODAY)
    assert 0 < sum(money_costs(tiny.table)) <= 3


def test_empty_brief_is_a_clear_error(drafter):
    with pytest.raises(BriefInvalid, match="项目描述为空"):
        drafter.draft("   ")


def test_missing_year_is_assumed_and_asked(drafter):
    result = drafter.draft("市民环保宣传活动，预算12万元", today=TODAY)
    assert result.table.year == 2026
    assert any("2026年" in a for a in texts(result.assumptions))
    assert any("年度" in q for q in texts(result.questions))


def test_convenience_function_and_parsed_brief(corpus_index):
    brief = parse_brief("2026年燃气管道安全巡检，预算80万元", today=TODAY)
    result = draft(brief, corpus_index)
    assert result.brief == brief and result.drafter == "embedded"
    assert_sound(result)


def test_layout_follows_the_majority_of_similar_tables(corpus_tables):
    def hits(tables):
        return [ProjectHit(table=t, scores=MatchScores()) for t in tables]

    new = [t for t in corpus_tables if t.layout == "new"]
    old = [t for t in corpus_tables if t.layout == "old"]
    # 成本指标 as a 一级: the two Shanghai 2026 tables and 南县 2025
    assert len(new) == 3 and choose_layout(hits(new)) == "new"
    assert choose_layout(hits([*old[:4], *new])) == "old"
    assert choose_layout([]) == "old"


def test_new_layout_draft_from_the_putuo_tables(putuo_tables):
    result = Drafter(MemoryRetriever(putuo_tables)).draft("2026年违法建筑拆除治理，预算300万元")
    assert_sound(result)
    assert result.table.layout == "new"
    assert result.table.indicators[0].level1 == COST


def test_repair_fixes_what_it_can_and_drops_the_rest(seed_tables_000, seed_tables_003):
    """Real defective rows (≥100百分比, a value glued to text) plus SYNTHETIC defects added here."""
    table = seed_tables_000[3].model_copy(deep=True)  # 000-4: ≥100百分比, ≤3套 quantities
    table.indicators.append(seed_tables_003[3].indicators[4])  # '>1保障各项业务正常运行'
    synthetic = [
        Indicator(level1="产出指标", level2="质量指标", name="合格率（合成）", value="≥120%"),
        Indicator(level1="产出指标", level2="质量指标", name="项目验收合格率", value="=100%"),
        Indicator(level1="产出指标", level2="成本指标", name="超预算成本（合成）", value="≥9万元"),
    ]
    table.indicators += synthetic
    assert has_errors(review(table))
    brief = ProjectBrief(name=table.name, budget=table.budget)
    fixed, findings, notes = repair(table, brief, 2025, "old")
    assert not has_errors(review(fixed)) and not has_errors(findings)
    names = [i.name for i in fixed.indicators]
    assert names.count("项目验收合格率") == 1
    assert "延长设备使用寿命" not in names
    assert next(i for i in fixed.indicators if i.name == "合格率（合成）").value.raw == "=100%"
    assert sum(money_costs(fixed)) <= table.budget.total
    assert any("删除" in n for n in texts(notes)) and any("重新计算" in n for n in texts(notes))


def test_repair_refills_an_emptied_slot(seed_tables_000):
    table = seed_tables_000[0].model_copy(deep=True)
    table.indicators = [i for i in table.indicators if slot_of(i) != "满意度"]
    brief = ProjectBrief(name=table.name)
    fixed, _, notes = repair(table, brief, 2025, "old", profile="strict")
    satisfaction = [i for i in fixed.indicators if slot_of(i) == "满意度"]
    assert len(satisfaction) == 1 and satisfaction[0].source.rule.startswith("通用规则")
    assert any("满意度" in n for n in texts(notes))
    # nationally (101号) an inspection that serves no public need not declare 满意度
    fixed, findings, _ = repair(table, brief, 2025, "old")
    assert not any(slot_of(i) == "满意度" for i in fixed.indicators) and not has_errors(findings)


def test_split_budget_never_exceeds_the_total():
    for total in (3, 80, 59.3, 0.07, 10000):
        parts = split_budget(total, [45.6, 38.2, 1.0])
        assert sum(parts) <= total and all(p >= 0 for p in parts)


def test_llm_hook_gets_the_draft_and_the_hits_and_rules_have_the_last_word(
    corpus_index,
):
    seen = {}

    class FakeRefiner:
        label = "fake:model"

        def refine(self, draft_in: Draft, hits: Retrieved, on_progress=None, started=None) -> Draft:
            seen.update(draft=draft_in, hits=hits)
            bad = Indicator(level1="产出指标", level2="质量指标", name="LLM加的行", value="≥150%")
            rows = [*draft_in.table.indicators, bad]
            table = draft_in.table.model_copy(update={"indicators": rows})
            return draft_in.model_copy(update={"table": table, "drafter": self.label})

    result = Drafter(corpus_index, refiner=FakeRefiner()).draft(
        "2026年燃气管道安全巡检，预算80万元"
    )
    assert isinstance(seen["hits"], Retrieved)
    assert set(seen["hits"].indicators) == set(SLOTS) and seen["hits"].projects
    assert result.drafter == "fake:model"
    assert not has_errors(review(result.table))
    assert next(i for i in result.table.indicators if i.name == "LLM加的行").value.raw == "=100%"


def test_cli_draft_human_and_json(corpus_index_settings, monkeypatch, capsys, tmp_path):
    from assistant.cli import main

    monkeypatch.setenv("JXMB_DATA_DIR", str(corpus_index_settings.data_dir))
    monkeypatch.setenv("JXMB_CORPUS_DIR", str(corpus_index_settings.corpus_dir))
    monkeypatch.setenv("JXMB_LLM", "none")  # the environment beats a developer's `.env` model
    assert main(["draft", "2026年燃气管道安全巡检，预算80万元"]) == 0
    out = capsys.readouterr().out
    assert "项目名称：2026年燃气管道安全巡检项目" in out and "000_0a362c379c5850c5-" in out
    assert "审核结论：" in out and "→ 综合 " in out  # the report card

    assert main(["draft", "市民环保宣传活动，预算12万元", "--json", "--year", "2027"]) == 0
    data = json.loads(capsys.readouterr().out)
    extra = data.pop("draft")
    table = TargetTable.model_validate(data)  # the corpus JSON contract holds at the top level
    assert table.year == 2027 and all(i.source for i in table.indicators)
    assert {"brief", "findings", "assumptions", "notes", "questions", "based_on"} <= set(extra)

    # What `draft --json` prints is what `lint` and `export` read.
    printed = tmp_path / "draft.json"
    printed.write_text(json.dumps({**data, "draft": extra}, ensure_ascii=False), "utf-8")
    assert main(["lint", str(printed)]) == 0
    assert main(["export", str(printed), "--to", str(tmp_path / "draft.xlsx")]) == 0
    assert (tmp_path / "draft.xlsx").is_file()
    capsys.readouterr()

    brief_file = tmp_path / "brief.json"
    brief_file.write_text(json.dumps({"name": "燃气巡检", "budget": {"total": 20}}), "utf-8")
    assert main(["draft", "--brief", str(brief_file)]) == 0
    assert "预算数：20万元" in capsys.readouterr().out

    assert main(["draft", ""]) == 2
    assert "项目描述为空" in capsys.readouterr().err
    brief_file.write_text("{not json", "utf-8")
    assert main(["draft", "--brief", str(brief_file)]) == 2
    assert "不是有效的 ProjectBrief JSON" in capsys.readouterr().err


def test_the_briefs_own_figures_win(drafter):
    text = "2026年开展燃气经营企业安全监督检查，检查不少于220家次，发现问题30日内反馈企业，预算62.5万元"
    result = drafter.draft(text, today=TODAY)
    assert_sound(result)
    rows = result.table.indicators
    count = next(i for i in rows if i.value.unit == "家次")
    assert count.value.raw == "≥220家次" and count.source.table_id
    assert "按项目描述" in count.source.rule
    limit = next(i for i in rows if slot_of(i) == "时效")
    assert limit.value.raw == "≤30日"


def test_off_topic_rows_give_way_to_the_briefs_counts_and_rules(drafter):
    text = (
        "2026年社区老年人助餐服务补贴项目，区民政局，预算80万元。为辖区60周岁以上老年人提供助餐服务，"
        "支持10个社区长者食堂运营，每日供餐约600人次"
    )
    result = drafter.draft(text, today=TODAY)
    assert_sound(result)
    quantity = [i for i in result.table.indicators if slot_of(i) == "数量"]
    assert [(i.value.raw, bool(i.source.rule)) for i in quantity] == [
        ("≥10个", True),
        ("≥600人次", True),
    ]
    assert not any("检查" in i.name or "燃气" in i.name for i in result.table.indicators)


def test_drafter_drafts_to_the_strict_profile(corpus_index):
    strict = Drafter(corpus_index, profile="strict")
    result = strict.draft("3万元的办公设备维修", today=TODAY)
    assert not has_errors(review(result.table, "strict"))
    assert {slot_of(i) for i in result.table.indicators} == set(SLOTS)


def test_review_profile_setting(monkeypatch):
    from pydantic import ValidationError

    from assistant.settings import get_settings

    # each table its unit's region's profile; national where the region has none
    assert get_settings().review_profile == "auto"
    assert DEFAULT_PROFILE == "national"
    from typing import get_args

    from assistant.rules import profile_names
    from assistant.settings import Settings

    choices = get_args(Settings.model_fields["review_profile"].annotation)
    assert set(choices) == set(profile_names())  # the setting names the profiles of the data
    monkeypatch.setenv("JXMB_REVIEW_PROFILE", "strict")
    assert get_settings().review_profile == "strict"
    monkeypatch.setenv("JXMB_REVIEW_PROFILE", "lenient")
    with pytest.raises(ValidationError):
        get_settings()
