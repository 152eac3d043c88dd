"""Brief-facts recall and off-topic rows: does the draft keep what the user wrote, and nothing
of another project?

Recall looks only at the rows' 三级 names and values (a description that quotes the brief does
not count): figures, activities, periods and cost lines of the brief, plus the unit in the header.
A row is off topic when its name shares no word (bigram) with the brief and it is not a standard
indicator of the brief's project type (the indicator library, or one of the universal rows).
"""

from __future__ import annotations

import re
import time

from assistant.drafting.brief import parse_brief
from assistant.drafting.library import is_standard
from assistant.drafting.project_types import classify
from assistant.drafting.slots import topic_bigrams
from assistant.errors import AssistantError
from assistant.schema import Draft, Indicator
from assistant.taxonomy import slot_of
from evals.drafters import TableDrafter
from evals.metrics import mean
from evals.models import FactsCase, FactsResult

_SIGNS_RE = re.compile(r"[≥≤=<>＞＜\s,，]|不少于|不低于|以上|以内")


def _plain(text: str) -> str:
    return _SIGNS_RE.sub("", text).replace("—", "至").replace("－", "至")


def _row_text(row: Indicator) -> str:
    return _plain(f"{row.name} {row.value.raw}")


def _within(text: str) -> str:
    """'7日内' is stated by '≤7日'."""
    return re.sub(r"(?:以内|之内|内)$", "", _plain(text))


def _states(row: Indicator, figure: str) -> bool:
    """The row's value states the brief's figure, and says it took it from the brief: a figure
    glued into a name ('免疫猪牛羊85万头数量 ≥1项') or a default that happens to be equal (满意度
    ≥90% for the brief's 免疫密度90%) does not count; '7日内' is stated by '≤7日'."""
    wanted = _within(figure)
    rule = row.source.rule if row.source else ""
    return wanted in _plain(row.value.raw) and "按项目描述" in rule


def _cost_found(item: str, rows: list[Indicator]) -> bool:
    name, _, amount = item.partition(":")
    return any(
        slot_of(r) == "成本"
        and name in r.name
        and r.value.number is not None
        and abs(r.value.number - float(amount)) < 0.01
        for r in rows
    )


def recall_items(case: FactsCase, draft: Draft) -> tuple[int, int, list[str]]:
    """(found, wanted, missed) over the expected figures, activities, periods and costs."""
    rows = draft.table.indicators
    texts = [_row_text(r) for r in rows]
    names = [r.name for r in rows]
    checks = [(f, any(_states(r, f) for r in rows)) for f in case.expected.figures]
    checks += [(a, any(a in n for n in names)) for a in case.expected.activities]
    checks += [(p, any(_within(p) in t for t in texts)) for p in case.expected.periods]
    checks += [(c, _cost_found(c, rows)) for c in case.expected.costs]
    missed = [item for item, ok in checks if not ok]
    return len(checks) - len(missed), len(checks), missed


def off_topic_rows(case: FactsCase, draft: Draft) -> list[str]:
    """Names of rows sharing no word with the brief that are not standard for its type."""
    brief = topic_bigrams(case.text)
    types = list(dict.fromkeys([case.kind, *classify(case.text)]))
    out = []
    for row in draft.table.indicators:
        own = topic_bigrams(row.name)
        if own and not (set(own) & set(brief)) and not is_standard(row.name, types):
            out.append(row.name)
    return out


def evaluate_case(case: FactsCase, drafter: TableDrafter) -> FactsResult:
    """Draft the brief with its model table hidden, and score what the draft kept."""
    started = time.perf_counter()
    exclude = [case.derived_from] if case.derived_from else []
    try:
        draft = drafter.draft(parse_brief(case.text), exclude=exclude)
    except AssistantError as exc:
        return FactsResult(case_id=case.id, kind=case.kind, drafter=drafter.name, problem=str(exc))
    found, wanted, missed = recall_items(case, draft)
    unit = case.expected.unit
    return FactsResult(
        case_id=case.id,
        kind=case.kind,
        drafter=drafter.name,
        found=found,
        wanted=wanted,
        missed=missed,
        unit_ok=None if unit is None else unit in draft.table.department.name,
        rows=len(draft.table.indicators),
        off_topic=off_topic_rows(case, draft),
        seconds=time.perf_counter() - started,
    )


def run_facts(cases: list[FactsCase], drafters: list[TableDrafter]) -> list[FactsResult]:
    return [evaluate_case(case, d) for case in cases for d in drafters]


def facts_summary(results: list[FactsResult], drafter: str, kind: str | None = None) -> dict:
    """Micro recall, unit-in-header rate and off-topic share for one drafter (and type)."""
    mine = [r for r in results if r.drafter == drafter and kind in (None, r.kind)]
    wanted = sum(r.wanted for r in mine)
    units = [r.unit_ok for r in mine if r.unit_ok is not None]
    rows = sum(r.rows for r in mine)
    return {
        "cases": len(mine),
        "recall": sum(r.found for r in mine) / wanted if wanted else None,
        "unit": sum(units) / len(units) if units else None,
        "off-topic": sum(len(r.off_topic) for r in mine) / rows if rows else None,
        "s/draft": mean(r.seconds for r in mine),
    }
