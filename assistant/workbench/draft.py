"""起草 tab: the drafting chat, grid edits, saved drafts and versions, export."""

from __future__ import annotations

import math
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from assistant.chat_replies import (
    ask_for_missing,
    draft_reply,
    offer_new_draft,
    refine_in_background,
    refined_reply,
)
from assistant.citations import HAND_EDIT_RULE
from assistant.drafting.brief import parse_brief
from assistant.drafting.chat_commands import is_confirm_new, is_undo, looks_like_brief
from assistant.drafting.edit_rules import CHAT_GUIDE, HELP_WORDS
from assistant.drafting.finalize import finalize
from assistant.drafts_store import DraftNotFound, DraftsStore
from assistant.errors import AssistantError
from assistant.exporters import export_table
from assistant.exporters.html_preview import preview_html
from assistant.rules import has_errors
from assistant.rules.card import report_card
from assistant.rules.fixes import apply_fixes
from assistant.schema import Draft, Indicator, SourceRef
from assistant.settings import Settings
from assistant.textclean import check_size, clean_text, within_limit
from assistant.workbench.common import require
from assistant.workbench.models import DraftSession, DraftSummary, DraftVersionInfo, Owner
from assistant.workbench.page_edits import hand_edited, undo_after

# A draft without these would be a guess; the chat asks for them first.
REQUIRED_BRIEF_FIELDS = ("项目名称", "预算")
PROCEED_WORDS = ("直接起草", "先起草", "按默认", "不知道", "不清楚")
EXPORT_SUFFIXES = (".xlsx", ".docx", ".html")
_UNSAFE_NAME_RE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class DraftingServices:
    """The 起草 tab's actions (a part of `Workbench`: needs `drafter` and `store`)."""

    drafter: object
    store: DraftsStore
    settings: Settings

    # ------------------------------------------------------------ drafting chat

    def chat(
        self, session: DraftSession, text: str, owner: Owner
    ) -> Iterator[tuple[DraftSession, str]]:
        """One chat turn; yields (session, reply) once, or twice when an LLM refines a new draft."""
        text = clean_text(text, multiline=True).strip()
        if not text:
            raise AssistantError("请输入内容：描述项目，或说明要修改的地方。")
        within_limit(text, self.settings.max_chat_chars, "这条消息", "max_chat_chars")
        if text in HELP_WORDS:
            yield session, CHAT_GUIDE
        elif session.draft is None and is_undo(text):
            yield (
                session,
                "还没有草稿，没有可以撤销的修改。先描述项目，例如「2026年燃气管道安全巡检，预算80万元」。",
            )
        elif session.draft is None:
            yield from self._start_draft(session, text, owner)
        else:
            yield from self._chat_on_draft(session, text, owner)

    def _chat_on_draft(self, session: DraftSession, text: str, owner: Owner):
        """A turn with a draft open: undo, a new brief (offer a new draft), or an edit."""
        if session.pending_text and is_confirm_new(text):
            if session.unsaved:  # hand edits are kept before the page switches drafts
                self.save(session, owner, "新建草稿前自动保存")
            yield from self._start_draft(DraftSession(), session.pending_text, owner)
            return
        session = session.model_copy(update={"pending_text": ""})
        if is_undo(text):
            yield self.undo(session, owner)
        elif looks_like_brief(text):
            offer = offer_new_draft(session.draft.table.name, session.version)
            yield session.model_copy(update={"pending_text": text}), offer
        else:
            draft, reply = self.drafter.chat_edit(session.draft, text)
            if draft == session.draft:
                yield session, reply  # nothing changed: no new version
            else:
                yield self._saved(session, draft, owner, f"对话修改：{text[:60]}"), reply

    def _start_draft(self, session: DraftSession, text: str, owner: Owner):
        proceed = any(word in text for word in PROCEED_WORDS)
        brief_text = f"{session.pending_text}\n{text}".strip()
        within_limit(brief_text, self.settings.max_brief_chars, "项目描述", "max_brief_chars")
        brief = parse_brief(brief_text)
        lacking = [f for f in brief.missing if f in REQUIRED_BRIEF_FIELDS]
        if lacking and not proceed:
            pending = session.model_copy(update={"pending_text": brief.text})
            yield pending, ask_for_missing(lacking)
            return
        refiner = self.drafter.refiner
        if refiner is None:
            draft = self.drafter.draft(brief)
            yield self._saved(DraftSession(), draft, owner, "初稿"), draft_reply(draft)
            return
        # With an LLM: show the embedded draft at once, then the refined one when it is ready.
        retrieved = self.drafter.retrieve(brief)
        draft = self.drafter.compose(brief, retrieved)
        session = self._saved(DraftSession(), draft, owner, "初稿")
        waiting = draft_reply(draft) + "\n正在请大模型润色草稿……"
        yield session, waiting
        refined = None
        for progress, result in refine_in_background(draft, retrieved, refiner):
            if result is None:
                yield session, f"{waiting}{progress}"
            refined = result
        refined = finalize(refined, profile=self.settings.review_profile)
        yield self._saved(session, refined, owner, "大模型润色"), refined_reply(refined)

    def _saved(self, session: DraftSession, draft: Draft, owner: Owner, note: str) -> DraftSession:
        """Every draft the chat produces is kept as a version, so nothing is lost on restart."""
        draft = draft.model_copy(update={"findings": self.review(draft.table).findings})
        info = self.store.save(owner, draft, session.draft_id, note)
        return DraftSession(
            draft=draft, draft_id=info.draft_id, version=info.version, undo=undo_after(session)
        )

    def edit_rows(self, session: DraftSession, rows: list[list[str]]) -> DraftSession:
        """Hand edits from the grid, finalized like every other change. A grid line is
        [一级, 二级, 三级, 描述, 指标值, 来源, 编号]: the 编号 (the row's 1-based row in the
        draft as shown) keeps its citation; a line without one is a hand-made row."""
        draft = require(session)
        old_rows = draft.table.indicators
        indicators = []
        for cells in self._grid_cells(rows):
            if not any(cells[:5]):
                continue  # an empty grid line is not a row
            level1, level2, name, description, value, _label, row_id = cells
            old = _row_by_id(old_rows, row_id)
            indicators.append(
                Indicator(
                    level1=level1,
                    level2=level2,
                    name=name,
                    description=description,
                    value=value,
                    source=old.source if old and old.source else SourceRef(rule=HAND_EDIT_RULE),
                )
            )
        table = draft.table.model_copy(update={"indicators": indicators})
        edited = finalize(
            draft.model_copy(update={"table": table, "notes": []}),
            fix_warnings=False,
            profile=self.settings.review_profile,
        )
        edited.notes = [*draft.notes, *edited.notes]
        edited.findings = self.review(edited.table).findings
        return hand_edited(session, edited)

    def apply_fixes(self, session: DraftSession, owner: Owner) -> tuple[DraftSession, list[str]]:
        """Apply every suggested fix of the draft's review (one click), saved as a new version."""
        draft = require(session)
        table, notes = apply_fixes(draft.table, draft.findings)
        if not notes:
            raise AssistantError("当前审核意见中没有可以自动应用的修改建议。")
        if has_errors(self.review(table).findings) and not has_errors(draft.findings):
            raise AssistantError("应用这些建议会产生新的错误，已取消；请按审核意见手工修改。")
        fixed = draft.model_copy(update={"table": table, "notes": [*draft.notes, *notes]})
        saved = self._saved(session, fixed, owner, f"按审核建议修改 {len(notes)} 处")
        return saved, [note.text for note in notes]

    def _grid_cells(self, rows: list[list[str]]) -> list[list[str]]:
        """The grid's rows as seven clean one-line cells each, within the row and cell caps."""
        limits = self.settings
        check_size(len(rows or []), limits.max_grid_rows, "表格行", "max_grid_rows", "行")
        cleaned = []
        for cells in rows or []:
            cells = [clean_text(c).strip() for c in [*cells, *[""] * 7]][:7]
            for cell in cells:
                within_limit(cell, limits.max_cell_chars, "单元格内容", "max_cell_chars")
            cleaned.append(cells)
        return cleaned

    # ------------------------------------------------------------ saved drafts

    def save(
        self, session: DraftSession, owner: Owner, note: str = ""
    ) -> tuple[DraftSession, DraftVersionInfo]:
        """Save the current draft as a new version; unchanged since the last save: no new version
        (the latest version's info comes back)."""
        note = within_limit(
            clean_text(note).strip(), self.settings.max_cell_chars, "保存说明", "max_cell_chars"
        )
        draft = require(session)
        if session.draft_id and self.store.load(owner, session.draft_id) == draft:
            latest = self.store.list_versions(owner, session.draft_id)[-1]
            return session.model_copy(update={"version": latest.version, "unsaved": False}), latest
        info = self.store.save(owner, draft, session.draft_id, note or "保存")
        return session.model_copy(
            update={"draft_id": info.draft_id, "version": info.version, "unsaved": False}
        ), info

    def open_draft(
        self, owner: Owner, draft_id: str, version: int | float | None = None
    ) -> DraftSession:
        """Load a saved draft (owner checked by the store); any version number that names no
        saved version (0, 1.5, 1e30, inf) is answered like a missing one."""
        if version is not None and not (math.isfinite(version) and float(version).is_integer()):
            raise DraftNotFound(draft_id, version)
        version = int(version) if version is not None else None
        draft = self.store.load(owner, draft_id, version)
        latest = self.store.list_versions(owner, draft_id)[-1].version
        return DraftSession(draft=draft, draft_id=draft_id, version=version or latest)

    def drafts(self, owner: Owner, query: str = "") -> list[DraftSummary]:
        """The owner's drafts, newest first; with a query only those whose name contains it."""
        words = (query or "").split()
        return [s for s in self.store.list_drafts(owner) if all(w in s.title for w in words)]

    def versions(self, owner: Owner, draft_id: str) -> list[DraftVersionInfo]:
        return self.store.list_versions(owner, draft_id)

    def export(self, session: DraftSession, suffix: str) -> Path:
        """Write the current draft to a fresh temp folder as .xlsx, .docx or .html (the print
        preview), in the filing form's layout, with the review on its own sheet or page."""
        if suffix not in EXPORT_SUFFIXES:
            raise AssistantError(f"不支持导出为「{suffix}」，可选 .xlsx、.docx 或 .html。")
        table = require(session).table
        name = _UNSAFE_NAME_RE.sub("_", clean_text(table.name)).strip(" ._")[:60] or "绩效目标表"
        path = Path(tempfile.mkdtemp(prefix="jxmb-export-")) / f"{name}{suffix}"
        export_table(table, path, report_card(self.review(table).findings))
        return path

    def preview(self, session: DraftSession) -> tuple[str, Path]:
        """The print preview: the draft's A4 sheets as HTML for the page, and the same as an
        .html file that prints from a browser."""
        path = self.export(session, ".html")
        table = require(session).table
        return preview_html([table], [report_card(self.review(table).findings)]), path


def _row_by_id(rows: list[Indicator], row_id: str) -> Indicator | None:
    """The draft row a grid line's 编号 names, None for a new line (or a bad id)."""
    if not row_id.isdigit() or not 0 < int(row_id) <= len(rows):
        return None
    return rows[int(row_id) - 1]
