"""The Shanghai Putuo format (corpus/shanghai_putuo_2026_*.txt): one 绩效目标申报表 per file.

`key: value` lines (表名, 项目名称, 主管部门, 实施单位, 项目资金（元）…), the 年度总体目标 lines, then a
tab-separated indicator block (一级/二级/三级/指标值, no description column) and an abridged
项目经费情况说明 whose 一、项目概述 line is the purpose. Money is printed in 元.
"""

from __future__ import annotations

import re

from pydantic import Field

from assistant.errors import ImportFailed
from assistant.importers.word_text import indicator_source
from assistant.schema import Budget, Department, Indicator, Model, SourceRef, TargetTable
from assistant.table_ids import table_id_for

_FIELD_RE = re.compile(r"^(?P<key>表名|项目名称|主管部门|实施单位)\s*[:：]\s*(?P<value>.*)$")
_PERIOD_RE = re.compile(
    r"计划开始日期\s*[:：]\s*(?P<start>\S+)\s+计划完成日期\s*[:：]\s*(?P<end>\S+)"
)
_AMOUNT = r"\s*(?P<{}>[\d,]+(?:\.\d+)?)"
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_INDICATOR_HEADER_RE = re.compile(r"^一级指标\t")
_YUAN_TO_WAN = 0.0001
_FUNDING_LABEL_RE = re.compile(r"项目资金\s*[（(](?P<unit>万元|元)[)）]")


class _Funding(Model):
    """The two money lines, already in 万元."""

    project_total: float | None = Field(
        None, description="项目资金总额 over the whole project period."
    )
    period: str = Field("", description="计划开始日期至计划完成日期, as printed.")
    annual: Budget = Field(default_factory=Budget, description="年度资金申请总额 and its split.")


def looks_like_putuo_text(text: str) -> bool:
    """True for `表名:` / `项目名称:` lines plus a tab-separated 一级指标 header line."""
    lines = text.split("\n")
    has_fields = any(re.match(r"^(表名|项目名称)\s*[:：]", line) for line in lines)
    return has_fields and any(_INDICATOR_HEADER_RE.match(line) for line in lines)


def parse_putuo_text(text: str, file: str) -> list[TargetTable]:
    """Parse the one table of a Putuo text file."""
    lines = [line.rstrip() for line in text.split("\n")]
    fields = _read_fields(lines)
    if not fields.get("项目名称"):
        raise ImportFailed(file, "不是绩效目标表：没有「项目名称:」一行。")
    title = fields.get("表名", "")
    table_id = table_id_for(file, 1)
    indicators = _read_indicators(lines, file)
    for row_no, indicator in enumerate(indicators, start=1):
        indicator.source = indicator_source(file, title, 1, row_no, table_id)
    funding = _read_funding(lines, file)
    year = _YEAR_RE.search(title)
    return [
        TargetTable(
            id=table_id,
            name=fields["项目名称"],
            department=Department(name=fields.get("主管部门", "")),
            implementing_unit=fields.get("实施单位", ""),
            year=int(year.group(1)) if year else None,
            budget=funding.annual,
            purpose=_purpose(lines, funding),
            goals=_annual_goals(lines),
            indicators=indicators,
            source=SourceRef(file=file, title=title, locator="表1", table_id=table_id),
        )
    ]


def _read_fields(lines: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in lines:
        if match := _FIELD_RE.match(line.strip()):
            fields.setdefault(match["key"], match["value"].strip())
    return fields


def _amount(line: str, label: str, factor: float) -> float | None:
    match = re.search(re.escape(label) + _AMOUNT.format("n"), line)
    return round(float(match["n"].replace(",", "")) * factor, 6) if match else None


def _read_funding(lines: list[str], file: str) -> _Funding:
    """项目资金总额 (whole period) and 年度资金申请总额 (this year, the table's budget)."""
    funding = _Funding()
    factor = _YUAN_TO_WAN
    for line in lines:
        if unit := _FUNDING_LABEL_RE.search(line):
            factor = 1.0 if unit["unit"] == "万元" else _YUAN_TO_WAN
        if period := _PERIOD_RE.search(line):
            funding.period = f"{period['start']}至{period['end']}"
        if "项目资金总额" in line:
            funding.project_total = _amount(line, "项目资金总额", factor)
        if "年度资金申请总额" in line:
            fiscal = _amount(line, "当年财政拨款", factor)
            carried = _amount(line, "上年结转资金", factor)
            # 上年结转资金 is last year's fiscal appropriation carried over, so it counts as 财政资金.
            if fiscal is not None and carried is not None:
                fiscal = round(fiscal + carried, 6)
            funding.annual = Budget(
                total=_amount(line, "年度资金申请总额", factor),
                fiscal=fiscal,
                other=_amount(line, "其他资金", factor),
            )
    if funding.annual.total is None:
        raise ImportFailed(file, "没有找到「年度资金申请总额」，无法确定年度预算数。")
    return funding


def _annual_goals(lines: list[str]) -> list[str]:
    """The text after `年度总体目标…:` plus the indented lines that follow it."""
    for at, line in enumerate(lines):
        if "年度总体目标" not in line:
            continue
        goals = (
            [re.split(r"[:：]", line, maxsplit=1)[-1].strip()]
            if re.search(r"[:：]\s*\S", line)
            else []
        )
        for follower in lines[at + 1 :]:
            if not follower.startswith((" ", "\u3000")) or not follower.strip():
                break
            goals.append(follower.strip())
        return [goal for goal in goals if goal]
    return []


def _purpose(lines: list[str], funding: _Funding) -> str:
    """项目概述 (when printed) and the money context a budget reviewer needs for a multi-year project."""
    overview, overall_goal = "", ""
    for line in lines:
        if match := re.match(r"^一、\s*项目概述\s*(?P<text>.*)$", line.strip()):
            overview = match["text"].strip()
        elif match := re.match(r"^项目总目标\s*[:：]\s*(?P<text>.+)$", line.strip()):
            overall_goal = f"项目总目标：{match['text'].strip()}"
    parts = [overview, overall_goal]
    if funding.project_total is not None:
        period = f"项目周期{funding.period}，" if funding.period else ""
        parts.append(
            f"{period}项目资金总额{funding.project_total:.2f}万元，"
            f"本年度申请{funding.annual.total:.2f}万元（即本表预算数）。"
        )
    return "\n".join(part for part in parts if part)


def _read_indicators(lines: list[str], file: str) -> list[Indicator]:
    start = next((i for i, line in enumerate(lines) if _INDICATOR_HEADER_RE.match(line)), None)
    if start is None:
        raise ImportFailed(file, "没有找到指标表头（一级指标⇥二级指标⇥三级指标⇥指标值）。")
    header = [cell.strip() for cell in lines[start].split("\t")]
    value_at = next((i for i, cell in enumerate(header) if "指标值" in cell), None)
    if value_at is None or len(header) < 4:
        raise ImportFailed(file, "指标表头不完整（缺少指标值列），文件可能被截断。")
    description_at = next(
        (i for i, c in enumerate(header) if c in ("指标解释", "绩效指标描述")), None
    )
    indicators: list[Indicator] = []
    for row_no, line in enumerate(_block_lines(lines[start + 1 :]), start=1):
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != len(header):
            raise ImportFailed(file, f"指标第{row_no}行有{len(cells)}列，表头有{len(header)}列。")
        indicators.append(
            Indicator(
                level1=cells[0],
                level2=cells[1],
                name=cells[2],
                description=cells[description_at] if description_at is not None else "",
                value=cells[value_at],
            )
        )
    if not indicators:
        raise ImportFailed(file, "只有指标表头，没有指标行，文件可能被截断。")
    return indicators


def _block_lines(lines: list[str]) -> list[str]:
    block: list[str] = []
    for line in lines:
        if not line.strip() or "\t" not in line:
            break
        block.append(line)
    return block
