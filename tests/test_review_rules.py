"""The reviewer's rules (可衡量性, 相关性, 适当性, profiles, past-table comparisons), each shown on a
REAL corpus row that fires and a real row that stays quiet.

Tables are read from corpus/tables/<id>.json. Where the corpus holds no real example of a defect, a
real table is changed in one stated way (a row removed, a real row moved in from another table,
a real table filed again under a new id) and the change is named in the test.
"""

from __future__ import annotations

import pytest

from assistant.rules import review
from assistant.rules.context import TablesContext
from assistant.schema import IndicatorValue, TargetTable
from tests.conftest import ROOT

TABLES = ROOT / "corpus" / "tables"
T000, T003 = "000_0a362c379c5850c5", "003_e87aba6a1a806e89"
CHAIWEI = "shanghai_putuo_2026_chengguan_chaiwei-1"
LANXILU = "shanghai_putuo_2026_jianguanwei_lanxilu-1"


def real(table_id: str) -> TargetTable:
    return TargetTable.model_validate_json((TABLES / f"{table_id}.json").read_text("utf-8"))


def codes_at(table: TargetTable, row: int | None, profile="national", context=None) -> set[str]:
    return {f.code for f in review(table, profile, context) if f.row == row}


def without_row(table: TargetTable, row: int) -> TargetTable:
    """The real table with one row removed (a defect the corpus has no example of)."""
    rows = [ind for n, ind in enumerate(table.indicators, 1) if n != row]
    return table.model_copy(update={"indicators": rows})


ROW_CASES = [
    # code, (table, row that fires), (table, row that stays quiet)
    ("R-VALUE-UNMEASURABLE", (f"{T000}-5", 5), (f"{T000}-2", 2)),  # 有效提升 / 出具验收意见
    ("R-VALUE-UNMEASURABLE", (CHAIWEI, 6), (CHAIWEI, 5)),  # 提高 / ≥90.00(%)
    ("R-TIMELINESS-VAGUE", (LANXILU, 4), (f"{T000}-7", 4)),  # 及时 / 2025年12月31日前
    ("R-TIMELINESS-RATE", (CHAIWEI, 4), (f"{T000}-3", 6)),  # 新增违建处置率 =100% / <1小时
    ("R-TIMELINESS-RATE", (f"{T000}-4", 4), (f"{T003}-1", 2)),  # 及时性 ≥90% / <1天
    ("R-COST-QUALITATIVE", (CHAIWEI, 1), (f"{T000}-1", 5)),  # 合理 / ≤29.38万元
    ("R-COST-QUALITATIVE", (LANXILU, 1), (f"{T003}-1", 3)),  # 可控 / ≤320万元
    ("R-SATISFACTION-NO-SURVEY", (f"{T003}-1", 6), (f"{T000}-1", 7)),  # 主管部门满意 / 签字确认
    ("R-QUALITY-BENEFIT-MIXED", (f"{T000}-2", 5), (LANXILU, 7)),  # 检查燃气用户数量 / 通行能力
    ("R-ROUTINE-INDICATOR", (LANXILU, 8), (f"{T000}-3", 11)),  # 长效管理制度健全性 / 正常运行天数
    ("R-NAME-SLOT-MISMATCH", (f"{T000}-2", 6), (f"{T000}-1", 7)),  # 反馈问题率 under 满意度
    ("R-MULTIYEAR-AS-ANNUAL", (LANXILU, 2), (f"{T000}-5", 4)),  # 全长985米 / 543.6 of 总概算1812
]


@pytest.mark.parametrize(("code", "fires", "quiet"), ROW_CASES)
def test_rule_fires_on_a_real_row_and_not_on_a_good_one(code, fires, quiet):
    assert code in codes_at(real(fires[0]), fires[1])
    assert code not in codes_at(real(quiet[0]), quiet[1])


TABLE_CASES = [
    ("R-BENEFIT-NO-LONGTERM", LANXILU, f"{T003}-4"),  # 下立交工程 / 设备更新改造 with 使用寿命
    ("R-GOAL-NO-RESULT", f"{T003}-3", f"{T000}-1"),  # 开展…完成… / 遏制和防范…事故
]


@pytest.mark.parametrize(("code", "fires", "quiet"), TABLE_CASES)
def test_table_rule_fires_on_a_real_table_and_not_on_a_good_one(code, fires, quiet):
    assert code in codes_at(real(fires), None)
    assert code not in codes_at(real(quiet), None)


def test_satisfaction_under_benefit_is_a_mismatch_with_a_fix():
    # the case: a 满意度 row filed under 生态效益 (real row 8 of 拆违经费, moved)
    table = real(CHAIWEI)
    table.indicators[7] = table.indicators[7].model_copy(
        update={"level1": "效益指标", "level2": "生态效益指标"}
    )
    [finding] = [f for f in review(table) if f.code == "R-NAME-SLOT-MISMATCH"]
    assert finding.row == 8 and finding.fix.level2 == "服务对象满意度指标"


def test_unrelated_row_is_flagged_and_real_rows_are_not():
    # real row 检查燃气用户数量 (燃气 inspection 000-2) moved into the real 环境应急与事故调查
    # table: the drafter once put this very row into a food-sampling draft
    host, gas = real(f"{T003}-3"), real(f"{T000}-2").indicators[4]
    moved = host.model_copy(update={"indicators": [*host.indicators, gas]})
    context = corpus_context()
    [finding] = [f for f in review(moved, context=context) if f.code == "R-ROW-UNRELATED"]
    assert finding.row == len(moved.indicators) and "「燃气」" in finding.message
    assert "R-ROW-UNRELATED" not in codes_at(real(f"{T000}-2"), 5, context=context)  # at home
    assert "R-ROW-UNRELATED" not in codes_at(moved, len(moved.indicators))  # needs past tables


def test_national_profile_needs_cost_only_for_works_and_purchases():
    # 003-4 设备更新改造 is a purchase; 003-1 运行维护 is a service: both lose their cost row
    purchase, service = without_row(real(f"{T003}-4"), 4), without_row(real(f"{T003}-1"), 3)
    assert "R-SLOT-MISSING" in codes_at(purchase, None)
    assert codes_at(service, None) == {"R-SLOT-ADVISED"}
    assert "R-SLOT-MISSING" in codes_at(service, None, "strict")


def test_timeliness_is_advised_nationally_and_required_strictly():
    no_time = without_row(real(f"{T000}-1"), 4)
    assert codes_at(no_time, None) == {"R-SLOT-ADVISED"}
    assert codes_at(no_time, None, "strict") == {"R-SLOT-MISSING"}


def test_satisfaction_is_expected_only_from_public_services():
    public = without_row(real(f"{T000}-2"), 6)  # 保障公共安全和人民群众财产安全
    assert codes_at(public, None) == {"R-SATISFACTION-MISSING"}
    contract = without_row(real(f"{T000}-7"), 7)  # 尾款 of a contract: serves no public
    assert codes_at(contract, None) == set()
    assert codes_at(contract, None, "strict") == {"R-SLOT-MISSING"}


def test_unknown_profile_is_refused():
    with pytest.raises(ValueError, match="审核口径"):
        review(real(f"{T000}-1"), "lenient")


def corpus_context() -> TablesContext:
    return TablesContext([real(p.stem) for p in sorted(TABLES.glob("*.json"))])


def test_value_below_history_needs_context_and_compares_with_the_median():
    table = real(f"{T000}-5")  # 服务对象满意度 ≥80%; the same indicator elsewhere is ≥90%
    assert "R-VALUE-BELOW-HISTORY" not in codes_at(table, 6)
    [finding] = [
        f for f in review(table, context=corpus_context()) if f.code == "R-VALUE-BELOW-HISTORY"
    ]
    assert finding.row == 6 and "中位数90%" in finding.message and finding.fix.value == "≥90%"
    quiet = real(f"{T000}-1")  # 服务对象满意度 ≥90%
    assert "R-VALUE-BELOW-HISTORY" not in codes_at(quiet, 7, context=corpus_context())


def test_near_copy_names_the_past_table_and_how_close():
    table = real(f"{T000}-2")
    assert "R-NEAR-COPY" not in codes_at(table, None, context=corpus_context())
    # the same real table filed again the next year under a new id
    refiled = table.model_copy(update={"id": "refiled-2026", "year": 2026})
    [finding] = [f for f in review(refiled, context=corpus_context()) if f.code == "R-NEAR-COPY"]
    assert f"{T000}-2" in finding.message and "6/6行" in finding.message


def test_a_rate_with_a_money_value_does_not_fit():
    # real row 项目验收合格率 (000-3 row 4) given an amount instead of a share
    table = real(f"{T000}-3")
    table.indicators[3] = table.indicators[3].model_copy(
        update={"value": IndicatorValue.parse("≤5万元")}
    )
    [finding] = [f for f in review(table) if f.code == "R-NAME-SLOT-MISMATCH"]
    assert finding.row == 4 and "名称是比率，指标值却是万元" in finding.message


def test_project_total_money_filed_as_the_year_is_flagged():
    # real table 000-5 states 项目总概算1812.00万元，此次申报543.60万元; its cost row given the total
    table = real(f"{T000}-5")
    table.indicators[3] = table.indicators[3].model_copy(
        update={"value": IndicatorValue.parse("≤1812万元")}
    )
    assert {"R-MULTIYEAR-AS-ANNUAL", "R-COST-OVER-BUDGET"} <= codes_at(table, 4)


def test_a_total_is_the_years_own_in_a_one_year_project_and_a_rental():
    # the real 雪亮工程 机房租赁 table rents 共计77个机柜 for 36 months: the same 77 every year
    rental = real("anhui-huangshan_2025_xueliang-gongcheng-jifang-zulin-1")
    cabinets = IndicatorValue.parse("≥77个")
    rows = [rental.indicators[0].model_copy(update={"name": "机柜数量", "value": cabinets})]
    rental = rental.model_copy(update={"indicators": rows + rental.indicators[1:]})
    assert "R-MULTIYEAR-AS-ANNUAL" not in codes_at(rental, 1)
    # 下立交 of 2026-2027 with its 全长985米 in one year's row still fires (ROW_CASES); the same
    # text without its span of years is a one-year project, whose 全长 is the year's work
    one_year = real(LANXILU)
    purpose = one_year.purpose.replace("项目周期2026/1/1至2027/12/31，", "")
    purpose = purpose.replace("本年度申请", "申请")
    one_year = one_year.model_copy(update={"purpose": purpose, "goals": []})
    assert "R-MULTIYEAR-AS-ANNUAL" not in codes_at(one_year, 2)
