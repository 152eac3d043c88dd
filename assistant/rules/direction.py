"""Direction rules: 反向指标 (costs, complaints, accidents) are capped with ≤/<; outputs are floors."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.schema import QUANTITY, Indicator

from .facts import TableFacts, is_cost_row, label, money_amount_known
from .registry import Hit, rule

NEGATIVE_NAME_RE = re.compile(r"成本|投诉|事故|隐患|超支|故障率|差错率|违约|逾期")
# Counting or handling the bad thing is a positive output ("隐患排查次数", "投诉办结率").
HANDLING_NAME_RE = re.compile(
    r"检查|排查|巡查|核查|督查|整改|处置|处理|调查|查处|发现|消除|销号|办结|回复|答复|"
    r"演练|培训|宣传|应急|节约|节省|降低|下降|减少|控制率|修复|解决|响应|及时|覆盖"
)
FLOOR_OPERATORS = ("≥", ">")
CAP_OPERATORS = ("≤", "<")


def is_negative(ind: Indicator) -> bool:
    """A 反向指标: less is better."""
    return bool(NEGATIVE_NAME_RE.search(ind.name)) and not HANDLING_NAME_RE.search(ind.name)


@rule(
    "R-DIRECTION-NEGATIVE",
    "warning",
    "framework_checklist.md #8 [READ S6]: 反向指标 use < or ≤",
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
    "framework_checklist.md #8 [READ S6]: counts of output are 正向 (=, ≥, >)",
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
