"""Organisation names in a brief: the unit that files the table (主管部门) and the one that does the
work (实施单位). Both the brief parser and the fact reader take the unit from `find_department`.

A name ends in one of the organisation endings of `assistant/data/brief_words.yaml`
(`unit_suffixes`). A station, school or 合作社 the work is done on is no unit: an unlabelled name
counts only where the brief starts a clause with it or it carries a place name.
"""

from __future__ import annotations

import re

from assistant.schema import Department
from assistant.taxonomy import load_data

_WORDS = load_data("brief_words")
# Longest first, so 管理委员会 wins over 委员会 and 街道办事处 over 街道.
UNIT_SUFFIX = "(?:{})".format("|".join(sorted(_WORDS["unit_suffixes"], key=len, reverse=True)))

# '主管部门名称：326301 某中心', '单位是某局'.
_LABEL_VALUE = (
    rf"(?:名称)?[：:是为]?\s*(?:(?P<code>\d{{6}})\s*)?"
    rf"(?P<name>[\u4e00-\u9fa5]{{2,30}}{UNIT_SUFFIX})"
)
# The 主管部门 files the table: its label wins over a 实施单位 written before it.
_OWNER_LABELLED_RE = re.compile(rf"主管(?:部门|单位){_LABEL_VALUE}")
_LABELLED_RE = re.compile(rf"(?:实施单位|申报单位|单位|部门){_LABEL_VALUE}")
_BRACKETED_RE = re.compile(rf"[（(](?P<name>[\u4e00-\u9fa5]{{2,30}}{UNIT_SUFFIX})[）)]")
# What may follow a unit that starts a clause: an end, a code or year, or the verb of its work.
_CLAUSE_UNIT_RE = re.compile(
    rf"(?P<name>[\u4e00-\u9fa5]{{1,24}}?{UNIT_SUFFIX})"
    r"(?=$|[，。；,;、\s\d（(由负将拟计需要在对承开组实申牵为今明])"
)
# '黄山市公安局雪亮工程…': a place-led agency name that runs straight into the project name.
_AGENCY_SUFFIX = "(?:{})".format("|".join(sorted(_WORDS["agency_suffixes"], key=len, reverse=True)))
# A longer body follows within two characters ('…委员会办公室'); '区住建局城镇燃气…' has none
# (城镇 is no body)
_LONGER_AGENCY = rf"[\u4e00-\u9fa5]{{0,2}}{_AGENCY_SUFFIX}"
_LONG_AGENCY_SUFFIX = "(?:{})".format("|".join(s for s in _WORDS["agency_suffixes"] if len(s) >= 2))
# '县残联残疾人…': a one-character place before a two-character body (残联, 妇联, 团委) is a name too
_RUN_ON_RE = re.compile(
    rf"(?:[\u4e00-\u9fa5]{{2,20}}?{_AGENCY_SUFFIX}|[\u4e00-\u9fa5]{_LONG_AGENCY_SUFFIX})"
    rf"(?!{_LONGER_AGENCY}|的)"
)
_AGENCY_BEFORE_WORK_RE = re.compile(
    rf"[\u4e00-\u9fa5]{{2,20}}?{_AGENCY_SUFFIX}(?=(?:{'|'.join(_WORDS['activity_verbs'])}))"
)
_IMPLEMENTING_RE = re.compile(
    rf"(?:实施单位(?:名称)?|由)\s*[：:为是]?\s*(?:\d{{6}}\s*)?(?P<u>[\u4e00-\u9fa5（）()]{{2,30}}?{UNIT_SUFFIX})"
    r"(?=实施|负责|承担|对|$|[，。；,;\s])"  # '由县水利工程管理站对…开展管护'
)
_LEAD_WORDS_RE = re.compile(
    r"^(?:我们是|我们|我单位是|我单位|本单位|单位是|单位|部门|主管部门|由|是)"
)
_CLAUSE_LEAD_RE = re.compile(r"^\s*(?:\d{6}\s*)?(?:(?:19|20)\d{2}\s*年度?\s*)?")
_CLAUSE_SPLIT_RE = re.compile(r"[，。；！？,;!?\n]+|\s+(?=[\u4e00-\u9fa5]{2,4}[：:])")
_PLACE_RE = re.compile(r"^[\u4e00-\u9fa5]{1,6}?[省市区县镇街]")
# A name that starts with the work or a preposition is what the work is on ('巡检燃气管道和场站',
# '对静安区供热站').
_NOT_UNIT_STARTS = [
    *"项目 工程 全市 全区 全县 辖区 本市 计划 对 为 给 向 在".split(),
    *_WORDS["activity_verbs"],
]
_NOT_UNIT_RE = re.compile("^(?:{})".format("|".join(_NOT_UNIT_STARTS)))
# '为13个社区开展…', '三所学校': a count's places, not a unit ('个社区' carries no place name).
_COUNTED_RE = re.compile(r"[一二两三四五六七八九十百千万]*[个所家座名位户]")
CODE_RE = re.compile(r"(?<![\d.])(\d{6})(?![\d.元万亿千])")
_IMPLEMENTING_CODE_RE = re.compile(r"实施单位(?:名称)?[：:是为]?\s*\d{6}")


def find_department(text: str) -> Department:
    """The unit of a brief with its 6-digit code: the labelled 主管部门 ('主管部门：…', even after a
    '实施单位：…'), else another labelled unit ('实施单位：…', '单位：…'), a bracketed one
    ('我们中心（…中心）'), a clause that starts with it, else a place-led name the brief opens with."""
    # A code written after the 实施单位 label is that unit's, not the 主管部门's.
    code_match = CODE_RE.search(_IMPLEMENTING_CODE_RE.sub("", text))
    code = code_match.group(1) if code_match else ""
    for pattern in (_OWNER_LABELLED_RE, _LABELLED_RE):
        if match := pattern.search(text):
            return Department(code=match["code"] or code, name=match["name"])
    if match := _BRACKETED_RE.search(text):
        return Department(code=code, name=match["name"])
    return Department(code=code, name=_clause_unit(text) or _run_on_unit(text))


def _clause_unit(text: str) -> str:
    for clause in _CLAUSE_SPLIT_RE.split(text):
        # '2026年县疾控中心…': the year is no part of the unit's name
        clause = _CLAUSE_LEAD_RE.sub("", clause or "")
        for match in _CLAUSE_UNIT_RE.finditer(clause):
            name = _LEAD_WORDS_RE.sub("", match["name"])
            # '市气象局新建区域自动气象站20个': the agency, not the station it builds
            name = (_AGENCY_BEFORE_WORK_RE.match(name) or [name])[0]
            at_start = match.start() == 0 or clause[: match.start()].endswith(("由", "是", "："))
            if (
                len(name) >= 3
                and (at_start or _PLACE_RE.match(name))
                and not _NOT_UNIT_RE.match(name)
                and not re.search(r"\d\s*$", clause[: match.start()])
                and not _COUNTED_RE.match(name)
            ):
                return name
    return ""


def _run_on_unit(text: str) -> str:
    """A unit name the brief opens with after a place name, ending where a word ends (jieba):
    '黄山市公安局' of '黄山市公安局雪亮工程', but no '…监测站' of '…监测站点运维'."""
    head = _CLAUSE_LEAD_RE.sub("", text)[:30]
    match = _RUN_ON_RE.match(head)
    if not match:
        return ""
    import jieba.posseg  # loaded on first need: only briefs that run the unit into the name get here

    words = list(jieba.posseg.cut(head, HMM=False))
    if not (words[0].flag == "ns" or re.match(r"某?[省市区县州镇乡](?!民)", words[0].word)):
        return ""  # '今年要做社区…': no place, no unit ('县公安局' is one word)
    ends = {sum(len(w.word) for w in words[: n + 1]) for n in range(len(words))}
    return match.group(0) if match.end() in ends else ""


def implementing_unit(text: str, unit: str) -> str:
    """The unit that does the work ('由区市政工程建设中心实施'), when it is not `unit` itself."""
    match = _IMPLEMENTING_RE.search(text)
    return match["u"] if match and match["u"] != unit else ""
