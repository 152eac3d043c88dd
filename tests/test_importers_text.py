"""Text importers on the real seed and Putuo files, their encodings and broken inputs."""

from __future__ import annotations

import pytest

from assistant.errors import ImportFailed
from assistant.importers import parse
from assistant.schema import COST
from tests.conftest import EXTRA_FILES, SEED_000, SEED_003

ROWS_000 = [7, 6, 12, 9, 6, 6, 7]
ROWS_003 = [6, 7, 6, 6]
BUDGETS_000 = [29.40, 59.30, 104.00, 3.00, 543.60, 33.20, 64.80]
BUDGETS_003 = [320, 30, 20, 175]


def test_seed_000_row_counts_budgets_and_department(seed_tables_000):
    assert [len(t.indicators) for t in seed_tables_000] == ROWS_000
    assert [t.budget.total for t in seed_tables_000] == pytest.approx(BUDGETS_000)
    assert {t.department.code for t in seed_tables_000} == {"326301"}
    assert {t.department.name for t in seed_tables_000} == {"天津市供热燃气管理事务中心"}
    assert [t.year for t in seed_tables_000] == [2025, 2025, 2025, 2025, 2024, 2025, 2025]


def test_seed_003_row_counts_budgets_and_department(seed_tables_003):
    assert [len(t.indicators) for t in seed_tables_003] == ROWS_003
    assert [t.budget.total for t in seed_tables_003] == pytest.approx(BUDGETS_003)
    assert {t.department.code for t in seed_tables_003} == {"362207"}
    assert {t.department.name for t in seed_tables_003} == {"天津市生态环境综合保障中心"}
    # These titles and names print no year: it stays unknown rather than guessed.
    assert [t.year for t in seed_tables_003] == [None] * 4


def test_fiscal_plus_other_equals_total_and_blank_other_is_zero(seed_tables_000, seed_tables_003):
    for table in [*seed_tables_000, *seed_tables_003]:
        assert table.budget.other == 0.0
        assert table.budget.fiscal + table.budget.other == pytest.approx(table.budget.total)


def test_ids_titles_and_citations(seed_tables_000):
    first = seed_tables_000[0]
    assert [t.id for t in seed_tables_000] == [f"000_0a362c379c5850c5-{n}" for n in range(1, 8)]
    assert first.source.file == "000_0a362c379c5850c5.txt"
    assert first.source.title == "1.市热燃中心2025年燃气供热站安全应急检查绩效目标表"
    assert first.source.locator == "表1"
    assert first.name == "市热燃中心2025年燃气供热站安全应急检查"
    last_row = seed_tables_000[6].indicators[-1].source
    assert (last_row.locator, last_row.table_id, last_row.row) == (
        "表7 第7行",
        first.id[:-1] + "7",
        7,
    )


def test_merged_cells_repeat_level1_and_rows_keep_raw_values(seed_tables_000, seed_tables_003):
    rows = seed_tables_000[0].indicators
    assert [r.level1 for r in rows[:5]] == ["产出指标"] * 5
    assert rows[1].name == "供应商工作监督" and rows[1].value.raw == "进行验收"
    assert rows[4].level2 == "成本指标" and rows[4].value.raw == "≤29.38万元"
    assert rows[4].name.startswith("费用不超过预算29.38万元（包含专家费用")
    # Defects stay as written for the review rules to report.
    assert seed_tables_000[3].indicators[2].value.raw == "≥100百分比"
    assert seed_tables_003[3].indicators[4].value.raw == ">1保障各项业务正常运行"
    assert seed_tables_003[0].indicators[3].name == "完成信息网设备和链路定时巡检任"
    # A trailing tab inside a cell is stripped.
    assert seed_tables_003[1].indicators[3].name == "项目支出控制"


def test_multiline_goals_are_split_into_lines(seed_tables_000, seed_tables_003):
    assert seed_tables_000[4].goals[1] == "2.项目总概算1812.00万元，此次申报543.60万元"
    assert len(seed_tables_000[4].goals) == 2
    assert seed_tables_003[2].goals == [
        "1.开展天津市企事业单位环境风险隐患排查抽查工作",
        "2.完成京津冀联防联控相关工作",
    ]
    assert all(len(t.goals) == 1 for i, t in enumerate(seed_tables_000) if i != 4)


def test_purpose_text_is_read(seed_tables_000, seed_tables_003):
    assert seed_tables_000[3].purpose == "有效提升用气报装服务质量"
    assert seed_tables_003[3].purpose == "专用设备购置"


def test_trailing_note_is_not_a_table(seed_tables_000):
    assert len(seed_tables_000) == 7
    assert all("涉密" not in t.name for t in seed_tables_000)
    assert all("涉密" not in i.value.raw for i in seed_tables_000[-1].indicators)


def test_putuo_tables(putuo_tables):
    chaiwei, lanxilu = putuo_tables
    assert [t.budget.total for t in putuo_tables] == pytest.approx([349.80, 22614.51])
    assert [t.layout for t in putuo_tables] == ["new", "new"]
    assert [t.year for t in putuo_tables] == [2026, 2026]
    assert [len(t.indicators) for t in putuo_tables] == [8, 9]
    assert chaiwei.department.name == "普陀区城市管理行政执法局执法大队"
    assert chaiwei.department.code == ""
    assert lanxilu.implementing_unit == "上海市普陀区市政工程建设中心"
    assert len(chaiwei.goals) == 4 and chaiwei.goals[0].startswith("1.完成市、区相关部门")
    assert lanxilu.goals == ["积极推进项目前期征收工作，年内开展管线搬迁及维护结构施工。"]
    assert lanxilu.purpose.startswith("兰溪路-真南路下立交工程范围南起")
    assert "项目资金总额77132.58万元" in lanxilu.purpose
    first = chaiwei.indicators[0]
    assert (first.level1, first.level2, first.description) == (COST, "经济成本指标", "")
    assert chaiwei.indicators[1].value.raw == "=100.00(%)"
    assert chaiwei.indicators[1].value.number == 100.0
    assert lanxilu.id == "shanghai_putuo_2026_jianguanwei_lanxilu-1"


@pytest.mark.parametrize(
    "encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig", "utf-16-le", "utf-16-be"]
)
def test_reencoded_seed_parses_to_equal_tables(tmp_path, seed_tables_000, encoding):
    copy = tmp_path / SEED_000.name
    copy.write_bytes(SEED_000.read_text(encoding="utf-8").encode(encoding))
    assert parse(copy) == seed_tables_000


def test_binary_with_nuls_on_both_sides_is_still_refused(tmp_path):
    from assistant.errors import ImportFailed

    # SYNTHETIC: a BOM-less UTF-16 export with a binary tail (NULs on both sides of the pairs)
    text = SEED_000.read_text(encoding="utf-8")[:400].encode("utf-16-le")
    copy = tmp_path / "mixed.txt"
    copy.write_bytes(text + bytes(range(256)) * 8)
    with pytest.raises(ImportFailed, match="二进制"):
        parse(copy)


def test_crlf_seed_parses_to_equal_tables(tmp_path, seed_tables_003):
    copy = tmp_path / SEED_003.name
    copy.write_bytes(SEED_003.read_bytes().replace(b"\n", b"\r\n"))
    assert parse(copy) == seed_tables_003


def test_reencoded_putuo_parses(tmp_path, putuo_tables):
    copy = tmp_path / EXTRA_FILES[0].name
    copy.write_bytes(EXTRA_FILES[0].read_text(encoding="utf-8").encode("gb18030"))
    assert parse(copy) == putuo_tables[:1]


def _failure(path, **kwargs) -> str:
    with pytest.raises(ImportFailed) as caught:
        parse(path, **kwargs)
    assert caught.value.file == kwargs.get("source_name", path.name)
    return caught.value.problem


def test_empty_and_whitespace_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\n")
    assert "空" in _failure(tmp_path / "empty.txt")
    assert "空" in _failure(tmp_path / "blank.txt")


def test_binary_data(tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "junk.txt").write_bytes(bytes(range(128, 256)) * 20)
    (tmp_path / "ctrl.txt").write_bytes(b"\x01\x02\x03\x04\x05\x06 abc" * 30)
    assert "二进制" in _failure(tmp_path / "nul.txt")
    assert "编码" in _failure(tmp_path / "junk.txt")
    assert "二进制" in _failure(tmp_path / "ctrl.txt")


def test_truncated_in_the_header_of_table_1(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    cut = text.index("\t二级指标")  # inside table 1's indicator header
    (tmp_path / "cut.txt").write_text(text[:cut], encoding="utf-8")
    problem = _failure(tmp_path / "cut.txt")
    assert "表1" in problem and "截断" in problem and "二级指标" in problem


def test_header_without_indicator_rows(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    cut = text.index("\t产出指标")  # the complete header, then nothing
    (tmp_path / "cut.txt").write_text(text[:cut], encoding="utf-8")
    assert "没有指标行" in _failure(tmp_path / "cut.txt")


def test_truncated_before_any_header(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    (tmp_path / "cut.txt").write_text(text[: text.index("\t绩效目标")], encoding="utf-8")
    assert "没有指标表头" in _failure(tmp_path / "cut.txt")


def test_truncated_inside_a_later_row(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    cut = text.index("\t年度运维成本") + len("\t年度运维成本\n")
    (tmp_path / "cut.txt").write_text(text[:cut], encoding="utf-8")
    problem = _failure(tmp_path / "cut.txt")
    assert "第3行" in problem and "截断" in problem


def test_unknown_extension_and_missing_file(tmp_path):
    (tmp_path / "table.pdf").write_bytes(SEED_000.read_bytes())
    assert ".pdf" in _failure(tmp_path / "table.pdf")
    assert "不存在" in _failure(tmp_path / "missing.txt")


def test_text_that_is_not_a_table(tmp_path):
    (tmp_path / "letter.txt").write_text(
        "关于报送2025年预算的通知\n各单位：请按时报送。\n", encoding="utf-8"
    )
    assert "不是绩效目标表" in _failure(tmp_path / "letter.txt")


def test_size_limit_names_the_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(SEED_000.read_bytes() * 100)  # ~1.3 MB of real seed text
    problem = _failure(big, max_upload_mb=1)
    assert "1 MB" in problem and "上限" in problem


def test_source_name_files_tables_under_that_name(tmp_path, seed_tables_003):
    upload = tmp_path / "tmp8731.txt"
    upload.write_bytes(SEED_003.read_bytes())
    tables = parse(upload, source_name="003_e87aba6a1a806e89.txt")
    assert tables == seed_tables_003


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_corrupt_office_file_is_an_import_failure(tmp_path, suffix):
    broken = tmp_path / f"broken{suffix}"
    broken.write_bytes(SEED_000.read_bytes())  # text, not a zip container
    assert _failure(broken)


def test_goal_continuation_that_looks_like_a_title_stays_a_goal(tmp_path):
    # Synthetic edit of a temp copy: a second goal line ending in 绩效目标表 is still a goal line.
    text = SEED_003.read_text(encoding="utf-8")
    edited = text.replace("2.完成京津冀联防联控相关工作", "2.完成京津冀联防联控绩效目标表")
    (tmp_path / "edited.txt").write_text(edited, encoding="utf-8")
    tables = parse(tmp_path / "edited.txt")
    assert [len(t.indicators) for t in tables] == ROWS_003
    assert tables[2].goals[1] == "2.完成京津冀联防联控绩效目标表"


def test_untitled_single_table_uses_the_project_name(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    first_table = text[text.index("\t362207") : text.index("[bookmark: _Toc157675404]")]
    (tmp_path / "one.txt").write_text(first_table, encoding="utf-8")
    (table,) = parse(tmp_path / "one.txt")
    assert table.name == "天津市生态环境信息网络、设备及系统运行维护"
    assert len(table.indicators) == 6 and table.source.title == ""
