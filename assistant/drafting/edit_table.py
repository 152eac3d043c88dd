"""Edits of the whole table's figures: the budget (the cost rows follow it) and the year (every
year in the name, the goals and the rows moves with it).

Handlers as in `edits.py`: they change the working copy and return the Chinese reply, or raise
EditRefused; `edits.apply_edit` repairs and re-reviews the draft afterwards.
"""

from __future__ import annotations

from assistant.drafting.adapt import cost_rows, is_money_row, money_text, shift_years
from assistant.drafting.amounts import check_sane
from assistant.drafting.brief import missing_fields
from assistant.drafting.edit_base import EditContext, EditRefused
from assistant.drafting.edit_model import Edit
from assistant.drafting.repair import order_rows, recompute_costs
from assistant.errors import AssistantError
from assistant.schema import Budget, Draft, IndicatorValue
from assistant.taxonomy import slot_of


def _set_budget(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    total = edit.budget
    if total is None and (edit.fiscal is not None or edit.other is not None):
        total = draft.table.budget.total  # 「其中财政资金60万元」: the total stays
    if total is None or total <= 0:
        raise EditRefused("预算必须是大于0的金额（万元）。")
    try:
        check_sane(total)
    except AssistantError as exc:
        raise EditRefused(str(exc)) from exc
    old = draft.table.budget
    draft.table.budget = _split_budget(edit, total) or _rescaled_budget(old, total)
    draft.brief.budget = draft.table.budget
    draft.brief.missing = missing_fields(draft.brief)
    if not any(is_money_row(i) for i in draft.table.indicators if slot_of(i) == "成本"):
        keep = [i for i in draft.table.indicators if slot_of(i) != "成本"]
        sources = drafter.cost_sources(drafter.slot_candidates(draft, "成本"))
        new = cost_rows(total, sources, draft.table.layout)
        draft.table.indicators = order_rows([*keep, *new], draft.table.layout)
    else:
        recompute_costs(draft.table)
    draft.assumptions = [a for a in draft.assumptions if a.code != "no-budget"]
    draft.questions = [q for q in draft.questions if q.code != "budget"]
    return f"预算已改为{money_text(total)}万元，成本指标已按新预算重算。"


def _set_year(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    new = edit.year
    if new is None or not 1990 <= new <= 2100:
        raise EditRefused("年度应为四位数年份，例如2027年。")
    old = draft.table.year or new
    delta = new - old
    table = draft.table
    table.year = draft.brief.year = new
    table.name = shift_years(table.name, delta)
    draft.brief.name = shift_years(draft.brief.name, delta)
    table.goals = [shift_years(g, delta) for g in table.goals]
    for indicator in table.indicators:
        indicator.name = shift_years(indicator.name, delta)
        indicator.description = shift_years(indicator.description, delta)
        indicator.value = IndicatorValue.parse(shift_years(indicator.value.raw, delta))
    draft.brief.missing = missing_fields(draft.brief)
    draft.assumptions = [a for a in draft.assumptions if a.code != "year-assumed"]
    draft.questions = [q for q in draft.questions if q.code != "year"]
    return f"年度已由{old}年改为{new}年，名称、目标和指标中的年份已一并顺延。"


def _split_budget(edit: Edit, total: float) -> Budget | None:
    """The user's own 财政/其他 split (「财政资金60万元，其他资金20万元」), the missing part derived."""
    if edit.fiscal is None and edit.other is None:
        return None
    fiscal = edit.fiscal if edit.fiscal is not None else round(total - (edit.other or 0), 6)
    other = edit.other if edit.other is not None else round(total - fiscal, 6)
    if fiscal < 0 or other < 0 or abs(fiscal + other - total) > 0.005:
        raise EditRefused(
            f"财政资金{money_text(fiscal)}万元与其他资金{money_text(other)}万元之和不等于预算{money_text(total)}万元。"
        )
    return Budget(total=total, fiscal=fiscal, other=other)


def _rescaled_budget(old: Budget, total: float) -> Budget:
    """New total; the fiscal/other split kept in its old proportion (all fiscal stays all fiscal)."""
    if old.fiscal is None or not old.total:
        return Budget(total=total)
    fiscal = round(total * old.fiscal / old.total, 6)
    return Budget(total=total, fiscal=fiscal, other=round(total - fiscal, 6))


TABLE_HANDLERS = {"set_budget": _set_budget, "set_year": _set_year}
