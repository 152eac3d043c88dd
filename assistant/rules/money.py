"""Money rules: the budget split, and money 成本指标 against the 预算数 (all in 万元)."""

from __future__ import annotations

from collections.abc import Iterator

from .facts import MONEY_TOLERANCE, MoneyCost, TableFacts, label, wan
from .registry import Hit, rule

# Money cost rows covering less than this share of the budget leave spending unexplained.
COST_COVERAGE_FLOOR = 0.9
# 1000亿元: far above any one project's 预算数; a larger figure is a typing or reading error.
MAX_SANE_BUDGET_WAN = 1e7


def _budget(facts: TableFacts) -> float | None:
    total = facts.budget_total
    return total if total is not None and total > 0 else None


def _parts(facts: TableFacts) -> tuple[MoneyCost, ...]:
    """The cost rows to add up: when one row is the whole budget and the others fit in it,
    the others are its breakdown, not extra spending."""
    total, costs = _budget(facts), facts.money_costs
    if total is None or len(costs) < 2:
        return costs
    whole = [c for c in costs if abs(c.amount - total) <= MONEY_TOLERANCE]
    if len(whole) == 1:
        rest = tuple(c for c in costs if c is not whole[0])
        if sum(c.amount for c in rest) <= total + MONEY_TOLERANCE:
            return rest
    return costs


@rule(
    "R-BUDGET-MISSING",
    "warning",
    "review_basis.md #11 [OBSERVED: every complete table states 预算数]",
    "没有预算数（跳过成本与预算的核对）",
)
def budget_missing(facts: TableFacts) -> Iterator[Hit]:
    if _budget(facts) is None:
        yield Hit(
            None, "未填写预算数（或为0），无法核对成本指标是否超出预算，请补充预算数。", "budget"
        )


@rule(
    "R-BUDGET-RANGE",
    "error",
    "review_basis.md #11 [sanity bound]: 预算数 and its parts are 0..1000亿元",
    "预算金额为负数、不是有限数或大得不合常理",
)
def budget_range(facts: TableFacts) -> Iterator[Hit]:
    budget = facts.table.budget
    parts = (("预算数", budget.total), ("财政资金", budget.fiscal), ("其他资金", budget.other))
    for what, amount in parts:
        if amount is not None and not 0 <= amount <= MAX_SANE_BUDGET_WAN:
            yield Hit(
                None,
                f"{what}{amount:g}万元不合常理（应为0到{MAX_SANE_BUDGET_WAN:g}万元之间），"
                "请核对金额和单位。",
                "budget",
            )


@rule(
    "R-BUDGET-SPLIT",
    "error",
    "review_basis.md #11 [OBSERVED]: 财政资金 + 其他资金 = 总额",
    "财政资金与其他资金之和不等于预算数",
)
def budget_split(facts: TableFacts) -> Iterator[Hit]:
    budget, total = facts.table.budget, _budget(facts)
    if total is None or budget.fiscal is None:
        return
    parts = budget.fiscal + (budget.other or 0.0)
    if abs(parts - total) > MONEY_TOLERANCE:
        yield Hit(
            None,
            f"财政资金{wan(budget.fiscal)}加其他资金{wan(budget.other or 0.0)}为{wan(parts)}，"
            f"与预算数{wan(total)}不一致。",
            "budget",
        )


@rule(
    "R-COST-SIGN",
    "error",
    "review_basis.md #7 [READ S2]: 成本指标 use ≤ or =, never ≥",
    "金额类成本指标用了≥或>",
)
def cost_sign(facts: TableFacts) -> Iterator[Hit]:
    for cost in facts.money_costs:
        operator = cost.indicator.value.operator
        if operator in ("≥", ">"):
            yield Hit(
                cost.row,
                f"{label(cost.indicator)}是成本控制目标，应写“≤”或“=”，不能用“{operator}”"
                "（那等于鼓励多花钱）。",
            )


@rule(
    "R-COST-OVER-BUDGET",
    "error",
    "review_basis.md #7 [READ S2: 不得超出规定的预算支出标准]",
    "单项成本指标超过预算数",
)
def cost_over_budget(facts: TableFacts) -> Iterator[Hit]:
    total = _budget(facts)
    if total is None:
        return
    for cost in facts.money_costs:
        if cost.amount > total + MONEY_TOLERANCE:
            yield Hit(
                cost.row,
                f"{label(cost.indicator)}折合{wan(cost.amount)}，超过了预算数{wan(total)}。",
            )


@rule(
    "R-COST-SUM-OVER",
    "error",
    "review_basis.md #7 [READ S2]: 成本 ≤ 年度预算数",
    "各项金额成本指标合计超过预算数",
)
def cost_sum_over(facts: TableFacts) -> Iterator[Hit]:
    total, parts = _budget(facts), _parts(facts)
    if total is None or len(parts) < 2:
        return  # a single row over the budget is R-COST-OVER-BUDGET
    spent = sum(c.amount for c in parts)
    if spent > total + MONEY_TOLERANCE:
        rows = "、".join(str(c.row) for c in parts)
        yield Hit(None, f"第{rows}行成本指标合计{wan(spent)}，超过了预算数{wan(total)}。", "value")


@rule(
    "R-COST-SUM-UNDER",
    "warning",
    "review_basis.md #7 [OBSERVED: cost targets equal the 预算数 in 湘潭, 池州, 乌海]",
    "金额成本指标合计远低于预算数（不足90%）",
)
def cost_sum_under(facts: TableFacts) -> Iterator[Hit]:
    total, costs = _budget(facts), facts.money_costs
    if total is None or not costs:
        return
    spent = sum(c.amount for c in costs)
    if spent < COST_COVERAGE_FLOOR * total:
        yield Hit(
            None,
            f"金额成本指标合计{wan(spent)}，只占预算数{wan(total)}的{spent / total:.1%}，"
            "其余资金的用途没有成本指标反映，请补充分项成本或说明。",
            "value",
        )


@rule(
    "R-COST-TOTAL-MISMATCH",
    "warning",
    "review_basis.md #7 [OBSERVED: a single cost target equals the 预算数]",
    "唯一的金额成本指标与预算数不一致",
)
def cost_total_mismatch(facts: TableFacts) -> Iterator[Hit]:
    total, costs = _budget(facts), facts.money_costs
    if total is None or len(costs) != 1:
        return
    cost = costs[0]
    if COST_COVERAGE_FLOOR * total <= cost.amount < total - MONEY_TOLERANCE:
        yield Hit(
            cost.row,
            f"{label(cost.indicator)}是表中唯一的金额成本指标，但与预算数{wan(total)}"
            f"相差{wan(total - cost.amount)}，请核对是笔误还是有未列明的支出。",
        )
