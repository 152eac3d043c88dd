"""Bulk import of a folder or .zip: each file all-or-nothing, a refused file never stops the others."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from assistant.bulk_import import bulk_import
from assistant.cli import main
from assistant.settings import Settings
from tests.conftest import CORPUS

GOOD = ["anhui-huaibei_2025_nongcun-wenhua-peitao.txt", "hubei-huangshi_2022_dangxiao-zhutiban.txt"]


class _GbkName(zipfile.ZipInfo):
    """A member named the way Windows' zip writes Chinese names: GBK, no UTF-8 flag."""

    __slots__ = ()

    def _encodeFilenameFlags(self):  # noqa: N802 (zipfile's own name)
        return self.filename.encode("gbk"), self.flag_bits


@pytest.fixture
def empty_corpus(tmp_path):
    return Settings(
        profile="test",
        data_dir=tmp_path / "data",
        corpus_dir=tmp_path / "corpus",
        llm="none",
        _env_file=None,
    )


@pytest.fixture
def folder(tmp_path):
    """Two real tables (one in a subfolder), a text that is no table and a PDF."""
    root = tmp_path / "upload"
    (root / "二级").mkdir(parents=True)
    shutil.copy(CORPUS / GOOD[0], root / GOOD[0])
    shutil.copy(CORPUS / GOOD[1], root / "二级" / GOOD[1])
    (root / "说明.txt").write_text("这只是一段普通文字。", encoding="utf-8")
    (root / "附件.pdf").write_bytes(b"%PDF-1.4")
    return root


def test_folder_files_what_it_can_and_reports_the_rest(empty_corpus, folder):
    seen = []
    report = bulk_import([folder], empty_corpus, progress=lambda d, t, n: seen.append((d, t)))
    by_file = {item.file: item for item in report.files}
    assert by_file[GOOD[0]].rows == 9 and by_file[GOOD[0]].table_ids == [
        "anhui-huaibei_2025_nongcun-wenhua-peitao-1"
    ]
    assert by_file[f"二级/{GOOD[1]}"].rows == 13
    assert "不是绩效目标表" in by_file["说明.txt"].refused
    assert "不支持的文件类型" in by_file["附件.pdf"].refused
    stored = sorted(p.name for p in (empty_corpus.corpus_dir / "tables").glob("*.json"))
    assert stored == [f"{GOOD[0][:-4]}-1.json", f"{GOOD[1][:-4]}-1.json"]
    assert not (empty_corpus.corpus_dir / "说明.txt").exists()  # all-or-nothing
    assert (
        seen[-1] == (4, 4) and report.summary() == "共 4 个文件：导入 2 个（2 张表），拒绝 2 个。"
    )


def test_zip_with_gbk_names_and_a_clash(empty_corpus, tmp_path):
    archive = tmp_path / "上传.zip"
    with zipfile.ZipFile(archive, "w") as package:
        # A Windows zip: GBK names without the UTF-8 flag.
        package.writestr(_GbkName("文化/" + GOOD[0]), (CORPUS / GOOD[0]).read_bytes())
        package.writestr("../../escape/" + GOOD[1], (CORPUS / GOOD[1]).read_bytes())
    empty_corpus.corpus_dir.mkdir(parents=True)
    (empty_corpus.corpus_dir / GOOD[1]).write_text("另一个同名文件", encoding="utf-8")
    report = bulk_import([archive], empty_corpus)
    assert [item.file for item in report.filed] == ["文化/" + GOOD[0]]
    assert "同名但内容不同" in report.refused[0].refused
    assert (empty_corpus.corpus_dir / GOOD[1]).read_text(encoding="utf-8") == "另一个同名文件"
    assert not (tmp_path / "escape").exists()


def test_zip_bomb_is_refused_and_other_sources_still_import(empty_corpus, tmp_path, folder):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("big.txt", b"0" * (2 * 1024 * 1024))
    settings = empty_corpus.model_copy(update={"max_decompressed_mb": 1.0})
    report = bulk_import([bomb, folder / GOOD[0]], settings)
    assert "压缩炸弹" in report.files[0].refused
    assert [item.file for item in report.filed] == [GOOD[0]]


def test_cli_import_prints_a_line_per_file(empty_corpus, folder, monkeypatch, capsys):
    monkeypatch.setenv("JXMB_DATA_DIR", str(empty_corpus.data_dir))
    monkeypatch.setenv("JXMB_CORPUS_DIR", str(empty_corpus.corpus_dir))
    assert main(["import", str(folder), "--no-index"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"导入\t{GOOD[0]}\t1 张表，9 行指标")
    assert any(line.startswith("拒绝\t说明.txt") for line in out)
    assert out[-1] == "共 4 个文件：导入 2 个（2 张表），拒绝 2 个。"
    assert main(["import", str(folder / "missing")]) == 2
