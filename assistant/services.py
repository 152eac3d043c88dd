"""The app's handlers as plain functions on a `Workbench`: no gradio here, so tests call them directly.

The web UI (webui/) turns these results into components; everything a user does in the browser
goes through one of these methods and gets pydantic models back.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from statistics import median

from assistant.chat_replies import ask_for_missing, draft_reply, refine_in_background, refined_reply
from assistant.citations import HAND_EDIT_RULE, cited_pairs, cited_table_ids
from assistant.compare import compare_tables
from assistant.drafting.brief import parse_brief
from assistant.drafting.finalize import finalize
from assistant.drafts_store import DraftsStore
from assistant.errors import AssistantError
from assistant.exporters import export_table
from assistant.importers import parse
from assistant.rules import review
from assistant.schema import (
    Draft,
    DraftSession,
    DraftSummary,
    DraftVersionInfo,
    Indicator,
    IndicatorHit,
    Owner,
    ProjectHit,
    ReviewedTable,
    SearchFilters,
    SourceRef,
    TableComparison,
    TargetTable,
    ValueSpread,
)
from assistant.settings import Settings

# A draft without these would be a guess; the chat asks for them first.
REQUIRED_BRIEF_FIELDS = ("项目名称", "预算")
PROCEED_WORDS = ("直接起草", "先起草", "按默认", "不知道", "不清楚")
EXPORT_SUFFIXES = (".xlsx", ".docx")
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
_UNSAFE_NAME_RE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

CorpusAdder = Callable[[Path], list[TargetTable]]


class NoDraft(AssistantError):
    def __init__(self):
        super().__init__(
            "还没有草稿：请先在左侧对话框描述项目，例如「2026年燃气管道安全巡检，预算80万元」。"
        )


def owner_from(username: str | None, browser_token: str | None) -> Owner:
    """The logged-in user, else the browser's private token; neither is an error."""
    if username:
        return Owner(id=f"user:{username}", name=username)
    if browser_token and TOKEN_RE.match(browser_token):
        return Owner(id=f"browser:{browser_token}", name=f"访客-{browser_token[:6]}")
    raise AssistantError("无法识别当前浏览器（本地存储不可用）：请刷新页面或启用浏览器存储后重试。")


def reviewed(table: TargetTable) -> ReviewedTable:
    return ReviewedTable(table=table, findings=review(table))


class Workbench:
    """Everything the app does, on concrete objects built once at start-up (see app.py)."""

    def __init__(
        self,
        settings: Settings,
        retriever,
        drafter,
        store: DraftsStore,
        add_to_corpus: CorpusAdder | None = None,
    ):
        self.settings, self.retriever, self.drafter = settings, retriever, drafter
        self.store, self.add_to_corpus = store, add_to_corpus

    # ------------------------------------------------------------ drafting chat

    def chat(
        self, session: DraftSession, text: str, owner: Owner
    ) -> Iterator[tuple[DraftSession, str]]:
        """One chat turn; yields (session, reply) once, or twice when an LLM refines a new draft."""
        text = (text or "").strip()
        if not text:
            raise AssistantError("请输入内容：描述项目，或说明要修改的地方。")
        if session.draft is None:
            yield from self._start_draft(session, text, owner)
        else:
            draft, reply = self.drafter.chat_edit(session.draft, text)
            if draft == session.draft:
                yield session, reply  # nothing changed: no new version
            else:
                yield self._saved(session, draft, owner, f"对话修改：{text[:60]}"), reply

    def _start_draft(self, session: DraftSession, text: str, owner: Owner):
        proceed = any(word in text for word in PROCEED_WORDS)
        brief = parse_brief(f"{session.pending_text}\n{text}".strip())
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
        refined = finalize(refined)
        yield self._saved(session, refined, owner, "大模型润色"), refined_reply(refined)

    def _saved(self, session: DraftSession, draft: Draft, owner: Owner, note: str) -> DraftSession:
        """Every draft the chat produces is kept as a version, so nothing is lost on restart."""
        info = self.store.save(owner, draft, session.draft_id, note)
        return DraftSession(draft=draft, draft_id=info.draft_id, version=info.version)

    def edit_rows(self, session: DraftSession, rows: list[list[str]]) -> DraftSession:
        """Hand edits from the grid, finalized like every other change. A grid line is
        [一级, 二级, 三级, 描述, 指标值, 来源, 编号]: the 编号 (the row's 1-based row in the
        draft as shown) keeps its citation; a line without one is a hand-made row."""
        draft = _require(session)
        old_rows = draft.table.indicators
        indicators = []
        for cells in rows:
            cells = [str(c if c is not None else "").strip() for c in [*cells, *[""] * 7]][:7]
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
            draft.model_copy(update={"table": table, "notes": []}), fix_warnings=False
        )
        edited.notes = [*draft.notes, *edited.notes]
        return session.model_copy(update={"draft": edited, "unsaved": True})

    # ------------------------------------------------------------ saved drafts

    def save(
        self, session: DraftSession, owner: Owner, note: str = ""
    ) -> tuple[DraftSession, DraftVersionInfo]:
        """Save the current draft as a new version."""
        info = self.store.save(owner, _require(session), session.draft_id, note.strip() or "保存")
        return session.model_copy(
            update={"draft_id": info.draft_id, "version": info.version, "unsaved": False}
        ), info

    def open_draft(self, owner: Owner, draft_id: str, version: int | None = None) -> DraftSession:
        """Load a saved draft (owner checked by the store)."""
        draft = self.store.load(owner, draft_id, version)
        latest = self.store.list_versions(owner, draft_id)[-1].version
        return DraftSession(draft=draft, draft_id=draft_id, version=version or latest)

    def drafts(self, owner: Owner) -> list[DraftSummary]:
        return self.store.list_drafts(owner)

    def versions(self, owner: Owner, draft_id: str) -> list[DraftVersionInfo]:
        return self.store.list_versions(owner, draft_id)

    def export(self, session: DraftSession, suffix: str) -> Path:
        """Write the current draft to a fresh temp folder as .xlsx or .docx."""
        if suffix not in EXPORT_SUFFIXES:
            raise AssistantError(f"不支持导出为「{suffix}」，可选 .xlsx 或 .docx。")
        table = _require(session).table
        name = _UNSAFE_NAME_RE.sub("_", table.name).strip(" ._")[:60] or "绩效目标表"
        path = Path(tempfile.mkdtemp(prefix="jxmb-export-")) / f"{name}{suffix}"
        export_table(table, path)
        return path

    # ------------------------------------------------------------ search

    def search_projects(
        self, query: str, filters: SearchFilters | None = None, k: int = 10
    ) -> list[ProjectHit]:
        return self.retriever.search_projects(_query(query), filters, k=k)

    def search_indicators(
        self, query: str, filters: SearchFilters | None = None, k: int = 20
    ) -> tuple[list[IndicatorHit], list[ValueSpread]]:
        """Matching rows and the spread of their values per operator + unit."""
        hits = self.retriever.search_indicators(_query(query), filters, k=k)
        return hits, value_spreads(hits)

    def corpus_table(self, table_id: str) -> ReviewedTable:
        table = self.retriever.get_table(table_id)
        if table is None:
            raise AssistantError(f"语料库中没有表「{table_id}」。")
        return reviewed(table)

    # ------------------------------------------------------------ compare

    def resolve(self, spec: str, owner: Owner, session: DraftSession) -> tuple[TargetTable, str]:
        """A compare side from its spec: current | draft:<id>[@v] | table:<id> | file:<path>."""
        kind, _, ref = (spec or "").partition(":")
        if kind == "current":
            draft = _require(session)
            return draft.table, f"当前草稿：{draft.table.name}"
        if kind == "draft":
            draft_id, _, version = ref.partition("@")
            draft = self.store.load(owner, draft_id, int(version) if version else None)
            return draft.table, f"草稿 {draft.table.name}" + (
                f"（第{version}版）" if version else ""
            )
        if kind == "table":
            table = self.corpus_table(ref).table
            return table, f"语料表 {table.name}（{table.id}）"
        if kind == "file":
            table = self._parse_upload(Path(ref))[0]
            return table, f"上传文件 {Path(ref).name}：{table.name}"
        raise AssistantError("请为对比的两侧各选择一个表：已保存草稿、草稿版本、语料表或上传文件。")

    def compare(
        self, left_spec: str, right_spec: str, owner: Owner, session: DraftSession
    ) -> TableComparison:
        """Any two tables side by side, rows aligned, both reviewed."""
        left, left_label = self.resolve(left_spec, owner, session)
        right, right_label = self.resolve(right_spec, owner, session)
        return _with_reviews(compare_tables(left, right, left_label, right_label))

    def compare_with_sources(self, session: DraftSession) -> list[TableComparison]:
        """The current draft against each past table its rows cite, most cited first."""
        table = _require(session).table
        comparisons = []
        for table_id in cited_table_ids(table):
            source = self.retriever.get_table(table_id)
            if source is not None:
                pins = cited_pairs(table, table_id)
                label = f"来源表 {source.name}（{table_id}）"
                comparisons.append(
                    _with_reviews(compare_tables(table, source, "当前草稿", label, pins))
                )
        if not comparisons:
            raise AssistantError("当前草稿的行没有引用语料库中的表，无法与来源表对比。")
        return comparisons

    # ------------------------------------------------------------ import

    def preview_import(self, path: Path) -> list[ReviewedTable]:
        """Parse an uploaded file and review each table; nothing is stored."""
        return [reviewed(table) for table in self._parse_upload(Path(path))]

    def _parse_upload(self, path: Path) -> list[TargetTable]:
        """Parse an upload within the configured size and decompressed-size limits."""
        limits = self.settings
        return parse(path, limits.max_upload_mb, max_decompressed_mb=limits.max_decompressed_mb)

    def import_to_corpus(self, path: Path) -> list[TargetTable]:
        """Add an uploaded file to the corpus and the index."""
        if self.add_to_corpus is None:
            raise AssistantError("本实例未开启加入语料库功能。")
        return self.add_to_corpus(Path(path))


def value_spreads(hits: list[IndicatorHit]) -> list[ValueSpread]:
    """Min / median / max of the quantitative values, grouped by operator and unit."""
    groups: dict[tuple[str, str], list[IndicatorHit]] = {}
    for hit in hits:
        value = hit.indicator.value
        if value.kind == "quantitative" and value.number is not None:
            groups.setdefault((value.operator or "", value.unit), []).append(hit)
    spreads = []
    for (operator, unit), members in groups.items():
        numbers = [h.indicator.value.number for h in members]
        names = list(dict.fromkeys(h.table_name for h in members))[:3]
        spreads.append(
            ValueSpread(
                unit=unit,
                operator=operator,
                count=len(numbers),
                minimum=min(numbers),
                median=median(numbers),
                maximum=max(numbers),
                examples=names,
            )
        )
    return sorted(spreads, key=lambda s: -s.count)


def _require(session: DraftSession) -> Draft:
    if session.draft is None:
        raise NoDraft()
    return session.draft


def _query(query: str) -> str:
    query = (query or "").strip()
    if not query:
        raise AssistantError("请输入检索内容，例如「燃气 安全检查」或「满意度指标通常定多少？」。")
    return query


def _row_by_id(rows: list[Indicator], row_id: str) -> Indicator | None:
    """The draft row a grid line's 编号 names, None for a new line (or a bad id)."""
    if not row_id.isdigit() or not 0 < int(row_id) <= len(rows):
        return None
    return rows[int(row_id) - 1]


def _with_reviews(comparison: TableComparison) -> TableComparison:
    return comparison.model_copy(
        update={"left": reviewed(comparison.left.table), "right": reviewed(comparison.right.table)}
    )
