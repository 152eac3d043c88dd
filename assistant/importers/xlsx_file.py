"""Target tables from an .xlsx workbook: one or more per sheet, found by their header row.

The workbook is opened read-only (streamed, formulas as their cached values) after the zip
guard; rows are capped so a 100k-row sheet fails fast instead of hanging. Merged cells come out
empty except the top-left one, which the grid reader treats as "same as above".
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook

from assistant.errors import ImportFailed
from assistant.exporters.layout import META_SHEET, TableMeta, load_metas
from assistant.exporters.review_sheet import REVIEW_SHEET
from assistant.importers.office_grid import NO_TABLE, GridTable, build_table, read_grid
from assistant.importers.office_guard import (
    DEFAULT_MAX_DECOMPRESSED_MB,
    MAX_ROWS,
    MAX_SCANNED_ROWS,
    check_office_zip,
)
from assistant.schema import TargetTable

MAX_COLUMNS = 40  # real forms use < 15 columns; a stray cell at XFD1 must not widen every row


def parse(
    path: str | Path, max_decompressed_mb: float = DEFAULT_MAX_DECOMPRESSED_MB
) -> list[TargetTable]:
    """Every target table in the workbook; ImportFailed (Chinese reason) when there is none."""
    path = Path(path)
    check_office_zip(path, "xlsx", max_decompressed_mb)
    _check_formula_values(path)
    workbook = _open_workbook(path)
    try:
        found: list[tuple[str, GridTable]] = []
        metas: dict[str, TableMeta] = {}
        for sheet in workbook.worksheets:
            if sheet.title == META_SHEET:
                metas = load_metas(_meta_text(sheet))
                continue
            if sheet.title == REVIEW_SHEET:
                continue  # the review our exporter writes, not a table
            tables = read_grid(_sheet_rows(sheet, path.name), path.name, f"工作表「{sheet.title}」")
            found += [(_meta_key(sheet.title, n, len(tables)), t) for n, t in enumerate(tables)]
    except ParseError as exc:
        raise ImportFailed(path.name, f"工作簿内容损坏，XML 无法解析（{exc}）。") from exc
    finally:
        workbook.close()
    if not found:
        raise ImportFailed(path.name, NO_TABLE)
    return [
        build_table(table, path.name, number, metas.get(key))
        for number, (key, table) in enumerate(found, start=1)
    ]


def _open_workbook(path: Path, data_only: bool = True):
    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except (KeyError, ValueError, TypeError, ParseError, OSError) as exc:
        # openpyxl reports a broken package with whatever error its reader hit first
        raise ImportFailed(path.name, f"不是有效的 Excel 工作簿（{type(exc).__name__}）。") from exc


def _check_formula_values(path: Path) -> None:
    """ImportFailed naming the formula cells that carry no cached value.

    Only Excel (or WPS) computes formulas; a workbook written by a script keeps the formula and
    no result, and reading it would silently lose the figure (a budget of '=30+1' becomes empty)."""
    with zipfile.ZipFile(path) as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/")]
        if not any(b"<f" in package.read(name) for name in sheets):
            return  # no formulas at all: the common case costs one scan of the XML
    formulas, values = (_open_workbook(path, data_only) for data_only in (False, True))
    try:
        sheets = zip(formulas.worksheets, values.worksheets, strict=True)
        missing = [cell for pair in sheets for cell in _formulas_without_value(*pair)]
    finally:
        formulas.close()
        values.close()
    if missing:
        shown = "、".join(missing[:8]) + ("等" if len(missing) > 8 else "")
        raise ImportFailed(
            path.name,
            f"单元格 {shown} 是公式，但文件里没有保存计算结果（文件可能由程序生成），读出来会是空的。"
            "请用 Excel 或 WPS 打开、保存后再导入，或把公式改成数值。",
        )


def _formulas_without_value(formula_sheet, value_sheet) -> list[str]:
    """「sheet」B3 for each cell holding a formula (first sheet) but no value (second sheet)."""
    bounds = {"max_col": MAX_COLUMNS, "max_row": MAX_SCANNED_ROWS}
    rows = zip(formula_sheet.iter_rows(**bounds), value_sheet.iter_rows(**bounds), strict=False)
    return [
        f"「{formula_sheet.title}」{formula.coordinate}"
        for formula_row, value_row in rows
        for formula, value in zip(formula_row, value_row, strict=False)
        if str(formula.value or "").startswith("=") and value.value is None
    ]


def _meta_text(sheet) -> str:
    """Column A of the metadata sheet joined raw (chunks may start or end with a space)."""
    chunks = []
    for (value,) in sheet.iter_rows(max_col=1, max_row=MAX_ROWS, values_only=True):
        chunks.append(value if isinstance(value, str) else "")
    return "".join(chunks)


def _meta_key(sheet_title: str, index: int, count: int) -> str:
    return sheet_title if count == 1 else f"{sheet_title}#{index + 1}"


def _sheet_rows(sheet, file: str) -> list[list[str]]:
    """The non-empty rows of a sheet as cell texts, refusing sheets far larger than any table."""
    sheet.reset_dimensions()  # a wrong <dimension> in a hand-made file must not hide rows
    rows: list[list[str]] = []
    for scanned, cells in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        texts = [cell_text(cell) for cell in cells]
        if any(texts):
            rows.append(texts)
        if len(rows) > MAX_ROWS or scanned > MAX_SCANNED_ROWS:
            raise ImportFailed(
                file,
                f"工作表「{sheet.title}」超过 {MAX_ROWS} 行，不像绩效目标表，为防止卡死已停止读取。",
            )
    return rows


def cell_text(cell) -> str:
    """A cell as the text a person sees: percent formats as '95%', dates as '2025年3月1日'."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, int | float):
        if "%" in (getattr(cell, "number_format", "") or ""):
            return f"{plain_number(value * 100)}%"
        return plain_number(value)
    return str(value).strip()


def plain_number(number: float) -> str:
    """A number without float noise or exponent: 29.4 → '29.4', 2025.0 → '2025'."""
    if isinstance(number, int):
        return str(number)
    return f"{round(number, 10):.10f}".rstrip("0").rstrip(".")
