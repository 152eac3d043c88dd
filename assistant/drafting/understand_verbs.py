"""Where a clause's work starts and which verb it is: lead words, a content list, who does it,
the first activity verb (a verb before the people it names does not count), a list's parts."""

from __future__ import annotations

import re

import jieba.posseg as posseg

from assistant.drafting.organisations import UNIT_SUFFIX

LEAD_RE = re.compile(
    r"^(?:分(?=\d)|主要|计划|拟|将|需要|要|全年|年内|每年|同时|并|并且|还要|还|另外|以及|通过|负责|用于|包括|涉及|其中|共|累计|预计|由|进行|"
    r"该项目为|本项目为|项目|内容|包含|含|为|是|在|今年|明年|本年度)+"
)
# '通过政府采购为45所学校配备保安': how the work is bought, not the work (配备保安)
_MEANS_RE = re.compile(r"^(?:政府)?(?:采购|购买服务|公开招标|招标)(?:的?方式)?(?=[为向对给])")
_ARRANGED_RE = re.compile(
    r"^[^，]{0,6}?(?:组织|负责|牵头)(?=对[^，]{2,24}?(?:开展|进行|实施))"
    r"|^(?:组织|邀请|委托)[\u4e00-\u9fa5]{2,8}?(?:剧团|团队|机构|公司|单位|专家)(?=为\d|为[^，]{0,4}\d)"
    r"|^组织[^，]{2,12}?赴[^，]{2,10}?(?=开展|参加)"  # '组织中小学生赴研学基地开展研学实践活动'
    # '组织高校毕业生和青年参加就业见习400人': the people counted are who take part
    r"|^组织[\u4e00-\u9fa5]{2,14}?(?=(?:参加|参与)[^，、]*?\d+万?(?:人|名))"
)  # '组织专业剧团为全县18个乡镇送戏120场': the work is 送戏 for the 18 乡镇
FREQ_START_RE = re.compile(r"^(?:每|按)(?:日|天|周|月|季度|季|半年|年|学期)")
_CONTENT_RE = re.compile(
    r"^(?:(?P<what>[\u4e00-\u9fa5]{0,4})(?P<kind>内容|项目))?(?:主要)?(?:包括|包含)"
)


def two_verbs(text: str, words: dict) -> bool:
    """'巡检维护', '清理清运': work said by two verbs, nothing else."""
    verbs = "|".join(words["activity_verbs"])
    return bool(re.fullmatch(rf"(?:{verbs}){{2}}", text))


def work_clause(clause: str) -> str:
    """The clause from its work on: '包括保安、保洁…' is a service's content, provided (not all
    维护); '由县水利工程管理站对…开展' names who does it, then what it is done on."""
    content = _CONTENT_RE.match(clause)  # '改造内容包括雨污分流、…': the work's content
    if content:  # a service's content is provided, a work's is carried out (items, not events)
        verb = "提供" if not content["what"] or "服务" in content["what"] else "完成"
        return verb + LEAD_RE.sub("", clause[content.end() :])
    clause = _MEANS_RE.sub("", LEAD_RE.sub("", clause))
    clause = _ARRANGED_RE.sub("", clause)  # '组织对78所中小学开展…检查': the work is the 检查
    clause = re.sub(rf"^[\u4e00-\u9fa5]{{2,20}}?{UNIT_SUFFIX}(?=对)", "", clause)
    # '对…对象450人实行手机定位和电子监管': work done to the people counted, as 开展 is
    clause = re.sub(r"(?<=\d[人名户])实行(?=[\u4e00-\u9fa5]{2})", "开展", clause)
    return re.sub(r"^对(?P<o>[^，]{2,24}?)(?=开展|进行|实施)", r"\g<o>", clause)


def work_content(clause: str) -> tuple[str, list[str]]:
    """'改造内容包括屋面防水、外墙保温、雨污分流' -> (改造, its three items): what a work consists of,
    one counted row; a service's content ('服务内容包括保安、保洁') is provided item by item: none."""
    content = _CONTENT_RE.match(clause)
    what = (content["what"] or "") if content else ""
    if not content or "服务" in what or not (what or clause.startswith("主要包括")):
        return "", []
    what = f"{what}{content['kind']}" if what else ""  # 改造内容, 体检项目
    # '主要包括屋面防水、门窗更换和卫生间改造': the content of the work before it, no work itself
    return what, list_parts(re.sub(r"^[：:]", "", clause[content.end() :]))


def starts_with_verb(clause: str, words: dict) -> bool:
    """'举办村组干部培训班' is work; '智慧供热监管平台运行维护' is the project's title."""
    return clause.startswith(tuple(words["activity_verbs"]))


def list_parts(text: str) -> list[str]:
    # 和谐, 及时, 普及 and 参与 are words, not a list's joints
    return [p for p in re.split(r"、|和(?!谐)|(?<!普)及(?!时)|(?<!参)与|以及|并", text) if p]


def _as_verb(clause: str, verb: str, words: dict) -> list[int]:
    """Where a verb stands as a verb: '检测机构', '维修人员' name who does it (the first that is)."""
    starts = [m.start() for m in re.finditer(re.escape(verb), clause)]
    doers = tuple(words["doer_nouns"])
    return [
        at
        for at in starts
        if not clause.startswith(doers, at + len(verb)) and not _in_noun(clause, at, verb, words)
    ][:1]


def _in_noun(clause: str, at: int, verb: str, words: dict) -> bool:
    """'村级组织', '党组织': the verb is part of a noun there."""
    for noun in words["verb_nouns"]:
        inside = noun.find(verb)
        if inside >= 0 and at >= inside and clause.startswith(noun, at - inside):
            return True
    return False


_LATE_WORK_RE = re.compile(r"(?:进行|开展|实施)(?:日常|定期|运行)?$")


def verb_at(clause: str, words: dict) -> tuple[str, int]:
    """The first activity verb of the clause (longest at a place), else jieba's first verb."""
    found = [
        (at, -len(v), v)
        for v in words["activity_verbs"]
        if v in clause
        for at in _as_verb(clause, v, words)
        if at <= 24 or _LATE_WORK_RE.search(clause[:at])  # '对…(a long list)进行维护'
    ]
    # '为签约居民每年提供…': a verb before people (签约居民) says which people, when work follows
    people, general = tuple(words["people_nouns"]), words["general_verbs"]
    found = [
        f
        for f in found
        if f[2] in general or not clause.startswith(people, f[0] - f[1]) or f == max(found)
    ]
    if found:
        index, _, verb = min(found)
        return verb, index
    position = 0
    for token in posseg.cut(clause[:16]):
        word = token.word
        if token.flag == "v" and len(word) >= 2 and not _in_noun(clause, position, word, words):
            return word, position
        position += len(token.word)
    return "", -1


def paired_work(verb: str, before: str, rest: str, words: dict) -> tuple[str, str]:
    """'对…320座进行日常维护和清洗': two verbs after 进行 are one work (维护和清洗)."""
    paired = re.fullmatch(r"[和及](?P<v>[\u4e00-\u9fa5]{2})", rest)
    if (
        paired
        and paired["v"] in words["activity_verbs"]
        and re.search(r"进行(?:日常|定期)?$", before)
    ):
        return f"{verb}和{paired['v']}", ""
    return verb, rest


def free_work(before: str, verb: str) -> tuple[str, str]:
    """'…重点人群免费体检2.4万人': 免费 before a verb belongs to the work (免费体检)."""
    if before.endswith("免费") and len(before) > 2 and verb not in ("开展", "进行", "实施", "提供"):
        return before[:-2], "免费" + verb
    return before, verb


def before_next_work(part: str, count_re: re.Pattern, words: dict) -> str:
    """'护林员120名开展巡山护林': what is counted ends at its count when more work follows."""
    count = count_re.search(part)
    after = FREQ_START_RE.sub("", part[count.end() :]) if count else ""  # '180人按月发放…'
    if count and starts_with_verb(after, words) and count.start() >= 2:
        return part[: count.end()]
    return part


def condition_first(before: str, clause: str, words: dict, count_re: re.Pattern) -> bool:
    """'做到城市燃气安全运行、风险监测的精细化管理': a condition governs the clause, and the
    监测 inside it is no work of its own (a count would make it one)."""
    starts = before.startswith(tuple(words["non_activity_verbs"]))
    return starts and not count_re.search(clause)
