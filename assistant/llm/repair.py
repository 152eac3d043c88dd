"""Repairs applied to rows an LLM wrote, before the review rules see them.

The model is trusted with wording, not with facts: 一级 follows from 二级 (LEVEL2_PARENTS), money
follows from the budget (never from the model), and every row must trace back to a draft row or a
retrieved past row, otherwise it is dropped. Each repair leaves a Chinese note.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from rapidfuzz import fuzz

from assistant.drafting.adapt import move_texts
from assistant.llm.lines import ParsedRow
from assistant.schema import (
    COST,
    COST_L2,
    ECONOMIC_COST,
    LEVEL1_NAMES,
    LEVEL2_PARENTS,
    OUTPUT,
    Draft,
    Indicator,
    IndicatorValue,
    Note,
    SourceRef,
    TargetTable,
)
from assistant.taxonomy import COST_LEVEL2, MONEY_IN_WAN

_MONEY_IN_TEXT_RE = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:万元|元|亿元)")
_NO_BUDGET_RULE = "预算未提供：成本指标只写定性值，不编造金额"
_SAME_SLOT_MIN, _PLAUSIBLE_MIN, _DUPLICATE_MIN = 60, 50, 85
MAX_TABLE_ROWS = 12  # the prompt asks for 8～12 rows; real tables here have 6～12


class CitableRow(NamedTuple):
    """A row the model was shown and may cite: the row itself and the citation it carries."""

    indicator: Indicator
    source: SourceRef | None


def fix_levels(indicator: Indicator, layout: Literal["old", "new"]) -> tuple[Indicator | None, str]:
    """The row with a valid 一级/二级 pair for this layout (or None if 二级 is unknown), and a note."""
    level1, level2 = indicator.level1, indicator.level2
    if level2 not in LEVEL2_PARENTS and level1 in LEVEL2_PARENTS:
        level1, level2 = level2, level1  # a 二级 name in the 一级 column
    if level1 == COST and level2 == COST_L2 and layout == "new":
        level2 = ECONOMIC_COST
    elif level2 == ECONOMIC_COST and layout == "old":
        level2 = COST_L2
    elif level2 == COST_L2 and layout == "new":
        level2 = ECONOMIC_COST
    if level2 not in LEVEL2_PARENTS:
        return None, f"删除了二级指标无法识别的行「{indicator.name}」（{indicator.level2}）"
    if level1 not in LEVEL2_PARENTS[level2]:
        level1 = LEVEL2_PARENTS[level2][0]
    if (level1, level2) == (indicator.level1, indicator.level2):
        return indicator, ""
    fixed = indicator.model_copy(update={"level1": level1, "level2": level2})
    note = (
        f"「{indicator.name}」的层级由「{indicator.level1}/{indicator.level2}」"
        f"改为「{level1}/{level2}」"
    )
    return fixed, note


def _plausible(indicator: Indicator, cited: Indicator) -> bool:
    return (
        indicator.level2 == cited.level2 or fuzz.ratio(indicator.name, cited.name) >= _PLAUSIBLE_MIN
    )


def find_citation(row: ParsedRow, indicator: Indicator, citable: dict[str, CitableRow]):
    """The row this one rewrote: its own 来源 tag when plausible, else the closest name."""
    tagged = citable.get(row.ref)
    if tagged is not None and _plausible(indicator, tagged.indicator):
        return tagged
    # Without a usable tag only a close name in the same 二级 counts: a row moved to another
    # slot with another value is not "the same row rewritten".
    best, best_score = None, 0.0
    for candidate in citable.values():
        score = fuzz.ratio(indicator.name, candidate.indicator.name)
        same_slot = candidate.indicator.level2 == indicator.level2
        if same_slot and score >= _SAME_SLOT_MIN and score > best_score:
            best, best_score = candidate, score
    return best


def _near_duplicate(indicator: Indicator, kept: list[Indicator]) -> bool:
    """Same 二级 and nearly the same name (「发生信息安全事故」/「发生信息安全事故次数」)."""
    return any(
        k.level2 == indicator.level2 and fuzz.ratio(k.name, indicator.name) >= _DUPLICATE_MIN
        for k in kept
    )


def cite_rows(
    rows: list[ParsedRow],
    layout: Literal["old", "new"],
    citable: dict[str, CitableRow],
    parroted: frozenset[str] = frozenset(),
) -> tuple[list[Indicator], list[Note]]:
    """Level-repaired, cited, de-duplicated rows; rows without a traceable source are dropped,
    and so are rows copied from the prompt's own format example (`parroted` names)."""
    kept, notes = [], []
    shown = {c.indicator.name for c in citable.values()}
    for row in rows:
        indicator, note = fix_levels(row.indicator, layout)
        if note:
            notes.append(Note(code="llm-levels", text=note))
        if indicator is None:
            continue
        if indicator.name in parroted and indicator.name not in shown:
            text = f"删除了照抄提示词示例的行「{indicator.name}」"
            notes.append(Note(code="llm-drop:example", text=text))
            continue
        cited = find_citation(row, indicator, citable)
        if cited is None:
            text = f"删除了无法追溯来源的行「{indicator.name}」"
            notes.append(Note(code="llm-drop:unsourced", text=text))
            continue
        if _near_duplicate(indicator, kept):
            continue
        description = indicator.description or cited.indicator.description
        kept.append(
            indicator.model_copy(update={"source": cited.source, "description": description})
        )
    return kept, notes


def is_money_cost(indicator: Indicator) -> bool:
    return (
        indicator.level2 in COST_LEVEL2
        and indicator.value.kind == "quantitative"
        and indicator.value.unit in MONEY_IN_WAN
    )


def _amount(total: float) -> str:
    return f"{total:.2f}".rstrip("0").rstrip(".")


def _rewritten_money_row(row: Indicator, draft_money: list[Indicator]) -> Indicator | None:
    """The draft money row this row was cited from, if any."""
    return next((d for d in draft_money if row.source is not None and d.source == row.source), None)


def _budget_money_row(row: Indicator, rewritten: Indicator | None, total: float) -> Indicator:
    """A money cost row with a budget-derived amount: the draft row's, else `≤<budget>万元`."""
    value = rewritten.value if rewritten else IndicatorValue.parse(f"≤{_amount(total)}万元")
    name = row.name
    if _MONEY_IN_TEXT_RE.search(name):  # a model-written amount inside the name
        name = rewritten.name if rewritten else "项目总成本"
    return row.model_copy(update={"name": name, "value": value})


def qualitative_cost_rows(draft: Draft) -> list[Indicator]:
    """The draft's own non-money cost rows, or a rule-made `成本控制合理性 = 合理`."""
    rows = [i for i in draft.table.indicators if i.level2 in COST_LEVEL2 and not is_money_cost(i)]
    if rows:
        return rows
    level1, level2 = (COST, ECONOMIC_COST) if draft.table.layout == "new" else (OUTPUT, COST_L2)
    return [
        Indicator(
            level1=level1,
            level2=level2,
            name="成本控制合理性",
            description="项目成本控制在合理范围内",
            value="合理",
            source=SourceRef(rule=_NO_BUDGET_RULE),
        )
    ]


def budget_total(draft: Draft) -> float | None:
    """The budget in 万元 that money rows must follow (the table's, else the brief's)."""
    return (
        draft.table.budget.total
        if draft.table.budget.total is not None
        else draft.brief.budget.total
    )


def fix_costs(indicators: list[Indicator], draft: Draft) -> tuple[list[Indicator], list[Note]]:
    """Money cost rows recomputed from the budget; without a budget, replaced by qualitative rows.

    Amounts never come from the model: a row that rewrote a draft money row gets the draft's
    (budget-derived) amount back, a single new one gets `≤<budget>万元`, further ones are dropped.
    """
    money = [n for n, i in enumerate(indicators) if is_money_cost(i)]
    if not money:
        return indicators, []
    total = budget_total(draft)
    if total is None:
        fixed = [i for n, i in enumerate(indicators) if n not in money]
        if not any(i.level2 in COST_LEVEL2 for i in fixed):
            fixed[money[0] : money[0]] = qualitative_cost_rows(draft)
        text = "项目未提供预算：LLM 写的金额类成本指标已换成定性成本指标，不编造金额"
        return fixed, [Note(code="llm-cost:no-budget", text=text)]
    draft_money = [i for i in draft.table.indicators if is_money_cost(i)]
    fixed, notes, used = [], [], set()
    for n, indicator in enumerate(indicators):
        if n not in money:
            fixed.append(indicator)
            continue
        rewritten = _rewritten_money_row(indicator, draft_money)
        if (rewritten is None and (draft_money or used)) or id(rewritten) in used:
            text = f"删除了模型自拟金额的成本指标「{indicator.name}」（{indicator.value.raw}）"
            notes.append(Note(code="llm-drop:invented-money", text=text))
            continue
        used.add(id(rewritten))
        rebuilt = _budget_money_row(indicator, rewritten, total)
        if rebuilt.value.raw != indicator.value.raw:
            text = f"成本指标「{rebuilt.name}」的金额按预算改为「{rebuilt.value.raw}」"
            notes.append(Note(code="llm-cost:from-budget", text=text))
        fixed.append(rebuilt)
    return fixed, notes


def order_rows(indicators: list[Indicator], draft: Draft) -> list[Indicator]:
    """Rows grouped by 一级 in the draft's order of 一级, then by 二级 (数量, 质量, 时效 …);
    stable within a 二级, so rows a model appended sit beside the rows of their kind."""
    order = list(dict.fromkeys(i.level1 for i in draft.table.indicators))
    order += [name for name in LEVEL1_NAMES if name not in order]
    level2_order = list(LEVEL2_PARENTS)

    def position(indicator: Indicator) -> tuple[int, int]:
        level1 = order.index(indicator.level1) if indicator.level1 in order else len(order)
        level2 = level2_order.index(indicator.level2) if indicator.level2 in level2_order else 99
        return level1, level2

    return sorted(indicators, key=position)


def adapt_added_rows(
    rows: list[Indicator], draft: Draft, tables: list[TargetTable]
) -> tuple[list[Indicator], list[Note]]:
    """Rows the model took from past tables, moved to the draft's year and the brief's nouns,
    as the drafter does with its own rows (`工作任务于2025年…前完成` in a 2026 table)."""
    draft_sources = [i.source for i in draft.table.indicators]
    years = {t.id: t.year for t in tables}
    adapted, notes = [], []
    for row in rows:
        source_year = years.get(row.source.table_id) if row.source else None
        if row.source in draft_sources or not (source_year and draft.table.year):
            adapted.append(row)
            continue
        delta = draft.table.year - source_year
        moved, changes = move_texts((row.name, row.description, row.value.raw), delta, draft.brief)
        if changes:
            text = f"参考表的行「{row.name}」已按本项目改为「{moved[0]}」（年份、对象用词）"
            notes.append(Note(code="llm-adapted", text=text))
            name, description, raw = moved
            row = row.model_copy(
                update={
                    "name": name,
                    "description": description,
                    "value": IndicatorValue.parse(raw),
                }
            )
        adapted.append(row)
    return adapted, notes


def cap_rows(rows: list[Indicator], draft: Draft) -> tuple[list[Indicator], list[Note]]:
    """At most MAX_TABLE_ROWS rows: every row rewritten from the draft stays, rows the model
    added from past tables fill what is left in the order it wrote them."""
    if len(rows) <= MAX_TABLE_ROWS:
        return rows, []
    draft_sources = [i.source for i in draft.table.indicators]  # SourceRef is unhashable
    room = MAX_TABLE_ROWS - sum(r.source in draft_sources for r in rows)
    kept, dropped = [], []
    for row in rows:
        if row.source in draft_sources or room > 0:
            room -= row.source not in draft_sources
            kept.append(row)
        else:
            dropped.append(row.name)
    text = f"表格限 {MAX_TABLE_ROWS} 行：未采用模型另加的「{'、'.join(dropped)}」"
    return kept, [Note(code="llm-cap", text=text)]
