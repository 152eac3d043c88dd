"""The cost lines of a brief ('保安服务费191万元'), and its spending standards read by
`understand_standards` ('补贴标准每人每月90元').

A standard is paid per person, household, month…: it is a 成本 row of its own (补贴标准
=90元/人·月) and never a part of the budget, so no remainder is made of the budget minus it.
The words (budget, income and payout words) are data in `brief_words.yaml`.
"""

from __future__ import annotations

import re

from assistant.drafting.amounts import MONEY_RE, measure_follows, per_unit_follows, to_number
from assistant.drafting.facts import CostLine
from assistant.drafting.understand_standards import (
    RANGE_RE,
    STANDARD_RE,
    cap_line,
    capped_at,
    is_fee,
    listed_standards,
    standard_line,
    tier_lines,
)
from assistant.taxonomy import MONEY_IN_WAN, load_data

WORDS = load_data("brief_words")
_TARGET_RE = re.compile(r"(?:不少于|不低于|至少|达到|(?<!不)超过)$")
_PER_ITEM_RE = re.compile(r"(?:单[个项笔户件台套人次]|每个|每)[\u4e00-\u9fa5]")
_CAP_RE = re.compile(r"(?:最高|最多)(?:不超过|不高于)?$|(?:不超过|不高于)$|上限为?$")
_COST_NAME_RE = re.compile(r"(?P<name>[\u4e00-\u9fa5A-Za-z（）()]{2,16}?)(?:约|共|为|计|需|合计)?$")
_LEVEL_RE = re.compile(r"人均[\u4e00-\u9fa5]{0,4}(?:水平|标准)$")


def find_costs(text: str, budget: float | None) -> list[CostLine]:
    """Named spending lines ('保安服务费191万元') and standards ('每人500元'); the budget total
    and its 财政/自筹 split are not."""
    lines, spans = listed_standards(text)
    for match in MONEY_RE.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        number = to_number(match["num"])
        before = re.split(r"[，。；,;、：:\n（(]|其中", text[: match.start()])[-1].strip()
        name_match = _COST_NAME_RE.search(before)
        if number is None or not name_match or measure_follows(text, match):
            continue
        name = name_match["name"]
        age = re.search(r"[\d\-—～~]+$", before[: name_match.start()])
        if age and name.startswith(("周岁", "岁")):  # '80-89周岁每人每月100元': the age is the name
            name = age.group(0) + name
        elif re.search(r"\d$", before[: name_match.start()]):  # '3个项目补助尾款' -> 项目补助尾款
            name = re.sub(r"^[个名所座处批]", "", name)
        name = re.sub(r"^(?:年度?|用于|包括|含|及|和|另|支付|主要|其中|是)+", "", name)
        floor = _TARGET_RE.search(name)
        if floor and _LEVEL_RE.search(name[: floor.start()]):  # '月人均补助水平不低于220元'
            lines.append(_floor_line(name, floor.start(), text, match, number))
            continue
        if floor or _is_result(name):  # '带动家电消费1亿元': not spent
            continue
        cap = _CAP_RE.search(name)
        if cap and _PER_ITEM_RE.match(name):  # '单个企业最高不超过20万元': a cap per item, no line
            lines.append(cap_line(name, cap.start(), text[: match.start()], match, number))
            continue
        full, name = name, name[: cap.start()] if cap else name  # '培训费不超过10万元': 培训费
        if any(w in name for w in WORDS["income_words"]):
            continue  # money the project brings in ('亩均增收300元'), not money it spends
        per = per_unit_follows(text, match)  # '配套704元/村'
        upper = RANGE_RE.match(text, match.end())
        if upper:  # '每件补贴100元至300元': one standard, capped at the top of its range
            spans.append(upper.span())
        if per or STANDARD_RE.search(name):  # '人均月报酬2500元' is a standard, not a line
            line = standard_line(name, text, match, number, per)
            if cap:  # '门诊补助每人每年最高2000元': at most, not exactly
                said = text[match.start() - len(full) : match.end()].strip()
                line = line.model_copy(update={"unit_cost": f"≤{line.unit_cost}", "text": said})
            lines += [capped_at(line, upper)] if upper else tier_lines(text, match, line)
            continue
        if len(name) < 2 or any(w in name for w in WORDS["budget_words"]) and not is_fee(name):
            continue
        amount = round(number * MONEY_IN_WAN[match["unit"]], 6)
        if (
            budget is not None
            and abs(amount - budget) < 1e-6
            and (not is_fee(name) or re.search(r"(?:经费|资金)$", name))
        ):
            continue  # '会议经费50万元' is the budget itself
        lines.append(CostLine(name=_fee_name(name), amount=amount, text=f"{name}{match.group(0)}"))
    return lines


def _is_result(name: str) -> bool:
    """'带动家电消费' (消费 is spending by others, not a fee), not '新增设备购置费'."""
    fee = is_fee(name) and not name.endswith("消费")
    return any(name.startswith(v) for v in WORDS["outcome_verbs"]) and not fee


def _fee_name(name: str) -> str:
    """'培训费用' -> '培训费'; '审查咨询费结算' -> 审查咨询费; a line without a fee word gets one
    ('水电气及维修' -> '水电气及维修费')."""
    name = re.sub(r"费用$", "费", name)
    # '储备防汛物资价值30万元' -> 防汛物资储备费: the worth of what is bought is its cost
    bought = re.fullmatch(r"(储备|购置|采购|购买)([\u4e00-\u9fa5]{2,8})(?:价值|金额|总值)", name)
    name = f"{bought[2]}{bought[1]}" if bought else re.sub(r"(?:价值|总值)$", "", name)
    name = re.sub(r"(?<=[费款])(?:结算|支付|拨付)$", "", name)
    paid = "|".join(WORDS["payout_words"])  # '保洁员工资', '群测群防员补助': money by its name
    # 质保金, 保证金, 租金: money by its name too
    return name if re.search(rf"(?:费|款|金|支出|成本|{paid})$", name) else name + "费"


def _floor_line(name: str, at: int, text: str, match: re.Match, number: float) -> CostLine:
    """'月人均补助水平不低于220元' -> 月人均补助水平 ≥220元/人·月: a floor on a standard, kept."""
    line = standard_line(name[:at], text, match, number)
    said = f"{name}{match.group(0).strip()}"
    return line.model_copy(
        update={"name": name[:at], "unit_cost": f"≥{line.unit_cost}", "text": said}
    )
