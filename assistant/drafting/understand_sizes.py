"""Clauses that only size or explain work another clause names: '…加装电梯给予补贴，…全年计划补贴
15部' counts the subsidised work; '…示范村5个，…用于村内道路硬化、污水处理' lists what the money of
the counted work buys. Neither is work of its own."""

from __future__ import annotations

import re

from assistant.drafting.facts import Activity
from assistant.drafting.understand_targets import count_unit, to_count
from assistant.taxonomy import load_data

_GRANTS = "|".join(load_data("brief_words")["grant_verbs"])
_GRANT_COUNT_RE = re.compile(rf"^(?:全年|计划|预计|拟|共)*(?P<g>{_GRANTS})(?P<rest>.+)$")


def sizes_other_work(
    text: str, clause: str, activities: list[Activity], count_re: re.Pattern
) -> bool:
    """The clause counts or explains work already read; a grant count is set on its work."""
    return _granted_count(activities, clause, count_re) or _uses_of_counted(text, clause, count_re)


def _uses_of_counted(text: str, clause: str, count_re: re.Pattern) -> bool:
    """'打造示范村5个，每村补助200万元，用于村内道路硬化、污水处理…': what the money of work counted
    elsewhere is used for is that work's content, no work of its own."""
    uses = clause.startswith("用于") and not count_re.search(clause)
    return uses and bool(count_re.search(text.replace(clause, "")))


def _granted_count(activities: list[Activity], clause: str, count_re: re.Pattern) -> bool:
    """'对…加装电梯给予补贴，…全年计划补贴15部': the count is of the work paid for."""
    grant = _GRANT_COUNT_RE.match(clause)
    count = count_re.fullmatch(grant["rest"]) if grant else None
    act = (
        next((a for a in activities if a.count is None and a.verb == grant["g"]), None)
        if count
        else None
    )
    if act is None:
        return False
    act.count, act.unit = to_count(count["num"]), count_unit(count["num"], count["unit"])
    return True
