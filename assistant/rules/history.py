"""Rules that compare a table with past tables (given a ReviewContext; silent without one):
values set below what similar projects commit to, and 雷同 (a near copy of one past table)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from statistics import median

from rapidfuzz import fuzz

from assistant.schema import Indicator, SuggestedFix, TargetTable

from .direction import is_negative
from .facts import TableFacts, is_cost_row, label
from .registry import Hit, rule
from .words import review_words

FLOOR_OPERATORS = (None, "≥", ">", "=")
SPACES_RE = re.compile(r"\s+")


def _same_indicator(ind: Indicator, past: Indicator) -> bool:
    value, other = ind.value, past.value
    return (
        other.number is not None
        and other.unit == value.unit
        and other.operator in FLOOR_OPERATORS
        and fuzz.ratio(ind.name, past.name) >= review_words().history.name_similarity
    )


def history_values(ind: Indicator, past_tables) -> list[float]:
    """The values of the same indicator (similar name, same unit) in past tables."""
    return [
        past.value.number
        for table in past_tables
        for past in table.indicators
        if _same_indicator(ind, past)
    ]


def _comparable(ind: Indicator) -> bool:
    value = ind.value
    return (
        value.number is not None
        and bool(value.unit)
        and value.operator in FLOOR_OPERATORS
        and not is_negative(ind)
        and not is_cost_row(ind)
    )


@rule(
    "R-VALUE-BELOW-HISTORY",
    "warning",
    "review_basis.md #24 [READ 财预〔2021〕101号 一(一)3]: 参考历史与同类项目，从严从高",
    "指标值低于同类往年项目的中位数",
)
def value_below_history(facts: TableFacts) -> Iterator[Hit]:
    if facts.context is None:
        return
    past_tables = facts.context.past_tables(facts.table)
    for row, ind in facts.rows:
        if not _comparable(ind):
            continue
        values = history_values(ind, past_tables)
        if len(values) < review_words().history.min_count:
            continue
        middle = median(values)
        if ind.value.number < middle:
            suggested = f"{ind.value.operator or '≥'}{middle:g}{ind.value.unit}"
            yield Hit(
                row,
                f"{label(ind)}低于{len(values)}个同类往年指标的中位数{middle:g}{ind.value.unit}"
                "，目标可能定得偏低，请按从严从高的要求核对。",
                fix=SuggestedFix(note=f"指标值改为“{suggested}”（同类中位数）", value=suggested),
            )


def _key(text: str) -> str:
    return SPACES_RE.sub("", text)


def copied_rows(table: TargetTable, past: TargetTable) -> int:
    """Rows of `table` whose name and value match a row of `past`."""
    threshold = review_words().history.near_copy_name_similarity
    count = 0
    for ind in table.indicators:
        value = _key(ind.value.raw)
        if any(
            _key(p.value.raw) == value and fuzz.ratio(ind.name, p.name) >= threshold
            for p in past.indicators
        ):
            count += 1
    return count


@rule(
    "R-NEAR-COPY",
    "warning",
    "review_basis.md #14, #24 [READ 郑州市转移支付绩效目标审核表]: 雷同",
    "指标与一张往年表几乎相同（雷同）",
)
def near_copy(facts: TableFacts) -> Iterator[Hit]:
    rows = len(facts.rows)
    if facts.context is None or rows == 0:
        return
    scored = [(copied_rows(facts.table, p), p) for p in facts.context.past_tables(facts.table)]
    if not scored:
        return
    copied, past = max(scored, key=lambda pair: pair[0])
    share = copied / rows
    if share >= review_words().history.near_copy_share:
        yield Hit(
            None,
            f"有{copied}/{rows}行指标（{share:.0%}）的名称和指标值与往年表《{past.name}》"
            f"（{past.id}）相同，疑似照搬；请按本项目的内容和规模重新设定。",
            "indicators",
        )
