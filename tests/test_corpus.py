"""Corpus JSON: ingest (idempotent, stale removal, atomic), load_corpus, add_to_corpus and the CLI."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys

import pytest

from assistant import corpus
from assistant.commands import ingest as ingest_command
from assistant.commands import parse as parse_command
from assistant.corpus import add_to_corpus, load_corpus, run_ingest, safe_file_name, table_json
from assistant.errors import AssistantError, ImportFailed
from assistant.settings import Settings
from tests.conftest import CORPUS, EXTRA_FILES, ROOT, SEED_000, SEED_003

SOURCES = corpus.source_files(CORPUS)


@pytest.fixture
def tmp_corpus(tmp_path):
    """Settings whose corpus_dir is a fresh copy of the real source files (no JSON yet)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for source in SOURCES:
        shutil.copy(source, folder / source.name)
    return Settings(
        profile="test", data_dir=tmp_path / "data", corpus_dir=folder, llm="none", _env_file=None
    )


def _json_snapshot(settings: Settings) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(settings.corpus_json_dir.iterdir())}


def test_ingest_writes_34_tables_and_rerun_changes_nothing(tmp_corpus, corpus_tables):
    first = run_ingest(tmp_corpus)
    assert first.failures == [] and len(first.written) == 34
    before = _json_snapshot(tmp_corpus)
    assert len(before) == 34
    second = run_ingest(tmp_corpus)
    assert second.written == [] and len(second.unchanged) == 34
    assert _json_snapshot(tmp_corpus) == before
    assert load_corpus(tmp_corpus) == corpus_tables


def test_json_is_pretty_sorted_and_readable(tmp_corpus):
    run_ingest(tmp_corpus)
    text = (tmp_corpus.corpus_json_dir / "003_e87aba6a1a806e89-3.json").read_text(encoding="utf-8")
    assert "环境应急与事故调查" in text  # ensure_ascii=False
    data = json.loads(text)
    assert list(data) == sorted(data) and text.endswith("}\n") and "\n  " in text


def test_stale_json_is_removed_when_source_leaves(tmp_corpus):
    run_ingest(tmp_corpus)
    (tmp_corpus.corpus_dir / SEED_003.name).unlink()
    report = run_ingest(tmp_corpus)
    assert report.removed == [f"003_e87aba6a1a806e89-{n}" for n in range(1, 5)]
    assert len(list(tmp_corpus.corpus_json_dir.glob("*.json"))) == 30


def test_broken_source_is_reported_and_skipped(tmp_corpus):
    run_ingest(tmp_corpus)
    text = SEED_003.read_text(encoding="utf-8")
    (tmp_corpus.corpus_dir / SEED_003.name).write_text(
        text[: text.index("\t二级指标")], encoding="utf-8"
    )
    (tmp_corpus.corpus_dir / "notes.txt").write_text("会议纪要\n", encoding="utf-8")
    report = run_ingest(tmp_corpus)
    assert len(report.failures) == 2 and len(report.tables) == 30
    assert any("003_e87aba6a1a806e89.txt" in f and "截断" in f for f in report.failures)
    # The broken file's previous tables stay until it is fixed or removed.
    assert report.removed == []
    assert len(list(tmp_corpus.corpus_json_dir.glob("*.json"))) == 34


def test_crash_during_write_leaves_the_old_json_whole(tmp_corpus, monkeypatch):
    run_ingest(tmp_corpus)
    target = tmp_corpus.corpus_json_dir / "000_0a362c379c5850c5-1.json"
    old_text = target.read_text(encoding="utf-8")
    source = tmp_corpus.corpus_dir / SEED_000.name  # a temp copy; the real seed is never edited
    source.write_text(source.read_text(encoding="utf-8").replace("\t29.40\n", "\t29.50\n"), "utf-8")

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(corpus.os, "replace", crash)
    with pytest.raises(OSError):
        run_ingest(tmp_corpus)
    assert target.read_text(encoding="utf-8") == old_text
    assert [p.name for p in tmp_corpus.corpus_json_dir.iterdir() if p.name.startswith(".")] == []
    monkeypatch.undo()
    assert run_ingest(tmp_corpus).written == ["000_0a362c379c5850c5-1"]
    assert json.loads(target.read_text(encoding="utf-8"))["budget"]["total"] == 29.5


def test_leftover_temp_files_are_cleaned(tmp_corpus):
    tmp_corpus.corpus_json_dir.mkdir(parents=True)
    leftover = tmp_corpus.corpus_json_dir / ".tmp-abc.part"
    leftover.write_text('{"half": ', encoding="utf-8")
    run_ingest(tmp_corpus)
    assert not leftover.exists()


def test_load_corpus_ingests_when_folder_missing(tmp_corpus):
    assert not tmp_corpus.corpus_json_dir.exists()
    assert len(load_corpus(tmp_corpus)) == 34
    assert len(list(tmp_corpus.corpus_json_dir.glob("*.json"))) == 34


def test_load_corpus_reports_a_corrupt_json(tmp_corpus):
    run_ingest(tmp_corpus)
    (tmp_corpus.corpus_json_dir / "000_0a362c379c5850c5-2.json").write_text("{", encoding="utf-8")
    with pytest.raises(AssistantError, match="000_0a362c379c5850c5-2.json"):
        load_corpus(tmp_corpus)


def test_committed_corpus_json_is_current(corpus_tables):
    """corpus/tables must be exactly what ingest writes today (re-run ingest after parser changes)."""
    stored = {p.stem for p in (CORPUS / "tables").glob("*.json")}
    assert stored == {t.id for t in corpus_tables}
    for table in corpus_tables:
        assert (CORPUS / "tables" / f"{table.id}.json").read_text(encoding="utf-8") == table_json(
            table
        )


# ---------------------------------------------------------------- add_to_corpus


def _upload(tmp_path, source, name="upload.txt"):
    folder = tmp_path / "uploads"
    folder.mkdir(exist_ok=True)
    return shutil.copy(source, folder / name)


def test_add_with_parent_directory_name_stays_inside_corpus(tmp_corpus, tmp_path):
    (tmp_corpus.corpus_dir / SEED_003.name).unlink()
    tables = add_to_corpus(_upload(tmp_path, SEED_003), tmp_corpus, original_name="../evil.txt")
    assert [t.id for t in tables] == [f"evil-{n}" for n in range(1, 5)]
    assert (
        tables[0].source.file == "evil.txt" and tables[0].indicators[0].source.table_id == "evil-1"
    )
    assert (tmp_corpus.corpus_dir / "evil.txt").read_bytes() == SEED_003.read_bytes()
    assert not (tmp_path / "evil.txt").exists()
    assert (tmp_corpus.corpus_json_dir / "evil-4.json").exists()
    assert {t.id for t in load_corpus(tmp_corpus)} >= {"evil-1", "evil-4"}


def test_add_refuses_to_overwrite_a_different_file(tmp_corpus, tmp_path):
    run_ingest(tmp_corpus)
    before = _json_snapshot(tmp_corpus)
    upload = _upload(tmp_path, SEED_003)
    with pytest.raises(ImportFailed, match="同名"):
        add_to_corpus(upload, tmp_corpus, original_name=f"/abs/path/{SEED_000.name}")
    assert (tmp_corpus.corpus_dir / SEED_000.name).read_bytes() == SEED_000.read_bytes()
    assert _json_snapshot(tmp_corpus) == before


def test_add_refuses_a_stem_shared_with_another_format(tmp_corpus, tmp_path):
    (tmp_corpus.corpus_dir / "dup.xlsx").write_bytes(b"placeholder, never parsed")
    with pytest.raises(ImportFailed, match="dup.xlsx"):
        add_to_corpus(_upload(tmp_path, SEED_003), tmp_corpus, original_name="dup.txt")
    assert not (tmp_corpus.corpus_dir / "dup.txt").exists()


def test_two_simultaneous_uploads_of_one_name_cannot_both_win(tmp_corpus, tmp_path, monkeypatch):
    import threading
    import time

    from assistant import corpus

    writes = corpus.write_atomic

    def slow_write(path, data):  # widens the window between the clash check and the write
        time.sleep(0.3)
        writes(path, data)

    monkeypatch.setattr(corpus, "write_atomic", slow_write)
    first = _upload(tmp_path, SEED_000, "a.txt")
    second = _upload(tmp_path, SEED_003, "b.txt")
    outcomes: dict[str, object] = {}

    def upload(source):
        try:
            outcomes[source.name] = add_to_corpus(source, tmp_corpus, original_name="same.txt")
        except ImportFailed as exc:
            outcomes[source.name] = exc

    threads = [threading.Thread(target=upload, args=(s,)) for s in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    refused = [o for o in outcomes.values() if isinstance(o, ImportFailed)]
    (winner,) = [name for name, o in outcomes.items() if not isinstance(o, ImportFailed)]
    assert len(refused) == 1 and "同名" in str(refused[0])
    stored = tmp_corpus.corpus_dir / "same.txt"
    assert stored.read_bytes() == (first if winner == "a.txt" else second).read_bytes()
    filed = {t.id for t in load_corpus(tmp_corpus) if t.id.startswith("same-")}
    assert filed == {t.id for t in outcomes[winner]}  # the JSON is the winner's, whole


def test_readding_the_same_file_is_harmless(tmp_corpus, tmp_path):
    run_ingest(tmp_corpus)
    before = _json_snapshot(tmp_corpus)
    tables = add_to_corpus(_upload(tmp_path, SEED_000, SEED_000.name), tmp_corpus)
    assert len(tables) == 7 and _json_snapshot(tmp_corpus) == before


def test_failed_add_leaves_nothing_behind(tmp_corpus, tmp_path, monkeypatch):
    text = SEED_003.read_text(encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text(text[: text.index("\t产出指标")], encoding="utf-8")
    with pytest.raises(ImportFailed, match="没有指标行"):
        add_to_corpus(broken, tmp_corpus)
    assert not (tmp_corpus.corpus_dir / "broken.txt").exists()

    calls = []

    def fail_second(table, json_dir):
        calls.append(table.id)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_write(table, json_dir)

    real_write = corpus.write_table_json
    monkeypatch.setattr(corpus, "write_table_json", fail_second)
    with pytest.raises(ImportFailed, match="写入语料库失败"):
        add_to_corpus(_upload(tmp_path, SEED_003), tmp_corpus, original_name="new.txt")
    assert not (tmp_corpus.corpus_dir / "new.txt").exists()
    assert not tmp_corpus.corpus_json_dir.exists() or not list(tmp_corpus.corpus_json_dir.iterdir())


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("a/b/../c.txt", "c.txt"),
        ("C:\\Users\\x\\表.TXT", "表.txt"),
        ("../evil.txt", "evil.txt"),
        ("a:b?.docx", "a_b_.docx"),
    ],
)
def test_safe_file_name(given, safe):
    assert safe_file_name(given) == safe


@pytest.mark.parametrize(
    "given", ["..", "../", ".hidden.txt", "noext", "/etc/passwd", "x.exe", "a" * 300 + ".txt"]
)
def test_unsafe_file_names_are_refused(given):
    with pytest.raises(ImportFailed):
        safe_file_name(given)


# ---------------------------------------------------------------- CLI


def _run_command(module, argv, settings) -> int:
    parser = argparse.ArgumentParser()
    module.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.func(args, settings)


@pytest.mark.parametrize(("source", "count"), [(SEED_000, 7), (SEED_003, 4)])
def test_cli_parse_json(source, count, capsys, test_settings):
    assert _run_command(parse_command, ["parse", str(source), "--json"], test_settings) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == count
    assert {"id", "name", "department", "budget", "indicators", "source"} <= set(data[0])


def test_cli_parse_summary(capsys, test_settings):
    assert _run_command(parse_command, ["parse", str(EXTRA_FILES[1])], test_settings) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [
        "shanghai_putuo_2026_jianguanwei_lanxilu-1\t兰溪路-真南路下立交工程\t预算22614.51万元\t9行指标"
    ]


def test_cli_ingest_if_missing(tmp_corpus, capsys):
    assert _run_command(ingest_command, ["ingest", "--if-missing"], tmp_corpus) == 0
    assert "34 张表" in capsys.readouterr().out
    assert _run_command(ingest_command, ["ingest", "--if-missing"], tmp_corpus) == 0
    assert "跳过" in capsys.readouterr().out


def test_cli_ingest_reports_failures_with_exit_code_1(tmp_corpus, capsys):
    (tmp_corpus.corpus_dir / "empty.txt").write_bytes(b"")
    assert _run_command(ingest_command, ["ingest"], tmp_corpus) == 1
    assert "empty.txt" in capsys.readouterr().err


def test_cli_error_is_chinese_on_stderr_with_exit_code_2(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\xff" * 64)
    env = {**os.environ, "JXMB_DATA_DIR": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "parse", str(junk)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "错误：无法导入文件「junk.txt」" in done.stderr and "Traceback" not in done.stderr


def test_adding_an_exported_corpus_table_gets_its_own_id(tmp_corpus, tmp_path, corpus_tables):
    """An .xlsx export carries the original ids; adding it must not overwrite the original JSON."""
    from assistant.exporters import export_table

    run_ingest(tmp_corpus)
    original = corpus_tables[0]
    exported = tmp_path / "copy.xlsx"
    export_table(original, exported)
    before = (tmp_corpus.corpus_json_dir / f"{original.id}.json").read_text(encoding="utf-8")
    added = add_to_corpus(exported, tmp_corpus, original_name="我的副本.xlsx")
    assert [t.id for t in added] == ["我的副本-1"]
    assert added[0].source.file == "我的副本.xlsx"
    assert {row.source.table_id for row in added[0].indicators} == {"我的副本-1"}
    after = (tmp_corpus.corpus_json_dir / f"{original.id}.json").read_text(encoding="utf-8")
    assert after == before


# ------------------------------------------------------------ ids from file content (hardening)


def _xlsx_with_meta_id(table, path, meta_id):
    """An export of `table` whose hidden metadata claims `meta_id` (and cites it) — a crafted file."""
    from openpyxl import load_workbook

    from assistant.exporters import export_table
    from assistant.exporters.layout import META_SHEET

    export_table(table, path)
    workbook = load_workbook(path)
    sheet = workbook[META_SHEET]
    metas = json.loads("".join(c.value or "" for (c,) in sheet.iter_rows(max_col=1)))
    for meta in metas:
        meta["id"] = meta["source"]["table_id"] = meta_id
        meta["source"]["file"] = f"{meta_id}.txt"
        for row in meta["row_sources"]:
            row["table_id"] = meta_id
    sheet.delete_rows(1, sheet.max_row)
    sheet["A1"] = json.dumps(metas, ensure_ascii=False)
    workbook.save(path)
    return path


@pytest.mark.parametrize("meta_id", ["../../escaped", "/tmp/jxmb-abs/escaped", "..\\..\\escaped"])
def test_metadata_id_never_picks_a_path(tmp_corpus, tmp_path, corpus_tables, meta_id):
    """A file's own metadata cannot name where ingest writes: ids come from the file name."""
    run_ingest(tmp_corpus)
    _xlsx_with_meta_id(corpus_tables[0], tmp_corpus.corpus_dir / "upload.xlsx", meta_id)
    report = run_ingest(tmp_corpus)
    assert report.failures == []
    added = next(t for t in report.tables if t.source.file == "upload.xlsx")
    assert added.id == "upload-1"
    assert {row.source.table_id for row in added.indicators} == {"upload-1"}
    assert sorted(p.name for p in tmp_corpus.corpus_json_dir.iterdir()) == sorted(
        f"{t.id}.json" for t in report.tables
    )
    assert not list(tmp_path.rglob("escaped*")) and not os.path.exists("/tmp/jxmb-abs")


def test_metadata_id_of_a_real_table_never_replaces_it(tmp_corpus, corpus_tables):
    """A crafted file claiming a real table's id gets its own id; the real JSON is untouched."""
    run_ingest(tmp_corpus)
    real = corpus_tables[0]
    before = _json_snapshot(tmp_corpus)
    _xlsx_with_meta_id(corpus_tables[3], tmp_corpus.corpus_dir / "spoof.xlsx", real.id)
    report = run_ingest(tmp_corpus)
    after = _json_snapshot(tmp_corpus)
    assert {k: v for k, v in after.items() if k != "spoof-1.json"} == before
    spoof = json.loads(after["spoof-1.json"])
    assert (spoof["id"], spoof["source"]["file"]) == ("spoof-1", "spoof.xlsx")
    assert {row["source"]["file"] for row in spoof["indicators"]} == {"spoof.xlsx"}
    assert report.failures == []


def test_add_to_corpus_ignores_a_spoofed_metadata_id(tmp_corpus, tmp_path, corpus_tables):
    run_ingest(tmp_corpus)
    before = _json_snapshot(tmp_corpus)
    crafted = _xlsx_with_meta_id(corpus_tables[3], tmp_path / "x.xlsx", corpus_tables[0].id)
    (added,) = add_to_corpus(crafted, tmp_corpus, original_name="导入.xlsx")
    assert (added.id, added.source.file) == ("导入-1", "导入.xlsx")
    after = _json_snapshot(tmp_corpus)
    assert {k: v for k, v in after.items() if k != "导入-1.json"} == before


def test_ingest_reports_a_file_whose_name_makes_no_valid_id_and_goes_on(tmp_corpus):
    """One bad source is reported by name; every other table is still written."""
    bad = tmp_corpus.corpus_dir / "\u202ebad\x01.txt"
    shutil.copy(SEED_003, bad)
    report = run_ingest(tmp_corpus)
    assert len(report.failures) == 1 and "表编号" in report.failures[0]
    assert len(report.tables) == 34
    assert len(list(tmp_corpus.corpus_json_dir.glob("*.json"))) == 34
