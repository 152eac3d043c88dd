"""What the rules may know about past tables: a small interface the services layer supplies.

`rules/` never imports the index; the caller passes a `ReviewContext` (the app and CLI build one
over the indexed corpus). `TablesContext` serves it from a list of tables, for tests and evals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from assistant.schema import TargetTable


class ReviewContext(Protocol):
    """Past tables to compare a table with (the table itself is left out by its id)."""

    def past_tables(self, table: TargetTable) -> Sequence[TargetTable]: ...


class TablesContext:
    """A ReviewContext over a fixed list of tables (leave-one-out by id)."""

    def __init__(self, tables: Sequence[TargetTable]):
        self._tables = tuple(tables)

    def past_tables(self, table: TargetTable) -> Sequence[TargetTable]:
        return [t for t in self._tables if not table.id or t.id != table.id]


class TableSource(Protocol):
    def tables(self) -> Sequence[TargetTable]: ...


class LiveTables:
    """A ReviewContext over whatever `source.tables()` holds now (the index, after corpus updates)."""

    def __init__(self, source: TableSource):
        self._source = source

    def past_tables(self, table: TargetTable) -> Sequence[TargetTable]:
        return TablesContext(self._source.tables()).past_tables(table)
