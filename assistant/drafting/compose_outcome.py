"""效益 rows from the brief's effects and the 满意度 row whose subject is the people served."""

from __future__ import annotations

import re

import jieba

from assistant.drafting.compose_base import brief_source, make_row, num, unique
from assistant.drafting.effect_wording import MAX_EFFECT_ROWS, UPTIME_RATE_RE, stated_effects
from assistant.drafting.facts import Assumption, Outcome, ProjectFacts
from assistant.drafting.project_types import type_of
from assistant.drafting.understand_outcome import result_level2, said_satisfaction
from assistant.schema import (
    SATISFACTION_L2,
    SOCIAL_BENEFIT,
    SUSTAINABLE,
    Indicator,
    SourceRef,
)
from assistant.taxonomy import counts_people, load_data

SATISFACTION_DEFAULT = "≥90%"  # real tables: ≥85%, mostly ≥90% (review rule R-SATISFACTION-LOW)
# Review profiles that want a 满意度 row in every table; 'national' follows 101号 (only where
# the public is served). The active profile is passed in by the Drafter.
PROFILES_REQUIRING_SATISFACTION = frozenset({"strict"})
# Every result figure is the brief's own (recall), but one table rarely has more than four.
MAX_OUTCOME_ROWS = 4
WORDS = load_data("outcome_words")
_BRIEF = load_data("brief_words")
_PEOPLE_NOUNS = sorted(_BRIEF["people_nouns"], key=len, reverse=True)
_VERBS = frozenset([*_BRIEF["activity_verbs"], *_BRIEF["effect_verbs"]])


def satisfaction_wanted(facts: ProjectFacts, profile: str) -> bool:
    """101号: 满意度 where the public is served; stricter profiles want it everywhere."""
    return facts.public_served or profile in PROFILES_REQUIRING_SATISFACTION


def effect_rows(
    facts: ProjectFacts, year: int, layout: str, given: bool = False
) -> tuple[list[Indicator], list[Assumption]]:
    """The brief's result figures (with its values), then its effects (a measure where real
    tables have one, else graded), else the type's usual benefit; capital types add their
    long-term row (101号: 工程/修缮/购置 state the effect in the following years)."""
    rows = [outcome_row(o) for o in facts.outcomes[:MAX_OUTCOME_ROWS]]
    stated, notes = stated_effects(facts, max(0, MAX_EFFECT_ROWS - len(rows)))
    rows += stated
    if not rows and not given:  # (`given`: a result the brief gave as a standard)
        rows, notes = (
            _object_benefit(facts) or _service_benefit(facts) or _type_row(facts, "benefit")
        )
        said = {q.name for q in facts.quality}  # '森林火灾受害率控制在0.9‰以内' is the brief's row
        if any(UPTIME_RATE_RE.search(name) for name in said):  # '系统可用率99%': uptime is said
            said |= {r.name for r in rows if UPTIME_RATE_RE.search(r.name)}
        rows, notes = (
            [r for r in rows if r.name not in said],
            [n for n in notes if n.row not in said],
        )
    if any(r.level2 == SUSTAINABLE for r in rows):  # the brief's own 使用年限 wins
        return unique(rows), notes
    longterm, more = _type_row(facts, "longterm")
    return unique(rows + longterm), notes + more


def outcome_row(outcome: Outcome) -> Indicator:
    """'带来观光游客不少于6万人次' -> 接待观光游客人次 ≥6万人次 (社会效益); '村集体增收6万元' ->
    增加村集体收入 ≥6万元 (经济效益)."""
    if outcome.capped:  # '城区积水点排水时间缩短至2小时以内' -> 城区积水点排水时间 ≤2小时
        text, source = f"按项目描述：{outcome.text}", brief_source(outcome.text)
        value = f"≤{num(outcome.count)}{outcome.unit}"
        return make_row(outcome.level2, outcome.object, value, text, source)
    if outcome.unit in ("%", "个百分点"):  # 'PM2.5年均浓度下降3%' -> PM2.5年均浓度下降幅度 ≥3%
        name, value = f"{outcome.object}{outcome.verb}幅度", f"≥{num(outcome.count)}{outcome.unit}"
        text, source = f"按项目描述：{outcome.text}", brief_source(outcome.text)
        return make_row(outcome.level2, name, value, text, source)
    word = WORDS["outcome_name_verbs"].get(outcome.verb, outcome.verb)
    obj = outcome.object
    head = obj if not word or word in obj or obj.startswith(outcome.verb) else word + obj
    unit = outcome.unit.removeprefix("万") if outcome.unit != "万元" else "万元"
    measure = WORDS["outcome_measures"].get(unit, "")
    if unit.endswith("元") and obj.endswith(tuple(WORDS["money_objects"])):
        measure = WORDS["money_measure"]
    elif unit.endswith("元") and outcome.verb in WORDS["income_verbs"]:
        measure = WORDS["income_measure"]
    if measure in WORDS["people_measures"] and obj.endswith(tuple(WORDS["people_endings"])):
        measure = "数"
    if head.endswith(tuple(WORDS["measure_endings"])) and measure != "数":
        measure = ""
    value = f"≥{num(outcome.count)}{outcome.unit}"
    text = f"按项目描述：{outcome.text}"
    return make_row(outcome.level2, head + measure, value, text, brief_source(outcome.text))


def _object_benefit(facts: ProjectFacts) -> tuple[list[Indicator], list[Assumption]] | None:
    """A road's usual benefit (道路通行能力提升情况) when the work names a road."""
    work = " ".join(a.text or a.phrase for a in facts.activities)
    for entry in WORDS["benefit_by_object"]:
        if facts.main_type not in entry["types"]:
            continue
        obj = next((name for w, name in entry["objects"].items() if w in work), "")
        if obj or any(w in work for w in entry["words"]):
            return _usual_benefit(
                entry["row"][0].format(obj=obj or entry["object"]), entry["row"][1]
            )
    return None


def _usual_benefit(name: str, value: str) -> tuple[list[Indicator], list[Assumption]]:
    source = SourceRef(rule="同类项目常用效益指标")
    row = make_row(SOCIAL_BENEFIT, name, value, f"{name}（同类项目常用效益指标）", source)
    text = f"项目描述未写效益，按同类项目常用效益「{name}{value}」填写，请按实际修改。"
    return [row], [Assumption(code="A-BENEFIT-TYPE", row=name, message=text)]


def _service_benefit(facts: ProjectFacts) -> tuple[list[Indicator], list[Assumption]] | None:
    """The usual benefit of the public service the brief names (雪亮工程 -> 社会治安防控能力)."""
    service = next((s for s in WORDS["public_services"] if s["row"] == facts.satisfaction_row), {})
    if not service.get("benefit"):
        return None
    name, value = service["benefit"]
    return _usual_benefit(name, value)


def _type_row(facts: ProjectFacts, field: str) -> tuple[list[Indicator], list[Assumption]]:
    """The `benefit` or `longterm` row of the first of the project's types that has one (a 培训
    first: a 中小学教师培训's benefit is the trainees', not the schools'; a 购买服务 of a public service
    last: its benefit is the public's, not the contract's)."""
    types = facts.types
    if field == "benefit":
        # … unless a public service is the project and training one of its works (a 文化馆's
        # 公益培训班 for 群众: no one's 履职能力)
        main = type_of(facts.main_type)
        ahead = not (main and main.public and main.key not in WORDS["benefit_types_first"])
        first = [t for t in types if t in WORDS["benefit_types_first"] and ahead]
        last = [t for t in types if t in WORDS["benefit_types_last"] and facts.public_served]
        types = list(dict.fromkeys([*first, *[t for t in types if t not in last], *last]))
    elif facts.main_type in WORDS["service_main_types"]:
        return [], []  # the system a 运维 or a rented 机房 serves is no capital work of its own
    elif not any(a.verb in WORDS["capital_verbs"] for a in facts.activities):
        types = types[:1]  # '对136处供水工程开展水质检测' builds nothing: no 工程设计使用年限
    kind = next((k for k in map(type_of, types) if k and getattr(k, field)), None)
    if kind is None:
        return [], []
    row = _kind_row(kind, field)
    name, value = getattr(kind, field)
    code = "A-LONGTERM-TYPE" if field == "longterm" else "A-BENEFIT-TYPE"
    text = f"按{kind.key}类项目常用效益「{name}{value}」填写，请按实际修改。"
    return [row], [Assumption(code=code, row=name, message=text)]


def capital_longterm(types: list[str], text: str) -> Indicator | None:
    """The 可持续影响 row of the first of `types` that has one, else 设备购置's where `text` buys
    equipment: a project that buys or builds anything states its effect in the following years
    (101号 二(三)); a forest's is no machine's life."""
    buying = type_of("设备购置")
    bought = [buying] if buying and any(w in text for w in buying.triggers) else []
    kind = next((k for k in [*map(type_of, types), *bought] if k and k.longterm), None)
    return _kind_row(kind, "longterm") if kind else None


def _kind_row(kind, field: str) -> Indicator:
    """A type's own `benefit` or `longterm` row (project_types.yaml), cited to the type."""
    name, value = getattr(kind, field)
    level2 = SUSTAINABLE if field == "longterm" else result_level2(name)  # 森林覆盖率: 生态效益
    source = SourceRef(rule=f"项目类型（{kind.key}）的常用效益指标")
    return make_row(level2, name, value, f"{name}（{kind.key}类项目常用效益指标）", source)


def satisfaction_rows(
    facts: ProjectFacts, profile: str
) -> tuple[list[Indicator], list[Assumption]]:
    stated = [q for q in facts.quality if "满意" in q.name]
    if stated:
        q = stated[0]  # the survey is named: 101号 asks a project that declares 满意度 to run one
        text = f"按项目描述：{q.text}；开展满意度调查，满意及基本满意的比例"
        return [make_row(SATISFACTION_L2, q.name, q.value, text, brief_source(q.text))], []
    if not satisfaction_wanted(facts, profile):
        return [], [
            Assumption(
                code="A-NO-SATISFACTION", message="项目不直接服务公众，按101号未设满意度指标。"
            )
        ]
    name, code = _satisfaction_name(facts)
    subject, survey = re.match(r"(.*?)((?:安全感|获得感|幸福感)?满意度)$", name).groups()
    row = make_row(
        SATISFACTION_L2,
        name,
        SATISFACTION_DEFAULT,
        f"对{subject}开展{survey}调查，满意及基本满意的比例",
        SourceRef(rule="满意度调查对象按项目服务对象确定"),
    )
    return [row], [
        Assumption(
            code=code,
            row=name,
            message=f"项目描述未写满意度目标，按{SATISFACTION_DEFAULT}填写，需开展{subject}{survey}调查。",
        )
    ]


def _satisfaction_name(facts: ProjectFacts) -> tuple[str, str]:
    """The people the brief names (村组干部满意度), else the public service it names (雪亮工程 ->
    群众安全感满意度; a 培训 asks its trainees), else the type's subject; internal when no public."""
    kind = type_of(facts.main_type)
    if not facts.public_served:
        return f"{kind.internal if kind else '使用人员'}满意度", "A-SATISFACTION-INTERNAL"
    # '群众食品安全满意度提升' names the survey; else the people the brief names are asked
    named = said_satisfaction(facts.effects) or next(
        filter(None, map(_subject, facts.beneficiaries)), ""
    )
    named = named or ("" if facts.satisfaction_row else _reached(facts))  # 小区居民 beats 受益居民
    named = named or _counted_people(facts)  # '走访慰问重点优抚对象1500人' asks 重点优抚对象
    named = named or next((m["who"] for e in facts.effects if (m := _HELPED.search(e))), "")
    if named.endswith(tuple(WORDS["intermediaries"])):
        named = _served_by(facts) or named
    if named:
        return f"{named}满意度", "A-SATISFACTION-TARGET"
    generic = kind is None or not kind.public or kind.subject in WORDS["overridable_subjects"]
    if facts.satisfaction_row and generic:  # a 中小学教师培训 asks its trainees, not the parents
        own = next((type_of(t) for t in facts.types if t in WORDS["types_first"]), None)
        return f"{own.subject}满意度" if own else facts.satisfaction_row, "A-SATISFACTION-TARGET"
    return f"{kind.subject if kind else '服务对象'}满意度", "A-SATISFACTION-TYPE"


def _reached(facts: ProjectFacts) -> str:
    """'受益农户1200户' -> 受益农户, '受益人口8万人' -> 受益群众, '接待读者20万人次' -> 读者: whom a
    result says it reaches."""
    for outcome in facts.outcomes:
        if outcome.verb in WORDS["visitor_verbs"] and len(outcome.object) >= 2:
            return outcome.object  # '接待读者20万人次': the readers are asked
        people = _PEOPLE_AFTER.match(outcome.object)
        if outcome.verb in WORDS["people_result_verbs"] and people:  # 保障8.6万农村人口饮水安全
            who = people[0]
            return f"受益{who.removesuffix('人口')}群众" if who.endswith("人口") else f"受益{who}"
        if outcome.verb in WORDS["beneficiary_verbs"] and len(outcome.object) >= 2:
            who = "群众" if outcome.object.endswith("人口") else outcome.object
            return who if who.startswith("受益") else f"受益{who}"
    return ""


# '方便沿线群众出行', '解决农村教师住房困难问题': the people an effect names are who is served
_HELPED = re.compile(
    rf"(?:方便|便利|便于|惠及|解决)(?P<who>[\u4e00-\u9fa5]{{0,4}}?(?:{'|'.join(WORDS['helped_people'])}))"
)
_PEOPLE_AFTER = re.compile(rf"[\u4e00-\u9fa5]{{0,4}}?(?:{'|'.join(WORDS['people_after_figure'])})")


def _counted_people(facts: ProjectFacts) -> str:
    """The people a count names at its end ('走访慰问重点优抚对象1500人' -> 重点优抚对象, '保障低保对象
    3800人' -> 低保对象): the words back to its verb, when they end in a people word."""
    ends = tuple([*_PEOPLE_NOUNS, *WORDS["people_endings"]])
    counted = [a.object for a in facts.activities if a.count and counts_people(a.unit)]
    counted += [m["who"] for m in map(_COUNTED_AFTER.search, facts.effects) if m]
    counted += [o.object for o in facts.outcomes if counts_people(o.unit)]  # 安置就业困难人员80人
    for phrase in counted:
        words = list(jieba.cut(phrase)) if phrase.endswith(ends) else []
        while len(words) > 1 and (
            words[0] in _VERBS or len("".join(words)) > 8 or words[0] in _GENERIC_PEOPLE
        ):  # '特困人员集中供养对象' -> 集中供养对象: no bare 人员 ahead
            words = words[1:]
        who = "".join(words)
        if len(who) >= 2 and who not in _GENERIC_PEOPLE:  # '资助…幼儿600人': their parents
            return f"{who}家长" if who.endswith(tuple(WORDS["guardian_of"])) else who
    return ""


_GENERIC_PEOPLE = ("单位", "人员", "对象")  # who they are is not said: no one to ask
_COUNTED_AFTER = re.compile(r"(?P<who>[\u4e00-\u9fa5]{2,})[\d.]+万?(?:名|人|户|位)")


def _served_by(facts: ProjectFacts) -> str:
    """'合作社为1102名入股贫困人口返本分红' -> 入股贫困人口: whom the intermediary serves."""
    nouns = "|".join([*_PEOPLE_NOUNS, *WORDS["people_endings"]])
    for text in [a.text for a in facts.activities] + [b.text for b in facts.beneficiaries]:
        match = re.search(
            rf"为(?:[\d.]+[名人户位个])?(?P<who>[\u4e00-\u9fa5]{{0,6}}?(?:{nouns}))", text
        )
        if match:
            return match["who"]
    return ""


_PLACES = ("乡镇", "行政村", "村", "社区", "县市", "街道", "镇街", "乡镇街", "学校", "中小学")


def _subject(who) -> str:
    """'3200名65岁以上老年人' -> 老年人; places (18个乡镇) are not asked about satisfaction."""
    name = re.sub(
        r"[\d.]+(?:[-—～~至][\d.]+)?(?:名|人|位|户|个)?|\d*周?岁(?:及)?(?:以上|以下)?|^(?:及)?以?上",
        "",
        who.who,
    )
    name = re.split(r"为|向", name)[-1]  # '合作社为入股贫困户' -> 入股贫困户
    name = name.split("的")[-1]  # '符合条件的科技型中小企业', '承担耕地保护任务的农户'
    name = name.split("等")[-1] if len(name.split("等")[-1]) >= 2 else name  # '…低保对象等困难群众'
    generic = name in _GENERIC_PEOPLE
    places = name.split("、")[0].endswith(_PLACES)  # '中小学、幼儿园': places as well
    if generic or places or name.endswith(_PLACES) or len(name) < 2:
        return ""
    return f"{name}家长" if name.endswith(tuple(WORDS["guardian_of"])) else name
