"""对比 tab: any two of (current draft, saved draft or version, corpus table, uploaded file)."""

from __future__ import annotations

import gradio as gr

from webui.common import UiContext, as_session, current_owner, user_errors
from webui.render import comparison_html, display_time

VERSIONS_LISTED = 10  # per draft, newest first: older ones stay reachable from 我的草稿


def side_choices(ctx: UiContext, session, token, request) -> list[tuple[str, str]]:
    """Everything this owner may compare: the current draft, saved drafts and versions, corpus tables."""
    wb = ctx.workbench
    owner = current_owner(token, request)
    choices = []
    if as_session(session).draft is not None:
        choices.append(("当前草稿", "current"))
    for summary in wb.drafts(owner):
        choices.append((f"草稿：{summary.title}（最新）", f"draft:{summary.draft_id}"))
        for info in reversed(wb.versions(owner, summary.draft_id)[-VERSIONS_LISTED:]):
            label = f"草稿：{summary.title} 第{info.version}版（{display_time(info.saved_at)}）"
            choices.append((label, f"draft:{summary.draft_id}@{info.version}"))
    choices += [(f"语料表：{t.name}（{t.id}）", f"table:{t.id}") for t in wb.retriever.tables()]
    return choices


def _spec(choice: str | None, upload: str | None) -> str:
    # An uploaded file wins over the dropdown for its side.
    return f"file:{upload}" if upload else (choice or "")


class CompareTab:
    """Two side pickers (dropdown or upload), the compare buttons and the result."""

    def __init__(self, ctx: UiContext, tab: gr.Tab):
        self.ctx, self.wb = ctx, ctx.workbench
        # Uploads take any file type: the importer refuses others in Chinese (gradio in English).
        with gr.Row():
            with gr.Column():
                self.left = gr.Dropdown(label="左侧", choices=[], elem_id="cmp-left")
                self.left_file = gr.File(label="或上传文件（左）", type="filepath", height=110)
            with gr.Column():
                self.right = gr.Dropdown(label="右侧", choices=[], elem_id="cmp-right")
                self.right_file = gr.File(label="或上传文件（右）", type="filepath", height=110)
        with gr.Row():
            refresh = gr.Button("刷新可选项", elem_id="cmp-refresh")
            compare = gr.Button("对比", variant="primary", elem_id="cmp-go")
            with_sources = gr.Button("当前草稿与来源表对比", elem_id="cmp-sources")
        self.output = gr.HTML(elem_id="cmp-output")
        self._wire(tab, refresh, compare, with_sources)

    def _wire(self, tab: gr.Tab, refresh, compare, with_sources) -> None:
        session, token, sides = self.ctx.session, self.ctx.token, [self.left, self.right]
        refresh.click(self.on_refresh, [session, token], sides, api_name="compare_choices")
        tab.select(self.on_refresh, [session, token], sides, api_visibility="private")
        compare.click(
            self.on_compare,
            [self.left, self.left_file, self.right, self.right_file, session, token],
            [self.output],
            api_name="compare",
        )
        with_sources.click(self.on_sources, [session], [self.output], api_name="compare_sources")

    @user_errors
    def on_refresh(self, session, token, request: gr.Request):
        choices = side_choices(self.ctx, session, token, request)
        return gr.update(choices=choices), gr.update(choices=choices)

    @user_errors
    def on_compare(
        self,
        left_choice,
        left_upload,
        right_choice,
        right_upload,
        session,
        token,
        request: gr.Request,
    ):
        comparison = self.wb.compare(
            _spec(left_choice, left_upload),
            _spec(right_choice, right_upload),
            current_owner(token, request),
            as_session(session),
        )
        return comparison_html(comparison)

    @user_errors
    def on_sources(self, session):
        comparisons = self.wb.compare_with_sources(as_session(session))
        return "<hr>".join(comparison_html(c) for c in comparisons)
