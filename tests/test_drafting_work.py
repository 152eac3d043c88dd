"""What counts as work in a brief and how it is counted: a frequency over the year, a campaign
the brief names, the purpose and condition clauses that are no work, a list of one service's
items; and what a silent brief gets (项目完成时间, the type's own 质量 row, no design life for a
service)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting import Drafter
from assistant.drafting.understand import understand
from assistant.rules.values import unusable_value
from assistant.schema import Indicator, SearchFilters
from assistant.taxonomy import slot_of
from evals.fidelity import brief_from_table

TODAY = date(2026, 3, 1)
RIVER = (
    "某镇河长制办公室2026年河道管护经费20万元，镇级河长每月巡河不少于2次，保洁员每周清理河面1次，"
    "巡河发现问题整改率100%，召开河长会议2次，开展“清河行动”专项整治。"
)
CENSUS = "县统计局2026年农业普查经费30万元，抽中普查小区40个，普查员入户登记后开展数据质量抽查，11月底前完成数据上报。"
OFFICE_ESTATE = "某区机关事务管理局2026年办公楼物业管理费120万元，含保安、保洁、绿化养护。"


@pytest.fixture(scope="module")
def drafter(corpus_index):
    return Drafter(corpus_index)


def _rows(draft, slot):
    return {i.name: i.value.raw for i in draft.table.indicators if slot_of(i) == slot}


def _left_out(drafter, corpus_tables, table_id):
    table = next(t for t in corpus_tables if table_id in t.id)
    filters = SearchFilters(exclude_table_ids=[table.id])
    return drafter.draft(brief_from_table(table), filters=filters, today=TODAY)


def test_work_done_every_month_or_week_is_counted_over_the_year(drafter):
    quantity = _rows(drafter.draft(RIVER, today=TODAY), "数量")
    assert quantity["镇级河长巡河次数"] == "≥24次"
    assert quantity["保洁员清理河面次数"] == "≥52次"
    assert quantity["河长会议次数"] == "≥2次"


def test_a_named_campaign_keeps_its_row_beside_counted_work(drafter):
    quantity = _rows(drafter.draft(RIVER, today=TODAY), "数量")
    assert quantity["“清河行动”专项整治次数"] == "≥1次"
    # how often is the 时效 row's, as written
    assert "每月巡河≥2次" in _rows(drafter.draft(RIVER, today=TODAY), "时效").values()


def test_work_after_an_earlier_step_starts_at_its_own_verb(drafter):
    facts = understand(CENSUS)
    assert [(a.verb, a.object) for a in facts.activities if a.count is None] == [
        ("开展", "数据质量抽查"),
        ("完成", "数据上报"),
    ]
    draft = drafter.draft(CENSUS, today=TODAY)
    assert "数据质量抽查次数" in _rows(draft, "数量")
    assert "登记后" not in draft.table.goals[0]


def test_purpose_and_condition_clauses_are_no_work():
    facts = understand(
        "市质量检测所2026年检测设备运行经费50万元，为市场监管部门开展执法检查提供技术支撑，"
        "做到检测数据的精细化管理。"
    )
    assert facts.activities == []
    facts = understand("区水务局2026年河长制工作经费10万元，全区河道28条实行区、镇、村三级河长制。")
    assert all("河长制" not in a.object for a in facts.activities)


def test_a_platform_brief_that_only_says_why_gets_no_invented_work(drafter, corpus_tables):
    """The real brief of the heating platform's 运维 says what the data supports ('为供热部门编制
    供热规划…提供了强有力的数据支撑'): no 编制供热规划 or 数据支撑 row, and as a 运维 of a system it
    built nothing: no 系统使用年限."""
    draft = _left_out(drafter, corpus_tables, "000_0a362c379c5850c5-3")
    names = " ".join(i.name for i in draft.table.indicators)
    assert "供热规划" not in names and "数据支撑" not in names
    assert not any(i.level2 == "可持续影响指标" for i in draft.table.indicators)


def test_farmland_construction_keeps_its_design_life(drafter, corpus_tables):
    draft = _left_out(drafter, corpus_tables, "gaobiaozhun-nongtian")
    assert _rows(draft, "效益").get("工程设计使用年限") == "≥20年"


def test_one_services_items_make_one_row_of_the_type(drafter):
    draft = drafter.draft(OFFICE_ESTATE, today=TODAY)
    quantity = [i for i in draft.table.indicators if slot_of(i) == "数量"]
    assert [(i.name, i.value.raw) for i in quantity] == [("物业服务区域数量", "≥1个")]
    assert "保安、保洁、绿化" in quantity[0].description
    assert "A-QUANTITY-TYPE" in {a.code for a in draft.assumptions}


def test_a_silent_brief_gets_the_plain_completion_date_or_its_types_milestone(drafter):
    publicity = drafter.draft(
        "区文旅局2026年全民阅读宣传经费15万元，开展读书月宣传活动。", today=TODAY
    )
    assert _rows(publicity, "时效") == {"项目完成时间": "2026年12月31日前完成"}
    system = drafter.draft("市档案馆2026年档案管理系统建设项目，预算80万元。", today=TODAY)
    assert list(_rows(system, "时效")) == ["系统上线时间"]


def test_a_publicity_draft_takes_its_types_quality_not_another_tables_acceptance(
    drafter, corpus_tables
):
    draft = _left_out(drafter, corpus_tables, "003_e87aba6a1a806e89-2")
    assert _rows(draft, "质量") == {"宣传活动计划完成率": "=100%"}


def test_street_cleaning_is_sanitation_not_monitoring(drafter):
    brief = "某街道办事处2026年环境卫生保洁经费80万元，负责辖区12个社区的道路清扫和垃圾清运。"
    assert understand(brief).main_type == "环卫保洁"
    draft = drafter.draft(brief, today=TODAY)
    assert _rows(draft, "质量") == {"生活垃圾清运率": "=100%"}
    assert "城乡环境卫生改善情况" in _rows(draft, "效益")
    # an office building's 物业 keeps its own effect, not the streets'
    estate = drafter.draft(OFFICE_ESTATE, today=TODAY)
    assert list(_rows(estate, "效益")) == ["服务区域环境整洁度"]


def test_a_name_that_ends_in_its_measure_gets_it_once(drafter, corpus_tables):
    quantity = _rows(_left_out(drafter, corpus_tables, "dangxiao-zhutiban"), "数量")
    assert quantity["开设课程数量"] == "≥220门"
    assert quantity["情景教学或外训批次"] == "≥6批次"


def test_one_shared_word_does_not_make_another_projects_row_the_briefs(drafter, corpus_tables):
    """An education infrastructure brief shares 教育 with 麻风病's '宣传教育' and 基础设施建设 with a
    poverty tourism project's '贫困地区旅游基础设施建设工程': neither is its work."""
    draft = _left_out(drafter, corpus_tables, "jiaoyu-jichusheshi-shebei")
    cited = {i.source.table_id for i in draft.table.indicators if i.source.table_id}
    assert not any("mafengbing" in t or "fupin-lvyou" in t for t in cited), cited


DEMOLITION = (
    "普陀区城市管理行政执法局2027年拆违经费360万元，用于拆违现场安全秩序维护第三方服务、无人机巡查、"
    "无证点位复核和数据库销项，完成年度拆违任务。"
)


def test_a_task_set_from_above_is_done_in_full(drafter):
    quantity = _rows(drafter.draft(DEMOLITION, today=TODAY), "数量")
    assert quantity["年度拆违任务完成率"] == "=100%"


def test_a_verb_inside_the_first_item_of_a_list_is_that_items_own(drafter):
    facts = understand(DEMOLITION)
    assert ("无人机巡查", "无人机巡查") in [(a.verb, a.object) for a in facts.activities]
    assert all(a.verb != "维护" for a in facts.activities)
    assert _rows(drafter.draft(DEMOLITION, today=TODAY), "数量")["无人机巡查次数"] == "≥1次"


def test_lengthened_service_life_is_an_effect(drafter, corpus_tables):
    draft = _left_out(drafter, corpus_tables, "003_e87aba6a1a806e89-4")
    assert _rows(draft, "效益")["设备使用寿命延长情况"] == "好"


def test_jishi_and_hexie_are_words_not_joins():
    facts = understand("区乡村振兴局2026年就学补助，预算7万元，资助学生101人，补助及时发放率100%。")
    assert [(q.name, q.value) for q in facts.quality] == [("补助及时发放率", "=100%")]


def test_one_count_after_a_verbs_objects_counts_them_all(drafter):
    brief = "区委党校2026年主体班经费170万元，邀请校外名师、领导授课25人次，举办公益讲座和读书分享会40场。"
    acts = [(a.verb, a.object, a.count) for a in understand(brief).activities]
    assert ("邀请", "校外名师、领导授课", 25) in acts
    assert ("举办", "公益讲座、读书分享会", 40) in acts
    quantity = _rows(drafter.draft(brief, today=TODAY), "数量")
    assert quantity["邀请校外名师、领导授课人次"] == "≥25人次"
    assert quantity["公益讲座、读书分享会场次"] == "≥40场"
    # objects that each have their count keep their own rows
    fire = understand("某县林业局2026年森林防火经费，购置风力灭火机50台、对讲机80部。")
    assert [(a.object, a.count) for a in fire.activities] == [("风力灭火机", 50), ("对讲机", 80)]


def test_what_the_brief_says_is_completed_is_done_in_full(drafter):
    brief = "市档案馆2026年数字档案室建设，预算90万元，建设档案管理系统，完成与政务云对接，11月底前完成数据上报。"
    quantity = _rows(drafter.draft(brief, today=TODAY), "数量")
    assert quantity["政务云对接完成率"] == "=100%"
    assert quantity["数据上报完成率"] == "=100%"


def test_a_count_ends_what_it_counts_when_more_work_follows(drafter):
    brief = "某县林业局2026年森林防火经费86万元，聘用护林员120名开展巡山护林，购置对讲机80部。"
    assert _rows(drafter.draft(brief, today=TODAY), "数量")["聘用护林员人数"] == "≥120名"


def test_what_was_done_before_is_no_target_and_a_period_is_quoted_as_written(drafter):
    brief = (
        "市公安局2026年雪亮工程机房租赁服务，预算168万元，共计77个机柜，租赁周期为36个月。"
        "项目已于2024年7月完成招标采购。"
    )
    draft = drafter.draft(brief, today=TODAY)
    timing = {i.name: i for i in draft.table.indicators if slot_of(i) == "时效"}
    assert "2024年7月" not in " ".join(i.value.raw for i in timing.values())
    row = timing["服务周期"]
    assert row.value.raw == "≤36个月"
    assert "36个月" in row.source.rule and "为期" not in row.source.rule


def test_work_a_frequency_or_a_counted_place_already_rows_gets_no_row_of_its_own(drafter):
    brief = (
        "区市场监管局2026年校园食品安全检查经费10万元，对全区30所中小学、幼儿园食堂每学期检查不少于2次，"
        "汛期巡查员每日巡查，开展食材快检2000批次。"
    )
    quantity = _rows(drafter.draft(brief, today=TODAY), "数量")
    assert quantity == {"检查中小学、幼儿园数量": "≥30所", "食材快检批次": "≥2000批次"}


def test_a_real_rows_not_applicable_placeholder_is_never_borrowed(drafter):
    """The tennis open's real table fills its 生态效益 slot with '本项目不适用此指标 无'."""
    brief = "六安市金安区体育局2025年举办金安国际网球公开赛，预算1000万元，参赛运动员不少于200人。"
    draft = drafter.draft(brief, today=TODAY)
    assert "anhui-luan-jinanqu_2025_guoji-wangqiu-gongkaisai-1" in draft.based_on
    assert not any("不适用" in i.name for i in draft.table.indicators)


def test_counted_places_are_the_service_and_the_items_after_de_its_content(drafter):
    brief = "某开发区管委会2026年安置小区物业管理经费900万元，维护6个安置小区的安全巡逻、环境卫生及物业日常管理。"
    acts = [(a.object, a.count) for a in understand(brief).activities]
    assert ("安置小区", 6) in acts and ("安全巡逻", 6) not in acts
    draft = drafter.draft(brief, today=TODAY)
    quantity = [i for i in draft.table.indicators if slot_of(i) == "数量"]
    assert [(i.name, i.value.raw) for i in quantity] == [("维护安置小区数量", "≥6个")]
    assert "环境卫生" in quantity[0].description
    # a stretch of time before 的 is no place: '为期5天的集中轮训'
    cadres = understand("区委党校2026年村组干部培训，对230名村组干部进行为期5天的集中轮训。")
    assert all(a.object for a in cadres.activities)


def test_cloud_seeding_is_its_own_kind_not_emergency_response(drafter):
    brief = "某市气象局2026年人工增雨作业经费150万元，租用作业飞机1架，开展增雨作业12次。"
    assert understand(brief).main_type == "人工影响天气"
    draft = drafter.draft(brief, today=TODAY)
    assert _rows(draft, "质量") == {"作业安全事故发生次数": "=0次"}
    assert "突发事件处置率" not in _rows(draft, "效益")


def test_a_forest_draft_keeps_a_real_effect_when_the_similar_tables_rows_are_unusable(drafter):
    """A forest's effect is the forest's (森林覆盖率, 生态效益), never the generic 项目目标实现程度;
    real rows whose value the review rejects are never borrowed."""
    brief = (
        "固原市原州区自然资源局2022年南部水源涵养林建设，预算6070万元，实施营造林8万亩，"
        "其中新造林3万亩，修建作业道30公里，苗木成活率85%以上，2023年底前完成。"
    )
    draft = drafter.draft(brief, today=TODAY)
    assert _rows(draft, "效益") == {"森林覆盖率提升情况": "好"}
    assert all(i.name != "项目目标实现程度" for i in draft.table.indicators)
    empty = Indicator(level1="效益指标", level2="经济效益指标", name="增加就业机会", value="")
    bare = Indicator(level1="效益指标", level2="社会效益指标", name="受益人数(人)", value="132")
    fine = Indicator(level1="效益指标", level2="社会效益指标", name="受益人数", value="≥132人")
    assert unusable_value(empty) and unusable_value(bare) and not unusable_value(fine)
