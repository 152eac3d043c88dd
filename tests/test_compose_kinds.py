"""Drafts for kinds of project the corpus does not hold, read as a reviewer would: the brief's own
work with its own objects and figures, the type's own defaults, no other project's work."""

from __future__ import annotations

import pytest

from assistant.drafting import Drafter, MemoryRetriever
from assistant.drafting.subject import foreign_work, subject_words
from assistant.drafting.understand import understand
from assistant.rules import has_errors, review
from assistant.schema import IndicatorValue
from evals.fidelity import brief_from_table
from tests.draft_rows import TODAY
from tests.draft_rows import row_names as _names
from tests.draft_rows import slot_rows as _rows

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


def test_the_content_of_a_work_is_one_counted_row_and_its_items_the_means(drafter):
    draft = drafter.draft(OLD_COMPOUNDS, today=TODAY)
    # never 改造内容包括雨污分流数量, nor an assumed '≥1项' row per item: the brief lists 3 kinds
    assert _rows(draft, "数量") == [("改造老旧小区数量", "≥8个"), ("改造内容数量", "≥3项")]
    assert "通过雨污分流、道路修补、加装路灯等，" in draft.table.goals[0]


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
