"""Suggested fixes: shown beside findings, applied only on request (app button, lint --fix)."""

from __future__ import annotations

import json
import shutil

import pytest

from assistant.cli import main
from assistant.errors import AssistantError
from assistant.rules import has_errors, review
from assistant.rules.fixes import apply_fixes
from assistant.schema import Draft, ProjectBrief
from assistant.workbench.models import DraftSession, Owner
from tests.conftest import ROOT
from tests.test_review_rules import LANXILU, TABLES, real

LANXILU_FILE = ROOT / "corpus" / "shanghai_putuo_2026_jianguanwei_lanxilu.txt"


def test_fixes_on_a_real_table_change_exactly_what_they_say():
    table = real(LANXILU)
    before = table.model_dump()
    fixed, notes = apply_fixes(table, review(table))
    assert table.model_dump() == before  # the input is never changed
    assert len(notes) == 3 and "第4行「项目完成及时性」" in notes[0].text
    assert [n.code for n in notes] == [
        "R-TIMELINESS-VAGUE",
        "R-ROUTINE-INDICATOR",
        "R-SATISFACTION-NO-SURVEY",
    ]
    assert [i.name for i in fixed.indicators].count("长效管理制度健全性") == 0  # removed
    timed = fixed.indicators[3]
    assert (timed.name, timed.value.raw) == ("项目完成时限", "2026年12月31日前")
    codes = {f.code for f in review(fixed)}
    assert not codes & {"R-TIMELINESS-VAGUE", "R-ROUTINE-INDICATOR", "R-SATISFACTION-NO-SURVEY"}


@pytest.mark.parametrize("path", sorted(TABLES.glob("*.json")), ids=lambda p: p.stem)
def test_each_fix_clears_its_finding_and_adds_no_error(path):
    table = real(path.stem)
    for finding in review(table):
        if finding.fix is None or finding.fix.remove:
            continue
        fixed, [note] = apply_fixes(table, [finding])
        after = review(fixed)
        assert (finding.row, finding.code) not in {(f.row, f.code) for f in after}, note
        assert has_errors(after) <= has_errors(review(table)), note


def test_lint_fix_writes_a_copy_and_says_what_changed(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("JXMB_DATA_DIR", str(tmp_path / "data"))
    source = shutil.copy(LANXILU_FILE, tmp_path / LANXILU_FILE.name)
    original = source.read_bytes()
    assert main(["lint", str(source), "--fix", "--no-history"]) == 0
    out = capsys.readouterr().out
    assert "已修改【shanghai_putuo_2026_jianguanwei_lanxilu-1】第4行" in out
    assert "结论：形式审核通过，7 处需要核对" in out
    assert source.read_bytes() == original
    [fixed] = json.loads((tmp_path / f"{LANXILU_FILE.stem}.fixed.json").read_text("utf-8"))
    assert fixed["indicators"][3]["value"]["raw"] == "2026年12月31日前"


def test_lint_shows_the_suggestion_without_fix(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("JXMB_DATA_DIR", str(tmp_path / "data"))
    main(["lint", str(LANXILU_FILE), "--no-history"])
    assert "建议修改：名称改为“项目完成时限”" in capsys.readouterr().out
    assert not (LANXILU_FILE.parent / f"{LANXILU_FILE.stem}.fixed.json").exists()


def test_app_applies_all_fixes_in_one_click_as_a_new_version(make_workbench):
    workbench = make_workbench()
    owner = Owner(id="user:reviewer", name="reviewer")
    table = real(LANXILU)
    draft = Draft(brief=ProjectBrief(name=table.name), table=table, findings=review(table))
    session, notes = workbench.apply_fixes(DraftSession(draft=draft), owner)
    assert len(notes) == 3 and session.version == 1
    assert [n.text for n in session.draft.notes[-3:]] == notes
    assert session.draft.table.indicators[3].value.raw == "2026年12月31日前"
    assert "R-TIMELINESS-VAGUE" not in {f.code for f in session.draft.findings}
    unfixable = session.draft.model_copy(update={"findings": []})
    with pytest.raises(AssistantError, match="没有可以自动应用"):
        workbench.apply_fixes(session.model_copy(update={"draft": unfixable}), owner)
