"""The printed layout shared by the .xlsx and .docx exporters (and read back by their importers).

A table prints as: a title `<项目名称>绩效目标表`, a header block of label/value rows, then the
indicator table (一级 / 二级 / 三级 / 绩效指标描述 / 指标值) with runs of equal 一级 and 二级 merged.
What a person cannot see (the table id and the citations) travels as hidden metadata, so a file
we wrote round-trips exactly while a hand-made file without it still imports.
"""

from __future__ import annotations

import json
import logging

from pydantic import Field

from assistant.schema import Model, Note, SourceRef, TargetTable
from assistant.table_ids import is_safe_table_id
from assistant.textclean import clean_text

log = logging.getLogger(__name__)

TITLE_SUFFIX = "绩效目标表"
INDICATOR_HEADERS = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值")
COLUMN_COUNT = len(INDICATOR_HEADERS)
# The printed indicator table: 16 cm, A4 less 2.5 cm margins each side (.docx and the HTML preview).
COLUMN_WIDTHS_CM = (2.2, 2.6, 4.0, 4.6, 2.6)
MARGIN_CM = 2.5
# Printed only when a row of the table has them (a form with 权重/绩效标准 columns).
WEIGHT_HEADER, STANDARD_HEADER = "权重(%)", "绩效标准"

# The header rows of the filing form (项目支出绩效目标申报表), in its words.
LABEL_NAME = "项目名称"
LABEL_DEPARTMENT = "主管部门"
LABEL_UNIT = "实施单位"
LABEL_YEAR = "年度"
LABEL_FUNDS = "项目资金（万元）"
LABEL_TOTAL = "年度资金总额"
LABEL_FISCAL = "其中：财政拨款"
LABEL_OTHER = "其他资金"
LABEL_UPPER = "其中：上级资金"
LABEL_PURPOSE = "资金用途"
LABEL_GOALS = "年度总体目标"
MONEY_UNIT_NOTE = "金额单位：万元"

META_SHEET = "_jxmb_meta"
META_PROPERTY = "jxmb_meta"


class HeaderCell(Model):
    """One cell of the header block on the 5-column grid; money stays a number for Excel."""

    value: str | float | int | None = None
    span: int = Field(1, description="Columns it covers.")
    rows: int = Field(1, description="Rows it covers (项目资金 spans its three money rows).")
    label: bool = False
    covered: bool = Field(False, description="Under a cell of an earlier row that spans rows.")


class MergeRun(Model):
    """Rows first..last (0-based, inclusive, within the indicator rows) that share one cell."""

    first: int
    last: int


class RowExtra(Model):
    """What a row keeps beyond its printed cells: the 一级 as first printed, the 中期 block."""

    level1_source: str = ""
    long_term: str = ""


class TableMeta(Model):
    """What the visible cells do not show; matched to a table by `key` and `name`."""

    key: str = Field(description="Sheet title (.xlsx) or table number in the document (.docx).")
    name: str = Field(description="项目名称 when written; a renamed table drops its metadata.")
    id: str = ""
    source: SourceRef = Field(default_factory=SourceRef)
    row_sources: list[SourceRef | None] = Field(default_factory=list)
    row_extras: list[RowExtra] = Field(default_factory=list)
    partial: bool = False
    import_notes: list[Note] = Field(default_factory=list)


def xml_safe(text: str) -> str:
    """Text without the control characters XML (and so .xlsx/.docx) cannot hold, nor direction
    controls: an export never fails on, nor hides, a character that came in with a name."""
    return clean_text(text, multiline=True)


def title_of(table: TargetTable) -> str:
    """The printed title row."""
    return f"{table.name}{TITLE_SUFFIX}"


def subtitle_of(table: TargetTable) -> str:
    """The line under the title: the year (when known) and the money unit."""
    year = f"{LABEL_YEAR}：{table.year}年　　" if table.year else ""
    return f"{year}{MONEY_UNIT_NOTE}"


def header_rows(table: TargetTable) -> list[list[HeaderCell]]:
    """The filing form's header block, each row covering the columns of the indicator table."""
    columns = len(indicator_headers(table))

    def label(text: str, span: int = 1, rows: int = 1) -> HeaderCell:
        return HeaderCell(value=text, span=span, rows=rows, label=True)

    def value(content, span: int = 1) -> HeaderCell:
        return HeaderCell(value=content, span=span)

    covered = HeaderCell(covered=True)
    department = " ".join(p for p in (table.department.code, table.department.name) if p)
    budget = table.budget
    money = [
        (LABEL_TOTAL, budget.total),
        (LABEL_FISCAL, budget.fiscal),
        (LABEL_OTHER, budget.other),
    ]
    if budget.upper:
        money.append((LABEL_UPPER, budget.upper))
    rows = [
        [label(LABEL_NAME), value(table.name, columns - 1)],
        [
            label(LABEL_DEPARTMENT),
            value(department),
            label(LABEL_UNIT),
            value(table.implementing_unit, columns - 3),
        ],
    ]
    for n, (text, amount) in enumerate(money):
        first = label(LABEL_FUNDS, rows=len(money)) if n == 0 else covered
        rows.append([first, label(text), value(amount, columns - 2)])
    if table.purpose:
        rows.append([label(LABEL_PURPOSE), value(table.purpose, columns - 1)])
    rows.append([label(LABEL_GOALS), value("\n".join(table.goals), columns - 1)])
    return rows


def cell_columns(row: list[HeaderCell]) -> list[tuple[int, HeaderCell]]:
    """(0-based first column, cell) for each cell of a header row."""
    placed, column = [], 0
    for cell in row:
        placed.append((column, cell))
        column += cell.span
    return placed


def field_text(value: str | float | int | None) -> str:
    """A header value as printed in Word: money with two decimals unless that would round it."""
    if value is None:
        return ""
    if isinstance(value, float):
        two = f"{value:.2f}"
        return two if float(two) == value else f"{round(value, 10):.10f}".rstrip("0").rstrip(".")
    return str(value)


def indicator_headers(table: TargetTable) -> tuple[str, ...]:
    """The indicator header row: five columns, plus 权重/绩效标准 when a row has one."""
    extra = (WEIGHT_HEADER,) if any(i.weight is not None for i in table.indicators) else ()
    if any(i.standard for i in table.indicators):
        extra += (STANDARD_HEADER,)
    return INDICATOR_HEADERS + extra


def indicator_cells(table: TargetTable) -> list[list[str]]:
    """One list of texts per indicator row (as indicator_headers), the 指标值 as written (`raw`)."""
    headers = indicator_headers(table)
    rows = []
    for i in table.indicators:
        row = [i.level1, i.level2, i.name, i.description, i.value.raw]
        if WEIGHT_HEADER in headers:
            row.append("" if i.weight is None else field_text(i.weight))
        if STANDARD_HEADER in headers:
            row.append(i.standard)
        rows.append(row)
    return rows


def column_widths(base: tuple[float, ...], table: TargetTable) -> tuple[float, ...]:
    """Widths of the printed columns: the extra columns squeezed into the base total width."""
    extra = len(indicator_headers(table)) - len(base)
    if extra <= 0:
        return base
    widths = base + (base[-1],) * extra
    scale = sum(base) / sum(widths)
    return tuple(round(w * scale, 2) for w in widths)


def level1_runs(table: TargetTable) -> list[MergeRun]:
    """Runs of consecutive rows with the same 一级指标 (merged in print)."""
    return _runs([i.level1 for i in table.indicators])


def level2_runs(table: TargetTable) -> list[MergeRun]:
    """Runs of consecutive rows with the same 一级 and 二级; a 二级 run never crosses a 一级 change."""
    return _runs([(i.level1, i.level2) for i in table.indicators])


def _runs(keys: list) -> list[MergeRun]:
    runs: list[MergeRun] = []
    for row, key in enumerate(keys):
        if runs and keys[runs[-1].last] == key:
            runs[-1].last = row
        else:
            runs.append(MergeRun(first=row, last=row))
    return runs


def meta_for(table: TargetTable, key: str) -> TableMeta:
    """The hidden metadata of one written table."""
    return TableMeta(
        key=key,
        name=table.name,
        id=table.id,
        source=table.source,
        row_sources=[i.source for i in table.indicators],
        row_extras=[
            RowExtra(level1_source=i.level1_source, long_term=i.long_term) for i in table.indicators
        ],
        partial=table.partial,
        import_notes=table.import_notes,
    )


def dump_metas(metas: list[TableMeta]) -> str:
    """Metadata as one JSON text."""
    return json.dumps([m.model_dump() for m in metas], ensure_ascii=False)


def load_metas(text: str) -> dict[str, TableMeta]:
    """Metadata by key; anything unreadable counts as absent (the visible cells still import)."""
    try:
        items = json.loads(text)
        metas = [TableMeta.model_validate(item) for item in items]
    except (ValueError, TypeError):
        return {}
    return {m.key: m for m in metas}


def apply_meta(table: TargetTable, meta: TableMeta | None) -> TargetTable:
    """Restore the row citations when the metadata belongs to this table (same name).

    The table's own id and source always stay those of the file it was read from: metadata is
    the file's own content, and an id taken from it could name any path or another corpus table.
    Rows that cited the exported table itself now cite the file they were read from; rows citing
    other tables (a draft's sources) keep them when the cited id is well-formed.
    """
    if meta is None or meta.name != table.name:
        return table
    if meta.id and not is_safe_table_id(meta.id):
        log.warning("表「%s」的隐藏元数据中的表编号不合规，已忽略：%r", table.name, meta.id[:80])
    if len(meta.row_sources) == len(table.indicators):
        for indicator, source in zip(table.indicators, meta.row_sources, strict=True):
            if _kept_citation(source, meta.id):
                indicator.source = source
    if len(meta.row_extras) == len(table.indicators):
        for indicator, extra in zip(table.indicators, meta.row_extras, strict=True):
            indicator.level1_source, indicator.long_term = extra.level1_source, extra.long_term
    table.partial = table.partial or meta.partial
    table.import_notes = table.import_notes or meta.import_notes
    return table


def _kept_citation(source: SourceRef | None, exported_id: str) -> bool:
    """A row's stored citation is kept unless it cites the exported table itself or a bad id."""
    if source is None or not source.table_id:
        return True
    return source.table_id != exported_id and is_safe_table_id(source.table_id)
