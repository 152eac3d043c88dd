"""Direction rules: 反向指标 (costs, complaints, accidents) are capped with ≤/<; outputs are floors."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.schema import QUANTITY, Indicator
from assistant.taxonomy import has_reverse_name

from .facts import TableFacts, is_cost_row, label, money_amount_known
from .registry import Hit, rule

FLOOR_OPERATORS = ("≥", ">")
CAP_OPERATORS = ("≤", "<")


def is_negative(ind: Indicator) -> bool:
    """A 反向指标 by its name (less is better); the word lists are the taxonomy's."""
    return has_reverse_name(ind.name)


@rule(
    "R-DIRECTION-NEGATIVE",
    "warning",
    "review_basis.md #8 [READ S6]: 反向指标 use < or ≤",
    "反向指标（成本、投诉、事故、隐患等）用了≥或>",
)
def negative_with_floor(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        # money cost rows with ≥ are the stricter R-COST-SIGN error
        if is_cost_row(ind) and money_amount_known(ind):
            continue
        if ind.value.operator in FLOOR_OPERATORS and is_negative(ind):
            yield Hit(
                row,
                f"{label(ind)}是反向指标（越少越好），应使用“≤”或“<”设定上限，而不是“{ind.value.operator}”。",
            )


@rule(
    "R-DIRECTION-QUANTITY",
    "warning",
    "review_basis.md #8 [READ S6]: counts of output are 正向 (=, ≥, >)",
    "数量指标用了≤或<（产出数量应设下限）",
)
def quantity_with_cap(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if ind.level2 == QUANTITY and ind.value.operator in CAP_OPERATORS and not is_negative(ind):
            yield Hit(
                row,
                f"{label(ind)}是数量指标（正向指标），用“{ind.value.operator}”只设了上限，"
                "完成0也算达标；应使用“≥”或“=”。",
            )
