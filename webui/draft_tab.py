"""起草 tab: chat on the left, the current draft (editable grid + review) on the right."""

from __future__ import annotations

from html import escape

import gradio as gr

from assistant.errors import AssistantError
from assistant.workbench.models import DraftSession
from webui.common import UiContext, as_session, current_owner, ensure_token, user_errors
from webui.render import (
    GRID_HEADERS,
    display_time,
    draft_rows,
    findings_html,
    md_text,
    table_header_html,
)

EXAMPLE_BRIEF = "2026年燃气管道安全巡检，预算80万元"
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
        self.view = [self.grid, self.review, self.status]
        self._wire_chat()
        self._wire_draft_actions()
        self._wire_saved_drafts()

    # ------------------------------------------------------------ layout

    def _chat_column(self) -> None:
        # Messages are shown as text: no Markdown (an image link would make the browser fetch
        # it) and, since the text is escaped, no HTML; CSS keeps the line breaks.
        self.chatbot = gr.Chatbot(
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
            self.new = gr.Button("新建草稿", elem_id="draft-new")
        gr.Examples([[EXAMPLE_BRIEF]], inputs=[self.message], label="示例")

    def _draft_column(self) -> None:
        self.status = gr.Markdown("尚未起草", elem_id="draft-status")
        self.grid = gr.Dataframe(
            headers=GRID_HEADERS,
            datatype="str",  # cells show as text: markup in a cell is never rendered
            type="array",
            interactive=True,
            wrap=True,
            show_row_numbers=True,
            static_columns=[5, 6],
            column_widths=["9%", "12%", "15%", "24%", "11%", "25%", "4%"],
            label="当前草稿（可直接编辑单元格，改完自动重新审核）",
            elem_id="draft-grid",
        )
        self.review = gr.HTML(elem_id="draft-review")
        self.apply_fixes = gr.Button("应用全部审核建议修改", size="sm", elem_id="draft-apply-fixes")
        with gr.Row():
            self.save_note = gr.Textbox(
                show_label=False, placeholder="保存说明（可选）", max_lines=1, scale=2
            )
            self.save = gr.Button("保存", variant="secondary", elem_id="draft-save", scale=1)
            self.export_xlsx = gr.Button("导出 .xlsx", elem_id="export-xlsx", scale=1)
            self.export_docx = gr.Button("导出 .docx", elem_id="export-docx", scale=1)
        self.download = gr.File(
            label="下载", interactive=False, visible=False, elem_id="draft-download"
        )

    def _drafts_panel(self) -> None:
        self.drafts = gr.Dropdown(
            label="已保存的草稿", choices=[], allow_custom_value=True, elem_id="my-drafts"
        )
        self.version = gr.Number(label="版本（留空为最新）", precision=0, value=None)
        with gr.Row():
            self.refresh = gr.Button("刷新列表")
            self.open = gr.Button("打开", elem_id="draft-open")
        self.versions = gr.Markdown()

    # ------------------------------------------------------------ events

    def _wire_chat(self) -> None:
        ctx = self.ctx
        outputs = [self.chatbot, self.message, ctx.session, *self.view, self.drafts, ctx.token]
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
            [ctx.session, self.chatbot, *self.view, self.download],
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

    def _wire_saved_drafts(self) -> None:
        ctx = self.ctx
        self.refresh.click(self.on_refresh, [ctx.token], [self.drafts], api_name="list_drafts")
        self.open.click(
            self.on_open,
            [self.drafts, self.version, ctx.token],
            [ctx.session, self.chatbot, *self.view, self.versions],
            api_name="open_draft",
        )

    # ------------------------------------------------------------ handlers

    @user_errors
    def on_chat(self, text, history, session, token, request: gr.Request):
        """One chat turn; the working notice shows first, then each draft as it is ready."""
        token = ensure_token(token)  # a message sent before the page load stored one
        owner, session = current_owner(token, request), as_session(session)
        history = [*(history or []), {"role": "user", "content": escape(text or "")}]
        working = [*history, {"role": "assistant", "content": WORKING}]
        yield working, "", session, *draft_view(session), gr.skip(), token
        try:
            for new_session, reply in self.wb.chat(session, text, owner):
                chat = [*history, {"role": "assistant", "content": escape(reply)}]
                choices = gr.update(
                    choices=self._choices(token, request), value=new_session.draft_id
                )
                yield chat, "", new_session, *draft_view(new_session), choices, token
        except AssistantError as exc:  # answered in the chat; the draft stays as it was
            chat = [*history, {"role": "assistant", "content": escape(f"⚠️ {exc}")}]
            yield chat, text, session, *draft_view(session), gr.skip(), token

    @user_errors
    def on_grid_edit(self, rows, session):
        edited = self.wb.edit_rows(as_session(session), rows)
        return edited, *draft_view(edited)  # rows are re-ordered and re-numbered by finalize

    @user_errors
    def on_save(self, session, note, token, request: gr.Request):
        saved, info = self.wb.save(as_session(session), current_owner(token, request), note or "")
        when, author = display_time(info.saved_at), escape(info.author)  # toasts are HTML
        gr.Info(f"已保存：第 {info.version} 版（{when}，{author}）")
        choices = gr.update(choices=self._choices(token, request), value=saved.draft_id)
        return saved, *draft_view(saved), choices, ""

    @user_errors
    def on_apply_fixes(self, session, token, request: gr.Request):
        owner = current_owner(token, request)
        fixed, notes = self.wb.apply_fixes(as_session(session), owner)
        gr.Info("已按审核建议修改：" + "；".join(notes))
        return fixed, *draft_view(fixed)

    def on_new(self):
        fresh = DraftSession()
        return fresh, [], *draft_view(fresh), gr.File(None, visible=False)

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
        return session, [note], *draft_view(session), "\n".join(lines)

    def _choices(self, token, request) -> list[tuple[str, str]]:
        summaries = self.wb.drafts(current_owner(token, request))
        return [
            (f"{s.title}（第{s.latest_version}版，{display_time(s.updated_at)}）", s.draft_id)
            for s in summaries
        ]
