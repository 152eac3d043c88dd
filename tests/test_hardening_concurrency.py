"""Hardening (docs/security.md): 20 simultaneous browser sessions against the running app.

Each session (a gradio_client Client on its own thread, its own owner token) drafts its own
project, edits it by chat and saves, all at once (benchmarks/bench_load.py drives them and
times them). Checked: no errors, no cross-talk (each sees only its own name, budget, value and
draft), and every saved draft is in the SQLite store afterwards with all its versions.
"""

from __future__ import annotations

import pytest

from assistant.drafts_store import DraftsStore
from assistant.services import owner_from
from benchmarks.bench_load import run_load, summarize

SESSIONS = 20


@pytest.fixture(scope="module")
def load_runs(app_server):
    runs, wall_s = run_load(app_server.url, SESSIONS)
    return runs, wall_s


def test_every_session_sees_only_its_own_draft(load_runs):
    runs, _ = load_runs
    assert len(runs) == SESSIONS
    assert len({r.token for r in runs}) == SESSIONS
    assert len({r.draft_id for r in runs}) == SESSIONS
    names = {r.index: r.brief.split("，")[0] for r in runs}  # e.g. 2026年普陀区燃气管道安全巡检
    for run in runs:
        others = [name for i, name in names.items() if i != run.index]
        # the save after the chat edit changed nothing: no third version
        assert names[run.index] in run.status and "第 2 版" in run.status, run.status
        assert f"{run.budget:g} 万元" in run.review_html, run.index
        assert not any(name in run.status + run.review_html for name in others), run.index
        assert any(row[4] == run.edited_value for row in run.rows), run.index
        # the only other session's value that could leak in: one that differs from ours
        foreign = {r.edited_value for r in runs if r.index != run.index}
        assert not foreign & {row[4] for row in run.rows}, run.index
        assert run.listed_ids == [run.draft_id]


def test_every_saved_draft_is_in_the_store(load_runs, app_server):
    runs, _ = load_runs
    store = DraftsStore(app_server.settings.drafts_db)
    for run in runs:
        owner = owner_from(None, run.token)
        [summary] = store.list_drafts(owner)
        assert summary.draft_id == run.draft_id
        draft = store.load(owner, run.draft_id)
        assert draft.table.budget.total == run.budget
        assert draft.table.name.startswith(run.brief.split("，")[0])
        assert any(i.value.raw == run.edited_value for i in draft.table.indicators)
        notes = [v.note for v in store.list_versions(owner, run.draft_id)]
        assert notes[-1].startswith("对话修改：") and len(notes) == 2  # 保存 changed nothing


def test_latency_summary_covers_every_step(load_runs):
    runs, wall_s = load_runs
    summary = summarize(runs, wall_s)
    assert summary["sessions"] == SESSIONS
    for step in ("draft", "edit", "save"):
        row = summary["steps"][step]
        assert row["n"] == SESSIONS and 0 < row["p50_ms"] <= row["p95_ms"] <= row["max_ms"]
