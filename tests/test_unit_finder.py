"""The one unit finder (主管部门 from a brief) on real briefs: the eval cases' units (held-out ones
too), the units the validity briefs name, and the phrasings where the brief parser and the fact
reader used to differ; the 主管部门 of a brief that labels both it and the 实施单位."""

from __future__ import annotations

import pytest
import yaml

from assistant.drafting.brief import parse_brief
from assistant.drafting.organisations import find_department
from assistant.drafting.understand import understand
from evals.casefiles import CASES_DIR, load_facts_cases, load_heldout_facts

FACTS_CASES = [
    (c.id, c.text, c.expected.unit)
    for c in load_facts_cases() + load_heldout_facts()
    if c.expected.unit
]
VALIDITY_UNITS = {
    "b01-gas-facility-inspection": "天津市供热燃气管理事务中心",
    "b02-heating-station-emergency-check": "天津市供热燃气管理事务中心",  # 我们中心（…中心）
    "b03-smart-heating-platform-om": "天津市供热燃气管理事务中心",
    "b04-eco-network-om": "天津市生态环境综合保障中心",
    "b05-eco-publicity": "天津市生态环境综合保障中心",
    "b06-env-emergency": "",  # 企事业单位 is whom the checks are on, not who files the table
    "b07-illegal-building-demolition": "普陀区城市管理行政执法局执法大队",
    "b08-road-underpass": "某区建设和管理委员会",
    "b09-street-tree-maintenance": "某市园林绿化服务中心",
    "b10-elderly-meal-service": "区民政局",  # '…项目，区民政局，预算…': a clause of its own
    "b11-school-repair": "某县教育局",
    "b12-river-cleaning": "某区水务局",
    "b13-hotline-system": "某市政务服务中心",
    "b14-food-sampling": "某区市场监督管理局",
    "b15-archive-digitization": "某区档案馆",
}
VALIDITY_CASES = [
    (c["id"], c["text"], VALIDITY_UNITS[c["id"]])
    for c in yaml.safe_load((CASES_DIR / "briefs.yaml").read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(("case_id", "text", "unit"), FACTS_CASES + VALIDITY_CASES)
def test_the_unit_of_every_eval_brief(case_id, text, unit):
    assert find_department(text).name == unit, case_id


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # The unit runs straight into the project name: a place-led name is still the unit.
        ("黄山市公安局雪亮工程市本级机房租赁服务，2025年预算168.17万元", "黄山市公安局"),
        ("县退役军人事务局春节、八一走访慰问经费35万元", "县退役军人事务局"),
        # A one-character place before a two-character ending.
        ("区残联2026年困难残疾人生活补贴，预算1190万元", "区残联"),
        ("2026年县残联残疾人辅助器具适配，预算88万元", "县残联"),  # was no unit
        # The agency, not the station it builds (was 市气象局新建区域自动气象站).
        ("2026年市气象局新建区域自动气象站20个，预算160万元。", "市气象局"),
        # One jieba word '县公安局'; '城镇' after '区住建局' is no longer body (both were no unit).
        ("2026年县公安局交通技术监控设备运维，预算68万元。", "县公安局"),
        ("2026年区住建局城镇燃气安全隐患排查整治，预算55万元。", "区住建局"),
        # Institutions that file their own budgets (中心, 图书馆, 文化馆); '一网通办' is no office.
        ("2026年区政务服务中心一网通办平台运维，预算130万元", "区政务服务中心"),
        ("2026年市残疾人康复中心残疾儿童康复救助，预算300万元", "市残疾人康复中心"),
        ("2026年区文化馆公共文化服务免费开放，预算60万元", "区文化馆"),
        # A clause of its own in the middle of the brief.
        (
            "2024年全省禁毒工作经费，省禁毒委员会办公室，预算60万元。召开全体会议",
            "省禁毒委员会办公室",
        ),
        # A bare answer to the unit question is the whole name, not its shortest head.
        ("天津市城市管理委员会", "天津市城市管理委员会"),
        ("省禁毒委员会办公室", "省禁毒委员会办公室"),
        ("某街道社区卫生服务中心", "某街道社区卫生服务中心"),
        ("普陀区城市管理行政执法局执法大队", "普陀区城市管理行政执法局执法大队"),
        ("主管部门是县水务局，实施单位是县供水管理站", "县水务局"),
    ],
)
def test_units_the_two_old_finders_each_missed(text, unit):
    assert find_department(text).name == unit


@pytest.mark.parametrize(
    "text",
    [
        "2026年开展燃气管道安全巡检，预算80万元，巡检燃气管道和场站，发现隐患及时反馈企业整改。",
        "燃气供热站安全应急检查，预算29.4万元，全额财政拨款",
        "空气质量监测站点运维，预算1亿元",
        "今年要做社区垃圾分类宣传，预算约30万",
        "数据中心的运维，预算10万元",
        "天津燃气供热站的安全应急检查",
        "用债券资金建设城镇燃气智慧监管系统",
        "党校干部培训班的办班经费",
        "改善农村义务教育薄弱学校办学条件",
        "贫困户资产入股合作社返本分红",
        "扶贫基地乡村旅游景点和基础设施建设",
        "2026年静安区供热站安全应急检查，预算37.5万元",  # benchmarks/bench_load.py briefs
        "2026年对静安区供热站开展安全检查，预算30万元",
        "预算10万元，为13个社区开展普法宣传活动",  # was '个社区' (区 read as a place)
        "2026年市民中心物业运维，预算10万元",  # 市民 is no place
    ],
)
def test_objects_of_the_work_are_no_unit(text):
    """Stations, schools, 合作社 the work is done on do not become 主管部门."""
    assert find_department(text).name == ""


def test_the_unit_code_comes_with_the_name():
    found = find_department("主管部门：326301 天津市供热燃气管理事务中心 2026年预算62.5万元")
    assert (found.code, found.name) == ("326301", "天津市供热燃气管理事务中心")


@pytest.mark.parametrize(
    ("text", "unit", "implementing", "name"),
    [
        # The units of corpus tables (金寨 开发区物业, 普陀 兰溪路, 岳阳县 高标准农田).
        (
            "实施单位：安徽金寨经济开发区管理委员会 主管部门：县财政局 2021年开发区物业管理，预算300万元",
            "县财政局",
            "安徽金寨经济开发区管理委员会",
            "2021年开发区物业管理项目",
        ),
        (
            "实施单位：上海市普陀区市政工程建设中心\n主管部门名称：上海市普陀区建设和管理委员会\n"
            "2026年兰溪路道路改造，预算2000万元",
            "上海市普陀区建设和管理委员会",
            "上海市普陀区市政工程建设中心",
            "2026年兰溪路道路改造项目",
        ),
        (
            "实施单位：农田建设服务中心\n主管单位：岳阳县农业农村局\n2022年高标准农田建设，预算854万元",
            "岳阳县农业农村局",
            "农田建设服务中心",
            "2022年高标准农田建设项目",
        ),
        (
            "实施单位：天津市某某区水务局 主管部门：天津市某某区人民政府 2026年河道保洁，预算65万元",
            "天津市某某区人民政府",
            "天津市某某区水务局",
            "2026年河道保洁项目",
        ),
        # Labelled the other way round, as before.
        (
            "主管部门：岳阳县农业农村局 实施单位：农田建设服务中心 2022年高标准农田建设，预算854万元",
            "岳阳县农业农村局",
            "农田建设服务中心",
            "2022年高标准农田建设项目",
        ),
        # Only a 实施单位: it is the unit, and no second one.
        (
            "实施单位：上海市普陀区市政工程建设中心 2026年兰溪路道路改造，预算2000万元",
            "上海市普陀区市政工程建设中心",
            "",
            "2026年兰溪路道路改造项目",
        ),
    ],
)
def test_the_labelled_主管部门_wins_over_an_earlier_实施单位(text, unit, implementing, name):
    assert find_department(text).name == unit
    facts = understand(text)
    assert (facts.unit, facts.implementing_unit) == (unit, implementing)
    assert parse_brief(text).name == name  # neither unit leaks into the project name


def test_a_code_after_the_实施单位_label_is_not_the_主管部门s():
    """衡阳市南岳区 资产收益扶贫 (corpus): [607001] is the 实施单位's code."""
    text = "实施单位：607001 衡阳市南岳区南岳镇人民政府 主管部门：南岳镇人民政府 资产收益扶贫，预算50万元"
    found = find_department(text)
    assert (found.code, found.name) == ("", "南岳镇人民政府")
    assert understand(text).implementing_unit == "衡阳市南岳区南岳镇人民政府"
    assert parse_brief(text).work_items == ["资产收益扶贫"]
