"""One verb over several objects: a list that is one piece of work ('“世界麻风病日”、“中国麻风节”
宣传活动' is 宣传活动 twice), a total beside counts per place (每个网格1名共64名), and the one count of
a clause that belongs to its first or to all of its objects; the places a count before 的 counts
('负责56座公共厕所的日常保洁…')."""

from __future__ import annotations

import re

import jieba

from assistant.drafting.facts import Activity
from assistant.drafting.figures import leading_nouns
from assistant.drafting.understand_joint import kinds_of_help
from assistant.drafting.understand_targets import count_unit, to_count

# The longest name of work at counted places that reads as one ('小型水库日常巡查').
_MAX_PLACE_NAME = 10
_MAX_JOINED_NAME = 10  # '垃圾分类宣传督导小区': longer names lose their first work
# Counts of people, times and spans: not places a piece of work is done at.
_NOT_PLACES = ("名", "人", "位", "次", "天", "日", "小时", "周", "月", "年", "期", "场", "批")


def grouped(
    verb: str, before: str, parts: list[str], clause: str, words: dict, count_re: re.Pattern
) -> Activity | None:
    """One piece of work over a list: '开展“世界麻风病日”、“中国麻风节”宣传活动' is 宣传活动 twice;
    '到两个敬老院看望慰问休养员、康复者和现症患者' is one visit round to two 敬老院."""
    if len(parts) < 2 or not verb:
        return None
    head = re.fullmatch(r"“[^”]+”(?P<h>[\u4e00-\u9fa5]{2,8})", parts[-1])
    if head and all(re.fullmatch(r"“[^”]+”", p) for p in parts[:-1]):
        return Activity(verb=verb, object=head["h"], count=len(parts), unit="次", text=clause)
    kinds = re.fullmatch(r"[^等]{2,12}等(?P<h>[\u4e00-\u9fa5]{2,12})", parts[-1])
    # '老年人、低保对象等重点人群免费体检2.4万人': people, counted by their own figure
    kinds = (
        kinds if kinds and not re.search(r"人群|对象|群众|人员|节假日|节日", kinds["h"]) else None
    )
    if kinds and not any(count_re.search(p) for p in parts):  # '口蹄疫、禽流感等疫苗': 疫苗, 2种
        return Activity(verb=verb, object=kinds["h"], count=len(parts), unit="种", text=clause)
    last, counted = strip_counts(parts[-1], count_re), count_re.search(parts[-1])
    kinds = re.fullmatch(r"[^等]{1,12}等(?P<h>[\u4e00-\u9fa5]{2,12})", last)
    if kinds and counted and not any(count_re.search(p) for p in parts[:-1]):
        # 'DR、彩超、全自动生化分析仪等医疗设备45台': 45 of them all
        count, unit = to_count(counted["num"]), count_unit(counted["num"], counted["unit"])
        obj = "、".join([*parts[:-1], last])
        return Activity(verb=verb, object=obj, count=count, unit=unit, text=clause)
    people = (*words["people_nouns"], *words["people_endings"])
    if not all(strip_counts(p, count_re).endswith(people) for p in parts):
        return None
    place = count_re.search(before)
    counted = next((m for p in parts if (m := count_re.search(p))), None)
    if place is None and counted is not None:  # '慰问休养员、康复者和现症病人32人': 32 of them all
        first = strip_counts(parts[0], count_re)
        count, unit = to_count(counted["num"]), count_unit(counted["num"], counted["unit"])
        return Activity(verb=verb, object=f"{first}等", count=count, unit=unit, text=clause)
    if place is None:  # '65岁以上老年人、低保对象等重点人群': the group the list names
        group = re.search(r"等(?P<g>[\u4e00-\u9fa5]{2,8})$", strip_counts(parts[-1], count_re))
        first = group["g"] if group else strip_counts(parts[0], count_re)
        return Activity(verb=verb, object=first, text=clause)
    noun = jieba.lcut(before[place.end() :])[0] if before[place.end() :] else ""
    if len(noun) < 2:
        return None
    count, unit = to_count(place["num"]), count_unit(place["num"], place["unit"])
    return Activity(verb=verb, object=noun, count=count, unit=unit, text=clause)


_SUMMED_RE = re.compile(
    r"^(?P<item>[^\d、]+?)(?P<n>\d+|[两三四五六七八九十])\s*(?P<u>个|类|种|项)(?P<rest>[\u4e00-\u9fa5]{2,10})"
)


def summed_list(verb: str, parts: list[str], clause: str, count_re: re.Pattern) -> list[Activity]:
    """'组织电工、焊工、中式烹调师3个工种培训6期': the listed items are the 3 工种 of one piece of
    work (培训工种 3个, 培训 6期), not a work each."""
    summed = _SUMMED_RE.match(parts[-1]) if len(parts) >= 2 and verb else None
    if summed is None or to_count(summed["n"]) != len(parts):
        return []
    service = re.sub(r"(?:费用|费)$", "", summed["rest"])
    if summed["u"] == "项" and service.endswith("服务"):
        # '免除遗体接运、存放、火化、骨灰寄存4项基本殡葬服务费用': 4 items of one service
        return [Activity(verb=verb, object=f"{service}项目", count=len(parts), unit="项",
                         text=clause)]  # fmt: skip
    kind, *work = jieba.lcut(summed["rest"])
    work = "".join(work)
    if len(kind) < 2 or len(work) < 2:
        return []
    acts = [
        Activity(verb=verb, object=work + kind, count=len(parts), unit=summed["u"], text=clause)
    ]
    more = count_re.search(parts[-1][summed.end() :])
    if more:
        count, unit = to_count(more["num"]), count_unit(more["num"], more["unit"])
        acts.append(Activity(verb=verb, object=work, count=count, unit=unit, text=clause))
    return acts


def total(part: str, count_re: re.Pattern) -> re.Match | None:
    """'每个网格配备专职网格员1名共64名': the total (共/合计/累计) beats the count per place."""
    counts = list(count_re.finditer(part))
    total = next((m for m in counts if re.match(r"共|合计|累计|总计", m.group(0))), None)
    return total or (counts[0] if counts else None)


def single_count(
    acts: list[Activity], clause: str, count_re: re.Pattern, words: dict
) -> list[Activity]:
    """The one count of a clause whose objects had none goes to its first activity; things
    counted before the work ('全县12座小型水库开展日常巡查') are what it is done on (小型水库日常巡查,
    12座). People and places served (13个社区) are beneficiaries: their rows are named apart."""
    counts = list(count_re.finditer(clause))
    if acts and len(counts) == 1 and all(a.count is None for a in acts):
        count, first = counts[0], acts[0]
        if _HIRED_RE.match(clause[count.end() :]):
            return acts  # '委托3家造价咨询机构对…开展预算评审': the firms are counted, not the work
        helped = kinds_of_help(acts, clause, count, words)
        if helped is not None:
            return [helped]
        first.count = to_count(count["num"])
        first.unit = count_unit(count["num"], count["unit"])
        places = _places_before(clause, count, first)
        served = count["unit"] in words["people_units"] and places.endswith(
            tuple(words["people_nouns"])
        )  # read_people has them
        if places and not served and places not in first.object:
            joined = acts[0].object
            for act in acts[1:]:  # as many of the works as a row's name holds
                more = joined + (act.object if act.verb == act.object else f"和{act.object}")
                joined = more if len(more + places) <= _MAX_JOINED_NAME else joined
            if len(acts) > 1 and joined != acts[0].object:
                # '120个小区开展垃圾分类宣传和督导': both works are done at the 120 places,
                # which are what is counted (垃圾分类宣传督导小区 120个)
                first.object = joined + places
                return [first]
            first.object = _at_places(first.object, places)
            for act in acts[1:]:  # '…开展日常巡查、汛前检查和安全鉴定': each at the same places
                if act.verb == act.object:
                    act.object = _at_places(act.object, places)
                    act.count, act.unit = first.count, first.unit
    return acts


_HIRED_RE = re.compile(r"[\u4e00-\u9fa5]{0,8}?(?:机构|公司|律师事务所|团队)(?:对|为|开展|负责)")


def _at_places(work: str, places: str) -> str:
    """'12座小型水库' + 日常巡查 -> 小型水库日常巡查; a long work keeps its last words after the
    places (12个农贸市场 + 食用农产品快速检测 -> 快速检测农贸市场: the markets are counted)."""
    if len(places + work) <= _MAX_PLACE_NAME:
        return places + work
    tail = jieba.lcut(work)
    last = "".join(tail[-2:]) if len("".join(tail[-2:])) <= 4 else tail[-1]
    last = work if len(last) < 4 and len(work) <= 5 else last  # '监督性监测', not '性监测'
    return (last + places)[:16]


def _places_before(clause: str, count: re.Match, act: Activity) -> str:
    """The things a count before the work counts ('12座小型水库开展…' -> 小型水库); '' for people
    and times (their rows have names of their own) or a count after the work."""
    work = clause.find(act.verb, count.end())
    between = clause[count.end() : work] if work > 0 else ""
    if count["unit"].endswith(_NOT_PLACES):
        return ""
    lead = clause[: count.start()]
    listed = re.search(r"[、和及与]", lead[-8:])  # '县道、乡道、村道共1250公里': all of them
    if work == count.end() and not listed and re.search(r"[\u4e00-\u9fa5]{2}$", lead):
        # '对辖区大型户外广告牌500块开展安全检测': the things are named before their count
        named = ""
        for word in reversed(jieba.lcut(lead)):
            if len(named + word) > 6 or word in ("对", "辖区", "全区", "全市", "全县"):
                break
            named = word + named
        return named if len(named) >= 2 else ""
    if not re.fullmatch(r"[\u4e00-\u9fa5]{2,}", between):
        return ""
    if len(between) > 8:  # '28座水厂出厂水和管网末梢水开展水质检测': the word after the count
        listed = re.search(r"[和及、]", between)
        head = next(iter(jieba.cut(between)), "") if listed else ""
        return head if len(head) >= 2 else ""
    return between


def shared_count(acts: list[Activity], clause: str, count_re: re.Pattern) -> list[Activity]:
    """'邀请校外名师、领导授课25人次': the one count after the last of a verb's objects counts them
    all (邀请校外名师、领导授课 25人次), not the last alone beside an uncounted first."""
    last = acts[-1] if acts else None
    if (
        last is None
        or len(acts) < 2
        or last.count is None
        or any(a.count is not None or a.verb != last.verb or a.verb == a.object for a in acts[:-1])
        or len(list(count_re.finditer(clause))) != 1
    ):
        return acts
    joined = "、".join(a.object for a in acts)
    if len(joined) > 16:  # '消防宣传进社区、进学校、进企业活动40场': 消防宣传进社区等活动
        # '…和安全管理人员培训班': what is held names the list
        held = re.search(r"(?:培训班|研修班|讲座|会议|活动)$", last.object)
        head = held.group(0) if held else ""
        # '村务管理、…、便民服务等6个功能模块': what is counted is named after the count
        after = re.match(r"[\u4e00-\u9fa5]{2,6}", clause[count_re.search(clause).end() :])
        head = head or (after.group(0) if after else "")
        joined = f"{acts[0].object}等{head}"
    if len(joined) > 16:
        return acts
    return [last.model_copy(update={"object": joined})]


def each_count(acts: list[Activity], clause: str, count_re: re.Pattern) -> list[Activity]:
    """'开展宫颈癌、乳腺癌筛查各6000人': 各 gives every listed object the count, and the work the
    last one names (筛查) is theirs too: 宫颈癌筛查 6000人, 乳腺癌筛查 6000人."""
    counts = list(count_re.finditer(clause))
    last = acts[-1] if acts else None
    if last is None or len(acts) < 2 or len(counts) != 1 or last.count is None:
        return acts
    if clause[counts[0].start() - 1 : counts[0].start()] != "各":
        return acts
    obj = last.object.removesuffix("各")
    head = next((w for w in jieba.lcut(obj)[-1:] if len(w) >= 2 and w != obj), "")
    out = []
    for act in acts:
        name = act.object.removesuffix("各")
        name = name if not head or name.endswith(head) else name + head
        out.append(act.model_copy(update={"verb": acts[0].verb, "object": name,
                                          "count": last.count, "unit": last.unit}))  # fmt: skip
    return out


def strip_counts(text: str, count_re: re.Pattern) -> str:
    text = re.sub(
        r"(?:为期|历时)?[\d一二三四五六七八九十]+个月的?|(?:为期|历时)[\d一二三四五六七八九十]+个?(?:天|日|周|月|年)的?|的?(?:工作|任务)$",
        "",
        text,
    )
    if text[:1] and text[0] in "对为给向" and jieba.lcut(text[:4])[0] == text[0]:
        text = text[1:]  # '对8所学校…' loses its 对, '对讲机' keeps it
    text = re.sub(rf"(?:{count_re.pattern})(?:以上|左右|余)?", "", text)  # '农户1000户以上'
    text = re.sub(r"[（(][^）)]*[）)]", "", text)
    return re.sub(r"^[的等]+(?!级)|[的等]+$", "", text)  # '等级保护测评' keeps its 等


# Counts of time: no place is counted by them.
_SPAN_UNITS = ("天", "日", "小时", "周", "月", "年")
OWNED_WORK_RE = re.compile(r"的(?:日常|定期|常态化)?$")


def counted_places(verb: str, lead: str, clause: str, count_re: re.Pattern) -> Activity | None:
    """'负责56座公共厕所的日常保洁和设施维护': the count before 的 counts the places the work is
    done at (one 数量 row, 56座 公共厕所); the items after it are that work, not rows of their own."""
    count = count_re.search(lead)
    owner = counted_owner(lead, count) or _named_before(lead, count)
    if not is_object(owner):
        return None
    act = Activity(verb=verb, object=owner[:16], text=clause)
    act.count, act.unit = to_count(count["num"]), count_unit(count["num"], count["unit"])
    return act


def counted_owner(text: str, count: re.Match | None) -> str:
    """What a count before 的 counts ('8个安置小区的…' -> 安置小区); '' for a length of time
    ('为期5天的轮训' counts no place)."""
    rest = text[count.end() :] if count else ""
    owner = rest.split("的")[0] if "的" in rest else ""
    if not owner and re.search(r"[、和及]", rest):
        # '46座公共厕所保洁、水电和': the places before their listed work ('30所中小学、幼儿园…'
        # lists places: no owner)
        first = re.split(r"[、和及]", rest)[0]
        nouns = leading_nouns(first)
        owner = nouns if nouns != first else ""
    return owner if len(owner) >= 2 and count["unit"] not in _SPAN_UNITS else ""


def _named_before(text: str, count: re.Match | None) -> str:
    """'路灯2.8万盏的日常维护': the thing is named before its count."""
    if count is None or not text[count.end() :].startswith("的") or count["unit"] in _SPAN_UNITS:
        return ""
    before = text[: count.start()]
    jieba.dt.check_initialized()  # the commonest word it ends on ('主次干道路灯' -> 路灯)
    ends = [before[-n:] for n in (2, 3, 4) if len(before) >= n]
    best = max(ends, key=lambda w: jieba.get_FREQ(w) or 0, default="")
    return best if jieba.get_FREQ(best) else ""


def is_object(text: str) -> bool:
    # 'CT机', 'LED屏': a Latin name with its Chinese head is an object too
    return bool(
        re.search(r"[\u4e00-\u9fa5]{2}|[A-Za-z]{2,}[\u4e00-\u9fa5]", text)
    ) and not re.match(r"^(?:工作|任务|活动|服务)$", text)
