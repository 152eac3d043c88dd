"""The unit's own way of writing what the brief leaves to convention.

Staff start from their unit's past tables, and a unit words its 满意度 row the same way year after
year (a centre whose every table asks `主管部门满意`). Where the brief names nobody to ask and the
drafter fell back on the project type's usual subject, the row the unit's own past tables agree on
is used instead, cited to one of them.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.drafting.adapt import adapt_row
from assistant.drafting.facts import Assumption
from assistant.drafting.retriever import indicator_hit
from assistant.drafting.slots import Candidate
from assistant.schema import Indicator, ProjectBrief, ProjectHit, TargetTable
from assistant.taxonomy import TUNING, slot_of

# What the drafter assumed when the brief named nobody to ask (compose_outcome._satisfaction_name).
_TYPE_SUBJECT_CODES = frozenset({"A-SATISFACTION-TYPE", "A-SATISFACTION-INTERNAL"})
_HOUSE_TABLES = TUNING["house_style_tables"]


def unit_satisfaction(
    rows: list[Indicator],
    assumed: list[Assumption],
    brief: ProjectBrief,
    projects: list[ProjectHit],
    year: int,
) -> tuple[list[Indicator], list[Assumption]]:
    """The draft with its type-default 满意度 row worded as the unit's own tables word it."""
    default = next((a for a in assumed if a.code in _TYPE_SUBJECT_CODES), None)
    own = [p.table for p in projects if brief.department.name == p.table.department.name]
    found = _agreed_row(own) if default and brief.department.name else None
    if found is None:
        return rows, assumed
    table, row, count = found
    borrowed = adapt_row(Candidate(hit=indicator_hit(table, row), slot="满意度"), brief, year)
    # 101号: a 满意度 row says how it is surveyed (a past table's may not)
    subject = re.sub(r"满意度?$", "", borrowed.name) or "服务对象"
    borrowed.description = f"对{subject}开展满意度调查，满意及基本满意的比例"
    note = Assumption(
        code="A-SATISFACTION-UNIT",
        row=borrowed.name,
        message=f"项目描述未写满意度调查对象，按本单位往年{count}张表的满意度指标填写，请按实际调查对象核对。",
    )
    kept = [r for r in rows if r.name != default.row]
    return kept + [borrowed], [a for a in assumed if a is not default] + [note]


def _agreed_row(tables: list[TargetTable]) -> tuple[TargetTable, int, int] | None:
    """The 满意度 row name most of the unit's tables share (at least house_style_tables of them):
    the first table that has it, its row, and how many tables share it."""
    named = [
        (table, row, ind.name)
        for table in tables
        for row, ind in enumerate(table.indicators, start=1)
        if slot_of(ind) == "满意度" and "满意" in ind.name
    ]
    shared = Counter(name for _, name in {(t.id, name) for t, _, name in named})
    if not shared:
        return None
    name, count = shared.most_common(1)[0]
    if count < _HOUSE_TABLES:
        return None
    return next((t, row, count) for t, row, n in named if n == name)
