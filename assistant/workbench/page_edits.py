"""起草 tab, besides chat and grid: undo, the header form (edits like the chat's), the source row
of a draft row; and the undo stack every change of a tab's session keeps."""

from __future__ import annotations

from assistant.drafting.edit_model import Edit
from assistant.drafting.edits import apply_edit
from assistant.errors import AssistantError
from assistant.schema import Draft, SourceRef, TargetTable
from assistant.textclean import clean_text, within_limit
from assistant.workbench.common import require
from assistant.workbench.models import DraftSession, HeaderForm, Owner

UNDO_DEPTH = 20  # earlier drafts kept per browser tab for 撤销
_FORM_LABELS = {
    "name": "项目名称",
    "department": "主管部门",
    "unit": "实施单位",
    "goals": "绩效目标",
}


class DraftPageEdits:
    """Workbench actions of the draft page besides chat and grid: undo, header form, source row.
    (A mixin: it uses the Workbench's drafter, retriever and `_saved`.)"""

    def undo(self, session: DraftSession, owner: Owner) -> tuple[DraftSession, str]:
        """Back to the draft before the last change (chat, grid or header), saved as a version."""
        require(session)
        if not session.undo:
            return session, "没有可以撤销的修改。"
        *earlier, previous = session.undo
        saved = self._saved(session, previous, owner, "撤销上一步修改")
        reply = f"已撤销上一步修改（已保存为第{saved.version}版）。"
        return saved.model_copy(update={"undo": earlier}), reply

    def _form_text(self, form: HeaderForm, key: str) -> str:
        """A header field cleaned of control characters, within its size limit (goals: a chat
        message's, one line per goal; the others: a grid cell's)."""
        text = clean_text(getattr(form, key), multiline=key == "goals")
        setting = _limit_of(key)
        return within_limit(text, getattr(self.settings, setting), _FORM_LABELS[key], setting)

    def source_of_row(
        self, session: DraftSession, row: int
    ) -> tuple[SourceRef | None, TargetTable | None]:
        """A draft row's citation and the past table it cites (None for rule-made rows)."""
        indicators = require(session).table.indicators
        if not 1 <= row <= len(indicators):
            raise AssistantError(f"没有第{row}行：当前表共有{len(indicators)}行指标。")
        source = indicators[row - 1].source
        table = self.retriever.get_table(source.table_id) if source and source.table_id else None
        return source, table

    def edit_header(self, session: DraftSession, form: HeaderForm) -> tuple[DraftSession, str]:
        """Header fields and 绩效目标 edited in the page: each change applied like its chat
        command (same checks, same repair); unsaved until 保存, like grid edits."""
        draft = require(session)
        texts = {key: self._form_text(form, key) for key in _FORM_LABELS}
        form = form.model_copy(update=texts)
        replies = []
        for edit in header_edits(draft, form):
            draft, reply = apply_edit(self.drafter, draft, edit)
            replies.append(reply)
        if not replies:
            return session, "表头没有变化。"
        return hand_edited(session, draft), "\n".join(replies)


def _limit_of(key: str) -> str:
    return "max_chat_chars" if key == "goals" else "max_cell_chars"


def header_edits(draft: Draft, form: HeaderForm) -> list[Edit]:
    """The edits that turn the draft's header into the form's (only fields that changed)."""
    table, edits = draft.table, []
    current = {
        "name": table.name,
        "department": table.department.name,
        "unit": table.implementing_unit,
    }
    wanted = {"name": form.name, "department": form.department, "unit": form.unit}
    fields = {k: v.strip() for k, v in wanted.items() if v.strip() and v.strip() != current[k]}
    if fields:
        edits.append(Edit(kind="set_field", fields=fields))
    if form.year and form.year != table.year:
        edits.append(Edit(kind="set_year", year=form.year))
    money = (form.total, form.fiscal, form.other)
    if money != (table.budget.total, table.budget.fiscal, table.budget.other) and any(
        m is not None for m in money
    ):
        total = form.total if form.total is not None else (form.fiscal or 0) + (form.other or 0)
        edits.append(Edit(kind="set_budget", budget=total, fiscal=form.fiscal, other=form.other))
    if form.goals.strip() and form.goals.strip() != "\n".join(table.goals):
        edits.append(Edit(kind="set_goals", text=form.goals))
    return edits


def undo_after(session: DraftSession) -> list[Draft]:
    """The undo stack once the session's current draft is replaced."""
    if session.draft is None:
        return []
    return [*session.undo, session.draft][-UNDO_DEPTH:]


def hand_edited(session: DraftSession, draft: Draft) -> DraftSession:
    return session.model_copy(update={"draft": draft, "unsaved": True, "undo": undo_after(session)})
