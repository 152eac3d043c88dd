"""Drafts for a tenth series of projects the corpus does not hold: a cap on a standard kept, a
share the grant pays, feelings of safety and water quality the brief states, guards per school and
in all, kinds for street furniture, meals in custody and demolition, and one verb after another."""

from __future__ import annotations

from assistant.drafting.understand import understand
from tests.draft_rows import TODAY, row_names, slot_rows


def test_a_capped_standard_stays_capped_and_a_share_paid_is_a_cost(memory_drafter):
    brief = (
        "区退役军人事务局2027年重点优抚对象医疗补助，预算90万元，为重点优抚对象1500人提供医疗补助，"
        "门诊补助每人每年最高2000元，住院自付部分补助比例80%。"
    )
    costs = slot_rows(memory_drafter.draft(brief, today=TODAY), "成本")
    assert ("门诊补助标准", "≤2000元/人·年") in costs  # was =2000元: the brief's 最高 lost
    assert ("住院自付部分补助比例", "=80%") in costs  # was a 质量 row ≥80%


def test_a_feeling_of_safety_is_a_result_and_water_quality_a_standard(memory_drafter):
    safety = (
        "区委政法委2027年平安建设宣传，预算20万元，发放宣传手册3万份，开展平安建设进社区活动30场，"
        "群众安全感达到95%以上。"
    )
    draft = memory_drafter.draft(safety, today=TODAY)
    assert slot_rows(draft, "效益") == [("群众安全感", "≥95%")]  # was lost, 群众知晓率 instead
    rivers = (
        "某镇人民政府2027年村级河长制工作经费，预算24万元，村级河长每月巡河不少于2次，河道水质达到"
        "Ⅲ类标准。"
    )
    quality = slot_rows(memory_drafter.draft(rivers, today=TODAY), "质量")
    assert ("河道水质", "达到Ⅲ类标准") in quality  # was lost


def test_guards_each_school_has_and_in_all_are_named_by_their_work(memory_drafter):
    brief = (
        "项目名称：中小学校园安保服务\n主管部门：某县教育局\n预算320万元。通过政府采购为全县45所中小学"
        "配备专职保安，每校2名，共90名，保安服务费每人每月2800元。"
    )
    rows = slot_rows(memory_drafter.draft(brief, today=TODAY), "数量")
    # was 每校人数 ≥2名 and 主要工作人数 ≥90名
    assert ("每校配备专职保安人数", "≥2名") in rows
    assert ("配备专职保安人数", "≥90名") in rows


def test_bus_shelters_are_street_furniture_and_two_works_one_row(memory_drafter):
    brief = (
        "区交通局2027年公交站亭维护，预算45万元，对全区公交站亭320座进行日常维护和清洗，每月清洗不少于"
        "2次，站亭完好率达到95%。"
    )
    assert understand(brief).main_type == "设施维保"  # was 运维, with an IT system's rows
    draft = memory_drafter.draft(brief, today=TODAY)
    assert slot_rows(draft, "数量") == [("公交站亭维护和清洗数量", "≥320座")]  # 维护进行日常清洗
    assert "信息安全" not in row_names(draft) and "系统正常运行" not in row_names(draft)


def test_meals_in_custody_and_demolition_are_kinds_of_their_own(memory_drafter):
    meals = (
        "县公安局2027年看守所在押人员伙食费，预算85万元，保障在押人员日均120人伙食供应，伙食标准每人"
        "每天19元。"
    )
    assert understand(meals).main_type == "伙食保障"  # was no kind, 项目验收合格率
    assert "验收" not in row_names(memory_drafter.draft(meals, today=TODAY))
    razing = "区城管局2027年违法建设拆除，预算260万元，拆除违法建设面积5万平方米，完成市下达的年度拆违任务。"
    assert understand(razing).main_type == "拆违治理"
    names = row_names(memory_drafter.draft(razing, today=TODAY))
    assert "检查问题反馈时限" not in names and "检查任务完成率" not in names


def test_a_site_built_and_opened_is_a_build_timed_in_order(memory_drafter):
    brief = (
        "市司法局2027年法治宣传教育基地建设，预算60万元，建设法治文化公园1个、法治宣传长廊2处，10月底前"
        "建成开放。"
    )
    assert understand(brief).main_type == "工程建设"  # was 宣传活动 (宣传活动计划完成率)
    draft = memory_drafter.draft(brief, today=TODAY)
    assert slot_rows(draft, "时效") == [("建成开放时间", "2027年10月底前建成开放")]  # 开放建成


def test_a_survey_sized_by_its_area_and_a_one_off_payment_get_no_count(memory_drafter):
    pests = (
        "县林业局2027年松材线虫病防治，预算150万元，开展松材线虫病秋季普查，普查松林面积12万亩，清理"
        "疫木1.5万株。"
    )
    rows = slot_rows(memory_drafter.draft(pests, today=TODAY), "数量")
    assert "松材线虫病秋季普查次数" not in dict(rows)  # was assumed ≥1次 beside the 12万亩
    land = (
        "县农业农村局2027年耕地地力保护补贴，预算3200万元，对全县承包耕地的农户按每亩110元发放补贴，"
        "补贴面积29万亩，补贴资金6月底前一次性发放到户。"
    )
    rows = slot_rows(memory_drafter.draft(land, today=TODAY), "数量")
    assert "发放到户次数" not in dict(rows)  # was ≥1次 read off 一次性


def test_a_living_allowance_per_head_is_named_by_it():
    brief = (
        "区民政局2027年困境儿童保障，预算85万元，为困境儿童260名发放基本生活费，每人每月1200元。"
    )
    assert [c.name for c in understand(brief).costs] == ["基本生活费标准"]  # was 支出标准
