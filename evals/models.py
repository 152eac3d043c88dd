"""The evals' own models: cases read from YAML and the results the evaluators return.

They live here, not in assistant/schema.py, because nothing in the product reads them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from assistant.schema import Indicator, Model

# ---------------------------------------------------------------- cases


class BriefCase(Model):
    """A project brief in a user's words; `derived_from` names the corpus table it was modelled on."""

    id: str
    text: str
    kind: str = ""
    derived_from: str | None = None
    budget_wan: float | None = Field(None, description="Budget the brief states, 万元.")


class RetrievalCase(Model):
    """A query and every table id that is a right answer to it."""

    query: str
    expected: list[str] = Field(min_length=1)
    kind: Literal["paraphrase", "keyword", "category"] = "paraphrase"


class TemplateRow(Model):
    """One row of the generic-template baseline; `value` may hold `{budget}`."""

    level1: str
    level2: str
    name: str
    description: str = ""
    value: str


class NamePair(Model):
    """Two 三级 names and whether a reader would call them the same indicator."""

    a: str
    b: str
    same: bool


# ---------------------------------------------------------------- results


class MatcherCheck(Model):
    """How well the name similarity + threshold separates the labelled name pairs."""

    pairs: int
    precision: float = Field(description="Of the pairs it matches, share labelled same.")
    recall: float = Field(description="Of the pairs labelled same, share it matches.")
    wrong: list[str] = Field(
        default_factory=list, description="'a / b (score)' of misjudged pairs."
    )


class ValidityResult(Model):
    """The checks one drafted table must pass."""

    case_id: str
    drafter: str
    schema_valid: bool = False
    review_errors: int = 0
    review_warnings: int = 0
    categories_complete: bool = False
    missing_slots: list[str] = Field(default_factory=list)
    costs_within_budget: bool = False
    all_rows_cited: bool = False
    budget_read: bool | None = Field(
        None,
        description="Draft budget = the brief's stated budget (brief parsing; not in `valid`).",
    )
    rows: int = 0
    seconds: float = 0.0
    problem: str = Field("", description="Why drafting failed outright, if it did.")

    @property
    def valid(self) -> bool:
        return (
            self.schema_valid
            and self.review_errors == 0
            and self.categories_complete
            and self.costs_within_budget
            and self.all_rows_cited
        )


class RowMatch(Model):
    """A draft row paired with a real row of the same slot."""

    slot: str
    draft_row: int = Field(description="1-based row in the draft.")
    real_row: int = Field(description="1-based row in the real table.")
    draft: Indicator
    real: Indicator
    similarity: float
    value_agrees: bool


class SlotFidelity(Model):
    """Rows of one slot in a draft and in the real table, and how many of them matched."""

    slot: str
    draft: int = 0
    real: int = 0
    matched: int = 0


class FidelityScores(Model):
    """How close one drafted table is to the real one."""

    table_id: str
    drafter: str
    draft_rows: int = 0
    real_rows: int = 0
    matched: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    level2_coverage: float = Field(0.0, description="Share of the real table's 二级 the draft has.")
    level2_matched: list[str] = Field(default_factory=list, description="二级 in both tables.")
    level2_missing: list[str] = Field(default_factory=list, description="二级 only the real has.")
    value_agreement: float | None = Field(
        None, description="Share of matched rows whose values agree."
    )
    cost_sum: float | None = Field(None, description="Money costs of the draft, 万元.")
    cost_within_budget: bool | None = None
    cost_close_to_budget: bool | None = None
    based_on: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    problem: str = Field("", description="Drafting failed, or the draft cited the left-out table.")
    matches: list[RowMatch] = Field(default_factory=list)
    slots: list[SlotFidelity] = Field(
        default_factory=list, description="Draft, real and matched rows per slot."
    )


class RowCeiling(Model):
    """One real row and its most similar row of the same slot in any other corpus table."""

    row: int = Field(description="1-based row in the real table.")
    slot: str
    name: str
    best: float | None = Field(None, description="Similarity of the best partner; None: no row.")
    partner: str = Field("", description="'table id: 三级 name' of the best partner.")
    matchable: bool = Field(description="best ≥ the matcher threshold.")


class TableCeiling(Model):
    """Which rows of a scored table a drafter copying other tables' rows could match at all."""

    table_id: str
    rows: list[RowCeiling] = Field(default_factory=list)


class RankedQuery(Model):
    """One retrieval case run in one mode."""

    query: str
    kind: str
    mode: str
    expected: list[str]
    ranked: list[str]
    recall_at_1: float
    recall_at_5: float
    reciprocal_rank: float


# ---------------------------------------------------------------- brief facts


class ExpectedFacts(Model):
    """What of a brief must reach its draft (looked for in row names and values only)."""

    unit: str | None = Field(None, description="Unit that must be the header's 主管部门.")
    figures: list[str] = Field(default_factory=list, description="Numbers with unit, as written.")
    activities: list[str] = Field(default_factory=list, description="A word naming each activity.")
    periods: list[str] = Field(default_factory=list, description="Period text of a 时效 value.")
    costs: list[str] = Field(default_factory=list, description="'name:amount' of 成本 rows (万元).")


class FactsCase(Model):
    """A brief as staff type it, its project type, and the facts a draft must keep."""

    id: str
    kind: str
    text: str
    derived_from: str | None = None
    expected: ExpectedFacts


class FactsResult(Model):
    """How much of one brief one drafter kept, and how many rows are off topic."""

    case_id: str
    kind: str
    drafter: str
    found: int = 0
    wanted: int = 0
    missed: list[str] = Field(default_factory=list)
    unit_ok: bool | None = None
    rows: int = 0
    off_topic: list[str] = Field(default_factory=list, description="Names of off-topic rows.")
    seconds: float = 0.0
    problem: str = ""

    @property
    def recall(self) -> float | None:
        return self.found / self.wanted if self.wanted else None


class EvalRun(Model):
    """Everything one `python -m evals` run measured, plus what it ran on."""

    started_at: str
    seconds: float = 0.0
    embedder: str
    llm: str
    corpus_tables: int
    drafters: list[str] = Field(description="Drafters and baselines, in report column order.")
    validity: list[ValidityResult] = Field(default_factory=list)
    fidelity: list[FidelityScores] = Field(default_factory=list)
    retrieval: list[RankedQuery] = Field(default_factory=list)
    matcher: MatcherCheck | None = None
    facts: list[FactsResult] = Field(
        default_factory=list, description="Brief-facts recall and off-topic rows per case."
    )
    facts_heldout: list[FactsResult] = Field(
        default_factory=list,
        description="The same on the held-out briefs (facts_heldout.yaml), when the file exists.",
    )
    ceiling: list[TableCeiling] = Field(
        default_factory=list, description="Matchable rows of every scored table."
    )
    notes: list[str] = Field(
        default_factory=list, description="Chinese or English remarks for the report."
    )
