"""Rows of the indicator library and of the project type for a slot no real row fills: the type's
most used standard row with its typical value, else the type's own default 数量 or 质量 row
(project_types.yaml), each with a coded assumption."""

from __future__ import annotations

from assistant.drafting.adapt import tolerated_harm
from assistant.drafting.compose_outcome import SATISFACTION_DEFAULT
from assistant.drafting.facts import Assumption, ProjectFacts
from assistant.drafting.library import LibraryEntry, library_source, standard_entries
from assistant.drafting.project_types import type_of
from assistant.schema import (
    BENEFIT,
    LEVEL2_PARENTS,
    QUALITY,
    QUANTITY,
    SOCIAL_BENEFIT,
    Indicator,
    IndicatorValue,
    SourceRef,
)


def library_rows(
    facts: ProjectFacts, slot: str, taken: list[str], universal: bool = True
) -> tuple[list[Indicator], list[Assumption]]:
    """The type's most used standard row with a value; else (`universal`) its default row."""
    for entry in standard_entries(facts.types[:1], slot):
        if entry.count == 1:
            continue  # one table's own row
        value, written = _entry_value(entry, slot), ""
        if value and tolerated_harm(entry.name, parsed := IndicatorValue.parse(value)):
            # the tables' '≤5次' of 信息安全事故 is their tolerance, no target
            value, written = f"=0{parsed.unit}", f"；原表为{value}，按不发生填写"
        if value and entry.name not in taken:
            row = _entry_row(entry, value)
            row.source.rule += written
            note = Assumption(
                code="A-LIBRARY-ROW",
                row=row.name,
                message=f"项目描述未涉及{slot}，按同类项目常用指标「{row.name}」{value}填写，请核实。",
            )
            return [row], [note]
    rows, notes = _type_default(facts, slot) if universal else ([], [])
    if any(r.name in taken for r in rows):
        return (
            [],
            [],
        )  # the brief's own row already says it ('村（居）法律顾问覆盖率' as its effect)
    return rows, notes


# slot -> (ProjectType field, assumption code, what the brief did not say)
_TYPE_DEFAULTS = {
    "数量": (QUANTITY, "quantity", "A-QUANTITY-TYPE", "具体工作量"),
    "质量": (QUALITY, "quality", "A-QUALITY-TYPE", "质量要求"),
    "效益": (SOCIAL_BENEFIT, "benefit", "A-BENEFIT-TYPE", "可衡量的效果"),
}


def _type_default(facts: ProjectFacts, slot: str) -> tuple[list[Indicator], list[Assumption]]:
    """The project type's own 数量, 质量 or 效益 row (project_types.yaml) when nothing else fits:
    never the generic 项目目标实现程度 where the type knows its usual effect."""
    kind = type_of(facts.main_type)
    level2, field, code, unsaid = _TYPE_DEFAULTS.get(slot, ("", "", "", ""))
    pair = getattr(kind, field, None) if kind and field else None
    if pair is None:
        return [], []
    name, value = pair
    row = Indicator(
        level1=LEVEL2_PARENTS[level2][0], level2=level2, name=name, description=f"{facts.main_type}类项目常用{slot}指标",
        value=value, source=SourceRef(rule=f"项目类型（{facts.main_type}）的常用{slot}指标"),
    )  # fmt: skip
    note = Assumption(
        code=code, row=name,
        message=f"项目描述未写{unsaid}，按{facts.main_type}类项目常用指标「{name}」{value}填写，请按实际修改。",
    )  # fmt: skip
    return [row], [note]


def _entry_value(entry: LibraryEntry, slot: str) -> str:
    if entry.value and entry.median is not None:
        return entry.value
    if entry.unit == "%":
        return SATISFACTION_DEFAULT if slot == "满意度" else "=100%" if slot == "质量" else ""
    return entry.value if entry.value and slot == "效益" else ""


def _entry_row(entry: LibraryEntry, value: str) -> Indicator:
    source = library_source(entry)
    level1 = LEVEL2_PARENTS.get(entry.level2, (BENEFIT,))[0]
    return Indicator(
        level1=level1,
        level2=entry.level2,
        name=entry.name,
        description=entry.name,
        value=value,
        source=source,
    )
