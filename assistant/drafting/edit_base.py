"""What every edit handler shares: the drafter's side it needs, the refusal, the target row."""

from __future__ import annotations

from typing import Protocol

from assistant.drafting.edit_model import Edit
from assistant.drafting.refiner import Refiner
from assistant.drafting.retriever import Retriever
from assistant.drafting.slots import Candidate
from assistant.errors import AssistantError
from assistant.schema import Draft, IndicatorHit


class EditContext(Protocol):
    """What an edit needs from the drafter (engine.Drafter): candidates and cost sources for
    regenerated rows, and the optional LLM for requests the rules do not understand."""

    refiner: Refiner | None
    profile: str  # the review profile an edited draft is repaired to pass
    retriever: Retriever  # rows named in the chat without a value borrow a close past row's

    def slot_candidates(
        self, draft: Draft, slot: str, level2: str | None = None
    ) -> list[Candidate]: ...

    def cost_sources(self, scored: list[Candidate]) -> list[IndicatorHit]: ...


class EditRefused(AssistantError):
    """The edit cannot be applied (unknown row, would leave an error, empties a required slot)."""


def target_row(draft: Draft, edit: Edit) -> int:
    rows = len(draft.table.indicators)
    if edit.row is None or not 1 <= edit.row <= rows:
        raise EditRefused(f"没有第{edit.row}行：当前表共有{rows}行指标。")
    return edit.row
