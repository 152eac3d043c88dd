"""Hardening (docs/security.md): crashes leave every store as it was before the interrupted write.

Covered elsewhere and not repeated here (see docs/security.md):
- kill -9 of the indexer midway, then `index` again → the ids and counts of a clean build:
  tests/test_index_build.py::test_killed_build_is_repaired_to_a_clean_build
- corpus JSON written via temp file + os.replace (crash keeps the old JSON, no temp left):
  tests/test_corpus.py::test_crash_during_write_leaves_the_old_json_whole and
  ::test_failed_add_leaves_nothing_behind
This file: the drafts DB (WAL, one transaction per save, a writer killed mid-transaction) and
exports end to end (the real writers failing midway).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from assistant.drafts_store import DraftsStore
from assistant.exporters import ExportFailed, export_table
from assistant.schema import Draft, ProjectBrief
from assistant.workbench.models import Owner
from tests.conftest import ROOT

OWNER = Owner(id="user:alice", name="alice")

# Runs in a child process: saves one more version, but stops right before COMMIT (the trace
# callback runs before each statement executes) and says so; the parent then kills it with -9.
KILLED_WRITER = textwrap.dedent(
    """
    import sqlite3, sys, time
    from assistant import drafts_store
    from assistant.importers import parse
    from assistant.schema import Draft, ProjectBrief
    from assistant.workbench.models import Owner

    db, draft_id, seed = sys.argv[1], sys.argv[2] or None, sys.argv[3]
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        def before(sql):
            if sql.strip().upper().startswith("COMMIT"):
                print("IN-TRANSACTION", flush=True)
                time.sleep(600)
        conn.set_trace_callback(before)
        return conn

    store = drafts_store.DraftsStore(db)
    drafts_store.sqlite3.connect = connect
    table = parse(seed)[2]
    draft = Draft(brief=ProjectBrief(text=table.name, name=table.name), table=table)
    store.save(Owner(id="user:alice", name="alice"), draft, draft_id, note="被杀死的保存")
    print("COMMITTED", flush=True)
    """
)


def _draft(table) -> Draft:
    return Draft(brief=ProjectBrief(text=table.name, name=table.name), table=table)


def kill_writer_mid_transaction(db: Path, draft_id: str | None) -> None:
    """Start KILLED_WRITER, wait until it is inside its transaction, kill -9 it."""
    from tests.conftest import SEED_000

    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(db), draft_id or "", str(SEED_000)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    timer = threading.Timer(60, child.kill)  # never hang the suite
    timer.start()
    try:
        line = child.stdout.readline().strip()
        assert line == "IN-TRANSACTION", f"writer never stopped inside a transaction: {line!r} " + (
            child.stderr.read() if child.poll() is not None else ""
        )
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    finally:
        timer.cancel()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL


def test_drafts_db_is_wal(tmp_path):
    DraftsStore(tmp_path / "drafts.sqlite3")
    with sqlite3.connect(tmp_path / "drafts.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_writer_killed_mid_transaction_leaves_previous_versions_intact(tmp_path, seed_tables_000):
    db = tmp_path / "drafts.sqlite3"
    store = DraftsStore(db)
    first = store.save(OWNER, _draft(seed_tables_000[0]), note="第一版")
    store.save(OWNER, _draft(seed_tables_000[1]), first.draft_id, note="第二版")

    kill_writer_mid_transaction(db, first.draft_id)  # would have been version 3
    kill_writer_mid_transaction(db, None)  # would have been a new draft

    reopened = DraftsStore(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    [summary] = reopened.list_drafts(OWNER)  # the killed new draft left no row
    assert (summary.title, summary.latest_version) == (seed_tables_000[1].name, 2)
    assert [v.note for v in reopened.list_versions(OWNER, first.draft_id)] == ["第一版", "第二版"]
    assert reopened.load(OWNER, first.draft_id) == _draft(seed_tables_000[1])
    assert reopened.load(OWNER, first.draft_id, 1) == _draft(seed_tables_000[0])
    after = reopened.save(OWNER, _draft(seed_tables_000[2]), first.draft_id, note="重启后")
    assert after.version == 3  # the killed save left no gap or half-written version


@pytest.mark.parametrize(
    ("suffix", "save_attr"),
    [
        (".xlsx", "openpyxl.workbook.workbook.Workbook.save"),
        (".docx", "docx.document.Document.save"),
    ],
)
def test_export_failing_midway_keeps_the_old_file(
    seed_tables_000, tmp_path, monkeypatch, suffix, save_attr
):
    target = export_table(seed_tables_000[0], tmp_path / f"导出{suffix}")
    old = target.read_bytes()

    def half_written(self, destination):
        Path(destination).write_bytes(old[: len(old) // 3])  # the start of a package, then…
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(save_attr, half_written)
    with pytest.raises(ExportFailed, match="写入失败"):
        export_table(seed_tables_000[1], target)
    assert target.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no partial temp file
