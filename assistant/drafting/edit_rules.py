"""Chinese chat commands -> Edit: the rules behind `Drafter.chat_edit`.

"把检查家次改为≥250家次", "第2行的指标值改成≤15日", "删除第3行", "增加一个生态效益指标",
"预算改成90万", "年度改为2027年", "把第1行改名为巡检管道长度", "重新生成满意度指标".
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz

from assistant.drafting.adapt import brief_words, swap_nouns
from assistant.drafting.amounts import check_amounts, parse_amount_wan, to_number
from assistant.drafting.chat_commands import parse_more, split_phrase_value
from assistant.drafting.edit_model import Edit
from assistant.schema import ECO_BENEFIT, ECONOMIC_BENEFIT, SUSTAINABLE, Draft
from assistant.taxonomy import RELATIVE_YEARS, SLOT_ALIASES, SLOT_DEFAULT_LEVEL2

CHAT_GUIDE = (
    "对话里可以这样说：\n"
    "· 改指标值：把检查家次改为≥250家次 / 第2行的指标值改成≤15日\n"
    "· 改名称和值：满意度指标改成受益群众满意度≥92%\n"
    "· 加指标：加一条水质合格率，不低于95% / 增加一个指标：维修供水管网不少于30公里 / "
    "加一个质量指标：管网漏损率 / 增加一个生态效益指标\n"
    "· 改名、改描述、移动：把第1行改名为巡检管道长度 / 把第3行的描述改为… / 把第3行移到质量指标\n"
    "· 删除或重选：删除第3行 / 重新生成满意度指标\n"
    "· 表头：主管部门是县水务局 / 实施单位是县供水站 / 项目名称改为… / 2027年 / "
    "预算改成90万 / 财政资金60万元，其他资金20万元\n"
    "· 绩效目标：把绩效目标改为：……\n"
    "· 撤销上一步修改：撤销\n"
    "· 描述另一个项目（如「2026年农村供水管网维修，预算120万元」）可新建草稿"
)
HELP = "没看懂这条修改。" + CHAT_GUIDE
HELP_WORDS = ("帮助", "help", "怎么用", "能说什么", "说明", "使用说明", "?", "？")
_NUM = r"(\d+|[一二三四五六七八九十两]+)"
_CHANGE = r"(?:改为|改成|调整为|调整成|设为|设置为|修改为|变为|换成|定为)"
_LEVEL2_WORDS = {
    "经济效益": ECONOMIC_BENEFIT,
    "生态效益": ECO_BENEFIT,
    "可持续影响": SUSTAINABLE,
    "可持续": SUSTAINABLE,
}
_SLOT_WORDS = "经济效益|社会效益|生态效益|可持续影响|可持续|满意度|满意|数量|质量|时效|成本|效益"
_RELATIVE = "|".join(sorted(RELATIVE_YEARS, key=len, reverse=True))


# ---------------------------------------------------------------- command rules


def parse_command(text: str, draft: Draft) -> Edit | None:
    """The Edit a Chinese command asks for, or None when the rules do not understand it."""
    text = re.sub(r"[\s。！!？?]+$", "", (text or "").strip())
    edit = parse_more(text, draft, find_row)
    if edit is not None:
        return edit
    for parser in (
        _budget_cmd,
        _year_cmd,
        _rename_cmd,
        _remove_cmd,
        _add_cmd,
        _regen_cmd,
        _value_cmd,
    ):
        edit = parser(text, draft)
        if edit is not None:
            return split_phrase_value(edit, draft)
    return None


def _row_number(token: str) -> int | None:
    number = to_number(token)
    return int(number) if number else None


def find_row(target: str, draft: Draft) -> int | None:
    """1-based row named by '第N行' or by (a close variant of) its 三级 name."""
    match = re.fullmatch(rf"第{_NUM}行(?:的)?(?:指标|指标值|目标值|值)?", target)
    if match:
        return _row_number(match.group(1))
    target = re.sub(r"(?:的)?(?:指标值|目标值|指标|值)$", "", target)
    swapped = swap_nouns(target, brief_words(draft.brief))
    best, best_score = None, 0.0
    for n, indicator in enumerate(draft.table.indicators, start=1):
        score = max(fuzz.ratio(t, indicator.name) for t in (target, swapped))
        if target and (target in indicator.name or swapped in indicator.name):
            score = max(score, 90.0)
        if score > best_score:
            best, best_score = n, score
    return best if best_score >= 60 else None


def _budget_cmd(text: str, draft: Draft) -> Edit | None:
    match = re.search(rf"预算(?:金额|数)?\s*{_CHANGE}?\s*(?P<amount>.+)$", text)
    if not match:
        return None
    check_amounts(match["amount"])  # '改成-90万' is no budget of 90
    amount = parse_amount_wan(match["amount"])
    if amount is None:
        number = to_number(re.sub(r"[^\d.零〇一二两三四五六七八九十百千点]", "", match["amount"]))
        amount = number
    return Edit(kind="set_budget", budget=amount) if amount is not None else None


def _year_cmd(text: str, draft: Draft) -> Edit | None:
    match = re.search(
        rf"(?:年度|年份|预算年度){_CHANGE}?\s*(?P<year>\d{{4}}|{_RELATIVE})年?(?:度)?$", text
    )
    if not match:
        return None
    token = match["year"]  # a relative word counts from the calendar, as in briefs
    year = int(token) if token.isdigit() else date.today().year + RELATIVE_YEARS[token]
    return Edit(kind="set_year", year=year)


def _rename_cmd(text: str, draft: Draft) -> Edit | None:
    match = re.search(
        r"^(?:把|将)?(?P<target>.+?)(?:的名称|的名字|的指标名称)?(?:改名为|改名成|重命名为|名称改为|名字改为|改名叫)(?P<name>.+)$",
        text,
    )
    if not match:
        return None
    row = find_row(match["target"], draft)
    return Edit(kind="rename", row=row, value=match["name"].strip("「」“”\"' ")) if row else None


def _remove_cmd(text: str, draft: Draft) -> Edit | None:
    match = re.search(
        r"^(?:请)?(?:删除|删掉|去掉|移除|不要)(?:了)?(?P<target>.+?)(?:这一行|这行|这个指标|这条)?$",
        text,
    )
    if not match:
        return None
    row = find_row(match["target"], draft)
    return Edit(kind="remove_row", row=row) if row else None


def _add_cmd(text: str, draft: Draft) -> Edit | None:
    match = re.search(
        rf"(?:增加|添加|新增|加|补充|再加)(?:一个|一行|一条|1个|个)?(?P<slot>{_SLOT_WORDS})(?:类)?(?:指标)?$",
        text,
    )
    return Edit(kind="add_row", level2=_level2_of(match["slot"])) if match else None


def _regen_cmd(text: str, draft: Draft) -> Edit | None:
    match = re.search(
        rf"(?:重新生成|重新选择|重新选|重选|换一个|换个|重新推荐|重新写)(?:一下|一个)?(?:第{_NUM}行|(?P<slot>{_SLOT_WORDS})(?:类)?(?:指标)?)$",
        text,
    )
    if not match:
        return None
    if match.group(1):
        return Edit(kind="regenerate_slot", row=_row_number(match.group(1)))
    return Edit(kind="regenerate_slot", level2=_level2_of(match["slot"]))


def _value_cmd(text: str, draft: Draft) -> Edit | None:
    match = re.search(rf"^(?:请)?(?:把|将)?(?P<target>.+?){_CHANGE}(?P<value>.+)$", text)
    if not match:
        return None
    row = find_row(match["target"], draft)
    return (
        Edit(kind="set_value", row=row, value=match["value"].strip("「」“”\"' ")) if row else None
    )


def _level2_of(word: str) -> str:
    if word in _LEVEL2_WORDS:
        return _LEVEL2_WORDS[word]
    slot = SLOT_ALIASES.get(word, word)
    if slot == "成本":
        return "成本指标"
    return SLOT_DEFAULT_LEVEL2[slot]
