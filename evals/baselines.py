"""The two baselines the drafter must beat: copy the nearest table, or fill a generic template."""

from __future__ import annotations

from pathlib import Path

from assistant.errors import AssistantError
from assistant.schema import (
    Draft,
    Indicator,
    ProjectBrief,
    SearchFilters,
    SourceRef,
    TargetTable,
)
from evals.casefiles import load_generic_template
from evals.models import TemplateRow


def brief_query(brief: ProjectBrief) -> str:
    """The search text of a brief: its name and purpose, or its raw text."""
    return " ".join(part for part in (brief.name, brief.purpose) if part) or brief.text


class NearestTableBaseline:
    """Baseline (a): the single nearest past table (search_projects top-1), copied as-is."""

    name = "nearest-table"

    def __init__(self, index):
        self.index = index

    def draft(self, brief: ProjectBrief, exclude: list[str]) -> Draft:
        filters = SearchFilters(exclude_table_ids=list(exclude))
        hits = self.index.search_projects(brief_query(brief), filters=filters, k=1)
        if not hits:
            raise AssistantError("近邻基线：检索没有返回任何表。")
        source = hits[0].table
        rows = [
            row.model_copy(update={"source": SourceRef(table_id=source.id, row=n)})
            for n, row in enumerate(source.indicators, start=1)
        ]
        table = source.model_copy(update={"id": "", "indicators": rows})
        return Draft(brief=brief, table=table, based_on=[source.id], drafter=self.name)


class GenericTemplateBaseline:
    """Baseline (b): one row of generic wording per slot, the brief's budget in the cost row."""

    name = "generic-template"

    def __init__(self, rows: list[TemplateRow] | None = None, path: Path | None = None):
        self.rows = rows if rows is not None else load_generic_template(path)

    def draft(self, brief: ProjectBrief, exclude: list[str]) -> Draft:
        budget = brief.budget.total
        indicators = [self._indicator(row, budget) for row in self.rows]
        table = TargetTable(
            name=brief.name or "未命名项目",
            department=brief.department,
            year=brief.year,
            budget=brief.budget,
            purpose=brief.purpose,
            indicators=indicators,
        )
        return Draft(brief=brief, table=table, drafter=self.name)

    @staticmethod
    def _indicator(row: TemplateRow, budget: float | None) -> Indicator:
        value = row.value
        if "{budget}" in value:
            value = value.format(budget=f"{budget:g}") if budget is not None else "控制在预算内"
        return Indicator(
            level1=row.level1,
            level2=row.level2,
            name=row.name,
            description=row.description,
            value=value,
            source=SourceRef(rule="通用模板（基线）"),
        )
