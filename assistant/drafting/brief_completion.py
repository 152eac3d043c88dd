"""What the brief's facts add to the brief itself: the unit the parser missed, the budget the
spending lines sum to."""

from __future__ import annotations

from assistant.drafting.adapt import money_text
from assistant.drafting.brief import missing_fields
from assistant.drafting.facts import Assumption, ProjectFacts
from assistant.schema import Budget, ProjectBrief


def budget_from_costs(
    brief: ProjectBrief, facts: ProjectFacts
) -> tuple[ProjectBrief, ProjectFacts, list[Assumption]]:
    """'培训费27.6万元' and no 预算: the spending lines are the budget (said as an assumption)."""
    lines = [c for c in facts.costs if not c.unit_cost]
    if brief.budget.total is not None or not lines:
        return brief, facts, []
    total = round(sum(c.amount for c in lines), 6)
    brief = brief.model_copy(update={"budget": Budget(total=total)})
    brief = brief.model_copy(update={"missing": missing_fields(brief)})
    note = Assumption(
        code="A-BUDGET-FROM-COSTS",
        message=f"项目描述未写预算总额，按所列费用合计{money_text(total)}万元作为预算。",
    )
    return brief, facts.model_copy(update={"budget": total}), [note]


def with_unit(brief: ProjectBrief, unit: str) -> ProjectBrief:
    """The unit the facts found reaches 主管部门 when the brief parser missed it (…管理处, …镇)."""
    if brief.department.name or not unit:
        return brief
    department = brief.department.model_copy(update={"name": unit})
    updated = brief.model_copy(update={"department": department})
    return updated.model_copy(update={"missing": missing_fields(updated)})
