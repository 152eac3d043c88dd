"""Applying the edits of `chat_commands`: named rows, descriptions, moves, header fields, goals.

Each handler changes the working copy of a draft and returns the Chinese reply, or raises
EditRefused; `edits.apply_edit` then repairs and re-reviews the draft as for every edit.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from assistant.citations import rule_source, with_rule
from assistant.drafting.chat_commands import chat_words, level1_of, level2_for_name
from assistant.drafting.edit_base import EditContext, EditRefused, target_row
from assistant.drafting.edit_model import Edit
from assistant.drafting.repair import order_rows
from assistant.schema import Department, Draft, Indicator, IndicatorValue, SearchFilters
from assistant.taxonomy import slot_of

USER_RULE = "按用户要求"
_FIELD_NAMES = {"name": "项目名称", "department": "主管部门", "unit": "实施单位"}
_FIELD_QUESTIONS = {"name": "name", "department": "department", "unit": "department"}  # codes
_MISSING = {"name": "项目名称", "department": "单位", "unit": "单位"}  # brief.missing fields
_SIMILAR_ROW = 60  # a past row this close in name lends its value to a row added without one


def _add_named(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    name = (edit.name or "").strip()
    if name in {i.name for i in draft.table.indicators}:
        raise EditRefused(f"表中已有「{name}」，名称不能重复；可以说「把{name}改为…」修改它的值。")
    level2 = edit.level2 or level2_for_name(name, edit.value or "", draft)
    value, note = (edit.value or "").strip(), ""
    if not value:
        value, note = _suggested_value(drafter, name, level2)
    if not value:
        raise EditRefused(f"请一并说出指标值，例如「加一条{name}，不超过10万元」。")
    row = Indicator(
        level1=level1_of(level2, draft),
        level2=level2,
        name=name,
        value=IndicatorValue.parse(value),
        source=rule_source(f"{USER_RULE}；指标值{note}" if note else USER_RULE),
    )
    draft.table.indicators = order_rows([*draft.table.indicators, row], draft.table.layout)
    where = next(n for n, i in enumerate(draft.table.indicators, 1) if i.name == name)
    reply = (
        f"已按您的要求在{row.level1} → {row.level2}下增加第{where}行「{name}」（{row.value.raw}）。"
    )
    if note:
        reply += f"指标值{note}，请核实；可以说「把{name}改为…」。"
    return reply


def _suggested_value(drafter: EditContext, name: str, level2: str) -> tuple[str, str]:
    """A value for a row named without one: the closest past row's, else the usual default."""
    hits = drafter.retriever.search_indicators(name, SearchFilters(level2=level2), k=5)
    best = max(hits, key=lambda h: fuzz.ratio(h.indicator.name, name), default=None)
    if best is not None and fuzz.ratio(best.indicator.name, name) >= _SIMILAR_ROW:
        return best.indicator.value.raw, f"参考了{best.table_name}第{best.row}行"
    default = chat_words()["default_values"].get(level2, "")
    return default, "为通用写法，待按实际填写" if default else ""


def _describe(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    row = target_row(draft, edit)
    indicator = draft.table.indicators[row - 1]
    indicator.description = (edit.text or "").strip()
    indicator.source = with_rule(indicator.source, "用户修改指标描述")
    return f"已把第{row}行「{indicator.name}」的指标描述改为：{indicator.description}"


def _move(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    row = target_row(draft, edit)
    indicator = draft.table.indicators[row - 1]
    level2 = edit.level2 or ""
    if indicator.level2 == level2:
        raise EditRefused(f"「{indicator.name}」已经在{level2}下。")
    slot = slot_of(indicator)
    if slot and sum(1 for i in draft.table.indicators if slot_of(i) == slot) == 1:
        raise EditRefused(f"「{indicator.name}」是唯一的{slot}类指标，移走后{slot}类就空了。")
    indicator.level1, indicator.level2 = level1_of(level2, draft), level2
    indicator.source = with_rule(indicator.source, f"用户移到{level2}")
    draft.table.indicators = order_rows(draft.table.indicators, draft.table.layout)
    where = next(n for n, i in enumerate(draft.table.indicators, 1) if i is indicator)
    return f"已把「{indicator.name}」移到{indicator.level1} → {level2}（现在是第{where}行）。"


def _set_field(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    fields = {k: v.strip() for k, v in (edit.fields or {}).items()}
    if not fields or not all(fields.values()):
        raise EditRefused("要填写的内容为空。")
    table, brief = draft.table, draft.brief
    if "name" in fields:
        table.name = brief.name = fields["name"]
    if "department" in fields:
        table.department = brief.department = Department(name=fields["department"])
    if "unit" in fields:
        table.implementing_unit = fields["unit"]
    answered = {_FIELD_QUESTIONS[key] for key in fields}
    draft.questions = [q for q in draft.questions if q.code not in answered]
    if "department" in answered:
        draft.assumptions = [a for a in draft.assumptions if a.code != "no-department"]
    brief.missing = [m for m in brief.missing if m not in {_MISSING[k] for k in fields}]
    done = "，".join(f"{_FIELD_NAMES[k]}：{v}" for k, v in fields.items())
    return f"已填写{done}。"


def _set_goals(drafter: EditContext, draft: Draft, edit: Edit) -> str:
    lines = [line.strip() for line in (edit.text or "").splitlines() if line.strip()]
    if not lines:
        raise EditRefused("新的绩效目标为空。")
    draft.table.goals = lines
    draft.goals_by_user = True
    return "已把绩效目标改为：\n" + "\n".join(lines)


MORE_HANDLERS = {
    "add_named": _add_named,
    "describe": _describe,
    "move_row": _move,
    "set_field": _set_field,
    "set_goals": _set_goals,
}
