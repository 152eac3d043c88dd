"""Reviewers' side of the app (Workbench handlers, real index): a draft against its source
tables, header fields diffed, one table picked from a multi-table file, the drafts list."""

from __future__ import annotations

import pytest

from assistant.errors import AssistantError
from assistant.workbench.models import DraftSession, Owner
from tests.conftest import SEED_003
from tests.fixtures_app import BRIEF

ME = Owner(id="browser:" + "c" * 32, name="访客-cccccc")


def _chat(workbench, session, text):
    return list(workbench.chat(session, text, ME))[-1][0]


@pytest.fixture
def drafted(make_workbench):
    workbench = make_workbench()
    return workbench, _chat(workbench, DraftSession(), BRIEF)


def test_draft_rows_show_as_new_or_from_this_table_not_deleted(drafted):
    from webui.render_compare import comparison_html

    workbench, session = drafted
    session = _chat(workbench, session, "加一条水质合格率，不低于95%")
    first = workbench.compare_with_sources(session)[0]
    source_id = first.right.table.id
    draft_lines = [p for p in first.pairs if p.left_row is not None]
    assert draft_lines and all(p.role in ("own", "cited") for p in draft_lines)
    own = next(p for p in draft_lines if p.left.name == "水质合格率")
    assert own.role == "own" and own.right is None  # never shown beside a look-alike row
    cited = [p for p in draft_lines if p.left.source.table_id == source_id]
    assert cited and all(p.role == "cited" for p in cited)
    assert all(p.role == "unused" for p in first.pairs if p.left_row is None)
    html = comparison_html(first)
    assert "来自本表" in html and "新增" in html and ">删除<" not in html


def test_header_fields_are_diffed(drafted):
    from webui.render_compare import comparison_html

    workbench, session = drafted
    session = _chat(workbench, session, "预算改成90万")
    session = _chat(workbench, session, "主管部门是天津市城市管理委员会")
    comparison = workbench.compare(
        f"draft:{session.draft_id}@1", f"draft:{session.draft_id}", ME, session
    )
    fields = {f.label: f for f in comparison.fields}
    assert set(fields) >= {"项目名称", "年度", "预算数", "主管部门", "绩效目标"}
    assert fields["项目名称"].same and fields["年度"].same
    assert (fields["预算数"].left, fields["预算数"].right) == ("80万元", "90万元")
    assert fields["主管部门"].right == "天津市城市管理委员会" and not fields["主管部门"].same
    assert not fields["绩效目标"].same  # the goals mention the budget
    html = comparison_html(comparison)
    assert "cmp-fields" in html and "90万元" in html


def test_a_file_with_several_tables_asks_which_one(drafted):
    workbench, session = drafted
    choices = workbench.upload_choices(SEED_003)
    assert len(choices) == 4 and choices[1][1] == 2
    with pytest.raises(AssistantError, match="有4张表，请选择"):
        workbench.compare("table:003_e87aba6a1a806e89-2", f"file:{SEED_003}", ME, session)
    second = workbench.compare("table:003_e87aba6a1a806e89-2", f"file:{SEED_003}#2", ME, session)
    assert {p.status for p in second.pairs} == {"same"} and all(f.same for f in second.fields)
    with pytest.raises(AssistantError, match="没有第9张表"):
        workbench.compare("current", f"file:{SEED_003}#9", ME, session)


def test_drafts_list_one_entry_each_distinct_labels_searchable(drafted):
    from webui.render import draft_choices

    workbench, session = drafted
    again = _chat(workbench, DraftSession(), BRIEF)  # the same brief drafted twice
    water = _chat(workbench, DraftSession(), "2026年农村供水管网维修，预算120万元")
    summaries = workbench.drafts(ME)
    assert len(summaries) == 3
    labels = [label for label, _ in draft_choices(summaries)]
    assert len(set(labels)) == 3 and all("第1版" in label for label in labels)
    assert [s.draft_id for s in workbench.drafts(ME, "供水")] == [water.draft_id]
    assert {s.draft_id for s in workbench.drafts(ME, "燃气 巡检")} == {
        session.draft_id,
        again.draft_id,
    }
    # Saving without a change makes no new version.
    saved, info = workbench.save(session, ME, "再存一次")
    assert info.version == 1 and saved.version == 1
    assert [v.version for v in workbench.versions(ME, session.draft_id)] == [1]
