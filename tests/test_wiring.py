"""The composition root: the CLI, app, evals and benchmarks build the same objects from Settings;
`JXMB_LLM=fake:<replies>` runs the whole CLI on recorded replies."""

from __future__ import annotations

import json

from assistant.cli import main
from assistant.llm.lines import format_row
from assistant.schema import TargetTable
from assistant.settings import Settings
from assistant.wiring import make_drafter, make_refiner

BRIEF = "2026年燃气管道安全巡检，预算80万元"
NEW_NAME = "燃气管道巡检里程"


def _env(monkeypatch, settings) -> None:
    monkeypatch.setenv("JXMB_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("JXMB_CORPUS_DIR", str(settings.corpus_dir))
    # the environment beats `.env`: a developer's local model (`make llm-local`) stays out
    monkeypatch.setenv("JXMB_LLM", "none")


def test_cli_draft_honours_jxmb_llm_with_a_fake_model(
    corpus_index_settings, monkeypatch, capsys, tmp_path
):
    _env(monkeypatch, corpus_index_settings)
    assert main(["draft", BRIEF, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data.pop("draft")["drafter"] == "embedded"
    rows = TargetTable.model_validate(data).indicators
    lines = [format_row(i, f"D{n}") for n, i in enumerate(rows, 1)]
    lines[0] = lines[0].replace(rows[0].name, NEW_NAME)
    replies = tmp_path / "replies.txt"
    replies.write_text("\n".join(lines), encoding="utf-8")

    monkeypatch.setenv("JXMB_LLM", f"fake:{replies}")
    assert main(["draft", BRIEF]) == 0
    out = capsys.readouterr().out
    assert f"起草：fake:{replies}" in out and NEW_NAME in out
    assert main(["draft", BRIEF, "--no-llm"]) == 0
    out = capsys.readouterr().out
    assert "起草：embedded" in out and NEW_NAME not in out


def test_no_llm_configured_means_no_refiner(corpus_index):
    settings = Settings(profile="test", llm="none", _env_file=None)
    assert make_refiner(settings) is None
    assert make_drafter(settings, corpus_index).refiner is None
