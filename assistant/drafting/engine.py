"""The embedded drafter: brief -> facts -> the brief's own rows -> retrieved/library rows for the
open places -> finalized Draft (see docs/composing.md).

No LLM needed. With a `Refiner` (an LLM, see assistant/llm/), `draft()` hands it the embedded
draft and finalizes the result again (the rules have the last word).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from datetime import date

from assistant.drafting.brief import missing_fields, parse_brief
from assistant.drafting.brief_completion import budget_from_costs, with_unit
from assistant.drafting.compose import compose_rows
from assistant.drafting.compose_outcome import satisfaction_wanted
from assistant.drafting.edit_model import Edit
from assistant.drafting.edits import apply_edit, chat_edit
from assistant.drafting.facts import ProjectFacts
from assistant.drafting.fill import fill_slots
from assistant.drafting.finalize import finalize
from assistant.drafting.house_style import unit_satisfaction
from assistant.drafting.library import hiding
from assistant.drafting.refiner import Refiner
from assistant.drafting.repair import order_rows
from assistant.drafting.retriever import Retrieved, Retriever, bigrams, indicator_hit
from assistant.drafting.slots import (
    Candidate,
    retrieve_slot,
    score_candidates,
    usable,
)
from assistant.drafting.understand import understand
from assistant.rules import DEFAULT_PROFILE, profile_for
from assistant.schema import (
    Draft,
    Indicator,
    IndicatorHit,
    Note,
    ProjectBrief,
    ProjectHit,
    SearchFilters,
    TargetTable,
)
from assistant.taxonomy import NOUN_GROUPS, SLOTS, slot_of

MAX_QUERY_CHARS = 40  # below this a retrieved row fits worse than a rule-made generic row
# What the chat asks for each missing brief field; the note's code names the field.
_QUESTIONS = {
    "预算": Note(
        code="budget", text="项目预算是多少万元？其中财政资金多少？（提供后成本指标会按预算重算）"
    ),
    "年度": Note(code="year", text="项目属于哪一个预算年度？"),
    "单位": Note(code="department", text="主管部门和实施单位是哪个单位？"),
    "工作内容": Note(code="work-items", text="项目主要做哪几项工作？（用于细化数量、质量指标）"),
    "项目名称": Note(code="name", text="项目名称是什么？"),
}


def build_query(brief: ProjectBrief) -> str:
    """Project query: name, then work items and purpose while they add new words, kept short
    (query embedding time grows with length), plus the sibling words of its nouns (a 巡检 brief
    also finds tables that say 检查)."""
    text = ""
    for part in (brief.name, *brief.work_items, brief.purpose):
        part = re.sub(r"^\d{4}年度?|项目$", "", part or "").strip()
        if not part or _covered(part, text):
            continue
        if text and len(text) + len(part) > MAX_QUERY_CHARS:
            break
        text = f"{text} {part}".strip()
    text = text[:MAX_QUERY_CHARS] or brief.text[:MAX_QUERY_CHARS]
    extra = [
        w for group in NOUN_GROUPS if any(g in text for g in group) for w in group if w not in text
    ]
    return f"{text} {' '.join(extra)}".strip()


def _covered(part: str, text: str) -> bool:
    """Most of part's bigrams are already in text (it would only lengthen the query)."""
    grams, seen = bigrams(part), bigrams(text)
    return bool(grams) and sum(1 for g in grams if g in seen) >= 0.6 * len(grams)


def choose_layout(projects: list[ProjectHit], top: int = 5) -> str:
    """'new' only when most of the closest tables use the post-2021 layout; otherwise 'old'."""
    layouts = [p.table.layout for p in projects[:top]]
    return "new" if layouts and layouts.count("new") * 2 > len(layouts) else "old"


class Drafter:
    """Drafts target tables from briefs using a Retriever; an optional Refiner (LLM) rewrites."""

    def __init__(
        self,
        retriever: Retriever,
        refiner: Refiner | None = None,
        k_projects: int = 8,
        k_rows: int = 12,
        profile: str = DEFAULT_PROFILE,
    ):
        self.retriever = retriever
        self.refiner = refiner
        self.k_projects, self.k_rows = k_projects, k_rows
        # The review profile drafts are written to (national | strict | auto: the unit's
        # region's): it decides whether a project that serves no public gets a 满意度 row
        # (compose_outcome.satisfaction_wanted).
        self.profile = profile

    # ------------------------------------------------------------ drafting

    def draft(
        self,
        brief: ProjectBrief | str,
        filters: SearchFilters | None = None,
        today: date | None = None,
    ) -> Draft:
        """A zero-error Draft for the brief (text is parsed with `parse_brief` first)."""
        started = time.monotonic()
        if isinstance(brief, str):
            brief = parse_brief(brief, today=today)
        retrieved = self.retrieve(brief, filters)
        with hiding(filters.exclude_table_ids if filters else ()):
            draft = self.compose(brief, retrieved, today)
        if self.refiner is not None:
            refined = self.refiner.refine(draft, retrieved, started=started)
            draft = finalize(refined, profile=self.profile)
        return draft

    def retrieve(self, brief: ProjectBrief, filters: SearchFilters | None = None) -> Retrieved:
        """Similar tables and candidate rows per slot (one query text, so one embedding)."""
        query = build_query(brief)
        projects = self.retriever.search_projects(query, filters, k=self.k_projects)
        indicators = {
            slot: retrieve_slot(self.retriever, slot, query, filters, k=self.k_rows)
            for slot in SLOTS
        }
        return Retrieved(query=query, projects=projects, indicators=indicators)

    def compose(
        self, brief: ProjectBrief, retrieved: Retrieved, today: date | None = None
    ) -> Draft:
        """Rows from the brief's facts first, then retrieved/library rows for what is left open;
        finalized (repaired to zero errors, 绩效目标 written from the facts and the final rows)."""
        year, assumptions = _draft_year(brief, today)
        layout = choose_layout(retrieved.projects)
        facts = self.understand(brief)
        brief = with_unit(brief, facts.unit)
        brief, facts, from_costs = budget_from_costs(brief, facts)
        profile = profile_for(self.profile, brief.department.name or brief.name)
        own, assumed = compose_rows(facts, year, layout, profile)
        skip = frozenset() if satisfaction_wanted(facts, profile) else frozenset({"满意度"})
        rows, assumed = fill_slots(
            own, from_costs + assumed, facts, brief, retrieved, year, layout, self.cost_sources,
            skip, table_name=self._table_name,
        )  # fmt: skip
        rows, assumed = unit_satisfaction(rows, assumed, brief, retrieved.projects, year)
        table = self._table(brief, year, order_rows(_with_files(rows, self.retriever), layout))
        table.implementing_unit = facts.implementing_unit
        return finalize(
            Draft(
                brief=brief,
                table=table,
                assumptions=assumptions + [a.note() for a in assumed] + _assumptions(brief, rows),
                questions=[_QUESTIONS[m] for m in missing_fields(brief) if m in _QUESTIONS],
                based_on=_based_on(rows),
            ),
            profile=self.profile,
        )

    def understand(self, brief: ProjectBrief) -> ProjectFacts:
        """The brief's facts by the rules. When they find no work at all and a refiner that reads
        facts (an LLM) is configured, its reading, checked by the rules, fills the gap (one more
        model call only where the rules are stuck)."""
        facts = understand(brief)
        reader = getattr(self.refiner, "read_facts", None)
        if reader is None or facts.activities or facts.beneficiaries or facts.costs:
            return facts
        return reader(brief.text, facts)

    def _table_name(self, table_id: str) -> str:
        table = self.retriever.get_table(table_id)
        return table.name if table else ""

    def cost_sources(self, scored: list[Candidate]) -> list[IndicatorHit]:
        """All cost rows of the table of the best cost candidate (its split is kept)."""
        if not scored:
            return []
        best = scored[0].hit
        table = self.retriever.get_table(best.table_id)
        if table is None:
            return [best]
        return [
            indicator_hit(table, row)
            for row, indicator in enumerate(table.indicators, start=1)
            if slot_of(indicator) == "成本"
        ]

    def _table(self, brief: ProjectBrief, year: int, rows: list[Indicator]) -> TargetTable:
        name = brief.name or f"{year}年新建项目"
        return TargetTable(
            name=name,
            department=brief.department,
            year=year,
            budget=brief.budget,
            purpose=brief.purpose or brief.text,
            indicators=rows,
        )

    # ------------------------------------------------------------ edits

    def apply(self, draft: Draft, edit: Edit) -> Draft:
        """A new Draft with the edit applied and re-reviewed; raises EditRefused (Chinese) if not possible."""
        return apply_edit(self, draft, edit)[0]

    def chat_edit(self, draft: Draft, text: str) -> tuple[Draft, str]:
        """Apply a Chinese chat command; unknown or refused requests leave the draft unchanged."""
        return chat_edit(self, draft, text)

    def slot_candidates(
        self, draft: Draft, slot: str, level2: str | None = None
    ) -> list[Candidate]:
        """Scored candidates for one slot (or one 二级) of an existing draft, for edits."""
        query = build_query(draft.brief)
        if level2 is None:
            hits = retrieve_slot(self.retriever, slot, query, None, k=self.k_rows)
        else:
            filters = SearchFilters(level2=level2)
            hits = self.retriever.search_indicators(query, filters, k=self.k_rows)
        return usable(score_candidates(slot, hits, query, []))


def draft(brief: ProjectBrief | str, retriever: Retriever, **kwargs) -> Draft:
    """Convenience: `Drafter(retriever).draft(brief)`."""
    return Drafter(retriever).draft(brief, **kwargs)


def _draft_year(brief: ProjectBrief, today: date | None) -> tuple[int, list[Note]]:
    if brief.year:
        return brief.year, []
    year = (today or date.today()).year + 1
    return year, [Note(code="year-assumed", text=f"未说明年度，按{year}年（下一预算年度）编制。")]


def _assumptions(brief: ProjectBrief, rows: list[Indicator]) -> list[Note]:
    notes = []
    copied = [r for r in rows if r.source and r.source.table_id and slot_of(r) != "成本"]
    if copied:
        text = "数量、质量、时效等指标值沿用参考表的目标值，请按本项目实际工作量核实调整。"
        notes.append(Note(code="values-copied", text=text))
    if brief.budget.total is None:
        text = "未提供预算：成本指标暂按定性写「控制在批复预算内」，没有编造金额。"
        notes.append(Note(code="no-budget", text=text))
    if not brief.department.name:
        text = "未说明主管部门和实施单位，表头单位留空。"
        notes.append(Note(code="no-department", text=text))
    return notes


def _based_on(rows: list[Indicator]) -> list[str]:
    counts = Counter(r.source.table_id for r in rows if r.source and r.source.table_id)
    return [table_id for table_id, _ in counts.most_common()]


def _with_files(rows: list[Indicator], retriever: Retriever) -> list[Indicator]:
    """Fill the cited file/title from the source table when the index did not carry them."""
    cache: dict[str, TargetTable | None] = {}
    for row in rows:
        src = row.source
        if src and src.table_id and not src.file:
            if src.table_id not in cache:
                cache[src.table_id] = retriever.get_table(src.table_id)
            table = cache[src.table_id]
            if table is not None:
                src.file = table.source.file
                src.title = src.title or table.source.title or table.name
    return rows
