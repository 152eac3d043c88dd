"""TargetTable → HTML print preview: A4 sheets laid out as the .docx export (layout.py).

Each table is one sheet: the title, the year/money-unit line, the filing form's header block and
the indicator table with runs of equal 一级/二级 merged (rowspan), in mm on A4 with the .docx
margins, so what the page shows is what the office files. The review follows on a sheet of its own.
`preview_html` gives a fragment to embed in a page (its CSS scoped to `.jxmb-print`);
`write_html` the same as a stand-alone .html file that prints on A4 from any browser.
Every text is escaped: a name such as `<script>` shows as written and never runs.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from assistant.exporters.atomic import atomic_save
from assistant.exporters.layout import (
    COLUMN_WIDTHS_CM,
    MARGIN_CM,
    cell_columns,
    column_widths,
    field_text,
    header_rows,
    indicator_cells,
    indicator_headers,
    level1_runs,
    level2_runs,
    subtitle_of,
    title_of,
    xml_safe,
)
from assistant.exporters.review_sheet import REVIEW_HEADERS, REVIEW_NOTE, REVIEW_SHEET, review_rows
from assistant.schema import ReportCard, TargetTable

PAGE_MM = (210, 297)  # A4 portrait
# 公文 practice is 宋体/仿宋; the Linux and macOS names of song-style faces follow as fallbacks.
FONT_STACK = (
    '"宋体", SimSun, "仿宋", FangSong, "Songti SC", STSong, '
    '"Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", serif'
)
# The review's columns (mm), as wide in total as the indicator table.
REVIEW_WIDTHS_MM = (22, 18, 12, 12, 10, 50, 36)
REVIEW_WIDTHS_ONE_MM = (22, 12, 12, 10, 62, 42)  # without the 项目名称 column
SHEET_CLASS = "sheet"
PRINT_HINT = (
    "打印预览：按 A4 纵向排版，与导出的 .docx 一致。打印时用浏览器打开下载的 .html 文件，"
    "按 Ctrl+P，纸张选 A4，缩放选「默认」或 100%。"
)


def _css() -> str:
    width, height = PAGE_MM
    margin = f"{MARGIN_CM * 10:g}"
    return f"""
@page {{ size: A4 portrait; margin: {margin}mm; }}
.jxmb-print {{ background: #e8e8e8; padding: 6mm 0; overflow-x: auto; color: #000; }}
.jxmb-print .hint {{ width: {width}mm; margin: 0 auto 4mm; font-size: 10pt; color: #333; }}
.jxmb-print .{SHEET_CLASS} {{ box-sizing: border-box; width: {width}mm; min-height: {height}mm;
  padding: {margin}mm; margin: 0 auto 6mm; background: #fff; color: #000;
  box-shadow: 0 0 2mm rgba(0,0,0,.35); font-family: {FONT_STACK}; font-size: 10.5pt;
  line-height: 1.4; }}
.jxmb-print h1 {{ font-size: 16pt; font-weight: bold; text-align: center; margin: 0 0 3mm; }}
.jxmb-print h2 {{ font-size: 14pt; font-weight: bold; text-align: center; margin: 2mm 0 3mm; }}
.jxmb-print p {{ margin: 0 0 2mm; }}
.jxmb-print .subtitle {{ text-align: right; }}
.jxmb-print table {{ border-collapse: collapse; table-layout: fixed; margin: 0; }}
.jxmb-print th, .jxmb-print td {{ border: 0.5pt solid #000; padding: 1mm 1.5mm; color: #000;
  background: #fff; vertical-align: middle; white-space: pre-line; overflow-wrap: anywhere;
  font-size: 10.5pt; font-weight: normal; text-align: left; }}
.jxmb-print th, .jxmb-print td.label {{ font-weight: bold; text-align: center; background: #f2f2f2; }}
.jxmb-print td.center {{ text-align: center; }}
.jxmb-print table.indicators thead th {{ border-top: 0; }}
.jxmb-print table.review td {{ font-size: 9pt; }}
@media print {{
  .jxmb-print {{ background: none; padding: 0; overflow: visible; }}
  .jxmb-print .hint {{ display: none; }}
  .jxmb-print .{SHEET_CLASS} {{ width: auto; min-height: 0; padding: 0; margin: 0;
    box-shadow: none; break-after: page; }}
  .jxmb-print .{SHEET_CLASS}:last-child {{ break-after: auto; }}
  .jxmb-print tr {{ break-inside: avoid; }}
}}
"""


def preview_html(tables: list[TargetTable], cards: list[ReportCard] | None = None) -> str:
    """The A4 sheets of the tables (and of their review, when cards are given) as one fragment."""
    sheets = [_table_sheet(table) for table in tables]
    if cards is not None:
        sheets.append(_review_sheet(tables, cards))
    hint = f"<p class='hint'>{_text(PRINT_HINT)}</p>"
    return f"<div class='jxmb-print'><style>{_css()}</style>{hint}{''.join(sheets)}</div>"


def write_html(tables: list[TargetTable], path: Path, cards: list[ReportCard] | None) -> None:
    """Write the preview as a stand-alone page: opened in a browser it prints on A4."""
    title = _text(title_of(tables[0]))
    page = (
        "<!DOCTYPE html>\n<html lang='zh-CN'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body style='margin:0'>"
        f"{preview_html(tables, cards)}</body></html>\n"
    )
    atomic_save(path, lambda temp: temp.write_text(page, encoding="utf-8"))


def _text(value) -> str:
    return escape(xml_safe(field_text(value)), quote=True)


def _colgroup(widths_mm) -> str:
    cols = "".join(f"<col style='width:{w:g}mm'>" for w in widths_mm)
    return f"<colgroup>{cols}</colgroup>"


def _table_sheet(table: TargetTable) -> str:
    widths = [round(w * 10, 1) for w in column_widths(COLUMN_WIDTHS_CM, table)]
    style = f"style='width:{sum(widths):g}mm'"
    return (
        f"<section class='{SHEET_CLASS}'>"
        f"<h1>{_text(title_of(table))}</h1><p class='subtitle'>{_text(subtitle_of(table))}</p>"
        f"<table class='form' {style}>{_colgroup(widths)}<tbody>{_header_block(table)}"
        f"</tbody></table><table class='indicators' {style}>{_colgroup(widths)}"
        f"{_indicator_rows(table)}</table></section>"
    )


def _header_block(table: TargetTable) -> str:
    """The filing form's header rows; spans and the 项目资金 rows as colspan/rowspan."""
    rows = []
    for cells in header_rows(table):
        tds = []
        for _, cell in cell_columns(cells):
            if cell.covered:
                continue
            span = f" colspan='{cell.span}'" if cell.span > 1 else ""
            span += f" rowspan='{cell.rows}'" if cell.rows > 1 else ""
            kind = " class='label'" if cell.label else ""
            tds.append(f"<td{kind}{span}>{_text(cell.value)}</td>")
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return "".join(rows)


def _indicator_rows(table: TargetTable) -> str:
    """The indicator header (repeated on each printed page) and rows, 一级/二级 runs merged."""
    head = "".join(f"<th>{_text(h)}</th>" for h in indicator_headers(table))
    spans = {0: _run_spans(level1_runs(table)), 1: _run_spans(level2_runs(table))}
    rows = []
    for number, texts in enumerate(indicator_cells(table)):
        tds = []
        for column, text in enumerate(texts):
            span = 1
            if column in spans:
                if number not in spans[column]:
                    continue  # under the merged cell of an earlier row
                span = spans[column][number]
            rowspan = f" rowspan='{span}'" if span > 1 else ""
            kind = "" if column == 3 else " class='center'"  # 绩效指标描述 reads left-aligned
            tds.append(f"<td{kind}{rowspan}>{_text(text)}</td>")
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"


def _run_spans(runs) -> dict[int, int]:
    """First row of each run → the number of rows it covers."""
    return {run.first: run.last - run.first + 1 for run in runs}


def _review_sheet(tables: list[TargetTable], cards: list[ReportCard]) -> str:
    """The review of every table on a sheet of its own, in the columns of the .xlsx review; for
    one table its name heads the sheet instead of filling a column on every line."""
    rows = [row for t, c in zip(tables, cards, strict=True) for row in review_rows(t, c)]
    headers, widths, named = REVIEW_HEADERS, REVIEW_WIDTHS_MM, ""
    if len(tables) == 1:
        headers, widths = headers[1:], REVIEW_WIDTHS_ONE_MM
        rows = [row[1:] for row in rows]
        named = f"<p>{_text(REVIEW_HEADERS[0])}：{_text(tables[0].name)}</p>"
    head = "".join(f"<th>{_text(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{_text(text)}</td>" for text in row) + "</tr>" for row in rows
    )
    return (
        f"<section class='{SHEET_CLASS} review-card'><p>{_text(REVIEW_NOTE)}</p>"
        f"<h2>{_text(REVIEW_SHEET)}</h2>{named}<table class='review' "
        f"style='width:{sum(widths)}mm'>{_colgroup(widths)}<thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></section>"
    )
