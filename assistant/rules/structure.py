"""Rules on the shape of a table: the 一级/二级 taxonomy, the layout, required slots, row count."""

from __future__ import annotations

from collections.abc import Iterator

from assistant.schema import COST, COST_L2, LEVEL1_NAMES, LEVEL2_PARENTS, OUTPUT, REQUIRED_SLOTS

from .facts import TableFacts
from .profiles import slot_need
from .registry import Hit, rule

MIN_ROWS = 3
SLOT_HINTS = {
    "数量": "二级指标为数量指标",
    "质量": "二级指标为质量指标",
    "时效": "二级指标为时效指标",
    "成本": "产出指标下的成本指标，或一级成本指标下的经济/社会/生态环境成本指标",
    "效益": "经济效益、社会效益、生态效益或可持续影响指标",
    "满意度": "二级指标为服务对象满意度指标",
}


@rule(
    "R-LEVEL1-UNKNOWN",
    "error",
    "review_basis.md #2 [READ S2, S4; S3 for 成本指标 as 一级]",
    "一级指标不在产出/成本/效益/满意度指标之中",
)
def level1_unknown(facts: TableFacts) -> Iterator[Hit]:
    allowed = "、".join(LEVEL1_NAMES)
    for row, ind in facts.rows:
        if ind.level1 not in LEVEL1_NAMES:
            shown = ind.level1 or "（空）"
            yield Hit(
                row, f"「{ind.name}」的一级指标「{shown}」不规范，应为{allowed}之一。", "level1"
            )


@rule(
    "R-LEVEL2-UNKNOWN",
    "error",
    "review_basis.md #3 [READ S2, S3]",
    "二级指标不在规定的二级指标之中",
)
def level2_unknown(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        if ind.level2 not in LEVEL2_PARENTS:
            shown = ind.level2 or "（空）"
            yield Hit(
                row,
                f"「{ind.name}」的二级指标「{shown}」不规范，应为数量、质量、时效、成本、"
                "经济效益、社会效益、生态效益、可持续影响、服务对象满意度等指标。",
                "level2",
            )


@rule(
    "R-LEVEL2-PARENT",
    "error",
    "review_basis.md #3 [READ S2, S3]: parent/child consistency",
    "二级指标挂在了错误的一级指标下",
)
def level2_wrong_parent(facts: TableFacts) -> Iterator[Hit]:
    for row, ind in facts.rows:
        parents = LEVEL2_PARENTS.get(ind.level2)
        if parents and ind.level1 in LEVEL1_NAMES and ind.level1 not in parents:
            yield Hit(
                row,
                f"「{ind.name}」的二级指标「{ind.level2}」应属于一级「{'或'.join(parents)}」，"
                f"不能放在「{ind.level1}」下。",
                "level2",
            )


@rule(
    "R-LAYOUT-MIXED",
    "error",
    "review_basis.md #2-#3 [READ S3]: 成本指标 is either 二级 under 产出 (old) or 一级 (new)",
    "同一张表混用了新旧两种成本指标体例",
)
def layout_mixed(facts: TableFacts) -> Iterator[Hit]:
    old = [row for row, ind in facts.rows if ind.level1 == OUTPUT and ind.level2 == COST_L2]
    new = [row for row, ind in facts.rows if ind.level1 == COST]
    if old and new:
        yield Hit(
            None,
            f"成本指标体例混用：第{_rows(old)}行把成本指标作为产出指标下的二级指标（旧体例），"
            f"第{_rows(new)}行把成本指标作为一级指标（新体例）。同一张表只能用一种。",
            "level1",
        )


@rule(
    "R-SLOT-MISSING",
    "error",
    "review_basis.md #3, #4, #12, #15 [READ 财预〔2021〕101号 二 via the 2025 compilation]: 数量、质量、效益必设，工程/修缮/购置须设成本；strict 口径六类必填",
    "缺少审核口径要求的一类指标（数量/质量/时效/成本/效益/满意度）",
)
def slot_missing(facts: TableFacts) -> Iterator[Hit]:
    for slot in missing_slots(facts):
        if slot_need(facts, slot) == "required":
            why = (
                "（工程、修缮、购置类项目须设成本指标）"
                if slot == "成本" and facts.is_capital
                else ""
            )
            yield Hit(
                None, f"缺少「{slot}」类指标{why}：至少需要一行{SLOT_HINTS[slot]}。", "level2"
            )


def missing_slots(facts: TableFacts) -> list[str]:
    present = {ind.level2 for _, ind in facts.rows}
    return [slot for slot, names in REQUIRED_SLOTS.items() if present.isdisjoint(names)]


@rule(
    "R-ROWS-TOO-FEW",
    "error",
    "review_basis.md #4 [READ S5 fragment: 指标总数不得少于3个]",
    "三级指标少于3个",
)
def rows_too_few(facts: TableFacts) -> Iterator[Hit]:
    if len(facts.rows) < MIN_ROWS:
        yield Hit(
            None,
            f"只有{len(facts.rows)}个三级指标，绩效指标总数不得少于{MIN_ROWS}个。",
            "indicators",
        )


def _rows(rows: list[int]) -> str:
    return "、".join(str(r) for r in rows)
