"""What the evaluators run: anything with `name` and `draft(brief, exclude) -> Draft`.

`ProductDrafter` runs the real drafter (embedded, or with an LLM) on an index that hides the
excluded tables, which is what leave-one-out needs.
"""

from __future__ import annotations

from typing import Protocol

from assistant.drafting import Drafter, Refiner
from assistant.drafting.library import hiding
from assistant.rules import AUTO_PROFILE
from assistant.schema import Draft, ProjectBrief, SearchFilters, TargetTable


class TableDrafter(Protocol):
    """A drafter under evaluation."""

    name: str

    def draft(self, brief: ProjectBrief, exclude: list[str]) -> Draft: ...


class ExcludingRetriever:
    """The index as the drafter sees it, minus some tables.

    Adding the ids to SearchFilters.exclude_table_ids is equivalent to rebuilding the index
    without those tables (both retrievers drop them before ranking), and takes no rebuild.
    """

    def __init__(self, index, excluded: list[str]):
        self._index, self.excluded = index, list(excluded)

    def _filters(self, filters: SearchFilters | None) -> SearchFilters:
        filters = filters or SearchFilters()
        ids = list(dict.fromkeys([*filters.exclude_table_ids, *self.excluded]))
        return filters.model_copy(update={"exclude_table_ids": ids})

    def search_projects(self, query: str, filters: SearchFilters | None = None, k: int = 10, **kw):
        return self._index.search_projects(query, filters=self._filters(filters), k=k, **kw)

    def search_indicators(
        self, query: str, filters: SearchFilters | None = None, k: int = 10, **kw
    ):
        return self._index.search_indicators(query, filters=self._filters(filters), k=k, **kw)

    def get_table(self, table_id: str) -> TargetTable | None:
        return None if table_id in self.excluded else self._index.get_table(table_id)

    def tables(self) -> list[TargetTable]:
        return [t for t in self._index.tables() if t.id not in self.excluded]

    def __getattr__(self, name: str):
        # Anything else the Retriever protocol grows is passed through unchanged.
        return getattr(self._index, name)


class ProductDrafter:
    """assistant.drafting.engine.Drafter behind the TableDrafter interface."""

    def __init__(
        self,
        index,
        refiner: Refiner | None = None,
        name: str = "embedded",
        profile: str = AUTO_PROFILE,
    ):
        self.index, self.refiner, self.name, self.profile = index, refiner, name, profile

    def draft(self, brief: ProjectBrief, exclude: list[str]) -> Draft:
        retriever = ExcludingRetriever(self.index, exclude)
        with hiding(exclude):  # nor may the indicator library mined from them
            return Drafter(retriever, refiner=self.refiner, profile=self.profile).draft(brief)
