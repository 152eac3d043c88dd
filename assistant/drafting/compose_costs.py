"""成本 rows from the brief's money: each spending line a row summing to the budget (the rest an
其他费用 the user is asked to name), and each spending standard (=90元/人·月) a row of its own."""

from __future__ import annotations

from assistant.drafting.adapt import cost_level, cost_rows, money_text
from assistant.drafting.compose_base import brief_source
from assistant.drafting.facts import Assumption, ProjectFacts
from assistant.schema import Indicator, SourceRef


def cost_rows_of(
    facts: ProjectFacts, year: int, layout: str
) -> tuple[list[Indicator], list[Assumption]]:
    """Each spending line a row; standards apart (no 其他费用 is made of the budget minus a
    standard: with standards alone the budget stays one total row)."""
    level1, level2 = cost_level(layout)
    lines = [c for c in facts.costs if not c.unit_cost]
    rows = [_unit_cost_row(c, level1, level2) for c in facts.costs if c.unit_cost]
    rows += [_money_row(c.name, c.amount, f"按项目描述：{c.text}", brief_source(c.text), layout)
             for c in lines]  # fmt: skip
    if rows and not lines and facts.budget is not None:
        rows += cost_rows(facts.budget, [], layout)  # a standard alone leaves the total open
    spent, budget = sum(c.amount for c in lines), facts.budget
    if budget is None or not lines:
        return rows, []
    said = f"所列费用合计{money_text(spent)}万元"
    if spent < budget - 0.005:
        rest = money_text(budget - spent)
        source = SourceRef(rule="预算减去项目描述所列各项费用")
        rows.append(
            _money_row("其他费用", budget - spent, "预算中未列明用途的部分", source, layout)
        )
        text = f"{said}，少于预算{money_text(budget)}万元，差额{rest}万元列为其他费用，请写明用途。"
        return rows, [Assumption(code="A-COST-REST", row="其他费用", message=text)]
    if spent > budget + 0.005:
        text = f"{said}，超过预算{money_text(budget)}万元，请核对。"
        return rows, [Assumption(code="A-COST-OVER", message=text)]
    return rows, []


def _money_row(name: str, amount: float, description: str, source, layout: str) -> Indicator:
    level1, level2 = cost_level(layout)
    return Indicator(
        level1=level1, level2=level2, name=name[:16], description=description,
        value=f"≤{money_text(amount)}万元", source=source,
    )  # fmt: skip


def _unit_cost_row(line, level1: str, level2: str) -> Indicator:
    """'补贴标准每人每月90元' -> 补贴标准 =90元/人·月: a spending standard the brief fixes,
    outside the budget split (the budget stays one total row)."""
    return Indicator(
        level1=level1, level2=level2, name=line.name[:16], description=f"按项目描述：{line.text}",
        value=line.unit_cost if line.unit_cost.startswith(("≤", "≥")) else f"={line.unit_cost}",
        source=brief_source(line.text),
    )  # fmt: skip
