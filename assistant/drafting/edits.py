"""Conversational edits: Chinese commands -> Edit, and applying an Edit to a Draft.

The rules understand the common commands; anything else goes to the optional LLM
(`llm.parse_edit`) or gets a reply listing what can be said. Every applied edit is re-reviewed;
an edit that would leave an error is refused or repaired, and the reply says which. The row
edits are here; named rows, moves and header fields in `edit_more.py`, budget and year in
`edit_table.py`.
"""

from __future__ import annotations

import re

from assistant.citations import source_label, with_rule
from assistant.drafting.adapt import adapt_row, cost_rows, generic_row, is_money_row, money_text
from assistant.drafting.amounts import parse_amount_wan
from assistant.drafting.chat_commands import spans_clauses
from assistant.drafting.edit_base import EditContext, EditRefused, target_row
from assistant.drafting.edit_model import Edit
from assistant.drafting.edit_more import MORE_HANDLERS
from assistant.drafting.edit_rules import HELP, parse_command
from assistant.drafting.edit_table import TABLE_HANDLERS
from assistant.drafting.finalize import finalize
from assistant.drafting.repair import order_rows
from assistant.drafting.slots import pick
from assistant.rules.values import MAX_SANE_VALUE
from assistant.schema import BENEFIT_L2, SOCIAL_BENEFIT, Draft, IndicatorValue
from assistant.taxonomy import MAX_ROWS, SLOT_ALIASES, SLOT_DEFAULT_LEVEL2, slot_of

_CLAUSE_SPLIT_RE = re.compile(r"[，,；;。]\s*(?:然后|再|并且|同时|另外)?")
_ONE_VALUE_KINDS = ("set_value", "rename", "set_budget", "set_year", "remove_row")
# Edits after which every row the handler left must still be there once the draft is repaired.
_KEEPS_ROWS = ("set_value", "rename", "set_year", "add_row", "remove_row", "add_named", "set_row")
_KEEPS_ROWS += ("describe", "move_row")


# ---------------------------------------------------------------- applying


def chat_edit(drafter: EditContext, draft: Draft, text: str) -> tuple[Draft, str]:
    """Rules first, then the LLM (if any); unknown or refused requests leave the draft unchanged."""
    try:
        compound = compound_edits(text, draft)
    except EditRefused as exc:
        return draft, f"没有修改：{exc}"
    if compound:
        return _apply_in_turn(drafter, draft, compound)
    edit = parse_command(text, draft)
    if edit is None and drafter.refiner is not None:
        edit = drafter.refiner.parse_edit(text, draft)
    if edit is None:
        return draft, HELP
    try:
        return apply_edit(drafter, draft, edit)
    except EditRefused as exc:
        return draft, f"没有修改：{exc}"


def compound_edits(text: str, draft: Draft) -> list[Edit]:
    """The commands of a message that holds several ('把第1行改为…，把第2行改为…'), else [].

    Each clause must be a command on its own; two changes of one value contradict each other and
    are refused, so that the user says which one is meant."""
    clauses = [c for c in _CLAUSE_SPLIT_RE.split(text) if c.strip()]
    if len(clauses) < 2 or spans_clauses(parse_command(text, draft)):
        return []  # one command written over commas: goals, two header fields, a budget split
    edits = [parse_command(clause, draft) for clause in clauses]
    if any(edit is None for edit in edits):
        return []
    targets = [(e.kind, e.row) for e in edits if e.kind in _ONE_VALUE_KINDS]
    if len(targets) != len(set(targets)):
        raise EditRefused("同一项被要求改了两次，前后矛盾。请只说一个要改成的值，再发送。")
    return edits


def _apply_in_turn(drafter: EditContext, draft: Draft, edits: list[Edit]) -> tuple[Draft, str]:
    """Apply edits one at a time; a refused one stops there and keeps the draft unchanged."""
    replies, work = [], draft
    for number, edit in enumerate(edits, start=1):
        try:
            work, reply = apply_edit(drafter, work, edit)
        except EditRefused as exc:
            return draft, f"没有修改：第{number}条修改无法执行（{exc}），整条消息都没有应用。"
        replies.append(reply)
    return work, "\n".join(replies)


def apply_edit(drafter: EditContext, draft: Draft, edit: Edit) -> tuple[Draft, str]:
    """(new draft, Chinese reply). Raises EditRefused when the edit cannot be applied."""
    work = draft.model_copy(deep=True)
    handler = _HANDLERS[edit.kind]
    reply = handler(drafter, work, edit)
    kept = [i.name for i in work.table.indicators]
    work.notes = []
    finished = finalize(work, fix_warnings=False, profile=drafter.profile)
    lost = set(kept) - {i.name for i in finished.table.indicators}
    if edit.kind in _KEEPS_ROWS and lost:
        # The repair would drop a row to clear an error this edit made: never silently.
        raise EditRefused(
            f"改后「{'、'.join(sorted(lost))}」会因审核错误被自动删除，请换一种写法。"
            + "（"
            + "；".join(n.text for n in finished.notes)
            + "）"
        )
    if finished.notes:
        reply += "\n（已自动修复：" + "；".join(n.text for n in finished.notes) + "）"
    finished.notes = [*draft.notes, *finished.notes]
    return finished, reply


def _set_value(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    row = target_row(draft, edit)
    indicator = draft.table.indicators[row - 1]
    value = IndicatorValue.parse((edit.value or "").strip())
    if not value.raw:
        raise EditRefused("新的指标值为空。")
    if value.kind == "quantitative" and not abs(value.number or 0.0) <= MAX_SANE_VALUE:
        raise EditRefused(f"指标值「{value.raw[:20]}…」的数字大得不合常理，请核对。")
    if value.kind == "quantitative":
        value = IndicatorValue.parse(value.render())
    budget = draft.table.budget.total
    if (
        slot_of(indicator) == "成本"
        and is_money_row(_with(indicator, value))
        and budget is not None
    ):
        amount = parse_amount_wan(value.raw.lstrip("≤<=≥>")) or 0.0
        if amount > budget + 0.005:
            raise EditRefused(f"成本指标{value.raw}超过了预算{money_text(budget)}万元。")
    if value.unit == "%" and value.number is not None and value.number > 100:
        raise EditRefused(f"比率类指标不能超过100%（{value.raw}）。")
    old = indicator.value.raw
    indicator.value = value
    indicator.source = with_rule(indicator.source, f"用户修改指标值：{old} → {value.raw}")
    return f"已把第{row}行「{indicator.name}」的指标值由{old}改为{value.raw}。"


def _rename(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    row = target_row(draft, edit)
    name = (edit.value or "").strip()
    if not name:
        raise EditRefused("新的指标名称为空。")
    others = [i.name for n, i in enumerate(draft.table.indicators, 1) if n != row]
    if name in others:
        raise EditRefused(f"已有名为「{name}」的指标，名称不能重复。")
    indicator = draft.table.indicators[row - 1]
    old, indicator.name = indicator.name, name
    indicator.source = with_rule(indicator.source, f"用户改名：{old} → {name}")
    return f"已把第{row}行「{old}」改名为「{name}」。"


def _remove(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    row = target_row(draft, edit)
    indicator = draft.table.indicators[row - 1]
    slot = slot_of(indicator)
    if slot and sum(1 for i in draft.table.indicators if slot_of(i) == slot) == 1:
        raise EditRefused(
            f"「{indicator.name}」是唯一的{slot}类指标，不能删除；可以说「重新生成{slot}指标」换一个。"
        )
    del draft.table.indicators[row - 1]
    return f"已删除第{row}行「{indicator.name}」。"


def _add(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    level2 = edit.level2 or SOCIAL_BENEFIT
    slot = slot_of_level2(level2)
    if slot == "成本":
        raise EditRefused(
            "成本指标由预算自动计算，不单独增加；可以说「预算改成90万」，或直接修改、改名已有的成本行。"
        )
    year = draft.table.year or 0
    present = [i.name for i in draft.table.indicators]
    exact = level2 if level2 in BENEFIT_L2 else None
    picked = pick(drafter.slot_candidates(draft, slot, exact), 1, present)
    row = (
        adapt_row(picked[0], draft.brief, year)
        if picked
        else generic_row(level2, draft.brief, year)
    )
    if row.name in present:
        raise EditRefused(f"表中已有「{row.name}」，没有找到别的{level2}可加。")
    draft.table.indicators = order_rows([*draft.table.indicators, row], draft.table.layout)
    return f"已增加{row.level2}「{row.name}」（{row.value.raw}），{_cite(row)}。"


def _regenerate(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    if edit.row is not None:
        slot = slot_of(draft.table.indicators[target_row(draft, edit) - 1]) or "效益"
    else:
        slot = slot_of_level2(edit.level2 or "")
    old_rows = [i for i in draft.table.indicators if slot_of(i) == slot]
    keep = [i for i in draft.table.indicators if slot_of(i) != slot]
    year = draft.table.year or 0
    if slot == "成本":
        sources = drafter.cost_sources(drafter.slot_candidates(draft, "成本"))
        new_rows = cost_rows(draft.table.budget.total, sources, draft.table.layout)
    else:
        avoid = [i.name for i in draft.table.indicators]
        picked = pick(drafter.slot_candidates(draft, slot), MAX_ROWS[slot], avoid)
        new_rows = [adapt_row(c, draft.brief, year) for c in picked[: max(1, len(old_rows))]]
        new_rows = new_rows or [generic_row(SLOT_DEFAULT_LEVEL2[slot], draft.brief, year)]
    draft.table.indicators = order_rows([*keep, *new_rows], draft.table.layout)
    names = "、".join(f"「{r.name}」（{r.value.raw}）" for r in new_rows)
    return f"已重新生成{slot}类指标：{names}。"


def _set_row(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    """A new name and a new value at once (「满意度指标改成受益群众满意度≥92%」)."""
    renamed = _rename(drafter, draft, Edit(kind="rename", row=edit.row, value=edit.name))
    valued = _set_value(drafter, draft, Edit(kind="set_value", row=edit.row, value=edit.value))
    return f"{renamed}\n{valued}"


_HANDLERS = {
    "set_value": _set_value,
    "rename": _rename,
    "remove_row": _remove,
    "add_row": _add,
    "regenerate_slot": _regenerate,
    "set_row": _set_row,
    **MORE_HANDLERS,
    **TABLE_HANDLERS,
}


# ---------------------------------------------------------------- helpers


def slot_of_level2(level2: str) -> str:
    word = level2.removesuffix("指标")
    if level2 in BENEFIT_L2:
        return "效益"
    return SLOT_ALIASES.get(word, SLOT_ALIASES.get(word.removeprefix("服务对象"), "效益"))


def _with(indicator, value):
    return indicator.model_copy(update={"value": value})


def _cite(indicator) -> str:
    src = indicator.source
    return f"参考{source_label(src)}" if src and src.table_id else "按通用规则生成"
