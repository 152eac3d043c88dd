"""The header block above an indicator table: label cells (or `标签: 值` lines) and their values.

Which label names which field is data (assistant/data/import_labels.yaml); labels are matched
without whitespace, a trailing colon, a leading 其中： or a trailing note in brackets such as
（万元）. A label's value is the next non-empty cell to its right (merged cells repeat the label,
which is skipped); when that next cell is itself a label the first label has no value (the Word
form's 「预算规模及资金用途 | 预算数 | 29.40」 row). Money is read by `money.MoneyReader`.
"""

from __future__ import annotations

import re

from pydantic import Field

from assistant.errors import ImportFailed
from assistant.importers.labels import compact, import_labels
from assistant.importers.money import MoneyReader, first_amount
from assistant.schema import Budget, Department, Model

_DEPT_CODE_FIRST_RE = re.compile(r"^[\[(（【]?(\d{3,})[\])）】]?[\s\-－—_:：]*(\D.*)$")
_DEPT_CODE_LAST_RE = re.compile(
    r"^(.*?\S)[\s\-－—_]*[\[(（【](?:[^\d\])）】]*?)\s*(\d{3,})[\])）】]$|^(.*?\D)\s+(\d{3,})$"
)
_LABEL_VALUE_RE = re.compile(r"^(?P<label>[^:：]{2,60})[:：]\s*(?P<value>.*)$", re.S)
_TITLE_RE = re.compile(r"(绩效目标表|绩效目标申报表|绩效目标批复表)([（(].{0,12}[)）])?$")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_TEXT_FIELDS = (
    "name",
    "department",
    "department_code",
    "implementing_unit",
    "year",
    "purpose",
    "goals",
    "long_term_goals",
    "period_start",
    "period_end",
    "title",
    "source",
    "source_note",
)


class HeaderBlock(Model):
    """What the rows above an indicator table say about the project."""

    title: str = ""
    name: str = ""
    department: Department = Field(default_factory=Department)
    implementing_unit: str = ""
    year: int | None = None
    budget: Budget = Field(default_factory=Budget)
    purpose: str = ""
    goals: list[str] = Field(default_factory=list)
    origin: str = Field("", description="The SOURCE line: where the file was read.")
    partial: bool = Field(False, description="The NOTE line says the source copy is partial.")


class _Fields(Model):
    """Raw field texts (first label wins) and the money read so far."""

    text: dict[str, str] = Field(default_factory=dict)
    labels: dict[str, str] = Field(default_factory=dict, description="The label as printed.")
    money: MoneyReader = Field(default_factory=MoneyReader)


def split_label_value(text: str) -> list[str]:
    """「项目名称：某项目」 in one cell or paragraph → [label, value]; other text → [text]."""
    match = _LABEL_VALUE_RE.match(text)
    if match and _key_of(match["label"]) is not None:
        return [match["label"].strip(), match["value"].strip()]
    return [text]


def is_block_start(cell: str) -> bool:
    """True for a cell that opens a new table's header block (a label or a title)."""
    return _key_of(split_label_value(cell)[0]) is not None or bool(_TITLE_RE.search(compact(cell)))


def _key_of(label: str) -> str | None:
    labels = import_labels()
    return labels.field_of(label) or labels.money_of(label)


def read_header_block(rows: list[list[str]], file: str, where: str) -> HeaderBlock:
    """Read title, labels and values from the rows above one indicator table."""
    fields, head = _Fields(), HeaderBlock()
    for row in rows:
        cells = [part for cell in row for part in split_label_value((cell or "").strip())]
        used: set[int] = set()
        fields.money.start_row()
        for position, cell in enumerate(cells):
            if position in used:
                continue
            fields.money.note_unit(cell)
            key = _key_of(cell)
            if key is None:
                _read_unlabelled(cell, head, fields.money)
                continue
            value = _value_right_of(cells, position)
            # the value, and its copies in a merged cell, are not read again as loose text
            used |= {at for at, other in enumerate(cells) if value and other.strip() == value}
            if key in _TEXT_FIELDS:
                if value is not None and key not in fields.text:
                    fields.text[key], fields.labels[key] = value, cell.strip().rstrip(":：")
            elif value is not None:
                if not import_labels().is_blank(value) and first_amount(value, 1.0) is None:
                    raise ImportFailed(
                        file, f"{where}的「{cell.strip()}」金额「{value}」不是数字。"
                    )
                fields.money.read_labelled(key, cell, value)
    return _fill(head, fields, file, where)


def _read_unlabelled(cell: str, head: HeaderBlock, money: MoneyReader) -> None:
    """Title lines, the Word form's bare 「326301天津市…」 line, and `label number` money pairs."""
    if not head.title and _TITLE_RE.search(compact(cell)):
        head.title = cell
    elif not head.department.name and re.match(r"^\d{6,}\s*\D", cell):
        head.department = department_from(cell)
    else:
        money.read_pairs(cell)


def _value_right_of(cells: list[str], position: int) -> str | None:
    label = compact(cells[position])
    for cell in cells[position + 1 :]:
        text = compact(cell)
        if not text or text == label:
            continue  # an empty cell, or the label repeated by a merged cell
        return None if _key_of(cell) is not None else cell.strip()
    return ""


def _fill(head: HeaderBlock, fields: _Fields, file: str, where: str) -> HeaderBlock:
    text = fields.text
    head.title = head.title or text.get("title", "")
    head.name = text.get("name", "")
    if text.get("department"):
        head.department = department_from(text["department"])
    if text.get("department_code"):
        head.department.code = re.sub(r"\s+", "", text["department_code"])
    head.implementing_unit = text.get("implementing_unit", "")
    head.goals = [g.strip() for g in text.get("goals", "").split("\n") if g.strip()]
    head.name = head.name or re.sub(r"^\d+\s*[.．、]\s*|绩效目标(申报)?表$", "", head.title).strip()
    if not head.name:
        raise ImportFailed(file, f"{where}的指标表上方没有「项目名称」。")
    head.year = _year(text.get("year"), head, file, where)
    head.budget, whole = fields.money.budget()
    head.purpose = _purpose(fields, head.budget, whole)
    head.origin = text.get("source", "")
    notes = import_labels().partial_notes
    head.partial = any(text.get("source_note", "").startswith(word) for word in notes)
    return head


def _purpose(fields: _Fields, budget: Budget, whole: float | None) -> str:
    """项目概述, the whole period's goals and money: what a reviewer needs beside the year's table."""
    text = fields.text
    parts = [text.get("purpose", "")]
    if long_term := text.get("long_term_goals", "").strip():
        parts.append(f"{fields.labels['long_term_goals']}：{long_term}")
    if whole is not None and budget.total is not None:
        start, end = text.get("period_start", ""), text.get("period_end", "")
        period = f"项目周期{start}至{end}，" if start and end else ""
        parts.append(
            f"{period}项目资金总额{whole:.2f}万元，本年度申请{budget.total:.2f}万元（即本表预算数）。"
        )
    return "\n".join(part for part in parts if part)


def _year(text: str | None, head: HeaderBlock, file: str, where: str) -> int | None:
    """The 年度 cell; without a 年度 label, the year printed in the title or name (as .txt does)."""
    if text is None:
        found = _YEAR_RE.search(head.title) or _YEAR_RE.search(head.name)
        return int(found.group(1)) if found else None
    if not text.strip():
        return None
    found = re.search(r"(?:19|20)\d{2}", text)
    if not found:
        raise ImportFailed(file, f"{where}的年度「{text}」不是年份。")
    return int(found.group(0))


def department_from(text: str) -> Department:
    """Split '326301 天津市…', '[077]淮北市…', '黄山市公安局 (单位编码 037001)' into code and name."""
    text = text.strip()
    if match := _DEPT_CODE_FIRST_RE.match(text):
        return Department(code=match.group(1), name=match.group(2).strip())
    if match := _DEPT_CODE_LAST_RE.match(text):
        name, code = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
        return Department(code=code, name=name.strip())
    return Department(name=text)
