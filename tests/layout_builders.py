"""Build .docx/.xlsx files in other provinces' layouts (tests only): header label rows, then an
indicator header row and rows, with 一级/二级 runs merged as printed forms merge them."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from openpyxl import Workbook

Row = list[str | float | int | None]


def level_runs(rows: list[Row], column: int) -> list[tuple[int, int]]:
    """(first, last) runs of equal cells in `column` (and in every column left of it)."""
    runs: list[tuple[int, int]] = []
    for at, row in enumerate(rows):
        key = tuple(row[: column + 1])
        if runs and tuple(rows[runs[-1][1]][: column + 1]) == key:
            runs[-1] = (runs[-1][0], at)
        else:
            runs.append((at, at))
    return runs


def build_xlsx(path: Path, header: list[Row], columns: list[str], rows: list[Row]) -> Path:
    """One sheet: label rows, the indicator header, rows with merged 一级/二级 cells."""
    workbook = Workbook()
    sheet = workbook.active
    for line in header:
        sheet.append(line)
    sheet.append(columns)
    first = sheet.max_row + 1
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text such as 「=100.00(%)」, not a formula
    for column in (0, 1):
        for start, end in level_runs(rows, column):
            if end > start:
                for at in range(start + 1, end + 1):
                    sheet.cell(first + at, column + 1).value = None
                sheet.merge_cells(
                    start_row=first + start,
                    start_column=column + 1,
                    end_row=first + end,
                    end_column=column + 1,
                )
    workbook.save(path)
    return path


def build_docx(path: Path, header: list[Row], columns: list[str], rows: list[Row]) -> Path:
    """One Word table: label | value (merged to the right edge) rows, then the indicator block
    with 一级/二级 runs merged vertically (Word keeps the text of the first cell)."""
    document = Document()
    width = len(columns)
    table = document.add_table(rows=len(header) + 1 + len(rows), cols=width)
    for at, line in enumerate(header):
        cells = table.rows[at].cells
        texts = [("" if v is None else str(v)) for v in line]
        for column, text in enumerate(texts[: width - 1]):
            cells[column].text = text
        if len(texts) == 2:
            cells[1].merge(cells[width - 1])
    for column, text in enumerate(columns):
        table.rows[len(header)].cells[column].text = text
    first = len(header) + 1
    for offset, row in enumerate(rows):
        for column, value in enumerate(row):
            table.rows[first + offset].cells[column].text = "" if value is None else str(value)
    for column in (0, 1):
        for start, end in level_runs(rows, column):
            if end > start:
                for at in range(start + 1, end + 1):
                    table.cell(first + at, column).text = ""
                table.cell(first + start, column).merge(table.cell(first + end, column))
    document.save(path)
    return path
