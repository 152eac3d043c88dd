"""Drafts for a twelfth series of projects the corpus does not hold: grain kept in store, plaques
for veterans' families, wildlife disease watch, jobs a course brings, places made standard, and a
borrowed rate beside the brief's own."""

from __future__ import annotations

from assistant.drafting.understand import understand
from tests.draft_rows import TODAY, row_names, slot_rows


def test_grain_in_store_and_plaques_hung_are_kinds_with_their_own_effects(memory_drafter):
    grain = "县发改委2027年粮食应急储备，预算220万元，储备地方储备粮5000吨，储备粮轮换率30%。"
    assert understand(grain).main_type == "粮食储备"  # was 应急 (突发事件处置率)
    assert "突发事件" not in row_names(memory_drafter.draft(grain, today=TODAY))
    plaques = "区退役军人事务局2027年光荣牌悬挂，预算8万元，为辖区退役军人家庭悬挂光荣牌3000块，春节前完成悬挂。"
    draft = memory_drafter.draft(plaques, today=TODAY)
    assert "项目目标实现程度" not in row_names(draft)  # was the generic filler, no kind known
    assert slot_rows(draft, "效益") == [("退役军人荣誉感获得感提升情况", "好")]


def test_a_wildlife_watch_borrows_no_planting_rows(memory_drafter):
    brief = (
        "市林业局2027年野生动物疫源疫病监测，预算18万元，设立监测站点12个，开展监测巡查不少于600次，"
        "采集样品300份。"
    )
    assert understand(brief).main_type == "疫源疫病监测"
    names = row_names(memory_drafter.draft(brief, today=TODAY))
    assert "成活率" not in names and "森林覆盖率" not in names  # was 树木成活率 ≥85%


def test_jobs_a_course_brings_are_its_result(memory_drafter):
    brief = "县残联2027年残疾人就业培训，预算40万元，开展就业技能培训10期，培训残疾人500人，实现就业200人。"
    draft = memory_drafter.draft(brief, today=TODAY)
    # was a 数量 row beside an assumed 培训后就业率 ≥60% (200 of 500 is 40%)
    assert slot_rows(draft, "效益") == [("实现就业人数", "≥200人")]


def test_places_made_standard_are_counted_and_a_borrowed_rate_gives_way(memory_drafter):
    clinics = "县卫健委2027年村卫生室标准化建设，预算150万元，对30个村卫生室进行标准化改造，10月底前完成。"
    rows = slot_rows(memory_drafter.draft(clinics, today=TODAY), "数量")
    assert ("村卫生室改造数量", "≥30个") in rows  # was 进行标准化改造数量
    kitchens = (
        "区教育局2027年校园食堂明厨亮灶，预算60万元，为全区40所学校食堂安装视频监控设备200套，"
        "6月底前完成安装，设备在线率95%以上。"
    )
    quality = slot_rows(memory_drafter.draft(kitchens, today=TODAY), "质量")
    assert quality == [("设备在线率", "≥95%")]  # was 视频监控在线率 ≥0.97比例 borrowed beside it


def test_a_fee_paid_per_head_names_its_standard_and_insurance_bought_per_head_no_count(
    memory_drafter,
):
    doctors = (
        "区卫健委2027年家庭医生签约服务经费，预算130万元。为辖区常住居民提供家庭医生签约服务，按每人每年"
        "20元标准拨付签约服务费。"
    )
    assert [c.name for c in understand(doctors).costs] == ["签约服务费标准"]  # was 支出标准
    cover = (
        "项目名称：老年人意外伤害保险\n主管部门：某市民政局\n预算90万元，为全市70周岁以上老年人统一购买"
        "意外伤害保险，参保老人6万人，每人每年保费15元。"
    )
    rows = slot_rows(memory_drafter.draft(cover, today=TODAY), "数量")
    assert rows == [("参保老人人数", "≥6万人")]  # was 购买意外伤害保险数量 ≥1项 too
