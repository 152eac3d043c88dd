"""Exports a budget office can file, read back from the files: A4, 宋体, the filing form's header
rows, the 绩效目标, the review on its own sheet/page, fit to the page width."""

from __future__ import annotations

import docx
import lxml.html
import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from assistant.importers import docx_file, xlsx_file
from assistant.workbench.models import DraftSession, Owner
from tests.fixtures_app import BRIEF
from webui.render import draft_rows

ME = Owner(id="browser:" + "d" * 32, name="访客-dddddd")
FORM_LABELS = ["项目名称", "主管部门", "实施单位", "项目资金（万元）", "年度资金总额"]
FORM_LABELS += ["其中：财政拨款", "其他资金", "年度总体目标"]


@pytest.fixture
def finished(make_workbench):
    """A draft with its header answered in the chat and one hand edit that the review warns of."""
    workbench = make_workbench()
    session = DraftSession()
    for text in (
        BRIEF,
        "主管部门是县城市管理局，实施单位是县燃气安全中心",
        "财政资金60万元，其他资金20万元",
    ):
        session = list(workbench.chat(session, text, ME))[-1][0]
    rows = draft_rows(session.draft.table)
    sat = next(r for r in rows if r[1] == "服务对象满意度指标")
    sat[4] = "90%"  # no comparison sign: a warning the review keeps (the user's choice)
    return workbench, workbench.edit_rows(session, rows)


def test_xlsx_is_a4_songti_filing_form_with_review_sheet(finished):
    workbench, session = finished
    table = session.draft.table
    book = openpyxl.load_workbook(workbench.export(session, ".xlsx"))
    sheet, review = book.worksheets[0], book["审核意见"]
    for ws in (sheet, review):
        assert int(ws.page_setup.paperSize) == 9  # A4 (Excel paper code)
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    written = [c for r in sheet.iter_rows() for c in r if c.value not in (None, "")]
    assert written and {c.font.name for c in written} == {"宋体"}
    texts = [str(c.value) for c in written]
    for label in FORM_LABELS:
        assert label in texts, label
    assert (
        "县城市管理局" in texts and "县燃气安全中心" in texts and 60 in [c.value for c in written]
    )
    assert "\n".join(table.goals) in texts
    review_texts = [str(c.value) for r in review.iter_rows() for c in r if c.value]
    assert any("警告" in t for t in review_texts) and any("90%" in t for t in review_texts)
    # The file reads back as the same table; the review sheet is not taken for a table.
    (back,) = xlsx_file.parse(workbench.export(session, ".xlsx"))
    assert (back.name, back.department.name, back.implementing_unit) == (
        table.name,
        "县城市管理局",
        "县燃气安全中心",
    )
    assert back.budget == table.budget and back.goals == table.goals and back.year == 2026
    assert [i.value.raw for i in back.indicators] == [i.value.raw for i in table.indicators]


def test_docx_is_a4_songti_no_blank_paragraphs_review_on_its_own_page(finished):
    workbench, session = finished
    table = session.draft.table
    path = workbench.export(session, ".docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    text_width = section.page_width - section.left_margin - section.right_margin
    [form] = document.tables
    assert sum(c.width for c in form.columns) <= text_width + Mm(1)  # fits the page width
    fonts = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert set(fonts.attrib.values()) == {"宋体"}
    assert document.styles["Normal"].font.name == "宋体"
    for tc in form._tbl.iter_tcs():
        paragraphs = [p.xpath("string(.)") for p in tc.p_lst]
        assert len(paragraphs) == 1 or all(p.strip() for p in paragraphs), paragraphs
    cells = {c.text for r in form.rows for c in r.cells}
    for label in FORM_LABELS:
        assert label in cells, label
    assert "\n".join(table.goals) in cells
    # The review: on a page of its own after the table (a page break, then its 说明 and title).
    body = list(document.element.body)
    after = body[body.index(form._tbl) + 1 :]
    texts = [e.xpath("string(.)") for e in after]
    breaks = [n for n, e in enumerate(after) if e.xpath(".//w:br[@w:type='page']")]
    title = texts.index("审核意见")
    assert breaks and breaks[0] < title
    assert any("90%" in t for t in texts[title:])
    (back,) = docx_file.parse(path)
    assert len(back.indicators) == len(table.indicators) and back.goals == table.goals
    assert back.budget == table.budget and back.implementing_unit == "县燃气安全中心"


def test_print_preview_shows_the_filing_form_and_review_and_gives_an_html(finished):
    workbench, session = finished
    table = session.draft.table
    sheets, path = workbench.preview(session)
    page = lxml.html.fragment_fromstring(sheets)
    form_sheet, review_sheet = page.xpath("//section")
    labels = form_sheet.xpath(".//td[@class='label']/text()")
    assert all(label in labels for label in FORM_LABELS), labels
    texts = form_sheet.xpath(".//td/text()")
    assert {table.name, "县城市管理局", "县燃气安全中心", "60.00", "20.00"} <= set(texts)
    assert "\n".join(table.goals) in texts
    assert "90%" in form_sheet.text_content() and "90%" in review_sheet.text_content()
    assert review_sheet.xpath("string(.//h2)") == "审核意见"
    assert path.suffix == ".html" and sheets in path.read_text(encoding="utf-8")
