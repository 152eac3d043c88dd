"""对比 tab: any two tables side by side, or the current draft against the tables it cites."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.citations import cited_pairs, cited_table_ids
from assistant.compare import as_draft_vs_source, compare_tables
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
        """A compare side from its spec: current | draft:<id>[@v] | table:<id> | file:<path>[#n]."""
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
            return self._uploaded_table(ref)
        raise AssistantError("请为对比的两侧各选择一个表：已保存草稿、草稿版本、语料表或上传文件。")

    def upload_choices(self, path: Path) -> list[tuple[str, int]]:
        """The tables of an uploaded file as (label, 1-based number), to pick one to compare."""
        tables = self._parse_upload(Path(path))
        return [(f"第{n}张：{t.name}", n) for n, t in enumerate(tables, start=1)]

    def _uploaded_table(self, ref: str) -> tuple[TargetTable, str]:
        """'<path>' or '<path>#<n>': a file with several tables needs its table number."""
        path, _, number = ref.rpartition("#") if re.search(r"#\d+$", ref) else (ref, "", "")
        name, tables = Path(path).name, self._parse_upload(Path(path))
        if not number and len(tables) > 1:
            names = "；".join(label for label, _ in self.upload_choices(Path(path)))
            raise AssistantError(
                f"文件「{name}」中有{len(tables)}张表，请选择要对比的一张：{names}"
            )
        n = int(number or 1)
        if not 1 <= n <= len(tables):
            raise AssistantError(f"文件「{name}」中没有第{n}张表（共{len(tables)}张）。")
        return tables[n - 1], f"上传文件 {name} 第{n}张：{tables[n - 1].name}"

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
                compared = compare_tables(table, source, "当前草稿", label, pins)
                comparisons.append(self._with_reviews(as_draft_vs_source(compared, pins)))
        if not comparisons:
            raise AssistantError("当前草稿的行没有引用语料库中的表，无法与来源表对比。")
        return comparisons

    def _with_reviews(self, comparison: TableComparison) -> TableComparison:
        left, right = comparison.left.table, comparison.right.table
        return comparison.model_copy(
            update={"left": self.review(left), "right": self.review(right)}
        )
