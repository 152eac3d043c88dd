"""Keeping and handing out the 起草 tab's draft: save (a new version), the list of saved drafts
(open any version), export (.xlsx/.docx) and the A4 print preview."""

from __future__ import annotations

from html import escape

import gradio as gr

from webui.common import UiContext, as_session, current_owner, user_errors
from webui.draft_header import draft_view, header_values
from webui.render import display_time, draft_choices, md_text


class DraftFiles:
    """The save/export buttons, the saved-drafts panel and the preview, with their handlers."""

    def __init__(self, ctx: UiContext):
        self.ctx, self.wb = ctx, ctx.workbench

    # ------------------------------------------------------------ layout

    def build_buttons(self) -> None:
        with gr.Row():
            self.save_note = gr.Textbox(
                show_label=False, placeholder="保存说明（可选）", max_lines=1, scale=2
            )
            self.save = gr.Button("保存", variant="secondary", elem_id="draft-save", scale=1)
            self.export_xlsx = gr.Button("导出 .xlsx", elem_id="export-xlsx", scale=1)
            self.export_docx = gr.Button("导出 .docx", elem_id="export-docx", scale=1)
            self.export_preview = gr.Button("打印预览", elem_id="export-preview", scale=1)
        self.download = gr.File(
            label="下载", interactive=False, visible=False, elem_id="draft-download"
        )

    def build_panel(self) -> None:
        self.drafts = gr.Dropdown(
            label="已保存的草稿（可输入名称筛选）",
            choices=[],
            allow_custom_value=True,
            filterable=True,
            elem_id="my-drafts",
        )
        self.version = gr.Number(label="版本（留空为最新）", precision=0, value=None)
        with gr.Row():
            self.refresh = gr.Button("刷新列表")
            self.open = gr.Button("打开", elem_id="draft-open")
        self.versions = gr.Markdown()

    def build_preview(self) -> None:
        # Full width below the chat and grid: the A4 sheets at their real size.
        # Gradio's prose styles would change the printed cells: the sheets bring their own CSS.
        self.preview = gr.HTML(elem_id="draft-preview", visible=False, apply_default_css=False)

    # ------------------------------------------------------------ events

    def wire_save(self, view: list) -> None:
        ctx = self.ctx
        self.save.click(
            self.on_save,
            [ctx.session, self.save_note, ctx.token],
            [ctx.session, *view, self.drafts, self.save_note],
            api_name="save",
        )

    def wire_exports(self, view: list, header_fields: list) -> None:
        ctx = self.ctx
        for button, suffix in ((self.export_xlsx, ".xlsx"), (self.export_docx, ".docx")):
            # The API returns the plain file; showing the (hidden) download box is a second step.
            button.click(
                user_errors(lambda session, s=suffix: str(self.wb.export(as_session(session), s))),
                [ctx.session],
                [self.download],
                api_name=f"export_{suffix[1:]}",
            ).success(
                lambda: gr.update(visible=True), None, [self.download], api_visibility="private"
            )
        self.export_preview.click(
            self.on_preview,
            [ctx.session],
            [self.preview, self.download],
            api_name="preview",
            scroll_to_output=True,  # the sheets show below the chat and the grid
        )
        # A preview shows the draft as it was: any change empties it (in the browser, no round
        # trip), so nobody prints an old version.
        for shown in (*view, *header_fields):
            shown.change(None, None, [self.preview], js="() => ''", api_visibility="private")

    def wire_saved_drafts(self, view: list, chatbot, header_fields: list) -> None:
        ctx = self.ctx
        self.refresh.click(self.on_refresh, [ctx.token], [self.drafts], api_name="list_drafts")
        self.open.click(
            self.on_open,
            [self.drafts, self.version, ctx.token],
            [ctx.session, chatbot, *view, self.versions, *header_fields],
            api_name="open_draft",
        )

    # ------------------------------------------------------------ handlers

    @user_errors
    def on_save(self, session, note, token, request: gr.Request):
        before = as_session(session)
        saved, info = self.wb.save(before, current_owner(token, request), note or "")
        when, author = display_time(info.saved_at), escape(info.author)  # toasts are HTML
        if info.version == before.version:
            gr.Info(f"没有修改，未产生新版本（仍是第 {info.version} 版）。")
        else:
            gr.Info(f"已保存：第 {info.version} 版（{when}，{author}）")
        choices = gr.update(choices=self.choices(token, request), value=saved.draft_id)
        return saved, *draft_view(saved), choices, ""

    @user_errors
    def on_preview(self, session):
        """The draft as it prints (A4 sheets, review last) and the same as an .html to print."""
        sheets, path = self.wb.preview(as_session(session))
        return gr.update(value=sheets, visible=True), gr.update(value=str(path), visible=True)

    @user_errors
    def on_refresh(self, token, request: gr.Request):
        return gr.update(choices=self.choices(token, request))

    @user_errors
    def on_open(self, draft_id, version_no, token, request: gr.Request):
        if not draft_id:
            raise gr.Error("请先在列表中选择一个草稿。")
        owner = current_owner(token, request)
        session = self.wb.open_draft(owner, draft_id, version_no or None)
        lines = [
            f"- 第{v.version}版 · {display_time(v.saved_at)} · {md_text(v.author)} · {md_text(v.note)}"
            for v in self.wb.versions(owner, draft_id)
        ]
        title = session.draft.table.name
        note = {
            "role": "assistant",
            "content": escape(f"已打开「{title}」第 {session.version} 版。"),
        }
        return session, [note], *draft_view(session), "\n".join(lines), *header_values(session)

    def choices(self, token, request) -> list[tuple[str, str]]:
        """The owner's saved drafts for the dropdown."""
        return draft_choices(self.wb.drafts(current_owner(token, request)))
