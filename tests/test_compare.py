"""Row alignment and diff on real corpus tables (parsed from the seed files)."""

from __future__ import annotations

from assistant.citations import cited_pairs, cited_table_ids
from assistant.compare import (
    align_group,
    align_rows,
    compare_tables,
    name_similarity,
    pair_label,
)
from assistant.schema import Indicator, SourceRef


def _by_names(pairs):
    return {(p.left.name if p.left else None, p.right.name if p.right else None): p for p in pairs}


def test_a_table_compared_with_itself_is_all_same(seed_tables_000):
    table = seed_tables_000[0]
    pairs = align_rows(table, table)
    assert [p.status for p in pairs] == ["same"] * len(table.indicators)
    assert [(p.left_row, p.right_row) for p in pairs] == [
        (n, n) for n in range(1, len(table.indicators) + 1)
    ]


def test_two_inspection_contracts_align_by_name_and_show_value_changes(seed_tables_000):
    # 000-2 燃气行业设施运行安全监督检查 (2025) vs 000-6 its 2024 contract's final payment.
    comparison = compare_tables(seed_tables_000[1], seed_tables_000[5])
    pairs = _by_names(comparison.pairs)
    same_name = pairs[("检查家次", "检查家次")]
    assert same_name.status == "changed" and pair_label(same_name) == "值变化"
    assert "指标值：≥200家次 → ≥600家次" in same_name.changes
    cost = pairs[("项目实际成本控制", "项目实际成本控制")]
    assert "指标值：≤59.3万元 → ≤33.2万元" in cost.changes
    reworded = pairs[("向燃气企业反馈问题率", "向企业反馈问题率")]
    assert pair_label(reworded) == "名称变化" and reworded.similarity > 80
    assert comparison.count("same") >= 1  # 项目验收: only the description differs
    # Every row of both tables appears exactly once.
    assert sorted(p.left_row for p in comparison.pairs if p.left_row) == list(range(1, 7))
    assert sorted(p.right_row for p in comparison.pairs if p.right_row) == list(range(1, 7))


def test_dissimilar_rows_are_removed_and_added_not_forced_together(seed_tables_000):
    pairs = align_rows(seed_tables_000[0], seed_tables_000[1])
    statuses = {(p.left.name if p.left else None): p.status for p in pairs}
    assert statuses["供应商工作监督"] == "removed"
    added = [p.right.name for p in pairs if p.status == "added"]
    assert "项目验收" in added


def test_old_and_new_layout_cost_rows_share_a_slot(seed_tables_000, putuo_tables):
    old_cost = next(i for i in seed_tables_000[0].indicators if i.level2 == "成本指标")
    new_cost = next(i for i in putuo_tables[0].indicators if i.level2 == "经济成本指标")
    assert align_group(old_cost) == align_group(new_cost)
    pairs = align_rows(seed_tables_000[0], putuo_tables[0])
    satisfaction = _by_names(pairs)[("服务对象满意度", "群众满意度")]
    assert satisfaction.left.level2 == satisfaction.right.level2 == "服务对象满意度指标"
    # Rows never pair across different slots.
    for pair in pairs:
        if pair.left and pair.right:
            assert align_group(pair.left) == align_group(pair.right)


def test_pinned_pairs_win_over_name_similarity(seed_tables_000):
    left, right = seed_tables_000[0], seed_tables_000[1]
    # left row 5 is the 29.38万元 cost row, right row 4 is 项目实际成本控制: names share nothing.
    assert name_similarity(left.indicators[4].name, right.indicators[3].name) < 40
    pairs = align_rows(left, right, pinned=[(5, 4)])
    cost = next(p for p in pairs if p.left_row == 5)
    assert cost.right_row == 4 and cost.status == "changed"
    assert [p for p in pairs if p.right_row == 4] == [cost]


def test_citations_give_tables_and_pins(seed_tables_000):
    source = seed_tables_000[1]
    rows = [
        Indicator(**{**i.model_dump(), "source": SourceRef(table_id=source.id, row=n)})
        for n, i in enumerate(source.indicators[:3], start=1)
    ]
    rows.append(
        Indicator(**{**rows[0].model_dump(), "source": SourceRef(table_id="other-1", row=2)})
    )
    draft_table = source.model_copy(update={"indicators": rows, "id": ""})
    assert cited_table_ids(draft_table) == [source.id, "other-1"]
    assert cited_pairs(draft_table, source.id) == [(1, 1), (2, 2), (3, 3)]
    comparison = compare_tables(draft_table, source, pinned=cited_pairs(draft_table, source.id))
    by_left = {p.left_row: p for p in comparison.pairs}
    assert [(by_left[n].right_row, by_left[n].status) for n in (1, 2, 3)] == [
        (1, "same"),
        (2, "same"),
        (3, "same"),
    ]
    assert by_left[4].status == "removed"  # the duplicate of row 1 has no partner left
