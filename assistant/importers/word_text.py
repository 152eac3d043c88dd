"""The seed format: target tables exported from Word as text (one cell per tab-prefixed line).

Layout of one table (see corpus/000_*.txt):
    [bookmark: …]1.<项目>绩效目标表          title line (the bookmark is Word residue)
    \t326301<部门>  \t单位：万元             rows are separated by blank lines
    \t项目名称  \t<name>
    \t预算规模及资金用途 \t预算数 \t29.40 \t其中：财政资金 \t29.40 \t其他资金 \t
    \t  \t<资金用途>                         an empty first cell continues the row above
    \t绩效目标  \t1.…\n2.…                    a cell may span lines; later lines have no tab
    \t一级指标 … \t指标值                     header, then one row per indicator;
    \t  \t质量指标 …                          an empty 一级/二级 cell means "same as above"
"""

from __future__ import annotations

import re

from pydantic import Field

from assistant.errors import ImportFailed
from assistant.importers.columns import column_kind, column_map
from assistant.importers.labels import import_labels
from assistant.schema import Budget, Department, Indicator, Model, SourceRef, TargetTable
from assistant.table_ids import table_id_for

_BOOKMARK_RE = re.compile(r"^\s*\[bookmark:[^\]]*\]\s*")
_NUMBER_PREFIX = r"^\d+\s*[.．、]\s*"
_TITLE_RE = re.compile(_NUMBER_PREFIX + r"\S.*绩效目标(?:申报)?表(?:[（(][^）)]*[）)])?$")
_DEPT_RE = re.compile(r"^(?P<code>\d{6,})\s*(?P<name>\S.*)$")
_UNIT_RE = re.compile(r"单位\s*[:：]\s*(?P<unit>万元|元)")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_NUMBER_RE = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")

_REQUIRED_COLUMNS = (
    ("level1", "一级指标"),
    ("level2", "二级指标"),
    ("name", "三级指标"),
    ("value", "指标值"),
)


class _Section(Model):
    """The raw lines of one table, as found between two title lines."""

    number: int = Field(description="1-based position of the table in the file.")
    title: str = Field("", description="Title line without the Word bookmark.")
    lines: list[str] = Field(default_factory=list)


class _Header(Model):
    """What the rows above the indicator block say about the project."""

    department: Department = Field(default_factory=Department)
    name: str = ""
    budget: Budget = Field(default_factory=Budget)
    purpose: str = ""
    goals: list[str] = Field(default_factory=list)
    money_factor: float = Field(1.0, description="Multiplier to 万元 (0.0001 for 单位：元).")


def looks_like_seed_text(text: str) -> bool:
    """True when the text has tab-prefixed cells and a 项目名称 or 一级指标 cell."""
    cells = {line.strip() for line in text.split("\n") if line.startswith("\t")}
    return bool(cells & {"项目名称", "一级指标"})


def parse_seed_text(text: str, file: str) -> list[TargetTable]:
    """Parse every target table of a Word text export; ImportFailed when none is found."""
    sections = _split_sections(text)
    if not sections:
        raise ImportFailed(
            file, "不是绩效目标表：没有找到「…绩效目标表」标题或「项目名称」「一级指标」单元格。"
        )
    return [_build_table(section, file) for section in sections]


def indicator_source(file: str, title: str, number: int, row: int, table_id: str) -> SourceRef:
    """The citation stored on every indicator read from a corpus file."""
    return SourceRef(
        file=file, title=title, locator=f"表{number} 第{row}行", table_id=table_id, row=row
    )


def _split_sections(text: str) -> list[_Section]:
    sections: list[_Section] = []
    preamble: list[str] = []
    previous_was_cell = False
    for raw in text.split("\n"):
        title = _title_of(raw, previous_was_cell)
        previous_was_cell = raw.startswith("\t") or (previous_was_cell and bool(raw.strip()))
        if title is not None:
            sections.append(_Section(number=len(sections) + 1, title=title))
        elif sections:
            sections[-1].lines.append(raw)
        else:
            preamble.append(raw)
    if not sections and looks_like_seed_text("\n".join(preamble)):
        # A single table exported without its title line.
        sections.append(_Section(number=1, lines=preamble))
    return sections


def _title_of(raw: str, previous_was_cell: bool) -> str | None:
    """The title of a `[bookmark: …]1.…绩效目标表` line; a line right under a cell continues that cell."""
    if raw.startswith("\t"):
        return None
    has_bookmark = bool(_BOOKMARK_RE.match(raw))
    line = _BOOKMARK_RE.sub("", raw).strip()
    if not _TITLE_RE.match(line):
        return None
    return line if has_bookmark or not previous_was_cell else None


def _split_rows(lines: list[str]) -> list[list[str]]:
    """Group cell lines into rows; a line without a leading tab continues the cell above."""
    rows: list[list[str]] = []
    cells: list[str] = []
    previous_was_cell = False
    for raw in lines:
        if raw.startswith("\t"):
            cells.append(raw[1:].strip())
            previous_was_cell = True
        elif raw.strip() and previous_was_cell:
            cells[-1] = f"{cells[-1]}\n{raw.strip()}"
        else:
            # A blank line ends the row; stray text (the 注： note after the last table) is not a cell.
            if cells:
                rows.append(cells)
            cells, previous_was_cell = [], False
    if cells:
        rows.append(cells)
    return rows


def _build_table(section: _Section, file: str) -> TargetTable:
    rows = _split_rows(section.lines)
    where = f"表{section.number}「{section.title or '无标题'}」"
    header_at = next((i for i, row in enumerate(rows) if "一级指标" in row), None)
    if header_at is None:
        raise ImportFailed(
            file,
            f"{where}没有指标表头（一级指标/二级指标/三级指标/指标值），表格不完整，文件可能被截断。",
        )
    head = _read_header(rows[:header_at], file, where)
    name = head.name or re.sub(_NUMBER_PREFIX + r"|绩效目标(申报)?表.*$", "", section.title)
    if not name:
        raise ImportFailed(file, f"{where}没有「项目名称」。")
    table_id = table_id_for(file, section.number)
    source = SourceRef(
        file=file, title=section.title, locator=f"表{section.number}", table_id=table_id
    )
    indicators = _read_indicators(rows[header_at], rows[header_at + 1 :], file, where)
    for row_no, indicator in enumerate(indicators, start=1):
        indicator.source = indicator_source(file, section.title, section.number, row_no, table_id)
    year = _YEAR_RE.search(section.title) or _YEAR_RE.search(name)
    return TargetTable(
        id=table_id,
        name=name,
        department=head.department,
        year=int(year.group(1)) if year else None,
        budget=head.budget,
        purpose=head.purpose,
        goals=head.goals,
        indicators=indicators,
        source=source,
    )


def _read_header(rows: list[list[str]], file: str, where: str) -> _Header:
    head, labels = _Header(), import_labels()
    after_budget = False
    for row in rows:
        label = row[0]
        is_budget_row = any(labels.money_of(cell) == "total" for cell in row)
        for cell in row:
            if unit := _UNIT_RE.search(cell):
                head.money_factor = 0.0001 if unit["unit"] == "元" else 1.0
        if (dept := _DEPT_RE.match(label)) and not head.department.name:
            head.department = Department(code=dept["code"], name=dept["name"].strip())
        elif labels.field_of(label) == "name" and len(row) > 1:
            head.name = row[1]
        elif is_budget_row:
            head.budget = _read_budget(row, head.money_factor, file, where)
        elif label == "" and after_budget:
            head.purpose = "\n".join(cell for cell in row if cell)
        elif label and labels.field_of(label) == "goals":
            head.goals = [
                line.strip() for cell in row[1:] for line in cell.split("\n") if line.strip()
            ]
        after_budget = is_budget_row
    return head


def _read_budget(row: list[str], factor: float, file: str, where: str) -> Budget:
    """Read the label/value pairs 预算数, 其中：财政资金, 其他资金 of the budget row."""
    values: dict[str, float | None] = {}
    for label, cell in zip(row, row[1:], strict=False):
        key = import_labels().money_of(label)
        if key in ("total", "fiscal"):
            values[key] = _money(cell, factor, file, where)
        elif key == "other":
            # A blank 其他资金 cell means "none": 0, so that 财政 + 其他 = 预算数 stays checkable.
            values["other"] = _money(cell, factor, file, where) or 0.0
    return Budget(**values)


def _money(cell: str, factor: float, file: str, where: str) -> float | None:
    text = re.sub(r"\s|万元$|元$", "", cell)
    if not text:
        return None
    if not _NUMBER_RE.match(text):
        raise ImportFailed(file, f"{where}的金额「{cell}」不是数字。")
    return round(float(text.replace(",", "")) * factor, 6)


def _read_indicators(
    header: list[str], rows: list[list[str]], file: str, where: str
) -> list[Indicator]:
    columns = _column_positions(header, file, where)
    indicators: list[Indicator] = []
    level1 = level2 = ""
    for row_no, row in enumerate((r for r in rows if any(r)), start=1):
        if len(row) != len(header):
            raise ImportFailed(
                file,
                f"{where}第{row_no}行有{len(row)}个单元格，表头有{len(header)}列，表格可能被截断或损坏。",
            )
        # Merged cells come out empty: they repeat the 一级/二级 of the row above.
        level1 = row[columns["level1"]] or level1
        level2 = row[columns["level2"]] or level2
        if not level1:
            raise ImportFailed(file, f"{where}第{row_no}行没有一级指标。")
        indicators.append(
            Indicator(
                level1=level1,
                level2=level2,
                name=row[columns["name"]],
                description=row[columns["description"]] if "description" in columns else "",
                value=row[columns["value"]],
            )
        )
    if not indicators:
        raise ImportFailed(file, f"{where}只有表头，没有指标行，表格不完整，文件可能被截断。")
    return indicators


def _column_positions(header: list[str], file: str, where: str) -> dict[str, int]:
    """Column positions by meaning (import_labels.yaml), as the other importers read them."""
    columns = column_map(header)
    if columns is None:
        found = {column_kind(cell) for cell in header}
        missing = [label for key, label in _REQUIRED_COLUMNS if key not in found]
        raise ImportFailed(
            file, f"{where}的指标表头不完整（缺少{'、'.join(missing)}），文件可能被截断。"
        )
    positions = {key: getattr(columns, key) for key, _ in _REQUIRED_COLUMNS}
    if columns.description is not None:
        positions["description"] = columns.description
    return positions
