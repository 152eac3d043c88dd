"""Drafts for an eighth series of projects the corpus does not hold, read as a reviewer would:
standards named by what they pay, places sharing the head of a list, each school's year of a termly
check, duties and grants a counted row sizes, stated rates that are results, and project kinds for
rent subsidies and museum collections."""

from __future__ import annotations

from assistant.drafting.understand import understand
from tests.draft_rows import TODAY, row_names, slot_rows

STATIONS = (
    "项目名称：退役军人服务站运行\n主管部门：某区退役军人事务局\n预算36万元，保障全区12个街道、156个"
    "社区退役军人服务站正常运行，每个街道站补助2万元，每个社区站补助1000元。"
)
RESETTLED = (
    "项目名称：水库移民后期扶持\n主管部门：某县水利局\n预算800万元，对全县水库移民1.6万人按每人每年"
    "600元发放后期扶持直补资金，扶持资金于6月底前足额发放到人。"
)
PUBLIC_HEALTH = (
    "项目名称：基本公共卫生服务\n主管部门：某区卫生健康委员会\n预算420万元，按每人每年89元标准落实"
    "基本公共卫生服务经费，为65岁以上老年人免费体检1.8万人。"
)
FAMILIES = (
    "项目名称：计划生育特殊家庭扶助\n主管部门：某县卫生健康局\n预算110万元，为全县计划生育特殊家庭"
    "成员560人发放扶助金，独生子女伤残家庭每人每月500元、死亡家庭每人每月600元，扶助金按季度发放。"
)


def test_places_listed_before_a_shared_head_are_each_counted_with_it(memory_drafter):
    draft = memory_drafter.draft(STATIONS, today=TODAY)
    rows = slot_rows(draft, "数量")
    assert ("街道退役军人服务站数量", "≥12个") in rows  # was 街道数量 ≥12个
    assert ("社区退役军人服务站数量", "≥156个") in rows


def test_a_bare_standard_is_named_by_the_fund_it_pays(memory_drafter):
    costs = dict(slot_rows(memory_drafter.draft(RESETTLED, today=TODAY), "成本"))
    assert costs["后期扶持直补标准"] == "=600元/人·年"  # was 支出标准, quoting 「万人按每人…」
    line = next(c for c in understand(RESETTLED).costs if c.unit_cost)
    assert line.text == "按每人每年600元"
    health = dict(slot_rows(memory_drafter.draft(PUBLIC_HEALTH, today=TODAY), "成本"))
    assert health["基本公共卫生服务经费标准"] == "=89元/人·年"


def test_each_tier_of_households_keeps_its_name_and_the_frequency_its_money(memory_drafter):
    draft = memory_drafter.draft(FAMILIES, today=TODAY)
    costs = dict(slot_rows(draft, "成本"))
    assert costs["伤残家庭扶助金标准"] == "=500元/人·月"  # was 扶助金标准
    assert costs["死亡家庭扶助金标准"] == "=600元/人·月"
    assert [name for name, _ in slot_rows(draft, "时效")] == ["扶助金发放频次"]


def test_the_worth_of_stores_kept_is_their_cost_and_a_range_is_capped_at_its_top():
    flood = understand("区水务局2027年城区防汛应急抢险，预算80万元，储备防汛物资价值30万元。")
    assert [(c.name, c.amount) for c in flood.costs] == [("防汛物资储备费", 30.0)]  # 价值费
    brief = "区司法局2027年人民调解员以案定补，预算30万元，全年调解矛盾纠纷2500件，每件补贴100元至300元。"
    lines = understand(brief).costs
    assert [(c.name, c.unit_cost) for c in lines] == [("补贴标准", "≤300元/件")]  # was 元至费


def test_a_grant_paid_per_head_is_named_by_its_payout_and_quoted_from_a_word():
    aid = understand(
        "区妇联2027年两癌困难妇女救助，预算20万元，对患宫颈癌的困难妇女每人救助1万元，计划救助20人。"
    )
    assert [c.name for c in aid.costs] == ["救助标准"]  # was 支出标准
    homes = understand(
        "区民政局2027年养老机构运营补贴，预算180万元，对辖区12家民办养老机构按实际入住老人每人每月200元"
        "给予运营补贴。"
    )
    assert homes.costs[0].text.startswith("民办养老机构按")  # was 「办养老机构按…」


def test_cadres_in_a_bracket_are_asked_about_the_grant(memory_drafter):
    brief = (
        "项目名称：基层干部学历提升补助\n主管部门：某县委组织部\n预算40万元，对参加学历提升教育的"
        "村（社区）干部给予学费补助，计划补助200人。"
    )
    draft = memory_drafter.draft(brief, today=TODAY)
    assert slot_rows(draft, "满意度") == [("村（社区）干部满意度", "≥90%")]  # was 受益对象


def test_a_termly_check_at_each_school_is_each_schools_year(memory_drafter):
    brief = (
        "项目名称：校园食品安全快检\n主管部门：某区市场监督管理局\n预算18万元，对全区86所学校食堂开展"
        "食品快检每学期2次，全年快检样品不少于3000批次。"
    )
    rows = slot_rows(memory_drafter.draft(brief, today=TODAY), "数量")
    assert ("每所学校食品快检次数", "≥4次") in rows  # was 食品快检次数 ≥2次
    assert ("食品快检学校数量", "≥86所") in rows


def test_a_standing_duty_beside_a_count_gets_no_assumed_row(memory_drafter):
    brief = (
        "项目名称：机关食堂运营服务\n主管部门：某区机关事务管理局\n预算150万元，委托专业餐饮公司负责"
        "机关食堂运营，日均供餐800人次，服务期12个月。"
    )
    draft = memory_drafter.draft(brief, today=TODAY)
    assert slot_rows(draft, "数量") == [("日均供餐人次", "≥800人次")]  # was 运营数量 ≥1项 too
    assert "通过委托专业餐饮公司负责机关食堂运营" in draft.table.goals[0]


def test_a_grant_paid_per_head_gets_no_assumed_count(memory_drafter):
    brief = (
        "区卫健委2027年严重精神障碍患者管理，预算68万元，对辖区在册严重精神障碍患者1100人开展随访管理，"
        "为贫困患者免费发放抗精神病药物，每人每月补助150元。"
    )
    rows = slot_rows(memory_drafter.draft(brief, today=TODAY), "数量")
    assert rows == [("随访管理人数", "≥1100人")]  # was 发放抗精神病药物数量 ≥1项 too


def test_stated_rates_of_what_the_work_achieves_are_results(memory_drafter):
    manure = (
        "项目名称：畜禽粪污资源化利用整县推进\n主管部门：某县农业农村局\n预算900万元。支持规模养殖场"
        "建设粪污处理设施65个，畜禽粪污综合利用率达到90%以上。"
    )
    draft = memory_drafter.draft(manure, today=TODAY)
    assert slot_rows(draft, "效益") == [("畜禽粪污综合利用率", "≥90%")]  # was 质量
    assert "农业综合生产能力" not in row_names(draft)
    science = (
        "项目名称：全民科学素质提升行动\n主管部门：某市科学技术协会\n预算35万元，开展科普讲座100场，"
        "公民具备科学素质比例达到14%。"
    )
    draft = memory_drafter.draft(science, today=TODAY)
    assert slot_rows(draft, "效益") == [("公民具备科学素质比例", "≥14%")]
    assert "群众知晓率" not in row_names(draft)


def test_things_named_before_their_count_are_counted_and_a_rate_sizes_their_fixing(
    memory_drafter,
):
    brief = (
        "区城管局2027年户外广告设施安全检测，预算40万元，委托第三方机构对辖区大型户外广告牌500块开展"
        "安全检测，检测发现隐患督促整改，整改完成率100%。"
    )
    rows = slot_rows(memory_drafter.draft(brief, today=TODAY), "数量")
    assert rows == [("户外广告牌安全检测数量", "≥500块")]  # was 安全检测数量, 整改数量 ≥1项
    roads = understand(
        "县交通局2027年农村公路养护，预算680万元，全县县道、乡道、村道共1250公里开展日常养护。"
    )
    assert [a.object for a in roads.activities] == ["日常养护"]  # the list is no one thing


def test_a_rent_subsidy_is_a_grant_with_no_flats_let(memory_drafter):
    brief = (
        "市住建局2027年城镇住房租赁补贴，预算400万元，对符合条件的城镇低收入住房困难家庭发放租赁补贴，"
        "保障家庭1800户，补贴标准每户每月200元，按季度发放。"
    )
    assert understand(brief).main_type == "租赁补贴"
    draft = memory_drafter.draft(brief, today=TODAY)
    assert "公租房入住率" not in row_names(draft)
    assert slot_rows(draft, "质量") == [("补贴资金发放准确率", "=100%")]
