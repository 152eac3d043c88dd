"""The one unit finder (主管部门 from a brief) on real briefs: the eval cases' units (held-out ones
too), the units the validity briefs name, and the phrasings where the brief parser and the fact
reader used to differ."""

from __future__ import annotations

import pytest
import yaml

from assistant.drafting.organisations import find_department
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
    ],
)
def test_objects_of_the_work_are_no_unit(text):
    """Stations, schools, 合作社 the work is done on do not become 主管部门."""
    assert find_department(text).name == ""


def test_the_unit_code_comes_with_the_name():
    found = find_department("主管部门：326301 天津市供热燃气管理事务中心 2026年预算62.5万元")
    assert (found.code, found.name) == ("326301", "天津市供热燃气管理事务中心")
