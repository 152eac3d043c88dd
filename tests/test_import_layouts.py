"""Other provinces' layouts in .docx and .xlsx, built in tmp dirs from real corpus-extra tables.

Rows, names and values come from the real tables in corpus/; what a layout needs and the source
does not print (权重, 绩效标准, a spacer row) is SYNTHETIC and marked so where it is made up.
"""

from __future__ import annotations

import pytest

from assistant.exporters import export_table
from assistant.importers import docx_file, parse, xlsx_file
from assistant.schema import COST, SATISFACTION_L2, TargetTable
from tests.conftest import CORPUS
from tests.layout_builders import build_docx, build_xlsx

BUILDERS = {"docx": (build_docx, docx_file.parse), "xlsx": (build_xlsx, xlsx_file.parse)}


def _real(name: str) -> TargetTable:
    (table,) = parse(CORPUS / name)
    return table


def _rows(table: TargetTable) -> list[tuple[str, str, str, str]]:
    return [(i.level1, i.level2, i.name, i.value.raw) for i in table.indicators]


def _header(table: TargetTable, *money: list) -> list[list]:
    return [
        ["项目名称", table.name],
        ["主管部门", table.department.name],
        ["年度", table.year],
        *money,
        ["年度目标", "\n".join(table.goals)],
    ]


@pytest.mark.parametrize("fmt", BUILDERS)
def test_merged_level_cells_and_budget_split(fmt, tmp_path):
    real = _real("hunan-yueyangxian_2022_gaobiaozhun-nongtian.txt")
    build, read = BUILDERS[fmt]
    rows = [[i.level1, i.level2, i.name, i.value.raw] for i in real.indicators]
    money = [["年度资金总额（万元）", 854], ["其中：财政拨款", 854], ["其他资金", None]]
    path = build(
        tmp_path / f"t.{fmt}",
        _header(real, *money),
        ["一级指标", "二级指标", "三级指标", "指标值"],
        rows,
    )
    (table,) = read(path)
    assert _rows(table) == _rows(real)
    assert (table.budget.total, table.budget.fiscal, table.budget.other) == (854, 854, None)
    assert (table.name, table.year, table.goals) == (real.name, 2022, real.goals)


@pytest.mark.parametrize("fmt", BUILDERS)
def test_sign_value_unit_and_weight_columns_are_joined(fmt, tmp_path):
    real = _real("anhui-huaibei_2025_nongcun-wenhua-peitao.txt")
    build, read = BUILDERS[fmt]
    rows = []
    for i in real.indicators:
        v = i.value
        number = f"{v.number:g}" if v.kind == "quantitative" else v.raw
        sign = "定性" if v.kind == "qualitative" else (v.operator or "")
        unit = v.unit if v.kind == "quantitative" else ""
        rows.append([i.level1, i.level2, i.name, sign, number, unit, 10])  # SYNTHETIC weight
    columns = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)"]
    path = build(tmp_path / f"t.{fmt}", _header(real, ["预算申报数", 5]), columns, rows)
    (table,) = read(path)
    assert [i.value.render() for i in table.indicators] == [
        i.value.render() for i in real.indicators
    ]
    assert [i.value.raw for i in table.indicators][:2] == ["≥70村", "≥95%"]
    assert [i.weight for i in table.indicators] == [10] * 9
    assert table.indicators[-1].level2 == SATISFACTION_L2  # printed 满意度指标
    # the weights are shown and exported, and read back
    (back,) = xlsx_file.parse(export_table(table, tmp_path / "export.xlsx"))
    assert [i.weight for i in back.indicators] == [10] * 9


@pytest.mark.parametrize("fmt", BUILDERS)
def test_standard_column_blank_and_not_applicable_rows(fmt, tmp_path):
    real = _real("sichuan-guangyuan-zhaohuaqu_2021_mafengbing-fangzhi.txt")
    build, read = BUILDERS[fmt]
    rows = [
        [i.level1_source or i.level1, i.level2, i.name, i.value.raw, "计划标准"]
        for i in real.indicators
    ]
    # SYNTHETIC: an unused 经济效益 slot (blank) and a 生态效益 row marked 不适用, as forms print them
    rows.insert(7, ["项目效益指标", "经济效益指标", "", "", ""])
    rows.insert(8, ["项目效益指标", "生态效益指标", "不适用", "不适用", ""])
    rows.insert(3, [None, None, None, None, None])
    columns = ["一级指标", "二级指标", "三级指标", "指标值(包含数字及文字描述)", "绩效标准"]
    path = build(tmp_path / f"t.{fmt}", _header(real, ["财政资金", 4]), columns, rows)
    (table,) = read(path)
    assert _rows(table) == _rows(real)
    assert {i.standard for i in table.indicators} == {"计划标准"}
    assert table.indicators[0].level1_source == "项目完成指标"
    assert table.budget.total is None and table.budget.fiscal == 4


@pytest.mark.parametrize("fmt", BUILDERS)
def test_cost_as_level1_with_target_value_column(fmt, tmp_path):
    real = _real("shanghai_putuo_2026_jianguanwei_lanxilu.txt")
    build, read = BUILDERS[fmt]
    rows = [[i.level1.removesuffix("指标"), i.level2, i.name, i.value.raw] for i in real.indicators]
    columns = ["一级指标", "二级指标", "三级指标", "指标目标值"]
    path = build(tmp_path / f"t.{fmt}", _header(real, ["年度预算数", 22614.51]), columns, rows)
    (table,) = read(path)
    assert table.layout == "new" and table.indicators[0].level1 == COST
    assert _rows(table) == _rows(real)
    assert table.indicators[0].level1_source == "成本"


@pytest.mark.parametrize("fmt", BUILDERS)
def test_side_by_side_period_blocks_take_the_annual_one(fmt, tmp_path):
    """The filing form's 实施期 | 年度 blocks and money columns (reference layout)."""
    real = _real("guangdong-dongguan_2019_zhenji-lianwanglu-gaizao.txt")
    build, read = BUILDERS[fmt]
    rows = [
        [i.level1_source, "中期" + i.level2, "中期" + i.name, "", i.level2, i.name, i.value.raw]
        for i in real.indicators
    ]
    columns = [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值（实施期）",
        "二级指标",
        "三级指标",
        "指标值（年度）",
    ]
    money = [["项目资金（万元）", "实施期资金总额", 284500, "年度资金总额", 919]]
    path = build(tmp_path / f"t.{fmt}", _header(real, *money), columns, rows)
    (table,) = read(path)
    assert _rows(table) == _rows(real)
    assert table.budget.total == 919
    assert table.indicators[0].long_term.startswith("二级指标：中期")


@pytest.mark.parametrize("fmt", BUILDERS)
def test_yuan_in_a_wan_column_is_converted_and_noted(fmt, tmp_path):
    real = _real("anhui-huangshan_2025_xueliang-gongcheng-jifang-zulin.txt")
    build, read = BUILDERS[fmt]
    rows = [[i.level1, i.level2, i.name, i.value.raw] for i in real.indicators]
    # the source prints 1681680 元; here it sits in a 万元 column beside its 168.168 万元 split
    money = [["年度资金总额（万元）", 1681680], ["其中：财政拨款（万元）", 168.168]]
    columns = ["一级指标", "二级指标", "三级指标", "年度指标值"]
    (table,) = read(build(tmp_path / f"t.{fmt}", _header(real, *money), columns, rows))
    assert table.budget.total == pytest.approx(168.168)
    assert [n.code for n in table.import_notes] == ["I-YUAN-IN-WAN"]


@pytest.mark.parametrize(
    "label",
    [
        "预算数",
        "年度预算数",
        "年度本级预算金额",
        "预算申报数",
        "本年度申请市财政预算资金",
        "年度资金总额",
        "年度资金申请总额",
        "本年金额",
        "项目总投资",
    ],
)
def test_budget_labels_of_other_provinces(label, tmp_path):
    real = _real("hunan-hengyang-nanyuequ_2018_zichan-shouyi-fupin.txt")
    rows = [[i.level1, i.level2, i.name, i.value.raw] for i in real.indicators]
    money = [[label, 214.06], ["上级资金", 200], ["其他资金", 14.06]]
    columns = ["一级指标", "二级指标", "三级指标", "指标值"]
    (table,) = xlsx_file.parse(
        build_xlsx(tmp_path / "t.xlsx", _header(real, *money), columns, rows)
    )
    assert (table.budget.total, table.budget.upper, table.budget.other) == (214.06, 200, 14.06)


def test_text_pasted_from_a_spreadsheet_reads_columns_by_meaning(tmp_path):
    real = _real("chongqing-rongchangqu_2022_daqinggang-lvhua-meihua.txt")
    lines = [
        f"项目名称：{real.name}",
        f"申报单位：{real.department.name}",
        "预算数：153.5184万元",
        "",
    ]
    lines.append(
        "\t".join(["一级", "二级", "三级指标名称", "度量单位", "指标方向", "目标值", "备注"])
    )
    for i in real.indicators:
        v = i.value
        lines.append(
            "\t".join([i.level1, i.level2, i.name, v.unit, v.operator, f"{v.number:g}", ""])
        )
    path = tmp_path / "pasted.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    (table,) = parse(path)
    assert _rows(table) == _rows(real)
    assert (table.budget.total, table.year, table.partial) == (153.5184, None, False)


def test_the_app_shows_weights_standards_printed_level1_and_partial(tmp_path):
    from webui.render import table_html

    real = _real("anhui-huaibei_2025_nongcun-wenhua-peitao.txt")
    weighted = real.model_copy(
        update={"indicators": [i.model_copy(update={"weight": 10.0}) for i in real.indicators]}
    )  # SYNTHETIC weights
    html = table_html(weighted)
    assert "<th>权重(%)</th>" in html and "<td>10</td>" in html and "绩效标准" not in html
    dongguan = table_html(_real("guangdong-dongguan_2019_zhenji-lianwanglu-gaizao.txt"))
    assert "产出指标（原文：预期产出指标）" in dongguan and "原文不完整" in dongguan
    assert "中期（实施期）指标" in dongguan


def test_a_budget_that_is_no_number_is_refused(tmp_path):
    from assistant.errors import ImportFailed

    real = _real("hunan-hengyang-nanyuequ_2018_zichan-shouyi-fupin.txt")
    rows = [[i.level1, i.level2, i.name, i.value.raw] for i in real.indicators]
    columns = ["一级指标", "二级指标", "三级指标", "指标值"]
    path = build_xlsx(tmp_path / "t.xlsx", _header(real, ["预算数", "待定"]), columns, rows)
    with pytest.raises(ImportFailed, match="「预算数」金额「待定」不是数字"):
        xlsx_file.parse(path)
