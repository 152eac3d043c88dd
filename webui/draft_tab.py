"""起草 tab: chat on the left, the current draft (editable grid + review) on the right."""

from __future__ import annotations

from html import escape

import gradio as gr

from assistant.errors import AssistantError
from assistant.workbench.models import DraftSession
from webui.common import UiContext, as_session, current_owner, ensure_token, user_errors
from webui.draft_header import EXAMPLE_BRIEFS, GREETING, HeaderPanel, form_from, header_values
from webui.render import (
    GRID_HEADERS,
    display_time,
    draft_choices,
    draft_rows,
    findings_html,
    md_text,
    source_row_html,
    table_header_html,
)

EXAMPLE_BRIEF = EXAMPLE_BRIEFS[0][1]
WORKING = "正在检索往年表并起草，请稍候……"


def draft_view(session: DraftSession) -> tuple[list[list[str]], str, str]:
    """Grid rows, the header + review HTML and a status line for a session."""
    draft = session.draft
    if draft is None:
        return [], "<p>还没有草稿。在左侧描述项目即可开始。</p>", "尚未起草"
    saved = f"已保存为第 {session.version} 版" if session.draft_id else "未保存"
    if session.unsaved:
        saved = "有未保存的手工修改"
    status = f"**{md_text(draft.table.name)}** · {len(draft.table.indicators)} 行 · {saved}"
    header = table_header_html(draft.table)
    return draft_rows(draft.table), header + findings_html(draft.findings), status


class DraftTab:
    """The tab's components and their handlers (each handler is one user action)."""

    def __init__(self, ctx: UiContext):
        self.ctx, self.wb = ctx, ctx.workbench
        with gr.Row():
            with gr.Column(scale=2, min_width=320):
                self._chat_column()
            with gr.Column(scale=3, min_width=420):
                self._draft_column()
                with gr.Accordion("我的草稿", open=False):
                    self._drafts_panel()
        # Full width below the chat and grid: the A4 sheets at their real size.
        # Gradio's prose styles would change the printed cells: the sheets bring their own CSS.
        self.preview = gr.HTML(elem_id="draft-preview", visible=False, apply_default_css=False)
        self.view = [self.grid, self.review, self.status]
        self._wire_chat()
        self._wire_draft_actions()
        self._wire_saved_drafts()
        self._wire_header_and_undo()

    # ------------------------------------------------------------ layout

    def _chat_column(self) -> None:
        # Messages are shown as text: no Markdown (an image link would make the browser fetch
        # it) and, since the text is escaped, no HTML; CSS keeps the line breaks.
        self.chatbot = gr.Chatbot(
            value=greeting(),
            label="对话",
            height=520,
            elem_id="draft-chat",
            buttons=["copy"],
            render_markdown=False,
            sanitize_html=True,
        )
        self.message = gr.Textbox(
            label="描述项目或提出修改",
            placeholder=f"例如：{EXAMPLE_BRIEF}",
            lines=2,
            elem_id="draft-input",
        )
        with gr.Row():
            self.send = gr.Button("发送", variant="primary", elem_id="draft-send")
            self.undo = gr.Button("撤销上一步", elem_id="draft-undo")
            self.new = gr.Button("新建草稿", elem_id="draft-new")
        gr.Examples(
            [[text] for _, text in EXAMPLE_BRIEFS],
            inputs=[self.message],
            label="示例（点一下填入输入框，可再修改）",
            example_labels=[f"{kind}：{text}" for kind, text in EXAMPLE_BRIEFS],
            elem_id="draft-examples",
        )

    def _draft_column(self) -> None:
        self.status = gr.Markdown("尚未起草", elem_id="draft-status")
        self.header = HeaderPanel()
        self.grid = gr.Dataframe(
            headers=GRID_HEADERS,
            datatype="str",  # cells show as text: markup in a cell is never rendered
            type="array",
            interactive=True,
            wrap=True,
            show_row_numbers=True,
            static_columns=[5, 6],
            column_count=(len(GRID_HEADERS), "fixed"),  # no add/delete column: 来源 stays put
            column_widths=["7%", "10%", "14%", "19%", "10%", "26%", "6%"],  # + row numbers
            max_height=900,
            label="当前草稿（可直接编辑单元格，改完自动重新审核；点「来源」格查看参考的原表行）",
            elem_id="draft-grid",
        )
        self.source_row = gr.HTML(elem_id="draft-source", visible=False)  # shown on a click
        self.review = gr.HTML(elem_id="draft-review")
        self.apply_fixes = gr.Button("应用全部审核建议修改", size="sm", elem_id="draft-apply-fixes")
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

    def _drafts_panel(self) -> None:
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

    # ------------------------------------------------------------ events

    def _wire_chat(self) -> None:
        ctx = self.ctx
        outputs = [
            self.chatbot,
            self.message,
            ctx.session,
            *self.view,
            self.drafts,
            ctx.token,
            *self.header.fields,
        ]
        inputs = [self.message, self.chatbot, ctx.session, ctx.token]
        self.send.click(self.on_chat, inputs, outputs, api_name="chat")
        self.message.submit(self.on_chat, inputs, outputs, api_visibility="private")
        self.grid.input(
            self.on_grid_edit,
            [self.grid, ctx.session],
            [ctx.session, *self.view],
            api_name="edit_grid",
        )

    def _wire_draft_actions(self) -> None:
        ctx = self.ctx
        self.save.click(
            self.on_save,
            [ctx.session, self.save_note, ctx.token],
            [ctx.session, *self.view, self.drafts, self.save_note],
            api_name="save",
        )
        self.apply_fixes.click(
            self.on_apply_fixes,
            [ctx.session, ctx.token],
            [ctx.session, *self.view],
            api_name="apply_fixes",
        )
        self.new.click(
            self.on_new,
            None,
            [ctx.session, self.chatbot, *self.view, self.download, *self.header.fields],
            api_name="new_draft",
        )
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
        for shown in (self.grid, self.review, self.status, *self.header.fields):
            shown.change(None, None, [self.preview], js="() => ''", api_visibility="private")

    def _wire_saved_drafts(self) -> None:
        ctx = self.ctx
        self.refresh.click(self.on_refresh, [ctx.token], [self.drafts], api_name="list_drafts")
        self.open.click(
            self.on_open,
            [self.drafts, self.version, ctx.token],
            [ctx.session, self.chatbot, *self.view, self.versions, *self.header.fields],
            api_name="open_draft",
        )

    def _wire_header_and_undo(self) -> None:
        ctx, fields = self.ctx, self.header.fields
        self.header.apply.click(
            self.on_header,
            [ctx.session, self.chatbot, *fields],
            [self.chatbot, ctx.session, *self.view, *fields],
            api_name="edit_header",
        )
        self.undo.click(
            self.on_undo,
            [ctx.session, self.chatbot, ctx.token],
            [self.chatbot, ctx.session, *self.view, *fields],
            api_name="undo",
        )
        self.grid.select(
            self.on_pick_source, [ctx.session], [self.source_row], api_name="source_row"
        )

    # ------------------------------------------------------------ handlers

    @user_errors
    def on_chat(self, text, history, session, token, request: gr.Request):
        """One chat turn; the working notice shows first, then each draft as it is ready."""
        token = ensure_token(token)  # a message sent before the page load stored one
        owner, session = current_owner(token, request), as_session(session)
        history = [*(history or []), {"role": "user", "content": escape(text or "")}]
        working = [*history, {"role": "assistant", "content": WORKING}]
        yield working, "", session, *draft_view(session), gr.skip(), token, *header_values(session)
        try:
            for new_session, reply in self.wb.chat(session, text, owner):
                chat = [*history, {"role": "assistant", "content": escape(reply)}]
                choices = gr.update(
                    choices=self._choices(token, request), value=new_session.draft_id
                )
                yield (
                    chat,
                    "",
                    new_session,
                    *draft_view(new_session),
                    choices,
                    token,
                    *header_values(new_session),
                )
        except AssistantError as exc:  # answered in the chat; the draft stays as it was
            chat = [*history, {"role": "assistant", "content": escape(f"⚠️ {exc}")}]
            yield (
                chat,
                text,
                session,
                *draft_view(session),
                gr.skip(),
                token,
                *header_values(session),
            )

    @user_errors
    def on_grid_edit(self, rows, session):
        before = as_session(session)
        edited = self.wb.edit_rows(before, rows)
        if fixed := edited.draft.notes[len(before.draft.notes) if before.draft else 0 :]:
            # The review repaired what was typed (e.g. ≥120% → =100%): never change a cell unsaid.
            gr.Info("已自动修正：" + "；".join(escape(note.text) for note in fixed))
        return edited, *draft_view(edited)  # rows are re-ordered and re-numbered by finalize

    @user_errors
    def on_save(self, session, note, token, request: gr.Request):
        before = as_session(session)
        saved, info = self.wb.save(before, current_owner(token, request), note or "")
        when, author = display_time(info.saved_at), escape(info.author)  # toasts are HTML
        if info.version == before.version:
            gr.Info(f"没有修改，未产生新版本（仍是第 {info.version} 版）。")
        else:
            gr.Info(f"已保存：第 {info.version} 版（{when}，{author}）")
        choices = gr.update(choices=self._choices(token, request), value=saved.draft_id)
        return saved, *draft_view(saved), choices, ""

    @user_errors
    def on_apply_fixes(self, session, token, request: gr.Request):
        owner = current_owner(token, request)
        fixed, notes = self.wb.apply_fixes(as_session(session), owner)
        gr.Info("已按审核建议修改：" + "；".join(notes))
        return fixed, *draft_view(fixed)

    @user_errors
    def on_preview(self, session):
        """The draft as it prints (A4 sheets, review last) and the same as an .html to print."""
        sheets, path = self.wb.preview(as_session(session))
        return gr.update(value=sheets, visible=True), gr.update(value=str(path), visible=True)

    def on_new(self):
        fresh = DraftSession()
        hidden = gr.File(None, visible=False)
        return fresh, greeting(), *draft_view(fresh), hidden, *header_values(fresh)

    @user_errors
    def on_refresh(self, token, request: gr.Request):
        return gr.update(choices=self._choices(token, request))

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

    @user_errors
    def on_header(self, session, history, *fields):
        edited, reply = self.wb.edit_header(as_session(session), form_from(*fields))
        chat = [*(history or []), {"role": "assistant", "content": escape(reply)}]
        return chat, edited, *draft_view(edited), *header_values(edited)

    @user_errors
    def on_undo(self, session, history, token, request: gr.Request):
        owner = current_owner(ensure_token(token), request)
        session, reply = self.wb.undo(as_session(session), owner)
        chat = [*(history or []), {"role": "assistant", "content": escape(reply)}]
        return chat, session, *draft_view(session), *header_values(session)

    @user_errors
    def on_pick_source(self, session, evt: gr.SelectData):
        """A click on a row (any cell) shows the past table row it was taken from."""
        row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        source, table = self.wb.source_of_row(as_session(session), int(row) + 1)
        return gr.update(value=source_row_html(source, table), visible=True)

    def _choices(self, token, request) -> list[tuple[str, str]]:
        return draft_choices(self.wb.drafts(current_owner(token, request)))


def greeting() -> list[dict]:
    """The chat as a new user first sees it."""
    return [{"role": "assistant", "content": GREETING}]
