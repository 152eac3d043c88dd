"""Apply the suggested fixes of findings to a table, on request only (the app's button,
`lint --fix`); every change comes back as a Chinese note so nothing changes silently."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.schema import Finding, Indicator, IndicatorValue, Note, SuggestedFix, TargetTable

FIXED_RULE = "按审核建议修改（{code}）"
TEXT_FIELDS = ("name", "description", "level1", "level2")


def _fixed_row(indicator: Indicator, fix: SuggestedFix, code: str) -> Indicator:
    updates: dict = {f: getattr(fix, f) for f in TEXT_FIELDS if getattr(fix, f) is not None}
    if fix.value is not None:
        updates["value"] = IndicatorValue.parse(fix.value)
    if indicator.source is not None:  # the citation stays; the rule says what changed it
        updates["source"] = indicator.source.model_copy(
            update={"rule": FIXED_RULE.format(code=code)}
        )
    return indicator.model_copy(update=updates)


def apply_fixes(table: TargetTable, findings: Iterable[Finding]) -> tuple[TargetTable, list[Note]]:
    """The table with every row finding's fix applied, and one note per change (coded by the
    finding it answers)."""
    rows = list(table.indicators)
    removed: set[int] = set()
    notes: list[Note] = []
    for finding in findings:
        fix, row = finding.fix, finding.row
        if fix is None or row is None or row in removed or not 1 <= row <= len(rows):
            continue
        text = f"第{row}行「{rows[row - 1].name}」：{fix.note}（{finding.code}）"
        notes.append(Note(code=finding.code, text=text))
        if fix.remove:
            removed.add(row)
        else:
            rows[row - 1] = _fixed_row(rows[row - 1], fix, finding.code)
    kept = [ind for n, ind in enumerate(rows, start=1) if n not in removed]
    return table.model_copy(update={"indicators": kept}), notes
