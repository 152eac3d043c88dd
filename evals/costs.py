"""Money costs of a table: which rows are cost rows and what they add up to in 万元."""

from __future__ import annotations

from assistant.schema import Indicator, TargetTable
from assistant.taxonomy import COST_LEVEL2, value_in_wan

# Rounding in real tables (29.38 of 29.40) must not count as an overrun.
BUDGET_EPSILON_WAN = 0.005


def money_wan(indicator: Indicator) -> float | None:
    """The row's amount in 万元 when its value is money, else None."""
    value = indicator.value
    if value.kind != "quantitative":
        return None
    return value_in_wan(value.number, value.unit)


def money_cost_rows(table: TargetTable) -> list[tuple[int, float]]:
    """(1-based row, 万元) of every cost row whose value is money."""
    rows = []
    for row_no, indicator in enumerate(table.indicators, start=1):
        amount = money_wan(indicator) if indicator.level2 in COST_LEVEL2 else None
        if amount is not None:
            rows.append((row_no, amount))
    return rows


def money_cost_sum(table: TargetTable) -> float | None:
    """Sum of the money cost rows in 万元; None when the table states no money cost."""
    rows = money_cost_rows(table)
    return sum(amount for _, amount in rows) if rows else None


def within_budget(amount: float, budget: float | None) -> bool:
    """True when the amount does not exceed the budget (no budget known: nothing to exceed)."""
    return budget is None or amount <= budget + BUDGET_EPSILON_WAN
