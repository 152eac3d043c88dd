"""The brief parser on many phrasings: budgets, fiscal splits, years, units, names, work items."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.drafting.amounts import parse_amount_wan, to_number
from assistant.drafting.brief import BriefInvalid, parse_brief
from assistant.errors import AssistantError

TODAY = date(2025, 11, 23)


def brief(text: str):
    return parse_brief(text, today=TODAY)


def test_the_example_from_the_issue():
    b = brief("2026年我们要委托第三方对全市老旧燃气管道开展安全巡检，预算80万元，全部财政资金")
    assert b.year == 2026
    assert (b.budget.total, b.budget.fiscal, b.budget.other) == (80, 80, 0)
    assert b.name == "2026年全市老旧燃气管道安全巡检项目"
    assert "巡检" in b.purpose and "全市老旧燃气管道" in b.purpose
    assert b.work_items == ["全市老旧燃气管道安全巡检"]
    assert b.missing == ["单位"]


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("2026年燃气管道安全巡检，预算80万元", 80),
        ("生态环境监测设备运维，年度预算150万元", 150),
        ("市民环保宣传活动，预算12万元", 12),
        ("一个预算3万元的业务系统运行维护项目", 3),
        ("河道保洁，经费八十万元", 80),
        ("城市道路养护，预算一百二十万元", 120),
        ("空气质量监测站点运维，预算1亿元", 10000),
        ("违法建设治理，资金1.5亿", 15000),
        ("预算800000元，用于购置执法记录仪", 80),
        ("社区垃圾分类宣传，预算约30万", 30),
        ("智慧平台建设，申请资金1,200万元", 1200),
        ("供热管网巡查，预算80", 80),  # bare number after 预算: the tables' unit, 万元
        ("燃气安全培训，经费为伍拾万元", 50),
        ("设备更新，预算二点五万元", 2.5),
    ],
)
def test_budget_phrasings(text, total):
    assert brief(text).budget.total == pytest.approx(total)


@pytest.mark.parametrize(
    ("text", "fiscal", "other", "total"),
    [
        ("明年开展河道保洁，经费八十万元，其中财政资金60万元、自筹20万元", 60, 20, 80),
        ("河道保洁，其中财政资金60万元、自筹20万元", 60, 20, 80),
        ("燃气供热站安全应急检查，预算29.4万元，全额财政拨款", 29.4, 0, 29.4),
        ("停车场改造，预算100万元，全部自筹", 0, 100, 100),
        ("公园绿化养护，预算50万元，其中财政资金30万元", 30, 20, 50),
    ],
)
def test_fiscal_and_other_split(text, fiscal, other, total):
    budget = brief(text).budget
    assert (budget.fiscal, budget.other, budget.total) == pytest.approx((fiscal, other, total))


@pytest.mark.parametrize(
    "text",
    [
        "开展燃气管道安全巡检",
        "市民环保宣传活动，共组织20场",
        "Gas pipeline inspection, budget 800k",
    ],
)
def test_no_budget_is_never_invented(text):
    b = brief(text)
    assert b.budget.total is None and b.budget.fiscal is None
    assert "预算" in b.missing


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2027年度生态环境信息网络设备更新改造，预算175万元", 2027),
        ("二〇二六年开展燃气巡检，预算10万元", 2026),
        ("明年开展河道保洁，预算10万元", 2026),
        ("今年要做社区垃圾分类宣传，预算约30万", 2025),
        ("后年的供热管网巡查，预算80万元", 2027),
        ("下一年度开展环境监测，预算20万元", 2026),
    ],
)
def test_years_absolute_and_relative(text, year):
    assert brief(text).year == year


def test_missing_year_is_reported_not_guessed():
    b = brief("生态环境监测设备运维，年度预算150万元")
    assert b.year is None
    assert "年度" in b.missing


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        (
            "天津市生态环境综合保障中心计划2026年开展空气质量监测站点运维，预算100万元",
            "天津市生态环境综合保障中心",
        ),
        ("由市城市管理委员会组织开展违法建设治理，资金1.5亿", "市城市管理委员会"),
        (
            "我单位是天津市供热燃气管理事务中心，明年开展燃气检查，预算30万元",
            "天津市供热燃气管理事务中心",
        ),
        ("普陀区城市管理行政执法局2026年拆违经费349.8万元", "普陀区城市管理行政执法局"),
    ],
)
def test_unit_names(text, unit):
    b = brief(text)
    assert b.department.name == unit
    assert "单位" not in b.missing
    assert unit not in b.name  # the unit is not part of the project name


def test_unit_code_is_read_but_money_is_not_a_code():
    b = brief(
        "362207 天津市生态环境综合保障中心 2027年度 生态环境信息网络设备更新改造，预算175万元"
    )
    assert b.department.code == "362207"
    assert b.name == "2027年生态环境信息网络设备更新改造项目"
    assert brief("预算800000元，用于购置执法记录仪").department.code == ""


def test_a_data_centre_is_an_object_not_a_unit():
    assert brief("数据中心的运维，预算10万元").department.name == ""


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2026年燃气管道安全巡检，预算80万元", "2026年燃气管道安全巡检项目"),
        ("一个预算3万元的业务系统运行维护项目", "业务系统运行维护项目"),
        ("项目名称：2026年城市道路养护项目，预算一百二十万元", "2026年城市道路养护项目"),
        ("拟申报《智慧供热监管平台运行维护项目》，预算104万元", "智慧供热监管平台运行维护项目"),
        ("由市城市管理委员会组织开展违法建设治理，资金1.5亿", "违法建设治理项目"),
        ("兰溪路下立交工程，2026年预算22614.51万元", "2026年兰溪路下立交工程"),
        ("普陀区城市管理行政执法局2026年拆违经费349.8万元", "2026年拆违项目"),
    ],
)
def test_project_names(text, name):
    assert brief(text).name == name


def test_work_items_split_on_list_separators():
    b = brief("今年要做社区垃圾分类宣传、培训和入户指导，预算约30万")
    assert b.work_items == ["社区垃圾分类宣传", "培训", "入户指导"]


def test_purpose_phrase_is_kept():
    b = brief("开展燃气用户安全检查，目的是及时发现并消除燃气安全隐患，预算40万元")
    assert b.purpose == "及时发现并消除燃气安全隐患"


@pytest.mark.parametrize("text", ["", "   ", "，。；！", None])
def test_empty_text_is_a_clear_chinese_error(text):
    with pytest.raises(BriefInvalid, match="项目描述为空") as info:
        parse_brief(text)
    assert isinstance(info.value, AssistantError)


def test_english_text_parses_but_everything_is_missing():
    b = brief("Gas pipeline inspection in 2026, budget 800k")
    assert set(b.missing) >= {"项目名称", "预算", "年度"}


@pytest.mark.parametrize(
    ("text", "number"),
    [("八十", 80), ("一百二十", 120), ("1,200", 1200), ("两", 2), ("零点八", 0.8), ("abc", None)],
)
def test_numbers(text, number):
    assert to_number(text) == number


@pytest.mark.parametrize(
    ("text", "wan"),
    [("90万", 90), ("90万元", 90), ("1亿元", 10000), ("5000元", 0.5), ("九十万", 90)],
)
def test_amounts_in_wan(text, wan):
    assert parse_amount_wan(text) == pytest.approx(wan)


FORM_BRIEF = (
    "项目名称：市热燃中心2026年燃气行业设施运行安全监督检查 主管部门：326301 天津市供热燃气管理事务中心 "
    "2026年预算62.5万元，全部为财政资金。 用途：委托第三方技术服务机构对本市燃气经营企业开展督导检查，"
    "检查不少于220家次。"
)


def test_form_like_brief_with_labelled_fields():
    b = brief(FORM_BRIEF)
    assert b.name == "市热燃中心2026年燃气行业设施运行安全监督检查"
    assert (b.department.code, b.department.name) == ("326301", "天津市供热燃气管理事务中心")
    assert (b.year, b.budget.total, b.budget.fiscal, b.budget.other) == (2026, 62.5, 62.5, 0)
    assert b.work_items[0] == "本市燃气经营企业督导检查"
    assert not any("主管部门" in item or "财政资金" in item for item in b.work_items)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        (
            "我们中心（天津市供热燃气管理事务中心）2026年要做燃气供热站安全应急检查，预算31万元财政资金",
            "name",
            "2026年燃气供热站安全应急检查项目",
        ),
        (
            "我们中心（天津市供热燃气管理事务中心）2026年要做燃气供热站安全应急检查，预算31万元财政资金",
            "fiscal",
            31,
        ),
        (
            "某区档案馆2026年馆藏档案数字化加工项目，财政预算28万元。完成约20万页纸质档案扫描",
            "total",
            28,
        ),
        (
            "某区档案馆2026年馆藏档案数字化加工项目，财政预算28万元。完成约20万页纸质档案扫描",
            "department",
            "某区档案馆",
        ),
        (
            "项目名称：智慧供热监管平台2026-2027年采暖季运行维护 单位：天津市供热燃气管理事务中心（326301），年度：2026年，预算数98万元。",
            "year",
            2026,
        ),
        ("智慧供热监管平台2026-2027年采暖季运行维护，预算98万元", "year", 2026),
        ("环境应急与事故调查项目（2025年），预算22万元。", "name", "2025年环境应急与事故调查项目"),
        (
            "天津市生态环境综合保障中心（362207）2025年“生态环境信息网络、设备及系统运行维护”项目，申请财政资金300万元。",
            "name",
            "2025年生态环境信息网络、设备及系统运行维护项目",
        ),
        ("城区道路绿化养护，预算120万元（财政资金），养护面积约35万平方米", "total", 120),
        (
            "某区建设和管理委员会2027年道路下立交工程，年度预算15000万元，由区市政工程建设中心实施。主要内容为道路工程、隧道工程",
            "work_items",
            ["道路下立交工程", "道路工程", "隧道工程"],
        ),
    ],
)
def test_realistic_phrasings(text, field, value):
    b = brief(text)
    got = {
        "name": b.name,
        "fiscal": b.budget.fiscal,
        "total": b.budget.total,
        "department": b.department.name,
        "year": b.year,
        "work_items": b.work_items,
    }[field]
    assert got == value


def test_figures_in_the_brief():
    from assistant.drafting.figures import count_figures, row_name, time_limits

    text = "对辖区12条河道、总长约40公里开展保洁，养护面积约35万平方米，预算65万元，故障30分钟内响应，2026年完成"
    figures = [(row_name(f), f.number, f.unit) for f in count_figures(text)]
    assert figures == [
        ("河道数量", 12, "条"),
        ("总长度", 40, "公里"),
        ("养护面积", 350000, "平方米"),
    ]  # 65万元 is money, 2026年 a year: neither is a count
    assert [(f.number, f.unit) for f in time_limits(text)] == [(30, "分钟")]


def test_a_year_before_the_unit_is_not_part_of_its_name():
    """'2026年县疾控中心开展…' gave 主管部门 「年县疾控中心」 and the name 「2026年202665岁…」."""
    brief = parse_brief(
        "2026年县疾控中心开展65岁以上老年人健康体检和慢病随访，体检老年人1.2万人次，预算85万元"
    )
    assert brief.department.name == "县疾控中心"
    assert brief.name == "2026年65岁以上老年人健康体检和慢病随访项目"


def test_units_with_any_organisation_ending_leave_the_project_name():
    brief = parse_brief("区委党校2024年举办村组干部主题培训班4期，培训村组干部230名，预算40万元")
    assert (brief.department.name, brief.name) == ("区委党校", "2024年村组干部主题培训班项目")
    town = parse_brief("2025年度某镇人民政府开展人居环境整治，预算50万元")
    assert (town.department.name, town.name) == ("某镇人民政府", "2025年人居环境整治项目")


def test_names_leave_out_service_periods_and_take_the_title_before_a_colon():
    service = parse_brief(
        "2023年7月至2024年1月为开发区提供物业管理服务，保安服务费191万元，预算814万元"
    )
    assert (service.year, service.name) == (2023, "2023年开发区物业管理服务项目")
    titled = parse_brief("县禁毒委2025年禁毒工作经费：召开全体会议，组织宣传、培训，预算60万元")
    assert (titled.name, titled.department.name) == ("2025年禁毒工作经费", "县禁毒委")


def test_a_brief_opening_with_its_money_line_is_named_by_it():
    """'某县林业局2026年森林防火专项经费86万元。聘用护林员…' was named after its first work clause
    (「2026年聘用护林员120名巡山护林项目」)."""
    brief = parse_brief("某县林业局2026年森林防火专项经费86万元。聘用护林员120名开展巡山护林。")
    assert brief.name == "2026年森林防火专项经费"
    river = parse_brief(
        "区河长制办公室2026年河湖长制工作经费40万元。全区河道28条、湖库5座实行河长制。"
    )
    assert river.name == "2026年河湖长制工作经费"
    assert parse_brief("2026年经费10万元，开展普法宣传").name != "2026年经费"
