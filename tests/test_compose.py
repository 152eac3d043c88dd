"""Drafts composed from the brief's facts first: each activity a 数量 row, each cost line a 成本 row,
the brief's period in 时效, the people served as the 满意度 subject, nothing of an unrelated project."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting import Drafter, MemoryRetriever
from assistant.drafting.compose import compose_rows
from assistant.drafting.understand import understand
from assistant.rules import has_errors, review
from assistant.taxonomy import slot_of
from tests.test_understand import DRUG_CONTROL, FARMLAND, HEALTH, PROPERTY, TRAINING

TODAY = date(2025, 11, 23)


@pytest.fixture(scope="module")
def drafter(corpus_tables):
    return Drafter(MemoryRetriever(corpus_tables))


def _rows(draft, slot):
    return [(i.name, i.value.raw) for i in draft.table.indicators if slot_of(i) == slot]


def _codes(draft):
    return {a.code for a in draft.assumptions}


def test_property_cost_lines_and_service_period_reach_the_table(drafter):
    draft = drafter.draft(PROPERTY, today=TODAY)
    assert _rows(draft, "成本") == [
        ("保安服务费", "≤191万元"),
        ("保洁服务费", "≤99万元"),
        ("水电气及维修费", "≤524万元"),
    ]
    assert ("服务周期", "2023年7月至2024年1月") in _rows(draft, "时效")
    assert "12月31日" not in " ".join(v for _, v in _rows(draft, "时效"))
    assert draft.table.department.name == "某镇人民政府"
    assert not has_errors(review(draft.table))


def test_cost_lines_short_of_the_budget_get_an_other_line_and_an_assumption():
    facts = understand("2026年某中心会议经费50万元，会场租赁费12万元、资料印刷费8万元，召开会议2次")
    rows, assumed = compose_rows(facts, 2026, "old")
    costs = [(r.name, r.value.raw) for r in rows if slot_of(r) == "成本"]
    assert costs == [("会场租赁费", "≤12万元"), ("资料印刷费", "≤8万元"), ("其他费用", "≤30万元")]
    assert "A-COST-REST" in {a.code for a in assumed}


def test_every_named_activity_becomes_a_quantity_row_and_no_filler(drafter):
    draft = drafter.draft(DRUG_CONTROL, today=TODAY)
    names = " ".join(n for n, _ in _rows(draft, "数量"))
    for activity in ("全体会议", "宣传", "培训", "专项整治", "联合检查", "考核"):
        assert activity in names
    all_names = {i.name for i in draft.table.indicators}
    assert not all_names & {"项目目标实现程度", "主要工作任务完成数"}
    assert "A-COUNT-TYPICAL" in _codes(
        draft
    )  # counts the brief did not give are said to be assumed
    assert draft.table.department.name == "省禁毒委员会办公室"


def test_training_people_count_quality_and_satisfaction_subject(drafter):
    draft = drafter.draft(TRAINING, today=TODAY)
    quantity = dict(_rows(draft, "数量"))
    assert quantity["培训村组干部人数"] == "≥230名"
    assert "≥12场" in quantity.values()
    assert ("培训考核合格率", "≥95%") in _rows(draft, "质量")
    assert _rows(draft, "满意度") == [("村组干部满意度", "≥90%")]
    goal = draft.table.goals[0]
    assert goal.startswith("2024年，通过") and "230名" in goal and "18万元" in goal


def test_farmland_keeps_its_area_and_never_borrows_road_rows(drafter):
    draft = drafter.draft(FARMLAND, today=TODAY)
    assert ("新建高标准农田面积", "≥1.2万亩") in _rows(draft, "数量")
    names = " ".join(i.name for i in draft.table.indicators)
    assert "道路建设长度" not in names and "拨付" not in names
    assert _rows(draft, "满意度") == [("受益农户满意度", "≥90%")]


def test_public_health_names_checkups_and_followups(drafter):
    draft = drafter.draft(HEALTH, today=TODAY)
    names = " ".join(i.name for i in draft.table.indicators)
    assert "体检" in names and "随访" in names
    assert ("随访频次", "每季度随访≥1次") in _rows(draft, "时效")  # 101号: a frequency with a count


def test_no_public_no_satisfaction_row_under_the_national_profile(corpus_tables):
    brief = "某区财政局2026年预算管理一体化系统运行维护，预算30万元，维护服务器12台"
    assert not understand(brief).public_served
    national = Drafter(MemoryRetriever(corpus_tables), profile="national").draft(brief, today=TODAY)
    assert _rows(national, "满意度") == []
    assert "A-NO-SATISFACTION" in _codes(national)
    assert not has_errors(review(national.table, "national"))
    strict = Drafter(MemoryRetriever(corpus_tables), profile="strict").draft(brief, today=TODAY)
    assert _rows(strict, "满意度") == [("系统使用人员满意度", "≥90%")]
    assert "A-SATISFACTION-INTERNAL" in _codes(strict)


def test_goal_text_is_rebuilt_after_an_edit(drafter):
    draft = drafter.draft(TRAINING, today=TODAY)
    edited, _ = drafter.chat_edit(draft, "把培训村组干部人数改为≥250名")
    assert "250名" in edited.table.goals[0] and "230名" not in edited.table.goals[0]


def test_places_counted_before_的_make_one_row_and_wages_are_no_measure(drafter):
    brief = (
        "某区城市管理局2027年公共厕所运营管护项目，预算130万元，负责辖区内56座公共厕所的日常保洁"
        "和设施维护，每日保洁不少于2次，设施完好率98%以上，保洁人员工资100万元，耗材及维修费30万元。"
    )
    draft = drafter.draft(brief, today=TODAY)
    assert _rows(draft, "数量") == [("维护公共厕所数量", "≥56座")]  # not 日常保洁 ≥56座 + 设施 ≥1项
    assert ("设施完好率", "≥98%") in _rows(draft, "质量")
    assert _rows(draft, "满意度")  # public toilets serve the public
    goal = draft.table.goals[0]
    assert "工资服务" not in goal and "维修服务" not in goal and "56座" in goal
    assert not has_errors(review(draft.table))


def test_a_campaign_into_listed_venues_is_one_counted_row_asked_of_its_public(drafter):
    brief = (
        "某县消防救援大队2027年消防宣传进社区活动，预算12万元，开展消防宣传进社区、进学校、"
        "进企业活动40场，发放宣传资料1万份，组织消防应急疏散演练20次。"
    )
    draft = drafter.draft(brief, today=TODAY)
    quantity = _rows(draft, "数量")
    assert ("消防宣传进社区等活动场次", "≥40场") in quantity
    assert not [value for _, value in quantity if value == "≥1次"]  # no 进学校 ≥1次
    assert _rows(draft, "满意度") == [("参与群众满意度", "≥90%")]  # 进学校 is a venue, not 家长


def test_an_upkeep_brief_without_a_period_is_timed_by_its_response_not_the_years_end():
    facts = understand("某区大数据中心2027年政务外网运行维护，预算60万元，运维网络设备120台。")
    assert facts.main_type == "运维"
    rows, notes = compose_rows(facts, 2027, "old")
    timed = [(r.name, r.value.raw) for r in rows if slot_of(r) == "时效"]
    assert timed == [("故障响应时间", "≤2小时")]
    assert "A-PERIOD-TYPE" in {n.code for n in notes}


def test_money_results_caps_and_long_subjects_read_as_a_reviewer_would(drafter):
    brief = (
        "某区科技局2027年科技型中小企业研发补助，预算400万元，对符合条件的科技型中小企业按研发"
        "投入的10%给予补助，单个企业最高不超过20万元，预计补助企业40家，带动企业研发投入不少于1亿元。"
    )
    draft = drafter.draft(brief, today=TODAY)
    # a cap per firm and a share of the firm's spending are standards, not spending lines
    # rescaled to the budget
    assert _rows(draft, "成本") == [
        ("单个企业补助上限", "≤20万元/个"),
        ("补助比例", "=10%"),
        ("项目成本控制", "≤400万元"),
    ]
    # money the project stirs up is a result measured by its amount, not 收入 and not a cost
    assert ("带动企业研发投入金额", "≥1亿元") in _rows(draft, "效益")
    assert _rows(draft, "满意度") == [("科技型中小企业满意度", "≥90%")]
    assert not has_errors(review(draft.table))
    wages = drafter.draft(
        "某区人力资源和社会保障局2027年劳动保障监察，预算20万元，检查用人单位不少于500家，"
        "为劳动者追发工资不少于1000万元。",
        today=TODAY,
    )
    assert ("追发工资金额", "≥1000万元") in _rows(wages, "效益")


@pytest.mark.parametrize(
    ("brief", "asked"),
    [
        (
            "某县水利局2027年农村饮水安全工程维修养护，预算150万元，维修养护农村供水工程35处，受益人口8万人。",
            "受益群众满意度",
        ),
        (
            "某镇人民政府2027年农村生活污水治理，预算350万元，新建污水管网12公里，受益农户1200户。",
            "受益农户满意度",
        ),
    ],
)
def test_the_people_a_result_reaches_are_asked(drafter, brief, asked):
    assert [name for name, _ in _rows(drafter.draft(brief, today=TODAY), "满意度")] == [asked]


def test_a_stated_size_replaces_the_assumed_service_row_and_results_are_no_measures(drafter):
    office = drafter.draft(
        "某区机关事务管理局2027年办公楼物业管理服务，预算310万元，物业服务面积3.5万平方米，"
        "包括保安、保洁、绿化、会务和设施设备运行维护，服务期2027年1月至12月，投诉处理率100%。",
        today=TODAY,
    )
    assert _rows(office, "数量") == [("物业服务面积", "≥3.5万平方米")]  # no 物业服务区域数量 ≥1个
    assert office.table.goals[0].startswith("2027年，通过提供保安、保洁")
    pests = drafter.draft(
        "某县农业农村局2027年农作物病虫害统防统治，预算80万元，开展统防统治作业面积10万亩，"
        "购置植保无人机5架，防治效果达到85%以上，挽回粮食损失不少于500万公斤。",
        today=TODAY,
    )
    assert ("防治效果", "≥85%") in _rows(pests, "质量")
    assert ("挽回粮食损失", "≥500万公斤") in _rows(pests, "效益")
    assert "通过挽回" not in pests.table.goals[0]  # a result is no measure taken
    stations = drafter.draft(
        "2026年市气象局新建区域自动气象站20个，预算160万元，其中设备购置费120万元、"
        "安装调试费30万元、运维费10万元，数据到报率达到98%以上，提升短时临近预报准确率。",
        today=TODAY,
    )
    # 10万元 of upkeep is no measure of a 160万元 build (it read '通过运维服务')
    assert stations.table.goals[0].startswith("2026年，完成新建区域自动气象站数量不少于20个")
    assert stations.table.department.name == "市气象局"
    hotline = drafter.draft(
        "2026年区市场监管局12315投诉举报热线运行，预算25万元，受理投诉举报8000件，"
        "7个工作日内处理完毕，按时办结率98%。",
        today=TODAY,
    )
    # complaints taken in are work done, not complaints to keep down (it read ≤8000件)
    assert ("受理投诉举报数量", "≥8000件") in _rows(hotline, "数量")
    gas = drafter.draft(
        "2026年区住建局城镇燃气安全隐患排查整治，预算55万元，排查燃气用户3.2万户，整治隐患1200处。",
        today=TODAY,
    )
    assert ("整治隐患数量", "≥1200处") in _rows(gas, "数量")  # hazards fixed: it read ≤1200处
    checks = drafter.draft(
        "2026年区应急管理局开展安全生产执法检查，预算40万元，检查危险化学品企业120家次，"
        "委托第三方专家检查60家次，隐患整改率95%以上。",
        today=TODAY,
    )
    health = drafter.draft(
        "2026年县卫健委基本公共卫生服务项目，预算860万元，为65岁以上老年人免费体检2.1万人，"
        "高血压患者规范管理1.5万人。",
        today=TODAY,
    )
    assert ("高血压患者规范管理人数", "≥1.5万人") in _rows(health, "数量")  # was …数量
    # both counts stay, each with its object (it read 检查家次 ≥120家次 and lost the 60家次)
    assert ("检查危险化学品企业家次", "≥120家次") in _rows(checks, "数量")
    assert ("委托第三方专家检查家次", "≥60家次") in _rows(checks, "数量")


def test_each_listed_screening_gets_the_count_and_the_women_are_asked(drafter):
    draft = drafter.draft(
        "某区妇女联合会2027年“两癌”免费筛查项目，预算90万元，为辖区35-64岁适龄妇女免费开展宫颈癌、"
        "乳腺癌筛查各6000人，筛查结果1个月内反馈，阳性病例随访率100%。",
        today=TODAY,
    )
    assert _rows(draft, "数量") == [("宫颈癌筛查人数", "≥6000人"), ("乳腺癌筛查人数", "≥6000人")]
    assert _rows(draft, "满意度") == [("适龄妇女满意度", "≥90%")]


def test_a_deadline_names_its_own_work_and_a_pupils_survey_asks_parents(drafter):
    houses = drafter.draft(
        "某县住房和城乡建设局2027年农村危房改造补助，预算240万元，完成农村危房改造80户，每户补助3万元，"
        "10月底前全部竣工。",
        today=TODAY,
    )
    assert _rows(houses, "时效") == [("竣工时间", "2027年10月底前竣工")]  # not 资金发放时间
    meals = drafter.draft(
        "某区教育局2027年学生营养改善计划，预算520万元，为全区1.3万名农村义务教育学生提供营养膳食"
        "补助，每生每天5元，按学期拨付。",
        today=TODAY,
    )
    assert [n for n, _ in _rows(meals, "满意度")] == ["农村义务教育学生家长满意度"]
    assert not any("改造" in n for n, _ in _rows(meals, "数量"))  # another project's 学校改造


def test_a_per_meal_standard_an_area_in_wan_and_a_deadlines_complement(drafter):
    land = drafter.draft(
        "某县自然资源局2027年耕地保护补偿，预算600万元，对承担耕地保护任务的农户按每亩30元给予补偿，"
        "补偿面积20万亩，资金于9月底前发放到户。",
        today=TODAY,
    )
    assert _rows(land, "数量") == [("补偿面积", "≥20万亩")]  # not 发放到户数量 ≥1项
    assert ("补偿标准", "=30元/亩") in _rows(land, "成本")
    assert _rows(land, "满意度") == [("农户满意度", "≥90%")]
    meals = drafter.draft(
        "某街道办事处2027年老年人助餐服务补贴，预算36万元，为辖区800名60岁以上老年人提供助餐服务，"
        "每餐补贴3元，全年助餐不少于12万人次。",
        today=TODAY,
    )
    assert _rows(meals, "成本") == [("补贴标准", "=3元/餐"), ("项目成本控制", "≤36万元")]
    assert ("助餐人次", "≥12万人次") in _rows(meals, "数量")
