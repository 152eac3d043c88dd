""".xlsx/.docx export and import: exact round-trips of the 34 real corpus tables, merged cells,
hand-made files, formula neutralisation, refused uploads and the `export` CLI.

Files marked SYNTHETIC below are built by the tests to imitate hand-made or hostile uploads; their
texts are copied from the real seed table 000_0a362c379c5850c5-1 where a value was needed.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from openpyxl import Workbook, load_workbook

from assistant.cli import main
from assistant.errors import ImportFailed
from assistant.exporters import ExportFailed, export_table, export_tables
from assistant.exporters.atomic import atomic_save
from assistant.exporters.layout import META_SHEET
from assistant.importers import docx_file, xlsx_file
from assistant.importers.office_grid import NO_TABLE
from assistant.schema import SourceRef

FORMATS = {"xlsx": xlsx_file, "docx": docx_file}
CJK = re.compile(r"[\u4e00-\u9fff]")


def _without_citations(dump: dict) -> dict:
    """A table dump minus what only hidden metadata can restore: id, the source citations, the
    partial flag, import notes, and each row's printed 一级 and 中期 block."""
    hidden = ("id", "source", "partial", "import_notes")
    dump = {k: v for k, v in dump.items() if k not in hidden}
    dump["indicators"] = [
        {k: v for k, v in row.items() if k not in ("source", "level1_source", "long_term")}
        for row in dump["indicators"]
    ]
    return dump


def _strip_metadata(path: Path) -> Path:
    """The same file as a person would save it without our hidden metadata."""
    out = path.with_name(f"plain-{path.name}")
    if path.suffix == ".xlsx":
        workbook = load_workbook(path)
        workbook.remove(workbook[META_SHEET])
        workbook.save(out)
    else:
        document = Document(str(path))
        rels = document.part.package.rels
        for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.CUSTOM_PROPERTIES]:
            del rels[rid]
        document.save(str(out))
    return out


# ------------------------------------------------------------------ round trips


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_corpus_table_round_trips_and_cites_the_file_it_was_read_from(
    corpus_tables, tmp_path, fmt
):
    """export → import gives every field back; id and citations name the new file, never the
    id stored in the file's own metadata (that id could name any path or another table)."""
    for table in corpus_tables:
        path = export_table(table, tmp_path / f"copy.{fmt}")
        (back,) = FORMATS[fmt].parse(path)
        assert _without_citations(back.model_dump()) == _without_citations(table.model_dump())
        assert (back.id, back.source.file) == ("copy-1", path.name), table.id
        assert {row.source.table_id for row in back.indicators} == {"copy-1"}, table.id


@pytest.mark.parametrize("fmt", FORMATS)
def test_all_tables_in_one_file_give_every_table(corpus_tables, tmp_path, fmt):
    path = export_tables(corpus_tables, tmp_path / f"all.{fmt}")
    back = FORMATS[fmt].parse(path)
    assert [_without_citations(t.model_dump()) for t in back] == [
        _without_citations(t.model_dump()) for t in corpus_tables
    ]
    assert [t.id for t in back] == [f"all-{n}" for n in range(1, len(corpus_tables) + 1)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_visible_cells_alone_round_trip_and_cite_the_new_file(corpus_tables, tmp_path, fmt):
    """Without the metadata every visible field is equal; id and citations point at the new file."""
    path = _strip_metadata(export_tables(corpus_tables, tmp_path / f"all.{fmt}"))
    back = FORMATS[fmt].parse(path)
    assert [_without_citations(t.model_dump()) for t in back] == [
        _without_citations(t.model_dump()) for t in corpus_tables
    ]
    assert [t.id for t in back] == [f"plain-all-{n}" for n in range(1, len(corpus_tables) + 1)]
    last = back[-1].indicators[-1].source
    rows = len(corpus_tables[-1].indicators)
    assert (last.file, last.table_id, last.row) == (path.name, f"plain-all-{len(back)}", rows)


def test_putuo_equals_sign_value_survives_xlsx(putuo_tables, tmp_path):
    table = putuo_tables[0]
    assert table.indicators[1].value.raw == "=100.00(%)"
    (back,) = xlsx_file.parse(export_table(table, tmp_path / "putuo.xlsx"))
    assert back.indicators[1].value == table.indicators[1].value


def test_metadata_is_dropped_when_the_table_was_renamed_and_ignored_without_id(
    seed_tables_000, tmp_path
):
    path = export_table(seed_tables_000[1], tmp_path / "edited.xlsx")
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    assert sheet["A3"].value == "项目名称"
    sheet["B3"] = "改名后的项目"
    workbook.save(path)
    (renamed,) = xlsx_file.parse(path)
    assert (renamed.name, renamed.id, renamed.indicators[0].source.file) == (
        "改名后的项目",
        "edited-1",
        "edited.xlsx",
    )
    draft = seed_tables_000[1].model_copy(deep=True, update={"id": "", "source": SourceRef()})
    (back,) = docx_file.parse(export_table(draft, tmp_path / "draft.docx"))
    assert (back.id, back.source.file) == ("draft-1", "draft.docx")
    assert [r.source for r in back.indicators] == [r.source for r in draft.indicators]


@pytest.mark.parametrize("fmt", FORMATS)
def test_dispatcher_reads_both_formats_under_an_upload_name(seed_tables_003, tmp_path, fmt):
    from assistant.importers import parse

    path = export_tables(seed_tables_003, tmp_path / f"upload.{fmt}")
    tables = parse(path, source_name=f"单位报送.{fmt}", max_decompressed_mb=5.0)
    assert [t.id for t in tables] == [f"单位报送-{n}" for n in range(1, 5)]
    assert [_without_citations(t.model_dump()) for t in tables] == [
        _without_citations(t.model_dump()) for t in seed_tables_003
    ]


# ------------------------------------------------------------------ layout


def test_xlsx_merges_equal_level1_and_level2_cells(seed_tables_000, tmp_path):
    table = seed_tables_000[0]  # 产出指标 ×5 (数量, 质量, 质量, 时效, 成本), 效益 ×1, 满意度 ×1
    sheet = load_workbook(export_table(table, tmp_path / "t.xlsx")).worksheets[0]
    header = next(r for r in range(1, 40) if sheet.cell(r, 1).value == "一级指标")
    first = header + 1
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert f"A{first}:A{first + 4}" in merged
    assert f"B{first + 1}:B{first + 2}" in merged
    assert not any(r.startswith(f"A{first + 5}:") for r in merged)  # 效益指标 is a single row
    assert sheet.cell(1, 1).value == "市热燃中心2025年燃气供热站安全应急检查绩效目标表"
    assert "A1:E1" in merged
    labels = [sheet.cell(r, 1).value for r in range(3, header)]
    assert labels[:3] == ["项目名称", "主管部门", "项目资金（万元）"] and "年度总体目标" in labels
    assert sheet.cell(labels.index("主管部门") + 3, 2).value == "326301 天津市供热燃气管理事务中心"
    assert sheet.column_dimensions["D"].width > sheet.column_dimensions["A"].width
    assert sheet.cell(first, 4).alignment.wrap_text


def test_docx_merges_equal_level1_and_level2_cells(seed_tables_000, tmp_path):
    table = seed_tables_000[0]
    document = Document(str(export_table(table, tmp_path / "t.docx")))
    (grid,) = document.tables
    trs = grid._tbl.tr_lst
    header = next(i for i, tr in enumerate(trs) if "一级指标" in tr.tc_lst[0].xpath("string(.)"))
    merges = [tr.tc_lst[0].vMerge for tr in trs[header + 1 : header + 8]]
    assert merges == ["restart", "continue", "continue", "continue", "continue", None, None]
    level2 = [tr.tc_lst[1].vMerge for tr in trs[header + 1 : header + 5]]
    assert level2 == [None, "restart", "continue", None]
    assert trs[0].tc_lst[1].grid_span == 4  # 项目名称's value spans columns 2-5
    assert document.paragraphs[0].text == "市热燃中心2025年燃气供热站安全应急检查绩效目标表"


# ------------------------------------------------------------------ hand-made files


# SYNTHETIC hand-made workbook (texts of seed table 000-1): a Sichuan-style layout with the sign
# and the unit in their own columns, money in 元, labels with colons/brackets, header row at B9.
HANDMADE_HEADER_CELLS = {
    "B2": "市热燃中心2025年燃气供热站安全应急检查绩效目标表",
    "B3": "项目名称：",
    "C3": "燃气供热站安全应急检查",
    "B4": "主管部门（代码）",
    "C4": "天津市供热燃气管理事务中心 326301",
    "E4": "实施单位",
    "F4": "天津市供热燃气管理事务中心",
    "B5": "单位：元",
    "B6": "年度资金总额",
    "C6": 294000,
    "D6": "其中：财政资金",
    "E6": 294000,
    "F6": "其他资金",
    "B7": "年度绩效目标",
    "C7": "1.压实燃气供热企业安全生产主体责任。\n2.坚决遏制和防范供热安全生产事故发生。",
}
HANDMADE_HEADER_ROW = "一级指标 二级指标 三级指标 指标性质 指标值 度量单位 权重 指标方向 绩效标准"
HANDMADE_ROWS = [
    ("产出指标", "数量指标", "检查企业数量", "≥", 192, "家次", 20, "正向", "计划标准"),
    (None, "质量指标", "供应商工作监督", "定性", "进行验收", None, 10, "正向", "其他标准"),
    (None, None, "国家强制标准", "≥", 0.9, None, 10, "正向", "行业标准"),
    (None, "时效指标", "检查问题反馈时限", "≤", "30", "日", 10, "反向", "计划标准"),
    (None, "成本指标", "费用不超过预算", "≤", 29.38, "万元", 10, "反向", "预算支出标准"),
    ("效益指标", "社会效益指标", "检查复查率", "≥", "90", "%", 20, "正向", "计划标准"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "90%", "%", 20, "正向", "计划标准"),
]


def _handmade_xlsx(path: Path) -> Path:
    """SYNTHETIC: the hand-made workbook above, with merged 一级/二级 cells and a note row."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "绩效目标"
    for coordinate, value in HANDMADE_HEADER_CELLS.items():
        sheet[coordinate] = value
    sheet.append([])
    sheet.append([None, *HANDMADE_HEADER_ROW.split()])
    for row in HANDMADE_ROWS:
        sheet.append([None, *row])
    sheet.cell(12, 6).number_format = "0%"  # the 0.9 above is shown as 90%
    sheet.merge_cells("B10:B14")
    sheet.merge_cells("C11:C12")
    sheet.append([None, "注：权重合计100分。"])
    workbook.create_sheet("填表说明")["A1"] = "请按财政部门要求填写。"
    workbook.save(path)
    return path


def test_handmade_xlsx_with_sign_and_unit_columns(tmp_path):
    (table,) = xlsx_file.parse(_handmade_xlsx(tmp_path / "handmade.xlsx"))
    assert table.name == "燃气供热站安全应急检查"
    assert (table.department.code, table.department.name) == (
        "326301",
        "天津市供热燃气管理事务中心",
    )
    assert table.implementing_unit == "天津市供热燃气管理事务中心"
    assert (table.budget.total, table.budget.fiscal, table.budget.other) == (29.4, 29.4, None)
    assert table.year == 2025 and len(table.goals) == 2
    values = [row.value.raw for row in table.indicators]
    assert values == ["≥192家次", "进行验收", "≥90%", "≤30日", "≤29.38万元", "≥90%", "≥90%"]
    assert [row.level1 for row in table.indicators] == ["产出指标"] * 5 + ["效益指标", "满意度指标"]
    assert [row.level2 for row in table.indicators][1:3] == ["质量指标", "质量指标"]
    assert table.indicators[4].value.number == 29.38 and table.indicators[4].value.operator == "≤"


HANDMADE_DOCX_ROWS = [
    ("一级指标", "二级指标", "三级指标", "指标解释", "年度指标值"),
    ("产出指标", "数量指标", "设备购置数量", "购置专用设备", "≥10台"),
    ("产出指标", "", "设备验收合格率", "验收合格", "=100%"),
    ("", "时效指标", "完成时间", "年内完成", "2025年12月"),
]


def test_handmade_docx_with_paragraph_labels_and_repeated_cells(tmp_path):
    """SYNTHETIC: two tables, each under 「标签：值」 paragraphs; 一级 cells repeated or empty."""
    document = Document()
    for name, budget in (("设备更新改造项目", "175万元"), ("系统运行维护", "3,200,000元")):
        document.add_paragraph(f"项目名称：{name}")
        document.add_paragraph("主管部门：362207天津市生态环境综合保障中心")
        document.add_paragraph(f"预算数：{budget}")
        grid = document.add_table(rows=4, cols=5)
        for tr, texts in zip(grid.rows, HANDMADE_DOCX_ROWS, strict=True):
            for cell, text in zip(tr.cells, texts, strict=True):
                cell.text = text
    path = tmp_path / "handmade.docx"
    document.save(str(path))
    first, second = docx_file.parse(path)
    assert (first.name, first.budget.total) == ("设备更新改造项目", 175.0)
    assert (second.name, second.budget.total) == ("系统运行维护", 320.0)
    assert first.department.code == "362207" and second.id == "handmade-2"
    levels = [(r.level1, r.level2) for r in second.indicators]
    assert levels == [("产出指标", "数量指标")] * 2 + [("产出指标", "时效指标")]
    values = [r.value for r in first.indicators]
    assert values[1].raw == "=100%" and values[2].kind == "qualitative"


# ------------------------------------------------------------------ formula injection


def test_formula_text_is_written_as_text_and_read_back_unchanged(seed_tables_000, tmp_path):
    """SYNTHETIC values injected into a copy of a real table."""
    table = seed_tables_000[0].model_copy(deep=True)
    payloads = ["=cmd|'/c calc'!A1", "+SUM(A1:A9)", '@HYPERLINK("http://x")', "-2+3"]
    for row, text in zip(table.indicators, payloads, strict=False):
        row.description = text
    table.indicators[0].value = table.indicators[0].value.parse("=cmd|'/c calc'!A1")
    path = export_table(table, tmp_path / "inject.xlsx")
    sheet = load_workbook(path).worksheets[0]
    cells = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    for text in payloads:
        assert cells[text].data_type != "f" and cells[text].quotePrefix, text
    with zipfile.ZipFile(path) as package:
        assert b"<f>" not in package.read("xl/worksheets/sheet1.xml")
    (back,) = xlsx_file.parse(path)
    assert _without_citations(back.model_dump()) == _without_citations(table.model_dump())


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_are_dropped_not_a_crash(seed_tables_000, tmp_path, fmt):
    """SYNTHETIC: a vertical tab pasted from Word into a description."""
    table = seed_tables_000[0].model_copy(deep=True)
    table.indicators[0].description = "对一家企业\x0b检查一次为一家次"
    (back,) = FORMATS[fmt].parse(export_table(table, tmp_path / f"ctl.{fmt}"))
    assert back.indicators[0].description == "对一家企业检查一次为一家次"


# ------------------------------------------------------------------ refused uploads


@pytest.fixture(scope="session")
def xlsx_100k_rows(tmp_path_factory) -> Path:
    """SYNTHETIC: a workbook with a header row and 100,000 indicator rows (made once per session)."""
    path = tmp_path_factory.mktemp("big") / "100k.xlsx"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("big")
    sheet.append(["项目名称", "合成测试表"])
    sheet.append(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"])
    for number in range(100_000):
        sheet.append(["产出指标", "数量指标", f"合成指标{number}", "合成", f"≥{number}个"])
    workbook.save(path)
    return path


def _fails(module, path: Path, **kwargs) -> str:
    with pytest.raises(ImportFailed) as failure:
        module.parse(path, **kwargs)
    message = str(failure.value)
    assert CJK.search(failure.value.problem) and path.name in message
    return message


def test_100k_rows_fail_fast(xlsx_100k_rows):
    assert "行" in _fails(xlsx_file, xlsx_100k_rows)


def test_sheet_longer_than_any_table_is_refused_while_streaming(tmp_path):
    """SYNTHETIC: 6,000 rows pass the zip pre-scan (< 20,000 <row>s) and stop at the 5,000 cap."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("long")
    sheet.append(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"])
    for number in range(6_000):
        sheet.append(["产出指标", "数量指标", f"合成指标{number}", "合成", "≥1个"])
    workbook.save(tmp_path / "long.xlsx")
    assert "超过 5000 行" in _fails(xlsx_file, tmp_path / "long.xlsx")


def test_docx_table_rows_are_capped(seed_tables_000, tmp_path, monkeypatch):
    path = export_table(seed_tables_000[2], tmp_path / "rows.docx")
    monkeypatch.setattr(docx_file, "MAX_ROWS", 10)  # the real table has 22 rows
    assert "超过 10 行" in _fails(docx_file, path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_not_a_zip_and_old_binary_formats(tmp_path, fmt):
    text = tmp_path / f"text.{fmt}"
    text.write_text("一级指标\t二级指标\n", encoding="utf-8")
    assert "zip" in _fails(FORMATS[fmt], text)
    ole = tmp_path / f"old.{fmt}"
    ole.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504)
    assert ".xls" in _fails(FORMATS[fmt], ole)


@pytest.mark.parametrize("fmt", FORMATS)
def test_truncated_and_corrupt_files(seed_tables_000, tmp_path, fmt):
    good = export_table(seed_tables_000[2], tmp_path / f"good.{fmt}").read_bytes()
    truncated = tmp_path / f"truncated.{fmt}"
    truncated.write_bytes(good[: len(good) // 2])
    assert "损坏" in _fails(FORMATS[fmt], truncated)
    with zipfile.ZipFile(tmp_path / f"good.{fmt}") as package:
        member = package.getinfo(
            "xl/worksheets/sheet1.xml" if fmt == "xlsx" else "word/document.xml"
        )
    start = member.header_offset + 30 + len(member.filename.encode()) + len(member.extra)
    damaged = bytearray(good)
    middle = start + member.compress_size // 2
    damaged[middle : middle + 8] = bytes(b ^ 0xFF for b in damaged[middle : middle + 8])
    corrupt = tmp_path / f"corrupt.{fmt}"
    corrupt.write_bytes(bytes(damaged))
    assert "损坏" in _fails(FORMATS[fmt], corrupt)


def test_zip_bomb_over_the_default_limit(tmp_path):
    """SYNTHETIC: 120 MB of zeros deflated to ~120 KB inside an .xlsx-shaped package."""
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
        with package.open("xl/sharedStrings.xml", "w") as member:
            for _ in range(120):
                member.write(b"\0" * 1024 * 1024)
    assert bomb.stat().st_size < 1024 * 1024
    assert "压缩炸弹" in _fails(xlsx_file, bomb)


@pytest.mark.parametrize("fmt", FORMATS)
def test_decompressed_limit_is_a_parameter(seed_tables_000, tmp_path, fmt):
    path = export_table(seed_tables_000[0], tmp_path / f"t.{fmt}")
    assert "max_decompressed_mb" in _fails(FORMATS[fmt], path, max_decompressed_mb=0.001)


def test_files_without_a_target_table(tmp_path):
    workbook = Workbook()
    workbook.active["A1"] = "2025年部门预算说明"
    workbook.save(tmp_path / "plain.xlsx")
    assert NO_TABLE in _fails(xlsx_file, tmp_path / "plain.xlsx")
    document = Document()
    document.add_paragraph("一级指标、二级指标见附件。")
    document.save(str(tmp_path / "plain.docx"))
    assert NO_TABLE in _fails(docx_file, tmp_path / "plain.docx")


def test_docx_renamed_to_xlsx_is_named_as_such(seed_tables_000, tmp_path):
    path = export_table(seed_tables_000[0], tmp_path / "t.docx")
    renamed = path.rename(tmp_path / "t.xlsx")
    assert "Word" in _fails(xlsx_file, renamed)


# ------------------------------------------------------------------ writing and the CLI


def test_failed_save_leaves_the_old_file_and_no_temp_file(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def crash(temp: Path) -> None:
        temp.write_bytes(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_save(target, crash)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_export_errors_are_chinese(seed_tables_000, tmp_path):
    with pytest.raises(ExportFailed, match="只能导出"):
        export_table(seed_tables_000[0], tmp_path / "t.pdf")
    with pytest.raises(ExportFailed, match="不存在"):
        export_table(seed_tables_000[0], tmp_path / "missing" / "t.xlsx")


def test_cli_exports_first_chosen_or_all_tables(corpus_tables, tmp_path, capsys):
    source = tmp_path / "tables.json"
    source.write_text(
        json.dumps([t.model_dump(mode="json") for t in corpus_tables], ensure_ascii=False)
    )
    assert main(["export", str(source), "--to", str(tmp_path / "first.xlsx")]) == 0
    (first,) = xlsx_file.parse(tmp_path / "first.xlsx")
    assert first.name == corpus_tables[0].name
    chosen = corpus_tables[8].id
    assert main(["export", str(source), "--to", str(tmp_path / "one.docx"), "--table", chosen]) == 0
    (one,) = docx_file.parse(tmp_path / "one.docx")
    assert _without_citations(one.model_dump()) == _without_citations(corpus_tables[8].model_dump())
    assert main(["export", str(source), "--to", str(tmp_path / "all.xlsx"), "--all"]) == 0
    assert len(xlsx_file.parse(tmp_path / "all.xlsx")) == len(corpus_tables)
    single = tmp_path / "single.json"
    single.write_text(corpus_tables[12].model_dump_json(), encoding="utf-8")
    assert main(["export", str(single), "--to", str(tmp_path / "single.xlsx")]) == 0
    assert "已导出 1 张表" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "extra", "expected"),
    [
        ("{not json", [], "JSON 格式错误"),
        ('{"name": "x", "indicators": [{"level1": "产出指标"}]}', [], "缺少必填字段"),
        ("[]", [], "没有目标表"),
        ('[{"name": "x"}]', ["--table", "nope"], "没有 id 为「nope」"),
    ],
)
def test_cli_errors_exit_2_with_chinese_message(tmp_path, capsys, content, extra, expected):
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    assert main(["export", str(source), "--to", str(tmp_path / "out.xlsx"), *extra]) == 2
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "out.xlsx").exists()


def test_cli_unsupported_output_exits_2(corpus_tables, tmp_path, capsys):
    source = tmp_path / "t.json"
    source.write_text(corpus_tables[0].model_dump_json(), encoding="utf-8")
    assert main(["export", str(source), "--to", str(tmp_path / "t.csv")]) == 2
    assert "只能导出 .xlsx 或 .docx" in capsys.readouterr().err
