"""The app's own models: owners, saved drafts and versions, a tab's session, comparisons, value
spreads. (The data contract shared by every part is assistant/schema.py.)"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from assistant.schema import Draft, Finding, Indicator, Model, TargetTable


class Owner(Model):
    """Who owns saved drafts: a logged-in user or an anonymous browser."""

    id: str = Field(description="'user:<name>' or 'browser:<token>'; drafts are filtered by it.")
    name: str = Field(description="Shown as the author of saved versions.")


class DraftVersionInfo(Model):
    """One saved version of a draft."""

    draft_id: str
    version: int = Field(description="1-based version number within the draft.")
    author: str
    saved_at: str = Field(description="ISO 8601 time (UTC) of the save.")
    note: str = ""


class DraftSummary(Model):
    """A saved draft as listed to its owner."""

    draft_id: str
    owner: str
    title: str
    latest_version: int
    created_at: str
    updated_at: str


class DraftSession(Model):
    """What one browser tab works on: the current draft and where it is saved."""

    draft: Draft | None = None
    draft_id: str | None = Field(None, description="Id in the drafts store once saved.")
    version: int | None = None
    pending_text: str = Field("", description="Brief text waiting for missing fields.")
    unsaved: bool = Field(False, description="True after hand edits not yet saved.")
    undo: list[Draft] = Field(
        default_factory=list, description="Earlier drafts of this tab, newest last (for 撤销)."
    )


class HeaderForm(Model):
    """The header fields as edited in the page (blank text or None: left empty)."""

    name: str = Field("", description="项目名称.")
    department: str = Field("", description="主管部门.")
    unit: str = Field("", description="实施单位.")
    year: int | None = Field(None, description="预算年度.")
    total: float | None = Field(None, description="预算数 in 万元.")
    fiscal: float | None = Field(None, description="其中财政资金 in 万元.")
    other: float | None = Field(None, description="其他资金 in 万元.")
    goals: str = Field("", description="绩效目标, one line each.")


class ReviewedTable(Model):
    """A table with its review findings (import preview, compare sides)."""

    table: TargetTable
    findings: list[Finding] = Field(default_factory=list)


RowStatus = Literal["same", "changed", "added", "removed"]
PairRole = Literal["", "own", "cited", "unused"]


class RowPair(Model):
    """One line of a side-by-side comparison: aligned rows of the left and right table."""

    status: RowStatus
    left_row: int | None = Field(None, description="1-based row in the left table.")
    right_row: int | None = Field(None, description="1-based row in the right table.")
    left: Indicator | None = None
    right: Indicator | None = None
    similarity: float = Field(0.0, description="Name similarity 0-100 of the aligned rows.")
    changes: list[str] = Field(default_factory=list, description="Chinese notes on what differs.")
    role: PairRole = Field(
        "",
        description="Draft vs its source table: 'own' (the draft's own row), 'cited' (taken from "
        "this table) or 'unused' (a source row not taken); '' in other comparisons.",
    )


class FieldDiff(Model):
    """One header field (项目名称, 年度, 预算, 单位, 绩效目标) on both sides of a comparison."""

    label: str
    left: str = ""
    right: str = ""

    @property
    def same(self) -> bool:
        return self.left == self.right


class TableComparison(Model):
    """Two tables with their rows aligned and both review reports."""

    left: ReviewedTable
    right: ReviewedTable
    left_label: str = ""
    right_label: str = ""
    pairs: list[RowPair] = Field(default_factory=list)
    fields: list[FieldDiff] = Field(default_factory=list, description="Header fields diffed.")

    def count(self, status: RowStatus) -> int:
        return sum(1 for pair in self.pairs if pair.status == status)


class ValueSpread(Model):
    """Spread of matching rows' quantitative values for one unit + operator."""

    unit: str
    operator: str
    count: int
    minimum: float
    median: float
    maximum: float
    examples: list[str] = Field(default_factory=list, description="Table names, up to 3.")
