"""Results a brief states with a figure, and who it serves.

'为水濂村带来观光游客不少于6万人次，村集体收入达6万元' states two results (效益 rows with the brief's
values: 接待观光游客人次 ≥6万人次, 村集体收入 ≥6万元), not two things the project does (数量 rows).
The word lists are data (`outcome_words.yaml`, `brief_words.yaml: outcome_verbs`).
"""

from __future__ import annotations

import re
from functools import cache

from assistant.drafting.amounts import to_number
from assistant.drafting.facts import Activity, Beneficiary, Outcome
from assistant.schema import SOCIAL_BENEFIT, SUSTAINABLE
from assistant.taxonomy import load_data

WORDS = load_data("outcome_words")
_NUM = r"\d+(?:\.\d+)?万?|[一二两三四五六七八九十百千]+万?"
_QUAL = r"(?:不少于|不低于|至少|达到|达|超过|约|共计|共|累计|近|逾|为)?"
_CLAUSE_RE = re.compile(r"[，。；,;、\n：:！？!?]+")
_AFTER_RE = re.compile(r"^(?:以上|左右|多)")


@cache
def _patterns() -> tuple[re.Pattern, ...]:
    verbs = "|".join(sorted(load_data("brief_words")["outcome_verbs"], key=len, reverse=True))
    units = "|".join(sorted(WORDS["outcome_units"], key=len, reverse=True))
    tail = rf"{_QUAL}\s*(?P<num>{_NUM})\s*(?P<unit>{units})(?P<after>[\u4e00-\u9fa5]{{0,10}})"
    by_verb = re.compile(
        rf"(?P<pre>[\u4e00-\u9fa5]{{0,10}}?)(?P<verb>{verbs})(?P<obj>[\u4e00-\u9fa5（）()]{{0,14}}?){tail}"
    )
    income = "|".join(load_data("brief_words")["income_words"])  # '村集体收入达6万元'
    by_income = re.compile(
        rf"(?P<pre>)(?P<verb>)(?P<obj>[\u4e00-\u9fa5]{{0,12}}?(?:{income})){_QUAL}\s*"
        rf"(?P<num>{_NUM})\s*(?P<unit>亿元|万元|元)(?P<after>)"
    )
    # 'PM2.5年均浓度下降3%', '农户收入增长5%': a change by a share is a result too
    by_change = re.compile(
        r"(?P<pre>)(?P<obj>[\u4e00-\u9fa5A-Za-z0-9.]{2,14}?)(?P<verb>下降|降低|减少|缩短|提高|提升|增长|增加)"
        r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|％|个百分点)(?P<after>)"
    )
    # '增加降水量5%': the same, the verb first
    change_first = re.compile(
        r"(?P<pre>)(?P<verb>增加|提高|提升|降低|减少|增长)(?P<obj>[\u4e00-\u9fa5A-Za-z0-9.]{2,12}?)"
        r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|％|个百分点)(?P<after>)"
    )
    # '保障8.6万农村人口饮水安全': the people counted are named after their figure
    people = "|".join(WORDS["people_after_figure"])
    people_first = re.compile(
        rf"(?P<pre>)(?P<verb>{'|'.join(WORDS['people_result_verbs'])})(?P<num>{_NUM})(?P<unit>)"
        rf"(?P<obj>[\u4e00-\u9fa5]{{0,4}}?(?:{people}))(?P<after>[\u4e00-\u9fa5]{{0,10}})"
    )
    return by_change, by_verb, by_income, change_first, people_first


def read_outcomes(text: str, types: list[str] | None = None) -> list[Outcome]:
    """Every result figure of the brief, in order, each once. In a subsidy (补助发放) the people
    it reaches (惠及困难残疾人4200人) are its recipients, an output: no result."""
    recipients = bool(types) and types[0] in WORDS["recipient_types"]
    found: list[Outcome] = []
    for clause in _CLAUSE_RE.split(re.sub(r"\s+", "", text)):
        outcome = _outcome(clause)
        if outcome is None or recipients and outcome.verb in WORDS["beneficiary_verbs"]:
            continue
        if all(o.text != outcome.text for o in found):
            found.append(outcome)
    return found


def without_outcomes(
    outcomes: list[Outcome], activities: list[Activity], beneficiaries: list[Beneficiary]
) -> tuple[list[Activity], list[Beneficiary]]:
    """The activities and counts that are not results: a result figure is a 效益 row, never also
    a 数量 row; the people it names stay (uncounted) as who is served."""

    def said(text: str, count: float | None, unit: str) -> bool:
        figure = f"{count:g}{unit.removeprefix('万')}" if count is not None else ""
        return bool(figure) and any(
            (text in o.text or o.text in text)
            and figure in f"{o.count:g}{o.unit}".replace("万", "")
            for o in outcomes
        )

    results = {o.text for o in outcomes}  # '挽回粮食损失不少于500万公斤' is a result, whole
    acts = [a for a in activities if not said(a.text, a.count, a.unit) and a.text not in results]
    people = [
        b.model_copy(update={"count": None, "unit": ""}) if said(b.text, b.count, b.unit) else b
        for b in beneficiaries
    ]
    return acts, people


def _outcome(clause: str) -> Outcome | None:
    life = _LIFESPAN_RE.search(clause)
    if life:  # '系统设计使用年限不少于8年': the 可持续影响 row the brief states itself
        count = to_number(life["num"])
        return Outcome(
            object=life["n"], count=count, unit="年", level2=SUSTAINABLE, text=life.group(0)
        ) if count else None  # fmt: skip
    cut = CUT_TO_RE.search(clause)
    if cut:  # '城区积水点排水时间缩短至2小时以内': a time or count brought down is a result, capped
        number = to_number(cut["num"])
        return Outcome(
            verb=cut["verb"], object=cut["n"], count=number, unit=cut["unit"], capped=True,
            level2=SOCIAL_BENEFIT, text=cut.group(0),  # a wait shortened serves people
        ) if number is not None else None  # fmt: skip
    jobs = _JOBS_RE.search(clause)
    if jobs:  # '实现就业200人': jobs the training brings, a result
        return Outcome(verb=jobs["v"], object="就业", count=to_number(jobs["num"]), unit=jobs["unit"],
                       level2=SOCIAL_BENEFIT, text=jobs.group(0))  # fmt: skip
    lent = _LENT_RE.search(clause)
    if lent:  # '发放创业担保贷款3000万元': money lent by banks, what the subsidy brings about
        return Outcome(
            verb="发放", object=lent["n"], count=to_number(lent["num"]), unit=lent["unit"],
            level2=result_level2("收益", "万元"), text=lent.group(0),
        )  # fmt: skip
    kept = _KEPT_RE.search(clause)
    if kept:  # '全县生猪出栏量稳定在60万头以上': a level the project keeps up is its result
        name = re.sub(r"^(?:确保|保证|力争|全[县市区镇乡]|辖区)+", "", kept["n"])
        number = to_number(kept["num"].removesuffix("万"))
        unit = ("万" if kept["num"].endswith("万") else "") + kept["unit"]
        return Outcome(
            object=name, count=number, unit=unit, level2=result_level2(name, unit),
            text=kept.group(0),
        ) if number and len(name) >= 2 else None  # fmt: skip
    for pattern in _patterns():
        match = pattern.search(clause)
        if match and _is_result(match):
            return _read(match)
    return None


_JOBS_RE = re.compile(r"(?P<v>实现|促进)就业(?P<num>\d+)(?P<unit>人|名)")
_LENT_RE = re.compile(
    r"发放(?P<n>[\u4e00-\u9fa5]{2,10}?贷款)(?P<num>\d+(?:\.\d+)?)(?P<unit>亿元|万元)"
)
_KEPT_RE = re.compile(
    r"(?P<n>[\u4e00-\u9fa5]{2,12}?)(?:稳定在|保持在|维持在)(?P<num>\d+(?:\.\d+)?万?)"
    r"(?P<unit>头|只|羽|吨|公斤|斤|亩|人|户|家|个)(?:以上|左右)"
)
# '排水时间缩短至2小时以内', '办理时限压缩至3个工作日': the figure is a ceiling reached, not work
CUT_TO_RE = re.compile(
    r"(?P<n>[\u4e00-\u9fa5]{2,12}?(?:时间|时长|时限|天数|次数|周期))"
    r"(?P<verb>缩短|压缩|降低|下降|减少)(?:至|到)(?P<num>\d+(?:\.\d+)?)"
    r"(?P<unit>个工作日|工作日|小时|分钟|天|日|次|个月)(?:以内|之内|内|以下)?"
)
_LIFESPAN_RE = re.compile(
    r"(?P<n>[\u4e00-\u9fa5]{0,6}(?:使用年限|使用寿命|设计年限|服务年限))"
    r"(?:不少于|不低于|达到|为|≥)?(?P<num>\d+)年"
)


def _is_result(match: re.Match) -> bool:
    """A generic verb ('新增', '增加') needs a result word; money needs a word of income or saving."""
    phrase = (
        match["verb"] + match["obj"] + match["after"] + (match["pre"] if not match["obj"] else "")
    )
    if match["unit"].endswith("元") and not any(w in phrase for w in WORDS["money_result_words"]):
        return False
    if match["verb"] == "涉及" and re.search(r"(?:改造|维修|安装|建设|修缮|更换)$", match["obj"]):
        return False  # '涉及居民户内设施改造4000户': the work counted, an output
    if match["unit"] in ("%", "％", "个百分点"):
        return True  # a change by a share ('增加降水量5%') is a result whatever its verb
    if match["verb"] in WORDS["generic_outcome_verbs"]:
        return any(w in phrase for w in WORDS["result_words"])
    return True


def _read(match: re.Match) -> Outcome | None:
    number = to_number(match["num"].removesuffix("万"))
    if number is None:
        return None
    unit = match["unit"].replace("％", "%") or _people_unit(match["obj"])
    if match["num"].endswith("万") and not unit.startswith("万"):
        unit = "万" + unit  # '6万人次': the brief's own way of writing the figure
    obj = re.sub(r"^(?:了|的)", "", match["obj"])
    after = _AFTER_RE.sub("", match["after"])
    if len(after) >= 2:  # '带动300人就业', '带动周边300人就业': the object goes on after the figure
        obj += after
    elif not obj:  # '村集体增收6万元': the object is before the verb
        obj = re.sub(r"^(?:为|使|让|给|助|力争)", "", match["pre"])
    if len(obj) < 2 and len(match["pre"]) >= 2:  # '户均年增收不低于2000元': the whole phrase
        obj = match["pre"] + match["verb"] + obj
    if len(obj) < 2:
        return None
    return Outcome(
        verb=match["verb"],
        object=obj,
        count=number,
        unit=unit,
        level2=result_level2(match["verb"] + obj, unit),
        text=match.group(0).removeprefix(match["pre"]) if match["obj"] else match.group(0),
    )


def _people_unit(noun: str) -> str:
    """The unit of people named after their figure: 户 for households, else 人."""
    return "户" if noun.endswith("户") else "人"


def result_level2(phrase: str, unit: str = "") -> str:
    """经济效益 for money, income and grain; 生态效益 for irrigation, greening, emissions and the
    environment (outcome_words.yaml); 社会效益 otherwise."""
    for level2, marks in WORDS["outcome_kinds"].items():
        if unit.removeprefix("万") in marks["units"] or unit in marks["units"]:
            return level2
        if any(w in phrase for w in marks["words"]):
            return level2
    return SOCIAL_BENEFIT


# ---------------------------------------------------------------- who is served


def internal_only(title: str) -> bool:
    """A project named for a settled contract (尾款) or the office's own service serves no public
    this year (the review reads the project's name alike)."""
    return any(w in title for w in WORDS["internal_only"])


_VENUE_RE = re.compile(
    rf"(?<![推促引先改增前跟并演])进(?:{'|'.join(sorted(WORDS['campaign_venues'], key=len, reverse=True))})"
)


def service_row(text: str) -> str:
    """The 满意度 row of the public service the brief names ('雪亮工程' -> 群众安全感满意度), '' if none."""
    text = _VENUE_RE.sub("", text)
    return next(
        (s["row"] for s in WORDS["public_services"] if any(w in text for w in s["words"])), ""
    )


# '群众食品安全满意度提升', '提高群众满意度': a survey the brief asks for (满意度), not an effect
_SATISFACTION_SAID_RE = re.compile(r"[\u4e00-\u9fa5]{2,16}?(?=满意度)")


def said_satisfaction(effects: list[str]) -> str:
    """Whose 满意度 an effect of the brief names ('群众食品安全满意度提升' -> 群众食品安全)."""
    for effect in effects:
        found = _SATISFACTION_SAID_RE.search(effect)
        who = re.sub(r"^.*?(?:提升|提高|增强)", "", found.group(0)) if found else ""
        if len(who) >= 2:
            return who
    return ""
