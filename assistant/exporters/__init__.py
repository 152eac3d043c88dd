"""`export_table(table, path)`: write a TargetTable as .xlsx, .docx or .html (the A4 print
preview), chosen by the extension.

Files are written to a temp file and moved into place, so a crash never leaves half a file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assistant.errors import AssistantError
from assistant.exporters.review_sheet import check_cards
from assistant.schema import ReportCard, TargetTable

SUPPORTED_SUFFIXES = (".xlsx", ".docx", ".html")


class ExportFailed(AssistantError):
    """A table could not be written to the requested file."""

    def __init__(self, file: str, problem: str):
        self.file, self.problem = file, problem
        super().__init__(f"无法导出到文件「{file}」：{problem}")


def export_table(table: TargetTable, path: str | Path, card: ReportCard | None = None) -> Path:
    """Write one table to `path` (.xlsx, .docx or .html), with its review card when given."""
    return export_tables([table], path, None if card is None else [card])


def export_tables(
    tables: list[TargetTable], path: str | Path, cards: list[ReportCard] | None = None
) -> Path:
    """Write several tables to one file: a sheet each (.xlsx) or a page each (.docx), then the
    review of each table when `cards` (one ReportCard per table) are given."""
    path = Path(path)
    if not tables:
        raise ExportFailed(path.name, "没有要导出的目标表。")
    writer = _writer_for(path)
    if not path.parent.is_dir():
        raise ExportFailed(path.name, f"目录「{path.parent}」不存在。")
    try:
        check_cards(tables, cards)
        writer(tables, path, cards)
    except OSError as exc:
        raise ExportFailed(
            path.name, f"写入失败（{exc.strerror or type(exc).__name__}）。"
        ) from exc
    return path


def _writer_for(
    path: Path,
) -> Callable[[list[TargetTable], Path, list[ReportCard] | None], None]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from assistant.exporters.xlsx import write_xlsx

        return write_xlsx
    if suffix == ".docx":
        from assistant.exporters.docx import write_docx

        return write_docx
    if suffix == ".html":
        from assistant.exporters.html_preview import write_html

        return write_html
    shown = suffix or "（无扩展名）"
    raise ExportFailed(
        path.name, f"不支持的导出格式 {shown}，只能导出 .xlsx 或 .docx，或打印预览 .html。"
    )
