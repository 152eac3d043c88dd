"""What a brief clause states besides its work: quality standards ('合格率达到95%', '日产日清',
'防洪标准达到20年一遇'), the people or places it serves ('230名村组干部', '为65岁以上老年人') and the
deliverables it names ('形成调研报告'); and the counts they are written in."""

from __future__ import annotations

import re

import jieba
import jieba.posseg as posseg

from assistant.drafting.amounts import to_number
from assistant.drafting.facts import Beneficiary, QualityTarget

NUM = r"\d+(?:\.\d+)?(?:万)?|[一二两三四五六七八九十百千]+(?:万)?"
_QUOTA_RE = re.compile(
    r"(?P<n>[\u4e00-\u9fa5]{2,8}?)(?P<v>(?:不低于|不少于|达到|完成)(?:省|市|县|区|上级)级?(?:下达|确定)的?"
    r"(?:目标|任务|指标)(?:任务)?)$"
)
_STANDARD_RE = re.compile(
    r"(?P<n>[\u4e00-\u9fa5]{2,6}标准)(?:达到|为|不低于)(?P<v>[\d一二三四五六七八九十]+年一遇|[\u4e00-\u9fa5\d]{2,8})"
)


# '养护质量达到二级养护标准', '探测精度符合CJJ61规范要求': a quality meets a named standard.
_MEETS_RE = re.compile(
    r"(?P<n>[\u4e00-\u9fa5]{0,4}(?:质量|精度|标准|水质|养护|保洁|管护|等级|密度))(?:稳定|持续|常年|均)?"
    r"(?P<verb>达到|符合|满足|控制在)"  # '鼠密度控制在国家标准C级以内', '养护等级达到二级标准'
    r"(?P<v>[\u4e00-\u9fa5A-Za-z0-9/\u2160-\u216b-]{1,12}(?:标准|规范|要求|[A-D]级以内))"  # 'Ⅲ类标准'
)

# '全年新发疫点不超过2个', '发生安全事故不超过1起': a count kept under a cap is a standard.
_COUNT_CAP_RE = re.compile(
    rf"(?P<n>[\u4e00-\u9fa5]{{2,12}}?)(?:不超过|不多于|控制在)\s*(?P<v>{NUM})\s*"
    r"(?P<u>个|起|件|次|处|例|宗|条)(?!工作日|月|小时)(?:以内|以下)?"
)  # '办理时限不超过7个工作日' is a time limit, the 时效 row's
_CAP_NAME_ENDS = {"次": "次数"}
_ALL_DONE_RE = re.compile(
    r"(?P<n>[A-Za-z\u4e00-\u9fa5]{2,12}?)100[%％](?P<v>落实|完成|覆盖|整改|处置)(?P<o>[\u4e00-\u9fa5]{2,6})$"
)
_EACH_SPAN_RE = re.compile(
    r"(?P<n>每[场次期节堂][\u4e00-\u9fa5]{0,6}?时长)(?:不少于|不低于|达到)?(?P<v>\d+)(?P<u>分钟|小时)"
)
_COVERS_ALL_RE = re.compile(
    r"(?P<n>[\u4e00-\u9fa5]{2,16}?)覆盖(?:所有|全部|全)(?P<who>[\u4e00-\u9fa5]{1,6})$"
)


def _count_caps(clause: str) -> list[QualityTarget]:
    found = []
    for m in _COUNT_CAP_RE.finditer(clause):
        name = re.sub(r"^(?:确保|保证|力争|要求|且|并|使|其中|全年|年内|每年)+", "", m["n"])
        count = to_count(m["v"])
        if len(name) < 2 or name.startswith("每") or count is None:
            continue  # '每户不超过2人' is a rule per item
        end = _CAP_NAME_ENDS.get(m["u"], "数量")
        name = name if name.endswith(("数", "数量", end)) else name + end
        found.append(QualityTarget(name=name, value=f"≤{count:g}{m['u']}", text=m.group(0)))
    return found


def read_quality(clause: str, words: dict) -> list[QualityTarget]:
    """'合格率达到95%', '取证率达到80%', '工程质量验收合格': stated standards ('0-6岁儿童健康管理率':
    the ages are part of the name)."""
    found = []
    rate = r"(?:[\u4e00-\u9fa5]{1,3}率|比例|密度|" + "|".join(words["quality_words"]) + ")"
    for m in re.finditer(
        rf"(?P<n>(?:{_AGES})?[\u4e00-\u9fa5“”、]{{0,14}}?{rate})(?:要|需|控制)?(?:常年|始终|全年|均|稳定|持续)?(?:达到|达|不低于|保持在|控制在|在|为|≥|>=|不超过|低于|以下)?\s*(?P<v>\d+(?:\.\d+)?)\s*(?P<u>[%％‰])(?P<after>以下|以内)?",
        clause,
    ):
        # '系统正常运行率' keeps its 系统 (the 运维 type's own row): the system's, not a manner
        lead = r"确保|保证|保障|力争|要求|且|并|使|其中|系统(?!正常|运行|故障|可用)|全年|年内|开展|进行"
        name = re.sub(rf"^(?:{lead})*", "", re.sub(r"[“”]", "", m["n"]))  # '“六个百分之百”达标率'
        name = name.replace("结束", "").lstrip("、")  # '高血压、糖尿病患者规范管理率' keeps both
        sign = (
            "≤" if m["after"] or re.search(r"(?:故障|差错|误差|投诉|事故|受害)率$", name) else "≥"
        )
        unit = "‰" if m["u"] == "‰" else "%"
        value = "=100%" if float(m["v"]) == 100 and sign == "≥" else f"{sign}{m['v']}{unit}"
        found.append(QualityTarget(name=name, value=value, text=m.group(0)))
    found += _count_caps(clause)
    whole = _ALL_DONE_RE.search(clause)
    if whole and not found:  # '对…危险房屋100%落实管控措施' -> 危险房屋管控措施落实率 =100%
        name = f"{whole['n'].split('的')[-1][-6:]}{whole['o']}{whole['v']}率"
        found.append(QualityTarget(name=name, value="=100%", text=whole.group(0)))
    each = _EACH_SPAN_RE.search(clause)
    if each and not found:  # '每场演出时长不少于90分钟': each show's length, a standard
        found.append(QualityTarget(name=each["n"], value=f"≥{each['v']}{each['u']}", text=each[0]))
    covered = _COVERS_ALL_RE.search(clause)
    if covered and not found:  # '…处置体系覆盖所有行政村' -> 垃圾收运处置体系行政村覆盖率 =100%
        name = f"{covered['n'][-8:]}{covered['who']}覆盖率"
        found.append(QualityTarget(name=name, value="=100%", text=covered.group(0)))
    found += [
        QualityTarget(name=name, value=value, text=phrase)
        for phrase, (name, value) in words["quality_phrases"].items()
        if phrase in clause and not found
    ]
    on_time = _ON_TIME_RE.search(clause)
    if on_time and not found:  # '抽检信息按时公开' -> 抽检信息公开及时率 =100%
        name = f"{on_time['o'][-8:]}{on_time['v']}及时率"
        found.append(QualityTarget(name=name, value="=100%", text=on_time.group(0)))
    meets = _MEETS_RE.search(clause)
    if meets and not found:  # '养护质量达到二级养护标准', '探测精度符合CJJ61规范要求'
        value = f"{meets['verb']}{meets['v']}"
        name = re.sub(r"(?<=养护|保洁|管护)$", "质量", meets["n"])  # '绿化养护达到二级标准'
        found.append(QualityTarget(name=name, value=value, text=meets.group(0)))
        return found
    quota = _QUOTA_RE.search(clause)
    if quota and not found:  # '耕地保有量不低于省下达目标': the target set from above, as said
        found.append(QualityTarget(name=quota["n"], value=quota["v"], text=quota[0]))
        return found
    standard = _STANDARD_RE.search(clause)
    if standard and not found:  # '防洪标准达到20年一遇'
        found.append(QualityTarget(name=standard["n"], value=standard["v"], text=standard[0]))
        return found
    grade = re.search(
        r"(?P<n>工程|质量|验收|考核|检测)[^，。]{0,6}?(?P<v>优良|合格|达标|通过)(?!后)", clause
    )
    if grade and not found:
        name = {"工程": "工程质量等级", "质量": "质量达标情况"}.get(
            grade["n"], grade["n"] + "合格率"
        )
        value = "=100%" if name.endswith("率") else grade["v"]
        found.append(QualityTarget(name=name, value=value, text=grade.group(0)))
    return found


# '抽检信息按时公开': work due on time is a standard of timeliness, not a count.
_ON_TIME_RE = re.compile(
    r"(?P<o>[\u4e00-\u9fa5]{2,}?)(?:按时|及时)(?:足额)?(?P<v>公开|上报|报送|发布|办结|处置|反馈|公示|发放|拨付|兑付)(?:到位)?$"
)

# '4500名13-14岁在校女生': an age range between the count and the people
_AGES = r"\d+(?:[-—～~至]\d+)?周?岁(?:以上|以下)?(?:的)?"


def read_people(text: str, words: dict) -> Beneficiary | None:
    units = "|".join(sorted(words["people_units"], key=len, reverse=True))
    nouns = "|".join(sorted(words["people_nouns"], key=len, reverse=True))
    m = re.search(
        rf"(?P<num>{NUM})\s*(?P<unit>{units})(?P<age>{_AGES})?"
        rf"(?P<who>[\u4e00-\u9fa5]{{0,6}}(?:{nouns}))(?!性)",  # '代表性项目' are no 代表
        text,
    )
    if m:
        count, unit = to_count(m["num"]), count_unit(m["num"], m["unit"])
        # '10个合作社为入股贫困户…': the counted ones are the 合作社, not whom they serve
        first = re.split(r"[为对向给]", m["who"])[0]
        who = first if first.endswith(tuple(words["people_nouns"])) else m["who"]
        work = re.search("|".join(words["activity_verbs"]), who)  # '12个村实施村内道路硬化'
        if work and who[: work.start()].endswith(tuple(words["people_nouns"])):
            who = who[: work.start()]
        housed = re.match(rf".*?(?:{'|'.join(words['institution_nouns'])})", who)
        if m["unit"] == "所" and housed:  # '65所中小学学生': 所 counts the schools
            who = housed.group(0)
        said = text[m.start() : m.start("who") + len(who)]
        places = "|".join(words["institution_nouns"])
        more = re.match(rf"(?:[、和及](?:{places}))+", text[m.end("who") :]) if housed else None
        if more:  # '45所中小学、幼儿园': the kindergartens are counted too
            who, said = who + more.group(0), said + more.group(0)
        after = text[m.end("who") : m.end("who") + 1]
        if _splits_word(who, after, words):
            who, said = who[:-1], said[:-1]  # '15个行政村村庄规划': the last 村 is 村庄's
        elif who.endswith("村") and after and after in "寨落":
            who, said = who + after, said + after  # '6个特色村寨': 村寨 are counted
        rest = text[m.start("who") + len(who) : m.start("who") + len(who) + 11]
        # '120个村（社区）人民调解委员会': a short aside in brackets, then what is counted
        rest = re.sub(r"^[（(][\u4e00-\u9fa5]{1,3}[）)]", "", rest)[:6]
        if (who in words["place_nouns"] or _FACILITY_END_RE.match(rest)) and _noun_follows(rest):
            return (
                None  # '12个乡镇综合文化站', '8个街道未成年人保护工作站': the stations are counted
            )
        return Beneficiary(who=who, count=count, unit=unit, text=said)
    m = re.search(
        rf"(?:^对|^为|面向|服务于|覆盖|惠及|帮助|资助|救助)(?:全[区县市镇]|辖区|本[区县市镇])?"
        rf"(?P<who>[\u4e00-\u9fa5\d、\-—～~]{{0,10}}(?:{nouns}))(?!性)",  # '35-64岁适龄妇女'
        text,
    )
    if m is None:
        return None
    aside = _ASIDE_RE.match(text[m.end("who") :])
    if aside:  # '…教育的村（社区）干部': a short aside in brackets, then the people
        return Beneficiary(
            who=m["who"].split("的")[-1] + aside.group(0), text=text[: m.end() + aside.end()]
        )
    who = re.sub(
        r"^[\d.]+万?[个家名人户所座处位]", "", after_verb(m["who"])
    )  # '对80家统计调查对象'
    return Beneficiary(who=who, text=m.group(0))


_ASIDE_RE = re.compile(r"[（(][\u4e00-\u9fa5]{1,3}[）)](?:干部|群众|居民|成员|代表)")


def _splits_word(who: str, after: str, words: dict) -> bool:
    """The last character of `who` starts a word with what follows, and `who` without it is
    still people or places."""
    jieba.dt.check_initialized()
    joined = bool(after) and bool(jieba.get_FREQ(who[-1] + after))
    return joined and who[:-1].endswith(tuple(words["people_nouns"]))


def _noun_follows(rest: str) -> bool:
    """A facility named after the place follows it ('乡镇综合文化站', '村卫生室')."""
    facility = _FACILITY_RE.match(rest)
    flags = [t.flag for t in posseg.lcut(rest)[:1]]
    return bool(facility and flags) and flags[0][:1] in ("n", "v", "l")


_FACILITY_END_RE = re.compile(r"[\u4e00-\u9fa5]{0,4}?(?:工作站|服务站|服务中心)")
_FACILITY_RE = re.compile(r"[\u4e00-\u9fa5]{0,5}?(?:站|室|中心|馆|院|所|场|委)")


def after_verb(who: str) -> str:
    """'为水濂村带来观光游客' -> 观光游客: the people are what follows the clause's verb."""
    tokens = posseg.lcut(who)
    cut = max(
        (
            i
            for i, t in enumerate(tokens[1:-1], 1)
            # '独居、空巢老人': a verb listed with a noun describes the people
            if t.flag == "v" and len(t.word) >= 2 and tokens[i + 1].word != "、"
        ),
        default=0,
    )
    if cut and tokens[cut].word in _GIVING_VERBS:  # '为辖区居民提供家庭医生…': 居民 are served
        before = "".join(t.word for t in tokens[:cut])
        return before if len(before) >= 2 else who
    rest = "".join(t.word for t in tokens[cut + 1 :]) if cut else who
    return rest if len(rest) >= 2 else who


_GIVING_VERBS = frozenset({"提供", "开展", "发放", "配送", "举办", "组织", "安排", "落实"})


def deliverables(text: str) -> list[str]:
    found = re.findall(
        r"(?:形成|编制|出具|提交|完成|制定|编写|出版|印制)(?:一份|一套|[\d一二三四五六七八九十]+(?:份|篇|套|本|册))?"
        r"(?P<d>[\u4e00-\u9fa5《》“”]{2,14}?(?:报告|方案|规划|手册|台账|数据库|标准|办法|清单|图册|年鉴|专报))",
        text,
    )
    return list(dict.fromkeys(f for f in found if f))[:4]


def to_count(text: str) -> float | None:
    """'1.2万' -> 1.2 (the 万 stays with the unit, see count_unit); '两' -> 2."""
    return to_number(text.removesuffix("万"))


def count_unit(num: str, unit: str) -> str:
    """'1.2万' + '亩' -> '万亩': the brief's own way of writing the figure is kept."""
    return "万" + unit if num.endswith("万") and not unit.startswith("万") else unit
