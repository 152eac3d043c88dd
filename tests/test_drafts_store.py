"""Drafts store: versions, persistence across restarts, owner isolation, WAL, concurrent saves.

The drafts saved here wrap real corpus tables (parsed from the seed files) in a Draft.
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.drafts_store import DraftNotFound, DraftsStore
from assistant.errors import AssistantError
from assistant.schema import Draft, ProjectBrief
from assistant.workbench.models import Owner

ALICE = Owner(id="user:alice", name="alice")
BOB = Owner(id="browser:bob-token", name="访客bob")


def _draft(table) -> Draft:
    return Draft(brief=ProjectBrief(text=table.name, name=table.name), table=table)


@pytest.fixture
def store(tmp_path):
    return DraftsStore(tmp_path / "drafts.sqlite3")


def test_every_save_is_a_new_version(store, seed_tables_000):
    first, second = _draft(seed_tables_000[0]), _draft(seed_tables_000[1])
    v1 = store.save(ALICE, first, note="初稿")
    v2 = store.save(ALICE, second, draft_id=v1.draft_id, note="改了名称")
    assert (v1.version, v2.version) == (1, 2)
    assert v2.draft_id == v1.draft_id and v2.author == "alice"
    assert store.load(ALICE, v1.draft_id) == second
    assert store.load(ALICE, v1.draft_id, version=1) == first
    versions = store.list_versions(ALICE, v1.draft_id)
    assert [(v.version, v.note) for v in versions] == [(1, "初稿"), (2, "改了名称")]
    [summary] = store.list_drafts(ALICE)
    assert summary.title == seed_tables_000[1].name and summary.latest_version == 2


def test_restart_loses_nothing(tmp_path, seed_tables_003):
    path = tmp_path / "drafts.sqlite3"
    saved = DraftsStore(path).save(ALICE, _draft(seed_tables_003[2]))
    reopened = DraftsStore(path)
    assert reopened.load(ALICE, saved.draft_id).table == seed_tables_003[2]
    assert [d.draft_id for d in reopened.list_drafts(ALICE)] == [saved.draft_id]


def test_owners_never_see_each_others_drafts(store, seed_tables_000):
    mine = store.save(ALICE, _draft(seed_tables_000[0]))
    assert store.list_drafts(BOB) == []
    with pytest.raises(DraftNotFound) as err:
        store.load(BOB, mine.draft_id)
    assert isinstance(err.value, AssistantError) and "找不到" in str(err.value)
    with pytest.raises(DraftNotFound):
        store.list_versions(BOB, mine.draft_id)
    with pytest.raises(DraftNotFound):
        store.save(BOB, _draft(seed_tables_000[1]), draft_id=mine.draft_id)
    # The refused save changed nothing.
    assert [v.version for v in store.list_versions(ALICE, mine.draft_id)] == [1]
    assert store.load(ALICE, mine.draft_id).table == seed_tables_000[0]


def test_missing_version_is_a_clear_error(store, seed_tables_000):
    saved = store.save(ALICE, _draft(seed_tables_000[0]))
    with pytest.raises(DraftNotFound, match="第 7 版"):
        store.load(ALICE, saved.draft_id, version=7)


def test_drafts_are_listed_newest_first(store, seed_tables_000):
    ids = [store.save(ALICE, _draft(t)).draft_id for t in seed_tables_000[:3]]
    store.save(ALICE, _draft(seed_tables_000[0]), draft_id=ids[0])
    assert [d.draft_id for d in store.list_drafts(ALICE)] == [ids[0], ids[2], ids[1]]


def test_database_is_wal(store):
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_concurrent_saves_get_distinct_versions(store, seed_tables_000):
    draft = _draft(seed_tables_000[0])
    draft_id = store.save(ALICE, draft).draft_id
    with ThreadPoolExecutor(max_workers=4) as pool:
        infos = list(pool.map(lambda n: store.save(ALICE, draft, draft_id, f"#{n}"), range(12)))
    assert sorted(i.version for i in infos) == list(range(2, 14))
    assert len(store.list_versions(ALICE, draft_id)) == 13
