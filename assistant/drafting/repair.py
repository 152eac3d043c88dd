"""Validate, repair, drop: run the review rules until a draft has zero errors.

Repairs are small and explainable (cap a percentage at 100, add the missing sign, recompute money
from the budget); a row that cannot be repaired is dropped, and an emptied required slot gets a
rule-made row. Every change is written to the notes in Chinese.
"""

from __future__ import annotations

import re

from assistant.drafting.adapt import (
    cost_level,
    generic_row,
    is_money_row,
    money_text,
    split_budget,
)
from assistant.drafting.compose_outcome import capital_longterm
from assistant.drafting.project_types import classify
from assistant.errors import AssistantError
from assistant.rules import DEFAULT_PROFILE, drafted_slots, has_errors, review
from assistant.schema import (
    LEVEL2_PARENTS,
    Finding,
    Indicator,
    IndicatorValue,
    Note,
    ProjectBrief,
    TargetTable,
)
from assistant.taxonomy import SLOT_DEFAULT_LEVEL2, SLOTS, in_wan, is_reverse, slot_of

MAX_ROUNDS = 6
_TABLE_FIXES = frozenset({"R-BENEFIT-NO-LONGTERM"})  # warnings a table-level repair answers
_LAST_RESORT = "多轮修复后仍有错误，已全部改用通用规则生成的指标，请按实际修改。"
_BUDGET_IN_TEXT_RE = re.compile(r"预算[\d.]+万元")
_DROP_CODES = {
    "R-VALUE-EMPTY",
    "R-VALUE-PLACEHOLDER",
    "R-VALUE-DATE-SERIAL",
    "R-VALUE-TEXT-GLUED",
    "R-VALUE-NO-UNIT",
}


class RepairFailed(AssistantError):
    """Not even rule-made rows pass review: a defect of the drafter, reported instead of a bad table."""


def repair(
    table: TargetTable,
    brief: ProjectBrief,
    year: int,
    layout: str,
    fix_warnings: bool = True,
    profile: str = DEFAULT_PROFILE,
) -> tuple[TargetTable, list[Finding], list[Note]]:
    """Repair `table` until review reports no error; returns (table, remaining warnings, notes).

    `fix_warnings=False` (after a user's edit) leaves warnings alone: the user chose that value.
    """
    table = table.model_copy(deep=True)
    notes = _drop_duplicates(table)
    for round_no in range(MAX_ROUNDS):
        notes += _fill_slots(table, brief, year, layout, profile)
        findings = review(table, profile)
        # Warning fixes run once: a second pass could only flip the same sign back and forth.
        fixable = [
            f
            for f in findings
            if f.severity == "error"
            or (fix_warnings and round_no == 0 and f.code in {*_WARNING_FIXES, *_TABLE_FIXES})
        ]
        if not fixable:
            return table, findings, notes
        notes += _repair_round(table, fixable, brief, layout)
    findings = review(table, profile)
    if not has_errors(findings):
        return table, findings, notes
    return _last_resort(table, brief, year, layout, notes, profile)


def _repair_round(
    table: TargetTable, findings: list[Finding], brief: ProjectBrief, layout: str
) -> list[str]:
    notes: list[Note] = []
    drop: set[int] = set()
    for finding in (f for f in findings if f.row is not None):
        indicator = table.indicators[finding.row - 1]
        fix = _ROW_FIXES.get(finding.code) or _WARNING_FIXES.get(finding.code)
        note = fix(indicator) if fix else None
        if note is None and finding.severity == "error":
            drop.add(finding.row)
            text = f"删除第{finding.row}行「{indicator.name}」：{finding.message}"
            notes.append(Note(code=f"drop:{finding.code}", text=text))
        elif note:
            text = f"第{finding.row}行「{indicator.name}」：{note}"
            notes.append(Note(code=finding.code, text=text))
    table.indicators = [i for n, i in enumerate(table.indicators, 1) if n not in drop]
    for finding in (f for f in findings if f.row is None):
        notes += _repair_table_level(table, finding, layout)
    return notes


def _repair_table_level(table: TargetTable, finding: Finding, layout: str) -> list[Note]:
    if finding.code == "R-BUDGET-SPLIT":
        budget = table.budget
        if budget.fiscal is not None and budget.total is not None and budget.fiscal <= budget.total:
            budget.other = round(budget.total - budget.fiscal, 6)
        else:
            budget.fiscal, budget.other = budget.total, 0.0
        text = "财政资金与其他资金之和与预算数不一致，已按预算数调整其他资金。"
        return [Note(code=finding.code, text=text)]
    if finding.code in ("R-COST-SUM-OVER", "R-COST-OVER-BUDGET"):
        return recompute_costs(table)
    if finding.code == "R-LAYOUT-MIXED":
        return _unify_layout(table, layout)
    if finding.code == "R-BENEFIT-NO-LONGTERM":  # '购置植保无人机4架' in a 农业 brief
        row = capital_longterm(classify(table.purpose, table.name), table.purpose)
        if row is None:
            return []  # no usual horizon of its kind (a forest): the warning stays for the user
        table.indicators = order_rows([*table.indicators, row], layout)
        text = f"项目含工程、修缮或购置，已补充可持续影响指标「{row.name}」，请按实际修改。"
        return [Note(code=finding.code, text=text)]
    return []  # R-SLOT-MISSING / R-ROWS-TOO-FEW: the next round's _fill_slots adds rows


def recompute_costs(table: TargetTable) -> list[Note]:
    """Re-split the money cost rows over the budget in their current proportions (sum ≤ budget)."""
    total = table.budget.total
    money = [i for i in table.indicators if slot_of(i) == "成本" and is_money_row(i)]
    if total is None or total <= 0 or not money:
        return []
    weights = [_amount_in_wan(i) for i in money]
    if len(money) == 1 or sum(weights) <= 0:
        weights = [1.0] + [0.0] * (len(money) - 1)
    parts = split_budget(total, weights)
    amount = money_text(total)
    for indicator, part in zip(money, parts, strict=True):
        indicator.value = IndicatorValue.parse(f"≤{money_text(part)}万元")
        indicator.description = _BUDGET_IN_TEXT_RE.sub(f"预算{amount}万元", indicator.description)
        if indicator.source is not None:
            indicator.source = indicator.source.model_copy(
                update={"rule": _recomputed_rule(indicator.source.rule, amount)}
            )
    table.indicators = [i for i in table.indicators if not (i in money and i.value.number == 0)]
    return [
        Note(
            code="cost-recomputed", text=f"成本指标已按预算{amount}万元重新计算（合计不超过预算）。"
        )
    ]


def _recomputed_rule(rule: str, amount: str) -> str:
    kept = [part for part in rule.split("；") if part and "预算" not in part]
    return "；".join([*kept, f"按预算{amount}万元重算"])


def _amount_in_wan(indicator: Indicator) -> float:
    amount = in_wan(indicator.value.number or 0.0, indicator.value.unit)
    return (indicator.value.number or 0.0) if amount is None else amount


def _unify_layout(table: TargetTable, layout: str) -> list[Note]:
    level1, level2 = cost_level(layout)
    for indicator in table.indicators:
        if slot_of(indicator) == "成本":
            indicator.level1, indicator.level2 = level1, level2
    text = f"成本指标统一为{'新' if layout == 'new' else '旧'}体例（{level1}/{level2}）。"
    return [Note(code="R-LAYOUT-MIXED", text=text)]


def _fill_slots(
    table: TargetTable, brief: ProjectBrief, year: int, layout: str, profile: str
) -> list[Note]:
    present = {slot_of(i) for i in table.indicators}
    notes = []
    for slot in drafted_slots(table, profile):  # no rule-made row for a slot the profile omits
        if slot not in present:
            level2 = cost_level(layout)[1] if slot == "成本" else SLOT_DEFAULT_LEVEL2[slot]
            table.indicators.append(generic_row(level2, brief, year, layout))
            text = f"「{slot}」类指标为空，已按通用规则补一行，请按实际修改。"
            notes.append(Note(code="slot-filled", text=text))
    if notes:
        table.indicators = order_rows(table.indicators, layout)
    return notes


def order_rows(rows: list[Indicator], layout: str) -> list[Indicator]:
    """Slot order: 产出 (数量, 质量, 时效, 成本), 效益, 满意度; new layout puts 成本 first."""
    order = list(SLOTS) if layout == "old" else ["成本", *[s for s in SLOTS if s != "成本"]]
    rank = {slot: n for n, slot in enumerate(order)}
    return sorted(rows, key=lambda i: rank.get(slot_of(i), len(order)))


def _drop_duplicates(table: TargetTable) -> list[Note]:
    seen: set[str] = set()
    keep, notes = [], []
    for n, indicator in enumerate(table.indicators, start=1):
        if indicator.name in seen:
            text = f"删除第{n}行「{indicator.name}」：与前面的指标重名。"
            notes.append(Note(code="drop:duplicate", text=text))
            continue
        seen.add(indicator.name)
        keep.append(indicator)
    table.indicators = keep
    return notes


def _last_resort(
    table: TargetTable,
    brief: ProjectBrief,
    year: int,
    layout: str,
    notes: list[Note],
    profile: str,
) -> tuple[TargetTable, list[Finding], list[Note]]:
    """Replace every row by rule-made rows (they are built to pass review)."""
    table.indicators = []
    _fill_slots(table, brief, year, layout, profile)
    findings = review(table, profile)
    if has_errors(findings):
        messages = "；".join(f.message for f in findings if f.severity == "error")
        raise RepairFailed(f"草稿无法修复到零错误：{messages}")
    return (
        table,
        findings,
        [*notes, Note(code="last-resort", text=_LAST_RESORT)],
    )


# ---------------------------------------------------------------- per-row fixes (note, or None = drop)


def _cap_percent(indicator: Indicator) -> str | None:
    value = indicator.value
    operator = value.operator if value.operator in ("≤", "<") else "="
    indicator.value = IndicatorValue.parse(f"{operator}100%")
    return f"百分比目标{value.raw}超过100%，已改为{indicator.value.raw}。"


def _fix_parent(indicator: Indicator) -> str | None:
    parents = LEVEL2_PARENTS.get(indicator.level2)
    if not parents:
        return None
    indicator.level1 = parents[0]
    return f"一级指标改为{parents[0]}。"


def _with_sign(indicator: Indicator, sign: str) -> str:
    old = indicator.value.raw
    indicator.value = IndicatorValue.parse(sign + indicator.value.render().lstrip("≥≤=<>"))
    reason = {"≤": "反向指标设上限", "≥": "正向指标设下限", "=": "补充比较符号"}[sign]
    return f"指标值{old}改为{indicator.value.raw}（{reason}）。"


def _add_sign(indicator: Indicator) -> str | None:
    value = indicator.value
    if value.unit == "%" and value.number == 100:
        return _with_sign(indicator, "=")  # '≥100%' reads oddly; full completion is '=100%'
    return _with_sign(indicator, "≤" if is_reverse(indicator) else "≥")


def _untruncate(indicator: Indicator) -> str | None:
    description = indicator.description
    if not description or len(description) > 20:
        return ""
    old, indicator.name = indicator.name, description
    return f"指标名称疑似被截断，已按指标描述补全：{old} → {description}。"


def _percent_unit(indicator: Indicator) -> str | None:
    old = indicator.value.raw
    indicator.value = IndicatorValue.parse(indicator.value.render())
    return f"单位“百分比”改为“%”（{old} → {indicator.value.raw}）。"


def _raise_satisfaction(indicator: Indicator) -> str | None:
    old = indicator.value.raw
    indicator.value = IndicatorValue.parse("≥90%")
    return f"满意度目标{old}低于常见水平，已改为≥90%（实际目标表多为≥90%）。"


_ROW_FIXES = {
    "R-PERCENT-OVER-100": _cap_percent,
    "R-COST-SIGN": lambda indicator: _with_sign(indicator, "≤"),
    "R-LEVEL1-UNKNOWN": _fix_parent,
    "R-LEVEL2-PARENT": _fix_parent,
    **{code: (lambda indicator: None) for code in _DROP_CODES},
}
_WARNING_FIXES = {
    "R-VALUE-NO-SIGN": _add_sign,
    "R-DIRECTION-NEGATIVE": lambda indicator: _with_sign(indicator, "≤"),
    "R-DIRECTION-QUANTITY": lambda indicator: _with_sign(indicator, "≥"),
    "R-UNIT-SPELLED": _percent_unit,
    "R-NAME-TRUNCATED": _untruncate,
    "R-SATISFACTION-LOW": _raise_satisfaction,
}
