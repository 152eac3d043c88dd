"""Rules on what the table covers: advised slots, 满意度 for public services, multi-year 效益 of
capital projects, 年度目标 that state a result, and project totals filed as the year's target."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.schema import BENEFIT

from .facts import TableFacts, label
from .profiles import profile_label, slot_need
from .registry import Hit, rule
from .structure import SLOT_HINTS, missing_slots
from .words import review_words


@rule(
    "R-SLOT-ADVISED",
    "warning",
    "review_basis.md #15 [READ 财预〔2021〕101号 二]: 时效根据实际设置，成本逐步推广",
    "缺少建议设置的一类指标（时效，或非工程类项目的成本）",
)
def slot_advised(facts: TableFacts) -> Iterator[Hit]:
    for slot in missing_slots(facts):
        if slot_need(facts, slot) == "advised":
            yield Hit(
                None,
                f"没有「{slot}」类指标（{profile_label(facts.profile)}建议设置）："
                f"可补充一行{SLOT_HINTS[slot]}。",
                "level2",
            )


@rule(
    "R-SATISFACTION-MISSING",
    "warning",
    "review_basis.md #15 [READ 财预〔2021〕101号 二(四)]: 面向公众的项目设满意度",
    "面向公众的项目没有满意度指标",
)
def satisfaction_missing(facts: TableFacts) -> Iterator[Hit]:
    if "满意度" in missing_slots(facts) and slot_need(facts, "满意度") == "expected":
        yield Hit(
            None,
            "项目面向群众或服务对象，但没有满意度指标：请补充服务对象满意度（并注明调查方式）；"
            "若项目不直接服务公众，可不设。",
            "level2",
        )


def _states_horizon(facts: TableFacts) -> bool:
    words = review_words().long_term
    for _, ind in facts.rows:
        if ind.level1 != BENEFIT:
            continue
        text = ind.name + ind.value.raw + ind.description
        if any(w in text for w in words.words) or ind.value.unit in words.year_units:
            return True
    return False


@rule(
    "R-BENEFIT-NO-LONGTERM",
    "warning",
    "review_basis.md #21 [READ 财预〔2021〕101号 二(三)]: 工程/修缮/购置写明以后年度效益",
    "工程/修缮/购置项目没有写明以后年度效果的效益指标",
)
def benefit_no_longterm(facts: TableFacts) -> Iterator[Hit]:
    if facts.is_capital and not _states_horizon(facts):
        yield Hit(
            None,
            "这是工程、修缮或购置类项目，效益指标应写明当年及以后年度的效果，"
            "请补充如“设施使用年限 ≥20年”“设备使用寿命 ≥8年”的可持续影响指标。",
            "indicators",
        )


@rule(
    "R-GOAL-NO-RESULT",
    "warning",
    "review_basis.md #22 [READ 郑州市绩效目标审核表“明确清晰性”]",
    "年度目标只列工作，没有写要达到的效果",
)
def goal_no_result(facts: TableFacts) -> Iterator[Hit]:
    goals = "".join(facts.table.goals)
    words = review_words().relevance.result_words
    if goals.strip() and not any(word in goals for word in words):
        yield Hit(
            None,
            f"年度目标「{goals[:40]}」只写了要做的工作，没有写要达到的效果，"
            "请补充结果（如“使……提高到……”“保障……”）。",
            "goals",
        )


def _spans_years(text: str) -> bool:
    """The project runs over more than one year (2024至2027, 36个月, 服务期3年, 分年度), and rents
    nothing: a rental holds the same 77个机柜 every year."""
    words = review_words().multi_year
    if any(w in text for w in words.rental_words):
        return False
    years = {int(y) for y in re.findall(r"(?:19|20)\d{2}(?=\s*[年/.\-—至到])", text)}
    months = [int(m) for m in re.findall(r"(\d+)\s*个月", text)]
    spans = [int(n) for n in re.findall(r"(?:期|为期|周期)\D{0,2}(\d+)\s*年", text)]
    return (
        max(years, default=0) - min(years, default=0) >= 1
        or any(m > 12 for m in months)
        or any(n >= 2 for n in spans)
        or any(w in text for w in words.span_words)
    )


def _total_figures(text: str) -> set[str]:
    """Figures the project text states as a whole-project total ("道路全长约985米" → 985米)."""
    words = review_words().multi_year
    pattern = rf"(?:{'|'.join(map(re.escape, words.total_words))})\D{{0,{words.max_gap_chars}}}?"
    found = re.finditer(pattern + r"(\d+(?:\.\d+)?)\s*([^\d\s，,。；;、（）()]{1,3})", text)
    return {f"{float(m[1]):g}{m[2]}" for m in found}


@rule(
    "R-MULTIYEAR-AS-ANNUAL",
    "warning",
    "review_basis.md #23 [practice; GovBudgetChecker 分年度金额规则]",
    "指标值等于项目总规模（全长、总投资…），疑似把跨年总量当成本年度目标",
)
def multiyear_as_annual(facts: TableFacts) -> Iterator[Hit]:
    if not _spans_years(facts.project_text):
        return  # a one-year project's 共计120个小区 is the year's
    totals = _total_figures(facts.project_text)
    for row, ind in facts.rows:
        value = ind.value
        if value.number is None or not value.unit:
            continue
        figure = f"{value.number:g}{value.unit}"
        if any(total.startswith(figure) for total in totals):
            yield Hit(
                row,
                f"{label(ind)}与项目说明中的总规模（{figure}）相同；跨年度项目应只填本年度"
                "要完成的部分，请按年度分解。",
            )
