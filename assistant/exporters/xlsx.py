"""TargetTable → .xlsx in the layout staff submit (one sheet per table, merged 一级/二级 cells).

Every text is written as a string cell, never a formula: openpyxl would store '=…' as a formula,
and a cell such as `=cmd|'/c calc'!A1` must not run when the file is opened. Texts that start with
a formula character also get Excel's quotePrefix, so editing the cell keeps it text. The value
itself is untouched, so the importer reads back exactly what was written.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assistant.exporters.atomic import atomic_save
from assistant.exporters.layout import (
    META_SHEET,
    MergeRun,
    cell_columns,
    dump_metas,
    header_rows,
    indicator_cells,
    indicator_headers,
    level1_runs,
    level2_runs,
    meta_for,
    subtitle_of,
    title_of,
    xml_safe,
)
from assistant.exporters.review_sheet import REVIEW_HEADERS, REVIEW_SHEET, review_rows
from assistant.schema import ReportCard, TargetTable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMN_WIDTHS = (14, 18, 30, 40, 16)  # in Latin characters; a Chinese character takes two
_MONEY_FORMAT = "0.00####"
_META_CHUNK = 30_000  # below Excel's 32,767 characters per cell
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_LABEL_FILL = PatternFill("solid", fgColor="F2F2F2")
FONT = "宋体"  # 公文 practice: 宋体/仿宋, never the Latin default (Calibri)


def _font(**style) -> Font:
    return Font(name=FONT, **style)


def write_xlsx(tables: list[TargetTable], path: Path, cards: list[ReportCard] | None) -> None:
    """Write the tables to `path`, one sheet each, a review sheet (when cards are given), and a
    very hidden metadata sheet."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    metas = []
    for number, table in enumerate(tables, start=1):
        title = _sheet_title(table, number, len(tables), set(workbook.sheetnames))
        sheet = workbook.create_sheet(title)
        _write_sheet(sheet, table)
        metas.append(meta_for(table, title))
    if cards is not None:
        _write_review_sheet(workbook.create_sheet(REVIEW_SHEET), tables, cards)
    _write_meta_sheet(workbook.create_sheet(META_SHEET), dump_metas(metas))
    workbook.active = 0
    atomic_save(path, workbook.save)


def put(sheet: Worksheet, row: int, column: int, value) -> None:
    """Write one cell; text is always a string cell (never a formula), dangerous starts quoted."""
    cell = sheet.cell(row=row, column=column)
    if not isinstance(value, str):
        cell.value, cell.font = value, _font()
        return
    cell.value = xml_safe(value)
    cell.data_type = "s"
    cell.font = _font()
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def _write_sheet(sheet: Worksheet, table: TargetTable) -> None:
    widths = _widths(table)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row, text in ((1, title_of(table)), (2, subtitle_of(table))):
        put(sheet, row, 1, text)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    sheet.cell(1, 1).font = _font(bold=True, size=14)
    sheet.cell(1, 1).alignment = _CENTER
    sheet.cell(2, 1).alignment = Alignment(horizontal="right", vertical="center")
    sheet.row_dimensions[1].height = _height([title_of(table)], [sum(widths)], 22)
    row = _write_header_block(sheet, table, first_row=3)
    _write_indicators(sheet, table, header_row=row)
    _print_setup(sheet)


def _print_setup(sheet: Worksheet) -> None:
    """A4 portrait, scaled to one page wide (as many pages long as needed)."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5


def _write_header_block(sheet: Worksheet, table: TargetTable, first_row: int) -> int:
    """The filing form's header rows (labels shaded, values wrapped); returns the next free row."""
    widths_all = _widths(table)
    rows = header_rows(table)
    for offset, cells in enumerate(rows):
        row = first_row + offset
        texts, widths = [], []
        for column, cell in cell_columns(cells):
            target = sheet.cell(row, column + 1)
            if not cell.covered:
                put(sheet, row, column + 1, cell.value)
                _span(sheet, row, column + 1, cell.span, cell.rows)
                texts.append("" if cell.value is None else str(cell.value))
                widths.append(sum(widths_all[column : column + cell.span]))
            if cell.label:
                target.font, target.fill, target.alignment = _font(bold=True), _LABEL_FILL, _CENTER
            else:
                target.alignment = _WRAP
                if isinstance(cell.value, float):
                    target.number_format = _MONEY_FORMAT
        for column in range(1, len(widths_all) + 1):
            sheet.cell(row, column).border = _BORDER
        sheet.row_dimensions[row].height = _height(texts, widths)
    return first_row + len(rows)


def _span(sheet: Worksheet, row: int, column: int, span: int, rows: int) -> None:
    if span > 1 or rows > 1:
        sheet.merge_cells(
            start_row=row, start_column=column, end_row=row + rows - 1, end_column=column + span - 1
        )


def _write_indicators(sheet: Worksheet, table: TargetTable, header_row: int) -> None:
    widths = _widths(table)
    for column, text in enumerate(indicator_headers(table), start=1):
        put(sheet, header_row, column, text)
        cell = sheet.cell(header_row, column)
        cell.font, cell.fill, cell.alignment, cell.border = (
            _font(bold=True),
            _LABEL_FILL,
            _CENTER,
            _BORDER,
        )
    first = header_row + 1
    for offset, texts in enumerate(indicator_cells(table)):
        for column, text in enumerate(texts, start=1):
            put(sheet, first + offset, column, text)
            cell = sheet.cell(first + offset, column)
            cell.alignment = _CENTER if column in (1, 2, 5) else _WRAP
            cell.border = _BORDER
        sheet.row_dimensions[first + offset].height = _height(texts, list(widths))
    _merge_runs(sheet, level1_runs(table), column=1, first=first)
    _merge_runs(sheet, level2_runs(table), column=2, first=first)


def _widths(table: TargetTable) -> tuple[int, ...]:
    """Column widths: the five base columns, plus room for 权重/绩效标准 when printed."""
    extra = len(indicator_headers(table)) - len(COLUMN_WIDTHS)
    return COLUMN_WIDTHS + (16,) * max(extra, 0)


def _merge_runs(sheet: Worksheet, runs: list[MergeRun], column: int, first: int) -> None:
    for run in runs:
        if run.last > run.first:
            sheet.merge_cells(
                start_row=first + run.first,
                start_column=column,
                end_row=first + run.last,
                end_column=column,
            )


def _height(texts: list[str], widths: list[int], line_height: float = 15.0) -> float:
    """Row height that shows all wrapped lines: Excel does not autofit merged or generated rows."""
    lines = 1
    for text, width in zip(texts, widths, strict=True):
        needed = sum(
            max(1, math.ceil(_display_width(part) / max(width - 1, 1))) for part in text.split("\n")
        )
        lines = max(lines, needed)
    return round(lines * line_height + 4, 1)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sheet_title(table: TargetTable, number: int, count: int, taken: set[str]) -> str:
    """A legal, unique sheet title from the project name (31 chars, no []:*?/\\)."""
    name = re.sub(r"[\[\]:*?/\\]", "", xml_safe(table.name)).strip("'") or "绩效目标表"
    base = (f"{number}.{name}" if count > 1 else name)[:31]
    title, suffix = base, 2
    while title in taken or title in (META_SHEET, REVIEW_SHEET):
        title = f"{base[:27]}({suffix})"
        suffix += 1
    return title


def _write_review_sheet(
    sheet: Worksheet, tables: list[TargetTable], cards: list[ReportCard]
) -> None:
    """The review of every table: verdict, graded dimensions, findings with suggested fixes."""
    for column, text in enumerate(REVIEW_HEADERS, start=1):
        put(sheet, 1, column, text)
        sheet.cell(1, column).font, sheet.cell(1, column).fill = _font(bold=True), _LABEL_FILL
    rows = [
        row for table, card in zip(tables, cards, strict=True) for row in review_rows(table, card)
    ]
    for number, cells in enumerate(rows, start=2):
        for column, text in enumerate(cells, start=1):
            put(sheet, number, column, text)
            sheet.cell(number, column).alignment = _WRAP
    for column, width in enumerate((24, 14, 6, 6, 6, 60, 30), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    _print_setup(sheet)


def _write_meta_sheet(sheet: Worksheet, text: str) -> None:
    """Id and citations as JSON in column A, chunked; very hidden (not in Excel's unhide list)."""
    for row, start in enumerate(range(0, max(len(text), 1), _META_CHUNK), start=1):
        put(sheet, row, 1, text[start : start + _META_CHUNK])
    sheet.sheet_state = "veryHidden"
