"""Attacks on what is stored: kill -9 during 加入语料库, a full disk, a damaged drafts store,
formula cells without values, hidden metadata ids. SYNTHETIC inputs; see tests/attacks.py."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from assistant import corpus
from assistant.drafts_store import DraftsStore
from assistant.importers import parse
from assistant.schema import Draft, ProjectBrief
from assistant.settings import Settings
from tests.attacks import BRIEF, OWNER, Lab, Verdict, verdict
from tests.conftest import ROOT, SEED_000, SEED_003

# Runs in a child process: adds SEED_000 (7 tables) as 新增.txt, killing itself with SIGKILL on
# the n-th call of corpus.<target> (os.replace for "replace"), as a power cut or kill -9 would.
DYING_ADD = textwrap.dedent(
    """
    import os, signal, sys
    from assistant import corpus
    from assistant.settings import Settings

    data, corpus_dir, upload, target, n = sys.argv[1:6]
    owner = corpus.os if target == "replace" else corpus
    real, calls = getattr(owner, target), []

    def dying(*args, **kwargs):
        calls.append(1)
        if len(calls) == int(n):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)

    setattr(owner, target, dying)
    settings = Settings(profile="test", data_dir=data, corpus_dir=corpus_dir, _env_file=None)
    corpus.add_to_corpus(upload, settings, original_name="新增.txt")
    print("ADDED", flush=True)
    """
)


def listing(settings: Settings) -> dict[str, bytes]:
    """Every file under the corpus folder, hidden ones included, with its bytes."""
    folder = settings.corpus_dir
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def run_dying_add(settings: Settings, target: str, n: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [settings.data_dir, settings.corpus_dir, SEED_000, target, n]
    return subprocess.run(
        [sys.executable, "-c", DYING_ADD, *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# ---------------------------------------------------------------- storage and crashes


def killed_add(target: str, n: int, finished: bool) -> Callable[[Lab], Verdict]:
    """kill -9 during 加入语料库; the next start must roll back (or finish) the add."""

    def run(lab: Lab) -> Verdict:
        settings = lab.small_corpus(f"killed-{target}-{n}")
        before = listing(settings)
        if run_dying_add(settings, target, n).returncode != -9:
            return Verdict("crash", "子进程没有在预定位置被杀死")
        added = [t for t in corpus.load_corpus(settings) if t.id.startswith("新增-")]
        if finished:
            return verdict(len(added) == 7, "data_loss", f"恢复后 {len(added)}/7 张表")
        return verdict(listing(settings) == before, "data_loss", "留下了半个导入")

    return run


def _no_trace_on_failure(settings: Settings, action: Callable[[], object]) -> Verdict:
    """Run `action`, which must fail with a Chinese error and leave the corpus as it was."""
    before = listing(settings)
    try:
        action()
    except Exception:
        if listing(settings) != before:
            return Verdict("data_loss", "失败后语料库有变化")
        raise
    return Verdict("crash", "磁盘已满却报告成功")


def full_disk_import(lab: Lab) -> Verdict:
    settings = lab.small_corpus("full-import")
    calls = []
    real = corpus.write_atomic

    def fill_up(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    with mock.patch.object(corpus, "write_atomic", fill_up):
        return _no_trace_on_failure(
            settings, lambda: corpus.add_to_corpus(SEED_000, settings, original_name="新增.txt")
        )


def full_disk_index(lab: Lab) -> Verdict:
    import index
    from assistant.wiring import LiveRetriever, corpus_adder

    settings = lab.small_corpus("full-index")
    no_space = mock.Mock(side_effect=OSError(errno.ENOSPC, "No space left on device"))
    with mock.patch.object(index, "build_index", no_space):
        add = corpus_adder(settings, LiveRetriever(None))
        return _no_trace_on_failure(settings, lambda: add(SEED_000))


def _full_sqlite(*args, **kwargs):
    """A connection that may not grow the file: SQLITE_FULL, exactly as on a full disk."""
    conn = _REAL_CONNECT(*args, **kwargs)
    conn.execute(f"PRAGMA max_page_count={conn.execute('PRAGMA page_count').fetchone()[0]}")
    return conn


_REAL_CONNECT = sqlite3.connect


def full_disk_chat(lab: Lab) -> Verdict:
    with mock.patch.object(sqlite3, "connect", _full_sqlite):
        lab.chat(BRIEF)
    return Verdict("crash", "磁盘已满却保存成功")


def full_disk_list(lab: Lab) -> Verdict:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13
    with mock.patch.object(sqlite3, "connect", mock.Mock(side_effect=error)):
        lab.wb.drafts(OWNER)
    return Verdict("crash", "磁盘已满却列出了草稿")


def _damaged_store(lab: Lab, name: str, where: str) -> Path:
    path = lab.root / name / "drafts.sqlite3"
    path.parent.mkdir(parents=True)
    store, table = DraftsStore(path), parse(SEED_000)[0]
    for n in range(40):
        named = table.model_copy(update={"name": f"{table.name}{n}"})
        store.save(OWNER, Draft(brief=ProjectBrief(text=named.name), table=named))
    data = bytearray(path.read_bytes())
    offset = 0 if where == "header" else len(data) // 2 // 4096 * 4096
    data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return path


def damaged_store(where: str) -> Callable[[Lab], Verdict]:
    def run(lab: Lab) -> Verdict:
        store = DraftsStore(_damaged_store(lab, f"damaged-{where}", where))
        kept = store.damaged_copy
        return verdict(bool(kept and kept.is_file() and str(kept) in store.notice), "data_loss")

    return run


def damaged_after_start(lab: Lab) -> Verdict:
    path = _damaged_store(lab, "damaged-later", "middle")
    path.unlink()
    store = DraftsStore(path)
    path.write_bytes(b"\xff" * 8192)
    store.list_drafts(OWNER)
    return Verdict("crash", "损坏的草稿库被当作正常")


def formula_without_value(lab: Lab) -> Verdict:
    import openpyxl

    from assistant.exporters import export_table
    from assistant.exporters.layout import LABEL_TOTAL

    path = lab.root / "scripted.xlsx"
    export_table(parse(SEED_000)[0], path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    label = next(c for row in sheet.iter_rows() for c in row if c.value == LABEL_TOTAL)
    sheet.cell(label.row, label.column + 1).value = "=30+1"
    workbook.save(path)
    budget = parse(path)[0].budget.total
    return Verdict("data_loss", f"公式单元格读成 {budget}")


def metadata_id(bad_id: Callable[[Lab], str]) -> Callable[[Lab], Verdict]:
    """An exported .xlsx whose hidden metadata names another id, added and then ingested:
    no file may appear outside the corpus, no real table's JSON may change."""

    def run(lab: Lab) -> Verdict:
        import openpyxl

        from assistant.exporters import export_table
        from assistant.exporters.layout import META_SHEET

        settings = lab.small_corpus(f"meta-{len(list(lab.root.glob('meta-*')))}")
        real_id, wanted = f"{SEED_003.stem}-1", bad_id(lab)
        path = lab.root / f"{settings.corpus_dir.parent.name}.xlsx"
        export_table(parse(SEED_003)[0], path)
        workbook = openpyxl.load_workbook(path)
        cell = workbook[META_SHEET]["A1"]
        cell.value = cell.value.replace(f'"{real_id}"', json.dumps(wanted))
        workbook.save(path)
        real_json = settings.corpus_json_dir / f"{real_id}.json"
        before = real_json.read_bytes()
        corpus.add_to_corpus(path, settings, original_name="元数据.xlsx")
        corpus.run_ingest(settings)
        target = (settings.corpus_json_dir / f"{wanted}.json").resolve()
        escaped = target.exists() and settings.corpus_dir.resolve() not in target.parents
        if escaped or real_json.read_bytes() != before:
            return Verdict("security", f"元数据中的编号 {wanted} 决定了写入位置")
        return Verdict("handled", "编号只来自存储的文件名")

    return run
