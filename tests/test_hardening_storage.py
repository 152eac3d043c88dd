"""Hardening, round 2: what is stored survives crashes, a full disk, damage and odd files.

- adding to the corpus is all or nothing, also when the process is killed with -9 midway;
- a full disk gives 磁盘空间不足 (chat, listing drafts, import) and leaves nothing half-written;
- a damaged drafts.sqlite3 is set aside at start and the user is told where it is;
- formula cells without a cached value are named instead of read as empty.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3

import openpyxl
import pytest

from assistant import corpus
from assistant.corpus import add_to_corpus, load_corpus
from assistant.drafts_store import DraftsStore
from assistant.errors import AssistantError, ImportFailed
from assistant.exporters import export_table
from assistant.importers import parse
from assistant.schema import Draft, ProjectBrief
from assistant.settings import Settings
from assistant.workbench.models import DraftSession, Owner
from tests.attacks_storage import listing, run_dying_add
from tests.conftest import SEED_000, SEED_003
from tests.fixtures_app import BRIEF

OWNER = Owner(id="user:alice", name="alice")
SEED_000_TABLES = 7


@pytest.fixture
def small_corpus(tmp_path) -> Settings:
    """A writable corpus of one real file (SEED_003, 4 tables), ingested."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED_003, folder / SEED_003.name)
    settings = Settings(
        profile="test", data_dir=tmp_path / "data", corpus_dir=folder, _env_file=None
    )
    corpus.run_ingest(settings)
    return settings


# ---------------------------------------------------------------- item 8: all or nothing


def test_add_killed_while_writing_leaves_the_corpus_as_it_was(small_corpus):
    before = listing(small_corpus)
    killed = run_dying_add(small_corpus, "write_table_json", 4)  # 3 of 7 JSONs written
    assert killed.returncode == -9 and "ADDED" not in killed.stdout
    visible = {n for n in listing(small_corpus) if not n.startswith(".")}
    assert visible == {n for n in before if not n.startswith(".")}
    tables = load_corpus(small_corpus)  # a restart: the unfinished add is rolled back
    assert listing(small_corpus) == before
    assert {t.id.rsplit("-", 1)[0] for t in tables} == {SEED_003.stem}


def test_add_killed_after_it_was_complete_is_finished_on_restart(small_corpus):
    # os.replace calls: 1 source + 7 JSONs into staging, 1 commit rename, then the moves.
    killed = run_dying_add(small_corpus, "replace", SEED_000_TABLES + 2 + 3)
    assert killed.returncode == -9
    assert any(".ready/" in name for name in listing(small_corpus)), "killed before the commit"
    tables = load_corpus(small_corpus)
    added = [t for t in tables if t.id.startswith("新增-")]
    assert len(added) == SEED_000_TABLES
    assert (small_corpus.corpus_dir / "新增.txt").read_bytes() == SEED_000.read_bytes()
    assert not [n for n in listing(small_corpus) if n.startswith(".adding-")]
    assert corpus.run_ingest(small_corpus).failures == []


# ---------------------------------------------------------------- item 11: disk full


def test_full_disk_during_import_says_so_and_writes_nothing(small_corpus, tmp_path, monkeypatch):
    before = listing(small_corpus)
    calls = []

    def fill_up(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    real = corpus.write_atomic
    monkeypatch.setattr(corpus, "write_atomic", fill_up)
    with pytest.raises(ImportFailed, match="磁盘空间不足"):
        add_to_corpus(SEED_000, small_corpus, original_name="新增.txt")
    assert listing(small_corpus) == before


def test_full_disk_while_indexing_an_import_takes_it_out_again(small_corpus, monkeypatch):
    import index
    from assistant.wiring import LiveRetriever, corpus_adder

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    before = listing(small_corpus)
    monkeypatch.setattr(index, "build_index", no_space)
    add = corpus_adder(small_corpus, LiveRetriever(None))
    with pytest.raises(AssistantError, match="磁盘空间不足"):
        add(SEED_000)
    assert listing(small_corpus) == before


def _full_after_open(monkeypatch):
    """SQLite connections that may not grow the file: SQLITE_FULL, exactly as on a full disk."""
    real = sqlite3.connect

    def connect(*args, **kwargs):
        conn = real(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count={pages}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_full_disk_when_starting_a_chat_or_listing_drafts(make_workbench, monkeypatch):
    wb = make_workbench()
    _full_after_open(monkeypatch)
    with pytest.raises(AssistantError, match="磁盘空间不足"):
        for _ in wb.chat(DraftSession(), BRIEF, OWNER):
            pass
    monkeypatch.undo()

    def unopenable(*args, **kwargs):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = 13
        raise error

    monkeypatch.setattr(sqlite3, "connect", unopenable)
    with pytest.raises(AssistantError, match="磁盘空间不足"):
        wb.drafts(OWNER)


def test_error_toasts_show_quoted_text_as_text():
    """Gradio shows toasts as HTML: a draft id typed as <img src=…> must not become an image."""
    from webui.common import user_errors

    @user_errors
    def handler():
        raise AssistantError("找不到草稿「<img src=http://127.0.0.1:9/a.png>」")

    with pytest.raises(Exception, match="找不到草稿") as caught:
        handler()
    assert "<img" not in str(caught.value) and "&lt;img" in str(caught.value)


def test_any_handler_reports_a_full_disk_in_chinese():
    from webui.common import user_errors

    @user_errors
    def handler():
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(Exception, match="磁盘空间不足"):
        handler()


# ---------------------------------------------------------------- item 12: damaged store


def _store_with_drafts(path, count=40) -> None:
    store = DraftsStore(path)
    table = parse(SEED_000)[0]
    for n in range(count):
        named = table.model_copy(update={"name": f"{table.name}{n}"})
        store.save(OWNER, Draft(brief=ProjectBrief(text=named.name), table=named))


def _damage(path, offset: int, count: int = 64) -> bytes:
    data = bytearray(path.read_bytes())
    data[offset : offset + count] = b"\xff" * count
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("where", ["header", "middle"])
def test_damaged_store_is_set_aside_at_start(tmp_path, where):
    path = tmp_path / "drafts.sqlite3"
    _store_with_drafts(path)
    size = path.stat().st_size
    damaged = _damage(path, 0 if where == "header" else size // 2 // 4096 * 4096)
    store = DraftsStore(path)
    assert store.damaged_copy is not None and store.damaged_copy.read_bytes() == damaged
    assert str(store.damaged_copy) in store.notice and "已损坏" in store.notice
    assert store.list_drafts(OWNER) == []
    table = parse(SEED_000)[0]
    store.save(OWNER, Draft(brief=ProjectBrief(text=table.name), table=table))
    assert len(store.list_drafts(OWNER)) == 1
    assert DraftsStore(path).notice == ""  # the fresh store is sound


def test_damage_after_start_is_a_clear_error(tmp_path):
    path = tmp_path / "drafts.sqlite3"
    _store_with_drafts(path)
    store = DraftsStore(path)
    _damage(path, 0)
    with pytest.raises(AssistantError, match="损坏"):
        store.list_drafts(OWNER)


def test_the_app_tells_the_user_where_the_damaged_store_is(make_workbench, tmp_path):
    from webui.layout import build_ui

    (tmp_path / "bad.sqlite3").write_bytes(b"\x00garbage" * 500)
    wb = make_workbench(db_name="bad.sqlite3")
    demo = build_ui(wb, wb.settings)
    texts = [str(c.get("props", {}).get("value", "")) for c in demo.config["components"]]
    assert any(str(wb.store.damaged_copy) in text for text in texts)


# ---------------------------------------------------------------- item 15: formulas


def test_formula_cells_without_values_are_named(tmp_path):
    path = tmp_path / "scripted.xlsx"
    export_table(parse(SEED_000)[0], path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    label = next(c for row in sheet.iter_rows() for c in row if c.value == "年度资金总额")
    budget = sheet.cell(label.row, label.column + 1)
    budget.value = "=30+1"  # openpyxl stores the formula and no result, as scripts do
    workbook.save(path)
    with pytest.raises(ImportFailed, match=rf"{budget.coordinate}.*公式"):
        parse(path)
