"""What each column of an indicator header row means, read by name (import_labels.yaml `columns`).

A header row needs 一级, 二级, 三级 and a value column wherever they sit. Forms with side-by-side
中期 and 年度 blocks repeat 二级/三级/指标值: the block marked 年度 (else the last one, as the filing
form prints 实施期 before 年度) is the table's; the other block's columns are kept as text.
"""

from __future__ import annotations

from pydantic import Field

from assistant.importers.labels import _BRACKET_NOTE_RE, compact, import_labels
from assistant.schema import Model

_BLOCK_KEYS = ("level2", "name", "value")


class ColumnMap(Model):
    """Positions of the indicator columns in the header row; optional columns may be absent."""

    level1: int
    level2: int
    name: int
    value: int
    description: int | None = None
    sign: int | None = Field(None, description="指标性质: the comparison sign in its own column.")
    unit: int | None = Field(None, description="度量单位: the unit in its own column.")
    weight: int | None = Field(None, description="权重(%).")
    standard: int | None = Field(None, description="绩效标准.")
    long_term: list[int] = Field(
        default_factory=list, description="Columns of the other (中期/实施期) block."
    )
    headers: list[str] = Field(default_factory=list, description="The header row as printed.")


def column_kind(cell: str) -> str | None:
    """The meaning of one header cell (`level1`, `value`, `sign`…), or None."""
    columns = import_labels().columns
    plain = compact(cell)
    for candidate in (plain, _BRACKET_NOTE_RE.sub("", plain)):
        for key, names in columns.items():
            if candidate in (compact(name) for name in names.exact):
                return key
    for key, names in columns.items():
        if any(compact(word) in plain for word in names.contains):
            return key
    return None


def column_map(row: list[str]) -> ColumnMap | None:
    """The column positions when `row` is an indicator header row, else None."""
    found: dict[str, list[int]] = {}
    for position, cell in enumerate(row):
        if (kind := column_kind(cell)) is not None:
            found.setdefault(kind, []).append(position)
    if not {"level1", "level2", "name", "value"} <= found.keys():
        return None
    chosen = {key: positions[0] for key, positions in found.items()}
    long_term: list[int] = []
    if len(found["level2"]) > 1:
        block = _annual_block(row, found["level2"])
        for key in _BLOCK_KEYS:
            positions = found[key]
            index = min(block, len(positions) - 1)
            chosen[key] = positions[index]
            long_term += [p for p in positions if p != chosen[key]]
    else:
        chosen["value"] = _annual_value(row, found["value"])
        if len(found["name"]) > 1 and "description" not in found:
            chosen["description"] = found["name"][1]  # 三级指标 + 指标内容: the second explains
    return ColumnMap(
        **{k: v for k, v in chosen.items() if k in ColumnMap.model_fields},
        long_term=sorted(long_term),
        headers=[cell.strip() for cell in row],
    )


def _period(cell: str) -> str | None:
    labels, plain = import_labels(), compact(cell)
    if any(word in plain for word in labels.annual_markers):
        return "annual"
    if any(word in plain for word in labels.long_term_markers):
        return "long"
    return None


def _annual_block(row: list[str], level2_positions: list[int]) -> int:
    """Which repeated block is the year's: one marked 年度, else one not marked 中期, else the last."""
    periods = [_period(row[p]) for p in level2_positions]
    if "annual" in periods:
        return periods.index("annual")
    unmarked = [i for i, period in enumerate(periods) if period is None]
    return unmarked[-1] if "long" in periods and unmarked else len(level2_positions) - 1


def _annual_value(row: list[str], positions: list[int]) -> int:
    """Some forms print both 年度指标值 and 项目指标值 in one block: the annual one is modelled."""
    annual = [p for p in positions if _period(row[p]) == "annual"]
    return (annual or positions)[0]
