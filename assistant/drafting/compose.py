"""Compose rows from ProjectFacts first (101号: each activity a 数量, each cost line a 成本 row,
the period a 时效 row, the people served the 满意度 subject); retrieval only fills what is left.

Every row cites the brief text it came from, or the library/corpus row whose typical value it
took, and every value the brief did not give is listed as a coded Assumption.
"""

from __future__ import annotations

import re

from assistant.drafting.compose_base import brief_source, make_row, num, tail_words, unique
from assistant.drafting.compose_costs import cost_rows_of
from assistant.drafting.compose_counts import (
    counted_row,
    per_person,
    per_year,
    service_list,
    task_rate,
    timed_count,
)
from assistant.drafting.compose_moves import as_type_benefit, as_type_quality
from assistant.drafting.compose_outcome import (
    effect_rows,
    satisfaction_rows,
)
from assistant.drafting.compose_period import time_rows
from assistant.drafting.compose_served import served_name
from assistant.drafting.facts import Activity, Assumption, ProjectFacts
from assistant.drafting.figures import is_measured
from assistant.drafting.library import LibraryEntry, library_source, standard_entries
from assistant.drafting.project_types import type_of
from assistant.drafting.understand import WORDS
from assistant.drafting.understand_outcome import result_level2
from assistant.drafting.understand_period import round_the_clock
from assistant.drafting.understand_sizes import PLAIN_VERBS
from assistant.rules.relevance import mixed_slot
from assistant.schema import (
    BENEFIT,
    QUALITY,
    QUANTITY,
    Indicator,
    SourceRef,
)
from assistant.taxonomy import counts_people, slot_of

MAX_ACTIVITY_ROWS = 6
SINGLE_OBJECTS: dict[str, str] = WORDS["single_objects"]
_OBJECT_UNITS: dict[str, str] = WORDS["object_units"]
_PEOPLE_ENDINGS = tuple(WORDS["people_endings"])
_BUILD_VERBS = tuple(WORDS["one_system_verbs"])
# a frequency, '按月发放' and '分季度拨付' too
_EVERY_RE = re.compile(r"[每按分](?:日|天|周|旬|月|季度|季|半年|学期)")
NO_COUNT_RULE = "项目描述未给数量，按至少完成一次（项）填写"
_EVENT_VERBS = ("召开", "举办", "组织", "开展", "演练", "宣传", "培训", "检查", "巡查", "督导", "考核",
                "走访", "慰问")  # fmt: skip
_DUTIES = tuple(WORDS["standing_duties"])
_WORK_VERBS = frozenset(WORDS["activity_verbs"]) - frozenset(WORDS["general_verbs"])


def compose_rows(
    facts: ProjectFacts, year: int, layout: str, profile: str = "strict"
) -> tuple[list[Indicator], list[Assumption]]:
    """Rows the brief itself calls for, and what had to be assumed to write them."""
    rows: list[Indicator] = []
    assumed: list[Assumption] = []
    for make in (_quantity_rows, _quality_rows, time_rows, cost_rows_of):
        made, notes = make(facts, year, layout)
        rows += made
        assumed += notes
    rows = as_type_benefit(rows, facts)
    # '培训后就业率不低于70%' is the brief's own result: no type's usual one beside it
    given = any(slot_of(r) == "效益" for r in rows)
    made, notes = effect_rows(facts, year, layout, given)
    rows += made
    assumed += notes
    made, notes = satisfaction_rows(facts, profile)
    return as_type_quality(rows, facts) + made, assumed + notes


def activity_name(act: Activity) -> str:
    """'组织 专题讲座 场' -> 专题讲座场次; '新建 高标准农田 万亩' -> 新建高标准农田面积;
    '巡检 网络设备 次' -> 巡检网络设备次数 (a verb that says what is done stays)."""
    obj, unit = act.object, act.unit
    verb = "" if act.verb in PLAIN_VERBS or act.verb in obj else act.verb
    if not re.fullmatch(r"[^“”]*(?:“[^“”]*”[^“”]*)*", obj):  # '美丽天津“建设': quotes cut apart
        obj = re.sub(r"[“”]", "", obj)
    if len(obj) > 10:  # '“世界麻风病日”宣传活动' -> 宣传活动: a name never ends inside a quotation
        bare = re.sub(r"[“”]", "", obj)  # '河湖“清四乱”专项行动' keeps what the campaign is
        obj = bare if len(bare) <= 10 else (re.sub(r"“[^”]*”", "", obj) or obj)
    kind = re.search(r"等([\u4e00-\u9fa5]{2,8})$", obj) if "、" in obj or len(obj) > 10 else None
    if kind and unit in ("类", "种"):  # '储备帐篷、折叠床等应急物资20类': 储备应急物资种类
        return f"{verb}{kind[1]}种类"
    if kind:  # '书法、声乐、太极拳、摄影等课程32门' counts 书法等课程, or 课程 when that is long
        first = f"{obj.split('、')[0].split('等')[0]}等{kind[1]}"
        obj = first if len(first) <= 10 else kind[1]
    elif "、" in obj:
        # '公益讲座、阅读推广活动40场' counts them all: the name keeps both, or says 等
        obj = obj if len(obj) <= 12 else obj.split("、")[0] + "等"
    obj = obj if len(obj) <= 10 or "、" in obj else tail_words(obj)
    head = f"{verb}{obj}" if len(verb + obj) <= 12 else obj
    if is_measured(head):  # '开设课程数量220门', '情景教学或外训批次6批次', '采血量8吨'
        return head
    if unit == "%":  # '完成项目主体工程70%' -> 项目主体工程完成比例
        return f"{obj}{act.verb}比例"
    if unit.endswith(("亩", "平方米", "平方公里")):
        return f"{head}面积"
    if unit in ("公里", "千米", "米"):
        return re.sub(r"长$", "", head) + "长度"  # '治理河长' -> 治理河长度
    if unit.endswith("次"):  # '接待读者20万人次' -> 接待读者人次
        return head + ("次数" if unit in ("次", "万次") else unit.removeprefix("万"))
    if unit in ("场", "期", "班", "批", "届"):
        return head + ("场次" if unit == "场" else unit + "数")
    if counts_people(unit):  # '免费体检2.1万人' -> 免费体检人数
        return f"{head}人数"
    if unit.endswith("户"):  # '改造农村危房150户' -> 改造农村危房户数
        return f"{head}户数"
    if unit in ("天", "日"):  # '开放不少于300天', '开放时间不少于330天' -> 开放天数
        return f"{head.removesuffix('时间')}天数"
    if unit in ("学时", "课时"):  # '每人培训不少于50学时' -> 培训学时
        return head if head.endswith(unit) else f"{head}{unit}"
    if unit == "小时":  # '总航时不少于30小时' -> 总航时; '驻场服务200小时' -> 驻场服务时长
        return head if head.endswith("时") else f"{head}时长"
    if unit in ("种", "轮"):  # '采购口蹄疫、禽流感等疫苗' -> 采购疫苗种类; '暗访4轮' -> 暗访轮次
        return head + {"种": "种类", "轮": "轮次"}[unit]
    if not unit and obj.endswith("班"):
        return f"{obj}期数"
    if not unit and _is_event(act):
        return f"{head}次数"
    return f"{head}数量"


def _covered(act: Activity, places: list[str], rates: list[str]) -> bool:
    """An uncounted work that a frequency row times ('汛期群测群防员每日巡查', '…食堂每学期检查不少于2次')
    or a counted place names ('检查全区中小学' beside 检查中小学数量 ≥46所) has its rows already."""
    if act.count is not None:  # '图书馆每周开放不少于56小时': hours a week, the 时效 row's
        daily = act.unit == "次" and re.search(r"每[日天]", act.text)  # '每日巡查网格不少于1次'
        return (act.unit == "小时" or bool(daily)) and bool(_EVERY_RE.search(act.text))
    if any(r.startswith(act.object) or _rated(act, r) for r in rates):
        return True  # '心理辅导覆盖率100%' sizes 心理辅导, '隐患整改率' 督促整改火灾隐患
    timed = _EVERY_RE.search(act.text) or round_the_clock(act.text)[1]  # '热线7×24小时运行'
    return bool(timed) or any(p in act.object for p in places)


def _sized_elsewhere(facts: ProjectFacts, act: Activity) -> bool:
    """Beside a counted work, an uncounted standing duty ('负责机关食堂运营' beside 日均供餐800人次)
    or a grant paid by a standard per head ('免费发放抗精神病药物，每人每月补助150元') is sized by
    those rows: no assumed '≥1项' of it."""
    if act.count is not None:
        return False
    per_head = any(c.unit_cost and "/人" in c.unit_cost for c in facts.costs)
    # '开展研学实践活动' beside '参与学生1.8万人次': the activity is sized by who took part
    joined = act.object.endswith("活动") and any(
        a.count and a.unit.endswith("人次") and a.verb in ("参与", "参加") for a in facts.activities
    )
    # '购买意外伤害保险，每人每年保费15元'
    bought = act.verb.endswith(("发放", "购买")) and per_head
    # '提供家庭医生签约服务' beside '重点人群签约率75%': the rate's own work verb is in the object
    verbs = {q.name[-3:-1] for q in facts.quality if q.name.endswith("率") and len(q.name) >= 5}
    rated = any(v in _WORK_VERBS and v in act.object for v in verbs)
    return act.object.endswith(_DUTIES) or bought or joined or rated


def _rated(act: Activity, rate: str) -> bool:
    """'隐患整改率达到95%' measures '督促整改火灾隐患': every two-character word of the rate's
    subject is in the work."""
    stem = rate.removesuffix("率").removesuffix("完成")  # '整改完成率' measures 督促整改
    parts = [stem[i : i + 2] for i in range(0, len(stem) - 1, 2)]
    work = act.verb + act.object
    whole = len(stem) >= 4 and len(stem) % 2 == 0 and all(p in work for p in parts)
    generic = stem in ("活动", "工作", "任务", "项目", "计划")  # '活动完成率' names no one work
    return whole or (len(stem) >= 2 and not generic and act.object.endswith(stem))


def _is_event(act: Activity) -> bool:
    """'召开…会议', and work named by its own verb ('无人机巡查'): done so many times."""
    return act.verb in _EVENT_VERBS or (act.verb == act.object and act.verb.endswith(_EVENT_VERBS))


def _quantity_rows(
    facts: ProjectFacts, year: int, layout: str
) -> tuple[list[Indicator], list[Assumption]]:
    """A row per counted beneficiary and per activity; an uncounted one is assumed (coded)."""
    rows, assumed, served = [], [], []
    for who in facts.beneficiaries:
        if who.count is not None:
            kind = "人数" if counts_people(who.unit.removesuffix("次")) else "数量"
            name, acts = served_name(facts, who, kind)
            served += acts
            value, text = f"≥{num(who.count)}{who.unit}", f"按项目描述：{who.text}"
            rows.append(make_row(QUANTITY, name, value, text, brief_source(who.text)))
    places = [b.who for b in facts.beneficiaries if b.count is not None]
    rates = [q.name for q in facts.quality]
    acts = [
        a for a in _distinct(facts.activities) if a not in served and not _covered(a, places, rates)
    ]
    listed, acts = service_list(facts, acts, _EVENT_VERBS)
    if any(a.count is not None for a in facts.activities):
        acts = [a for a in acts if not _sized_elsewhere(facts, a)]
    rows += listed
    assumed += [_listed_note(r) for r in listed]
    for act in acts[:MAX_ACTIVITY_ROWS]:
        if act.object == act.verb in PLAIN_VERBS and act.count and facts.main_type:
            act = act.model_copy(update={"object": facts.main_type})  # '举办4期' -> 培训期数
        act = _one_named(act)
        name = per_person(act, activity_name(act))
        each = name.startswith("每人")  # each one's count: no year's total
        stated = None if each else per_year(act) or task_rate(act)
        if stated is not None:
            rows.append(stated)
            continue
        if act.count is not None:
            rows.append(counted_row(facts, act, name))
            continue
        timed = timed_count(facts, act, name) if name.endswith("次数") else None
        if timed is not None:
            rows.append(timed)
            continue
        row, note = _assumed_count(facts, act, name)
        rows.append(row)
        assumed.append(note)
    return unique(rows), assumed


def _listed_note(row: Indicator) -> Assumption:
    text = f"项目描述列出{row.description}，未写数量，暂按{row.value.raw}填写，请按实际修改。"
    return Assumption(code="A-QUANTITY-TYPE", row=row.name, message=text)


def _one_named(act: Activity) -> Activity:
    """'建设档案管理系统' builds one system, '对…系统进行运行维护' keeps one: the brief's count."""
    unit = next((u for end, u in SINGLE_OBJECTS.items() if act.object.endswith(end)), "")
    if act.count is not None or not unit or act.verb not in _BUILD_VERBS:
        return act
    return act.model_copy(update={"count": 1.0, "unit": unit})


def _assumed_count(facts: ProjectFacts, act: Activity, name: str) -> tuple[Indicator, Assumption]:
    """An activity the brief did not count: a typical value of the library, else at least one."""
    entry = _typical_entry(facts, act)
    if entry:
        value, source, why = entry.value, library_source(entry), "同类项目典型值"
    else:
        thing = next((u for end, u in _OBJECT_UNITS.items() if act.object.endswith(end)), "项")
        once = "≥1期" if name.endswith("期数") else "≥1次" if _is_event(act) else f"≥1{thing}"
        value, source, why = once, SourceRef(rule=NO_COUNT_RULE), "至少一次/一项"
    row = make_row(QUANTITY, name, value, f"按项目描述「{act.phrase}」设置", source)
    text = f"项目描述未写「{act.phrase}」的数量，暂按{value}填写（{why}），请按实际工作量修改。"
    return row, Assumption(code="A-COUNT-TYPICAL", row=name, message=text)


def _distinct(acts: list[Activity]) -> list[Activity]:
    """An uncounted activity that a counted one names again is the same work
    ('开展安全监督检查' + '检查不少于220家次'): only the counted one stays."""
    counted = [a for a in acts if a.count is not None]
    return [
        a
        for a in acts
        if a.count is not None
        or not any(c.object in a.object or c.verb in a.object or _hired(a, c) for c in counted)
    ]


def _hired(act: Activity, counted: Activity) -> bool:
    """'引进博士研究生、高级职称人才' beside '引进高层次人才40名': the counted people are they."""
    people = counts_people(counted.unit) and act.object.endswith(_PEOPLE_ENDINGS)
    return people and act.verb == counted.verb and act.verb not in PLAIN_VERBS


def _typical_entry(facts: ProjectFacts, act: Activity) -> LibraryEntry | None:
    """A quantitative library entry of the project's types that names the activity's object."""
    for entry in standard_entries(facts.types, "数量"):
        if entry.median is not None and entry.unit != "%" and act.object in entry.name:
            return entry
    return None


# ---------------------------------------------------------------- 质量, 时效


def _quality_rows(
    facts: ProjectFacts, year: int, layout: str
) -> tuple[list[Indicator], list[Assumption]]:
    effect = _type_effect_name(facts)
    rows = []
    for q in (q for q in facts.quality if "满意" not in q.name):
        text, source = f"按项目描述：{q.text}", brief_source(q.text)
        row = make_row(QUALITY, q.name, q.value, text, source)
        # the type's effect as stated, or a result named as one ('培训后就业率', 101号: 效益)
        if q.name == effect or mixed_slot(row) == BENEFIT:
            row = make_row(result_level2(q.name), q.name, q.value, text, source)
        rows.append(row)
    return rows, []


def _type_effect_name(facts: ProjectFacts) -> str:
    """'森林火灾受害率' is what a fire-patrol project achieves: a brief that states it with a
    figure states the project's effect (效益), not a quality standard of its work."""
    kind = type_of(facts.main_type)
    return kind.benefit[0] if kind and kind.benefit else ""
