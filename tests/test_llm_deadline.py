"""The LLM's time budget (`JXMB_LLM_SECONDS`): a refine never runs past it.

A fake clock stands in for `time.monotonic` in the LLM layer, so the tests run instantly and
decide exactly when time runs out; the replies are the recorded ones of the other LLM tests.
"""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest

from assistant.drafting.understand import understand
from assistant.llm import LLMRefiner, make_refiner, refine
from assistant.settings import get_settings
from tests.fixtures_llm import REPLIES_DIR, reply
from tests.notes import texts

# the modules, not the functions `assistant.llm` exports under the same names
refine_module = importlib.import_module("assistant.llm.refine")
replies_module = importlib.import_module("assistant.llm.replies")


@pytest.fixture
def clock(monkeypatch):
    """A settable clock for the LLM layer: `clock.now` is what time.monotonic() returns."""
    state = SimpleNamespace(now=0.0, calls=0, step=0.0)

    def monotonic() -> float:
        state.calls += 1
        state.now += state.step
        return state.now

    fake_time = SimpleNamespace(monotonic=monotonic)
    monkeypatch.setattr(refine_module, "time", fake_time)
    monkeypatch.setattr(replies_module, "time", fake_time)
    monkeypatch.setattr(importlib.import_module("assistant.llm"), "time", fake_time)
    return state


def _rows(draft) -> list[tuple[str, str]]:
    return [(i.name, i.value.raw) for i in draft.table.indicators]


def test_a_reply_cut_at_the_deadline_keeps_the_draft_rows_it_did_not_reach(
    llm_draft, llm_retrieved, clock
):
    # the recorded reply renames D1, D3, D5, D6 and breaks D7 (≥120%); 1.5 seconds a row
    settings = get_settings(llm=f"fake:{REPLIES_DIR / 'breaks_rule.txt'}", llm_seconds=5.5)
    refiner = make_refiner(settings)
    assert refiner.seconds == 5.5

    def row_by_row(message, rows):
        clock.now = 1.5 * len(rows)

    refined = refiner.refine(llm_draft, llm_retrieved, on_progress=row_by_row)
    rows = _rows(refined)
    # D1…D4 as the model wrote them before time ran out, D5…D7 as the embedded draft had them
    assert rows[:4] == [
        ("燃气管道巡检里程", "≥200公里"),
        ("项目验收", "出具验收意见"),
        ("巡检问题反馈时限", "≤30日"),
        ("项目实际成本控制", "≤80万元"),
    ]
    assert rows[4:] == _rows(llm_draft)[4:]
    assert refined.drafter != "embedded"
    assert "llm-cut" in [n.code for n in refined.notes]
    assert any("改写到草稿第 4 行为止" in t for t in texts(refined.notes))


def test_no_re_ask_starts_without_the_time_to_finish_it(llm_draft, llm_retrieved, fake_chat, clock):
    model, recorder = fake_chat(reply("breaks_rule"), reply("valid_qwen1.5b"))

    def one_second_a_row(message, rows):
        clock.now = float(len(rows))

    refined = refine(llm_draft, llm_retrieved, model, on_progress=one_second_a_row, seconds=10)
    # the whole first reply came in 7 s and broke a rule; 3 s left is too little for a re-ask
    assert len(recorder.prompts) == 1
    assert refined.table == llm_draft.table
    assert refined.llm_outcome.code == "llm-kept"
    assert "时限只剩 3.0 秒，回复未通过审核，来不及重问" in refined.llm_outcome.text


def test_a_reply_with_no_row_by_the_deadline_keeps_the_embedded_draft(
    llm_draft, llm_retrieved, fake_chat, clock
):
    model, recorder = fake_chat(reply("valid_qwen1.5b"))
    clock.step = 1.0  # every look at the clock is a second later: out of time a few characters in
    refined = refine(llm_draft, llm_retrieved, model, seconds=6)
    assert len(recorder.prompts) == 1
    assert refined.table == llm_draft.table
    assert "没有写出任何一行" in refined.llm_outcome.text


def test_no_ask_starts_when_the_draft_has_used_its_time(llm_draft, llm_retrieved, fake_chat, clock):
    model, recorder = fake_chat(reply("valid_qwen1.5b"))
    refiner = LLMRefiner(model, seconds=14)
    clock.now = 100.0
    # the draft began 10 s ago (a slow reading of its brief): 4 s is too little for a reply
    refined = refiner.refine(llm_draft, llm_retrieved, started=90.0)
    assert recorder.prompts == []
    assert refined.table == llm_draft.table
    assert "时限只剩 4.0 秒，来不及改写" in refined.llm_outcome.text


def test_a_brief_read_cut_short_keeps_the_rules_reading_and_is_not_asked_again(fake_chat, clock):
    text = "项目名称：麻风病防治。主管部门：区疾控中心。2021年预算4万元。"
    model, recorder = fake_chat('{"unit": "区疾控中心", "types": ["疾病防控"]}')
    refiner = LLMRefiner(model, seconds=14)
    clock.step = 1.0  # the JSON streams a character a second: past the 7 s share
    rules = understand(text)
    assert refiner.read_facts(text, rules) is rules
    assert not refiner.reads_briefs
    assert refiner.read_facts(text, rules) is rules
    assert len(recorder.prompts) == 1  # the second brief was not sent


def test_without_a_budget_the_whole_reply_is_read(llm_draft, llm_retrieved, fake_chat, clock):
    model, _ = fake_chat(reply("valid_qwen1.5b"))
    clock.step = 1000.0
    refined = refine(llm_draft, llm_retrieved, model)
    assert "llm-cut" not in [n.code for n in refined.notes]
    assert ("检查企业数量", "≥200家次") in _rows(refined)
