"""The running app through gradio_client (127.0.0.1, free port, tmp data dir, real corpus + index).

Each Client is one browser session: its gr.State survives between calls; the owner token is
passed explicitly (in a browser it lives in localStorage through gr.BrowserState).
"""

from __future__ import annotations

import docx
import openpyxl
import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError
from pydantic import SecretStr

from tests.conftest import SEED_003
from tests.fixtures_app import BRIEF, free_port
from webui.render import GRID_HEADERS

FILTERS_OFF = ("", None, None, None, None, "（全部）", "（全部）")


def _client(url: str, **kwargs) -> tuple[Client, str]:
    client = Client(url, verbose=False, **kwargs)
    return client, client.predict(None, api_name="/ensure_token")


def _grid(result) -> list[list[str]]:
    return result["data"] if isinstance(result, dict) else result


@pytest.fixture(scope="module")
def drafted(app_server):
    """One user who drafted the example brief and changed a value by chat."""
    client, token = _client(app_server.url)
    chat, _, grid, review, status, drafts, _, *header = client.predict(
        BRIEF, [], token, api_name="/chat"
    )
    rows = _grid(grid)
    quantity = next(r for r in rows if r[1] == "数量指标")
    chat, _, grid, review, status, drafts, _, *header = client.predict(
        f"把{quantity[2]}改为≥250家次", chat, token, api_name="/chat"
    )
    assert header[0] in status and header[3] == 2026  # 项目名称 and 年度 shown in the page
    return client, token, drafts["value"], _grid(grid), status


def test_header_edit_and_undo_buttons(app_server):
    client, token = _client(app_server.url)
    name = client.predict(BRIEF, [], token, api_name="/chat")[7]
    form = [name, "县城市管理局", "县燃气安全中心", 2026, 80, 60, 20, "完成管道巡检。"]
    chat, grid, review, status, *fields = client.predict([], *form, api_name="/edit_header")
    assert fields[1:3] == ["县城市管理局", "县燃气安全中心"] and fields[5:7] == [60, 20]
    assert "未保存" in status and "县城市管理局" in chat[-1]["content"][0]["text"]
    chat, grid, review, status, *fields = client.predict(chat, token, api_name="/undo")
    assert fields[1] == "" and "撤销" in chat[-1]["content"][0]["text"]


def test_draft_by_chat_then_change_a_value(drafted):
    client, token, draft_id, rows, status = drafted
    assert {r[0] for r in rows} >= {"产出指标", "效益指标", "满意度指标"}
    assert all(r[5] for r in rows), "every row shows its source"
    assert any(r[4] == "≥250家次" for r in rows)
    assert "第 2 版" in status


def test_export_xlsx_and_docx(drafted):
    client, *_ = drafted
    xlsx = client.predict(api_name="/export_xlsx")
    values = {
        str(c.value) for ws in openpyxl.load_workbook(xlsx) for r in ws.iter_rows() for c in r
    }
    assert "≥250家次" in values
    docx_path = client.predict(api_name="/export_docx")
    texts = {c.text for t in docx.Document(docx_path).tables for r in t.rows for c in r.cells}
    assert "≥250家次" in texts


def test_print_preview(drafted):
    client, *_ = drafted
    sheets, html_file = client.predict(api_name="/preview")
    assert "@page { size: A4" in sheets["value"] and "≥250家次" in sheets["value"]
    assert sheets["visible"] and html_file["value"].endswith(".html")
    with open(html_file["value"], encoding="utf-8") as file:
        assert sheets["value"] in file.read()


def test_saving_and_opening_versions(drafted):
    client, token, draft_id, rows, _ = drafted
    grid, review, status, drafts, note = client.predict("没改就存", token, api_name="/save")
    assert "第 2 版" in status  # nothing changed since the chat's version 2: no new version
    edited = [[*r[:3], "核对后补充的说明", *r[4:]] if n == 0 else r for n, r in enumerate(rows)]
    grid, review, status = client.predict(
        {"headers": GRID_HEADERS, "data": edited}, api_name="/edit_grid"
    )
    assert "未保存" in status
    grid, review, status, drafts, note = client.predict("核对后保存", token, api_name="/save")
    assert "第 3 版" in status and note == ""
    chat, grid, review, status, versions, *header = client.predict(
        draft_id, 1, token, api_name="/open_draft"
    )
    assert "第 1 版" in chat[-1]["content"][0]["text"]
    assert "核对后保存" in versions and "第3版" in versions
    assert not any(r[4] == "≥250家次" for r in _grid(grid))  # version 1 predates the change


def test_other_browsers_never_see_the_draft(drafted, app_server):
    _, _, draft_id, _, _ = drafted
    stranger, token = _client(app_server.url)
    assert stranger.predict(token, api_name="/list_drafts")["choices"] == []
    with pytest.raises(AppError, match="找不到草稿"):
        stranger.predict(draft_id, None, token, api_name="/open_draft")
    with pytest.raises(AppError, match="还没有草稿"):
        stranger.predict(api_name="/export_xlsx")


def test_compare_with_source_tables(drafted):
    client, *_ = drafted
    html = client.predict(api_name="/compare_sources")
    assert "来源表" in html and "000_0a362c379c5850c5" in html
    assert "cmp-table" in html and "审核" in html


def test_compare_two_picked_tables(drafted):
    client, token, draft_id, _, _ = drafted
    left, right = client.predict(token, api_name="/compare_choices")
    values = [value for _, value in left["choices"]]
    assert "current" in values and f"draft:{draft_id}@1" in values
    assert "table:003_e87aba6a1a806e89-1" in values
    html = client.predict(
        f"draft:{draft_id}@1",
        None,
        None,
        f"draft:{draft_id}",
        None,
        None,
        token,
        api_name="/compare",
    )
    assert "值变化" in html and "≥250家次" in html


def test_search_with_filters_and_show_table(app_server):
    client, _ = _client(app_server.url)
    html, picked, _ = client.predict("燃气 安全检查", "项目", *FILTERS_OFF, api_name="/search")
    assert "匹配原因" in html and picked["choices"]
    filters = ("天津市供热燃气", 2024, 2024, None, None, "（全部）", "（全部）")
    html, picked, _ = client.predict("燃气", "项目", *filters, api_name="/search")
    assert [value for _, value in picked["choices"]] == ["000_0a362c379c5850c5-5"]
    detail = client.predict("000_0a362c379c5850c5-5", api_name="/show_table")
    assert "000_0a362c379c5850c5.txt" in detail and "功能模块建设" in detail
    html, _, _ = client.predict("满意度指标通常定多少？", "指标", *FILTERS_OFF, api_name="/search")
    assert "中位数" in html and "服务对象满意度" in html
    with pytest.raises(AppError, match="年度范围"):
        client.predict(
            "燃气", "项目", "", 2026, 2024, None, None, "（全部）", "（全部）", api_name="/search"
        )


def test_import_preview_and_bad_file(app_server, tmp_path):
    client, _ = _client(app_server.url)
    preview, _ = client.predict(handle_file(str(SEED_003)), api_name="/preview_import")
    assert "解析出 4 张表" in preview and "362207" in preview
    bad = tmp_path / "空文件.txt"
    bad.write_text("这里没有绩效目标表。", encoding="utf-8")
    with pytest.raises(AppError, match="无法导入文件"):
        client.predict(handle_file(str(bad)), api_name="/preview_import")
    with pytest.raises(AppError, match="无法导入文件"):
        client.predict(handle_file(str(bad)), api_name="/add_to_corpus")


def test_chat_escapes_and_answers_errors_in_the_chat(app_server):
    client, token = _client(app_server.url)
    chat, *_ = client.predict("<script>alert(1)</script>", [], token, api_name="/chat")
    assert "<script>" not in chat[0]["content"][0]["text"]
    assert "&lt;script&gt;" in chat[0]["content"][0]["text"]
    chat, kept, *_ = client.predict("   ", [], token, api_name="/chat")
    assert "请输入内容" in chat[-1]["content"][0]["text"]


def test_a_message_sent_before_the_token_loaded_gets_one(app_server):
    client = Client(app_server.url, verbose=False)
    *_, drafts, token = client.predict(BRIEF, [], None, api_name="/chat")[:7]
    assert len(token) >= 16
    choices = client.predict(token, api_name="/list_drafts")["choices"]
    assert [value for _, value in choices] == [drafts["value"]]


def test_drafts_survive_a_restart(drafted, app_settings):
    """A second app process-equivalent on the same data dir lists the same user's drafts."""
    from app import create_app, launch

    _, token, draft_id, _, _ = drafted
    settings = app_settings.model_copy(update={"port": free_port()})
    demo, workbench = create_app(settings)
    try:
        _, url, _ = launch(demo, settings, prevent_thread_lock=True)
        client = Client(url, verbose=False)
        choices = client.predict(token, api_name="/list_drafts")["choices"]
        assert draft_id in [value for _, value in choices]
        chat, grid, *_ = client.predict(draft_id, None, token, api_name="/open_draft")
        assert any(r[4] == "≥250家次" for r in _grid(grid))
    finally:
        demo.close()
        workbench.retriever.current.close()


def test_login_when_users_are_configured(app_server):
    """With auth_users set, the owner is the logged-in user and a wrong password gets nothing."""
    from app import launch
    from webui.layout import build_ui

    settings = app_server.settings.model_copy(
        update={"port": free_port(), "auth_users": SecretStr("wang:pw-1,li:pw-2")}
    )
    demo = build_ui(app_server.workbench, settings)
    try:
        _, url, _ = launch(demo, settings, prevent_thread_lock=True)
        with pytest.raises(Exception):  # noqa: B017 (gradio_client raises a plain ValueError)
            Client(url, verbose=False, auth=("wang", "wrong"))
        wang, token = _client(url, auth=("wang", "pw-1"))
        *_, drafts, _ = wang.predict(BRIEF, [], token, api_name="/chat")[:7]
        # The same browser token but another login sees nothing: the login is the owner.
        li, _ = _client(url, auth=("li", "pw-2"))
        assert li.predict(token, api_name="/list_drafts")["choices"] == []
        assert wang.predict(None, api_name="/list_drafts")["choices"][0][1] == drafts["value"]
    finally:
        demo.close()


def test_upload_with_several_tables_shows_a_picker(app_server):
    client, token = _client(app_server.url)
    client.predict(token, api_name="/compare_choices")  # fills the side pickers, as the tab does
    picker = client.predict(handle_file(str(SEED_003)), api_name="/upload_tables")
    assert len(picker["choices"]) == 4 and picker["value"] == 1 and picker["visible"] is True
    html = client.predict(
        None, handle_file(str(SEED_003)), 2, "table:003_e87aba6a1a806e89-2", None, None, token,
        api_name="/compare",
    )  # fmt: skip
    assert "第2张" in html and "cmp-fields" in html and ">删除<" not in html
