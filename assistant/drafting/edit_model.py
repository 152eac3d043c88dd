"""One change to a draft (`Edit`): what the chat commands (`edit_rules.py`) and the LLM
(`assistant/llm/edit.py`) produce and `edits.apply_edit` applies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from assistant.schema import Model

EditKind = Literal[
    "set_value",
    "rename",
    "add_row",
    "remove_row",
    "set_budget",
    "set_year",
    "regenerate_slot",
    "add_named",
    "set_row",
    "describe",
    "move_row",
    "set_field",
    "set_goals",
]
HeaderFieldKey = Literal["name", "department", "unit"]


class Edit(Model):
    """One change to a draft, from a chat command or an LLM."""

    kind: EditKind
    row: int | None = Field(None, description="1-based target row.")
    value: str | None = Field(None, description="New 指标值 (set_value) or 三级 name (rename).")
    level2: str | None = Field(None, description="Slot for add_row / regenerate_slot.")
    budget: float | None = Field(None, description="New budget total in 万元 (set_budget).")
    year: int | None = Field(None, description="New year (set_year).")
    name: str | None = Field(None, description="三级 name of a new row (add_named) or set_row.")
    fields: dict[HeaderFieldKey, str] | None = Field(
        None, description="Header fields and their new text (set_field)."
    )
    text: str | None = Field(None, description="New description or goals (one per line).")
    fiscal: float | None = Field(None, description="其中财政资金 in 万元 (set_budget).")
    other: float | None = Field(None, description="其他资金 in 万元 (set_budget).")
