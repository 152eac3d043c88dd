"""Review rules and the `lint` command.

Unit tests build SYNTHETIC tables (labelled as such, never written to corpus/); the corpus tests
run the rules on the real tables parsed from corpus/*.txt: every finding exactly on the first 13, named defects on the others.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.rules import RULES, has_errors, review
from assistant.schema import Budget, Finding, Indicator, TargetTable
from tests.conftest import ROOT, SEED_000, SEED_003

# ---------------------------------------------------------------- synthetic tables

CLEAN_OLD_ROWS = [  # SYNTHETIC: a complete, correct old-layout table
    ("产出指标", "数量指标", "检查企业数量", "≥192家次", "对一家企业检查一次为一家次"),
    ("产出指标", "质量指标", "项目验收合格率", "=100%", "验收合格数量与项目总数量的比值"),
    ("产出指标", "时效指标", "问题反馈时限", "≤30日", "检查结果反馈受检企业"),
    ("产出指标", "成本指标", "项目成本控制", "≤50万元", "总成本不超过预算"),
    ("效益指标", "社会效益指标", "检查复查率", "≥90%", "对检查的企业开展复查情况"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "签字确认企业数/全部检查企业数"),
]
CLEAN_NEW_ROWS = [  # SYNTHETIC: a complete, correct new-layout table (成本指标 as 一级)
    ("成本指标", "经济成本指标", "项目总成本", "≤349.8万元", ""),
    ("产出指标", "数量指标", "道路建设长度", "=985米", ""),
    ("产出指标", "质量指标", "项目验收达标率", "=100.00(%)", ""),
    ("产出指标", "时效指标", "项目完成时限", "2026年12月31日前", ""),
    ("效益指标", "生态效益指标", "城市环境美化指数", "≥90分", ""),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90.00(%)", "问卷调查满意人数/受访人数"),
]
NEW_NAME = "（合成）道路环境整治"  # the 道路 row relates to the project
COST_ROW = 4  # 1-based row of the cost indicator in CLEAN_OLD_ROWS


def indicator(level1, level2, name, value, description=""):
    return Indicator(level1=level1, level2=level2, name=name, value=value, description=description)


def table(
    rows=CLEAN_OLD_ROWS, budget: Budget | None = None, name: str = "（合成）测试项目"
) -> TargetTable:
    """A SYNTHETIC table; the default budget (50 万元) matches the clean cost row."""
    return TargetTable(
        id="synthetic-1",
        name=name,
        budget=budget or Budget(total=50.0, fiscal=50.0, other=0.0),
        indicators=[indicator(*r) for r in rows],
    )


def with_row(row: int, **changes) -> TargetTable:
    """The clean old table with one row changed (row is 1-based)."""
    rows = [list(r) for r in CLEAN_OLD_ROWS]
    fields = ("level1", "level2", "name", "value", "description")
    for key, new in changes.items():
        rows[row - 1][fields.index(key)] = new
    return table(rows)


def with_extra(*extra_rows) -> TargetTable:
    return table([*CLEAN_OLD_ROWS, *extra_rows])


def found(t: TargetTable, profile: str = "national") -> list[tuple[int | None, str]]:
    return [(f.row, f.code) for f in review(t, profile)]


# ---------------------------------------------------------------- registry and API


def test_clean_tables_have_no_findings():
    assert review(table()) == []
    new = table(CLEAN_NEW_ROWS, Budget(total=349.8, fiscal=349.8, other=0), NEW_NAME)
    assert review(new) == [] and review(new, "strict") == []


def test_registry_codes_are_stable_unique_and_documented():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for r in RULES:
        assert re.fullmatch(r"R(-[A-Z0-9]+)+", r.code), r.code
        assert r.severity in ("error", "warning")
        assert "review_basis.md #" in r.source, r.code
        assert r.code in docs, f"{r.code} missing from docs/rules.md"


def test_has_errors():
    warning = Finding(code="R-X", severity="warning", message="警告")
    error = Finding(code="R-Y", severity="error", message="错误")
    assert not has_errors([])
    assert not has_errors([warning])
    assert has_errors([warning, error])


def test_review_does_not_change_the_table():
    t = with_row(COST_ROW, value="≥80万元")
    before = t.model_dump()
    review(t)
    assert t.model_dump() == before


# ---------------------------------------------------------------- structure


def test_unknown_level1_and_level2():
    t = with_extra(("实施效果指标", "社会效益指标", "受检企业获得感", "≥90%"))
    assert found(t) == [(7, "R-LEVEL1-UNKNOWN")]
    t = with_extra(("效益指标", "其他指标", "受检企业获得感", "≥90%"))
    assert found(t) == [(7, "R-LEVEL2-UNKNOWN")]


def test_level2_under_wrong_parent():
    assert found(with_extra(("效益指标", "数量指标", "企业培训人数", "≥30人"))) == [
        (7, "R-LEVEL2-PARENT")
    ]
    new_rows = [("成本指标", "成本指标", "项目总成本", "≤50万元", ""), *CLEAN_NEW_ROWS[1:]]
    assert found(table(new_rows, name=NEW_NAME)) == [(1, "R-LEVEL2-PARENT")]


def test_mixing_old_and_new_cost_layouts_is_an_error():
    t = with_extra(("成本指标", "社会成本指标", "施工扰民情况", "≤3次"))
    assert found(t) == [(None, "R-LAYOUT-MIXED")]
    assert "第4行" in review(t)[0].message and "第7行" in review(t)[0].message


def test_missing_slots_one_finding_each():
    no_time = table([r for r in CLEAN_OLD_ROWS if r[1] != "时效指标"])
    assert found(no_time, "strict") == [(None, "R-SLOT-MISSING")]
    assert "时效" in review(no_time, "strict")[0].message
    only_two = table(CLEAN_OLD_ROWS[:2])
    codes = [code for _, code in found(only_two, "strict")]
    assert codes.count("R-SLOT-MISSING") == 4 and "R-ROWS-TOO-FEW" in codes


def test_any_benefit_level2_fills_the_benefit_slot():
    rows = [
        *CLEAN_OLD_ROWS[:4],
        ("效益指标", "可持续影响指标", "设施使用年限", "≥10年"),
        CLEAN_OLD_ROWS[5],
    ]
    assert review(table(rows)) == []


# ---------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("row", "value", "expected"),
    [
        (1, "", "R-VALUE-EMPTY"),
        (1, "**", "R-VALUE-PLACEHOLDER"),
        (1, "≥XX家次", "R-VALUE-PLACEHOLDER"),
        (3, "44,561", "R-VALUE-DATE-SERIAL"),
        (3, "44561", "R-VALUE-DATE-SERIAL"),
        (1, "10", "R-VALUE-NO-UNIT"),
        (1, "44561", "R-VALUE-NO-UNIT"),  # 数量 row, no comma: a count without unit
        (2, "100%", "R-VALUE-NO-SIGN"),
        (1, "365天", "R-VALUE-NO-SIGN"),
        (5, ">1保障各项业务正常运行", "R-VALUE-TEXT-GLUED"),
        (2, "≥100百分比", "R-UNIT-SPELLED"),
        (2, ">100%", "R-PERCENT-OVER-100"),
        (2, "=120%", "R-PERCENT-OVER-100"),
        (6, "≥80%", "R-SATISFACTION-LOW"),
        (6, "=84.9%", "R-SATISFACTION-LOW"),
        (1, "≤3家次", "R-DIRECTION-QUANTITY"),
    ],
)
def test_value_rules_report_exactly_one_finding(row, value, expected):
    assert found(with_row(row, value=value)) == [(row, expected)]


@pytest.mark.parametrize(
    ("row", "value"),
    [
        (2, "≥100%"),
        (2, "=100.00(%)"),
        (6, "≥85%"),
        (6, ">85%"),
        (3, "2025年12月31日前"),
        (2, "出具验收意见"),
        (2, "优"),
    ],
)
def test_correct_values_are_not_reported(row, value):
    assert found(with_row(row, value=value)) == []


def test_growth_rates_may_exceed_100_percent():
    assert found(with_row(5, name="服务收入增长率", value="≥120%")) == []


def test_direction_of_negative_indicators():
    assert found(with_row(5, name="投诉数量", value="≥5次")) == [(5, "R-DIRECTION-NEGATIVE")]
    assert found(with_row(5, name="安全事故发生率", value=">1%")) == [(5, "R-DIRECTION-NEGATIVE")]
    # handling the bad thing is a positive output
    assert found(with_row(5, name="投诉办结率", value="≥95%")) == []
    assert found(with_row(1, name="隐患排查次数", value="≥10次")) == []
    # a negative count in the 数量 slot is capped correctly
    assert found(with_row(1, name="安全事故次数", value="≤1次")) == []


def test_messages_name_the_indicator_and_its_value():
    [finding] = review(with_row(2, value=">100%"))
    assert "项目验收合格率" in finding.message and ">100%" in finding.message
    assert finding.severity == "error" and finding.field == "value"


# ---------------------------------------------------------------- money


def test_missing_budget_is_a_warning_and_skips_money_checks():
    t = with_row(COST_ROW, value="≤500万元")
    t.budget = Budget()
    assert found(t) == [(None, "R-BUDGET-MISSING")]
    assert not has_errors(review(t))


def test_fiscal_plus_other_must_equal_total():
    t = table(budget=Budget(total=50.0, fiscal=40.0, other=5.0))
    assert found(t) == [(None, "R-BUDGET-SPLIT")]
    assert found(table(budget=Budget(total=50.0, fiscal=45.0, other=5.004))) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("≤60万元", [(COST_ROW, "R-COST-OVER-BUDGET")]),
        ("≤600000元", [(COST_ROW, "R-COST-OVER-BUDGET")]),
        ("≤500000元", []),
        ("≤0.005亿元", []),
        ("=50.004万元", []),
        ("≥50万元", [(COST_ROW, "R-COST-SIGN")]),
        ("≤48万元", [(COST_ROW, "R-COST-TOTAL-MISMATCH")]),
        ("≤40万元", [(None, "R-COST-SUM-UNDER")]),
    ],
)
def test_single_money_cost_against_budget(value, expected):
    assert found(with_row(COST_ROW, value=value)) == expected


def test_sum_of_money_costs_against_budget():
    rows = [list(r) for r in CLEAN_OLD_ROWS]
    rows[COST_ROW - 1][3] = "≤30万元"
    two_parts = [*rows, ("产出指标", "成本指标", "设备购置成本", "≤30万元")]
    assert found(table(two_parts)) == [(None, "R-COST-SUM-OVER")]
    rows[COST_ROW - 1][3] = "≤20万元"
    under = [*rows, ("产出指标", "成本指标", "设备购置成本", "≤20万元")]
    assert found(table(under)) == [(None, "R-COST-SUM-UNDER")]
    # one row is the whole budget, the others its breakdown: not double counted
    breakdown = [
        *CLEAN_OLD_ROWS,
        ("产出指标", "成本指标", "专家费用", "≤30万元"),
        ("产出指标", "成本指标", "车辆使用费用", "≤20万元"),
    ]
    assert found(table(breakdown)) == []
    partial_breakdown = with_extra(("产出指标", "成本指标", "设备购置成本", "≤30万元"))
    assert found(partial_breakdown) == []
    # parts that do not fit in the budget are extra spending after all: 50 + 30 + 30
    too_much = [
        *CLEAN_OLD_ROWS,
        ("产出指标", "成本指标", "专家费用", "≤30万元"),
        ("产出指标", "成本指标", "车辆使用费用", "≤30万元"),
    ]
    assert found(table(too_much)) == [(None, "R-COST-SUM-OVER")]


# ---------------------------------------------------------------- names


def test_name_rules():
    assert found(with_row(5, name="检查企业数量")) == [
        (5, "R-NAME-DUPLICATE"),
        (5, "R-QUALITY-BENEFIT-MIXED"),  # a count of checks is an output, not a benefit
    ]
    assert found(with_row(5, name="")) == [(5, "R-NAME-EMPTY")]
    assert found(with_row(5, name="XX项目复查率")) == [(5, "R-NAME-PLACEHOLDER")]
    assert found(with_row(1, name="村组干部230人", value="≥230人")) == [(1, "R-NAME-EMBEDS-VALUE")]
    assert found(with_row(5, name="复查率≥90%")) == [(5, "R-NAME-EMBEDS-VALUE")]
    assert found(with_row(5, name="对检查的供热企业开展复查的企业所占比例情况")) == [
        (5, "R-NAME-TOO-LONG")
    ]
    assert found(with_row(5, name="复查企业，整改到位")) == [(5, "R-NAME-SENTENCE")]


def test_truncated_name_is_cut_inside_a_word():
    cut = with_row(1, name="完成设备巡检任", description="完成设备巡检任务数量")
    assert found(cut) == [(1, "R-NAME-TRUNCATED")]
    # a name that leaves a whole word off its description is a normal short name
    assert (
        found(with_row(2, name="项目验收", description="项目验收情况", value="出具验收意见")) == []
    )


def test_years_and_durations_in_names_are_not_values():
    assert found(with_row(3, name="2025年问题反馈时限")) == []
    assert found(with_row(5, name="24小时值守率", value="=100%")) == []
    assert found(with_row(5, name="复查率（%）")) == []  # the name's unit, not a value


# ---------------------------------------------------------------- the first 13 real corpus tables (Tianjin, Shanghai)

EXPECTED_CORPUS_FINDINGS = {
    "000_0a362c379c5850c5-1": [  # cost 29.38 vs budget 29.40; the cost "name" is its explanation
        (5, "R-COST-TOTAL-MISMATCH"),
        (5, "R-NAME-EMBEDS-VALUE"),
        (5, "R-NAME-TOO-LONG"),
    ],
    "000_0a362c379c5850c5-2": [
        (5, "R-QUALITY-BENEFIT-MIXED"),  # 检查燃气用户数量 filed as a 社会效益
        (6, "R-VALUE-NO-SIGN"),
        (6, "R-NAME-SLOT-MISMATCH"),  # 向燃气企业反馈问题率 under 满意度
    ],
    "000_0a362c379c5850c5-3": [
        (None, "R-COST-SUM-UNDER"),  # 45.6 + 38.2 = 83.8 of 104
        (4, "R-VALUE-NO-SIGN"),
        (5, "R-VALUE-NO-SIGN"),
        (11, "R-VALUE-NO-SIGN"),
        (12, "R-SATISFACTION-NO-SURVEY"),
    ],
    "000_0a362c379c5850c5-4": [
        (1, "R-DIRECTION-QUANTITY"),
        (2, "R-DIRECTION-QUANTITY"),
        (3, "R-UNIT-SPELLED"),
        (4, "R-UNIT-SPELLED"),
        (4, "R-TIMELINESS-RATE"),  # 项目完成及时性 ≥90百分比
        (8, "R-VALUE-NO-SIGN"),
        (9, "R-UNIT-SPELLED"),
        (9, "R-SATISFACTION-NO-SURVEY"),
    ],
    "000_0a362c379c5850c5-5": [
        (5, "R-VALUE-UNMEASURABLE"),  # 有效提升
        (6, "R-SATISFACTION-LOW"),  # ≥80%
        (6, "R-SATISFACTION-NO-SURVEY"),
    ],
    "000_0a362c379c5850c5-6": [
        (5, "R-VALUE-UNMEASURABLE"),  # 发现燃气企业存在问题，督促企业整改，减少问题隐患
        (6, "R-VALUE-NO-SIGN"),
        (6, "R-NAME-SLOT-MISMATCH"),
    ],
    "000_0a362c379c5850c5-7": [
        (1, "R-VALUE-NO-SIGN"),
        (6, "R-NAME-SENTENCE"),
        (6, "R-VALUE-UNMEASURABLE"),  # 保障尾款拨付
        (7, "R-SATISFACTION-NO-SURVEY"),
    ],
    "003_e87aba6a1a806e89-1": [
        (1, "R-VALUE-NO-SIGN"),
        (4, "R-NAME-TRUNCATED"),
        (6, "R-SATISFACTION-NO-SURVEY"),
    ],
    "003_e87aba6a1a806e89-2": [(2, "R-VALUE-NO-SIGN"), (7, "R-SATISFACTION-NO-SURVEY")],
    "003_e87aba6a1a806e89-3": [
        (None, "R-GOAL-NO-RESULT"),  # 开展…工作；完成…工作
        (1, "R-VALUE-NO-SIGN"),
        (6, "R-SATISFACTION-NO-SURVEY"),
    ],
    "003_e87aba6a1a806e89-4": [(5, "R-VALUE-TEXT-GLUED"), (6, "R-SATISFACTION-NO-SURVEY")],
    "shanghai_putuo_2026_chengguan_chaiwei-1": [
        (1, "R-COST-QUALITATIVE"),  # 合理
        (4, "R-TIMELINESS-RATE"),  # 新增违建处置率 =100%
        (6, "R-VALUE-UNMEASURABLE"),  # 提高
        (7, "R-VALUE-UNMEASURABLE"),  # 降低
        (8, "R-SATISFACTION-NO-SURVEY"),
    ],
    "shanghai_putuo_2026_jianguanwei_lanxilu-1": [
        (None, "R-BENEFIT-NO-LONGTERM"),  # a works project without 使用年限
        (1, "R-COST-QUALITATIVE"),  # 可控
        (2, "R-VALUE-NO-SIGN"),  # 985米
        (2, "R-MULTIYEAR-AS-ANNUAL"),  # 道路全长约985米, while the year's goal is 前期征收
        (4, "R-TIMELINESS-VAGUE"),  # 及时
        (5, "R-VALUE-UNMEASURABLE"),
        (6, "R-VALUE-UNMEASURABLE"),
        (7, "R-VALUE-UNMEASURABLE"),
        (8, "R-VALUE-UNMEASURABLE"),
        (8, "R-ROUTINE-INDICATOR"),  # 长效管理制度健全性
        (9, "R-SATISFACTION-NO-SURVEY"),
    ],
}


def test_corpus_findings_exactly(corpus_tables):
    actual = {t.id: found(t) for t in corpus_tables if t.id in EXPECTED_CORPUS_FINDINGS}
    assert actual == EXPECTED_CORPUS_FINDINGS


def test_only_the_glued_value_is_an_error_in_the_first_13_tables(corpus_tables):
    errors = [
        (t.id, f.row, f.code)
        for t in corpus_tables
        if t.id in EXPECTED_CORPUS_FINDINGS
        for f in review(t)
        if f.severity == "error"
    ]
    assert errors == [("003_e87aba6a1a806e89-4", 5, "R-VALUE-TEXT-GLUED")]


@pytest.mark.parametrize(
    ("table_id", "row", "code"),
    [
        # 「项目总成本(≤**万元)」: the form's placeholder left in the name
        ("anhui-luan-jinzhaixian_2021_kaifaqu-wuye-guanli-1", 4, "R-NAME-PLACEHOLDER"),
        # 项目金额 164 万元, 其中市级财政资金 132 万元: the other 32 万元 has no source
        ("hubei-huangshi_2022_dangxiao-zhutiban-1", None, "R-BUDGET-SPLIT"),
        # the old central template's satisfaction row sits under 效益指标
        ("hubei-wuhan-qingshanqu_2020_bomo-xuexiao-gaizao-1", 8, "R-LEVEL2-PARENT"),
        # 「开设课程数量 | 220」: no unit
        ("hubei-huangshi_2022_dangxiao-zhutiban-1", 5, "R-VALUE-NO-UNIT"),
    ],
)
def test_real_defects_of_other_provinces_are_reported(corpus_tables, table_id, row, code):
    (table,) = [t for t in corpus_tables if t.id == table_id]
    assert (row, code) in found(table)


def test_trailing_tab_in_name_is_normalised(seed_tables_003):
    assert seed_tables_003[1].indicators[3].name == "项目支出控制"


def test_corpus_messages_name_row_and_value(corpus_tables):
    for t in corpus_tables:
        for f in review(t):
            if f.row is not None:
                ind = t.indicators[f.row - 1]
                assert ind.name[:20] in f.message, f.message
                # a finding on the 一级/二级 names that level, not the value
                if f.field not in ("level1", "level2"):
                    assert ind.value.raw in f.message, f.message


# ---------------------------------------------------------------- lint CLI


@pytest.fixture
def lint(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("JXMB_DATA_DIR", str(tmp_path / "data"))

    def run(*argv):
        code = main(["lint", *map(str, argv)])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_lint_seed_000_has_only_warnings(lint):
    code, out, _ = lint(SEED_000, "--no-history")  # the count must not move with the corpus
    assert code == 0
    assert out.count("【000_0a362c379c5850c5-") == 7
    assert "警告\t第5行\t费用不超过预算29.38万元（…" in out
    assert out.rstrip().endswith("共 7 张表：错误 0 条，警告 29 条。")


def test_lint_seed_003_json_reports_the_error(lint):
    code, out, _ = lint(SEED_003, "--json", "--no-history")
    assert code == 1
    data = json.loads(out)
    assert [entry["table_id"] for entry in data] == [
        f"003_e87aba6a1a806e89-{n}" for n in range(1, 5)
    ]
    glued = data[3]["findings"][0]
    assert glued["code"] == "R-VALUE-TEXT-GLUED" and glued["row"] == 5
    Finding.model_validate(glued)


def test_lint_json_table_list_and_draft(lint, tmp_path, seed_tables_003):
    tables = [t.model_dump(mode="json") for t in seed_tables_003]
    list_file = tmp_path / "tables.json"
    list_file.write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")
    assert lint(list_file)[0] == 1
    draft_file = tmp_path / "draft.json"
    draft_file.write_text(json.dumps({"table": tables[0], "notes": []}), encoding="utf-8")
    code, out, _ = lint(draft_file, "--json", "--no-history")
    assert code == 0
    assert [f["code"] for f in json.loads(out)[0]["findings"]] == [
        "R-VALUE-NO-SIGN",
        "R-NAME-TRUNCATED",
        "R-SATISFACTION-NO-SURVEY",
    ]


def test_lint_invalid_json_names_the_field(lint, tmp_path, seed_tables_000):
    data = seed_tables_000[0].model_dump(mode="json")
    del data["name"]
    data["indicators"][0]["levle2"] = "数量指标"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = lint(bad)
    assert code == 2 and out == ""
    assert "字段 name 缺少必填字段" in err and "indicators.0.levle2" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("file_name", "content", "expected"),
    [
        ("broken.json", '{"name": ', "JSON 格式错误"),
        ("empty.json", "[]", "没有目标表"),
        ("number.json", "[42]", "第1项不是目标表对象"),
        ("table.csv", "a,b", "不支持的文件类型"),
    ],
)
def test_lint_bad_input_exits_2(lint, tmp_path, file_name, content, expected):
    path = tmp_path / file_name
    path.write_text(content, encoding="utf-8")
    code, _, err = lint(path)
    assert code == 2 and expected in err


def test_lint_missing_file_exits_2(lint, tmp_path):
    assert lint(tmp_path / "nope.json")[0] == 2
    assert lint(Path(tmp_path / "nope.txt"))[0] == 2
