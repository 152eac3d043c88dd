"""检索 tab: similar projects, indicator rows with the spread of their values, one corpus table."""

from __future__ import annotations

from statistics import median

from assistant.errors import AssistantError
from assistant.schema import IndicatorHit, ProjectHit, SearchFilters
from assistant.textclean import clean_text, within_limit
from assistant.workbench.common import query_text
from assistant.workbench.models import ReviewedTable, ValueSpread
from assistant.workbench.search_answers import (
    asked_kind,
    explained_rows,
    relevant_projects,
    rows_of_kind,
)


class SearchServices:
    """The 检索 tab's actions (a part of `Workbench`: needs `retriever`)."""

    # ------------------------------------------------------------ search

    def search_projects(
        self, query: str, filters: SearchFilters | None = None, k: int = 10
    ) -> list[ProjectHit]:
        """Past projects that really match (no padding), with a snippet and the reason."""
        query = self._query(query)
        return relevant_projects(query, self.retriever.search_projects(query, filters, k=k))

    def search_indicators(
        self, query: str, filters: SearchFilters | None = None, k: int = 40
    ) -> tuple[list[IndicatorHit], list[ValueSpread]]:
        """Matching rows (only those of the kind asked about, when the question names one)
        and the spread of their values per operator + unit."""
        query = self._query(query)
        hits = self.retriever.search_indicators(query, filters, k=k)
        hits = explained_rows(query, rows_of_kind(asked_kind(query), hits) or hits)
        return hits, value_spreads(hits)

    def _query(self, query: str) -> str:
        """The query cleaned of control characters, within max_search_chars."""
        query = query_text(clean_text(query))
        return within_limit(query, self.settings.max_search_chars, "检索内容", "max_search_chars")

    def corpus_table(self, table_id: str) -> ReviewedTable:
        table = self.retriever.get_table(table_id)
        if table is None:
            raise AssistantError(f"语料库中没有表「{table_id}」。")
        return self.review(table)


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
