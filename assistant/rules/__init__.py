"""The review rules: `review(table) -> list[Finding]`, `has_errors(findings)`, the `RULES` registry.

Pure: imports nothing of ours but `assistant.schema`. Each rule module registers its rules when
imported; RULE_MODULES fixes that order, which is the order findings of one row are listed in.
"""

from __future__ import annotations

import importlib

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

__all__ = ["RULES", "RULE_MODULES", "Hit", "Rule", "has_errors", "review"]
