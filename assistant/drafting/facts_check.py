"""The rules check facts an LLM read from a brief: nothing the brief does not say survives.

An LLM fills the same ProjectFacts through structured output; small models invent figures,
units, periods and names. Every figure, amount, unit and period must be found in the brief's text,
types must be taxonomy keys, and what the rules read themselves is kept (the rules have the last
word). A row cites an item's `text` as the brief's own words, so a quote the brief does not hold is
replaced by the brief's clause that names the item.
"""

from __future__ import annotations

import re

from assistant.drafting.amounts import says_amount
from assistant.drafting.facts import (
    Activity,
    Beneficiary,
    CostLine,
    Outcome,
    Period,
    ProjectFacts,
    QualityTarget,
)
from assistant.drafting.project_types import project_types
from assistant.drafting.understand_outcome import internal_only, result_level2, without_outcomes
from assistant.taxonomy import (
    ECO_BENEFIT,
    ECONOMIC_BENEFIT,
    SOCIAL_BENEFIT,
    load_data,
    normalize_level,
)

_OUTCOME_LEVEL2 = (ECONOMIC_BENEFIT, SOCIAL_BENEFIT, ECO_BENEFIT)
_CLAUSE_RE = re.compile(r"[，。；,;！？!?\n]+")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def _figure_in(figure: str, text: str) -> bool:
    """The figure as a whole number of the text: '6' is not in '16', '60' or '6.5'."""
    return re.search(rf"(?<![\d.]){re.escape(figure)}(?!\d|\.\d)", text) is not None


def _said(number: float | None, text: str) -> bool:
    if number is None:
        return True
    plain = text.replace(",", "")
    shown = f"{number:.6f}".rstrip("0").rstrip(".")
    wan = [f"{number / 10000:g}万"] if number >= 10000 else []  # 60000 written '6万'
    return any(_figure_in(form, plain) for form in [shown, *wan])


def _digits_said(value: str, text: str) -> bool:
    """Every number of value is a number of the text (a value without one says nothing)."""
    numbers = _NUMBER_RE.findall(value)
    return bool(numbers) and all(_figure_in(n, text.replace(",", "")) for n in numbers)


def _in_text(value: str, text: str) -> bool:
    return not value or re.sub(r"\s+", "", value) in re.sub(r"\s+", "", text)


def _quote(quote: str, text: str, *anchors: str) -> str:
    """The item's quote when the brief holds it, else the first clause naming an anchor."""
    if quote and _in_text(quote, text):
        return quote
    clauses = _CLAUSE_RE.split(text)
    for anchor in filter(None, anchors):
        found = next((c.strip() for c in clauses if anchor in c), "")
        if found:
            return found
    return ""


def checked(llm: ProjectFacts, rules: ProjectFacts, text: str) -> ProjectFacts:
    """The LLM's facts with unsupported parts dropped, merged after the rules' own facts."""
    unit = llm.unit if llm.unit and _in_text(llm.unit, text) else rules.unit
    types = [t for t in llm.types if t in project_types()] or rules.types
    outcomes = _merge(rules.outcomes, [_outcome(o, text) for o in llm.outcomes])
    activities, beneficiaries = without_outcomes(  # a result figure is a 效益 row, not a 数量 row
        outcomes,
        _merge(rules.activities, [_activity(a, text) for a in llm.activities]),
        _merge(rules.beneficiaries, [_beneficiary(b, text) for b in llm.beneficiaries]),
    )
    return rules.model_copy(
        update={
            "unit": unit,
            "implementing_unit": _implementing_unit(llm, rules, unit, text),
            "types": list(dict.fromkeys([*rules.types, *types]))[:3],
            "activities": activities,
            "beneficiaries": beneficiaries,
            "quality": _merge(rules.quality, [_quality(q, text) for q in llm.quality]),
            "costs": rules.costs or [c for c in (_cost(c, text) for c in llm.costs) if c],
            "period": _period(llm.period, rules.period, text),
            "effects": rules.effects or [e for e in llm.effects if _in_text(e[:4], text)],
            "deliverables": rules.deliverables
            or [d for d in llm.deliverables if d and _in_text(d, text)],
            "outcomes": outcomes,
            "public_served": _public_served(llm, rules, beneficiaries, text),
            "satisfaction_row": rules.satisfaction_row or _satisfaction_row(llm, rules),
        }
    )


def _implementing_unit(llm: ProjectFacts, rules: ProjectFacts, unit: str, text: str) -> str:
    """The rules' 实施单位, else the LLM's when the brief writes it; never the 主管部门 itself
    (or a part of its name: '水利局' of '某县水利局')."""
    named = rules.implementing_unit
    if not named and _in_text(llm.implementing_unit, text):
        named = llm.implementing_unit
    return "" if len(named) < 2 or named in unit else named


def _public_served(
    llm: ProjectFacts, rules: ProjectFacts, beneficiaries: list[Beneficiary], text: str
) -> bool:
    """The rules' yes stands. The LLM's yes alone does not turn their no (101号 would then ask a
    满意度 survey of no one the brief names): it counts only with people the brief names, checked
    (`_beneficiary`), as the rules themselves say yes when they find people (understand.py)."""
    if rules.public_served or not llm.public_served:
        return rules.public_served
    return bool(beneficiaries) and not internal_only(text)


def _satisfaction_row(llm: ProjectFacts, rules: ProjectFacts) -> str:
    """The LLM's 满意度 row name, only for facts that serve the public and a name that is one."""
    ending = load_data("outcome_words")["satisfaction_ending"]
    row = re.sub(r"\s+", "", llm.satisfaction_row)
    return row if rules.public_served and row.endswith(ending) and row != ending else ""


def _activity(act: Activity, text: str) -> Activity | None:
    if not act.object or not _in_text(act.object[:2], text):
        return None
    quote = _quote(act.text, text, act.object, act.object[:2])
    if not _said(act.count, text):
        return act.model_copy(update={"count": None, "unit": "", "text": quote})
    return act.model_copy(update={"text": quote})


def _beneficiary(who: Beneficiary, text: str) -> Beneficiary | None:
    """Whom the brief names, whole: the 满意度 row is asked of them."""
    if len(who.who) < 2 or not _in_text(who.who, text):
        return None
    update: dict = {"text": _quote(who.text, text, who.who)}
    if not _said(who.count, text):
        update |= {"count": None, "unit": ""}
    return who.model_copy(update=update)


def _outcome(found: Outcome, text: str) -> Outcome | None:
    """A result whose object, figure and unit the brief writes; its 二级 one of the three 效益
    (an unknown one is read from its words as the rules read theirs)."""
    if len(found.object) < 2 or not _in_text(found.object, text):
        return None
    if not _said(found.count, text) or not _in_text(found.unit, text):
        return None
    level2 = normalize_level(found.level2)
    if level2 not in _OUTCOME_LEVEL2:
        level2 = result_level2(found.verb + found.object, found.unit)
    quote = _quote(found.text, text, found.object)
    return found.model_copy(update={"level2": level2, "text": quote})


def _quality(target: QualityTarget, text: str) -> QualityTarget | None:
    numbers = _NUMBER_RE.findall(target.value)
    if not all(_figure_in(n, text) for n in numbers) or not _in_text(target.name[:2], text):
        return None
    return target.model_copy(update={"text": _quote(target.text, text, target.name[:2])})


def _cost(line: CostLine, text: str) -> CostLine | None:
    """A money line the brief writes (in 元 or 万元); its unit cost only when its figures are the
    brief's."""
    if not says_amount(line.amount, text) or not _in_text(line.name[:2], text):
        return None
    unit_cost = line.unit_cost if _digits_said(line.unit_cost, text) else ""
    quote = _quote(line.text, text, line.name, line.name[:2])
    return line.model_copy(update={"unit_cost": unit_cost, "text": quote})


def _period(llm: Period, rules: Period, text: str) -> Period:
    """The rules' period when they read any part of one; else the LLM's when every part is the
    brief's own words (a deadline or frequency made up whole is worse than none)."""
    if any(_parts(rules)):
        return rules
    parts = _parts(llm)
    if not all(_in_text(p, text) for p in parts):
        return rules
    # the rules quote a span only; a quote the brief does not hold is no quote
    return llm.model_copy(update={"text": llm.text if _in_text(llm.text, text) else ""})


def _parts(period: Period) -> tuple[str, ...]:
    said = (period.start, period.end, period.duration, period.deadline, period.deadline_task)
    return tuple(p for p in (*said, period.frequency, *period.frequencies, *period.limits) if p)


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
