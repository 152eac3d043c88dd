"""`parse(path) -> list[TargetTable]`: pick the importer by extension and, for .txt, by content.

.txt is read here (size limit, encoding) and sniffed: labelled text (`项目名称: …` lines and a
tab-separated indicator block) or the Word text export (tab-prefixed cells). .docx / .xlsx importers are separate modules imported lazily,
so this dispatcher works before (and without) them.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from assistant.errors import AssistantError, ImportFailed
from assistant.importers.labelled_text import looks_like_labelled_text, parse_labelled_text
from assistant.importers.text_decode import decode_text
from assistant.importers.word_text import looks_like_seed_text, parse_seed_text
from assistant.schema import IndicatorValue, TargetTable
from assistant.table_ids import table_id_for
from assistant.textclean import clean_text

DEFAULT_MAX_UPLOAD_MB = 20.0
TEXT_SUFFIXES = (".txt",)
BINARY_IMPORTERS = {
    ".docx": "assistant.importers.docx_file",
    ".xlsx": "assistant.importers.xlsx_file",
}
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, *BINARY_IMPORTERS)


def parse(
    path: str | Path,
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB,
    source_name: str | None = None,
    max_decompressed_mb: float | None = None,
) -> list[TargetTable]:
    """Read every target table in a .txt/.docx/.xlsx file.

    `source_name` is the file name the tables are filed under (ids `<stem>-<n>`, `source.file`,
    messages); it defaults to the path's name and lets an upload keep its original name.
    `max_decompressed_mb` caps the inflated size of .docx/.xlsx (settings.max_decompressed_mb);
    None keeps the office guard's default.
    Raises ImportFailed with a Chinese reason for anything that is not a readable target table.
    """
    path = Path(path)
    name = source_name or path.name
    suffix = Path(name).suffix.lower()
    _check_file(path, name, suffix, max_upload_mb)
    if suffix in TEXT_SUFFIXES:
        return _cleaned(parse_text(path.read_bytes(), name))
    tables = _parse_binary(path, name, suffix, max_decompressed_mb)
    return _cleaned(_refile(tables, name) if name != path.name else tables)


def _cleaned(tables: list[TargetTable]) -> list[TargetTable]:
    """The tables' texts without control or direction characters (a file is an input too)."""
    cleaned = []
    for table in tables:
        table = table.model_copy(deep=True)
        table.name, table.implementing_unit = (
            clean_text(table.name),
            clean_text(table.implementing_unit),
        )
        table.department.name = clean_text(table.department.name)
        table.purpose = clean_text(table.purpose, multiline=True)
        table.goals = [clean_text(goal, multiline=True) for goal in table.goals]
        for row in table.indicators:
            row.level1, row.level2 = clean_text(row.level1), clean_text(row.level2)
            row.name, row.description = clean_text(row.name), clean_text(row.description, True)
            if (raw := clean_text(row.value.raw)) != row.value.raw:
                row.value = IndicatorValue.parse(raw)
        cleaned.append(table)
    return cleaned


def parse_text(data: bytes, name: str) -> list[TargetTable]:
    """Parse text-export bytes, choosing the labelled-text or Word-export reader by content."""
    text = decode_text(data, name)
    if looks_like_labelled_text(text):
        return parse_labelled_text(text, name)
    if looks_like_seed_text(text):
        return parse_seed_text(text, name)
    raise ImportFailed(
        name,
        "不是绩效目标表：既不是 Word 导出的目标表（含「项目名称」「一级指标」单元格），"
        "也不是「项目名称: …」等标签行加制表符分隔的指标块（含一级/二级/三级/指标值表头）。",
    )


def _check_file(path: Path, name: str, suffix: str, max_upload_mb: float) -> None:
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"「{suffix}」" if suffix else "（文件没有扩展名）"
        raise ImportFailed(name, f"不支持的文件类型{shown}，只能导入 .txt、.docx、.xlsx。")
    if not path.is_file():
        raise ImportFailed(name, "文件不存在或不是普通文件。")
    size = path.stat().st_size
    if size > max_upload_mb * 1024 * 1024:
        raise ImportFailed(
            name,
            f"文件大小 {size / 1024 / 1024:.1f} MB 超过上限 {max_upload_mb:g} MB（max_upload_mb）。",
        )


def _parse_binary(
    path: Path, name: str, suffix: str, max_decompressed_mb: float | None
) -> list[TargetTable]:
    module_name = BINARY_IMPORTERS[suffix]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise ImportFailed(name, f"暂不支持 {suffix} 格式（该导入模块尚未提供）。") from exc
    try:
        if max_decompressed_mb is None:
            return module.parse(path)
        return module.parse(path, max_decompressed_mb=max_decompressed_mb)
    except AssistantError:
        raise
    except Exception as exc:  # a corrupt upload must give a message, never a traceback
        raise ImportFailed(
            name, f"文件已损坏或不是有效的 {suffix} 文件（{type(exc).__name__}）。"
        ) from exc


def _refile(tables: list[TargetTable], name: str) -> list[TargetTable]:
    """File tables read from a temporary path under their real name (ids and citations)."""
    refiled = []
    for number, table in enumerate(tables, start=1):
        table_id = table_id_for(name, number)
        table = table.model_copy(deep=True)
        table.id = table_id
        table.source = table.source.model_copy(update={"file": name, "table_id": table_id})
        for indicator in table.indicators:
            if indicator.source is not None:
                indicator.source = indicator.source.model_copy(
                    update={"file": name, "table_id": table_id}
                )
        refiled.append(table)
    return refiled
