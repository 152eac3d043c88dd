"""TargetTable → .docx: a title paragraph and one Word table per target table.

The Word table holds the header block (label | value merged over four columns) and then the
indicator rows, with runs of equal 一级 and 二级 merged vertically. Id and citations go into the
document's custom properties (docProps/custom.xml), invisible in the page.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from lxml import etree

from assistant.exporters.atomic import atomic_save
from assistant.exporters.layout import (
    COLUMN_WIDTHS_CM,
    MARGIN_CM,
    META_PROPERTY,
    MergeRun,
    cell_columns,
    column_widths,
    dump_metas,
    field_text,
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
from assistant.exporters.review_sheet import REVIEW_NOTE, REVIEW_SHEET, review_paragraphs
from assistant.schema import ReportCard, TargetTable

CUSTOM_PROPS_URI = "/docProps/custom.xml"
_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_PROPS_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the fixed id Office uses for custom props
_FONT = "宋体"


def write_docx(tables: list[TargetTable], path: Path, cards: list[ReportCard] | None) -> None:
    """Write the tables to `path`, a page each, then their review (when cards are given), with
    their metadata as a custom property."""
    document = Document()
    _set_page(document)
    _set_fonts(document)
    metas = []
    for number, table in enumerate(tables, start=1):
        if number > 1:
            document.add_page_break()
        _centered(document, title_of(table), size=16, bold=True)
        subtitle = document.add_paragraph(xml_safe(subtitle_of(table)))
        subtitle.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _write_table(document, table)
        metas.append(meta_for(table, str(number)))
    if cards is not None:  # the review on its own page
        document.add_page_break()
        document.add_paragraph(REVIEW_NOTE)
        _centered(document, REVIEW_SHEET, size=14, bold=True)
        for table, card in zip(tables, cards, strict=True):
            for line in review_paragraphs(table, card):
                document.add_paragraph(xml_safe(line))
    _add_custom_property(document, META_PROPERTY, dump_metas(metas))
    atomic_save(path, document.save)


def _centered(document, text: str, size: float, bold: bool) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(xml_safe(text))
    run.bold, run.font.size = bold, Pt(size)


def _set_page(document) -> None:
    """A4 portrait with 2.5 cm side margins: the 16 cm table fits the page width."""
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Cm(MARGIN_CM)
        section.top_margin = section.bottom_margin = Cm(MARGIN_CM)


def _set_fonts(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = _FONT, Pt(10.5)
    # Word picks the font of Chinese text from w:eastAsia, which font.name does not set.
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _FONT)
    # The document defaults name theme fonts (Calibri); styles not based on Normal use them.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is not None:
        for attribute in list(fonts.attrib):
            del fonts.attrib[attribute]
        for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(key), _FONT)


def _write_table(document, table: TargetTable) -> None:
    header = header_rows(table)
    rows, headers = indicator_cells(table), indicator_headers(table)
    grid = document.add_table(rows=len(header) + 1 + len(rows), cols=len(headers))
    grid.style = "Table Grid"
    grid.autofit = False
    _write_header_block(grid, header)
    titles = grid.rows[len(header)].cells
    for cell, text in zip(titles, headers, strict=True):
        _fill(cell, text, bold=True, center=True)
    first = len(header) + 1
    starts1 = {run.first for run in level1_runs(table)}
    starts2 = {run.first for run in level2_runs(table)}
    for offset, texts in enumerate(rows):
        cells = grid.rows[first + offset].cells
        for column, text in enumerate(texts):
            # Only the first row of a merged run carries the text; merging keeps it.
            starts = {0: starts1, 1: starts2}.get(column)
            _fill(
                cells[column],
                text if starts is None or offset in starts else "",
                center=column != 3,
            )
    _merge_runs(grid, level1_runs(table), column=0, first=first)
    _merge_runs(grid, level2_runs(table), column=1, first=first)
    _set_widths(grid, column_widths(COLUMN_WIDTHS_CM, table))
    _drop_blank_paragraphs(grid)


def _write_header_block(grid: Table, header) -> None:
    """The filing form's header rows: spans merged across, 项目资金 merged down."""
    merges = []
    for row, cells in enumerate(header):
        for column, cell in cell_columns(cells):
            if cell.covered:
                continue
            _fill(
                grid.cell(row, column), field_text(cell.value), bold=cell.label, center=cell.label
            )
            if cell.span > 1 or cell.rows > 1:
                merges.append((row, column, row + cell.rows - 1, column + cell.span - 1))
    for top, left, bottom, right in merges:
        grid.cell(top, left).merge(grid.cell(bottom, right))


def _fill(cell: _Cell, text: str, bold: bool = False, center: bool = False) -> None:
    if text:  # an empty cell keeps its bare paragraph (no empty run): merging then skips it
        cell.text = xml_safe(text)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for paragraph in cell.paragraphs:
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in paragraph.runs:
            run.bold = bold or None


def _merge_runs(grid: Table, runs: list[MergeRun], column: int, first: int) -> None:
    for run in runs:
        if run.last > run.first:
            grid.cell(first + run.first, column).merge(grid.cell(first + run.last, column))


def _set_widths(grid: Table, widths: tuple[float, ...]) -> None:
    # Word lays out by the cell widths; the grid column widths are what LibreOffice reads.
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)
    for row in grid.rows:
        start = 0
        for tc in row._tr.tc_lst:
            tc.width = Cm(sum(widths[start : start + tc.grid_span]))
            start += tc.grid_span


def _drop_blank_paragraphs(grid: Table) -> None:
    """A merged cell holds the paragraphs of every cell merged into it: keep only text."""
    for tc in grid._tbl.iter_tcs():
        paragraphs = tc.p_lst
        if len(paragraphs) > 1:
            for p in paragraphs:
                if not "".join(p.itertext()).strip() and len(tc.p_lst) > 1:
                    tc.remove(p)


def _add_custom_property(document, name: str, value: str) -> None:
    """docProps/custom.xml with one text property, related from the package like Office does."""
    root = etree.Element(f"{{{_PROPS_NS}}}Properties", nsmap={None: _PROPS_NS, "vt": _VT_NS})
    prop = etree.SubElement(
        root, f"{{{_PROPS_NS}}}property", fmtid=_PROPS_FMTID, pid="2", name=name
    )
    etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    part = Part(PackURI(CUSTOM_PROPS_URI), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def read_custom_property(document, name: str) -> str | None:
    """The text of a custom property, None when the document has none (a hand-made file)."""
    for part in document.part.package.iter_parts():
        if part.partname != CUSTOM_PROPS_URI:
            continue
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(part.blob, parser)
        for prop in root.iter(f"{{{_PROPS_NS}}}property"):
            if prop.get("name") == name:
                return "".join(prop.itertext())
    return None
