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
from assistant.importers.office_header import HeaderBlock, is_block_start, read_header_block
from assistant.importers.word_text import indicator_source
from assistant.schema import Indicator, IndicatorValue, Model, SourceRef, TargetTable
from assistant.table_ids import table_id_for

NO_TABLE = "未找到指标表（缺少一级指标/二级指标/三级指标/指标值表头）"

_EXACT_COLUMNS = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标",),
    "description": ("绩效指标描述", "指标描述", "指标解释", "指标内容", "指标说明"),
    "sign": ("指标性质", "运算符号", "符号"),
    "unit": ("度量单位", "计量单位", "单位"),
}
_NOTE_RE = re.compile(r"^(注|备注|说明)\s*[:：]")


class ColumnMap(Model):
    """Positions of the indicator columns in the header row; extra columns may be absent."""

    level1: int
    level2: int
    name: int
    value: int
    description: int | None = None
    sign: int | None = Field(None, description="指标性质: the comparison sign in its own column.")
    unit: int | None = Field(None, description="度量单位: the unit in its own column.")


class GridTable(Model):
    """One table read from a grid, before the format module gives it an id and a source."""

    header: HeaderBlock
    indicators: list[Indicator]
    where: str = Field(description="Human-readable place, e.g. 工作表「表1」.")


def compact(text: str) -> str:
    """Cell text without any whitespace, for matching labels."""
    return re.sub(r"\s+", "", text or "")


def column_map(row: list[str]) -> ColumnMap | None:
    """The column positions when `row` is an indicator header row, else None."""
    found: dict[str, int] = {}
    value_columns: list[int] = []
    for position, cell in enumerate(row):
        text = compact(cell)
        for key, names in _EXACT_COLUMNS.items():
            if text in names and key not in found:
                found[key] = position
        if "指标值" in text or text == "目标值":
            value_columns.append(position)
    if not value_columns or not {"level1", "level2", "name"} <= found.keys():
        return None
    # Some forms print both 年度指标值 and 项目指标值: the annual target is the one we model.
    annual = [p for p in value_columns if "年度" in compact(row[p])]
    return ColumnMap(value=(annual or value_columns)[0], **found)


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
        indicators = read_indicators(columns, rows[at + 1 : data_end], file, place)
        tables.append(GridTable(header=header, indicators=indicators, where=place))
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
) -> list[Indicator]:
    """Indicator rows; an empty or repeated 一级/二级 cell (a merged cell) means "same as above"."""
    indicators: list[Indicator] = []
    level1 = level2 = ""
    for row in rows:
        cell = _cell_reader(row)
        new_level1 = cell(columns.level1)
        if new_level1 and new_level1 != level1:
            # A new 一级 starts its own 二级 run: never inherit the 二级 of another 一级.
            level1, level2 = new_level1, cell(columns.level2)
        else:
            level2 = cell(columns.level2) or level2
        name, description = cell(columns.name), cell(columns.description)
        value = _value_text(cell(columns.value), cell(columns.sign), cell(columns.unit))
        if not (name or description or value):
            continue  # an empty slot row (e.g. 经济效益指标 left blank) or a spacer
        indicators.append(
            Indicator(level1=level1, level2=level2, name=name, description=description, value=value)
        )
    if not indicators:
        raise ImportFailed(file, f"{where}的指标表只有表头，没有指标行。")
    return indicators


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
    table = TargetTable(
        id=table_id,
        name=head.name,
        department=head.department,
        implementing_unit=head.implementing_unit,
        year=head.year,
        budget=head.budget,
        purpose=head.purpose,
        goals=head.goals,
        indicators=found.indicators,
        source=SourceRef(
            file=file, title=head.title, locator=f"表{number}（{found.where}）", table_id=table_id
        ),
    )
    return apply_meta(table, meta)
