"""The one way a draft is finished, whatever made or changed it (embedded drafter, LLM refine,
chat edit, grid edit): rows in slot order, repaired to zero review errors, 绩效目标 text written
from the rows it now has (unless the user wrote it).
"""

from __future__ import annotations

from datetime import date

from assistant.drafting.goals_text import goal_text
from assistant.drafting.repair import order_rows, repair
from assistant.drafting.understand import understand
from assistant.rules import DEFAULT_PROFILE
from assistant.schema import Draft


def finalize(draft: Draft, fix_warnings: bool = True, profile: str = DEFAULT_PROFILE) -> Draft:
    """Order, repair and write the goals of `draft`; repair notes are added to its notes.

    `fix_warnings=False` (after a user's edit) leaves warnings alone: the user chose that value.
    `profile`: the review profile the draft is repaired to pass (national | strict).
    """
    table = draft.table
    layout = table.layout
    year = table.year or date.today().year + 1
    ordered = table.model_copy(update={"indicators": order_rows(table.indicators, layout)})
    repaired, findings, notes = repair(ordered, draft.brief, year, layout, fix_warnings, profile)
    goals = (  # goals the user wrote stay as written
        table.goals
        if draft.goals_by_user
        else goal_text(
            understand(draft.brief),
            repaired.name,
            repaired.year or 0,
            repaired.budget,
            repaired.indicators,
        )  # fmt: skip
    )
    return draft.model_copy(
        update={
            "table": repaired.model_copy(update={"goals": goals}),
            "findings": findings,
            "notes": [*draft.notes, *notes],
        }
    )
