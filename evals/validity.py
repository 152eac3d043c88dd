"""Validity: is each drafted table well-formed, complete, within budget and fully cited?"""

from __future__ import annotations

import time
from collections.abc import Mapping

from pydantic import ValidationError

from assistant.drafting.brief import parse_brief
from assistant.errors import AssistantError
from assistant.rules import DEFAULT_PROFILE, drafted_slots, review
from assistant.schema import REQUIRED_SLOTS, Draft, Indicator, TargetTable
from evals.costs import BUDGET_EPSILON_WAN, money_cost_rows, within_budget
from evals.drafters import TableDrafter
from evals.models import BriefCase, ValidityResult


def schema_valid(draft: Draft) -> bool:
    """The draft survives a JSON round trip through the schema (what the CLI and store do)."""
    try:
        Draft.model_validate_json(draft.model_dump_json())
    except ValidationError:
        return False
    return True


def missing_slots(table: TargetTable) -> list[str]:
    """Slots the national profile asks of this table (of 数量, 质量, 时效, 成本, 效益, 满意度) with
    no row: 满意度 only for projects that serve the public (财预〔2021〕101号)."""
    present = {i.level2 for i in table.indicators}
    wanted = drafted_slots(table, DEFAULT_PROFILE)
    return [slot for slot in wanted if not present.intersection(REQUIRED_SLOTS[slot])]


def row_is_cited(indicator: Indicator, corpus: Mapping[str, TargetTable]) -> bool:
    """A rule citation, or a corpus citation to a row that exists."""
    source = indicator.source
    if source is None:
        return False
    if source.table_id:
        table = corpus.get(source.table_id)
        return (
            table is not None
            and source.row is not None
            and 1 <= source.row <= len(table.indicators)
        )
    return bool(source.rule.strip())


def costs_within_budget(table: TargetTable, budget: float | None) -> bool:
    """Every money cost row is at most the budget (万元)."""
    return all(within_budget(amount, budget) for _, amount in money_cost_rows(table))


def _budget_read(draft: Draft, case: BriefCase) -> bool | None:
    stated, drafted = case.budget_wan, draft.table.budget.total
    if stated is None:
        return None
    return drafted is not None and abs(drafted - stated) <= BUDGET_EPSILON_WAN


def check_draft(
    draft: Draft, case: BriefCase, corpus: Mapping[str, TargetTable], drafter: str
) -> ValidityResult:
    """All validity checks of one draft; the case's stated budget wins over the parsed one."""
    findings = review(draft.table)
    budget = case.budget_wan if case.budget_wan is not None else draft.table.budget.total
    missing = missing_slots(draft.table)
    return ValidityResult(
        case_id=case.id,
        drafter=drafter,
        schema_valid=schema_valid(draft),
        review_errors=sum(f.severity == "error" for f in findings),
        review_warnings=sum(f.severity == "warning" for f in findings),
        categories_complete=not missing,
        missing_slots=missing,
        costs_within_budget=costs_within_budget(draft.table, budget),
        all_rows_cited=bool(draft.table.indicators)
        and all(row_is_cited(i, corpus) for i in draft.table.indicators),
        budget_read=_budget_read(draft, case),
        rows=len(draft.table.indicators),
    )


def evaluate_brief(
    case: BriefCase, drafter: TableDrafter, corpus: Mapping[str, TargetTable]
) -> ValidityResult:
    """Parse the brief, draft it (with the whole corpus visible) and check the draft."""
    started = time.perf_counter()
    try:
        draft = drafter.draft(parse_brief(case.text), exclude=[])
    except AssistantError as exc:
        return ValidityResult(case_id=case.id, drafter=drafter.name, problem=str(exc))
    result = check_draft(draft, case, corpus, drafter.name)
    return result.model_copy(update={"seconds": time.perf_counter() - started})


def run_validity(
    cases: list[BriefCase], drafters: list[TableDrafter], corpus: Mapping[str, TargetTable]
) -> list[ValidityResult]:
    """evaluate_brief for every case and drafter."""
    return [evaluate_brief(case, d, corpus) for case in cases for d in drafters]
