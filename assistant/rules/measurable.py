"""可衡量性 rules: values in words instead of a number, date, duration or graded scale.

101号 一(二)3: qualitative values only where quantification is truly impossible, and then as a
graded scale; 二(二)3: 时效 states a date, a duration or a frequency; 成本 is an amount.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from assistant.schema import SATISFACTION_L2, TIMELINESS, Indicator, SuggestedFix

from .facts import TableFacts, is_cost_row, label, wan
from .registry import Hit, rule
from .words import review_words


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern[str]:
    """A numeral: an Arabic digit, 零, or a Chinese numeral before a measure word (三年, 两次)."""
    numerals = review_words().measurable.chinese_numerals
    return re.compile(rf"[0-9０-９]|零|[{numerals}]+[个次年月日天周季人家户件项套台条份场批名小]")


def has_number(text: str) -> bool:
    return bool(_number_re().search(text))


def is_measurable(text: str) -> bool:
    """A number, date or duration; a graded scale; a deliverable; or no known vague word."""
    words = review_words().measurable
    text = text.strip()
    if not text or has_number(text) or text in words.graded_values:
        return True
    if any(word in text for word in words.deliverable_words):
        return True
    return not any(word in text for word in words.vague_words)


def is_satisfaction_row(ind: Indicator) -> bool:
    return ind.level2 == SATISFACTION_L2 and review_words().satisfaction.name_word in ind.name


@rule(
    "R-VALUE-UNMEASURABLE",
    "warning",
    "review_basis.md #16 [READ 财预〔2021〕101号 一(二)3; 评审实务“指标值不具量化易评性”]",
    "指标值只有文字（提高、有效、明显…），没有数字、日期、时长或评级",
)
def value_unmeasurable(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if ind.level2 == TIMELINESS or is_cost_row(ind):
            continue  # R-TIMELINESS-VAGUE / R-COST-QUALITATIVE say it for those slots
        if not is_measurable(ind.value.raw):
            yield Hit(
                row,
                f"{label(ind)}不具量化易评性，建议改为可衡量的数值（如“≥95%”“≥200家次”"
                "“较上年提高5%”）或分级评价（优/良/中/差）。",
            )


def _deadline_fix(facts: TableFacts, ind: Indicator) -> SuggestedFix | None:
    """Year-end deadline of the table's year; also renames a 及时性/及时率 name."""
    words = review_words().timeliness
    if facts.table.year is None:
        return None
    deadline = words.deadline_template.format(year=facts.table.year)
    rename = any(word in ind.name for word in ("及时", "完成率", "完成情况"))
    name = words.deadline_name if rename else None
    shown = f"名称改为“{name}”，" if name else ""
    return SuggestedFix(note=f"{shown}指标值改为“{deadline}”", name=name, value=deadline)


@rule(
    "R-TIMELINESS-VAGUE",
    "warning",
    "review_basis.md #17 [READ 财预〔2021〕101号 二(二)3; 评审实务“时效指标应明确完成时限”]",
    "时效指标写成“及时/按时”，没有日期、时长或频次",
)
def timeliness_vague(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        raw = ind.value.raw.strip()
        if ind.level2 == TIMELINESS and raw and not has_number(raw):
            yield Hit(
                row,
                f"{label(ind)}没有写明时限，无法考核；时效指标应写日期（如“12月31日前”）、"
                "时长（如“≤3个工作日”）或频次。",
                fix=_deadline_fix(facts, ind),
            )


@rule(
    "R-TIMELINESS-RATE",
    "warning",
    "review_basis.md #17 [READ 财预〔2021〕101号 二(二)3]: 时效写完成时限，比率放在质量或数量",
    "时效指标写成了比率（%）",
)
def timeliness_rate(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if ind.level2 == TIMELINESS and ind.value.unit == "%":
            yield Hit(
                row,
                f"{label(ind)}是比率，不是时限；时效指标应写完成日期或时长，"
                "比率请放到质量指标或改写为时限。",
                fix=_deadline_fix(facts, ind) if "及时" in ind.name else None,
            )


def _budget_cap_fix(facts: TableFacts, ind: Indicator) -> SuggestedFix | None:
    """`≤预算数` for the only cost row of an economic kind (more rows would double count)."""
    total = facts.budget_total
    economic = ind.level2 in review_words().cost.economic_level2
    if not economic or facts.money_costs or total is None or total <= 0:
        return None
    value = f"≤{wan(total)}"
    return SuggestedFix(note=f"指标值改为“{value}”（不超过预算数）", value=value)


@rule(
    "R-COST-QUALITATIVE",
    "warning",
    "review_basis.md #18 [READ 财预〔2021〕101号 二、三(三)4]: 成本按预算支出标准写金额",
    "成本指标写成“合理/可控”等文字，没有金额",
)
def cost_qualitative(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        raw = ind.value.raw.strip()
        if is_cost_row(ind) and raw and not has_number(raw):
            yield Hit(
                row,
                f"{label(ind)}是成本指标，应写金额上限或单位成本（如“≤预算数”“≤500元/人”），"
                "“合理”“可控”无法考核。",
                fix=_budget_cap_fix(facts, ind),
            )


@rule(
    "R-SATISFACTION-NO-SURVEY",
    "warning",
    "review_basis.md #15 [READ 财预〔2021〕101号 二(四)]: 设满意度指标须开展满意度调查",
    "满意度指标没有写明调查方式",
)
def satisfaction_no_survey(facts: TableFacts) -> Iterator[Hit]:
    words = review_words().satisfaction
    for row, ind in facts.rows:
        text = ind.name + ind.description
        if is_satisfaction_row(ind) and not any(word in text for word in words.survey_words):
            new = f"{ind.description}；{words.survey_description}" if ind.description else None
            new = new or words.survey_description
            yield Hit(
                row,
                f"{label(ind)}的指标解释没有写明满意度从哪来，请注明调查方式（如问卷调查、"
                "签字确认）和计算口径。",
                "description",
                SuggestedFix(note=f"指标解释改为“{new}”", description=new),
            )
