"""对比 tab: any two of (current draft, saved draft or version, corpus table, uploaded file)."""

from __future__ import annotations

import gradio as gr

from webui.common import UiContext, as_session, current_owner, ensure_token, user_errors
from webui.render import display_time, draft_choices
from webui.render_compare import comparison_html

VERSIONS_LISTED = 10  # per draft, newest first: older ones stay reachable from 我的草稿


def side_choices(ctx: UiContext, session, token, request) -> list[tuple[str, str]]:
    """Everything this owner may compare: the current draft, saved drafts and versions, corpus tables."""
    wb = ctx.workbench
    # The tab can open before the page load stored a token: no token, no drafts (no error).
    owner = current_owner(ensure_token(token), request)
    choices = []
    if as_session(session).draft is not None:
        choices.append(("当前草稿", "current"))
    summaries = wb.drafts(owner)
    for (label, draft_id), summary in zip(draft_choices(summaries), summaries, strict=True):
        choices.append((f"草稿：{label}（最新）", f"draft:{draft_id}"))
        tag = label.rsplit(" · ", 1)[-1] if label.count(" · ") > 2 else ""  # id when names repeat
        for info in reversed(wb.versions(owner, draft_id)[-VERSIONS_LISTED:-1]):
            when = display_time(info.saved_at)
            text = f"草稿：{summary.title} · 第{info.version}版 · {when}" + (
                f" · {tag}" if tag else ""
            )
            choices.append((text, f"draft:{draft_id}@{info.version}"))
    choices += [(f"语料表：{t.name}（{t.id}）", f"table:{t.id}") for t in wb.retriever.tables()]
    return choices


def _spec(choice: str | None, upload: str | None, number: int | None = None) -> str:
    # An uploaded file wins over the dropdown for its side; its table as picked.
    if upload:
        return f"file:{upload}#{int(number)}" if number else f"file:{upload}"
    return choice or ""


def _table_picker(elem_id: str) -> gr.Dropdown:
    return gr.Dropdown(
        label="文件中有多张表：选择要对比的一张", choices=[], visible=False, elem_id=elem_id
    )


class CompareTab:
    """Two side pickers (dropdown or upload), the compare buttons and the result."""

    def __init__(self, ctx: UiContext, tab: gr.Tab):
        self.ctx, self.wb = ctx, ctx.workbench
        # Uploads take any file type: the importer refuses others in Chinese (gradio in English).
        with gr.Row():
            with gr.Column():
                self.left = gr.Dropdown(label="左侧", choices=[], elem_id="cmp-left")
                self.left_file = gr.File(
                    label="或上传文件（左）", type="filepath", height=110, elem_id="cmp-left-file"
                )
                self.left_table = _table_picker("cmp-left-table")
            with gr.Column():
                self.right = gr.Dropdown(label="右侧", choices=[], elem_id="cmp-right")
                self.right_file = gr.File(
                    label="或上传文件（右）", type="filepath", height=110, elem_id="cmp-right-file"
                )
                self.right_table = _table_picker("cmp-right-table")
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
        sides_in = [self.left, self.left_file, self.left_table]
        sides_in += [self.right, self.right_file, self.right_table]
        compare.click(
            self.on_compare, [*sides_in, session, token], [self.output], api_name="compare"
        )
        for upload, picker in (
            (self.left_file, self.left_table),
            (self.right_file, self.right_table),
        ):
            upload.change(self.on_upload, [upload], [picker], api_name="upload_tables")
        with_sources.click(self.on_sources, [session], [self.output], api_name="compare_sources")

    @user_errors
    def on_refresh(self, session, token, request: gr.Request):
        choices = side_choices(self.ctx, session, token, request)
        return gr.update(choices=choices), gr.update(choices=choices)

    @user_errors
    def on_upload(self, upload):
        """A file with several tables shows a picker (first table preselected, visibly)."""
        if not upload:
            return gr.update(choices=[], value=None, visible=False)
        choices = self.wb.upload_choices(upload)
        return gr.update(choices=choices, value=1, visible=len(choices) > 1)

    @user_errors
    def on_compare(
        self,
        left_choice,
        left_upload,
        left_number,
        right_choice,
        right_upload,
        right_number,
        session,
        token,
        request: gr.Request,
    ):
        comparison = self.wb.compare(
            _spec(left_choice, left_upload, left_number),
            _spec(right_choice, right_upload, right_number),
            current_owner(token, request),
            as_session(session),
        )
        return comparison_html(comparison)

    @user_errors
    def on_sources(self, session):
        comparisons = self.wb.compare_with_sources(as_session(session))
        return "<hr>".join(comparison_html(c) for c in comparisons)
