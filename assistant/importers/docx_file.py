"""Target tables from a .docx: the body's paragraphs and table rows read in order as one grid.

A table is found by its indicator header row; its header block is whatever sits above it back to
the previous table (label cells in a Word table, or paragraphs such as 「项目名称：…」).
Merged cells are read from the XML grid directly: a horizontal span repeats its text in every
column it covers and a vertical continuation repeats the text of the cell above, which the grid
reader treats as "same as above". (python-docx's own row.cells recurses per merged row.)
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from assistant.errors import ImportFailed
from assistant.exporters.docx import read_custom_property
from assistant.exporters.layout import META_PROPERTY, load_metas
from assistant.importers.office_grid import NO_TABLE, build_table, read_grid
from assistant.importers.office_guard import (
    DEFAULT_MAX_DECOMPRESSED_MB,
    MAX_ROWS,
    MAX_SCANNED_ROWS,
    check_office_zip,
)
from assistant.schema import TargetTable


def parse(
    path: str | Path, max_decompressed_mb: float = DEFAULT_MAX_DECOMPRESSED_MB
) -> list[TargetTable]:
    """Every target table in the document; ImportFailed (Chinese reason) when there is none."""
    path = Path(path)
    check_office_zip(path, "docx", max_decompressed_mb)
    document = _open_document(path)
    rows = document_rows(document, path.name)
    found = read_grid(rows, path.name, "文档")
    if not found:
        raise ImportFailed(path.name, NO_TABLE)
    metas = load_metas(read_custom_property(document, META_PROPERTY) or "[]")
    return [
        build_table(table, path.name, number, metas.get(str(number)))
        for number, table in enumerate(found, start=1)
    ]


def _open_document(path: Path):
    try:
        return Document(str(path))
    except (KeyError, ValueError, XMLSyntaxError) as exc:
        raise ImportFailed(path.name, f"不是有效的 Word 文档（{type(exc).__name__}）。") from exc


def document_rows(document, file: str) -> list[list[str]]:
    """Paragraphs (one cell, or label + value) and table rows of the body, in reading order."""
    rows: list[list[str]] = []
    table_rows = paragraphs = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs += 1
            if text := block.text.strip():
                rows.append([text])  # 「项目名称：…」 is split by the header reader
        else:
            table_rows += len(block._tbl.tr_lst)
            if table_rows > MAX_ROWS:
                raise ImportFailed(
                    file, f"文档中的表格超过 {MAX_ROWS} 行，不像绩效目标表，为防止卡死已停止读取。"
                )
            rows += table_cells(block)
        if paragraphs > MAX_SCANNED_ROWS:
            raise ImportFailed(file, f"文档超过 {MAX_SCANNED_ROWS} 段，为防止卡死已停止读取。")
    return rows


def table_cells(table: Table) -> list[list[str]]:
    """The rows of a Word table as texts on its layout grid, merged cells repeated."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}
    for tr in table._tbl.tr_lst:
        column, current = tr.grid_before, {}
        for tc in tr.tc_lst:
            if tc.vMerge == "continue":
                text = above.get(column, "")
            else:
                text = _Cell(tc, table).text.strip()
            for _ in range(tc.grid_span):
                current[column] = text
                column += 1
        above = current
        width = max(current, default=-1) + 1
        rows.append([current.get(c, "") for c in range(width)])
    return rows
