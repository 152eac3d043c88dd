"""What the rules need to know about a table, computed once per review."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from assistant.schema import COST, Indicator, TargetTable
from assistant.taxonomy import COST_LEVEL2, VALUE_MONEY_UNITS, in_wan

from .context import ReviewContext
from .words import review_words

# Money differences below half a 元 in 万元 are rounding, not a defect.
MONEY_TOLERANCE = 0.005
# Names are quoted in every message; a 77-char name pasted whole would bury the message.
LABEL_NAME_CHARS = 24
DEFAULT_PROFILE = "national"
# Not a profile of its own: each table takes the profile of its unit's region (review_words.yaml).
AUTO_PROFILE = "auto"


def profile_for(profile: str, unit: str) -> str:
    """The profile a table of `unit` is reviewed by: `auto` is its region's (天津 → strict), else
    national; any other profile is itself."""
    if profile != AUTO_PROFILE:
        return profile
    regions = review_words().region_profiles
    return next((p for place, p in regions.items() if unit.startswith(place)), DEFAULT_PROFILE)


@dataclass(frozen=True)
class MoneyCost:
    """A cost row whose value is an amount of money, converted to 万元."""

    row: int
    indicator: Indicator
    amount: float


@dataclass(frozen=True)
class TableFacts:
    table: TargetTable
    rows: tuple[tuple[int, Indicator], ...]
    money_costs: tuple[MoneyCost, ...]
    profile: str = DEFAULT_PROFILE
    context: ReviewContext | None = None

    @classmethod
    def of(
        cls,
        table: TargetTable,
        profile: str = DEFAULT_PROFILE,
        context: ReviewContext | None = None,
    ) -> TableFacts:
        profile = profile_for(profile, table.department.name or table.name)
        if profile not in review_words().profiles:
            known = "、".join(review_words().profiles)
            raise ValueError(f"未知的审核口径 {profile!r}，可选：{known}")
        rows = tuple(enumerate(table.indicators, start=1))
        costs = tuple(
            MoneyCost(row, ind, in_wan(ind.value.number, ind.value.unit))
            for row, ind in rows
            if is_cost_row(ind) and money_amount_known(ind)
        )
        return cls(table, rows, costs, profile, context)

    @cached_property
    def project_text(self) -> str:
        return project_text(self.table)

    @cached_property
    def is_capital(self) -> bool:
        """工程基建、大型修缮或购置 (101号 asks these for 成本 and multi-year 效益)."""
        return is_capital_project(self.table)

    @cached_property
    def serves_public(self) -> bool:
        """Serves the public or people's direct interest (101号: then 满意度 is expected)."""
        # name and 资金用途 only: a drafter decides its slots before it writes the 年度目标
        kinds = review_words().project_types
        if any(word in self.table.name for word in kinds.not_public_words):
            return False  # '…技术服务合同尾款' settles a past contract
        return any(
            word in f"{self.table.name}\n{self.table.purpose}" for word in kinds.public_words
        )

    @property
    def budget_total(self) -> float | None:
        return self.table.budget.total


def project_text(table: TargetTable) -> str:
    """What a table says about its project: name, 资金用途, 年度目标."""
    return "\n".join([table.name, table.purpose, *table.goals])


def is_capital_project(table: TargetTable) -> bool:
    """The name or 资金用途 names works, repairs or purchases, and not a service or a rental."""
    words = review_words().project_types
    text = f"{table.name}\n{table.purpose}"
    if any(word in text for word in words.not_capital_words):
        return False
    if any(word in table.name for word in words.capital_words):
        return True
    # '农村饮水安全水质检测' tests the water of 供水工程: a service, whatever its 用途 mentions
    serves = any(word in table.name for word in words.service_names)
    return not serves and any(word in table.purpose for word in words.capital_words)


def is_cost_row(indicator: Indicator) -> bool:
    """A 成本 row in either layout (二级 成本指标 under 产出, or under 一级 成本指标)."""
    return indicator.level1 == COST or indicator.level2 in COST_LEVEL2


def money_amount_known(indicator: Indicator) -> bool:
    value = indicator.value
    return value.number is not None and value.unit in VALUE_MONEY_UNITS


def label(indicator: Indicator) -> str:
    """How a row is named in messages: its 三级 name (shortened) and its value as written."""
    name = indicator.name or "（未命名指标）"
    if len(name) > LABEL_NAME_CHARS:
        name = name[: LABEL_NAME_CHARS - 1] + "…"
    value = indicator.value.raw or "指标值为空"
    return f"「{name}」（{value}）"


def wan(amount: float) -> str:
    """An amount in 万元 for messages: up to 4 decimals (1 元), no trailing zeros."""
    return f"{amount:.4f}".rstrip("0").rstrip(".") + "万元"
