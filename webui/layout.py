"""The whole app: four tabs over one Workbench, plus the per-browser owner token."""

from __future__ import annotations

import gradio as gr

from assistant.services import Workbench
from assistant.settings import Settings
from assistant.workbench.models import DraftSession
from webui import compare_tab, draft_tab, import_tab, search_tab
from webui.auth import browser_secret
from webui.common import UiContext, ensure_token
from webui.render import APP_CSS

TITLE = "绩效目标助手"
TOKEN_KEY = "jxmb-owner-token"


def build_ui(workbench: Workbench, settings: Settings) -> gr.Blocks:
    """Build (not launch) the Gradio app."""
    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(
            f"## {TITLE}\n您好！在「起草」页描述要申报的项目，即可得到一张可修改、可导出的"
            "项目支出绩效目标表；「检索」查往年项目和指标，「对比」核对草稿与来源表。",
            elem_id="landing",
        )
        if notice := workbench.store.notice:
            gr.Markdown(f"⚠️ {notice}", elem_id="store-notice")
        token = gr.BrowserState(None, storage_key=TOKEN_KEY, secret=browser_secret(settings))
        session = gr.State(DraftSession())
        ctx = UiContext(workbench=workbench, session=session, token=token)
        with gr.Tabs():
            with gr.Tab("起草", id="draft"):
                drafting = draft_tab.DraftTab(ctx)
            with gr.Tab("检索", id="search"):
                search_tab.build(ctx)
            with gr.Tab("对比", id="compare") as compare:
                compare_tab.CompareTab(ctx, compare)
            with gr.Tab("导入", id="import"):
                import_tab.build(ctx)
        loaded = demo.load(ensure_token, [token], [token], api_name="ensure_token")
        loaded.then(
            drafting.files.on_refresh, [token], [drafting.files.drafts], api_visibility="private"
        )
    # Gradio runs one request per event at a time by default: one user drafting would hold up
    # every other user's chat.
    demo.queue(default_concurrency_limit=settings.concurrency)
    return demo


def launch_kwargs(settings: Settings) -> dict:
    """launch() arguments shared by `python app.py` and the tests."""
    return {
        "server_name": settings.host,
        "server_port": settings.port,
        "max_file_size": int(settings.max_upload_mb * 1024 * 1024),
        "css": APP_CSS,
        "footer_links": [],
        "show_error": True,
        "quiet": True,
        "share": False,  # internal budget data: never a public gradio.live link (not even by env)
    }
