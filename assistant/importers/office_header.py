"""The header block above an indicator table in .xlsx/.docx files: label cells and their values.

Labels are matched after removing whitespace, a trailing colon, a leading 其中： and a trailing
unit such as （万元）. A label's value is the next non-empty cell to its right (merged cells repeat
the label, which is skipped); when that next cell is itself a label the first label has no value
(the Word form's 「预算规模及资金用途 | 预算数 | 29.40」 row).
"""

from __future__ import annotations

import re

from pydantic import Field

from assistant.errors import ImportFailed
from assistant.schema import Budget, Department, Model

_LABELS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称",),
    "department": (
        "主管部门",
        "主管部门及代码",
        "主管部门名称",
        "部门名称",
        "预算部门",
        "主管单位",
    ),
    "department_code": (
        "部门编码",
        "部门代码",
        "主管部门编码",
        "主管部门代码",
        "单位编码",
        "单位代码",
    ),
    "implementing_unit": ("实施单位", "项目实施单位", "实施单位名称"),
    "year": ("年度", "预算年度", "项目年度", "申报年度"),
    "total": (
        "预算数",
        "年度预算数",
        "预算金额",
        "资金总额",
        "项目资金总额",
        "年度资金总额",
        "年度资金申请总额",
    ),
    "fiscal": ("财政资金", "当年财政拨款", "财政拨款", "财政性资金"),
    "other": ("其他资金",),
    "purpose": (
        "资金用途",
        "预算规模及资金用途",
        "项目概述",
        "项目概况",
        "项目内容",
        "主要内容",
        "项目简介",
    ),
    "goals": (
        "绩效目标",
        "年度绩效目标",
        "年度目标",
        "年度总体目标",
        "项目绩效目标",
        "总体目标",
        "项目总体目标",
    ),
}
_LABEL_KEYS = {label: key for key, labels in _LABELS.items() for label in labels}
_UNIT_SUFFIX_RE = re.compile(r"[（(](万元|元)[)）]$")
_MONEY_UNIT_RE = re.compile(r"单位\s*[:：]\s*(万元|元)")
_DEPT_CODE_FIRST_RE = re.compile(r"^[\[(（【]?(\d{3,})[\])）】]?[\s\-－—_:：]*(\D.*)$")
_DEPT_CODE_LAST_RE = re.compile(
    r"^(.*?\S)[\s\-－—_]*[\[(（【](\d{3,})[\])）】]$|^(.*?\D)\s+(\d{3,})$"
)
_LABEL_VALUE_RE = re.compile(r"^(?P<label>[^:：]{2,20})[:：]\s*(?P<value>.*)$", re.S)
_TITLE_RE = re.compile(r"(绩效目标表|绩效目标申报表)$")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_NUMBER_RE = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")


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


class _Label(Model):
    key: str
    factor: float | None = Field(None, description="To 万元, when the label names its unit.")
    annual: bool = Field(False, description="年度/当年 labels win over whole-project ones.")


def label_of(text: str) -> _Label | None:
    """The header field a cell labels, or None."""
    plain = re.sub(r"\s+", "", text or "").rstrip(":：")
    unit = _UNIT_SUFFIX_RE.search(plain)
    # 「主管部门（代码）」「预算数（万元）」: a trailing note in brackets does not change the field.
    plain = re.sub(r"^其中[:：]?", "", re.sub(r"[（(][^（()）]*[)）]$", "", plain))
    key = _LABEL_KEYS.get(plain) or ("fiscal" if plain.endswith("财政资金") else None)
    if key is None:
        return None
    factor = None if unit is None else (1.0 if unit.group(1) == "万元" else 0.0001)
    return _Label(key=key, factor=factor, annual="年度" in plain or "当年" in plain)


def split_label_value(text: str) -> list[str]:
    """「项目名称：某项目」 in one cell or paragraph → [label, value]; other text → [text]."""
    match = _LABEL_VALUE_RE.match(text)
    if match and label_of(match["label"]) is not None:
        return [match["label"].strip(), match["value"].strip()]
    return [text]


def is_block_start(cell: str) -> bool:
    """True for a cell that opens a new table's header block (a label or a title)."""
    return label_of(split_label_value(cell)[0]) is not None or bool(_TITLE_RE.search(cell))


def read_header_block(rows: list[list[str]], file: str, where: str) -> HeaderBlock:
    """Read title, labels and values from the rows above one indicator table."""
    values: dict[str, tuple[_Label, str]] = {}
    head = HeaderBlock()
    factor = 1.0
    for row in rows:
        cells = [part for cell in row for part in split_label_value((cell or "").strip())]
        for position, cell in enumerate(cells):
            if unit := _MONEY_UNIT_RE.search(cell):
                factor = 1.0 if unit.group(1) == "万元" else 0.0001
            label = label_of(cell)
            if label is None:
                _read_unlabelled(cell, head)
                continue
            value = _value_right_of(cells, position)
            known = values.get(label.key)
            if value is not None and (known is None or (label.annual and not known[0].annual)):
                values[label.key] = (label, value)
    return _fill(head, values, factor, file, where)


def _read_unlabelled(cell: str, head: HeaderBlock) -> None:
    """Title lines and the Word form's bare 「326301天津市…」 department line."""
    if not head.title and _TITLE_RE.search(re.sub(r"\s+", "", cell)):
        head.title = cell
    elif not head.department.name and re.match(r"^\d{6,}\s*\D", cell):
        head.department = department_from(cell)


def _value_right_of(cells: list[str], position: int) -> str | None:
    label = re.sub(r"\s+", "", cells[position])
    for cell in cells[position + 1 :]:
        text = re.sub(r"\s+", "", cell)
        if not text or text == label:
            continue  # an empty cell, or the label repeated by a merged cell
        return None if label_of(cell) is not None else cell
    return ""


def _fill(head: HeaderBlock, values: dict, factor: float, file: str, where: str) -> HeaderBlock:
    text = {key: value for key, (_, value) in values.items()}
    head.name = text.get("name", "")
    if "department" in text:
        head.department = department_from(text["department"])
    if text.get("department_code"):
        head.department.code = re.sub(r"\s+", "", text["department_code"])
    head.implementing_unit = text.get("implementing_unit", "")
    head.purpose = text.get("purpose", "")
    head.goals = [g.strip() for g in text.get("goals", "").split("\n") if g.strip()]
    head.name = head.name or re.sub(r"^\d+\s*[.．、]\s*|绩效目标(申报)?表$", "", head.title).strip()
    if not head.name:
        raise ImportFailed(file, f"{where}的指标表上方没有「项目名称」。")
    head.year = _year(text.get("year"), head, file, where)
    money = {}
    for key in ("total", "fiscal", "other"):
        if key in values:
            label, value = values[key]
            money[key] = money_from(
                value, label.factor or factor, file, f"{where}的「{key_label(key)}」"
            )
    head.budget = Budget(**money)
    return head


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


def key_label(key: str) -> str:
    """The main Chinese label of a header field (for messages)."""
    return _LABELS[key][0]


def department_from(text: str) -> Department:
    """Split '326301 天津市…', '(433)乌海市…', '湘潭市… 308001' into code and name."""
    text = text.strip()
    if match := _DEPT_CODE_FIRST_RE.match(text):
        return Department(code=match.group(1), name=match.group(2).strip())
    if match := _DEPT_CODE_LAST_RE.match(text):
        name, code = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
        return Department(code=code, name=name.strip())
    return Department(name=text)


def money_from(text: str, factor: float, file: str, where: str) -> float | None:
    """A money cell in 万元; a value written with 元 is converted; blank is None."""
    plain = re.sub(r"\s+", "", text)
    if plain.endswith("万元"):
        plain, factor = plain[:-2], 1.0
    elif plain.endswith("元"):
        plain, factor = plain[:-1], 0.0001
    if not plain:
        return None
    if not _NUMBER_RE.match(plain):
        raise ImportFailed(file, f"{where}金额「{text}」不是数字。")
    number = float(plain.replace(",", ""))
    return number if factor == 1.0 else round(number * factor, 6)
