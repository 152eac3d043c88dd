"""Typed notes: assumptions, questions, repair notes and the LLM outcome carry a code; code
matches the code, never the Chinese text."""

from __future__ import annotations

from assistant.drafting import Drafter, MemoryRetriever
from assistant.drafting.finalize import finalize
from assistant.schema import Draft, Note


def test_drafts_saved_before_codes_still_load(corpus_tables):
    draft = Drafter(MemoryRetriever(corpus_tables)).draft("燃气管道安全巡检")
    data = draft.model_dump(mode="json")
    data["assumptions"] = ["未说明年度，按2026年编制。"]
    data["notes"], data["questions"] = ["旧的修复记录"], ["项目预算是多少万元？"]
    data.pop("llm_outcome")
    old = Draft.model_validate(data)
    assert [n.code for n in [*old.assumptions, *old.notes, *old.questions]] == ["legacy"] * 3
    assert old.notes[0].text == "旧的修复记录"


def test_edits_clear_assumptions_and_questions_by_code_not_text(corpus_tables):
    drafter = Drafter(MemoryRetriever(corpus_tables))
    draft = drafter.draft("燃气管道安全巡检")
    codes = {n.code for n in [*draft.assumptions, *draft.questions]}
    assert {"no-budget", "budget", "year-assumed", "year"} <= codes
    # Reworded texts: the codes still say what they are about.
    reworded = draft.model_copy(
        update={
            "assumptions": [Note(code=a.code, text="（改写过的说明）") for a in draft.assumptions],
            "questions": [Note(code=q.code, text="（改写过的问题）") for q in draft.questions],
        }
    )
    edited, _ = drafter.chat_edit(reworded, "预算改成90万")
    edited, _ = drafter.chat_edit(edited, "年度改为2027年")
    left = {n.code for n in [*edited.assumptions, *edited.questions]}
    assert not left & {"no-budget", "budget", "year-assumed", "year"}


def test_repair_notes_carry_the_rule_code(corpus_tables):
    draft = Drafter(MemoryRetriever(corpus_tables)).draft("燃气管道安全巡检，预算80万元")
    broken = draft.model_copy(deep=True)
    broken.table.indicators[0].value = broken.table.indicators[0].value.parse("≥120%")
    fixed = finalize(broken)
    assert "R-PERCENT-OVER-100" in {n.code for n in fixed.notes}
