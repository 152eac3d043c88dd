"""The review rules: `review(table) -> list[Finding]`, `has_errors(findings)`, the `RULES` registry.

Pure: imports nothing of ours but `assistant.schema` (word lists and thresholds are data in
`assistant/data/review_words.yaml`). `review(table, profile, context)`: the profile (national |
strict, or auto: the unit's region's) says which slots are required; a ReviewContext (past tables) enables the comparisons. Each rule module registers its rules when
imported; RULE_MODULES fixes that order, which is the order findings of one row are listed in.
"""

from __future__ import annotations

import importlib

from .context import LiveTables, ReviewContext, TablesContext
from .facts import AUTO_PROFILE, DEFAULT_PROFILE, profile_for
from .profiles import drafted_slots, profile_label, profile_names
from .registry import RULES, Hit, Rule, has_errors, review

RULE_MODULES = (
    "structure",
    "values",
    "direction",
    "money",
    "names",
    "scope",
    "measurable",
    "relevance",
    "history",
)
for _module in RULE_MODULES:
    importlib.import_module(f"{__name__}.{_module}")

__all__ = [
    "AUTO_PROFILE",
    "DEFAULT_PROFILE",
    "RULES",
    "RULE_MODULES",
    "Hit",
    "LiveTables",
    "ReviewContext",
    "Rule",
    "TablesContext",
    "drafted_slots",
    "has_errors",
    "profile_for",
    "profile_label",
    "profile_names",
    "review",
]
