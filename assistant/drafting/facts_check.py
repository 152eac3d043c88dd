"""The rules check facts an LLM read from a brief: nothing the brief does not say survives.

An LLM fills the same ProjectFacts through structured output; small models invent figures,
units and periods. Every figure, amount, unit and period must be found in the brief's text, types
must be taxonomy keys, and what the rules read themselves is kept (the rules have the last word).
"""

from __future__ import annotations

import re

from assistant.drafting.facts import Activity, Beneficiary, CostLine, ProjectFacts, QualityTarget
from assistant.drafting.project_types import project_types
from assistant.drafting.understand_outcome import without_outcomes


def _said(number: float | None, text: str) -> bool:
    if number is None:
        return True
    plain = text.replace(",", "")
    shown = f"{number:.6f}".rstrip("0").rstrip(".")
    return shown in plain or (number >= 10000 and f"{number / 10000:g}万" in plain)


def _in_text(value: str, text: str) -> bool:
    return not value or re.sub(r"\s+", "", value) in re.sub(r"\s+", "", text)


def checked(llm: ProjectFacts, rules: ProjectFacts, text: str) -> ProjectFacts:
    """The LLM's facts with unsupported parts dropped, merged after the rules' own facts."""
    unit = llm.unit if llm.unit and _in_text(llm.unit, text) else rules.unit
    types = [t for t in llm.types if t in project_types()] or rules.types
    period = rules.period if not rules.period.is_empty() else llm.period
    said = (period.start, period.end, period.deadline, period.deadline_task, period.frequency)
    if not all(_in_text(v, text) for v in (*said, *period.frequencies)):
        period = rules.period
    activities, beneficiaries = without_outcomes(  # a result figure is a 效益 row, not a 数量 row
        rules.outcomes,
        _merge(rules.activities, [_activity(a, text) for a in llm.activities]),
        _merge(rules.beneficiaries, [_beneficiary(b, text) for b in llm.beneficiaries]),
    )
    return rules.model_copy(
        update={
            "unit": unit,
            "types": list(dict.fromkeys([*rules.types, *types]))[:3],
            "activities": activities,
            "beneficiaries": beneficiaries,
            "quality": _merge(rules.quality, [q for q in llm.quality if _quality_ok(q, text)]),
            "costs": rules.costs or [c for c in llm.costs if _cost_ok(c, text)],
            "period": period,
            "effects": rules.effects or [e for e in llm.effects if _in_text(e[:4], text)],
            "deliverables": rules.deliverables or llm.deliverables,
            "public_served": rules.public_served or llm.public_served,
        }
    )


def _activity(act: Activity, text: str) -> Activity | None:
    if not act.object or not _in_text(act.object[:2], text):
        return None
    if not _said(act.count, text):
        return act.model_copy(update={"count": None, "unit": ""})
    return act


def _beneficiary(who: Beneficiary, text: str) -> Beneficiary | None:
    if not _in_text(who.who[:2], text):
        return None
    return who if _said(who.count, text) else who.model_copy(update={"count": None, "unit": ""})


def _quality_ok(target: QualityTarget, text: str) -> bool:
    numbers = re.findall(r"\d+(?:\.\d+)?", target.value)
    return all(n in text for n in numbers) and _in_text(target.name[:2], text)


def _cost_ok(line: CostLine, text: str) -> bool:
    return _said(line.amount, text) and _in_text(line.name[:2], text)


def _merge(mine: list, theirs: list) -> list:
    """The rules' items, then the LLM's that name something new."""
    out = list(mine)
    seen = {_key(x) for x in mine}
    for item in theirs:
        if item is not None and _key(item) not in seen:
            seen.add(_key(item))
            out.append(item)
    return out


def _key(item) -> str:
    return getattr(item, "object", None) or getattr(item, "who", None) or item.name
