"""Rules on 三级指标 names: empty, duplicate, placeholder, embedded value, too long, truncated."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import lru_cache

from assistant.schema import Indicator

from .facts import TableFacts, label
from .registry import Hit, rule
from .values import PLACEHOLDER_RE

MAX_NAME_CHARS = 20
SIGN_IN_NAME_RE = re.compile(r"[≥≤＞＜<>%％]")
# A count or an amount inside the name; years (2025年) and durations (24小时) are left alone
# because they are legitimate parts of names.
AMOUNT_IN_NAME_RE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:万元|亿元|元|人次|人|名|家次|家|户次|户|个|件|套|台|条|份|项|吨|公里|平方米|米|亩)"
)
# "满意度（%）" states the unit of the name, not a value.
UNIT_NOTE_RE = re.compile(r"[（(]\s*[%％]\s*[）)]")
SENTENCE_PUNCTUATION_RE = re.compile(r"[，,。；;！？]")
# A name cut off mid-word is its own description minus a few characters ("…巡检任" / "…巡检任务数量").
MAX_TRUNCATED_TAIL = 4
WHITESPACE_RE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def dictionary_words() -> dict[str, int]:
    """jieba's word list, loaded on first need (~0.5 s) since only truncation candidates use it."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ


def embeds_value(ind: Indicator) -> bool:
    """The name carries a comparison sign, an amount, or the row's own value."""
    name, value = UNIT_NOTE_RE.sub("", ind.name), ind.value
    if SIGN_IN_NAME_RE.search(name) or AMOUNT_IN_NAME_RE.search(name):
        return True
    return value.number is not None and bool(value.unit) and f"{value.number:g}{value.unit}" in name


def looks_truncated(ind: Indicator) -> bool:
    """The name is its description cut inside a word (the cut splits a dictionary word)."""
    name, description = ind.name, ind.description
    tail = len(description) - len(name)
    if not name or not description.startswith(name) or not 1 <= tail <= MAX_TRUNCATED_TAIL:
        return False
    return dictionary_words().get(name[-1] + description[len(name)], 0) > 0


@rule("R-NAME-EMPTY", "error", "review_basis.md #4-#5 [READ S2, S4]", "三级指标名称为空")
def name_empty(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if not ind.name:
            yield Hit(
                row, f"第{row}行（{ind.value.raw or '指标值为空'}）没有三级指标名称。", "name"
            )


@rule(
    "R-NAME-DUPLICATE",
    "error",
    "review_basis.md #5 [READ S2]: each 三级 is a distinct 个性指标",
    "同一张表中三级指标名称重复",
)
def name_duplicate(facts: TableFacts) -> Iterator[Hit]:
    first_row: dict[str, int] = {}
    for row, ind in facts.rows:
        key = WHITESPACE_RE.sub("", ind.name)
        if key and key in first_row:
            yield Hit(
                row, f"{label(ind)}与第{first_row[key]}行的三级指标重名，请合并或改名。", "name"
            )
        first_row.setdefault(key, row)


@rule(
    "R-NAME-PLACEHOLDER",
    "error",
    "review_basis.md #13 [OBSERVED: '**' and 'XX' in templates]",
    "三级指标名称含模板占位符",
)
def name_placeholder(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if PLACEHOLDER_RE.search(ind.name):
            yield Hit(row, f"{label(ind)}的名称含模板占位符，请换成实际内容。", "name")


@rule(
    "R-NAME-EMBEDS-VALUE",
    "warning",
    "review_basis.md #13 [OBSERVED: '村组干部230人']",
    "三级指标名称里写了数值或比较符号",
)
def name_embeds_value(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if embeds_value(ind):
            yield Hit(
                row,
                f"{label(ind)}的名称里写了数值或符号，指标名称应只写考核什么，目标值写在指标值栏。",
                "name",
            )


@rule(
    "R-NAME-TOO-LONG",
    "warning",
    "review_basis.md #5 [READ S2]: 三级指标 is a name; 指标解释 carries the detail",
    "三级指标名称超过20个字",
)
def name_too_long(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if len(ind.name) > MAX_NAME_CHARS:
            yield Hit(
                row,
                f"{label(ind)}的名称有{len(ind.name)}个字，超过{MAX_NAME_CHARS}字，"
                "请精简为指标名称，说明放到指标描述里。",
                "name",
            )


@rule(
    "R-NAME-SENTENCE",
    "warning",
    "review_basis.md #5 [READ S2]: 三级指标 is a name; 指标解释 carries the detail",
    "三级指标名称是一句话（含逗号、句号等）",
)
def name_sentence(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if SENTENCE_PUNCTUATION_RE.search(ind.name):
            yield Hit(row, f"{label(ind)}的名称是一句话，请改为简短的指标名称。", "name")


@rule(
    "R-NAME-TRUNCATED",
    "warning",
    "review_basis.md #13 [OBSERVED: seed 003 '完成信息网设备和链路定时巡检任']",
    "三级指标名称疑似被截断",
)
def name_truncated(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if looks_truncated(ind):
            yield Hit(
                row,
                f"{label(ind)}的名称疑似被截断：指标描述为「{ind.description}」，"
                f"名称停在了词中间，请补全为「{ind.description}」或改写。",
                "name",
            )
