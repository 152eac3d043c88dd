"""The data contract: every part of the assistant passes these pydantic models around.

JSON keys of TargetTable / Indicator / IndicatorValue are a public contract (the CLI prints them):
add fields freely, never rename.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# ---------------------------------------------------------------- taxonomy
# The names live in assistant/taxonomy.py (over assistant/data/*.yaml); re-exported here because
# every part reads them next to the models.
from assistant.taxonomy import (  # noqa: E402, F401
    BENEFIT,
    BENEFIT_L2,
    COST,
    COST_L2,
    ECO_BENEFIT,
    ECO_COST,
    ECONOMIC_BENEFIT,
    ECONOMIC_COST,
    LEVEL1_NAMES,
    LEVEL2_PARENTS,
    NEW_COST_L2,
    OUTPUT,
    PERCENT_UNITS,
    QUALITY,
    QUANTITY,
    REQUIRED_SLOTS,
    SATISFACTION,
    SATISFACTION_L2,
    SOCIAL_BENEFIT,
    SOCIAL_COST,
    SUSTAINABLE,
    TIMELINESS,
    normalize_level,
)

# ---------------------------------------------------------------- values

Operator = Literal["≥", "≤", "=", ">", "<"]
_OPERATOR_VARIANTS = {
    "≥": "≥",
    "≧": "≥",
    ">=": "≥",
    "＞＝": "≥",
    "＞=": "≥",
    "大于等于": "≥",
    "不低于": "≥",
    "不少于": "≥",
    "≤": "≤",
    "≦": "≤",
    "<=": "≤",
    "＜＝": "≤",
    "＜=": "≤",
    "小于等于": "≤",
    "不超过": "≤",
    "不高于": "≤",
    "＝": "=",
    "=": "=",
    "＞": ">",
    ">": ">",
    "＜": "<",
    "<": "<",
}
_OP_RE = "|".join(sorted(map(re.escape, _OPERATOR_VARIANTS), key=len, reverse=True))
_QUANT_RE = re.compile(rf"^(?P<op>{_OP_RE})?\s*(?P<num>[-+]?\d[\d,]*(?:\.\d+)?)\s*(?P<unit>.*)$")
# a date: '2026年6月底', and a month's day or end without the year ('12月底到位', '6月30日前')
_DATE_RE = re.compile(
    r"\d{4}\s*年(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*日)?"
    r"|\d{1,2}\s*月\s*(?:底|末|份|初|上旬|中旬|下旬|\d{1,2}\s*日)"
)


class Model(BaseModel):
    """Base for every schema model: unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class IndicatorValue(Model):
    """An 指标值 as written (`raw`) plus its parse."""

    raw: str = Field(description="The value exactly as written in the source, e.g. '≥192家次'.")
    operator: Operator | None = Field(None, description="Comparison sign, normalised to ≥ ≤ = > <.")
    number: float | None = Field(None, description="The number of a quantitative value.")
    unit: str = Field("", description="Unit after the number, '%' for all percent spellings.")
    kind: Literal["quantitative", "qualitative"] = Field(
        "qualitative", description="quantitative when the value is a (signed) number with a unit."
    )

    @classmethod
    def parse(cls, raw: str) -> IndicatorValue:
        """Parse a raw 指标值 string; never raises, unparseable text is qualitative."""
        text = (raw or "").strip()
        compact = re.sub(r"\s+", "", text)
        match = _QUANT_RE.match(compact)
        if not match or _DATE_RE.match(compact):
            return cls(raw=text, kind="qualitative")
        unit = match["unit"]
        if unit in PERCENT_UNITS:
            unit = "%"
        op = match["op"]
        return cls(
            raw=text,
            operator=_OPERATOR_VARIANTS[op] if op else None,
            number=float(match["num"].replace(",", "")),
            unit=unit,
            kind="quantitative",
        )

    def render(self) -> str:
        """A clean display form ('≥90%'); qualitative values print as written."""
        if self.kind == "qualitative" or self.number is None:
            return self.raw
        # Fixed-point, trailing zeros trimmed: %g would round 22614.51 to 22614.5.
        number = f"{self.number:.6f}".rstrip("0").rstrip(".")
        return f"{self.operator or ''}{number}{self.unit}"


# ---------------------------------------------------------------- tables


class SourceRef(Model):
    """Where something came from: a file and a place in it, or the rule that made it."""

    file: str = Field("", description="Source file name (relative to corpus/), empty for drafts.")
    title: str = Field("", description="The table title as printed in the source.")
    locator: str = Field("", description="Human-readable place, e.g. '表1' or '表1 第3行'.")
    table_id: str = Field(
        "", description="Id of the source TargetTable, when cited from the corpus."
    )
    row: int | None = Field(None, description="1-based indicator row in the source table.")
    rule: str = Field("", description="When made by a rule rather than copied: which rule and why.")
    origin: str = Field(
        "",
        description="Where the source file itself was read (its SOURCE line: a URL or document).",
    )


class Department(Model):
    code: str = Field("", description="Budget unit code, e.g. '326301'.")
    name: str = Field("", description="Department / unit name.")


class Budget(Model):
    """Money in 万元."""

    total: float | None = Field(None, description="预算数 in 万元.")
    fiscal: float | None = Field(None, description="其中财政资金 in 万元.")
    other: float | None = Field(None, description="其他资金 in 万元.")
    upper: float | None = Field(
        None, description="其中上级资金 (transfers from a higher government) in 万元, when printed."
    )


class Indicator(Model):
    level1: str = Field(description="一级指标, e.g. 产出指标.")
    level2: str = Field(description="二级指标, e.g. 数量指标.")
    name: str = Field(description="三级指标 name.")
    description: str = Field("", description="绩效指标描述 / 指标解释.")
    value: IndicatorValue = Field(description="指标值.")
    weight: float | None = Field(None, description="权重(%) / 分值, when the source prints one.")
    standard: str = Field("", description="绩效标准 / 指标标准或依据, when the source prints one.")
    level1_source: str = Field(
        "", description="一级 as printed when mapped to another name (预期产出指标 → 产出指标)."
    )
    long_term: str = Field(
        "", description="The 中期/实施期 block of a side-by-side form for this row, as text."
    )
    source: SourceRef | None = Field(
        None, description="Where this row came from (drafts: citation)."
    )

    @field_validator("level1", "level2", mode="before")
    @classmethod
    def _normalize_level(cls, v: str) -> str:
        return normalize_level(v)

    @field_validator("name", "description", mode="before")
    @classmethod
    def _strip(cls, v: str) -> str:
        return (v or "").strip()

    @field_validator("value", mode="before")
    @classmethod
    def _value_from_text(cls, v):
        return IndicatorValue.parse(v) if isinstance(v, str) else v


class Note(Model):
    """A remark on a draft or an imported table: a stable `code` that code matches on, the Chinese
    `text` for people."""

    model_config = ConfigDict(extra="forbid", frozen=True)  # hashable: notes are de-duplicated

    code: str = Field(
        description="Stable code, e.g. 'no-budget', 'R-PERCENT-OVER-100', 'llm-kept'."
    )
    text: str = Field(description="Chinese text shown to the user.")

    def __str__(self) -> str:
        return self.text


class TargetTable(Model):
    """One 项目支出绩效目标表."""

    id: str = Field("", description="Stable id: '<file stem>-<table no.>' for corpus tables.")
    name: str = Field(description="项目名称.")
    department: Department = Field(
        default_factory=Department, description="主管部门 (code + name)."
    )
    implementing_unit: str = Field("", description="实施单位, when printed separately.")
    year: int | None = Field(None, description="Budget year.")
    budget: Budget = Field(default_factory=Budget, description="预算数 in 万元.")
    purpose: str = Field("", description="资金用途 / 项目概述 text.")
    goals: list[str] = Field(default_factory=list, description="绩效目标 lines.")
    indicators: list[Indicator] = Field(
        default_factory=list, description="Indicator rows in order."
    )
    source: SourceRef = Field(default_factory=SourceRef, description="Where the table was read.")
    partial: bool = Field(
        False,
        description="The source copy is cut off: rows are real but incomplete; indexed for indicator "
        "search, left out of table-level evals.",
    )
    import_notes: list[Note] = Field(
        default_factory=list,
        description="What the importer converted or doubted (e.g. I-YUAN-IN-WAN), for import reports.",
    )

    @property
    def layout(self) -> Literal["old", "new"]:
        """'new' when 成本指标 is a 一级 (post-2021 layout)."""
        return "new" if any(i.level1 == COST for i in self.indicators) else "old"


# ---------------------------------------------------------------- review


class SuggestedFix(Model):
    """A change that clears a finding, shown beside it and applied only when the user asks.

    Each field left None stays as it is; `remove` drops the row instead.
    """

    note: str = Field(description="Chinese: what the fix does, e.g. '改为“2026年12月31日前”'.")
    name: str | None = Field(None, description="New 三级指标 name.")
    value: str | None = Field(None, description="New 指标值 as written.")
    description: str | None = Field(None, description="New 指标解释.")
    level1: str | None = Field(None, description="New 一级指标.")
    level2: str | None = Field(None, description="New 二级指标.")
    remove: bool = Field(False, description="Remove the row.")


class Finding(Model):
    """One review-rule result."""

    code: str = Field(description="Stable rule code, e.g. 'R-COST-OVER-BUDGET'.")
    severity: Literal["error", "warning"]
    message: str = Field(description="Chinese message for the user.")
    row: int | None = Field(
        None, description="1-based indicator row, None for table-level findings."
    )
    field: str = Field("", description="Which field is concerned, e.g. 'value', 'budget'.")
    fix: SuggestedFix | None = Field(
        None, description="A safe fix for this finding (row findings only), applied on request."
    )


Grade = Literal["优", "良", "中", "差"]


class DimensionGrade(Model):
    """One review dimension of the report card (完整性, 相关性, 全面性/适当性, 可行性, 可衡量性)."""

    dimension: str
    grade: Grade
    errors: int = 0
    warnings: int = 0
    findings: list[Finding] = Field(default_factory=list)


class ReportCard(Model):
    """Findings graded the way reviewers grade (郑州市绩效目标审核表: 优/良/中/差 per dimension)."""

    dimensions: list[DimensionGrade]
    overall: Grade = Field(description="综合评定.")
    points: float = Field(description="Average of the dimension points (优100 良80 中60 差40).")
    errors: int = 0
    warnings: int = 0
    to_check: int = Field(0, description="Warnings in the blocking dimensions (相关性, 可衡量性).")
    verdict: str = Field(
        description="One Chinese line: 审核通过 / 形式审核通过，N 处需要核对 / 不通过."
    )


# ---------------------------------------------------------------- retrieval


class SearchFilters(Model):
    department: str | None = Field(None, description="Department code or (part of) its name.")
    year_min: int | None = None
    year_max: int | None = None
    budget_min: float | None = Field(None, description="万元")
    budget_max: float | None = Field(None, description="万元")
    level1: str | None = None
    level2: str | None = None
    exclude_table_ids: list[str] = Field(
        default_factory=list, description="Tables to leave out (leave-one-out evals and tests)."
    )


class MatchScores(Model):
    """Why a hit matched: the score and rank from each retriever and the fused score."""

    fused: float = 0.0
    dense: float | None = Field(
        None, description="Cosine similarity, None if not in dense results."
    )
    dense_rank: int | None = None
    keyword: float | None = Field(None, description="BM25 score, None if not in keyword results.")
    keyword_rank: int | None = None
    matched_terms: list[str] = Field(default_factory=list, description="Query terms found by BM25.")


class ProjectHit(Model):
    table: TargetTable
    scores: MatchScores
    why: str = Field("", description="Chinese one-line explanation of the match.")
    snippet: str = Field("", description="The table's own text around the matched words.")


class IndicatorHit(Model):
    table_id: str
    table_name: str
    row: int = Field(description="1-based row in the source table.")
    indicator: Indicator
    year: int | None = None
    budget_total: float | None = None
    scores: MatchScores
    why: str = ""


# ---------------------------------------------------------------- drafting


class ProjectBrief(Model):
    """What a user told us about a new project."""

    text: str = Field("", description="The user's own words.")
    name: str = Field("", description="项目名称 (derived from the text when not given).")
    department: Department = Field(default_factory=Department)
    year: int | None = None
    budget: Budget = Field(default_factory=Budget, description="万元")
    purpose: str = ""
    work_items: list[str] = Field(default_factory=list, description="主要工作内容.")
    missing: list[str] = Field(default_factory=list, description="Fields that could not be found.")


def _notes(items):
    """Notes from saved drafts of before the codes were added (plain Chinese strings)."""
    return [{"code": "legacy", "text": i} if isinstance(i, str) else i for i in items or []]


class Draft(Model):
    """A drafted table with its citations, review findings and what was assumed."""

    brief: ProjectBrief
    table: TargetTable
    findings: list[Finding] = Field(default_factory=list)
    assumptions: list[Note] = Field(default_factory=list, description="What the drafter assumed.")
    notes: list[Note] = Field(default_factory=list, description="Repairs and drops.")
    based_on: list[str] = Field(default_factory=list, description="Ids of the past tables used.")
    drafter: str = Field("embedded", description="'embedded' or the LLM config string.")
    questions: list[Note] = Field(
        default_factory=list, description="What the chat should ask the user (code: the field)."
    )
    goals_by_user: bool = Field(
        False, description="True once the user wrote the 绩效目标: edits no longer rewrite it."
    )
    llm_outcome: Note | None = Field(
        None, description="What became of the LLM's turn (code llm-accepted / llm-kept)."
    )

    @field_validator("assumptions", "notes", "questions", mode="before")
    @classmethod
    def _coded(cls, v):
        return _notes(v)
