"""The work a brief describes: activities (verb + object, count + unit), the people and places
served, quality standards, deliverables and effects. Patterns over clauses, with jieba's parts
of speech to find a verb the word list does not know."""

from __future__ import annotations

import re

import jieba

from assistant.drafting.facts import Activity, Beneficiary, QualityTarget
from assistant.drafting.understand_clauses import clauses as split_clauses
from assistant.drafting.understand_clauses import purpose_clauses
from assistant.drafting.understand_effects import effect_first, effect_of
from assistant.drafting.understand_lists import (
    OWNED_WORK_RE,
    counted_owner,
    counted_places,
    each_count,
    grouped,
    is_object,
    shared_count,
    single_count,
    strip_counts,
    summed_list,
    total,
)
from assistant.drafting.understand_no_work import no_work
from assistant.drafting.understand_places import (
    PLACE_PARTS_RE,
    labelled_parts,
    listed_places,
    owned_parts,
)
from assistant.drafting.understand_sizes import (
    GENERIC_TAILS,
    count_pattern,
    each_place_work,
    given_to_people,
    granted_to,
    hired_staff,
    named_before,
    people_after_sessions,
    provided_for,
    sizes_other_work,
    total_of_last,
)
from assistant.drafting.understand_targets import (
    count_unit,
    deliverables,
    read_people,
    read_quality,
    to_count,
)
from assistant.drafting.understand_verbs import (
    FREQ_START_RE,
    before_next_work,
    condition_first,
    free_work,
    list_parts,
    paired_work,
    two_verbs,
    verb_at,
    work_clause,
    work_content,
)
from assistant.schema import Model

jieba.setLogLevel(60)
_FREQ_END_RE = re.compile(r"(?<=[\u4e00-\u9fa5]{2})(?:每|按)(?:日|天|周|月|季度|季|半年|年|学期)$")
_GRANT_END_RE = re.compile(r"(?:给予|予以)(?P<g>补贴|补助|奖励|奖补)$")
_AGE_RE = re.compile(r"[\d.]*(?:名|人|位)?\d+周?岁(?:以上|以下)?|^以?上(?=[\u4e00-\u9fa5]{2})")


class Work(Model):
    activities: list[Activity] = []
    beneficiaries: list[Beneficiary] = []
    quality: list[QualityTarget] = []
    deliverables: list[str] = []
    effects: list[str] = []


def read_work(text: str, words: dict, unit: str = "", name: str = "") -> Work:
    """Activities, beneficiaries, quality, deliverables and effects of the brief text."""
    adverbs = rf"^(?:{'|'.join(words['effect_adverbs'])})+"
    work = Work()
    count_re = count_pattern(words["count_units"])
    purposes = purpose_clauses(text, words)
    clauses = split_clauses(text, unit, words)
    for clause, header in clauses:
        measured = re.search(r"\d\s*[%％‰]|不超过|不多于|控制在", clause) and read_quality(
            clause, words
        )
        if total_of_last(clause, work.activities, count_re, words["activity_verbs"]):
            continue
        provided = provided_for(clause)
        if provided is not None:  # '保障低保对象3800人': the people paid, not an effect
            work.activities.append(provided)
            continue
        # '确保…比例不低于85%', '确保全年安全事故控制在2起以内' are standards
        effect = effect_of(clause, words)
        if effect and not measured:
            work.effects.append(effect)
            continue
        if clause.startswith(tuple(words["purpose_words"])) or clause in purposes:
            continue  # why, not what: '为了更好的适应…体系' is no activity
        if re.sub(adverbs, "", clause).startswith(tuple(words["management_verbs"])):
            continue  # '更好地落实…工作要求': a routine management item
        quality = read_quality(clause, words)
        work.quality += quality
        granted = granted_to(clause, count_re)
        if granted:  # the recipients are what is counted, not people served
            work.activities += granted
            continue
        who = read_people(clause, words)
        if who is not None and all(b.who != who.who for b in work.beneficiaries):
            work.beneficiaries.append(who)
        if granted is not None:
            continue  # '对购置农机的农户给予补贴': the farmers' 购置 is no work of the project
        if sizes_other_work(text, clause, work.activities, count_re):
            continue
        if quality or no_work(clause, words, header and len(clauses) > 1):
            continue  # a standard, a cost line or a frequency, not an activity
        if effect_first(clause, words):
            continue  # '…高效推动本市违法建设常态化治理': a purpose, its 建设 is no activity
        for item in _activities(clause, words, count_re):
            item.text = item.text if item.text in clause else clause  # quoted as written
            if item.count is not None or not any(p in item.object for p in words["provider_nouns"]):
                _add_activity(work, item, who)
    # The project's title ('麻风病防治') is the work only when the brief says nothing more.
    said = [a for a in work.activities if a.count is not None or not name or a.text not in name]
    work.activities = named_before(said or work.activities, text)
    work.deliverables = deliverables(text)
    work.effects = list(dict.fromkeys(e for e in work.effects if e))[:4]
    return work


def _activities(clause: str, words: dict, count_re: re.Pattern) -> list[Activity]:
    """'组织宣传、培训' -> 组织宣传, 组织培训; '采购冰箱40台、冷藏车2辆' -> two counted objects;
    '对8所学校的屋面、门窗进行维修' -> 维修 屋面, 维修 门窗."""
    what, items = work_content(clause)
    if parts_named := labelled_parts(clause, words):
        return parts_named
    if len(items) >= 2 and not what and clause.startswith("主要包括"):
        return []  # '主要包括屋面防水、门窗更换…': the content of the work before it
    if len(items) >= 2:  # '改造内容包括屋面防水、外墙保温、雨污分流': one row of its 3 kinds
        said = re.search(r"等(\d+)项$", clause)  # '体检项目包括血常规、肝功能等12项': 12
        count = float(said[1]) if said else len(items)
        return [Activity(verb=what, object=what, count=count, unit="项", text=clause)]
    clause = owned_parts(work_clause(clause), words)
    verb, start = verb_at(clause, words)
    if not verb or condition_first(clause[:start], clause, words, count_re):
        return []
    before, rest = clause[:start], clause[start + len(verb) :]
    before, verb = free_work(before, verb)
    if before in ("日", "年", "月"):  # '日处理规模3万吨': a day's 处理规模
        before, verb = "", before + verb
    work = FREQ_START_RE.sub("", rest)  # '开展每季度巡检维护': how often is the 时效 row's
    if verb in ("开展", "进行", "实施") and (
        work in words["activity_verbs"] or two_verbs(work, words)
    ):
        before, verb, rest = before + verb, work, ""  # '对42座小型水库开展管护': the work is 管护
    hired = verb in _HIRING and re.search(
        r"(?:机构|公司|单位|团队|专家|员|第三方)(?P<n>\d+名)?对", rest
    )
    if hired:  # '聘请第三方专业机构对定点医药机构开展飞行检查': the hired do the work
        staff = (
            hired_staff(verb, rest[: hired.start("n")], hired["n"], clause) if hired["n"] else []
        )
        return staff + _activities(rest[hired.end() - 1 :], words, count_re)
    if re.match(r"(?:后|之后|以后)", rest) and verb_at(rest, words)[0]:
        return _activities(re.sub(r"^(?:之|以)?后", "", rest), words, count_re)  # '登记后开展抽查'
    rest = re.sub(r"^(?:了|好|各类|各项|相关)", "", rest)
    verb, rest = paired_work(verb, before, rest, words)
    listed = _OWNED_LIST_RE.search(before) and re.match(r"[、和及]", rest)
    owned = OWNED_WORK_RE.search(before) or listed
    if owned and count_re.search(before):
        # '负责120个网格的日常巡查、信息采集和矛盾纠纷排查': the places are counted, once
        places = listed_places(verb, before, clause) or [
            counted_places(verb, before, clause, count_re)
        ]
        if places[0]:
            return places
    parts = list_parts(rest)
    verbs = tuple(words["activity_verbs"])
    if not any(
        is_object(strip_counts(p, count_re)) and (p not in verbs or not before) for p in parts
    ):
        # '对屋面、门窗进行维修' / '驻场运维120天' / '新造林3万亩': the object is before or in the verb
        # ('对14座污水处理站和配套管网进行运行维护': 运行 is part of the work)
        lead = re.sub(
            r"(?:进行|开展|实施)(?:日常|定期|常态化|全面|集中|标准化|规范化)?(?:运行)?$", "", before
        )
        lead = re.split(r"(?:机构|公司|单位|团队|专家|第三方)对", lead)[
            -1
        ]  # '委托检验机构对…': what they check
        counts = "".join(m.group(0) for m in count_re.finditer(rest))
        places = None if lead != before else counted_places(verb, lead, clause, count_re)
        if places:  # ('对8所学校的屋面、门窗进行维修': the listed parts are what is repaired)
            return [places]
        each = each_place_work(verb, _FREQ_END_RE.sub("", lead), rest, clause, count_re)
        if each is not None:
            return [each]
        if re.search(r"[、和]", lead.split("的")[-1]):  # '对破损、酸化的民国档案': one object
            parts = [p.split("的")[-1] for p in list_parts(lead)]
        else:
            tail = strip_counts(rest, count_re)  # '监测点30个': the 点 is what is counted
            tail = tail if len(tail) <= 2 and tail not in GENERIC_TAILS else ""
            served = lead.startswith("为") and count_re.search(lead)  # '为全县18个乡镇送戏120场'
            obj = "" if served else strip_counts(lead, count_re).split("的")[-1]
            parts = [obj + verb + tail + counts]
            verb = ""
    summed = summed_list(verb, parts, clause, count_re)
    if summed:
        return summed
    one = grouped(verb, before, parts, clause, words, count_re)
    if one is not None:  # the places whose parts these are, counted, and the kinds of parts
        parted = PLACE_PARTS_RE.search(clause.replace("的", "")) and "的" in before
        places = counted_places(verb, before, clause, count_re) if parted else None
        return [places, one] if places else [one]
    acts = [
        _part_activity(verb, before, p, i > 0, clause, words, count_re) for i, p in enumerate(parts)
    ]
    acts = [a for a in acts if a is not None]
    acts = each_count(single_count(acts, clause, count_re, words), clause, count_re)
    return people_after_sessions(shared_count(acts, clause, count_re), clause)


def _part_activity(
    verb: str, before: str, part: str, later: bool, clause: str, words: dict, count_re: re.Pattern
) -> Activity | None:
    """The work one listed object stands for, with its count; None when it is no work."""
    part = before_next_work(part, count_re, words)
    obj = _AGE_RE.sub("", strip_counts(part, count_re)).split("的")[-1]
    obj = _FREQ_END_RE.sub("", obj)  # '幼儿园食堂每学期': how often is the 时效 row's
    obj = re.sub(r"共计|合计|累计|总计", "", obj)  # '河道12条共计36公里': 河道, twice counted
    obj = obj.split("担任")[0]  # '2家律师事务所担任市政府法律顾问': the firms are hired
    obj = re.sub(r"^(?:全[市区县镇乡]|辖区|本[市区县])(?=[\u4e00-\u9fa5]{2})", "", obj)  # 全市路口…
    if not is_object(obj) or (
        not count_re.search(part) and obj.endswith(tuple(words["abstract_nouns"]))
    ):
        return None
    share = _SHARE_DONE_RE.fullmatch(obj) if verb == "完成" else None
    if share:  # '完成项目主体工程70%': the share of the work done this year
        return Activity(verb=verb, object=share["o"], count=to_count(share["n"]), unit="%",
                        text=clause)  # fmt: skip
    count = total(part, count_re)
    obj = counted_owner(part, count) or obj  # '8个安置小区的安全巡逻': 8 places, not 8 patrols
    if _not_work(verb, obj, count, words):
        return None
    # '拆违现场安全秩序维护第三方服务、无人机巡查、无证点位复核': a verb inside the first item
    # ('…维护第三方服务') is that item's; a later item with a verb of its own is its own work
    given = given_to_people(obj, clause, words)
    if given is not None:  # '…困难的家庭给予临时救助'
        return given
    own = later and before and verb_at(obj, words)[0]
    act = Activity(verb=obj if own else verb or obj, object=obj[:16], text=clause)
    granted = _GRANT_END_RE.search(obj)  # '加装电梯给予补贴': the work paid for is what is counted
    if granted and not own and verb:
        act = Activity(verb=granted["g"], object=verb + obj[: granted.start()], text=clause)
    if count:
        act.count, act.unit = to_count(count["num"]), count_unit(count["num"], count["unit"])
    return act


# '86座公厕的日常保洁、设施维护和水电费支出': the verb is inside the list of the places' work
_OWNED_LIST_RE = re.compile(r"的[^的，。；]*[、和及][^的]*$")
_SHARE_DONE_RE = re.compile(r"(?P<o>[\u4e00-\u9fa5]{2,12})(?P<n>\d+(?:\.\d+)?)[%％]")
_HIRING = ("聘请", "聘用", "委托", "购买")


def _not_work(verb: str, obj: str, count, words: dict) -> bool:
    """A cut quotation ('普查数据平台“拆', split at the 、 inside it), a share ('主体工程70%') or an
    uncounted condition ('符合计划生育政策', '做到“无增减存”') is no activity a 数量 row counts."""
    if obj.count("“") != obj.count("”") or re.search(r"[%％]", obj):
        return True
    if count is None and (
        obj == (verb or obj)
        and len(obj) <= 2
        or obj in words["payment_objects"]
        or obj.endswith(tuple(words["paid_words"]))
        and not _GRANT_END_RE.search(obj)
    ):
        return True  # a bare '租赁', '支付费用' or '…良种补贴' (not '购买家电给予补贴'): no count
    return count is None and (verb + obj).startswith(tuple(words["non_activity_verbs"]))


def _add_activity(work: Work, act: Activity, who: Beneficiary | None) -> None:
    """A count of people or places is the beneficiary's (230名村组干部), not the activity's."""
    if who is not None and act.unit == who.unit and act.count == who.count:
        act.count, act.unit = None, ""
    if all((a.verb, a.object) != (act.verb, act.object) for a in work.activities) and not any(
        _same_count(a, act) for a in work.activities
    ):
        work.activities.append(act)


def _same_count(one: Activity, other: Activity) -> bool:
    """'38座小型水库开展…安全鉴定' then '完成38座水库安全鉴定': the same work counted twice."""
    same = one.count is not None and (one.count, one.unit) == (other.count, other.unit)
    return same and (one.object.endswith(other.object) or other.object.endswith(one.object))
