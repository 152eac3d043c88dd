"""The 打印预览: A4 sheets in the .docx layout (header rows, merged 一级/二级, review last), every
text escaped; checked on real corpus tables, parsed back with lxml."""

from __future__ import annotations

import lxml.html
import pytest

from assistant.exporters import ExportFailed, export_table
from assistant.exporters.html_preview import preview_html
from assistant.exporters.layout import INDICATOR_HEADERS, level1_runs, level2_runs
from assistant.exporters.review_sheet import REVIEW_HEADERS
from assistant.rules import review
from assistant.rules.card import report_card

FORM_LABELS = ["项目名称", "主管部门", "实施单位", "项目资金（万元）", "年度资金总额"]
FORM_LABELS += ["其中：财政拨款", "其他资金", "年度总体目标"]


def _sheets(html: str):
    sheet = "contains(concat(' ', @class, ' '), ' sheet ')"
    return lxml.html.fragment_fromstring(html).xpath(f"//section[{sheet}]")


def _merged(cells) -> list[tuple[str, int]]:
    return [(c.text_content(), int(c.get("rowspan", 1))) for c in cells]


def test_sheet_is_a4_with_the_filing_form_header(seed_tables_000):
    table = seed_tables_000[0]
    html = preview_html([table])
    assert "@page { size: A4 portrait; margin: 25mm; }" in html
    assert "width: 210mm; min-height: 297mm" in html and '"宋体"' in html and "仿宋" in html
    [sheet] = _sheets(html)
    assert sheet.xpath("string(.//h1)") == f"{table.name}绩效目标表"
    labels = [
        td.text_content() for td in sheet.xpath(".//table[@class='form']//td[@class='label']")
    ]
    assert labels[:8] == [*FORM_LABELS[:7], "资金用途"] and labels[-1] == "年度总体目标"
    funds = sheet.xpath(".//td[.='项目资金（万元）']")[0]
    assert funds.get("rowspan") == "3"  # 年度资金总额 / 财政拨款 / 其他资金
    values = [td.text_content() for td in sheet.xpath(".//table[@class='form']//td[@colspan]")]
    assert table.name in values and "29.40" in values and "\n".join(table.goals) in values
    # Both tables are as wide as the .docx table: 16 cm, A4 less 2.5 cm margins.
    for grid in sheet.xpath(".//table"):
        widths = [float(c.get("style")[6:-2]) for c in grid.xpath("./colgroup/col")]
        assert sum(widths) == pytest.approx(160) and grid.get("style") == "width:160mm"


def test_runs_of_equal_level1_and_level2_are_merged(seed_tables_000):
    for table in seed_tables_000:
        [sheet] = _sheets(preview_html([table]))
        rows = sheet.xpath(".//table[@class='indicators']/tbody/tr")
        assert len(rows) == len(table.indicators)
        runs1 = level1_runs(table)
        firsts = [rows[run.first].xpath("./td")[0] for run in runs1]
        assert _merged(firsts) == [
            (table.indicators[r.first].level1, r.last - r.first + 1) for r in runs1
        ]
        # Every row has 5 cells less those under a merged 一级 or 二级 cell above it.
        covered = {n for r in runs1 for n in range(r.first + 1, r.last + 1)}
        covered2 = {n for r in level2_runs(table) for n in range(r.first + 1, r.last + 1)}
        for n, row in enumerate(rows):
            assert len(row.xpath("./td")) == 5 - (n in covered) - (n in covered2), n
    [sheet] = _sheets(preview_html([seed_tables_000[0]]))
    assert _merged(sheet.xpath(".//td[.='产出指标' or .='质量指标']")) == [
        ("产出指标", 5),
        ("质量指标", 2),
    ]


def test_weight_and_standard_columns_when_rows_have_them(seed_tables_000):
    table = seed_tables_000[0].model_copy(deep=True)
    table.indicators[0].weight = 10
    table.indicators[1].standard = "行业标准"
    [sheet] = _sheets(preview_html([table]))
    heads = sheet.xpath(".//table[@class='indicators']/thead//th/text()")
    assert heads == [*INDICATOR_HEADERS, "权重(%)", "绩效标准"]
    first = [td.text_content() for td in sheet.xpath(".//table[@class='indicators']/tbody/tr")[0]]
    assert first[-2:] == ["10", ""]
    widths = [float(c.get("style")[6:-2]) for c in sheet.xpath(".//table[1]/colgroup/col")]
    assert len(widths) == 7 and sum(widths) == pytest.approx(160, abs=0.5)


def test_every_text_is_escaped(seed_tables_000):
    table = seed_tables_000[0].model_copy(deep=True)
    table.name = "<script>window.pwned=1</script>巡检"
    table.indicators[0].description = '<img src=x onerror=alert(1)> & "引号"'
    table.goals = ["<b>全年</b>完成"]
    html = preview_html([table])
    fragment = lxml.html.fragment_fromstring(html)
    assert not fragment.xpath("//script | //img | //b | //*[@onerror]")
    text = fragment.text_content()
    assert table.name in text and table.indicators[0].description in text
    assert "<b>全年</b>完成" in text


def test_review_card_on_its_own_sheet_and_html_file(seed_tables_000, tmp_path):
    table = seed_tables_000[0].model_copy(deep=True)
    table.indicators[-1].value.raw = "90%"  # no comparison sign: the review warns
    card = report_card(review(table))
    html = preview_html([table], [card])
    table_sheet, review_sheet = _sheets(html)
    assert "review-card" in review_sheet.get("class")
    assert review_sheet.xpath("string(.//h2)") == "审核意见"
    rows = [r.text_content() for r in review_sheet.xpath(".//tbody/tr")]
    assert card.verdict in rows[0] and any("警告" in r for r in rows)
    assert "审核意见" not in table_sheet.text_content()
    assert review_sheet.xpath("string(.//thead)") == "".join(REVIEW_HEADERS[1:])
    assert f"项目名称：{table.name}" in review_sheet.text_content()
    # Several tables: one review sheet, each line naming its table.
    other = seed_tables_000[1]
    *_, both = _sheets(preview_html([table, other], [card, report_card(review(other))]))
    assert both.xpath("string(.//thead)") == "".join(REVIEW_HEADERS)
    assert {table.name, other.name} <= set(both.xpath(".//tbody/tr/td[1]/text()"))
    path = export_table(table, tmp_path / "表.html", card)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and html in page
    with pytest.raises(ExportFailed, match="只能导出"):
        export_table(table, tmp_path / "表.htm")
