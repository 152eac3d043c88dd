"""Target tables from a grid of cell texts, shared by the .xlsx and .docx importers.

A grid is the rows of a sheet (or of a Word document: its paragraphs and table rows in order),
each a list of cell texts. A table is found by its indicator header row (一级指标/二级指标/三级指标/
指标值, wherever it sits); the rows above it, back to the previous table, are its header block of
label/value cells; the rows below are indicator rows until the next table begins.
"""

from __future__ import annotations

import re

from pydantic import Field

from assistant.errors import ImportFailed
from assistant.exporters.layout import TableMeta, apply_meta
from assistant.importers.columns import ColumnMap, column_kind, column_map
from assistant.importers.labels import compact, import_labels, map_levels
from assistant.importers.money import yuan_in_wan
from assistant.importers.office_header import HeaderBlock, is_block_start, read_header_block
from assistant.importers.word_text import indicator_source
from assistant.schema import Indicator, IndicatorValue, Model, SourceRef, TargetTable
from assistant.table_ids import table_id_for

NO_TABLE = "未找到指标表（缺少一级指标/二级指标/三级指标/指标值表头）"

_NOTE_RE = re.compile(r"^(注|备注|说明)\s*[:：]")


class IndicatorRows(Model):
    """The indicator rows under one header row."""

    indicators: list[Indicator]
    truncated: bool = Field(False, description="Rows were cut off in the source copy.")


class GridTable(Model):
    """One table read from a grid, before the format module gives it an id and a source."""

    header: HeaderBlock
    indicators: list[Indicator]
    where: str = Field(description="Human-readable place, e.g. 工作表「表1」.")
    truncated: bool = Field(False, description="Rows were cut off in the source copy.")


def read_grid(rows: list[list[str]], file: str, where: str) -> list[GridTable]:
    """Every table in the grid, in order; [] when it has no indicator header row."""
    headers = [(i, m) for i, row in enumerate(rows) if (m := column_map(row)) is not None]
    tables: list[GridTable] = []
    block_start = 0
    for number, (at, columns) in enumerate(headers):
        limit = headers[number + 1][0] if number + 1 < len(headers) else len(rows)
        data_end = _data_end(rows, at + 1, limit)
        place = where if len(headers) == 1 else f"{where}第{number + 1}张表"
        header = read_header_block(rows[block_start:at], file, place)
        found = read_indicators(columns, rows[at + 1 : data_end], file, place)
        tables.append(
            GridTable(
                header=header, where=place, indicators=found.indicators, truncated=found.truncated
            )
        )
        block_start = data_end
    return tables


def _data_end(rows: list[list[str]], first: int, limit: int) -> int:
    """Where the indicator rows stop: a note, or the header block of the next table."""
    for index in range(first, limit):
        cells = [compact(c) for c in rows[index] if compact(c)]
        if cells and (_NOTE_RE.match(cells[0]) or is_block_start(cells[0])):
            return index
    return limit


def read_indicators(
    columns: ColumnMap, rows: list[list[str]], file: str, where: str
) -> IndicatorRows:
    """Indicator rows and whether any was cut off in the source copy.

    An empty or repeated 一级/二级 cell (a merged cell) means "same as above"; a row cut off in
    the source copy is no row; a row with no 三级 and no value (an unused slot) is skipped.
    """
    labels = import_labels()
    indicators: list[Indicator] = []
    level1 = level2 = ""
    truncated = False
    for row in rows:
        if any(labels.is_truncated(cell or "") for cell in row):
            truncated = True
            continue
        cell = _cell_reader(row)
        new_level1 = cell(columns.level1)
        if new_level1 and new_level1 != level1:
            # A new 一级 starts its own 二级 run: never inherit the 二级 of another 一级.
            level1, level2 = new_level1, cell(columns.level2)
        else:
            level2 = cell(columns.level2) or level2
        name, description = cell(columns.name), cell(columns.description)
        value = _value_text(cell(columns.value), cell(columns.sign), cell(columns.unit))
        if labels.is_blank(name) and labels.is_blank(description) and labels.is_blank(value):
            continue  # an empty slot row (经济效益指标 left blank or 不适用) or a spacer
        indicators.append(_indicator(columns, cell, level1, level2, name, description, value))
    if not indicators:
        raise ImportFailed(file, f"{where}的指标表只有表头，没有指标行。")
    return IndicatorRows(indicators=indicators, truncated=truncated)


def _indicator(
    columns: ColumnMap, cell, level1: str, level2: str, name: str, description: str, value: str
) -> Indicator:
    mapped1, mapped2 = map_levels(level1, level2)
    long_term = "；".join(f"{columns.headers[p]}：{cell(p)}" for p in columns.long_term if cell(p))
    # a 中期 block whose only text is the repeated 二级 says nothing of its own
    said = any(cell(p) for p in columns.long_term if column_kind(columns.headers[p]) != "level2")
    return Indicator(
        level1=mapped1,
        level2=mapped2,
        name=name,
        description=description,
        value=value,
        weight=_weight(cell(columns.weight)),
        standard=cell(columns.standard),
        level1_source=level1 if compact(level1) != mapped1 else "",
        long_term=long_term if said else "",
    )


def _weight(text: str) -> float | None:
    found = re.search(r"\d+(?:\.\d+)?", text)
    return float(found.group(0)) if found else None


def _cell_reader(row: list[str]):
    def cell(position: int | None) -> str:
        if position is None or position >= len(row):
            return ""
        return (row[position] or "").strip()

    return cell


def _value_text(value: str, sign: str, unit: str) -> str:
    """The 指标值 as one text: sign + number + unit when the form keeps them in own columns."""
    parsed = IndicatorValue.parse(value)
    if parsed.kind != "quantitative":
        return value
    if sign and parsed.operator is None and IndicatorValue.parse(f"{sign}1").operator:
        value = f"{sign}{value}"
    if unit and not parsed.unit:
        value = f"{value}{unit}"
    return value


def build_table(found: GridTable, file: str, number: int, meta: TableMeta | None) -> TargetTable:
    """The TargetTable of the `number`-th table in `file`, cited like the .txt importer cites.

    Our own exports carry metadata that restores the original id and citations exactly.
    """
    head = found.header
    table_id = table_id_for(file, number)
    for row, indicator in enumerate(found.indicators, start=1):
        indicator.source = indicator_source(file, head.title, number, row, table_id)
    budget, notes = yuan_in_wan(head.budget, found.indicators)
    table = TargetTable(
        id=table_id,
        name=head.name,
        department=head.department,
        implementing_unit=head.implementing_unit,
        year=head.year,
        budget=budget,
        purpose=head.purpose,
        goals=head.goals,
        indicators=found.indicators,
        source=SourceRef(
            file=file,
            title=head.title,
            locator=f"表{number}（{found.where}）" if found.where else f"表{number}",
            table_id=table_id,
            origin=head.origin,
        ),
        partial=head.partial or found.truncated,
        import_notes=notes,
    )
    return apply_meta(table, meta)
