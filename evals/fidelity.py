"""Fidelity: leave one real table out, draft it from its own brief, compare with the real one."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable

from assistant.errors import AssistantError
from assistant.schema import ProjectBrief, TargetTable
from evals.costs import money_cost_sum, within_budget
from evals.drafters import TableDrafter
from evals.matching import VALUE_TOLERANCE, NameSimilarity, match_rows, slot_of, slot_order
from evals.metrics import precision_recall_f1
from evals.models import FidelityScores, SlotFidelity

# A draft whose money costs add up to less than this share of the budget leaves money unplanned.
COST_CLOSE_RATIO = 0.8


def brief_from_table(table: TargetTable) -> ProjectBrief:
    """The brief a user would have written for this table: its name, unit, budget and the text
    of its 项目概述 and 年度目标 (the goal lines staff write above the rows), never its rows."""
    budget = f"预算{table.budget.total:g}万元。" if table.budget.total is not None else ""
    year = f"{table.year}年" if table.year else ""
    purpose = purpose_text(table)
    text = f"项目名称：{table.name}\n主管部门：{table.department.name}\n{year}{budget}\n{purpose}"
    return ProjectBrief(
        text=text.strip(),
        name=table.name,
        department=table.department,
        year=table.year,
        budget=table.budget,
        purpose=purpose,
    )


def purpose_text(table: TargetTable) -> str:
    """项目概述 plus the 年度目标 lines it does not already contain, numbering dropped.

    Many tables (most of corpus-extra) print their goals only as 年度目标, with an empty 概述;
    a brief without them would be the project's name alone."""
    lines = [table.purpose.strip(), *(_GOAL_NUMBER.sub("", g).strip() for g in table.goals)]
    lines = list(dict.fromkeys(line for line in lines if line))
    # A 概述 cut short is contained in its full 年度目标 line: keep the longer one only.
    return "\n".join(a for a in lines if not any(a != b and a in b for b in lines))


_GOAL_NUMBER = re.compile(r"^(?:目标)?\s*\d+\s*[.、:：)）]\s*")


def compare_tables(
    draft: TargetTable,
    real: TargetTable,
    similarity: NameSimilarity,
    drafter: str = "",
    tolerance: float = VALUE_TOLERANCE,
) -> FidelityScores:
    """二级 coverage, matched-row P/R/F1, value agreement and cost consistency of a draft."""
    matches = match_rows(draft, real, similarity, tolerance)
    precision, recall, f1 = precision_recall_f1(
        len(matches), len(draft.indicators), len(real.indicators)
    )
    real_level2 = {i.level2 for i in real.indicators}
    draft_level2 = {i.level2 for i in draft.indicators}
    cost_sum = money_cost_sum(draft)
    budget = real.budget.total
    return FidelityScores(
        table_id=real.id,
        drafter=drafter,
        draft_rows=len(draft.indicators),
        real_rows=len(real.indicators),
        matched=len(matches),
        precision=precision,
        recall=recall,
        f1=f1,
        level2_coverage=len(real_level2 & draft_level2) / len(real_level2) if real_level2 else 0.0,
        level2_matched=sorted(real_level2 & draft_level2),
        level2_missing=sorted(real_level2 - draft_level2),
        value_agreement=(sum(m.value_agrees for m in matches) / len(matches)) if matches else None,
        cost_sum=cost_sum,
        cost_within_budget=None if cost_sum is None else within_budget(cost_sum, budget),
        cost_close_to_budget=(
            None if cost_sum is None or not budget else cost_sum >= COST_CLOSE_RATIO * budget
        ),
        matches=matches,
        slots=slot_counts(draft, real, [m.slot for m in matches]),
    )


def evaluate_table(
    table: TargetTable, drafter: TableDrafter, similarity: NameSimilarity
) -> FidelityScores:
    """Draft `table` from its brief with the table hidden from retrieval, and score the draft."""
    started = time.perf_counter()
    try:
        draft = drafter.draft(brief_from_table(table), exclude=[table.id])
    except AssistantError as exc:
        return FidelityScores(
            table_id=table.id,
            drafter=drafter.name,
            real_rows=len(table.indicators),
            problem=str(exc),
            seconds=time.perf_counter() - started,
        )
    seconds = time.perf_counter() - started
    scores = compare_tables(draft.table, table, similarity, drafter.name)
    leaked = table.id in draft.based_on or any(
        (i.source and i.source.table_id == table.id) for i in draft.table.indicators
    )
    problem = "草稿引用了被留出的表" if leaked else ""
    return scores.model_copy(
        update={"based_on": draft.based_on, "seconds": seconds, "problem": problem}
    )


def leave_one_out(
    tables: Iterable[TargetTable],
    drafters: list[TableDrafter],
    similarity: NameSimilarity,
) -> list[FidelityScores]:
    """evaluate_table for every table and every drafter, table by table."""
    return [evaluate_table(t, d, similarity) for t in tables for d in drafters]


def slot_counts(
    draft: TargetTable, real: TargetTable, matched_slots: list[str]
) -> list[SlotFidelity]:
    """Draft, real and matched rows per slot (the matches' slots given)."""
    counts: dict[str, SlotFidelity] = {}
    for side, table in (("draft", draft), ("real", real)):
        for indicator in table.indicators:
            entry = counts.setdefault(slot_of(indicator), SlotFidelity(slot=slot_of(indicator)))
            setattr(entry, side, getattr(entry, side) + 1)
    for slot in matched_slots:
        counts[slot].matched += 1
    return [counts[slot] for slot in slot_order(counts)]


def fidelity_by_slot(scores: list[FidelityScores], drafter: str) -> dict[str, SlotFidelity]:
    """One drafter's draft, real and matched rows per slot, summed over the left-out tables."""
    totals: dict[str, SlotFidelity] = {}
    for entry in (e for s in scores if s.drafter == drafter for e in s.slots):
        total = totals.setdefault(entry.slot, SlotFidelity(slot=entry.slot))
        total.draft, total.real = total.draft + entry.draft, total.real + entry.real
        total.matched += entry.matched
    return {slot: totals[slot] for slot in slot_order(totals)}
