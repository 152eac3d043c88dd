"""Rows the brief states in one slot that are the project type's own measure of another: a stated
rate on the type's usual effect moves to 效益, the type's quality measure read as an effect moves
to 质量 (project_types.yaml `benefit`, `quality`)."""

from __future__ import annotations

import os

from assistant.drafting.facts import ProjectFacts
from assistant.drafting.project_types import type_of
from assistant.drafting.understand_outcome import WORDS, result_level2
from assistant.schema import BENEFIT, OUTPUT, QUALITY, Indicator
from assistant.taxonomy import slot_of


def as_type_benefit(rows: list[Indicator], facts: ProjectFacts) -> list[Indicator]:
    """'整改率达到100%' of an inspection is the type's usual effect (发现问题整改率) with the brief's
    value: it moves to 效益, and no second rate is made up beside it."""
    kind = type_of(facts.main_type)
    name = kind.benefit[0] if kind and kind.benefit else ""
    out = []
    for row in rows:
        rate = _same_rate(row.name, name)
        if slot_of(row) == "质量" and len(rate) >= 3:
            # the brief's own name when it says whose rate (查处安全隐患整改率), else the type's
            own = row.name if len(row.name) > len(rate) + 1 else name
            update = {"level1": BENEFIT, "level2": result_level2(name), "name": own}
            row = row.model_copy(update=update)
        elif slot_of(row) == "质量" and any(w in row.name for w in WORDS["result_rates"]):
            # '公民具备科学素质比例达到14%', '畜禽粪污综合利用率90%': what the work achieves
            update = {"level1": BENEFIT, "level2": result_level2(row.name)}
            row = row.model_copy(update=update)
        out.append(row)
    return out


def _same_rate(one: str, other: str) -> str:
    """The rate both names end on ('查处安全隐患整改率', '发现问题整改率' -> 整改率), or ''."""
    common = os.path.commonprefix([one[::-1], other[::-1]])[::-1]
    return common if common.endswith("率") else ""


def as_type_quality(rows: list[Indicator], facts: ProjectFacts) -> list[Indicator]:
    """'实现村（居）法律顾问全覆盖' read as an effect is the type's own quality measure (村（居）
    法律顾问覆盖率): it moves to 质量, so the type's usual effect can fill 效益."""
    kind = type_of(facts.main_type)
    name = kind.quality[0] if kind and kind.quality else ""
    return [
        r.model_copy(update={"level1": OUTPUT, "level2": QUALITY})
        if name and r.name == name and slot_of(r) == "效益"
        else r
        for r in rows
    ]
