"""Domain knowledge from assistant/data: one slot_of, one reverse-word list shared by repair and rules."""

from __future__ import annotations

import pytest

from assistant.drafting.repair import repair
from assistant.rules import review
from assistant.schema import Indicator, ProjectBrief
from assistant.taxonomy import (
    LEVEL2_PARENTS,
    REQUIRED_SLOTS,
    SLOTS,
    has_reverse_name,
    in_wan,
    is_reverse,
    load_data,
    normalize_level,
    slot_of,
)


def test_every_level2_has_a_parent_and_a_slot():
    assert set(REQUIRED_SLOTS) == set(SLOTS)
    for level2 in LEVEL2_PARENTS:
        assert slot_of(Indicator(level1="", level2=level2, name="x", value="1项")) in SLOTS
    assert normalize_level("服务对象满意度") == "服务对象满意度指标"
    assert normalize_level("数量") == "数量指标"


def test_money_units_are_one_table():
    assert in_wan(80, "万") == 80 and in_wan(2, "亿元") == 20000 and in_wan(500, "元") == 0.05
    assert in_wan(3, "家次") is None


def test_other_parts_can_add_a_data_file_next_to_ours():
    assert "reverse_words" in load_data("indicator_words")
    with pytest.raises(FileNotFoundError):
        load_data("no_such_file")


def _row(name: str, value: str, level2: str = "质量指标") -> Indicator:
    return Indicator(level1="产出指标", level2=level2, name=name, value=value)


@pytest.mark.parametrize(
    "name, reverse",
    [
        ("隐患整改率", False),  # B2: handling a hazard is positive
        ("投诉办结率", False),
        ("隐患排查次数", False),
        ("群众投诉率", True),
        ("安全事故发生数", True),
        ("设备故障率", True),
    ],
)
def test_repair_and_the_direction_rule_agree_on_reverse_indicators(name, reverse):
    assert has_reverse_name(name) is reverse
    assert is_reverse(_row(name, "95%")) is reverse
    flagged = {f.code for f in review_of(_row(name, "≥95%"))}
    assert ("R-DIRECTION-NEGATIVE" in flagged) is reverse


def review_of(row: Indicator):
    from assistant.schema import TargetTable

    return review(TargetTable(name="测试项目", indicators=[row]))


def test_b2_repair_gives_a_rectification_rate_a_floor(seed_tables_000):
    """B2: repair used to write 隐患整改率 ≤95% (its own reverse list had 隐患), no rule flagged it."""
    table = seed_tables_000[0].model_copy(deep=True)
    table.indicators.append(_row("隐患整改率", "95%"))
    fixed, findings, notes = repair(table, ProjectBrief(name=table.name), 2025, "old")
    row = next(i for i in fixed.indicators if i.name == "隐患整改率")
    assert row.value.operator == "≥", row.value.raw
    assert not any(f.code.startswith("R-DIRECTION") for f in review(fixed))
