"""Clauses that only size or explain work another clause names: '…加装电梯给予补贴，…全年计划补贴
15部' counts the subsidised work; '…示范村5个，…用于村内道路硬化、污水处理' lists what the money of
the counted work buys. Neither is work of its own."""

from __future__ import annotations

import re

import jieba
import jieba.posseg as posseg

from assistant.drafting.facts import Activity
from assistant.drafting.understand_lists import strip_counts, total
from assistant.drafting.understand_targets import NUM, count_unit, to_count
from assistant.taxonomy import load_data

_GRANTS = "|".join(load_data("brief_words")["grant_verbs"])
_GRANT_COUNT_RE = re.compile(rf"^(?:全年|计划|预计|拟|共)*(?P<g>{_GRANTS})(?P<rest>.+)$")
# '对全县开通的42条农村客运班线给予运营补贴', '对18个养老服务中心按每个每年10万元给予运营补贴':
# a grant to recipients; their 开通 or 购置 is theirs, not the project's work
_GRANTED_TO_RE = re.compile(
    rf"^对(?P<who>[^，。；]{{2,40}}?)(?:按[^，。；]{{0,20}}?)?(?:给予|予以)[\u4e00-\u9fa5]{{0,4}}?"
    rf"(?P<g>{_GRANTS})$"
)
# '对既有住宅加装电梯给予每部20万元补贴': a grant whose clause is its standard (a 成本 row)
_PAID_GRANT_RE = re.compile(
    rf"(?P<what>[\u4e00-\u9fa5]{{2,}})(?:给予|予以)(?:每[\u4e00-\u9fa5])?[\d.]+万?元(?P<g>{_GRANTS})"
)


def sizes_other_work(
    text: str, clause: str, activities: list[Activity], count_re: re.Pattern
) -> bool:
    """The clause counts or explains work already read; a grant count is set on its work."""
    return _granted_count(text, activities, clause, count_re) or _uses_of_counted(
        text, clause, count_re
    )


def _uses_of_counted(text: str, clause: str, count_re: re.Pattern) -> bool:
    """'打造示范村5个，每村补助200万元，用于村内道路硬化、污水处理…': what the money of work counted
    elsewhere is used for is that work's content, no work of its own."""
    uses = clause.startswith("用于") and not count_re.search(clause)
    return uses and bool(count_re.search(text.replace(clause, "")))


def _granted_count(
    text: str, activities: list[Activity], clause: str, count_re: re.Pattern
) -> bool:
    """'对…加装电梯给予补贴，…全年计划补贴15部': the count is of the work paid for."""
    grant = _GRANT_COUNT_RE.match(clause)
    count = count_re.fullmatch(grant["rest"]) if grant else None
    act = (
        next((a for a in activities if a.count is None and a.verb == grant["g"]), None)
        if count
        else None
    )
    if act is None and count:
        act = _paid_grant(clause, text, grant["g"])
        activities += [act] if act else []
    if act is None:
        return False
    act.count, act.unit = to_count(count["num"]), count_unit(count["num"], count["unit"])
    return True


def _paid_grant(clause: str, text: str, grant: str) -> Activity | None:
    """The work a grant with its standard pays for, said before the count ('…加装电梯给予每部
    20万元补贴，计划补贴6部' -> 补贴 加装电梯)."""
    paid = [m for m in _PAID_GRANT_RE.finditer(text[: text.find(clause)]) if m["g"] == grant]
    if not paid:
        return None
    what = paid[-1]["what"]
    work = re.sub(r"^(?:对|完成)+", "", what.split("的")[0])
    if "的" in what and _names_work(f"对{work}"):  # '对完成加装电梯的既有住宅': the work paid for
        what = work
    words = jieba.lcut(what)
    what = "".join(words[-2:]) if len("".join(words[-2:])) <= 6 else words[-1]
    return Activity(verb=grant, object=what, text=clause)


def granted_to(clause: str, count_re: re.Pattern) -> list[Activity] | None:
    """A grant to recipients: the counted ones are the 数量 row (补贴 农村客运班线 42条); none when
    uncounted ones are described ('购置农机的农户': a later clause counts what is paid for); None
    for any other clause."""
    grant = _GRANTED_TO_RE.match(clause)
    if grant is None:
        return None
    who = grant["who"].split("的")[-1]
    parts = who.split("、")  # '对市区68条公交线路、850辆公交车给予运营补贴': each counted apart
    if len(parts) > 1 and all(count_re.search(p) for p in parts):
        return [a for p in parts for a in _granted_one(grant["g"], p, clause, count_re) or []]
    return _granted_one(grant["g"], who, clause, count_re, grant["who"])


def _granted_one(
    grant: str, who: str, clause: str, count_re: re.Pattern, said: str = ""
) -> list[Activity] | None:
    count = count_re.search(who)
    what = re.sub(r"^(?:全[市区县镇乡]|辖区)", "", strip_counts(who, count_re))
    if count is None and "的" not in said or _names_work(what):
        return None  # '对既有住宅加装电梯给予补贴': the work paid for, counted with it or later
    if count is None or len(what) < 2:
        return []
    unit = count_unit(count["num"], count["unit"])
    return [Activity(verb=grant, object=what[:16], count=to_count(count["num"]), unit=unit,
                     text=clause)]  # fmt: skip


def _names_work(what: str) -> bool:
    """'既有住宅加装电梯': a verb inside says work is paid for, not who is paid."""
    return any(t.flag == "v" and len(t.word) >= 2 for t in posseg.lcut(what)[1:])


# '保障低保对象3800人', '保障特困人员集中供养对象260人': the people provided for, counted (no effect)
_PROVIDED_RE = re.compile(
    r"^(?:全年)?(?P<v>保障|供养|救助|资助)(?P<who>[\u4e00-\u9fa5]{2,12}?)(?P<n>\d+(?:\.\d+)?万?)(?P<u>人|名|户)$"
)


def provided_for(clause: str) -> Activity | None:
    found = _PROVIDED_RE.match(clause)
    if found is None:
        return None
    return Activity(verb=found["v"], object=found["who"], count=to_count(found["n"]),
                    unit=count_unit(found["n"], found["u"]), text=clause)  # fmt: skip


def given_to_people(obj: str, clause: str, words: dict) -> Activity | None:
    """'…临时性困难的家庭给予临时救助': the help given is the work, not the families."""
    given = re.match(
        r"(?P<who>[\u4e00-\u9fa5]{2,6}?)(?P<v>给予|予以)(?P<what>[\u4e00-\u9fa5]{2,})", obj
    )
    if given and given["who"].endswith(tuple(words["people_nouns"])):
        return Activity(verb=given["v"], object=given["what"], text=clause)
    return None


def hired_staff(verb: str, who: str, count: str, clause: str) -> list[Activity]:
    """'聘用管护员32名对32座小型水库开展日常巡查': the staff hired are counted (聘用管护员 32名)
    as well as the work they do."""
    number = re.match(r"\d+", count)
    if not who or number is None:
        return []
    return [Activity(verb=verb, object=who, count=float(number.group(0)), unit="名", text=clause)]


def count_pattern(units: list[str]) -> re.Pattern:
    """A count as briefs write it ('不少于1200台'), never money, a share of a percent, '一次性'
    or a span of months."""
    alternatives = "|".join(sorted(set(units), key=len, reverse=True))
    return re.compile(
        rf"(?:不少于|不低于|至少|达到|超过|(?<![签预节契])约|共|合计|总计|累计|完成)?(?P<num>{NUM})\s*(?P<unit>{alternatives})(?![\u4e00-\u9fa5]*?[元]|性|百分点)(?<!个(?=月))"
    )


GENERIC_TAILS = ("活动", "工作", "任务", "服务", "项目")  # '宣传活动' counts 宣传 (次数)
_EACH_PLACE_RE = re.compile(r"每(?:个|所|家|座|处|校|村|站)")


def each_place_work(
    verb: str, lead: str, rest: str, clause: str, count_re: re.Pattern
) -> Activity | None:
    """'每个儿童之家每年开展活动不少于24次': each place's 活动 is the work counted, not the place;
    '各社区开展活动20次': the 社区's 活动. `lead` comes without its frequency (每年)."""
    tail, count = strip_counts(rest, count_re), total(rest, count_re)
    owner = re.sub(r"^各", "", lead)
    if not (count and tail in GENERIC_TAILS and re.fullmatch(r"[\u4e00-\u9fa5]{2,10}", owner)):
        return None
    # each place's count is named by per_person (每个儿童之家活动次数), from the quoted clause
    what = tail if _EACH_PLACE_RE.match(owner) else owner + tail
    unit = count_unit(count["num"], count["unit"])
    return Activity(verb=verb, object=what, count=to_count(count["num"]), unit=unit, text=clause)


_TOTAL_RE = re.compile(r"^(?:共计|合计|总计|共有|共)(?P<rest>\d.*)$")
_PART_RE = re.compile(
    r"^其中(?P<noun>[\u4e00-\u9fa5]{2,10}?)(?:不少于|不低于|达到)?(?P<rest>\d[^，、]*)$"
)


def total_of_last(clause: str, activities: list[Activity], count_re: re.Pattern, verbs) -> bool:
    """A clause that only counts the work before it: a part after 其中, or a total after 共计.
    True when it did (the clause is no work of its own)."""
    part = _PART_RE.match(clause)
    counted = count_re.fullmatch(part["rest"]) if part else None
    if counted is not None:
        return _part_of_counted(part["noun"], counted, clause, activities)
    found = _TOTAL_RE.match(clause)
    count = count_re.match(found["rest"]) if found else None
    if count is None or not activities:
        return False
    noun = found["rest"][count.end() :]
    if activities[-1].count is not None:
        return _total_of_each(noun, count, clause, activities)
    if not re.fullmatch(r"[\u4e00-\u9fa5]{1,6}", noun):
        return False
    # '…后端机房租赁服务，共计77个机柜': the total sizes the uncounted work (租赁 机柜 77个)
    last = activities[-1]
    verb = next((v for v in sorted(verbs, key=len, reverse=True) if last.verb.endswith(v)), "")
    activities[-1] = Activity(verb=verb or last.verb, object=noun, count=to_count(count["num"]),
                              unit=count_unit(count["num"], count["unit"]), text=clause)  # fmt: skip
    return True


def _part_of_counted(noun: str, counted: re.Match, clause: str, activities: list[Activity]) -> bool:
    """'举办主体班次18期，…其中县处级干部班6期': a part of the counted work, named by its work."""
    unit = count_unit(counted["num"], counted["unit"])
    whole = [a for a in activities if a.count is not None and a.unit == unit]
    if not whole:
        return False
    name = part_name(noun, whole[-1])
    activities.append(Activity(verb=name, object=name, count=to_count(counted["num"]), unit=unit,
                               text=clause))  # fmt: skip
    return True


# Verbs that say only that work is done, not which: a name keeps the work after them.
PLAIN_VERBS = ("开展", "组织", "举办", "召开", "进行", "完成", "实施", "提供", "负责", "依托")
_ACTIVITY_VERBS = load_data("brief_words")["activity_verbs"]


def part_name(noun: str, whole: Activity) -> str:
    """The name of a part after 其中 by the whole's work: 抽查 + 住宅电梯 -> 抽查住宅电梯;
    (完成) 食品抽检 + 食用农产品 -> 食用农产品抽检 (the work 完成 says nothing of)."""
    if whole.verb not in PLAIN_VERBS:
        return noun if noun.startswith(whole.verb) else whole.verb + noun
    work = next((v for v in _ACTIVITY_VERBS if whole.object.endswith(v)), "")
    return noun if not work or noun.endswith(work) else noun + work


def _total_of_each(noun: str, count: re.Match, clause: str, activities: list[Activity]) -> bool:
    """'每校配备专职保安2名，共90名': the total beats the count per place (配备专职保安 90名)."""
    last = activities[-1]
    unit = count_unit(count["num"], count["unit"])
    if noun or unit != last.unit or not _EACH_PLACE_RE.search(last.text):
        return False
    activities[-1] = last.model_copy(update={"count": to_count(count["num"]), "text": clause})
    return True


# '开展创业培训4期200人次': the sessions and the people trained, two counts of one work
_SESSIONS_THEN_PEOPLE_RE = re.compile(
    r"\d+(?:\.\d+)?(?:期|批|班|场)(?:共|计|培训)?(?P<n>\d+(?:\.\d+)?万?)(?P<u>人次|人|名)"
)


def people_after_sessions(acts: list[Activity], clause: str) -> list[Activity]:
    """The people a count of sessions is followed by ('4期200人次') are the work's second count."""
    found = _SESSIONS_THEN_PEOPLE_RE.search(clause)
    sized = [a for a in acts if a.count is not None and a.unit in ("期", "批", "班", "场")]
    if found is None or len(sized) != 1:
        return acts
    first = sized[0]
    unit = count_unit(found["n"], found["u"])
    verb = "参加" if first.object.endswith(("培训", "班")) else "参与"  # 参加创业培训人次
    people = Activity(verb=verb, object=first.object, count=to_count(found["n"]), unit=unit,
                      text=clause)  # fmt: skip
    return [*acts, people]


def named_before(acts: list[Activity], text: str) -> list[Activity]:
    """'对新认定的高新技术企业每家奖励10万元，预计认定30家': a count said by its verb alone counts
    what that verb named before (认定 高新技术企业 30家)."""
    named = []
    for act in acts:
        before = text[: text.find(act.text)] if act.text in text else ""
        found = re.findall(
            rf"{re.escape(act.verb)}的([\u4e00-\u9fa5]{{2,8}}?)(?=每|给予|[，。；])", before
        )
        bare = act.count is not None and act.object == act.verb and found
        named.append(act.model_copy(update={"object": found[-1]}) if bare else act)
    return named
