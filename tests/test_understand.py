"""Reading briefs into ProjectFacts: unit, types, activities, objects, period, costs, effects."""

from __future__ import annotations

import pytest

from assistant.drafting.compose import compose_rows
from assistant.drafting.organisations import find_department
from assistant.drafting.project_types import classify, project_types
from assistant.drafting.understand import find_period, understand

TRAINING = (
    "区委党校2024年举办村组干部培训班，对全区230名村组干部开展为期5天的集中轮训，培训费用18万元，"
    "组织专题讲座12场，培训结束考核合格率达到95%以上，提高基层干部履职能力。"
)
PROPERTY = (
    "某镇人民政府2023年安置小区物业管理服务项目，预算814万元。保安服务费191万元、保洁服务费99万元、"
    "水电气及维修524万元，服务周期2023年7月至2024年1月，保障小区居民生活环境整洁安全。"
)
DRUG_CONTROL = (
    "2024年全省禁毒工作经费，省禁毒委员会办公室，预算60万元。召开全体会议，组织宣传、培训，"
    "开展专项整治和联合检查，考核评议各县市。"
)
FARMLAND = (
    "岳阳县农业农村局2022年高标准农田建设项目，预算854万元，新建高标准农田1.2万亩，建设灌溉渠道和田间道路，"
    "工程质量验收合格，亩均粮食产能提高，受益农户满意度90%以上。"
)
HEALTH = (
    "县卫生健康局2025年基本公共卫生服务项目，预算120万元，为辖区65岁以上老年人开展免费健康体检，"
    "对高血压、糖尿病患者开展慢病随访，每季度随访1次，老年人健康管理率达到70%。"
)


def _acts(facts):
    return [(a.verb, a.object) for a in facts.activities]


def test_training_brief_reads_people_count_activity_and_quality():
    facts = understand(TRAINING)
    assert facts.unit == "区委党校"
    assert facts.main_type == "培训"
    assert [(b.who, b.count, b.unit) for b in facts.beneficiaries] == [("村组干部", 230, "名")]
    lectures = next(a for a in facts.activities if a.object == "专题讲座")
    assert (lectures.verb, lectures.count, lectures.unit) == ("组织", 12, "场")
    assert ("开展", "集中轮训") in _acts(facts)
    assert facts.period.duration == "5天"
    assert [(q.name, q.value) for q in facts.quality] == [("培训考核合格率", "≥95%")]
    assert [(c.name, c.amount) for c in facts.costs] == [("培训费", 18)]
    assert facts.effects == ["提高基层干部履职能力"]


def test_property_brief_keeps_cost_lines_and_service_period():
    facts = understand(PROPERTY)
    assert facts.unit == "某镇人民政府"
    assert "物业后勤" in facts.types
    assert [(c.name, c.amount) for c in facts.costs] == [
        ("保安服务费", 191),
        ("保洁服务费", 99),
        ("水电气及维修费", 524),
    ]
    assert (facts.period.start, facts.period.end) == ("2023年7月", "2024年1月")
    assert not facts.period.deadline
    assert facts.activities == []  # money lines and the period are not activities


def test_every_listed_activity_of_a_coordination_brief_is_read():
    facts = understand(DRUG_CONTROL)
    assert facts.unit == "省禁毒委员会办公室"
    assert _acts(facts) == [
        ("召开", "全体会议"),
        ("组织", "宣传"),
        ("组织", "培训"),
        ("开展", "专项整治"),
        ("开展", "联合检查"),
        ("考核", "评议各县市"),
    ]
    assert facts.costs == []  # the budget is not a cost line


def test_farmland_area_is_an_activity_count_not_money():
    facts = understand(FARMLAND)
    assert facts.unit == "岳阳县农业农村局"
    assert facts.types[:2] == ["农业", "工程建设"]
    farmland = facts.activities[0]
    assert (farmland.verb, farmland.object, farmland.count, farmland.unit) == (
        "新建",
        "高标准农田",
        1.2,
        "万亩",
    )
    assert facts.costs == []
    assert ("受益农户满意度", "≥90%") in [(q.name, q.value) for q in facts.quality]
    assert facts.effects == ["亩均粮食产能提高"]


def test_public_health_reads_checkups_followups_and_frequency():
    facts = understand(HEALTH)
    assert facts.main_type == "疾病防控"
    assert ("开展", "免费健康体检") in _acts(facts) and ("开展", "慢病随访") in _acts(facts)
    assert [b.who for b in facts.beneficiaries] == ["65岁以上老年人", "高血压、糖尿病患者"]
    assert facts.period.frequency == "每季度随访1次"
    assert facts.public_served


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("主管部门：岳阳县农业农村局 实施单位：某某水利管理处", "岳阳县农业农村局"),
        ("某市河道管理处2026年开展河道保洁，预算65万元", "某市河道管理处"),
        ("某区农村经济联合社计划2026年修建机耕道", "某区农村经济联合社"),
        ("某街道社区卫生服务中心（2026年）开展老年人体检", "某街道社区卫生服务中心"),
        ("我们镇今年想修路", ""),
    ],
)
def test_unit_names_end_in_any_organisation_suffix(text, unit):
    assert find_department(text).name == unit


def test_period_deadline_and_limits():
    period = find_period("2026年6月底前完成全部疫苗配送，故障2小时内响应，每月巡检1次")
    assert period.deadline == "2026年6月底前"
    assert period.limits == ["2小时内响应"]
    assert period.frequency == "每月巡检1次"


def test_taxonomy_is_data_with_about_twenty_kinds():
    kinds = project_types()
    assert len(kinds) >= 20 and {"会议", "培训", "物业后勤", "疾病防控", "农业", "林业"} <= set(
        kinds
    )
    assert classify("召开全体会议和座谈会") == ["会议"]
    assert classify("") == []


def test_implementing_unit_apart_from_the_department():
    facts = understand(
        "主管部门：岳阳县农业农村局 实施单位：农田建设服务中心 2022年高标准农田建设，预算854万元"
    )
    assert (facts.unit, facts.implementing_unit) == ("岳阳县农业农村局", "农田建设服务中心")
    road = understand(
        "某区建设和管理委员会2027年道路下立交工程，预算15000万元，由区市政工程建设中心实施"
    )
    assert road.implementing_unit == "区市政工程建设中心"


def test_time_limits_read_alike_for_the_period_and_the_figures():
    """One pattern: the period keeps the verb after a limit, the figures its number and unit."""
    from assistant.drafting.figures import time_limits

    text = "受理后5个工作日内办结，故障30分钟以内响应，整改3个月之内完成，2.5 小时内到场，12月31日内完成"
    assert find_period(text).limits == [
        "5个工作日内办结",
        "30分钟以内响应",
        "3个月之内完成",
        "2.5 小时内到场",
    ]
    assert [(f.number, f.unit, f.text) for f in time_limits(text)] == [
        (5, "个工作日", "5个工作日内"),
        (30, "分钟", "30分钟以内"),
        (3, "个月", "3个月之内"),
        (2.5, "小时", "2.5 小时内"),
    ]


def test_a_long_rate_name_and_a_count_of_buildings_are_read_whole():
    facts = understand(
        "某区卫生健康委为辖区在校女生免费接种HPV疫苗4500剂次，疑似预防接种异常反应处置率100%。"
        "委托专业机构对辖区3000栋既有房屋开展安全隐患排查。"
    )
    assert ("疑似预防接种异常反应处置率", "=100%") in [(q.name, q.value) for q in facts.quality]
    counts = {a.object: (a.count, a.unit) for a in facts.activities}
    # the 3000栋 count buildings: the work's name says so
    assert counts["既有房屋安全隐患排查"] == (3000, "栋")


@pytest.mark.parametrize(
    ("clause", "row"),
    [
        ("对全县12座小型水库开展日常巡查", ("小型水库日常巡查数量", "≥12座")),  # was 日常巡查数量
        ("对辖区30家企业开展安全检查", ("企业安全检查数量", "≥30家")),  # was 安全检查数量
        ("为13个社区开展普法宣传活动", ("普法宣传活动社区数量", "≥13个")),  # was ≥1次 + unit 个社区
        ("为230名村组干部开展法治培训", ("法治培训村组干部人数", "≥230名")),  # was 村组干部开展人数
    ],
)
def test_what_a_count_before_the_work_counts_names_its_row(clause, row):
    facts = understand(f"2026年区司法局普法宣传项目，预算10万元，{clause}。")
    assert facts.unit == "区司法局"
    rows, _ = compose_rows(facts, 2026, "new", "national")
    quantity = [(r.name, r.value.raw) for r in rows if r.level2 == "数量指标"]
    assert quantity == [row]


def test_placing_people_in_jobs_is_an_effect_not_work():
    facts = understand(
        "某镇人民政府2027年村级公益性岗位补贴，预算72万元，开发村级公益性岗位100个，"
        "安置脱贫劳动力和监测对象就业，岗位补贴每人每月600元，按月发放。"
    )
    assert _acts(facts) == [("开发", "村级公益性岗位")]  # no 监测 对象就业 ≥1项
    assert facts.effects == ["安置脱贫劳动力和监测对象就业"]


def test_a_deadline_clause_is_no_work_of_its_own():
    facts = understand(
        "某区住建委2027年燃气安全隐患整治，为辖区1.2万户居民安装自闭阀，12月底前完成整治。"
    )
    assert all("月底前" not in a.object for a in facts.activities)
    assert facts.period.deadline == "12月底前"


@pytest.mark.parametrize(
    ("clause", "slot", "rows"),
    [
        # a cap on a count is a standard: it was 新发疫点不数量 ≥2个
        ("全年新发疫点不超过2个", "质量指标", [("新发疫点数量", "≤2个")]),
        # it was an effect 全年安全事故发生次数 =0次, against the brief's 2起
        ("确保全年安全事故控制在2起以内", "质量指标", [("安全事故数量", "≤2起")]),
        # the 3 工种 are the listed items: it was 电工次数 ≥1次, 焊工次数 ≥1次 and no 6期
        (
            "组织电工、焊工、中式烹调师3个工种培训6期",
            "数量指标",
            [("培训工种数量", "≥3个"), ("培训期数", "≥6期")],
        ),
        # covering them all is a rate of 100%: it was '通过处置体系覆盖所有行政村' and no row
        (
            "农村生活垃圾收运处置体系覆盖所有行政村",
            "质量指标",
            [("垃圾收运处置体系行政村覆盖率", "=100%")],
        ),
        # a named time under a cap is the brief's time limit: it was 修复时间不时长 ≥24小时 (数量)
        ("维护设备156套，故障修复时间不超过24小时", "时效指标", [("故障修复时间", "≤24小时")]),
        # the services listed for the 600 are their service; each one's frequency keeps 每人
        # (it was 老人人数, 助餐数量 ≥1项 … and 每人每月次数 ≥4次)
        (
            "为辖区600名80岁以上老人提供助餐、助洁、助医服务，每人每月服务不少于4次",
            "数量指标",
            [("服务老人人数", "≥600名")],
        ),
        ("助餐每人每月服务不少于4次", "时效指标", [("服务频次", "每人每月服务≥4次")]),
        # a job fair's matches are its result: it was a 数量 row and 项目目标实现程度 ≥90%
        (
            "举办专场招聘会30场，达成就业意向3000人",
            "社会效益指标",
            [("达成就业意向人数", "≥3000人")],
        ),
        # the work paid for is counted: it was 加装既有住宅电梯给予补贴数量
        ("对辖区20部既有住宅加装电梯给予补贴", "数量指标", [("补贴加装电梯数量", "≥20部")]),
        # the city is the scope, not the object: it was 维护全市路口交通信号灯数量
        ("维护全市路口交通信号灯320处", "数量指标", [("维护路口交通信号灯数量", "≥320处")]),
        # the work after 开展 is 管护: it was 小型水库开展数量
        (
            "由县水利工程管理站对全县42座小型水库开展管护",
            "数量指标",
            [("小型水库管护数量", "≥42座")],
        ),
        # who implements it is no work: it was 执法大队负责实施数量 ≥1项
        (
            "拆除违法建筑50处，项目由区城管执法大队负责实施",
            "数量指标",
            [("拆除违法建筑数量", "≥50处")],
        ),
        # the days meals are served, and nil accidents: both were missed
        ("全年供餐200天，食品安全事故为零", "数量指标", [("供餐天数", "≥200天")]),
        ("全年供餐200天，食品安全事故为零", "社会效益指标", [("食品安全事故发生次数", "=0次")]),
        # the share first or the verb first: it was 增加降水量5%实现情况 好
        ("开展增雨作业40次，增加降水量5%", "社会效益指标", [("降水量增加幅度", "≥5%")]),
        # villages running is no system's uptime (it was 系统正常运行率 ≥99%); pay 按月 is timed
        # by its frequency row, no 村干部报酬按月发放数量 ≥1项; a deadline's 成果 is no work
        ("保障全镇16个行政村正常运转，村干部报酬按月发放", "数量指标", []),
        ("形成城市体检报告1份，10月底前提交成果", "数量指标", [("体检报告数量", "≥1份")]),
        # people in 万: it was 老年人免费体检数量
        ("为65岁以上老年人免费体检2.1万人", "数量指标", [("老年人免费体检人数", "≥2.1万人")]),
        # each one's hours, not 50 in all: it was 培训学时数量
        ("每人培训学时不少于50学时", "数量指标", [("每人培训学时", "≥50学时")]),
        # it was 清淤河道共计数量
        ("清淤河道12条共计36公里", "数量指标", [("清淤河道数量", "≥12条")]),
        # a change by a share is a result: it was 年均浓度下降数量 ≥1项
        ("PM2.5年均浓度下降3%", "生态效益指标", [("PM2.5年均浓度下降幅度", "≥3%")]),
        # what new weather stations achieve, not a quality of the work: it was no row at all
        (
            "新建区域自动气象站20个，提升短时临近预报准确率",
            "社会效益指标",
            [("短时临近预报准确率提升情况", "好")],
        ),
        # doses after a count of people are each one's: it was HPV疫苗数量 ≥4500名 and ≥2剂次
        (
            "为辖区4500名13-14岁在校女生接种2剂次HPV疫苗",
            "数量指标",
            [("接种在校女生人数", "≥4500名"), ("每人接种HPV疫苗剂次", "=2剂次")],
        ),
    ],
)
def test_caps_lists_and_doses_reach_rows_as_the_brief_means_them(clause, slot, rows):
    facts = understand(f"2026年县某局，预算50万元，{clause}。")
    composed, _ = compose_rows(facts, 2026, "new", "national")
    assert [(r.name, r.value.raw) for r in composed if r.level2 == slot] == rows


def test_villages_running_is_no_system_uptime():
    facts = understand(
        "项目名称：2026年村级组织运转经费；主管部门：某镇人民政府；预算：48万元。"
        "保障全镇16个行政村正常运转，村干部报酬按月发放。"
    )
    composed, _ = compose_rows(facts, 2026, "new", "national")
    assert "系统正常运行率" not in [r.name for r in composed]  # it was ≥99%, an IT measure
