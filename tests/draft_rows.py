"""What the drafting tests read off a draft: its rows of one slot, its row names, and the day the
drafts are made on (so the budget year is fixed)."""

from __future__ import annotations

from datetime import date

from assistant.taxonomy import slot_of

TODAY = date(2026, 12, 1)


def slot_rows(draft, slot: str) -> list[tuple[str, str]]:
    """(三级 name, value) of the draft's rows of one slot (数量 质量 时效 成本 效益 满意度)."""
    return [(i.name, i.value.raw) for i in draft.table.indicators if slot_of(i) == slot]


def row_names(draft) -> str:
    return " ".join(i.name for i in draft.table.indicators)
