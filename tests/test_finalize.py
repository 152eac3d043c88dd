"""finalize: every path that makes or changes a draft ends with ordered, zero-error rows and
绩效目标 text written from those rows (B1: the LLM path and edits of LLM drafts kept stale goals)."""

from __future__ import annotations

from assistant.drafting.engine import Drafter
from assistant.drafting.finalize import finalize
from assistant.drafting.retriever import MemoryRetriever
from assistant.llm import LLMRefiner
from assistant.llm.lines import format_row
from assistant.rules import has_errors

BRIEF = "2026年开展燃气管道安全巡检，预算80万元"
NEW_NAME = "燃气管道巡检里程"


def _goals(draft) -> str:
    return "".join(draft.table.goals)


def test_b1_goals_follow_the_llm_refined_rows(corpus_tables, fake_chat):
    embedded = Drafter(MemoryRetriever(corpus_tables)).draft(BRIEF)
    rows = embedded.table.indicators
    assert rows[0].value.kind == "quantitative" and rows[0].name in _goals(embedded)
    lines = [format_row(i, f"D{n}") for n, i in enumerate(rows, 1)]
    lines[0] = lines[0].replace(rows[0].name, NEW_NAME)
    model, _ = fake_chat("\n".join(lines))
    refined = Drafter(MemoryRetriever(corpus_tables), refiner=LLMRefiner(model)).draft(BRIEF)
    assert refined.drafter != "embedded" and refined.table.indicators[0].name == NEW_NAME
    assert NEW_NAME in _goals(refined)
    assert rows[0].name not in _goals(refined)


def test_b1_chat_edit_of_an_llm_draft_rewrites_the_goals(corpus_tables):
    drafter = Drafter(MemoryRetriever(corpus_tables))
    draft = drafter.draft(BRIEF).model_copy(update={"drafter": "openai:test-model"})
    old = draft.table.indicators[0].name
    edited, reply = drafter.chat_edit(draft, f"把第1行改名为{NEW_NAME}")
    assert "改名" in reply
    assert NEW_NAME in _goals(edited) and old not in _goals(edited)


def test_finalize_orders_repairs_and_is_stable(corpus_tables):
    draft = Drafter(MemoryRetriever(corpus_tables)).draft(BRIEF)
    shuffled = draft.model_copy(deep=True)
    shuffled.table.indicators.reverse()
    shuffled.table.indicators[0].value = shuffled.table.indicators[0].value.parse("≥120%")
    shuffled.table.goals = ["旧的目标"]
    done = finalize(shuffled)
    assert not has_errors(done.findings)
    assert [i.level2 for i in done.table.indicators] == [i.level2 for i in draft.table.indicators]
    assert done.table.goals != ["旧的目标"]
    assert finalize(draft).table == draft.table  # a finished draft stays as it is
