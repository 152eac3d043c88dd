"""对比 tab: any two tables side by side, or the current draft against the tables it cites."""

from __future__ import annotations

from pathlib import Path

from assistant.citations import cited_pairs, cited_table_ids
from assistant.compare import compare_tables
from assistant.drafts_store import DraftNotFound
from assistant.errors import AssistantError
from assistant.schema import TargetTable
from assistant.workbench.common import require
from assistant.workbench.models import DraftSession, Owner, TableComparison


class CompareServices:
    """The 对比 tab's actions (a part of `Workbench`: needs `store`, `retriever`, the search
    tab's `corpus_table` and the import tab's `_parse_upload`)."""

    # ------------------------------------------------------------ compare

    def resolve(self, spec: str, owner: Owner, session: DraftSession) -> tuple[TargetTable, str]:
        """A compare side from its spec: current | draft:<id>[@v] | table:<id> | file:<path>."""
        kind, _, ref = (spec or "").partition(":")
        if kind == "current":
            draft = require(session)
            return draft.table, f"当前草稿：{draft.table.name}"
        if kind == "draft":
            draft_id, _, version = ref.partition("@")
            if version and not version.isdigit():
                raise DraftNotFound(draft_id, version)
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
        return self._with_reviews(compare_tables(left, right, left_label, right_label))

    def compare_with_sources(self, session: DraftSession) -> list[TableComparison]:
        """The current draft against each past table its rows cite, most cited first."""
        table = require(session).table
        comparisons = []
        for table_id in cited_table_ids(table):
            source = self.retriever.get_table(table_id)
            if source is not None:
                pins = cited_pairs(table, table_id)
                label = f"来源表 {source.name}（{table_id}）"
                comparisons.append(
                    self._with_reviews(compare_tables(table, source, "当前草稿", label, pins))
                )
        if not comparisons:
            raise AssistantError("当前草稿的行没有引用语料库中的表，无法与来源表对比。")
        return comparisons

    def _with_reviews(self, comparison: TableComparison) -> TableComparison:
        left, right = comparison.left.table, comparison.right.table
        return comparison.model_copy(
            update={"left": self.review(left), "right": self.review(right)}
        )
