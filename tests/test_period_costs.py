"""The brief's deadlines, frequencies, spending standards and budget reach the 时效 and 成本 rows
as written (101号: 时效 states a date or a frequency with a count; 成本 follows the real spending
lines, and a per-person standard is a standard, not a part of the budget). Briefs of the
development and held-out brief-facts sets."""

from __future__ import annotations

from functools import cache

import pytest

from assistant.drafting import Drafter, MemoryRetriever
from assistant.drafting.amounts import find_budget
from assistant.drafting.compose import compose_rows
from assistant.drafting.facts import Period
from assistant.drafting.facts_check import checked
from assistant.drafting.understand import find_costs, find_period, understand
from assistant.drafting.understand_period import frequency_parts
from assistant.rules import has_errors, review
from assistant.taxonomy import slot_of
from evals.casefiles import CASES_DIR, load_facts_cases


@cache
def _briefs() -> dict[str, str]:
    cases = [*load_facts_cases(), *load_facts_cases(CASES_DIR / "facts_heldout.yaml")]
    return {c.id.split("-")[0]: c.text.strip() for c in cases}


def _brief(key: str) -> str:
    return _briefs()[key]


def _composed(key: str, year: int = 2026):
    rows, notes = compose_rows(understand(_brief(key)), year, "old")
    return rows, {n.code for n in notes}


def _slot(rows, slot: str) -> list[tuple[str, str]]:
    return [(r.name, r.value.raw) for r in rows if slot_of(r) == slot]


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize(
    ("key", "deadline", "task"),
    [
        ("h06", "春节前", "发放到位"),
        ("h15", "10月底前", "通过省级数字档案馆测评"),
        ("h05", "春季、秋季开学前", "完成专项检查"),
        ("h11", "12月底前", "完成数据审核上报"),
        ("f32", "12月底前", "分红"),  # '每年12月底前分红': the deadline, not a frequency
    ],
)
def test_a_festival_or_a_date_before_any_verb_is_a_deadline(key, deadline, task):
    period = find_period(_brief(key))
    assert (period.deadline, period.deadline_task) == (deadline, task)


def test_the_deadline_row_states_the_brief_and_assumes_no_year_end():
    rows, codes = _composed("h06")
    assert _slot(rows, "时效") == [("慰问金发放时间", "2026年春节前发放到位")]
    rows, codes_15 = _composed("h15")
    assert _slot(rows, "时效") == [("测评通过时间", "2026年10月底前")]
    assert "A-PERIOD-YEAR-END" not in codes | codes_15
    rows, _ = _composed("h11")  # the deadline of the data, not of the survey's training
    assert _slot(rows, "时效") == [("数据审核上报完成时间", "2026年12月底前完成")]
    rows, _ = _composed("f37")  # '年底前完成': a year the review can read
    assert _slot(rows, "时效") == [("档案整理完成时间", "2026年底前完成")]


@pytest.mark.parametrize(
    ("text", "deadline", "task"),
    [
        ("汛前完成河道清淤", "汛前", "完成河道清淤"),
        ("在节前发放慰问品", "节前", "发放慰问品"),
        ("元旦、春节前走访慰问", "元旦、春节前", "走访慰问"),
        ("更换季节前后的防护用品", "", ""),  # 节 inside a word
        ("防火期内每日巡护", "", ""),  # a stretch of time with no deadline verb
    ],
)
def test_festival_words_are_deadlines_only_before_前(text, deadline, task):
    period = find_period(text)
    assert (period.deadline, period.deadline_task) == (deadline, task)


# ---------------------------------------------------------------- frequencies


def test_a_pay_standard_is_no_frequency_and_the_clause_names_its_own():
    period = find_period(_brief("h08"))  # '补贴每人每月2800元，网格员每日入户走访巡查'
    assert period.frequency == "每日入户走访巡查"
    rows, _ = _composed("h08")
    assert _slot(rows, "时效") == [("入户走访巡查频次", "每日入户走访巡查≥1次")]
    assert not find_period(_brief("f30")).frequency  # '每生每学期1500元'


def test_each_frequency_keeps_its_verb_and_count():
    rows, _ = _composed("h07")  # 区级河长每月巡河不少于1次，村级河长每周巡河1次
    assert _slot(rows, "时效") == [
        ("区级河长巡河频次", "每月巡河≥1次"),
        ("村级河长巡河频次", "每周巡河≥1次"),
    ]
    rows, _ = _composed("h01")  # '防火期内每日巡护', not the 聘用 of another clause
    assert _slot(rows, "时效")[0] == ("巡护频次", "防火期内每日巡护≥1次")
    rows, codes = _composed("h14")  # '春秋两季集中免疫': no year-end assumption, no borrowed rate
    assert _slot(rows, "时效") == [("集中免疫频次", "春秋两季集中免疫")]
    assert "A-PERIOD-YEAR-END" not in codes
    rows, _ = _composed("h03")  # '每周开放56小时' is opening hours
    assert ("每周开放时长", "≥56小时") in _slot(rows, "时效")
    rows, _ = _composed("h02")
    assert _slot(rows, "时效") == [("补贴发放频次", "按月发放（每月1次）")]


def test_two_seasons_of_one_work_are_two_frequencies_and_no_yearly_count():
    """'汛期每日巡查1次，非汛期每周巡查2次' times the 12 reservoirs' patrol: two 时效 rows told apart
    by their season, no 数量 row of their own (it was 汛期每日巡查次数 ≥1次 and 巡查次数 ≥104次,
    a whole year of weeks for a season that is not the whole year)."""
    facts = understand(
        "2026年县水利局小型水库管护项目，预算36万元，对全县12座小型水库开展日常巡查，"
        "汛期每日巡查1次，非汛期每周巡查2次，落实管护人员24名，确保水库安全度汛。"
    )
    rows, _ = compose_rows(facts, 2026, "new")
    assert _slot(rows, "时效") == [
        ("汛期巡查频次", "汛期每日巡查≥1次"),
        ("非汛期巡查频次", "非汛期每周巡查≥2次"),
    ]
    assert _slot(rows, "数量") == [("小型水库日常巡查数量", "≥12座")]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("每两周巡查一次", ("", "", "每两周", "巡查", "1", "", "")),
        ("每季度开展一次安全培训", ("", "", "每季度", "安全培训", "1", "", "")),
        ("网格员每天巡查不少于2小时", ("", "网格员", "每天", "巡查", "", "2小时", "")),
        ("汛期群测群防员每日巡查", ("汛期", "群测群防员", "每日", "巡查", "", "", "")),
        ("丰水期、枯水期各检测一次", ("", "", "丰水期、枯水期", "检测", "1", "", "各")),
    ],
)
def test_frequency_parts(text, parts):
    (phrase,) = find_period(text).frequencies
    assert tuple(frequency_parts(phrase)) == parts


def test_an_llm_frequency_or_deadline_the_brief_does_not_state_is_dropped():
    text = _brief("h13")  # no period at all
    rules = understand(text)
    invented = Period(frequency="每月巡回咨询2次", frequencies=["每月巡回咨询2次"])
    llm = rules.model_copy(update={"period": invented})
    assert checked(llm, rules, text).period == rules.period
    stated = Period(deadline="春节前", deadline_task="发放到位")
    llm = rules.model_copy(update={"period": stated})
    assert checked(llm, rules, _brief("h06")).period == stated


# ---------------------------------------------------------------- standards and cost lines


@pytest.mark.parametrize(
    ("key", "row"),
    [
        ("h02", ("补贴标准", "=90元/人·月")),
        ("h08", ("补贴标准", "=2800元/人·月")),
        ("h06", ("慰问标准", "=500元/人")),
        ("f30", ("每学期就学补助标准", "=1500元/生")),  # a unit of 6 characters reads as words
        ("f31", ("扶助金标准", "=1000元/人")),
    ],
)
def test_a_per_person_standard_is_a_standard_row_and_no_remainder(key, row):
    rows, codes = _composed(key)
    costs = _slot(rows, "成本")
    budget = find_budget(_brief(key)).total
    assert costs == [row, ("项目成本控制", f"≤{budget:g}万元")]
    assert "A-COST-REST" not in codes


def test_cost_line_names_lose_the_settlement_verb_and_a_stray_measure_word():
    lines = find_costs(_brief("f25"), 919)
    assert [(c.name, c.amount) for c in lines] == [("审查咨询费", 532), ("项目补助尾款", 387)]


def test_a_standard_is_named_from_its_own_words():
    (line,) = find_costs("补助标准为每亩200元", None)
    assert (line.name, line.unit_cost) == ("补助标准", "200元/亩")
    (line,) = find_costs("聘用专职人员，人均月报酬2500元", None)
    assert (line.name, line.unit_cost) == ("报酬标准", "2500元/人·月")
    # per item of equipment or works, not only per person: no '每部补贴费' line, no remainder
    (line,) = find_costs("对6个老旧小区加装电梯20部给予补贴，每部补贴6万元", 120)
    assert (line.name, line.unit_cost) == ("补贴标准", "6万元/部")
    (line,) = find_costs("个案补贴每件200元", 25)
    assert (line.name, line.unit_cost) == ("个案补贴标准", "200元/件")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("培训费不超过10万元", ("培训费", 10, "")),  # a spending line with its ceiling
        ("每户补助最高不超过2万元", ("每户补助上限", 2, "≤2万元/户")),
        ("对企业给予补助，单个企业最高不超过20万元", ("单个企业补助上限", 20, "≤20万元/个")),
        ("带动企业研发投入不少于1亿元", None),  # a result to reach, never a cost
    ],
)
def test_a_cap_per_item_is_a_standard_and_a_fee_cap_a_line(text, line):
    found = [(c.name, c.amount, c.unit_cost) for c in find_costs(text, 400)]
    assert found == ([line] if line else [])


def test_an_amount_after_a_bare_year_is_the_budget():
    assert find_budget(_brief("h09")).total == 8.6  # '办公楼消防设施维保 2026年 8.6万元'
    assert find_budget("保安服务费191万元、保洁服务费99万元").total is None


def test_the_drafts_keep_the_rows_and_pass_review(corpus_tables):
    drafter = Drafter(MemoryRetriever(corpus_tables))
    draft = drafter.draft(_brief("h06"))
    rows = [(i.name, i.value.raw) for i in draft.table.indicators]
    assert ("慰问标准", "=500元/人") in rows
    assert any(v.endswith("春节前发放到位") for _, v in rows)
    assert "A-PERIOD-YEAR-END" not in {a.code for a in draft.assumptions}
    assert not has_errors(review(draft.table))
    grid = drafter.draft(_brief("h08")).table.indicators
    assert "其他费用" not in {i.name for i in grid}
    assert ("入户走访巡查频次", "每日入户走访巡查≥1次") in [(i.name, i.value.raw) for i in grid]
    aid = drafter.draft(_brief("f30")).table.indicators  # the review keeps the standard
    assert ("每学期就学补助标准", "=1500元/生") in [(i.name, i.value.raw) for i in aid]
    upkeep = drafter.draft(_brief("h09")).table
    assert upkeep.budget.total == 8.6
    assert [i.value.raw for i in upkeep.indicators if slot_of(i) == "成本"] == ["≤8.6万元"]
