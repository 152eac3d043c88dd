"""Bulk import: every target-table file of a folder, a .zip or a list of uploads into the corpus.

Each file is all-or-nothing (add_to_corpus leaves nothing behind on failure) and a refused file
never stops the others: the report says per file how many tables and rows were filed, what the
importer noted, or why the file was refused. A .zip passes the zip-bomb guard before anything is
extracted; its members are read under their own names (GBK names of Windows zips included).
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import Field

from assistant.corpus import add_to_corpus
from assistant.errors import AssistantError, ImportFailed
from assistant.importers.office_guard import check_zip_archive
from assistant.schema import Model, TargetTable
from assistant.settings import Settings

Progress = Callable[[int, int, str], None]
Adder = Callable[[Path, str], list[TargetTable]]
_UTF8_NAME_FLAG = 0x800


class FileReport(Model):
    """What happened to one file of a bulk import."""

    file: str = Field(description="The file's name (inside the folder or .zip).")
    table_ids: list[str] = Field(default_factory=list)
    table_names: list[str] = Field(default_factory=list)
    rows: int = Field(0, description="Indicator rows of all its tables.")
    warnings: list[str] = Field(default_factory=list, description="Chinese notes, e.g. 元→万元.")
    refused: str = Field("", description="Why the file was refused (Chinese); empty when filed.")


class BulkReport(Model):
    files: list[FileReport] = Field(default_factory=list)

    @property
    def filed(self) -> list[FileReport]:
        return [f for f in self.files if not f.refused]

    @property
    def refused(self) -> list[FileReport]:
        return [f for f in self.files if f.refused]

    def summary(self) -> str:
        tables = sum(len(f.table_ids) for f in self.filed)
        return (
            f"共 {len(self.files)} 个文件：导入 {len(self.filed)} 个（{tables} 张表），"
            f"拒绝 {len(self.refused)} 个。"
        )


def bulk_import(
    sources: Iterable[Path],
    settings: Settings,
    add: Adder | None = None,
    progress: Progress | None = None,
) -> BulkReport:
    """File every table file found in `sources` (files, folders, .zip archives)."""
    add = add or (lambda path, name: add_to_corpus(path, settings, original_name=name))
    report = BulkReport()
    with tempfile.TemporaryDirectory(prefix="jxmb-import-") as workdir:
        found = _collect(sources, Path(workdir), settings, report)
        for done, (name, path) in enumerate(found):
            if progress:
                progress(done, len(found), name)
            report.files.append(_import_one(path, name, add))
        if progress:
            progress(len(found), len(found), "")
    return report


def _import_one(path: Path, name: str, add: Adder) -> FileReport:
    try:
        tables = add(path, name)
    except ImportFailed as exc:
        return FileReport(file=name, refused=exc.problem)
    except AssistantError as exc:
        return FileReport(file=name, refused=str(exc))
    warnings = [note.text for table in tables for note in table.import_notes]
    warnings += [
        f"「{t.name}」原文不完整（partial），只用于指标检索。" for t in tables if t.partial
    ]
    return FileReport(
        file=name,
        table_ids=[t.id for t in tables],
        table_names=[t.name for t in tables],
        rows=sum(len(t.indicators) for t in tables),
        warnings=warnings,
    )


def _collect(
    sources: Iterable[Path], workdir: Path, settings: Settings, report: BulkReport
) -> list[tuple[str, Path]]:
    """(name, path) of every candidate file; an unreadable .zip is reported as refused."""
    found: list[tuple[str, Path]] = []
    for source in map(Path, sources):
        if source.is_dir():
            found += [(p.relative_to(source).as_posix(), p) for p in _files_in(source)]
        elif source.suffix.lower() == ".zip":
            try:
                found += _extract(source, workdir / f"zip{len(found)}", settings)
            except ImportFailed as exc:
                report.files.append(FileReport(file=source.name, refused=exc.problem))
        else:
            found.append((source.name, source))
    return found


def _files_in(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith((".", "~$")) for part in p.parts[-1:])
    )


def _extract(archive: Path, target: Path, settings: Settings) -> list[tuple[str, Path]]:
    """The archive's files, extracted by base name (the importer refuses what is no table)."""
    check_zip_archive(archive, settings.max_decompressed_mb)
    found = []
    with zipfile.ZipFile(archive) as package:
        for number, member in enumerate(package.infolist()):
            name = _member_name(member)
            base = name.rsplit("/", 1)[-1]
            if member.is_dir() or not base or base.startswith((".", "~$")):
                continue
            path = target / str(number) / base  # never a member's own path: no `../` escapes
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(package.read(member))
            found.append((name, path))
    return found


def _member_name(member: zipfile.ZipInfo) -> str:
    """The member's name as its author saw it: Windows zips store GBK without the UTF-8 flag."""
    if member.flag_bits & _UTF8_NAME_FLAG:
        return member.filename
    try:
        return member.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return member.filename
