"""The 23 real tables of corpus/MANIFEST.tsv (9 provinces, 2018-2026) parse to what it lists."""

from __future__ import annotations

import csv

import pytest

from assistant.importers import parse
from assistant.schema import COST, OUTPUT, SATISFACTION_L2
from tests.conftest import CORPUS

MANIFEST = list(csv.DictReader((CORPUS / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t"))


def _table(name: str):
    (table,) = parse(CORPUS / name)
    return table


def test_manifest_lists_23_files_in_the_corpus():
    assert len(MANIFEST) == 23
    assert all((CORPUS / row["file"]).is_file() for row in MANIFEST)


@pytest.mark.parametrize("row", MANIFEST, ids=[row["file"][:40] for row in MANIFEST])
def test_file_parses_to_its_manifest_row(row):
    table = _table(row["file"])
    assert table.name == row["project"]
    assert len(table.indicators) == int(row["rows"])
    assert table.budget.total == pytest.approx(float(row["budget_wan"]), abs=1e-6)
    assert table.year == int(row["year"])
    assert table.partial is (row["complete"] != "yes")
    department = row["department"].split(" (")[0]
    assert any(department in unit for unit in (table.department.name, table.implementing_unit))
    assert row["source"].split(" ")[0] in table.source.origin
    assert all("TRUNCATED" not in i.name + i.value.raw for i in table.indicators)


def test_money_in_yuan_is_read_as_wan():
    assert _table("anhui-huangshan_2025_xueliang-gongcheng-jifang-zulin.txt").budget.total == (
        pytest.approx(168.168)
    )
    assert _table("ningxia-shizuishan_2020_yimiao-meishatong.txt").budget.total == 300


def test_budget_splits_are_read():
    qingshan = _table("hubei-wuhan-qingshanqu_2020_bomo-xuexiao-gaizao.txt")
    assert (qingshan.budget.total, qingshan.budget.upper) == (16, 16)
    huangshi = _table("hubei-huangshi_2022_dangxiao-zhutiban.txt")
    assert (huangshi.budget.total, huangshi.budget.fiscal) == (164, 132)
    assert huangshi.department.name == ""  # blank in the source: not invented


def test_separate_sign_value_and_unit_columns_are_joined():
    nanxian = _table("hunan-yiyang-nanxian_2025_jibengonggongweisheng-jiandu.txt")
    assert [i.value.raw for i in nanxian.indicators] == ["≤70万元", "减少"]
    assert nanxian.indicators[0].description == "反映疾病预防控制中心经费。"
    assert nanxian.indicators[0].level1 == COST
    chongqing = _table("chongqing-rongchangqu_2022_daqinggang-lvhua-meihua.txt")
    assert [i.value.raw for i in chongqing.indicators] == ["=3500米", "=15000株", "≥85%"]


def test_other_provinces_level_names_are_mapped_and_kept():
    dongguan = _table("guangdong-dongguan_2019_zhenji-lianwanglu-gaizao.txt")
    first = dongguan.indicators[0]
    assert (first.level1, first.level1_source, first.level2) == (OUTPUT, "预期产出指标", "数量指标")
    assert dongguan.indicators[3].level2 == "成本指标"  # 预算(或投资规模)控制指标
    assert dongguan.indicators[4].level1_source == "效果指标"
    sichuan = _table("sichuan-guangyuan-zhaohuaqu_2021_tekun-jiating-zaifuzhu.txt")
    assert sichuan.indicators[0].level1_source == "项目完成指标"
    assert sichuan.indicators[-1].level2 == SATISFACTION_L2  # printed 满意度指标 under 满意度指标
    guyuan = _table("ningxia-guyuan-yuanzhouqu_2022_nanbu-shuiyuan-hanyanglin.txt")
    assert guyuan.indicators[0].level2 == "数量指标"  # 「数量指标 (必填硬性指标)」


def test_side_by_side_blocks_take_the_annual_one_and_keep_the_other():
    dongguan = _table("guangdong-dongguan_2019_zhenji-lianwanglu-gaizao.txt")
    row = dongguan.indicators[1]
    assert (row.name, row.value.raw) == ("补助款结算误差率", "±3%以内")
    assert "补助款结算误差率" in row.long_term
    qingshan = _table("hubei-wuhan-qingshanqu_2020_jiaoyu-jichusheshi-shebei.txt")
    assert qingshan.indicators[0].name == "重点建设工程安排数量"
    assert all(i.long_term == "" for i in qingshan.indicators)  # the 长期 block is blank


def test_whole_period_money_is_context_not_budget():
    bozhou = _table("anhui-bozhou_2023_rengong-zengyu-feiji.txt")
    assert bozhou.budget.total == 189.8
    assert "项目资金总额449.80万元" in bozhou.purpose
    assert bozhou.purpose.startswith("中期目标(2023年—2025年)：")
