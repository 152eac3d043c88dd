"""Rules on one 指标值: sign and unit, percentages, satisfaction, malformed and placeholder values."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.schema import SATISFACTION_L2, TIMELINESS, Indicator, IndicatorValue

from .facts import TableFacts, label
from .registry import Hit, rule

PLACEHOLDER_RE = re.compile(r"\*{2,}|＊{2,}|[Xx×]{2,}|待定|待填|某某")
# Excel day numbers of 2000-01-01 .. 2059-12-31: a date cell exported as a number ("44,561").
EXCEL_SERIAL_RANGE = range(36526, 58440)
# Longer "units" are text glued to the number (">1保障各项业务正常运行"); the longest real units
# seen are 5 chars ("个工作日内", "立方米/秒").
MAX_UNIT_CHARS = 5
UNIT_TEXT_RE = re.compile(r"[，,。；;：:、]")
SPELLED_PERCENT = "百分比"
# Rates of growth may legitimately exceed 100%.
GROWTH_NAME_RE = re.compile(r"增长|增幅|增速|同比|环比|提高|提升")
SATISFACTION_FLOOR = 85.0
# No real target reaches a trillion of anything; larger numbers (or 'inf') are typing accidents.
MAX_SANE_VALUE = 1e12


def _quantitative(ind: Indicator) -> bool:
    return ind.value.kind == "quantitative" and ind.value.number is not None


def is_date_serial(ind: Indicator) -> bool:
    """A unit-less 5-digit day number in a 时效 row, or written with a thousands comma."""
    value = ind.value
    if not _quantitative(ind) or value.unit or not float(value.number).is_integer():
        return False
    looks_like_date = ind.level2 == TIMELINESS or "," in value.raw or "，" in value.raw
    return int(value.number) in EXCEL_SERIAL_RANGE and looks_like_date


def has_glued_text(value: IndicatorValue) -> bool:
    """The 'unit' after the number is really a phrase."""
    return len(value.unit) > MAX_UNIT_CHARS or bool(UNIT_TEXT_RE.search(value.unit))


def unusable_value(ind: Indicator) -> bool:
    """A value the review rejects as an error (empty, a template mark, a number without a unit
    or with a phrase glued to it): another project's row like that is no row to borrow."""
    raw = ind.value.raw.strip()
    if not raw or PLACEHOLDER_RE.search(raw):
        return True
    if not _quantitative(ind):
        return False
    return has_glued_text(ind.value) or (not ind.value.unit and not is_date_serial(ind))


@rule(
    "R-VALUE-EMPTY",
    "error",
    "review_basis.md #4 [READ S4]: every 三级 needs a concrete 指标值",
    "指标值为空",
)
def value_empty(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if not ind.value.raw.strip():
            yield Hit(row, f"「{ind.name}」没有填写指标值。")


@rule(
    "R-VALUE-PLACEHOLDER",
    "error",
    "review_basis.md #13 [OBSERVED: '**' and 'XX' in templates]",
    "指标值是模板占位符（**、XX、待定）",
)
def value_placeholder(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if PLACEHOLDER_RE.search(ind.value.raw):
            yield Hit(row, f"{label(ind)}的指标值是模板占位符，请填写实际目标值。")


@rule(
    "R-VALUE-DATE-SERIAL",
    "error",
    "review_basis.md #13 [OBSERVED: 乌海 '44,561']",
    "指标值是Excel日期序号（如44,561）",
)
def value_date_serial(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if is_date_serial(ind):
            yield Hit(
                row,
                f"{label(ind)}像是Excel把日期存成的序号（{int(ind.value.number)}），"
                "请写成日期（如“2025年12月31日前”）或带单位的时限。",
            )


@rule(
    "R-VALUE-TEXT-GLUED",
    "error",
    "review_basis.md #5 [READ S2]: 定量值 = 符号 + 数字 + 单位",
    "数字后面粘连了文字，不是单位",
)
def value_text_glued(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if _quantitative(ind) and has_glued_text(ind.value):
            yield Hit(
                row,
                f"{label(ind)}的数字后面跟的是文字「{ind.value.unit}」而不是单位，"
                "请拆成带单位的目标值，说明文字放到指标描述里。",
            )


@rule(
    "R-VALUE-RANGE",
    "error",
    "review_basis.md #5 [sanity bound]: a 定量 指标值 is a finite number ≤ 10^12",
    "指标值的数字不是有限数或大得不合常理",
)
def value_range(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        number = ind.value.number
        if _quantitative(ind) and not abs(number) <= MAX_SANE_VALUE:  # also catches inf and nan
            yield Hit(row, f"{label(ind)}的数字大得不合常理（{ind.value.raw[:30]}），请核对。")


@rule(
    "R-VALUE-NO-UNIT",
    "error",
    "review_basis.md #5 [READ S2]: 定量三级指标须有单位; #13 [OBSERVED 湘潭 '10', '180']",
    "定量指标值没有单位",
)
def value_no_unit(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if _quantitative(ind) and not ind.value.unit and not is_date_serial(ind):
            yield Hit(
                row, f"{label(ind)}只有数字没有单位，无法考核，请补上单位（如%、次、天、万元）。"
            )


@rule(
    "R-VALUE-NO-SIGN",
    "warning",
    "review_basis.md #5 [READ S2]: 定量三级指标须有指标性质（=、≥、>、≤、<）",
    "定量指标值没有比较符号",
)
def value_no_sign(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        value = ind.value
        if (
            _quantitative(ind)
            and value.operator is None
            and value.unit
            and not has_glued_text(value)
        ):
            yield Hit(
                row,
                f"{label(ind)}没有比较符号，建议写明指标性质，如“={value.raw}”或“≥{value.raw}”。",
            )


@rule(
    "R-UNIT-SPELLED",
    "warning",
    "review_basis.md #13 [OBSERVED: OCR'd '=99百分比']",
    "单位写成了“百分比”",
)
def unit_spelled(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if SPELLED_PERCENT in ind.value.raw:
            yield Hit(row, f"{label(ind)}的单位写成了“百分比”，请改用“%”。")


@rule(
    "R-PERCENT-OVER-100",
    "error",
    "review_basis.md #10 [error above 100%]; rates of completion cannot exceed 100%",
    "百分比目标超过100%",
)
def percent_over_100(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        value = ind.value
        if value.unit != "%" or value.number is None or GROWTH_NAME_RE.search(ind.name):
            continue
        if value.number > 100 or (value.number == 100 and value.operator == ">"):
            yield Hit(
                row, f"{label(ind)}的目标超过100%，比率类指标最高为100%（可写“=100%”或“≥100%”）。"
            )


@rule(
    "R-SATISFACTION-LOW",
    "warning",
    "review_basis.md #10 [NOT VERIFIED floor; OBSERVED every real target ≥85%]",
    "满意度目标低于85%",
)
def satisfaction_low(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        value = ind.value
        if ind.level2 != SATISFACTION_L2 or value.unit != "%" or value.number is None:
            continue
        if value.operator in (None, "=", "≥", ">") and value.number < SATISFACTION_FLOOR:
            yield Hit(
                row,
                f"{label(ind)}的满意度目标低于{SATISFACTION_FLOOR:g}%，"
                "实际目标表中满意度一般不低于85%，多为≥90%。",
            )
