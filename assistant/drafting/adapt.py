"""Adapt retrieved rows to the new project: years, object nouns, money from the new budget.

Every adapted row keeps its citation (table_id + row); `SourceRef.rule` says what was changed.
"""

from __future__ import annotations

import math
import re

from assistant.citations import rule_source, source_of
from assistant.drafting.project_types import TOTAL_COST_NAME
from assistant.drafting.slots import Candidate
from assistant.schema import (
    COST,
    COST_L2,
    ECO_BENEFIT,
    ECONOMIC_BENEFIT,
    ECONOMIC_COST,
    LEVEL2_PARENTS,
    NEW_COST_L2,
    OUTPUT,
    QUALITY,
    QUANTITY,
    SATISFACTION_L2,
    SOCIAL_BENEFIT,
    SUSTAINABLE,
    TIMELINESS,
    Indicator,
    IndicatorHit,
    IndicatorValue,
    ProjectBrief,
)
from assistant.taxonomy import NOUN_GROUPS, VALUE_MONEY_UNITS, in_wan, load_data

_YEAR_IN_TEXT_RE = re.compile(r"(?<!\d)(20\d{2})(?=\s*[年\-—－~至/]|\s*$)")


def shift_years(text: str, delta: int) -> str:
    """Move every 20xx year in text by delta ('2025年12月31日前' + 1 -> '2026年12月31日前')."""
    if not delta:
        return text
    return _YEAR_IN_TEXT_RE.sub(lambda m: str(int(m.group(1)) + delta), text)


def brief_words(brief: ProjectBrief) -> str:
    """Everything the user said about the project (a brief from JSON may have no free text)."""
    return " ".join([brief.text, brief.name, brief.purpose, *brief.work_items])


def swap_nouns(text: str, brief_text: str) -> str:
    """Replace other words of a noun group by the one the brief uses."""
    for group in NOUN_GROUPS:
        used = [word for word in group if word in brief_text]
        if len(used) != 1:
            continue
        for other in group:
            if other != used[0] and other not in used[0]:
                text = text.replace(other, used[0])
    return text


def move_texts(
    texts: tuple[str, ...], delta: int, brief: ProjectBrief
) -> tuple[tuple[str, ...], list[str]]:
    """Texts of a past row moved `delta` years and put in the brief's nouns, and what changed."""
    words = brief_words(brief)
    moved = tuple(shift_years(text, delta) for text in texts)
    swapped = tuple(swap_nouns(text, words) for text in moved)
    changes = []
    if moved != texts:
        changes.append(f"年份顺延{delta:+d}年")
    if swapped != moved:
        changes.append("对象用词按项目描述替换")
    return swapped, changes


def adapt_row(cand: Candidate, brief: ProjectBrief, year: int) -> Indicator:
    """A retrieved non-cost row moved to the brief's year and nouns, with its citation."""
    src = cand.hit.indicator
    delta = year - cand.hit.year if cand.hit.year else 0
    (name, description, raw), changes = move_texts(
        (src.name, src.description, src.value.raw), delta, brief
    )
    value = IndicatorValue.parse(raw)
    if value.kind == "quantitative":  # '≥100百分比' -> '≥100%'
        value = IndicatorValue.parse(value.render())
        if value.unit == "%" and value.number == 100 and value.operator == "≥":
            value = IndicatorValue.parse("=100%")
            changes.append("≥100%写作=100%")
        if tolerated_harm(name, value):  # '发生信息安全事故次数 ≤5次' -> =0次
            changes.append(f"原表为{value.raw}，按不发生填写")
            value = IndicatorValue.parse(f"=0{value.unit}")
    return Indicator(
        level1=src.level1,
        level2=src.level2,
        name=name,
        description=description or name,
        value=value,
        source=source_of(cand.hit, "；".join(changes)),
    )


_ZERO_TARGETS = tuple(load_data("outcome_words")["zero_targets"])


def tolerated_harm(name: str, value: IndicatorValue) -> bool:
    """A cap above zero on harm the project aims to avoid ('事故 ≤5次')."""
    capped = value.operator in ("≤", "<") and bool(value.number) and not value.unit.endswith("%")
    return capped and any(w in name for w in _ZERO_TARGETS)


def is_money_row(indicator: Indicator) -> bool:
    return indicator.value.kind == "quantitative" and indicator.value.unit in VALUE_MONEY_UNITS


def cost_level(layout: str) -> tuple[str, str]:
    """(一级, 二级) of a money cost row in the given layout."""
    return (COST, ECONOMIC_COST) if layout == "new" else (OUTPUT, COST_L2)


def split_budget(total: float, weights: list[float]) -> list[float]:
    """Split total in the given proportions, floored to 0.01 so the parts never exceed the total."""
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0.0 for _ in weights]
    return [math.floor(total * w / weight_sum * 100 + 1e-9) / 100 for w in weights]


def cost_rows(
    budget: float | None,
    source_rows: list[IndicatorHit],
    layout: str,
    name: str = TOTAL_COST_NAME,
) -> list[Indicator]:
    """Cost rows for the new budget: the source's split kept in proportion, or one total row
    (`name`: the type's word for its total, e.g. 运维's 年度运维成本).

    Without a budget no money is invented: one qualitative row that binds the cost to the
    approved budget.
    """
    level1, level2 = cost_level(layout)
    if budget is None:
        return [_qualitative_cost_row(level1, level2)]
    money = [h for h in source_rows if is_money_row(h.indicator) and h.indicator.value.number]
    if len(money) >= 2:
        parts = split_budget(budget, [_in_wan(h.indicator) for h in money])
        if all(part > 0 for part in parts):
            return [
                _split_row(c, part, budget, level1, level2)
                for c, part in zip(money, parts, strict=True)
            ]
    total = money_text(budget)
    origin = (
        source_of(money[0], f"按新预算{total}万元重算")
        if money
        else rule_source(f"成本规则：成本不超过项目预算{total}万元")
    )
    return [
        Indicator(
            level1=level1,
            level2=level2,
            name=name,
            description=f"项目总成本控制在预算{total}万元以内",
            value=f"≤{total}万元",
            source=origin,
        )
    ]


def _split_row(
    hit: IndicatorHit, part: float, budget: float, level1: str, level2: str
) -> Indicator:
    src = hit.indicator
    share = part / budget * 100
    rule = f"按原表分项比例（约{share:.0f}%）由新预算{money_text(budget)}万元重算"
    return Indicator(
        level1=level1,
        level2=level2,
        name=src.name,
        description=src.description if not re.search(r"\d", src.description) else src.name,
        value=f"≤{money_text(part)}万元",
        source=source_of(hit, rule),
    )


def _qualitative_cost_row(level1: str, level2: str) -> Indicator:
    return Indicator(
        level1=level1,
        level2=level2,
        name=TOTAL_COST_NAME,
        description="项目成本控制在批复预算内，预算确定后改为具体金额",
        value="控制在批复预算内",
        source=rule_source("成本规则：未提供预算，不编造金额，成本指标暂按定性填写"),
    )


def _in_wan(indicator: Indicator) -> float:
    return in_wan(indicator.value.number, indicator.value.unit)


def money_text(amount: float) -> str:
    """万元 amount for display, exact to the 元 (4 decimals), no trailing zeros: a budget such as
    168.168万元 must not print as ≤168.17万元, above itself."""
    return f"{amount:.4f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------- rule-made rows

# (二级, 三级, 描述, 指标值) used when retrieval finds nothing fitting, or a repair empties a slot.
_GENERIC_ROWS: dict[str, tuple[str, str, str, str]] = {
    QUANTITY: (QUANTITY, "主要工作任务完成数", "按计划完成的主要工作任务数量", "≥{tasks}项"),
    QUALITY: (QUALITY, "项目验收合格率", "项目完成后按合同和相关标准验收，验收合格的比例", "=100%"),
    TIMELINESS: (
        TIMELINESS,
        "项目完成及时性",
        "按计划时间完成项目各项工作",
        "{year}年12月31日前完成",
    ),
    SOCIAL_BENEFIT: (SOCIAL_BENEFIT, "项目目标实现程度", "项目年度绩效目标的实现情况", "≥90%"),
    ECO_BENEFIT: (ECO_BENEFIT, "生态环境改善情况", "项目实施对生态环境质量的改善作用", "有效改善"),
    ECONOMIC_BENEFIT: (ECONOMIC_BENEFIT, "经济效益实现情况", "项目实施带来的经济效益", "达到预期"),
    SUSTAINABLE: (SUSTAINABLE, "长效管理机制健全性", "项目形成的长效管理制度和机制", "健全"),
    SATISFACTION_L2: (
        SATISFACTION_L2,
        "服务对象满意度",
        "通过问卷调查，统计对项目实施效果满意的服务对象占受访服务对象的比例",
        "≥90%",
    ),
}


def generic_row(level2: str, brief: ProjectBrief, year: int, layout: str = "old") -> Indicator:
    """A rule-made row for a 二级 (cost rows come from `cost_rows`), citing the rule."""
    if level2 in (COST_L2, *NEW_COST_L2):
        return cost_rows(brief.budget.total, [], layout)[0]
    level2, name, description, value = _GENERIC_ROWS.get(level2, _GENERIC_ROWS[SOCIAL_BENEFIT])
    tasks = max(1, len(brief.work_items))
    return Indicator(
        level1=LEVEL2_PARENTS[level2][0],
        level2=level2,
        name=name,
        description=description,
        value=value.format(tasks=tasks, year=year),
        source=rule_source(f"通用规则：未找到合适的{level2}参考行，按通用写法生成，请按实际修改"),
    )
