"""The corpus: source files in `corpus_dir` and one parsed JSON per table in `corpus_dir/tables/`.

Every write goes to a temp file in the target folder and is moved into place with os.replace, so a
crash never leaves half a JSON (or half an uploaded file) for the index to read. JSON is written
with sorted keys and only when its text changes, so re-running ingest gives no git diff.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pydantic import Field, ValidationError

from assistant.errors import AssistantError, ImportFailed, storage_problem
from assistant.importers import SUPPORTED_SUFFIXES, parse
from assistant.importers.word_text import indicator_source
from assistant.schema import Model, TargetTable
from assistant.settings import Settings
from assistant.table_ids import checked_table_id, table_id_for
from assistant.textclean import clean_text

log = logging.getLogger(__name__)

_TEMP_PREFIX = ".tmp-"
_STAGING_PREFIX = ".adding-"
_READY_SUFFIX = ".ready"
_UNSAFE_CHARS_RE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
_MAX_NAME_BYTES = 200


class IngestReport(Model):
    """What one ingest run did; `failures` are Chinese messages, one per skipped source file."""

    tables: list[TargetTable] = Field(default_factory=list)
    written: list[str] = Field(default_factory=list, description="Ids whose JSON was (re)written.")
    unchanged: list[str] = Field(
        default_factory=list, description="Ids whose JSON was already current."
    )
    removed: list[str] = Field(
        default_factory=list, description="Ids whose source left the corpus."
    )
    failures: list[str] = Field(default_factory=list)


def source_files(corpus_dir: Path) -> list[Path]:
    """Source files (.txt/.docx/.xlsx) directly in corpus_dir, sorted; skips hidden and Office lock files."""
    if not corpus_dir.is_dir():
        return []
    return sorted(
        path
        for path in corpus_dir.iterdir()
        if path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.startswith((".", "~$"))
    )


def ingest(settings: Settings) -> list[TargetTable]:
    """Parse every source file and rewrite corpus/tables; returns the tables (failures are logged)."""
    return run_ingest(settings).tables


def run_ingest(settings: Settings) -> IngestReport:
    """Like ingest, with what was written, removed and which files failed."""
    with corpus_lock(settings):  # an upload filed meanwhile would look stale half-way
        return _ingest_unlocked(settings)


def _ingest_unlocked(settings: Settings) -> IngestReport:
    json_dir = settings.corpus_json_dir
    json_dir.mkdir(parents=True, exist_ok=True)
    _remove_temp_files(json_dir)
    report = IngestReport()
    failed_stems: set[str] = set()
    for path in source_files(settings.corpus_dir):
        try:
            tables = _read_source(path, settings)
            _check_ids_free(tables, report.tables, path.name)
            for table in tables:
                changed = write_table_json(table, json_dir)
                (report.written if changed else report.unchanged).append(table.id)
        except ImportFailed as exc:
            log.warning("%s", exc)
            report.failures.append(str(exc))
            failed_stems.add(path.stem)
            continue
        report.tables.extend(tables)
    current = {table.id for table in report.tables}
    for stale in sorted(json_dir.glob("*.json")):
        # A failed source keeps its old JSON: a bad edit must not silently drop tables from the index.
        if stale.stem not in current and _stem_of(stale.stem) not in failed_stems:
            stale.unlink()
            report.removed.append(stale.stem)
    return report


def _read_source(path: Path, settings: Settings) -> list[TargetTable]:
    """The tables of one corpus file, each under its file's id and citing only that file."""
    tables = parse(path, settings.max_upload_mb, max_decompressed_mb=settings.max_decompressed_mb)
    return [_refile(table, path.name, n) for n, table in enumerate(tables, start=1)]


def load_corpus(settings: Settings) -> list[TargetTable]:
    """All corpus tables from their JSON, in file and table order; ingests first if there is none."""
    with corpus_lock(settings):
        pass  # an add interrupted by a crash is finished or dropped (on taking the lock) first
    json_dir = settings.corpus_json_dir
    files = (
        sorted(json_dir.glob("*.json"), key=lambda p: _id_order(p.stem))
        if json_dir.is_dir()
        else []
    )
    if not files:
        return ingest(settings)
    tables = []
    for path in files:
        try:
            tables.append(TargetTable.model_validate_json(path.read_text(encoding="utf-8")))
        except (ValidationError, UnicodeDecodeError) as exc:
            raise AssistantError(
                f"语料库文件「{path.name}」已损坏，请运行 python -m assistant ingest 重建。"
            ) from exc
    return tables


def add_to_corpus(
    path: str | Path, settings: Settings, original_name: str | None = None
) -> list[TargetTable]:
    """Validate and parse an uploaded file, then file it in the corpus with its JSON.

    The file is stored as `safe_file_name(original_name or path.name)`; its tables get ids of that
    stem. Returns the tables added (re-adding an identical file returns them again, unchanged).
    Raises ImportFailed when the file is no target table or its name clashes with a different
    corpus file; on any failure nothing is left in the corpus.
    """
    path = Path(path)
    name = safe_file_name(original_name or path.name)
    tables = parse(
        path,
        settings.max_upload_mb,
        source_name=name,
        max_decompressed_mb=settings.max_decompressed_mb,
    )
    # An exported file carries its original ids in hidden metadata: re-file the tables under the
    # new name so adding it can never overwrite another table's JSON.
    tables = [_refile(table, name, n) for n, table in enumerate(tables, start=1)]
    target = settings.corpus_dir / name
    with corpus_lock(settings):
        _check_no_clash(path, target, settings.corpus_dir)
        _file_upload(path, target, tables, settings)
    return tables


def withdraw_from_corpus(tables: list[TargetTable], settings: Settings) -> None:
    """Undo an add whose index update failed: its source file and JSON leave the corpus."""
    with corpus_lock(settings):
        for table in tables:
            json_name = f"{checked_table_id(table.id, table.source.file)}.json"
            (settings.corpus_json_dir / json_name).unlink(missing_ok=True)
        for name in {table.source.file for table in tables if table.source.file}:
            (settings.corpus_dir / safe_file_name(name)).unlink(missing_ok=True)


@contextlib.contextmanager
def corpus_lock(settings: Settings) -> Iterator[None]:
    """One corpus writer at a time, across the app's threads and CLI processes: otherwise two
    uploads of one name could both pass the clash check and overwrite each other."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.data_dir / "corpus.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            recover_adds(settings)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _file_upload(path: Path, target: Path, tables: list[TargetTable], settings: Settings) -> None:
    """Add the upload and its tables' JSON all or nothing.

    Everything is written into a hidden staging folder in corpus_dir first; one rename then
    marks it complete, and only then are the files moved into place. A crash before the rename
    leaves a staging folder that the next writer or reader deletes; a crash after it leaves a
    complete one that they finish (`recover_adds`)."""
    settings.corpus_dir.mkdir(parents=True, exist_ok=True)
    settings.corpus_json_dir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=settings.corpus_dir))
    try:
        (stage / "tables").mkdir()
        if not target.exists():
            write_atomic(stage / target.name, path.read_bytes())
        for table in tables:
            write_table_json(table, stage / "tables")
        ready = stage.with_name(stage.name + _READY_SUFFIX)
        os.replace(stage, ready)
    except BaseException as exc:
        shutil.rmtree(stage, ignore_errors=True)
        if isinstance(exc, OSError):
            raise ImportFailed(target.name, f"写入语料库失败：{storage_problem(exc)}") from exc
        raise
    _finish_add(ready, settings)


def _finish_add(ready: Path, settings: Settings) -> None:
    """Move a complete staged add into place; repeating it after a crash is harmless."""
    for staged in sorted((ready / "tables").glob("*.json")):
        os.replace(staged, settings.corpus_json_dir / staged.name)
    for staged in ready.iterdir():
        if staged.is_file():
            os.replace(staged, settings.corpus_dir / staged.name)
    shutil.rmtree(ready)


def recover_adds(settings: Settings) -> None:
    """Finish the adds that were complete when a process died; drop the ones that were not."""
    corpus_dir = settings.corpus_dir
    staged = sorted(corpus_dir.glob(f"{_STAGING_PREFIX}*")) if corpus_dir.is_dir() else []
    for folder in staged:
        if folder.name.endswith(_READY_SUFFIX):
            settings.corpus_json_dir.mkdir(parents=True, exist_ok=True)
            _finish_add(folder, settings)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _refile(table: TargetTable, file_name: str, number: int) -> TargetTable:
    """The table under the id `<stem>-<n>` of its corpus file, every row citing that file.

    A corpus table is the source of its own rows: a citation of another table read from the
    file's content (an exported draft's metadata) is replaced, so no file can speak for another.
    """
    new_id = checked_table_id(table_id_for(file_name, number), file_name)
    rows = [
        row
        if row.source is not None
        and (row.source.table_id, row.source.file, row.source.row) == (new_id, file_name, n)
        else row.model_copy(
            update={"source": indicator_source(file_name, table.source.title, number, n, new_id)}
        )
        for n, row in enumerate(table.indicators, start=1)
    ]
    source = table.source.model_copy(update={"file": file_name, "table_id": new_id})
    return table.model_copy(update={"id": new_id, "source": source, "indicators": rows})


def safe_file_name(name: str) -> str:
    """A plain file name for the corpus: no folders, no `..`, no control or reserved characters."""
    base = clean_text(name).replace("\\", "/").rsplit("/", 1)[-1].strip()
    base = _UNSAFE_CHARS_RE.sub("_", base)
    stem, dot, suffix = base.rpartition(".")
    if not dot or not stem.strip(". ") or base.startswith("."):
        raise ImportFailed(name, "文件名无效：需要形如「名称.txt」的普通文件名。")
    base = f"{stem}.{suffix.lower()}"
    if f".{suffix.lower()}" not in SUPPORTED_SUFFIXES:
        raise ImportFailed(name, f"不支持的文件类型 .{suffix}，只能导入 .txt、.docx、.xlsx。")
    if len(base.encode("utf-8")) > _MAX_NAME_BYTES:
        raise ImportFailed(name, "文件名太长，请改用较短的文件名。")
    return base


def table_json(table: TargetTable) -> str:
    """The stored JSON text of a table: pretty, UTF-8 readable, keys sorted, newline-terminated."""
    data = table.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_table_json(table: TargetTable, json_dir: Path) -> bool:
    """Write `<id>.json` atomically when its text changed; True when the file was written."""
    path = json_dir / f"{checked_table_id(table.id, table.source.file or table.id)}.json"
    text = table_json(table)
    with contextlib.suppress(OSError, ValueError):  # missing or unreadable: rewrite it
        if path.read_text(encoding="utf-8") == text:
            return False
    write_atomic(path, text.encode("utf-8"))
    return True


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a temp file next to `path`, fsync it, then os.replace it into place."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=_TEMP_PREFIX, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _check_ids_free(tables: list[TargetTable], earlier: list[TargetTable], file: str) -> None:
    taken = {table.id for table in earlier}
    if clash := [table.id for table in tables if table.id in taken]:
        raise ImportFailed(
            file, f"表编号 {clash[0]} 与语料库中另一个同名（不同扩展名）的文件冲突。"
        )


def _check_no_clash(upload: Path, target: Path, corpus_dir: Path) -> None:
    """Refuse to overwrite a different file, or to share a stem (and so table ids) with one."""
    if target.exists() and target.read_bytes() != upload.read_bytes():
        raise ImportFailed(target.name, "语料库中已有同名但内容不同的文件，请改名后再上传。")
    for other in source_files(corpus_dir):
        if other.stem == target.stem and other.name != target.name:
            raise ImportFailed(
                target.name,
                f"与语料库中的「{other.name}」同名（扩展名不同），表编号会冲突，请改名。",
            )


def _remove_temp_files(folder: Path) -> None:
    for leftover in folder.glob(f"{_TEMP_PREFIX}*"):
        leftover.unlink(missing_ok=True)


def _stem_of(table_id: str) -> str:
    return table_id.rsplit("-", 1)[0]


def _id_order(table_id: str) -> tuple[str, int]:
    stem, _, number = table_id.rpartition("-")
    return (stem, int(number)) if number.isdigit() else (table_id, 0)
