"""Finishing a table in the chat and the page (Workbench handlers, real index): named indicators,
answers to the assistant's questions, header fields, 绩效目标, undo, a new brief, help."""

from __future__ import annotations

import pytest

from assistant.drafting.edit_more import USER_RULE
from assistant.errors import AssistantError
from assistant.workbench.models import DraftSession, HeaderForm, Owner
from tests.fixtures_app import BRIEF

ME = Owner(id="browser:" + "b" * 32, name="访客-bbbbbb")
WATER_BRIEF = "2026年农村饮水安全工程供水管网维修，预算120万元"


def _chat(workbench, session, text):
    steps = list(workbench.chat(session, text, ME))
    return steps[-1]


@pytest.fixture
def drafted(make_workbench):
    workbench = make_workbench()
    session, _ = _chat(workbench, DraftSession(), BRIEF)
    return workbench, session


def _row(session, name):
    rows = session.draft.table.indicators
    return next(i for i in rows if i.name == name)


def test_add_named_indicators_in_plain_words(drafted):
    workbench, session = drafted
    before = len(session.draft.table.indicators)
    session, reply = _chat(workbench, session, "加一条水质合格率，不低于95%")
    added = _row(session, "水质合格率")
    assert (added.level1, added.level2, added.value.raw) == ("产出指标", "质量指标", "≥95%")
    assert added.source.rule == USER_RULE and "质量指标" in reply
    session, _ = _chat(workbench, session, "增加一个指标：维修供水管网不少于30公里")
    pipes = _row(session, "维修供水管网")
    assert (pipes.level2, pipes.value.raw) == ("数量指标", "≥30公里")
    session, reply = _chat(workbench, session, "加一个质量指标：管网漏损率")
    leak = _row(session, "管网漏损率")
    assert leak.level2 == "质量指标" and leak.source.rule.startswith(USER_RULE)
    assert "核实" in reply  # no value was given: the reply says the value is to be confirmed
    session, _ = _chat(workbench, session, "加一个时效指标，关于管网抢修到场时间")
    assert _row(session, "管网抢修到场时间").level2 == "时效指标"
    session, _ = _chat(workbench, session, "加一条受益群众满意度≥95%")
    assert _row(session, "受益群众满意度").level2 == "服务对象满意度指标"
    assert len(session.draft.table.indicators) == before + 5
    assert session.version == 6 and not [f for f in session.draft.findings if f.severity == "error"]


def test_rename_describe_move_and_phrase_in_value(drafted):
    workbench, session = drafted
    session, _ = _chat(workbench, session, "加一条水质合格率，不低于95%")
    session, reply = _chat(workbench, session, "把水质合格率移到社会效益指标")
    moved = _row(session, "水质合格率")
    assert (moved.level1, moved.level2) == ("效益指标", "社会效益指标"), reply
    session, _ = _chat(workbench, session, "把水质合格率的描述改为按季度抽检出厂水")
    assert _row(session, "水质合格率").description == "按季度抽检出厂水"
    session, _ = _chat(workbench, session, "把水质合格率改名为出厂水水质合格率")
    assert _row(session, "出厂水水质合格率").value.raw == "≥95%"
    # A whole phrase put into a value is split into a new name and the value.
    session, reply = _chat(workbench, session, "满意度指标改成受益群众满意度≥92%")
    sat = _row(session, "受益群众满意度")
    assert sat.value.raw == "≥92%" and sat.level2 == "服务对象满意度指标", reply


def test_answers_to_the_assistants_questions(drafted):
    workbench, session = drafted
    assert "department" in {q.code for q in session.draft.questions}
    session, reply = _chat(workbench, session, "主管部门是县水务局，实施单位是县供水管理站")
    table = session.draft.table
    assert table.department.name == "县水务局" and table.implementing_unit == "县供水管理站"
    assert "department" not in {q.code for q in session.draft.questions} and "县水务局" in reply
    session, _ = _chat(workbench, session, "项目名称是2026年燃气管道安全巡检及抢修项目")
    assert session.draft.table.name == "2026年燃气管道安全巡检及抢修项目"
    session, _ = _chat(workbench, session, "财政资金60万元，其他资金20万元")
    budget = session.draft.table.budget
    assert (budget.total, budget.fiscal, budget.other) == (80, 60, 20)
    session, _ = _chat(workbench, session, "其中财政资金70万元")  # the total stays
    budget = session.draft.table.budget
    assert (budget.total, budget.fiscal, budget.other) == (80, 70, 10)
    session, _ = _chat(workbench, session, "2027年")
    assert session.draft.table.year == 2027 and "2027年" in session.draft.table.name
    session, _ = _chat(workbench, session, "100万元")  # a bare answer to the budget question
    assert session.draft.table.budget.total == 100
    session, _ = _chat(workbench, session, "天津市城市管理委员会")  # ... and to the unit question
    assert session.draft.table.department.name == "天津市城市管理委员会"
    # the answers reached the saved version too
    assert workbench.open_draft(ME, session.draft_id).draft == session.draft


def test_answer_before_the_draft_exists(make_workbench):
    workbench = make_workbench()
    session, reply = _chat(workbench, DraftSession(), "2026年燃气管道安全巡检")
    assert session.draft is None and "预算" in reply
    session, _ = _chat(workbench, session, "主管部门是天津市城市管理委员会，预算80万元")
    assert session.draft.table.department.name == "天津市城市管理委员会"
    assert session.draft.table.budget.total == 80


def test_goals_are_edited_in_chat_and_kept(drafted):
    workbench, session = drafted
    session, reply = _chat(
        workbench, session, "把绩效目标改为：完成全年燃气管道巡检。\n保障供气安全"
    )
    assert session.draft.table.goals == ["完成全年燃气管道巡检。", "保障供气安全"], reply
    session, _ = _chat(workbench, session, "预算改成90万")
    assert session.draft.table.goals == ["完成全年燃气管道巡检。", "保障供气安全"]


def test_header_and_goals_edited_in_the_page(drafted):
    workbench, session = drafted
    table = session.draft.table
    form = HeaderForm(
        name=table.name,
        department="县城市管理局",
        unit="县燃气安全中心",
        year=2026,
        total=80,
        fiscal=50,
        other=30,
        goals="完成管道巡检，消除安全隐患。",
    )
    edited, reply = workbench.edit_header(session, form)
    table = edited.draft.table
    assert table.department.name == "县城市管理局" and table.implementing_unit == "县燃气安全中心"
    assert (table.budget.fiscal, table.budget.other) == (50, 30)
    assert table.goals == ["完成管道巡检，消除安全隐患。"] and edited.unsaved, reply
    unchanged, reply = workbench.edit_header(edited, form)
    assert unchanged == edited and "没有变化" in reply
    with pytest.raises(AssistantError, match="之和不等于预算"):
        workbench.edit_header(edited, form.model_copy(update={"fiscal": 70.0}))
    undone, _ = workbench.undo(edited, ME)
    assert undone.draft == session.draft


def test_undo_in_the_chat_and_with_the_button(drafted):
    workbench, session = drafted
    nothing, reply = _chat(workbench, DraftSession(), "撤销")
    assert nothing == DraftSession() and "没有可以撤销" in reply
    first = session.draft
    session, _ = _chat(workbench, session, "预算改成90万")
    session, _ = _chat(workbench, session, "加一条水质合格率，不低于95%")
    session, reply = _chat(workbench, session, "撤销")
    assert session.draft.table.budget.total == 90 and "撤销" in reply
    assert all(i.name != "水质合格率" for i in session.draft.table.indicators)
    session, reply = workbench.undo(session, ME)
    assert session.draft == first and session.version == 5
    session, reply = workbench.undo(session, ME)
    assert session.draft == first and "没有可以撤销" in reply


def test_new_brief_while_a_draft_is_open_offers_a_new_draft(drafted):
    workbench, session = drafted
    old_id = session.draft_id
    offered, reply = _chat(workbench, session, WATER_BRIEF)
    assert offered.draft == session.draft and "新建" in reply and "没看懂" not in reply
    new, reply = _chat(workbench, offered, "新建")
    assert new.draft_id != old_id and "供水管网" in new.draft.table.name
    assert new.draft.table.budget.total == 120 and reply.startswith("已起草")
    assert {s.draft_id for s in workbench.drafts(ME)} == {old_id, new.draft_id}
    # Any other answer drops the offer and is read as an edit of the open draft.
    offered, _ = _chat(workbench, new, BRIEF)
    kept, reply = _chat(workbench, offered, "预算改成100万")
    assert kept.draft_id == new.draft_id and kept.draft.table.budget.total == 100


def test_help_lists_what_the_chat_understands(drafted):
    workbench, session = drafted
    same, reply = _chat(workbench, session, "帮助")
    assert same == session
    for example in ("加一条", "主管部门是", "绩效目标", "撤销", "移到"):
        assert example in reply


def test_source_column_names_the_project_and_shows_its_row(drafted):
    from webui.render import draft_rows, source_row_html

    workbench, session = drafted
    rows = draft_rows(session.draft.table)
    cited = next(n for n, i in enumerate(session.draft.table.indicators, 1) if i.source.table_id)
    source, table = workbench.source_of_row(session, cited)
    assert rows[cited - 1][5] == f"{table.name} 第{source.row}行"  # the project, not an id
    html = source_row_html(source, table)
    assert table.indicators[source.row - 1].name in html and f"第{source.row}行" in html
    session, _ = _chat(workbench, session, "加一条水质合格率，不低于95%")
    row = next(n for n, i in enumerate(session.draft.table.indicators, 1) if i.name == "水质合格率")
    assert USER_RULE in source_row_html(*workbench.source_of_row(session, row))
    with pytest.raises(AssistantError, match="没有第99行"):
        workbench.source_of_row(session, 99)


def test_page_has_fixed_grid_columns_examples_and_new_controls(make_workbench, test_settings):
    from webui.draft_header import EXAMPLE_BRIEFS
    from webui.layout import build_ui

    demo = build_ui(make_workbench(), test_settings)
    by_id = {b.elem_id: b for b in demo.blocks.values() if getattr(b, "elem_id", None)}
    assert by_id["draft-grid"].col_count == (7, "fixed")  # no 添加列/删除列 in the grid menu
    for elem_id in (
        "draft-undo",
        "draft-goals",
        "header-name",
        "header-department",
        "header-unit",
        "header-year",
        "header-total",
        "header-fiscal",
        "header-other",
        "header-apply",
        "draft-source",
    ):
        assert elem_id in by_id, elem_id
    greeting = by_id["draft-chat"].value[0]["content"][0]["text"]
    assert "您好" in greeting and "帮助" in greeting
    kinds = {kind for kind, _ in EXAMPLE_BRIEFS}
    assert len(kinds) >= 5 and "农村供水" in kinds


@pytest.mark.parametrize("text", ["加强宣传", "加快进度", "其他5项工作", "今天天气怎么样"])
def test_ordinary_words_are_not_taken_for_edits(drafted, text):
    workbench, session = drafted
    after, reply = _chat(workbench, session, text)
    assert after.draft == session.draft and after.version == session.version
    assert "没看懂" in reply
