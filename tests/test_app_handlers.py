"""The app's handlers (assistant.services.Workbench) called directly, on the real index.

Covers the issue's "done when" path without a browser: draft by chat, change a value by chat,
export .xlsx/.docx, find the draft again after a restart, compare with its sources, search
with filters; plus hand edits, owner isolation, imports and the LLM two-step.
"""

from __future__ import annotations

import zipfile

import docx
import openpyxl
import pytest

from assistant.citations import HAND_EDIT_RULE
from assistant.drafts_store import DraftNotFound
from assistant.errors import AssistantError, ImportFailed
from assistant.rules import has_errors
from assistant.schema import SearchFilters
from assistant.services import NoDraft, owner_from, value_spreads
from assistant.workbench.models import DraftSession, Owner
from tests.conftest import CORPUS, SEED_003
from tests.fixtures_app import BRIEF, corpus_copy
from tests.notes import texts
from webui.import_tab import bulk_report_html
from webui.render import draft_rows

ME = Owner(id="browser:" + "a" * 32, name="访客-aaaaaa")
OTHER = Owner(id="user:li", name="li")


def _chat(workbench, session, text, owner=ME):
    """Run one chat turn to the end; returns (session, replies)."""
    steps = list(workbench.chat(session, text, owner))
    return steps[-1][0], [reply for _, reply in steps]


@pytest.fixture
def drafted(make_workbench):
    workbench = make_workbench()
    session, _ = _chat(workbench, DraftSession(), BRIEF)
    return workbench, session


def test_brief_without_budget_is_asked_for_not_guessed(make_workbench):
    workbench = make_workbench()
    session, [reply] = _chat(workbench, DraftSession(), "2026年燃气管道安全巡检")
    assert session.draft is None and "预算" in reply
    assert workbench.drafts(ME) == []
    session, [reply] = _chat(workbench, session, "预算80万元")
    assert session.draft is not None and session.version == 1
    assert session.draft.table.budget.total == 80
    assert "已起草" in reply


def test_direct_draft_when_user_says_so(make_workbench):
    workbench = make_workbench()
    session, _ = _chat(workbench, DraftSession(), "2026年燃气管道安全巡检")
    session, [reply] = _chat(workbench, session, "不清楚，直接起草")
    assert session.draft is not None and session.draft.table.budget.total is None
    assert "假设" in reply  # the drafter says what it assumed about the money


def test_draft_change_export_restart_compare(drafted, make_workbench, tmp_path):
    workbench, session = drafted
    table = session.draft.table
    assert "燃气管道安全巡检" in table.name and table.year == 2026
    assert any(i.source and i.source.table_id for i in table.indicators)
    row = next(n for n, i in enumerate(table.indicators, 1) if i.level2 == "数量指标")
    name = table.indicators[row - 1].name

    session, [reply] = _chat(workbench, session, f"把{name}改为≥250家次")
    assert session.draft.table.indicators[row - 1].value.raw == "≥250家次", reply
    assert session.version == 2

    for suffix in (".xlsx", ".docx"):
        path = workbench.export(session, suffix)
        assert path.suffix == suffix and path.stat().st_size > 0
        if suffix == ".xlsx":
            cells = {
                str(c.value)
                for ws in openpyxl.load_workbook(path)
                for r in ws.iter_rows()
                for c in r
            }
        else:
            cells = {c.text for t in docx.Document(path).tables for r in t.rows for c in r.cells}
        assert "≥250家次" in cells and any(table.name in c for c in cells)

    restarted = make_workbench()  # a new store object on the same SQLite file
    [summary] = restarted.drafts(ME)
    reopened = restarted.open_draft(ME, summary.draft_id)
    assert reopened.draft == session.draft and reopened.version == 2
    assert [v.version for v in restarted.versions(ME, summary.draft_id)] == [1, 2]

    comparisons = restarted.compare_with_sources(reopened)
    source_id = session.draft.based_on[0]
    assert comparisons and comparisons[0].right.table.id == source_id
    citing = [p for p in comparisons[0].pairs if p.left and p.left.source.table_id == source_id]
    assert citing and all(p.right_row == p.left.source.row for p in citing)


def test_unknown_chat_command_adds_no_version(drafted):
    workbench, session = drafted
    after, [reply] = _chat(workbench, session, "今天天气怎么样")
    assert after.version == session.version and after.draft == session.draft
    assert "没看懂" in reply


def test_hand_edit_is_finalized_and_keeps_citations(drafted):
    """A grid edit goes through finalize: rows in slot order, errors repaired (with a note)."""
    workbench, session = drafted
    rows = draft_rows(session.draft.table)
    sat = next(n for n, r in enumerate(rows) if r[1] == "服务对象满意度指标")
    rows[sat][4] = "≥120%"
    rows[sat][5] = rows[0][5]  # the 来源 cell is display only: the 编号 keeps the citation
    rows.append(["效益指标", "社会效益指标", "<script>alert(1)</script>", "", "提高", "", ""])
    rows.append(["", "", "", "", "", ""])  # an empty grid line is ignored
    edited = workbench.edit_rows(session, rows)
    table = edited.draft.table
    assert len(table.indicators) == len(session.draft.table.indicators) + 1
    old_sat = session.draft.table.indicators[sat]
    new_sat = next(i for i in table.indicators if i.name == old_sat.name)
    assert new_sat.source == old_sat.source
    assert new_sat.value.raw == "=100%"  # repaired, and the note says so
    assert any("超过100%" in n for n in texts(edited.draft.notes))
    assert table.indicators[-1] == new_sat  # the added 效益 row sits before 满意度
    added = next(i for i in table.indicators if i.name.startswith("<script>"))
    assert added.source.rule == HAND_EDIT_RULE
    assert not has_errors(edited.draft.findings)
    assert edited.unsaved
    saved, info = workbench.save(edited, ME, "手工改了满意度")
    assert info.version == 2 and not saved.unsaved


def test_drafts_are_private_to_their_owner(drafted):
    workbench, session = drafted
    assert workbench.drafts(OTHER) == []
    with pytest.raises(DraftNotFound):
        workbench.open_draft(OTHER, session.draft_id)
    with pytest.raises(DraftNotFound):
        workbench.save(session, OTHER)
    with pytest.raises(DraftNotFound):
        workbench.compare(f"draft:{session.draft_id}", "current", OTHER, session)


def test_owner_from_prefers_login_and_rejects_bad_tokens():
    assert owner_from("li", "x" * 32).id == "user:li"
    assert owner_from(None, "x" * 32).id == "browser:" + "x" * 32
    for bad in (None, "", "short", "../../etc/passwd" * 3):
        with pytest.raises(AssistantError):
            owner_from(None, bad)


def test_actions_without_a_draft_say_so(make_workbench):
    workbench = make_workbench()
    with pytest.raises(NoDraft, match="还没有草稿"):
        workbench.export(DraftSession(), ".xlsx")
    with pytest.raises(NoDraft, match="还没有草稿"):
        workbench.preview(DraftSession())
    with pytest.raises(AssistantError, match="请输入内容"):
        list(workbench.chat(DraftSession(), "   ", ME))


def test_search_projects_with_filters(make_workbench):
    workbench = make_workbench()
    hits = workbench.search_projects("燃气 安全 检查")
    assert hits and hits[0].table.department.code == "326301" and hits[0].why
    only_2024 = workbench.search_projects("燃气", SearchFilters(year_min=2024, year_max=2024))
    assert only_2024 and {h.table.year for h in only_2024} == {2024}
    big = workbench.search_projects("燃气", SearchFilters(budget_min=100))
    assert big and all(h.table.budget.total >= 100 for h in big)
    eco = workbench.search_projects("运行维护", SearchFilters(department="生态环境"))
    assert eco and all("生态环境" in h.table.department.name for h in eco)


def test_indicator_mode_gives_value_spread(make_workbench):
    workbench = make_workbench()
    hits, spreads = workbench.search_indicators("满意度指标通常定多少？")
    assert any("满意度" in h.indicator.name for h in hits)
    percent = next(s for s in spreads if s.unit == "%" and s.operator == "≥")
    assert 80 <= percent.minimum <= percent.median <= percent.maximum <= 100
    assert percent.count == sum(
        1 for h in hits if h.indicator.value.unit == "%" and h.indicator.value.operator == "≥"
    )
    assert value_spreads([]) == []


def test_compare_any_two_sources(drafted):
    workbench, session = drafted
    session, _ = _chat(workbench, session, "预算改成90万")
    v1 = f"draft:{session.draft_id}@1"
    comparison = workbench.compare(v1, f"draft:{session.draft_id}", ME, session)
    cost = [p for p in comparison.pairs if p.status == "changed"]
    assert any("90" in note for p in cost for note in p.changes)
    corpus_vs_file = workbench.compare(
        "table:003_e87aba6a1a806e89-1", f"file:{SEED_003}#1", ME, session
    )
    assert {p.status for p in corpus_vs_file.pairs} == {"same"}
    assert corpus_vs_file.left.findings == corpus_vs_file.right.findings
    with pytest.raises(AssistantError, match="请为对比的两侧"):
        workbench.compare("", "current", ME, session)


def test_import_preview_and_bad_file(make_workbench, tmp_path):
    workbench = make_workbench()
    [first, *_] = workbench.preview_import(SEED_003)
    assert first.table.department.code == "362207"
    bad = tmp_path / "不是目标表.txt"
    bad.write_text("这只是一段普通文字，没有任何绩效目标表。", encoding="utf-8")
    with pytest.raises(ImportFailed, match="不是目标表.txt"):
        workbench.preview_import(bad)


def test_import_adds_to_corpus_and_index(corpus_index_settings, tmp_path):
    """A real index over 3 real corpus files; the 4th is imported through the app's adder."""
    from app import create_workbench
    from tests.fixtures_index import copy_embedding_cache, index_settings

    new_file = "shanghai_putuo_2026_jianguanwei_lanxilu.txt"
    bulk = [
        "hubei-huangshi_2022_dangxiao-zhutiban.txt",
        "ningxia-shizuishan_2020_yimiao-meishatong.txt",
    ]
    others = {p.name for p in CORPUS.glob("*.txt")} - {new_file, *bulk}
    settings = index_settings(
        tmp_path / "data", corpus_dir=corpus_copy(tmp_path / "corpus", others)
    )
    copy_embedding_cache(corpus_index_settings, settings)
    workbench = create_workbench(settings)
    try:
        before = {t.id for t in workbench.retriever.tables()}
        bad = tmp_path / "upload" / "坏文件.txt"
        bad.parent.mkdir()
        bad.write_text("没有表", encoding="utf-8")
        with pytest.raises(ImportFailed):
            workbench.import_to_corpus(bad)
        assert not (settings.corpus_dir / bad.name).exists()
        assert {t.id for t in workbench.retriever.tables()} == before

        [added] = workbench.import_to_corpus(CORPUS / new_file)
        assert added.id == "shanghai_putuo_2026_jianguanwei_lanxilu-1"
        assert (settings.corpus_dir / new_file).is_file()
        assert {t.id for t in workbench.retriever.tables()} == before | {added.id}
        hits = workbench.search_projects(added.name)
        assert hits[0].table.id == added.id

        archive = tmp_path / "upload" / "批量.zip"
        with zipfile.ZipFile(archive, "w") as package:
            for name in bulk:
                package.write(CORPUS / name, f"文件夹/{name}")
        steps = []
        report = workbench.import_files([archive, bad], progress=lambda *a: steps.append(a))
        assert [f.rows for f in report.filed] == [13, 13] and report.refused[0].file == bad.name
        assert steps[-1] == (3, 3, "")
        ids = {f"{name[:-4]}-1" for name in bulk}
        assert {t.id for t in workbench.retriever.tables()} == before | {added.id} | ids
        assert "拒绝 1 个" in bulk_report_html(report) and "13 行指标" in bulk_report_html(report)
    finally:
        workbench.retriever.current.close()


def test_with_llm_the_embedded_draft_comes_first(make_workbench, fake_chat):
    model, _ = fake_chat("无法处理这个请求。")
    workbench = make_workbench(chat_model=model)
    steps = list(workbench.chat(DraftSession(), BRIEF, ME))
    (first, first_reply), *progress, (second, last_reply) = steps
    assert "润色" in first_reply and first.version == 1 and second.version == 2
    # Progress messages from the LLM layer show while it works; they save no version.
    assert progress and all(session == first for session, _ in progress)
    assert any("LLM" in reply for _, reply in progress)
    assert second.draft_id == first.draft_id
    # the last reply still summarises the draft, then says what became of the LLM's turn
    assert last_reply.startswith("已起草") and "LLM 改写未采用" in last_reply
    assert [v.note for v in workbench.versions(ME, first.draft_id)] == ["初稿", "大模型润色"]
    assert second.draft.findings == [] or all(f.severity != "error" for f in second.draft.findings)


def test_rendered_html_escapes_table_and_user_text(seed_tables_000):
    from assistant.compare import compare_tables
    from assistant.rules import review
    from assistant.schema import MatchScores, ProjectHit
    from webui.render import project_hits_html, table_html
    from webui.render_compare import comparison_html

    # SYNTHETIC: a real table with markup put into its name and one row name.
    table = seed_tables_000[0]
    first = table.indicators[0].model_copy(update={"name": "<img src=x onerror=alert(1)>"})
    hostile = table.model_copy(
        update={"name": "<script>alert(1)</script>", "indicators": [first, *table.indicators[1:]]}
    )
    hit = ProjectHit(table=hostile, scores=MatchScores(matched_terms=["<b>"]), why="<i>why</i>")
    for html in (
        table_html(hostile, review(hostile)),
        comparison_html(compare_tables(hostile, table)),
        project_hits_html([hit]),
    ):
        assert "<script>" not in html and "<img" not in html and "<i>why" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_login_settings_from_env_string_and_file(tmp_path, test_settings):
    from pydantic import SecretStr

    from webui.auth import load_credentials

    assert load_credentials(test_settings) is None  # no users configured: no login
    users = tmp_path / "users.txt"
    users.write_text("# 登录用户\nzhao:secret:with:colons\n\nqian:pw\n", encoding="utf-8")
    settings = test_settings.model_copy(
        update={"auth_users": SecretStr("wang:pw-1,li:pw-2"), "auth_file": users}
    )
    assert load_credentials(settings) == [
        ("wang", "pw-1"),
        ("li", "pw-2"),
        ("zhao", "secret:with:colons"),
        ("qian", "pw"),
    ]
    broken = test_settings.model_copy(update={"auth_users": SecretStr("wang")})
    with pytest.raises(AssistantError, match="格式不对"):
        load_credentials(broken)
    missing = test_settings.model_copy(update={"auth_file": tmp_path / "nope.txt"})
    with pytest.raises(AssistantError, match="不存在"):
        load_credentials(missing)
