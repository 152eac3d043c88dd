"""起草 tab: chat on the left, the current draft (editable grid + review) on the right."""

from __future__ import annotations

from html import escape

import gradio as gr

from assistant.errors import AssistantError
from assistant.workbench.models import DraftSession
from webui.common import UiContext, as_session, current_owner, ensure_token, user_errors
from webui.draft_files import DraftFiles
from webui.draft_header import (
    EXAMPLE_BRIEFS,
    GREETING,
    HeaderPanel,
    draft_view,
    form_from,
    header_values,
)
from webui.render import GRID_HEADERS, source_row_html

EXAMPLE_BRIEF = EXAMPLE_BRIEFS[0][1]
WORKING = "正在检索往年表并起草，请稍候……"


class DraftTab:
    """The tab's components and their handlers (each handler is one user action); saving,
    saved drafts, export and preview are `DraftFiles` (webui/draft_files.py)."""

    def __init__(self, ctx: UiContext):
        self.ctx, self.wb = ctx, ctx.workbench
        self.files = DraftFiles(ctx)
        with gr.Row():
            with gr.Column(scale=2, min_width=320):
                self._chat_column()
            with gr.Column(scale=3, min_width=420):
                self._draft_column()
                with gr.Accordion("我的草稿", open=False):
                    self.files.build_panel()
        self.files.build_preview()
        self.view = [self.grid, self.review, self.status]
        self._wire_chat()
        self._wire_draft_actions()
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
        self.files.build_buttons()

    # ------------------------------------------------------------ events

    def _wire_chat(self) -> None:
        ctx = self.ctx
        outputs = [
            self.chatbot,
            self.message,
            ctx.session,
            *self.view,
            self.files.drafts,
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
        self.files.wire_save(self.view)
        self.apply_fixes.click(
            self.on_apply_fixes,
            [ctx.session, ctx.token],
            [ctx.session, *self.view],
            api_name="apply_fixes",
        )
        self.new.click(
            self.on_new,
            None,
            [ctx.session, self.chatbot, *self.view, self.files.download, *self.header.fields],
            api_name="new_draft",
        )
        self.files.wire_exports(self.view, self.header.fields)
        self.files.wire_saved_drafts(self.view, self.chatbot, self.header.fields)

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
                    choices=self.files.choices(token, request), value=new_session.draft_id
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
    def on_apply_fixes(self, session, token, request: gr.Request):
        owner = current_owner(token, request)
        fixed, notes = self.wb.apply_fixes(as_session(session), owner)
        gr.Info("已按审核建议修改：" + "；".join(notes))
        return fixed, *draft_view(fixed)

    def on_new(self):
        fresh = DraftSession()
        hidden = gr.File(None, visible=False)
        return fresh, greeting(), *draft_view(fresh), hidden, *header_values(fresh)

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


def greeting() -> list[dict]:
    """The chat as a new user first sees it."""
    return [{"role": "assistant", "content": GREETING}]
