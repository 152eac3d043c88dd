"""`python -m assistant index` and `python -m assistant search` (run in-process through cli.main)."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main
from tests.conftest import CORPUS
from tests.fixtures_index import copy_embedding_cache, index_settings


@pytest.fixture
def cli_data_dir(tmp_path, monkeypatch, corpus_index, corpus_index_settings):
    data_dir = tmp_path / "data"
    copy_embedding_cache(corpus_index_settings, index_settings(data_dir))
    monkeypatch.setenv("JXMB_DATA_DIR", str(data_dir))
    monkeypatch.setenv("JXMB_CORPUS_DIR", str(CORPUS))
    monkeypatch.delenv("JXMB_CHROMA_HOST", raising=False)
    monkeypatch.delenv("JXMB_EMBEDDER", raising=False)
    return data_dir


def test_index_then_index_again(cli_data_dir, capsys):
    assert main(["index", "--quiet"]) == 0
    assert "索引已更新：34 张表" in capsys.readouterr().out
    assert main(["index", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["changed"] is False and report["tables"] == 34


def test_search_projects_with_filters(cli_data_dir, capsys):
    main(["index", "--quiet"])
    capsys.readouterr()
    assert (
        main(["search", "燃气 安全检查", "--year", "2025", "--department", "326301", "-k", "3"])
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("1. 市热燃中心2025年")
    assert "出处：000_0a362c379c5850c5.txt" in out and out.count("\n1. ") == 0


def test_search_indicators_as_json(cli_data_dir, capsys):
    main(["index", "--quiet"])
    capsys.readouterr()
    args = ["search", "满意度指标通常定多少", "--indicators", "--level2", "服务对象满意度指标"]
    assert main([*args, "-k", "4", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 4
    assert {h["indicator"]["level2"] for h in hits} == {"服务对象满意度指标"}
    assert all(h["indicator"]["source"]["row"] == h["row"] for h in hits)


def test_search_builds_the_index_when_missing(cli_data_dir, capsys):
    assert main(["search", "拆违", "-k", "1"]) == 0
    captured = capsys.readouterr()
    assert "拆违经费" in captured.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year-min", "2026", "--year-max", "2020"], "年度范围无效"),
        (["--budget-min", "10", "--budget-max", "1"], "预算范围无效"),
        (["-k", "0"], "-k 必须是正整数"),
    ],
)
def test_bad_search_arguments_are_clear_errors(cli_data_dir, capsys, args, message):
    assert main(["search", "燃气", *args]) == 2
    assert message in capsys.readouterr().err


def test_bad_embedder_config_is_a_clear_error(cli_data_dir, capsys, monkeypatch):
    monkeypatch.setenv("JXMB_EMBEDDER", "word2vec")
    assert main(["index", "--quiet"]) == 2
    assert "未知的向量模型配置" in capsys.readouterr().err
