"""Review profiles: which of the six slots a table must, should or may fill.

national (财预〔2021〕101号): 数量, 质量, 效益 always; 成本 for 工程/修缮/购置 (advised for the rest);
时效 advised; 满意度 for projects that serve the public. strict: all six, as the Tianjin seeds.
auto: each table its unit's region's (天津 strict, the rest national).
"""

from __future__ import annotations

from typing import Literal

from assistant.schema import REQUIRED_SLOTS, TargetTable

from .facts import AUTO_PROFILE, TableFacts
from .words import review_words

Need = Literal["required", "advised", "expected", "optional"]


def profile_names() -> tuple[str, ...]:
    """The profiles a user may choose: each of review_words.yaml, and auto (the unit's region's)."""
    return (*review_words().profiles, AUTO_PROFILE)


def profile_label(profile: str) -> str:
    return review_words().profiles[profile].label


def slot_need(facts: TableFacts, slot: str) -> Need:
    """How much the active profile wants `slot` in this table.

    expected = the profile asks for it because the project serves the public (a judgement)."""
    need = review_words().profiles[facts.profile].slots[slot]
    if need == "capital":
        return "required" if facts.is_capital else "advised"
    if need == "public":
        return "expected" if facts.serves_public else "optional"
    return need


def drafted_slots(table: TargetTable, profile: str) -> tuple[str, ...]:
    """The slots a drafter fills for `table` under `profile` (every slot but the optional ones)."""
    facts = TableFacts.of(table, profile)
    return tuple(slot for slot in REQUIRED_SLOTS if slot_need(facts, slot) != "optional")
