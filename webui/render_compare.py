"""HTML of two tables side by side (the 对比 tab and a draft against its source): aligned rows
coloured by status, the header fields, both review reports. Every text is escaped (`render.esc`).
"""

from __future__ import annotations

from assistant.compare import pair_label
from assistant.workbench.models import RowPair, TableComparison
from webui.render import esc, findings_html

ROLE_CLASSES = {"own": "cmp-added", "unused": "cmp-unused"}
STATUS_CLASSES = {
    "same": "cmp-same",
    "changed": "cmp-changed",
    "added": "cmp-added",
    "removed": "cmp-removed",
}


def _pair_cells(pair: RowPair) -> str:
    def side(row, indicator):
        if indicator is None:
            return "<td></td><td></td><td></td>"
        return f"<td>{row}</td><td>{esc(indicator.name)}</td><td>{esc(indicator.value.raw)}</td>"

    notes = "；".join(pair.changes)
    level2 = (pair.left or pair.right).level2
    css = ROLE_CLASSES.get(pair.role) or STATUS_CLASSES[pair.status]
    return (
        f"<tr class='{css}'><td>{esc(level2)}</td>"
        f"{side(pair.left_row, pair.left)}<td class='status'>{pair_label(pair)}</td>"
        f"{side(pair.right_row, pair.right)}<td>{esc(notes)}</td></tr>"
    )


def comparison_html(comparison: TableComparison) -> str:
    """Side-by-side rows (aligned, status-coloured) and both review reports."""
    counts = _counts(comparison)
    head = (
        "<tr><th>二级指标</th><th>左行</th><th>左：三级指标</th><th>左：指标值</th><th>对比</th>"
        "<th>右行</th><th>右：三级指标</th><th>右：指标值</th><th>差异说明</th></tr>"
    )
    rows = "".join(_pair_cells(pair) for pair in comparison.pairs)
    reports = (
        "<div class='cmp-reports'>"
        f"<div><h4>左：{esc(comparison.left_label)}</h4>{findings_html(comparison.left.findings)}</div>"
        f"<div><h4>右：{esc(comparison.right_label)}</h4>{findings_html(comparison.right.findings)}</div>"
        "</div>"
    )
    return (
        f"<div class='cmp'><p><b>左</b>：{esc(comparison.left_label)} ｜ <b>右</b>："
        f"{esc(comparison.right_label)}</p>{_fields_html(comparison)}<p>{counts}</p>"
        f"<table class='target cmp-table'>{head}{rows}</table>{reports}</div>"
    )


def _counts(comparison: TableComparison) -> str:
    if any(pair.role for pair in comparison.pairs):
        roles = [pair_label(p).removesuffix("（已改写）") for p in comparison.pairs]
        return "，".join(f"{k} {roles.count(k)}" for k in ("来自本表", "新增", "未采用"))
    return "，".join(
        f"{label} {comparison.count(status)}"
        for status, label in (
            ("same", "相同"),
            ("changed", "变化"),
            ("added", "新增"),
            ("removed", "删除"),
        )
    )


def _fields_html(comparison: TableComparison) -> str:
    """The header fields side by side; differing ones marked."""
    if not comparison.fields:
        return ""
    rows = "".join(
        f"<tr class='{'cmp-same' if f.same else 'cmp-changed'}'><td>{esc(f.label)}</td>"
        f"<td>{esc(f.left) or '—'}</td><td>{'相同' if f.same else '不同'}</td>"
        f"<td>{esc(f.right) or '—'}</td></tr>"
        for f in comparison.fields
    )
    head = "<tr><th>表头</th><th>左</th><th>对比</th><th>右</th></tr>"
    return f"<table class='target cmp-fields'>{head}{rows}</table>"
