"""More chat commands -> Edit: named indicators, descriptions, moves, header fields and goals.

"加一条水质合格率，不低于95%", "增加一个指标：维修供水管网不少于30公里", "加一个质量指标：管网漏损率",
"把第3行的描述改为…", "把第3行移到质量指标", "主管部门是县水务局", "项目名称改为…",
"财政资金60万元，其他资金20万元", "2027年", "把绩效目标改为：…". The word lists behind placement
are data (assistant/data/chat_words.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.drafting.amounts import check_amounts, parse_amount_wan
from assistant.drafting.brief import _ACTION_WORDS, BriefInvalid, parse_brief
from assistant.drafting.edit_model import Edit
from assistant.drafting.organisations import UNIT_SUFFIX
from assistant.schema import (
    COST,
    COST_L2,
    ECONOMIC_COST,
    LEVEL2_PARENTS,
    QUANTITY,
    Draft,
    IndicatorValue,
)
from assistant.taxonomy import load_data

RowFinder = Callable[[str, Draft], "int | None"]


def chat_words() -> dict:
    """What the chat understands beyond its fixed commands (assistant/data/chat_words.yaml)."""
    return load_data("chat_words")


_CHANGE = r"(?:改为|改成|调整为|调整成|设为|设置为|修改为|变为|换成|定为|写为|写成)"
_ADD = r"(?:增加|添加|新增|再加|补充|加上|加)"
_COUNT = r"(?:一个|一行|一条|1个|1条|个|条|项|一项)?"
# Operators and numbers that start a value inside a phrase: 「不少于30公里」, 「≥95%」, 「100%」.
_VALUE_START = r"(?:不低于|不少于|不超过|不高于|大于等于|小于等于|达到|≥|≤|>=|<=|＞|＜|>|<|=|＝|\d)"
_PHRASE_VALUE_RE = re.compile(
    rf"^(?P<name>[\u4e00-\u9fa5][^≥≤<>=＝＞＜\d]*?)[，,：:\s]*(?:为|是|要)?(?P<value>{_VALUE_START}.*)$"
)
_FIELD_LABELS = {
    "项目名称": "name",
    "名称": "name",
    "主管部门": "department",
    "主管单位": "department",
    "实施单位": "unit",
    "申报单位": "unit",
    "单位名称": "unit",
}
_FIELD_RE = re.compile(
    rf"(?P<label>{'|'.join(sorted(_FIELD_LABELS, key=len, reverse=True))})"
    rf"(?:和(?P<label2>实施单位|主管部门))?(?:都)?\s*(?:{_CHANGE}|是|为|叫|[：:])\s*(?P<value>[^，,；;。]+)"
)
_SPLIT_BUDGET_RE = re.compile(
    r"(?P<label>财政资金|财政拨款|财政|其他资金|自筹资金|自筹|其他)(?:资金)?\s*(?:是|为|[：:])?\s*"
    r"(?P<amount>\d[\d,.]*\s*(?:万元|万|元|亿元))"
)
# Bare answers to 「项目预算是多少万元？」 and 「主管部门和实施单位是哪个单位？」.
_BARE_AMOUNT_RE = re.compile(
    r"^(?:是|共|总共|预算)?\s*(?P<amount>\d[\d,.]*\s*(?:万元|万|元|亿元))$"
)
_BARE_UNIT_RE = re.compile(
    rf"^(?:是|单位是|我们是|由)?(?P<name>[\u4e00-\u9fa5]{{2,30}}{UNIT_SUFFIX})$"
)
_BARE_YEAR_RE = re.compile(r"^(?:是|年度是|属于)?(?P<year>(?:19|20)\d{2})\s*年度?(?:的|预算)?$")
_GOALS_RE = re.compile(
    rf"^(?:请)?(?:把|将)?(?:年度)?(?:绩效目标|总体目标|年度目标|目标)(?:的内容|内容|文字)?"
    rf"\s*(?:{_CHANGE}|是|[：:])\s*[：:]?\s*(?P<text>.+)$",
    re.S,
)
_DESCRIBE_RE = re.compile(
    rf"^(?:请)?(?:把|将|给)?(?P<target>.+?)(?:的)?(?:指标描述|绩效指标描述|描述|说明|指标解释|解释)"
    rf"\s*(?:{_CHANGE}|[：:]|是)\s*(?P<text>.+)$",
    re.S,
)
_MOVE_RE = re.compile(
    r"^(?:请)?(?:把|将)?(?P<target>.+?)(?:移到|移至|挪到|放到|调到|归到|归入|移入|移动到|改到|调整到|放入)"
    r"(?P<slot>[^，。]+?)(?:指标)?(?:下面|下|里|中|类|一栏)?$"
)


def parse_more(text: str, draft: Draft, find_row: RowFinder) -> Edit | None:
    """The Edit for one of the commands above, or None (`find_row`: edit_rules' row lookup)."""
    for parser in (_goals_cmd, _budget_split_cmd, _year_bare_cmd, _field_cmd, _bare_answer_cmd):
        edit = parser(text)
        if edit is not None:
            return edit
    if match := _DESCRIBE_RE.match(text):
        row = find_row(match["target"].strip(), draft)
        if row:
            return Edit(kind="describe", row=row, text=_clean(match["text"]))
    if match := _MOVE_RE.match(text):
        level2 = level2_named(match["slot"], draft)
        row = find_row(match["target"].strip(), draft)
        if level2 and row:
            return Edit(kind="move_row", row=row, level2=level2)
    return _add_named_cmd(text, draft)


def spans_clauses(edit: Edit | None) -> bool:
    """True for one command whose text has commas in it, not several commands: new goals, two
    header fields, a named row with its value, a budget split into 财政 and 其他."""
    if edit is None:
        return False
    split_budget = edit.kind == "set_budget" and (edit.fiscal is not None or edit.other is not None)
    return split_budget or edit.kind in ("set_goals", "set_field", "add_named", "describe")


def split_phrase_value(edit: Edit, draft: Draft) -> Edit:
    """「满意度指标改成受益群众满意度≥92%」: a new name and a value, not one qualitative value."""
    if edit.kind != "set_value" or not edit.value:
        return edit
    if IndicatorValue.parse(edit.value).kind == "quantitative":
        return edit
    match = _PHRASE_VALUE_RE.match(edit.value.strip())
    if not match or len(match["name"].strip()) < 2:
        return edit
    value = _value_text(match["value"])
    if IndicatorValue.parse(value).kind != "quantitative":
        return edit
    return Edit(kind="set_row", row=edit.row, name=match["name"].strip(), value=value)


def level2_named(word: str, draft: Draft) -> str | None:
    """The 二级 a user names ('质量', '社会效益指标', '满意度'), in the draft's layout for costs."""
    word = word.strip().removesuffix("指标").removeprefix("服务对象")
    level2 = chat_words()["level2_words"].get(word)
    if level2 == COST_L2 and draft.table.layout == "new":
        return ECONOMIC_COST
    return level2


def level2_for_name(name: str, value: str, draft: Draft) -> str:
    """Where a named indicator goes: by words in its name, then by the unit of its value."""
    words = chat_words()
    for level2, keys in words["level2_by_name"].items():
        if any(k in name for k in keys):
            return level2_named(level2, draft) or level2
    parsed = IndicatorValue.parse(value) if value else None
    if parsed is not None:
        for level2, units in words["value_units"].items():
            if any(parsed.unit.startswith(u) or parsed.raw.endswith(u) for u in units):
                return level2
    return QUANTITY


def level1_of(level2: str, draft: Draft) -> str:
    if level2 in (ECONOMIC_COST,) or (level2 == COST_L2 and draft.table.layout == "new"):
        return COST
    return LEVEL2_PARENTS[level2][0]


# ---------------------------------------------------------------- the parsers


def _add_named_cmd(text: str, draft: Draft) -> Edit | None:
    match = re.match(
        rf"^(?:请)?(?:再)?(?P<verb>{_ADD})(?P<count>{_COUNT})(?:(?P<slot>[\u4e00-\u9fa5]{{2,5}}?)(?:类)?)?(?:指标)?"
        rf"(?:[，,：:\s]+|叫|是|为|关于)?(?P<rest>.+)$",
        text,
        re.S,
    )
    if not match:
        return None
    if match["verb"] == "加" and not match["count"] and "指标" not in text:
        return None  # 「加强宣传」「加快进度」 are not requests for a row
    slot_word, rest = match["slot"], match["rest"].strip("「」“”\"' ，,：:")
    level2 = level2_named(slot_word, draft) if slot_word else None
    if slot_word and level2 is None:
        rest = f"{slot_word}{rest}"  # 「加一条水质合格率」: 水质 is part of the name
    rest = re.sub(r"^指标[：:，,\s]*", "", rest)  # 「增加一个指标：…」
    rest = re.sub(r"^(?:关于|有关|叫做|叫|是)", "", rest)  # 「加一个质量指标，关于供水水质」
    if not rest or chat_words()["level2_words"].get(rest.removesuffix("指标").removesuffix("类")):
        return None  # 「增加一个生态效益指标」 is the slot command, not a name
    name, value = _name_and_value(rest)
    name = re.sub(r"(?<=..)(?:这个|这项|这一)?指标$", "", name)  # 「加水质合格率指标」
    if len(name) < 2:
        return None
    return Edit(kind="add_named", name=name, value=value or None, level2=level2)


def _name_and_value(text: str) -> tuple[str, str]:
    match = _PHRASE_VALUE_RE.match(text)
    if not match:
        return text.strip("，,。 "), ""
    return match["name"].strip("，,：: 的"), _value_text(match["value"])


def _value_text(value: str) -> str:
    value = value.strip("，,。 ").removeprefix("达到")
    parsed = IndicatorValue.parse(value)
    return parsed.render() if parsed.kind == "quantitative" else value


def _field_cmd(text: str) -> Edit | None:
    # 「主管部门是A，实施单位是B」 and 「主管部门和实施单位都是A」 set two fields at once.
    fields = {}
    for match in _FIELD_RE.finditer(text):
        for label in filter(None, (match["label"], match["label2"])):
            fields[_FIELD_LABELS[label]] = _clean(match["value"])
    return Edit(kind="set_field", fields=fields) if fields else None


def _budget_split_cmd(text: str) -> Edit | None:
    check_amounts(text)  # 「财政资金-60万元」 is no amount of 60
    parts = {m["label"][:2]: parse_amount_wan(m["amount"]) for m in _SPLIT_BUDGET_RE.finditer(text)}
    fiscal = parts.get("财政")
    other = next((parts[k] for k in ("其他", "自筹") if k in parts), None)
    if fiscal is None and other is None:
        return None
    total_match = re.search(
        r"(?:预算|总额|合计|共|总计)[^\d]{0,6}(\d[\d,.]*\s*(?:万元|万|元|亿元)?)", text
    )
    total = parse_amount_wan(total_match.group(1)) if total_match else None
    if total is None:
        total = (
            (fiscal or 0.0) + (other or 0.0) if fiscal is not None and other is not None else None
        )
    return Edit(kind="set_budget", budget=total, fiscal=fiscal, other=other)


def _bare_answer_cmd(text: str) -> Edit | None:
    """「80万元」 answers the budget question; 「县水务局」 the unit question (主管部门)."""
    if match := _BARE_AMOUNT_RE.match(text.strip()):
        check_amounts(text)
        amount = parse_amount_wan(match["amount"])
        return Edit(kind="set_budget", budget=amount) if amount else None
    if match := _BARE_UNIT_RE.match(text.strip()):
        return Edit(kind="set_field", fields={"department": match["name"]})
    return None


def _year_bare_cmd(text: str) -> Edit | None:
    match = _BARE_YEAR_RE.match(text.strip())
    return Edit(kind="set_year", year=int(match["year"])) if match else None


def _goals_cmd(text: str) -> Edit | None:
    match = _GOALS_RE.match(text)
    if not match:
        return None
    return Edit(kind="set_goals", text=match["text"].strip())


def _clean(text: str) -> str:
    return text.strip().strip("「」“”\"'《》 。")


# ---------------------------------------------------------------- what kind of chat turn


def is_undo(text: str) -> bool:
    return text.strip(" 。！!") in chat_words()["undo"]


def is_confirm_new(text: str) -> bool:
    return text.strip(" 。！!，,") in chat_words()["confirm_new_draft"]


def looks_like_brief(text: str) -> bool:
    """A description of a (new) project rather than a change: work words plus money or a year,
    and none of the words that ask for a change (「预算改成90万」 is an edit)."""
    if re.search(_CHANGE, text) or not any(word in text for word in _ACTION_WORDS):
        return False
    if _FIELD_RE.match(text) or _GOALS_RE.match(text):
        return False  # 「项目名称是…」 answers a question about the open draft
    try:
        brief = parse_brief(text)
    except BriefInvalid:
        return False
    has_project = brief.budget.total is not None or "项目" in text or "工程" in text
    return has_project and (brief.year is not None or brief.budget.total is not None)
