"""Money in a table's header: which figure is the year's budget, its split, and 元 vs 万元.

Header texts name amounts in many ways: a `预算: 5.00 万元` line, a cell 「年度资金总额（万元）| 854」,
or several `label number` pairs in one line (「年度资金申请总额 3,498,000.00（其中：当年财政拨款 …；
其他资金 0）」). Every pair is read in order; a total label (this year's or a whole period's) opens
a group, the split labels after it (财政/上年结转/上级/其他) join that group. The budget is the first
annual group; a whole-period total is kept for the purpose text. Labels are data (import_labels).
"""

from __future__ import annotations

import re

from pydantic import Field

from assistant.importers.labels import import_labels
from assistant.schema import Budget, Indicator, Model, Note

WAN, YUAN = 1.0, 0.0001
_NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?"
_AMOUNT_RE = re.compile(rf"(?P<num>{_NUMBER})\s*(?P<unit>万元|万|元)?")
_PAIR_RE = re.compile(
    r"(?P<label>[\u4e00-\u9fff][^\d:：;；,，、()（）\[\]]*?)\s*"
    r"(?:[(（](?P<lunit>万元|元)[)）])?\s*[:：]?\s*"
    rf"(?P<num>{_NUMBER})\s*(?P<unit>万元|万|元)?"
)
_UNIT_NOTE_RE = re.compile(r"[（(]\s*(万元|元)\s*[)）]|单位\s*[:：]\s*(万元|元)")


class MoneyGroup(Model):
    """One total and the split printed with it, in 万元."""

    annual: bool = Field(description="The year's budget (else a whole-period total).")
    amounts: dict[str, float | None] = Field(default_factory=dict)


class MoneyReader(Model):
    """Collects amounts from header cells in reading order."""

    factor: float = Field(
        WAN, description="Unit of bare numbers: set by 「（元）」 or 「单位：元」."
    )
    groups: list[MoneyGroup] = Field(default_factory=list)
    direct: dict[str, float | None] = Field(
        default_factory=dict, description="Split lines labelled on their own (财政拨款: 5.00)."
    )
    row_groups: list[MoneyGroup] = Field(
        default_factory=list,
        description="The groups opened by the last row that opened any, left to right.",
    )
    seen: dict[str, int] = Field(
        default_factory=dict, description="Split labels met so far in the current row."
    )
    opened_in_row: bool = Field(False, description="The current row opened a group already.")

    def start_row(self) -> None:
        """A new row: the filing form prints 实施期 and 年度 splits side by side under their totals."""
        self.seen, self.opened_in_row = {}, False

    def note_unit(self, text: str) -> None:
        """A label or line naming the unit (「项目资金（元）」, 「单位：元」) sets it for what follows."""
        if found := _UNIT_NOTE_RE.search(text):
            self.factor = WAN if "万元" in found.group(0) else YUAN

    def read_labelled(self, key: str, label: str, value: str) -> None:
        """A money label with its own value cell: its first amount, then pairs in the rest."""
        factor = _label_factor(label) or self.factor
        amount = first_amount(value, factor)
        if key in ("total", "whole_period"):
            self._open(key, amount)
        else:
            # the n-th 「其中：财政拨款」 of a row belongs to the n-th total printed above it
            index = self.seen.get(key, 0)
            self.seen[key] = index + 1
            if index < len(self.row_groups):
                self.row_groups[index].amounts.setdefault(key, amount)
            else:
                self.direct.setdefault(key, amount)
        self.read_pairs(value)

    def _open(self, key: str, amount: float | None) -> None:
        group = MoneyGroup(annual=key == "total", amounts={key: amount})
        if not self.opened_in_row:
            self.row_groups = []
        self.opened_in_row = True
        self.groups.append(group)
        self.row_groups.append(group)

    def read_pairs(self, text: str) -> None:
        """Every `label number` pair in a line whose label names money."""
        labels = import_labels()
        for match in _PAIR_RE.finditer(text):
            key = labels.money_of(match["label"])
            if key is None:
                continue
            factor = _unit_factor(match["unit"]) or _unit_factor(match["lunit"]) or self.factor
            amount = _number(match["num"], factor)
            if key in ("total", "whole_period"):
                self._open(key, amount)
            elif self.groups:
                self.groups[-1].amounts.setdefault(key, amount)

    def budget(self) -> tuple[Budget, float | None]:
        """The year's Budget and the whole-period total (None when not printed)."""
        annual = [g for g in self.groups if g.annual]
        whole = next((g.amounts.get("whole_period") for g in self.groups if not g.annual), None)
        chosen = annual or [g for g in self.groups if not g.annual][:1]
        merged: dict[str, float | None] = {}
        for group in chosen:
            for key, amount in group.amounts.items():
                merged.setdefault("total" if key == "whole_period" else key, amount)
        for key, amount in self.direct.items():
            merged.setdefault(key, amount)
        fiscal, carried = merged.get("fiscal"), merged.get("carried")
        if fiscal is not None and carried:
            # 上年结转 is last year's appropriation carried over, so it counts as 财政资金.
            fiscal = round(fiscal + carried, 6)
        budget = Budget(
            total=merged.get("total"),
            fiscal=fiscal,
            other=merged.get("other"),
            upper=merged.get("upper"),
        )
        return budget, whole if annual else None


def first_amount(text: str, factor: float) -> float | None:
    """The first number of a cell in 万元 (a unit right after it wins); None when blank."""
    match = _AMOUNT_RE.search(text or "")
    if match is None:
        return None
    return _number(match["num"], _unit_factor(match["unit"]) or factor)


def yuan_in_wan(budget: Budget, indicators: list[Indicator]) -> tuple[Budget, list[Note]]:
    """Budget figures that are 元 written in a 万元 column, divided by 10000, with a note each.

    A figure is 元 when it is `yuan_factor` times another figure of the table (another budget
    figure, or a 成本 row valued in 万元) within `yuan_tolerance`, and does not itself agree with it.
    """
    labels = import_labels()
    figures = {k: v for k, v in budget.model_dump().items() if v}
    others = [*figures.values(), *_cost_figures(indicators)]
    notes, update = [], {}
    for key, amount in figures.items():
        scaled = amount / labels.yuan_factor
        agrees = [w for w in others if w != amount and _close(scaled, w, labels.yuan_tolerance)]
        if agrees and not any(
            _close(amount, w, labels.yuan_tolerance) for w in others if w is not amount
        ):
            update[key] = round(scaled, 6)
            notes.append(
                Note(
                    code="I-YUAN-IN-WAN",
                    text=f"「{_KEY_NAMES[key]}」{amount:g} 与表中其他金额相差约一万倍，"
                    f"应是以元填写，已按 {scaled:g} 万元读取，请核对。",
                )
            )
    return budget.model_copy(update=update), notes


_KEY_NAMES = {"total": "预算数", "fiscal": "财政资金", "other": "其他资金", "upper": "上级资金"}


def _cost_figures(indicators: list[Indicator]) -> list[float]:
    return [
        i.value.number
        for i in indicators
        if i.value.number and i.value.unit == "万元" and "成本" in i.level2 + i.level1
    ]


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _label_factor(label: str) -> float | None:
    found = _UNIT_NOTE_RE.search(label or "")
    return None if found is None else (WAN if "万元" in found.group(0) else YUAN)


def _unit_factor(unit: str | None) -> float | None:
    return {"万元": WAN, "万": WAN, "元": YUAN}.get(unit or "")


def _number(text: str, factor: float) -> float:
    number = float(text.replace(",", ""))
    return number if factor == WAN else round(number * factor, 6)
