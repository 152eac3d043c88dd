"""The rule registry: every review rule is a small function registered with a stable code.

A rule's code, severity and source are fixed at registration, so a code always means the same
thing (the drafter and the UI key on codes); the function only says where and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

from assistant.schema import Finding, SuggestedFix, TargetTable

from .context import ReviewContext
from .facts import DEFAULT_PROFILE, TableFacts

Severity = Literal["error", "warning"]


class Hit(NamedTuple):
    """What a rule function reports: the 1-based row (None = whole table), message and field."""

    row: int | None
    message: str
    field: str = "value"
    fix: SuggestedFix | None = None


CheckFunction = Callable[[TableFacts], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """One review rule: a stable code, its severity, where the rule was read, and its check."""

    code: str
    severity: Severity
    source: str
    summary: str
    check: CheckFunction


RULES: list[Rule] = []


def rule(code: str, severity: Severity, source: str, summary: str):
    """Register the decorated check function under `code` (codes are unique)."""

    def register(check: CheckFunction) -> CheckFunction:
        if any(existing.code == code for existing in RULES):
            raise ValueError(f"duplicate rule code {code}")
        RULES.append(Rule(code, severity, source, summary, check))
        return check

    return register


def review(
    table: TargetTable, profile: str = DEFAULT_PROFILE, context: ReviewContext | None = None
) -> list[Finding]:
    """Run every rule on `table` under a review profile (national | strict); findings ordered
    table-level first, then by row. Rules comparing with past tables run only given `context`."""
    facts = TableFacts.of(table, profile, context)
    findings = [
        Finding(
            code=r.code,
            severity=r.severity,
            message=hit.message,
            row=hit.row,
            field=hit.field,
            fix=hit.fix,
        )
        for r in RULES
        for hit in r.check(facts)
    ]
    return sorted(findings, key=lambda f: -1 if f.row is None else f.row)


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error (a table with only warnings may be submitted)."""
    return any(f.severity == "error" for f in findings)
