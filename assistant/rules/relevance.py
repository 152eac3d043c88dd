"""相关性 rules: rows in the wrong slot, routine management items, names that do not fit their
slot or value, and rows that share nothing with the project."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.schema import (
    BENEFIT,
    OUTPUT,
    QUALITY,
    QUANTITY,
    SATISFACTION,
    SATISFACTION_L2,
    Indicator,
    SuggestedFix,
    TargetTable,
)

from .facts import TableFacts, label, project_text
from .names import dictionary_words
from .registry import Hit, rule
from .words import review_words

CJK_RE = re.compile(r"[\u4e00-\u9fff]+")


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def _others_in_level1(facts: TableFacts, row: int, level1: str) -> bool:
    """Another row keeps the 一级 filled when this one moves or goes."""
    return any(r != row and ind.level1 == level1 for r, ind in facts.rows)


def _move(facts: TableFacts, row: int, ind: Indicator, level1: str, level2: str):
    if not _others_in_level1(facts, row, ind.level1):
        return None
    return SuggestedFix(note=f"移到「{level1}—{level2}」", level1=level1, level2=level2)


def mixed_slot(ind: Indicator) -> str | None:
    """The slot a misfiled row belongs to: 质量/数量 under 效益, or 效益 under 质量."""
    words = review_words().relevance
    if ind.level1 == BENEFIT and _has(ind.name, words.quality_names):
        return QUALITY
    if ind.level1 == BENEFIT and _has(ind.name, words.output_verbs):
        if _has(ind.name, words.output_counts) or ind.value.unit in words.output_counts:
            return QUANTITY
    if ind.level2 == QUALITY and _has(ind.name, words.benefit_names):
        return BENEFIT
    return None


@rule(
    "R-QUALITY-BENEFIT-MIXED",
    "warning",
    "review_basis.md #19 [READ 财预〔2021〕101号 指标定义]: 合格率、故障率是质量，治愈率、通行能力是效益",
    "产出（质量、数量）与效益放混了",
)
def quality_benefit_mixed(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        slot = mixed_slot(ind)
        if slot == BENEFIT:
            yield Hit(
                row,
                f"{label(ind)}反映的是项目效果，应放在效益指标下，而不是质量指标。",
                "level2",
            )
        elif slot:
            what = "产出质量" if slot == QUALITY else "产出数量（做了多少）"
            yield Hit(
                row,
                f"{label(ind)}反映的是{what}，应放在产出指标的{slot}下；效益指标写项目带来的效果。",
                "level2",
                _move(facts, row, ind, OUTPUT, slot),
            )


def is_routine(ind: Indicator) -> bool:
    """A routine management requirement (制度健全性, 按计划实施), not an output or effect."""
    return _has(ind.name, review_words().relevance.routine_names)


@rule(
    "R-ROUTINE-INDICATOR",
    "warning",
    "review_basis.md #20 [READ 财预〔2021〕101号 一(二)1]: 不设常规性的项目管理要求",
    "常规管理要求（制度健全、按计划实施…）被设为绩效指标",
)
def routine_indicator(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if is_routine(ind):
            fix = None
            if _others_in_level1(facts, row, ind.level1):
                fix = SuggestedFix(note="删除这一行", remove=True)
            yield Hit(
                row,
                f"{label(ind)}是常规管理要求，不是项目的产出或效果，请删除或改为反映项目效果的指标。",
                "name",
                fix,
            )


def slot_mismatch(ind: Indicator) -> str | None:
    """Why the name does not fit its slot or its value, None when it fits."""
    words = review_words().relevance
    satisfaction = review_words().satisfaction.name_word in ind.name
    if satisfaction and ind.level1 != SATISFACTION:
        return f"名称是满意度，却放在「{ind.level2 or ind.level1}」下"
    if ind.level2 == SATISFACTION_L2 and not satisfaction:
        return "放在满意度指标下，但名称不是满意度"
    if ind.name.endswith(words.rate_name_endings) and ind.value.unit in words.count_units:
        return f"名称是比率，指标值却是{ind.value.unit}"
    return None


@rule(
    "R-NAME-SLOT-MISMATCH",
    "warning",
    "review_basis.md #19 [READ 财预〔2021〕101号 三(一)]: 名称、解释与指标值相互对应",
    "指标名称与所在类别或指标值不相符（满意度放在效益下、比率配金额…）",
)
def name_slot_mismatch(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        why = slot_mismatch(ind)
        if why is None:
            continue
        fix = None
        if review_words().satisfaction.name_word in ind.name and ind.level1 != SATISFACTION:
            fix = _move(facts, row, ind, SATISFACTION, SATISFACTION_L2)
        yield Hit(row, f"{label(ind)}{why}，请调整类别、名称或指标值使三者一致。", "name", fix)


def domain_terms(name: str) -> set[str]:
    """Words of a name that name a field of work (燃气, 违建, 道路): not generic, and not among
    the commonest words of the language (jieba's dictionary counts)."""
    import jieba

    words = review_words().relevance
    counts = dictionary_words()
    return {
        w
        for w in jieba.lcut(name)
        if len(w) >= 2
        and CJK_RE.fullmatch(w)
        and w not in words.generic_words
        and counts.get(w, 0) < words.max_word_count
    }


def _characteristic(term: str, past: TargetTable) -> bool:
    """The term is that project's own: in its name, 资金用途 or 目标, and in its indicators."""
    return term in project_text(past) and any(term in ind.name for ind in past.indicators)


def foreign_term(facts: TableFacts, row: int, ind: Indicator) -> tuple[str, TargetTable] | None:
    """A term of the row this project never uses, characteristic of another past project."""
    others = "".join(o.name + o.description for r, o in facts.rows if r != row)
    text = facts.project_text + facts.table.department.name + others
    absent = sorted(t for t in domain_terms(ind.name) if t not in text)
    for past in facts.context.past_tables(facts.table) if absent else ():
        for term in absent:
            if _characteristic(term, past):
                return term, past
    return None


@rule(
    "R-ROW-UNRELATED",
    "warning",
    "review_basis.md #20 [READ 财预〔2021〕101号 一(二)1]: 不设与项目无关联的指标",
    "指标与本项目没有共同内容，却是其他往年项目的用语（如农田表里的“道路建设长度”）",
)
def row_unrelated(facts: TableFacts) -> Iterator[Hit]:
    if facts.context is None:
        return
    for row, ind in facts.rows:
        if ind.level2 != QUANTITY and ind.level1 != BENEFIT:
            continue  # quality, time, cost and satisfaction names are generic by nature
        found = foreign_term(facts, row, ind)
        if found:
            term, past = found
            yield Hit(
                row,
                f"{label(ind)}与本项目的名称、目标和其他指标没有共同内容，「{term}」是其他项目"
                f"（如《{past.name[:30]}》）的用语，请确认它属于本项目。",
                "name",
            )
