"""The reviewer's report card (five dimensions graded 优/良/中/差) in lint, the app and exports."""

from __future__ import annotations

from openpyxl import load_workbook

from assistant.cli import main
from assistant.exporters import export_table
from assistant.exporters.review_sheet import REVIEW_SHEET
from assistant.importers import parse
from assistant.rules import RULES, review
from assistant.rules.card import dimension_of, report_card
from assistant.rules.words import review_words
from tests.conftest import ROOT
from tests.test_review_rules import LANXILU, T000, T003, real
from webui.render import findings_html


def test_every_rule_reports_on_one_of_the_five_dimensions():
    dimensions = review_words().report_card.dimensions
    assert dimensions == ("完整性", "相关性", "全面性/适当性", "可行性", "可衡量性")
    assert {dimension_of(r.code) for r in RULES} <= set(dimensions)
    assert dimension_of("R-VALUE-UNMEASURABLE") == "可衡量性"
    assert dimension_of("R-ROW-UNRELATED") == "相关性"


def test_measurability_warnings_never_pass_as_审核通过():
    card = report_card(review(real(LANXILU)))  # 及时, 提升, 可控 … 11 warnings
    assert card.verdict == "形式审核通过，11 处需要核对"
    grades = {d.dimension: d.grade for d in card.dimensions}
    assert grades["可衡量性"] == "差" and grades["完整性"] == "优" and card.overall == "中"


def test_errors_fail_and_cap_the_overall_grade():
    card = report_card(review(real(f"{T003}-4")))  # >1保障各项业务正常运行
    assert card.verdict.startswith("审核不通过：1 处错误") and card.overall == "中"


def test_only_non_blocking_warnings_still_pass():
    card = report_card(review(real(f"{T000}-1")))  # cost 29.38 vs 29.40, a long name
    assert card.verdict == "审核通过（3 处提示）" and card.to_check == 0
    assert report_card([]).verdict == "审核通过" and report_card([]).overall == "优"


def test_app_shows_the_card_and_the_fix_beside_the_finding():
    html = findings_html(review(real(LANXILU)))
    assert "形式审核通过，11 处需要核对" in html and "<b>审核通过</b>" not in html
    assert "可衡量性 · 差" in html and "建议：名称改为“项目完成时限”" in html
    assert "<b>审核通过</b>" in findings_html([])


def test_lint_prints_the_report_card(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("JXMB_DATA_DIR", str(tmp_path / "data"))
    lanxilu = ROOT / "corpus" / "shanghai_putuo_2026_jianguanwei_lanxilu.txt"
    assert main(["lint", str(lanxilu), "--no-history"]) == 0  # counts independent of the corpus
    out = capsys.readouterr().out
    assert "审核评分：完整性 优 · 相关性 良（1处）" in out and "→ 综合 中" in out
    assert "结论：形式审核通过，11 处需要核对" in out


def test_exports_carry_the_review_and_still_import(tmp_path):
    table = real(LANXILU)
    findings = review(table)
    xlsx = export_table(table, tmp_path / "t.xlsx", report_card(findings))
    sheet = load_workbook(xlsx)[REVIEW_SHEET]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "形式审核通过，11 处需要核对" in cells and "可衡量性" in cells
    docx = export_table(table, tmp_path / "t.docx", report_card(findings))
    for path in (xlsx, docx):
        [back] = parse(path)
        cells = [(i.level1, i.level2, i.name, i.description, i.value.raw) for i in back.indicators]
        assert cells == [
            (i.level1, i.level2, i.name, i.description, i.value.raw) for i in table.indicators
        ]
    from docx import Document

    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "形式审核通过，11 处需要核对。综合评定：中" in text


def test_rule_rates_are_measured_into_the_docs(tmp_path):
    from evals.rule_rates import END, START, report, write_docs
    from tests.test_review_rules import TABLES

    tables = [real(p.stem) for p in sorted(TABLES.glob("*.json"))]
    text = report(tables)
    assert text.startswith(START) and text.endswith(END)
    for r in RULES:
        assert f"| `{r.code}` |" in text
    assert "| `R-TIMELINESS-VAGUE` | 警告 | 可衡量性 |" in text
    doc = tmp_path / "rules.md"
    doc.write_text(f"前言\n{START}\n旧表\n{END}\n后记\n", encoding="utf-8")
    write_docs(text, doc)
    written = doc.read_text(encoding="utf-8")
    assert written.startswith("前言\n") and written.endswith("\n后记\n") and "旧表" not in written
