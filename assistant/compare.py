"""Side-by-side comparison of two target tables: rows aligned, differences named.

Rows are aligned only within the same slot (二级指标; all cost 二级 form one slot so that the
old and the post-2021 layout line up), by 三级 name similarity. Within a slot the best overall
pairing is a linear assignment problem, which `linear_sum_assignment` solves exactly; pairs
below a similarity floor are left unpaired and show as 删除 + 新增 instead of a forced match.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from assistant import taxonomy
from assistant.schema import Indicator, TargetTable
from assistant.workbench.models import FieldDiff, ReviewedTable, RowPair, TableComparison

MIN_SIMILARITY = 40.0
_COST_SLOT = "成本"
_STATUS_LABELS = {"same": "相同", "added": "新增", "removed": "删除"}
_ROLE_LABELS = {"own": "新增", "cited": "来自本表", "unused": "未采用"}


def align_group(indicator: Indicator) -> str:
    """The alignment group of a row: its 二级, with every cost 二级 merged into one."""
    if taxonomy.slot_of(indicator) == _COST_SLOT:
        return _COST_SLOT
    return indicator.level2 or indicator.level1


def name_similarity(a: str, b: str) -> float:
    """0-100 edit similarity; a name contained in the other counts as 90 ('满意度' ~ '群众满意度')."""
    if not a or not b:
        return 0.0
    contained = a in b or b in a
    return max(fuzz.ratio(a, b), 90.0 if contained else 0.0)


def row_changes(left: Indicator, right: Indicator) -> list[str]:
    """Chinese notes on what differs between two aligned rows (empty when equal)."""
    changes = []
    if left.name != right.name:
        changes.append(f"三级指标：{left.name} → {right.name}")
    if left.value.render() != right.value.render():
        changes.append(f"指标值：{left.value.raw} → {right.value.raw}")
    if left.description != right.description:
        changes.append("指标描述不同")
    if left.level2 != right.level2:
        changes.append(f"二级指标：{left.level2} → {right.level2}")
    return changes


def pair_label(pair: RowPair) -> str:
    """Chinese label of a comparison line: 相同 / 新增 / 删除 / 值变化 / 名称变化; against the
    draft's source table: 来自本表 (已改写) / 新增 / 未采用."""
    if pair.role:
        rewritten = pair.role == "cited" and pair.status == "changed"
        return _ROLE_LABELS[pair.role] + ("（已改写）" if rewritten else "")
    if pair.status != "changed":
        return _STATUS_LABELS[pair.status]
    return "值变化" if any(n.startswith("指标值") for n in pair.changes) else "名称变化"


def _pair(left: TargetTable, right: TargetTable, i: int, j: int, score: float) -> RowPair:
    a, b = left.indicators[i], right.indicators[j]
    changes = row_changes(a, b)
    # A reworded description alone is noted but does not make the row a change.
    changed = any(not note.startswith("指标描述") for note in changes)
    return RowPair(
        status="changed" if changed else "same",
        left_row=i + 1,
        right_row=j + 1,
        left=a,
        right=b,
        similarity=round(score, 1),
        changes=changes,
    )


def _assign(left_names: list[str], right_names: list[str]) -> list[tuple[int, int, float]]:
    """Best one-to-one pairing of two name lists, keeping pairs above the floor."""
    if not left_names or not right_names:
        return []
    scores = np.array([[name_similarity(a, b) for b in right_names] for a in left_names])
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [
        (r, c, float(scores[r, c]))
        for r, c in zip(rows, cols, strict=True)
        if scores[r, c] >= MIN_SIMILARITY
    ]


def _slot_order(left: TargetTable, right: TargetTable) -> list[str]:
    seen: dict[str, None] = {}
    for indicator in [*left.indicators, *right.indicators]:
        seen.setdefault(align_group(indicator), None)
    return list(seen)


def align_rows(
    left: TargetTable, right: TargetTable, pinned: Iterable[tuple[int, int]] = ()
) -> list[RowPair]:
    """Aligned row pairs in slot order; `pinned` (1-based left, right) pairs are kept as given."""
    pinned_pairs = [
        (i - 1, j - 1)
        for i, j in pinned
        if 0 < i <= len(left.indicators) and 0 < j <= len(right.indicators)
    ]
    used_left = {i for i, _ in pinned_pairs}
    used_right = {j for _, j in pinned_pairs}
    pairs: list[RowPair] = []
    for slot in _slot_order(left, right):
        lefts = [i for i, x in enumerate(left.indicators) if align_group(x) == slot]
        rights = [j for j, x in enumerate(right.indicators) if align_group(x) == slot]
        matched = [
            (i, j, name_similarity(left.indicators[i].name, right.indicators[j].name))
            for i, j in pinned_pairs
            if i in lefts
        ]
        free_left = [i for i in lefts if i not in used_left]
        free_right = [j for j in rights if j not in used_right]
        assigned = _assign(
            [left.indicators[i].name for i in free_left],
            [right.indicators[j].name for j in free_right],
        )
        matched += [(free_left[a], free_right[b], s) for a, b, s in assigned]
        pairs += _slot_pairs(left, right, lefts, rights, matched)
    return pairs


def _slot_pairs(left, right, lefts, rights, matched) -> list[RowPair]:
    """One slot's lines: left rows in order (paired or removed), then right-only rows."""
    by_left = {i: (j, s) for i, j, s in matched}
    paired_right = {j for _, j, _ in matched}
    lines = []
    for i in lefts:
        if i in by_left:
            j, score = by_left[i]
            lines.append(_pair(left, right, i, j, score))
        else:
            lines.append(RowPair(status="removed", left_row=i + 1, left=left.indicators[i]))
    for j in rights:
        if j not in paired_right:
            lines.append(RowPair(status="added", right_row=j + 1, right=right.indicators[j]))
    return lines


def compare_tables(
    left: TargetTable,
    right: TargetTable,
    left_label: str = "",
    right_label: str = "",
    pinned: Iterable[tuple[int, int]] = (),
) -> TableComparison:
    """Compare two tables (review findings are filled in by the caller)."""
    return TableComparison(
        left=ReviewedTable(table=left),
        right=ReviewedTable(table=right),
        left_label=left_label or left.name,
        right_label=right_label or right.name,
        pairs=align_rows(left, right, pinned),
        fields=header_diff(left, right),
    )


def header_diff(left: TargetTable, right: TargetTable) -> list[FieldDiff]:
    """The header fields of both tables side by side, in the filing form's order."""

    def money(value: float | None) -> str:
        return "" if value is None else f"{value:g}万元"

    def texts(table: TargetTable) -> list[str]:
        budget = table.budget
        return [
            table.name,
            table.department.name,
            table.implementing_unit,
            str(table.year or ""),
            money(budget.total),
            money(budget.fiscal),
            money(budget.other),
            "\n".join(table.goals),
        ]

    labels = [
        "项目名称",
        "主管部门",
        "实施单位",
        "年度",
        "预算数",
        "财政资金",
        "其他资金",
        "绩效目标",
    ]
    return [
        FieldDiff(label=label, left=a, right=b)
        for label, a, b in zip(labels, texts(left), texts(right), strict=True)
    ]


def as_draft_vs_source(
    comparison: TableComparison, cited: Iterable[tuple[int, int]]
) -> TableComparison:
    """Label the lines of a draft (left) compared with a table it cites (right): rows taken from
    it are 来自本表, the draft's other rows 新增 (not 删除), source rows not taken 未采用."""
    cited_left = {i for i, _ in cited}
    pairs = []
    for pair in comparison.pairs:
        if pair.left_row is None:
            pairs.append(pair.model_copy(update={"role": "unused"}))
        elif pair.left_row in cited_left:
            pairs.append(pair.model_copy(update={"role": "cited"}))
        else:  # not taken from this table: a look-alike source row is not its origin
            pairs.append(
                RowPair(status="removed", left_row=pair.left_row, left=pair.left, role="own")
            )
            if pair.right_row is not None:
                pairs.append(
                    RowPair(
                        status="added", right_row=pair.right_row, right=pair.right, role="unused"
                    )
                )
    return comparison.model_copy(update={"pairs": pairs})
