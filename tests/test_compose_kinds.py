"""Drafts for kinds of project the corpus does not hold, read as a reviewer would: the brief's own
work with its own objects and figures, the type's own defaults, no other project's work."""

from __future__ import annotations

import re
from datetime import date

import pytest

from assistant.drafting import Drafter, MemoryRetriever
from assistant.drafting.subject import foreign_work, subject_words
from assistant.drafting.understand import understand
from assistant.rules import has_errors, review
from assistant.schema import IndicatorValue
from assistant.taxonomy import slot_of
from evals.fidelity import brief_from_table

TODAY = date(2026, 12, 1)
RAIN_GAUGES = (
    "县气象局2026年自动雨量站维护经费12万元，对全县46个自动雨量站开展每季度巡检维护，"
    "更换故障传感器，确保汛期数据传输率达到98%以上。"
)
MEALS = (
    "区教育局2026年农村义务教育学生营养改善计划资金860万元，为全区32所农村学校1.2万名学生"
    "每天提供营养餐，补助标准每生每天5元，全年按200天计。"
)
SORTING = (
    "区城管局2026年垃圾分类宣传督导经费80万元，在全区120个小区开展垃圾分类宣传和督导，"
    "聘用督导员240名，小区分类投放准确率达到85%。"
)
DRINKING_WATER = (
    "县水利局2026年农村饮水安全工程维修养护经费200万元，维修养护供水工程85处，更换管网12公里，"
    "保障8.6万农村人口饮水安全，供水保证率达到95%。"
)
PUBLIC_JOBS = (
    "区人社局2026年公益性岗位补贴资金520万元，开发公益性岗位350个，安置就业困难人员350人，"
    "每人每月补贴1200元，按月发放。"
)
FAMILY_DOCTORS = (
    "区卫健委2026年家庭医生签约服务经费150万元，为辖区签约居民每年提供1次健康评估，"
    "重点人群签约率达到65%以上，签约居民满意度90%以上。"
)
ARTS_CENTRE = (
    "市文化馆2026年全民艺术普及经费30万元，举办公益培训班40期，培训群众1200人次，开展文艺演出20场。"
)
LIBRARY = (
    "市图书馆2026年免费开放补助资金50万元，全年开放不少于300天，每周开放56小时，"
    "接待读者20万人次，举办公益讲座和阅读推广活动40场。"
)
IT_UPKEEP = (
    "县政务服务中心2026年政务服务系统运维经费20万元，对政务服务网上大厅系统开展日常运行维护。"
)
LOW_INCOME = (
    "区民政局2026年城乡低保资金2400万元，保障低保对象3800人，按月足额发放，"
    "城市低保标准每人每月800元，农村低保标准每人每月600元。"
)
SAFETY_CHECKS = (
    "市应急管理局2026年安全生产执法检查经费35万元，全年检查企业不少于300家次，"
    "聘请专家参与检查120人次，重大隐患整改率100%。"
)
UNSAFE_HOUSES = "县住建局2026年农村危房改造补助资金300万元，改造农村危房150户，每户补助2万元，当年竣工入住率100%。"
VILLAGE_DOCTORS = (
    "县卫健委2026年村医补助资金210万元，对全县280名在岗村医发放基本公共卫生服务补助，"
    "每人每年7500元，分季度拨付。"
)
FIRE_GEAR = "区应急管理局2026年森林防火物资储备经费25万元，采购灭火器材300套、防火服200套，确保物资入库验收合格率100%。"
SKILLS = (
    "县人社局2026年职业技能培训补贴资金200万元，开展职业技能培训3000人次，"
    "培训后取得职业资格证书2000人，培训后就业率达到60%。"
)
OLD_COMPOUNDS = (
    "区住建局2026年老旧小区改造项目资金1200万元，改造老旧小区8个，惠及居民2400户，"
    "改造内容包括雨污分流、道路修补、加装路灯等，12月底前完工。"
)
RATINGS = "区城管局2026年市容环境卫生第三方考评服务经费36万元，每月开展1次考评，全年考评12次，出具考评报告12份。"
PRESCHOOL = (
    "县教育局2026年学前教育资助资金90万元，资助家庭经济困难幼儿600人，每生每年1500元，"
    "资助资金于学期末前发放到位。"
)
PEST_CONTROL = (
    "县农业农村局2026年农作物病虫害统防统治经费60万元，开展统防统治面积5万亩，购置植保无人机4架，"
    "培训农民500人次，病虫害损失率控制在5%以内。"
)


@pytest.fixture(scope="module")
def drafter(corpus_tables):
    return Drafter(MemoryRetriever(corpus_tables))


def _rows(draft, slot):
    return [(i.name, i.value.raw) for i in draft.table.indicators if slot_of(i) == slot]


def _names(draft) -> str:
    return " ".join(i.name for i in draft.table.indicators)


def test_rain_gauge_upkeep_counts_the_gauges_and_is_no_it_system(drafter):
    assert understand(RAIN_GAUGES).main_type == "设施维保"
    draft = drafter.draft(RAIN_GAUGES, today=TODAY)
    assert ("自动雨量站巡检维护数量", "≥46个") in _rows(draft, "数量")
    assert ("更换故障传感器数量", "≥1个") in _rows(draft, "数量")  # sensors are no 项
    assert "信息安全" not in _names(draft) and "系统" not in _names(draft)
    assert not has_errors(review(draft.table))


def test_a_borrowed_row_never_names_work_the_brief_does_not_do(drafter):
    draft = drafter.draft(MEALS, today=TODAY)
    assert "改造" not in _names(draft)  # 农村义务教育学校改造覆盖率 is the school-repair table's
    assert foreign_work("农村义务教育学校改造覆盖率", MEALS) == "改造"
    assert foreign_work("检查家次", "燃气管道安全巡检") == ""  # 巡检 and 检查 are one work
    assert foreign_work("项目完成及时率", MEALS) == ""  # 完成 is said of any work


def test_sorting_guidance_in_compounds_is_one_counted_row_asked_of_residents(drafter):
    facts = understand(SORTING)
    assert facts.main_type == "垃圾分类"  # 督导 of residents is no inspection
    draft = drafter.draft(SORTING, today=TODAY)
    quantity = _rows(draft, "数量")
    assert ("垃圾分类宣传督导小区数量", "≥120个") in quantity
    assert not any(name.startswith("督导次数") for name, _ in quantity)
    assert _rows(draft, "满意度") == [("小区居民满意度", "≥90%")]


def test_people_named_after_their_figure_are_a_result_and_are_asked(drafter):
    draft = drafter.draft(DRINKING_WATER, today=TODAY)
    assert ("保障农村人口饮水安全人数", "≥8.6万人") in _rows(draft, "效益")
    assert _rows(draft, "满意度") == [("受益农村群众满意度", "≥90%")]
    assert not any("8.6万" in name for name, _ in _rows(draft, "效益"))


def test_people_placed_in_jobs_are_a_result_not_a_figure_in_a_name(drafter):
    draft = drafter.draft(PUBLIC_JOBS, today=TODAY)
    assert ("安置就业困难人员数", "≥350人") in _rows(draft, "效益")
    assert not any("安置" in name for name, _ in _rows(draft, "数量"))
    assert not any("350" in i.name for i in draft.table.indicators)


def test_a_yearly_service_to_each_resident_is_each_ones_count(drafter):
    facts = understand(FAMILY_DOCTORS)
    assert [(a.verb, a.object) for a in facts.activities] == [("提供", "健康评估")]
    draft = drafter.draft(FAMILY_DOCTORS, today=TODAY)
    assert ("每人每年健康评估次数", "≥1次") in _rows(draft, "数量")


def test_public_culture_asks_its_own_public_and_training_the_public_is_no_job_skill(drafter):
    arts = drafter.draft(ARTS_CENTRE, today=TODAY)
    assert "履职" not in _names(arts)
    assert _rows(arts, "满意度") == [("服务群众满意度", "≥90%")]
    library = drafter.draft(LIBRARY, today=TODAY)
    assert _rows(library, "满意度") == [("读者满意度", "≥90%")]  # 接待读者20万人次


def test_it_upkeep_names_its_total_cost_as_real_upkeep_tables_do(drafter):
    draft = drafter.draft(IT_UPKEEP, today=TODAY)
    assert _rows(draft, "成本") == [("年度运维成本", "≤20万元")]


def test_place_names_are_no_subject():
    # every project of a city names it: 天津 made a gas platform's cost split fit an eco network
    assert not {"天津", "天津市", "津市"} & subject_words("天津市智慧供热监管平台运行维护")
    assert "供热" in subject_words("天津市智慧供热监管平台运行维护")


def test_an_allowance_counts_its_recipients_and_is_paid_as_the_brief_says(drafter):
    draft = drafter.draft(LOW_INCOME, today=TODAY)
    assert ("保障低保对象人数", "≥3800人") in _rows(draft, "数量")  # never 象人数
    assert _rows(draft, "时效") == [("低保发放频次", "按月发放（每月1次）")]
    assert not any("3800" in name for name, _ in _rows(draft, "效益"))


def test_experts_taking_part_are_one_count_not_a_cut_list(drafter):
    draft = drafter.draft(SAFETY_CHECKS, today=TODAY)
    assert ("聘请专家参与检查人次", "≥120人次") in _rows(draft, "数量")


def test_rural_house_grants_count_households_and_ask_them(drafter):
    assert understand(UNSAFE_HOUSES).main_type == "农村危房改造"
    draft = drafter.draft(UNSAFE_HOUSES, today=TODAY)
    assert ("改造农村危房户数", "≥150户") in _rows(draft, "数量")
    assert _rows(draft, "满意度") == [("危房改造户满意度", "≥90%")]
    assert "设施安全隐患消除率" not in _names(draft)  # the 维修改造 default of a public building


def test_a_grant_paid_by_quarter_to_village_doctors(drafter):
    draft = drafter.draft(VILLAGE_DOCTORS, today=TODAY)
    assert ("在岗村医人数", "≥280名") in _rows(draft, "数量")
    assert _rows(draft, "时效") == [("服务补助拨付频次", "分季度拨付（每季度1次）")]
    assert not any("季度" in name for name, _ in _rows(draft, "数量"))  # a frequency is no work


def test_a_brief_that_only_buys_is_timed_by_its_purchase(drafter):
    draft = drafter.draft(FIRE_GEAR, today=TODAY)
    assert _rows(draft, "时效") == [("采购完成时间", "2026年12月31日前完成")]  # no 防火期巡护


def test_skills_training_is_training_and_employment_is_its_effect(drafter):
    assert understand(SKILLS).main_type == "职业技能培训"
    draft = drafter.draft(SKILLS, today=TODAY)
    assert ("培训后就业率", "≥60%") in _rows(draft, "效益")  # 101号: a result, not a quality
    assert "补助对象覆盖率" not in _names(draft)
    assert _rows(draft, "满意度") == [("参训人员满意度", "≥90%")]


@pytest.mark.parametrize(
    ("raw", "kind"),
    [("12月底到位", "qualitative"), ("6月30日前", "qualitative"), ("12个月", "quantitative")],
)
def test_a_month_without_its_year_is_a_date_not_a_number(raw, kind):
    # '资金拨付 12月底到位' borrowed as '≥12月底到位' when 12 read as a number of 月底到位
    assert IndicatorValue.parse(raw).kind == kind


def test_the_content_of_a_work_is_its_items_not_the_words_content_includes(drafter):
    draft = drafter.draft(OLD_COMPOUNDS, today=TODAY)
    # each item of the content an assumed row of its own name, never 改造内容包括雨污分流数量
    assert _rows(draft, "数量") == [
        ("改造老旧小区数量", "≥8个"),
        ("雨污分流数量", "≥1项"),
        ("道路修补数量", "≥1项"),
        ("加装路灯数量", "≥1盏"),  # lamps are counted in 盏
    ]
    assert "通过雨污分流、道路修补、加装路灯，" in draft.table.goals[0]


def test_a_third_party_rating_is_no_street_cleaning(drafter):
    assert understand(RATINGS).main_type == "考评测评"
    draft = drafter.draft(RATINGS, today=TODAY)
    assert "垃圾" not in _names(draft) and "审计" not in _names(draft)
    assert ("考评频次", "每月考评≥1次") in _rows(draft, "时效")


def test_a_grant_paid_before_the_terms_end_asks_the_childrens_parents(drafter):
    draft = drafter.draft(PRESCHOOL, today=TODAY)
    assert _rows(draft, "时效") == [("资助金发放时间", "2026年学期末前发放到位")]
    assert _rows(draft, "满意度") == [("家庭经济困难幼儿家长满意度", "≥90%")]


def test_a_brief_that_buys_equipment_states_the_years_after(drafter):
    # 101号 二(三): 购置 states its effect in the following years, whatever the main type
    draft = drafter.draft(PEST_CONTROL, today=TODAY)
    assert ("设备使用年限", "≥5年") in _rows(draft, "效益")
    assert "R-BENEFIT-NO-LONGTERM" not in {f.code for f in review(draft.table)}


def test_a_row_the_review_warns_of_is_never_copied(drafter, corpus_tables):
    # the real 雪亮工程 table (its own sibling here) has 为全市经济发展保驾护航 「正面支撑」
    table = next(t for t in corpus_tables if "xueliang" in t.id)
    draft = drafter.draft(brief_from_table(table), today=TODAY)
    assert draft.based_on  # it does copy that table
    codes = {f.code for f in review(draft.table)}
    assert not codes & {"R-VALUE-UNMEASURABLE", "R-ROUTINE-INDICATOR"}
    assert "正面支撑" not in {i.value.raw for i in draft.table.indicators}


VILLAGE_SHOWS = (
    "项目名称：乡村文化建设配套经费\n主管部门：某县文化旅游体育局\n2026年预算3万元。\n"
    "主要用于送戏下乡，全年任务40个行政村，市级需配套750元/村。"
)


def test_money_per_village_is_a_standard_and_the_villages_count_the_one_work(drafter):
    facts = understand(VILLAGE_SHOWS)
    # the name line is no lead clause: its 文化建设 says less than the 送戏 of the brief
    assert facts.main_type == "文艺演出"
    assert [(c.name, c.unit_cost) for c in facts.costs] == [("市级配套标准", "750元/村")]
    draft = drafter.draft(VILLAGE_SHOWS, today=TODAY)
    assert draft.table.budget.other is None  # 配套750元/村 is a standard, no other money
    assert ("送戏下乡行政村数量", "≥40个") in _rows(draft, "数量")
    assert ("市级配套标准", "=750元/村") in _rows(draft, "成本")
    assert not any(v.endswith("村") for _, v in _rows(draft, "数量"))  # no second count of 40


GRID = (
    "街道办事处2026年网格员工作经费216万元，聘用专职网格员60名，每人每月3000元，"
    "负责辖区120个网格的日常巡查、信息采集和矛盾纠纷排查，事件办结率95%以上。"
)
SOIL = (
    "县农业农村局2026年耕地质量监测经费25万元，设立耕地质量监测点30个，采集土壤样品300个，"
    "年底前形成耕地质量监测报告1份。"
)
FIRE_ENGINES = (
    "县消防救援大队2026年消防装备购置经费320万元，购置水罐消防车2辆、抢险救援器材100件套。"
)
TOILETS = "县卫健委2026年农村改厕奖补资金180万元，完成农村户厕改造1500户，每户奖补1200元。"
ANTI_DRUG = (
    "县禁毒办2026年禁毒宣传教育经费15万元，开展禁毒宣传进校园、进社区活动80场，"
    "发放宣传资料2万份，青少年毒品预防教育覆盖率100%。"
)
WATER_TESTS = (
    "市水务局2026年城乡供水水质监测经费60万元，对全市28座水厂出厂水和管网末梢水开展水质检测，"
    "全年检测样品1200份。"
)
GUARDS = "区教育局2026年校园安保服务采购经费260万元，为全区45所中小学配备专职保安90名。"
INSURANCE = "区民政局2026年老年人意外伤害保险经费90万元，为全区老年人3万人统一购买意外伤害保险，每人每年30元。"


def test_places_counted_before_their_listed_work_are_one_row_and_hired_staff_are_paid(drafter):
    draft = drafter.draft(GRID, today=TODAY)
    quantity = _rows(draft, "数量")
    assert ("巡查网格数量", "≥120个") in quantity  # was 巡查排查网格的日常数量
    assert ("报酬标准", "=3000元/人·月") in _rows(draft, "成本")  # was 支出标准
    assert [c.name for c in understand(INSURANCE).costs] == ["保费标准"]


def test_monitoring_points_keep_their_point_and_monitoring_builds_nothing(drafter):
    assert understand(SOIL).main_type == "农业监测"
    draft = drafter.draft(SOIL, today=TODAY)
    assert ("设立耕地质量监测点数量", "≥30个") in _rows(draft, "数量")  # was 设立耕地质量监测数量
    assert "工程验收" not in _names(draft)
    water = drafter.draft(WATER_TESTS, today=TODAY)
    assert ("水厂水质检测数量", "≥28座") in _rows(water, "数量")  # the 28 are water works


def test_kinds_named_by_their_work_not_by_how_they_are_paid(drafter):
    engines = drafter.draft(FIRE_ENGINES, today=TODAY)
    assert ("购置抢险救援器材数量", "≥100件套") in _rows(engines, "数量")  # was 器材套数量 ≥100件
    assert understand(TOILETS).main_type == "农村改厕"  # 奖补资金 is how, not what
    toilets = drafter.draft(TOILETS, today=TODAY)
    assert _rows(toilets, "满意度") == [("改厕农户满意度", "≥90%")]
    assert understand(ANTI_DRUG).main_type == "宣传活动"  # not 教育 for its 宣传教育
    assert understand(GUARDS).main_type == "安保服务"
    guards = drafter.draft(GUARDS, today=TODAY)
    assert "物业" not in _names(guards)


def test_a_borrowed_count_is_a_number(drafter):
    draft = drafter.draft(ANTI_DRUG, today=TODAY)
    assert all(re.search(r"\d", value) for _, value in _rows(draft, "数量")), _rows(draft, "数量")


HOSPITAL = (
    "县人民医院2026年医疗设备购置项目资金800万元，购置CT机1台、彩超2台，设备11月底前投入使用。"
)
BILLBOARDS = (
    "区城管局2026年户外广告招牌安全检查经费30万元，委托第三方检测机构对全区1800块户外广告招牌"
    "开展安全检测，6月底前完成检测。"
)
CHARGERS = (
    "街道办事处2026年电动自行车充电设施建设经费80万元，在25个老旧小区新建电动自行车集中充电桩500个，"
    "9月底前建成投用。"
)
VETERANS = "区退役军人事务局2026年优抚对象走访慰问经费45万元，走访慰问重点优抚对象1500人，每人慰问金300元。"
MOTHERS = (
    "区卫健委2026年孕产妇和儿童健康管理经费120万元，孕产妇系统管理率达到90%以上，"
    "0-6岁儿童健康管理率达到92%以上。"
)
TECH_ENVOYS = "县科技局2026年科技特派员工作经费30万元，选派科技特派员50名，深入农村开展技术服务。"


def test_latin_names_ages_and_doers_are_read_whole(drafter):
    assert ("购置CT机数量", "≥1台") in _rows(drafter.draft(HOSPITAL, today=TODAY), "数量")
    billboards = _rows(drafter.draft(BILLBOARDS, today=TODAY), "数量")
    # 检测机构 names who checks: the work is the 安全检测 of the boards (was 检测招牌开展安全检数量)
    assert ("户外广告招牌安全检测数量", "≥1800块") in billboards
    mothers = drafter.draft(MOTHERS, today=TODAY)
    assert understand(MOTHERS).main_type == "妇幼健康"
    assert ("0-6岁儿童健康管理率", "≥92%") in _rows(mothers, "质量")  # was 岁儿童健康管理率
    assert "项目目标实现程度" not in _names(mothers)
    chargers = drafter.draft(CHARGERS, today=TODAY)
    assert ("老旧小区数量", "≥25个") in _rows(chargers, "数量")  # was 老旧小区新建电动数量
    assert [n for n, _ in _rows(chargers, "时效")] == ["建成投用时间"]  # was 投用建成时间


def test_people_a_count_names_are_asked_and_a_budget_cites_no_other_kind(drafter):
    assert _rows(drafter.draft(VETERANS, today=TODAY), "满意度") == [("重点优抚对象满意度", "≥90%")]
    assert _rows(drafter.draft(LOW_INCOME, today=TODAY), "满意度") == [("低保对象满意度", "≥90%")]
    envoys = drafter.draft(TECH_ENVOYS, today=TODAY)
    assert understand(TECH_ENVOYS).main_type == "农技推广"
    cost = [i for i in envoys.table.indicators if slot_of(i) == "成本"]
    # the one total row is the brief's budget: no 燃气检查技术服务 table is its source
    assert [i.source.table_id for i in cost] == [""] and "预算30万元" in cost[0].source.rule


FLOOD_STOCK = (
    "县应急管理局2026年防汛物资储备经费40万元，采购编织袋5万条、冲锋舟4艘，汛期前完成入库。"
)
SAND = (
    "县水利局2026年河道采砂监管经费18万元，聘请巡查员10名，对全县8条河道开展日常巡查，"
    "非法采砂案件查处率100%。"
)
SECURITY_TEST = (
    "市住房公积金中心2026年业务系统等保测评服务经费15万元，委托测评机构对公积金业务系统"
    "开展等级保护测评1次，出具测评报告。"
)
FUNERALS = "区民政局2026年殡葬惠民补贴经费60万元，为辖区户籍居民去世后免除基本殡葬服务费用，预计惠及1000人。"
TEACHERS = (
    "县教育局2026年教师信息技术应用能力提升培训经费35万元，培训教师1200名，每人培训不少于50学时。"
)
OLD_TREES = "县林业局2026年古树名木保护经费12万元，对全县156株古树名木开展挂牌保护和日常养护。"
GUARDIANS = (
    "区卫健委2026年严重精神障碍患者管理经费45万元，随访管理患者820人，监护人以奖代补每人每年600元。"
)


def test_each_thing_bought_is_counted_and_a_deadline_is_no_means(drafter):
    draft = drafter.draft(FLOOD_STOCK, today=TODAY)
    assert ("采购冲锋舟数量", "≥4艘") in _rows(draft, "数量")  # 艘 was no unit: 4艘 was lost
    assert "通过入库" not in draft.table.goals[0]  # '汛期前完成入库' is its 时效 row


def test_patrols_and_services_keep_their_own_kind_and_words(drafter):
    sand = drafter.draft(SAND, today=TODAY)
    assert understand(SAND).main_type == "河湖管护"
    assert "使用年限" not in _names(sand) and "环境质量" not in _names(sand)
    test = drafter.draft(SECURITY_TEST, today=TODAY)
    assert ("等级保护测评次数", "≥1次") in _rows(test, "数量")  # was 级保护测评次数
    assert ("出具测评报告数量", "≥1份") in _rows(test, "数量")  # a report is no 项
    assert [n for n, _ in _rows(test, "成本")] == ["项目成本控制"]  # no 运维 software split
    funerals = _rows(drafter.draft(FUNERALS, today=TODAY), "数量")
    assert funerals == [("惠及人数", "≥1000人")]  # 免除…费用 is the policy, 预计 no name


def test_hours_each_trees_kept_and_payouts_are_named_whole(drafter):
    assert ("每人培训学时", "≥50学时") in _rows(drafter.draft(TEACHERS, today=TODAY), "数量")
    trees = drafter.draft(OLD_TREES, today=TODAY)
    assert understand(OLD_TREES).main_type == "古树名木保护"
    assert "造林" not in _names(trees) and "森林覆盖率" not in _names(trees)
    assert [c.name for c in understand(GUARDIANS).costs] == ["以奖代补标准"]  # was 护人以奖代补


CLOUD = (
    "区大数据中心2026年政务云服务租用经费300万元，租用政务云计算资源和存储资源，"
    "保障全区45个部门业务系统正常运行，云平台可用率不低于99.9%。"
)
FOOD_SAMPLES = (
    "区市场监管局2026年食品安全监督抽检经费150万元，对辖区食品开展监督抽检不少于1500批次，"
    "抽检信息按时公开。"
)


def test_no_incident_is_the_target_whatever_other_tables_tolerated(drafter):
    draft = drafter.draft(IT_UPKEEP, today=TODAY)
    incidents = [(n, v) for n, v in _rows(draft, "效益") if "事故" in n]
    assert incidents == [("发生信息安全事故次数", "=0次")]  # the 2 tables wrote ≤5次
    row = next(i for i in draft.table.indicators if "事故" in i.name)
    assert "≤5次" in row.source.rule  # the citation says what the tables wrote
    assert "不发生信息安全事故" in draft.table.goals[0]


def test_rented_cloud_builds_nothing_and_on_time_is_a_standard(drafter):
    cloud = drafter.draft(CLOUD, today=TODAY)
    assert understand(CLOUD).main_type == "云服务租用"
    assert "上线" not in _names(cloud) and "使用年限" not in _names(cloud)
    food = drafter.draft(FOOD_SAMPLES, today=TODAY)
    assert ("抽检信息公开及时率", "=100%") in _rows(food, "质量")
    assert not any("公开" in n for n, _ in _rows(food, "数量"))  # was 抽检信息按时公开数量 ≥1项


PARKS = (
    "项目名称：2026年区级公园绿地养护服务采购\n主管部门：某区绿化市容局\n预算数：480万元。\n"
    "主要内容：对全区12座公园开展日常养护，养护质量达到二级养护标准。\n费用构成：人工费310万元，管理费170万元。"
)
BROADCAST = (
    "某市应急管理局2026年应急广播系统建设经费950万元，在全市320个行政村安装应急广播终端640套，"
    "系统设计使用年限不少于8年。"
)
LIVESTOCK = (
    "某县农业农村局2026年重大动物疫病强制免疫经费85万元，开展口蹄疫、禽流感等重大动物疫病强制免疫，"
    "群体免疫密度常年保持在90%以上，全年不发生区域性重大动物疫情。"
)
SIGNALS = "项目名称：2026年城区交通信号灯运维\n预算65万元。对城区136个路口的交通信号灯开展日常巡检和维护。"
GREENHOUSES = (
    "项目名称：乡村振兴产业发展项目\n2026年预算600万元。用于扶持15个村发展特色种植产业，"
    "带动脱贫户420户增收，户均年增收不低于2000元。"
)


def test_labels_are_no_work_and_stated_standards_and_lifespans_are_kept(drafter):
    parks = drafter.draft(PARKS, today=TODAY)
    assert "预算数" not in parks.table.goals[0] and "费用构成" not in parks.table.goals[0]
    assert ("养护质量", "达到二级养护标准") in _rows(parks, "质量")
    broadcast = drafter.draft(BROADCAST, today=TODAY)
    # the brief's 8 years, not the type's usual ≥5年 beside it
    assert [(n, v) for n, v in _rows(broadcast, "效益") if "年限" in n] == [
        ("系统设计使用年限", "≥8年")
    ]


def test_a_list_of_kinds_a_held_rate_and_an_avoided_outbreak(drafter):
    draft = drafter.draft(LIVESTOCK, today=TODAY)
    assert ("群体免疫密度", "≥90%") in _rows(draft, "质量")  # '常年保持在' was not read
    assert not any(n.startswith("口蹄疫") for n, _ in _rows(draft, "数量"))  # was 口蹄疫次数 ≥1次
    assert ("区域性重大动物疫情发生次数", "=0次") in _rows(draft, "效益")


def test_a_sub_kind_in_the_name_refines_its_head_and_keeps_out_foreign_rows(drafter):
    assert understand(SIGNALS).main_type == "设施维保"  # 交通信号灯|运维
    assert "信息" not in _names(drafter.draft(SIGNALS, today=TODAY))
    draft = drafter.draft(GREENHOUSES, today=TODAY)
    assert ("扶持发展特色种植产业村数量", "≥15个") in _rows(draft, "数量")
    assert ("户均年增收", "≥2000元") in _rows(draft, "效益")
