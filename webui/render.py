"""HTML and table rows for the app, with every user- or corpus-supplied text escaped (the
comparison of two tables is in `render_compare.py`).

Gradio shows gr.HTML as markup, so nothing from a table, a file or a user reaches it without
html.escape: a cell `<script>` must show as text. No gradio import here (pure functions).
"""

from __future__ import annotations

import re
from datetime import datetime
from html import escape

from assistant.citations import source_label
from assistant.rules.card import report_card
from assistant.schema import Finding, IndicatorHit, ProjectHit, SourceRef, TargetTable
from assistant.workbench.models import DraftSummary, ValueSpread

DRAFT_HEADERS = ["一级指标", "二级指标", "三级指标", "指标描述", "指标值", "来源"]
# The grid's last column is the row's id in the draft (its 1-based row when shown): a hand edit
# finds the row's citation by it, not by the text of its 来源 cell. New lines have none.
GRID_HEADERS = [*DRAFT_HEADERS, "编号"]
SEVERITY_LABELS = {"error": "错误", "warning": "警告"}


def esc(value: object) -> str:
    """A value as escaped HTML text (None as nothing)."""
    return escape("" if value is None else str(value))


# ASCII punctuation Markdown gives a meaning to: escaped, `![x](http://…)` in a name stays text
# in a gr.Markdown (CommonMark allows a backslash before any ASCII punctuation).
_MARKDOWN_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:])")


def md_text(value: object) -> str:
    """User or corpus text for a gr.Markdown: no HTML, no Markdown, shown as written."""
    return _MARKDOWN_RE.sub(r"\\\1", escape("" if value is None else str(value), quote=False))


def draft_rows(table: TargetTable) -> list[list[str]]:
    """Rows for the editable draft grid (plain strings; the grid shows them as text)."""
    return [
        [i.level1, i.level2, i.name, i.description, i.value.raw, source_label(i.source), str(n)]
        for n, i in enumerate(table.indicators, start=1)
    ]


def display_time(iso: str) -> str:
    """A stored UTC time as local 'YYYY-MM-DD HH:MM'."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def draft_choices(summaries: list[DraftSummary]) -> list[tuple[str, str]]:
    """One dropdown entry per draft: name · version · time; drafts that would still read the
    same (same name saved in the same minute) also show the start of their id."""
    labels = [
        f"{s.title} · 第{s.latest_version}版 · {display_time(s.updated_at)}" for s in summaries
    ]
    return [
        (label + (f" · {s.draft_id[:6]}" if labels.count(label) > 1 else ""), s.draft_id)
        for label, s in zip(labels, summaries, strict=True)
    ]


def money(value: float | None) -> str:
    return "—" if value is None else f"{value:g} 万元"


def table_header_html(table: TargetTable) -> str:
    """Title line and header fields of a table (name, unit, year, budget, source file)."""
    dept = " ".join(x for x in (table.department.code, table.department.name) if x)
    facts = [
        ("主管部门", dept or "—"),
        ("年度", table.year or "—"),
        ("预算数", money(table.budget.total)),
        ("来源", table.source.file or table.id or "草稿"),
    ]
    items = "".join(f"<span class='fact'><b>{esc(k)}</b>：{esc(v)}</span> " for k, v in facts)
    return f"<div class='table-head'><h4>{esc(table.name)}</h4>{items}</div>"


def source_row_html(source: SourceRef | None, table: TargetTable | None) -> str:
    """The past table row a draft row was taken from, or the rule that made the row."""
    if table is None or source is None or not source.row:
        why = source.rule if source and source.rule else "手工填写"
        return f"<div class='source-row'><b>来源</b>：这一行不是照往年表写的（{esc(why)}）。</div>"
    if not 1 <= source.row <= len(table.indicators):
        return f"<div class='source-row'>来源表《{esc(table.name)}》没有第{source.row}行。</div>"
    i = table.indicators[source.row - 1]
    cells = [source.row, i.level1, i.level2, i.name, i.description, i.value.raw]
    head = "".join(f"<th>{h}</th>" for h in ["行", *DRAFT_HEADERS[:5]])
    row = "".join(f"<td>{esc(c)}</td>" for c in cells)
    place = " · ".join(
        esc(x)
        for x in (table.department.name, f"{table.year}年" if table.year else "", table.id)
        if x
    )
    changed = f"<p>改写说明：{esc(source.rule)}</p>" if source.rule else ""
    return (
        f"<div class='source-row'><b>来源</b>：《{esc(table.name)}》第{source.row}行（{place}）"
        f"<table class='target'><tr>{head}</tr><tr>{row}</tr></table>{changed}</div>"
    )


def findings_html(findings: list[Finding]) -> str:
    """The reviewer's report card: the verdict, the five dimensions graded 优/良/中/差, and
    each finding under its dimension with the suggested fix beside it."""
    card = report_card(findings)
    ok = " ok" if card.verdict == "审核通过" else ""
    grades = " · ".join(
        f"<span class='grade grade-{esc(d.grade)}'>{esc(d.dimension)} <b>{esc(d.grade)}</b></span>"
        for d in card.dimensions
    )
    parts = [
        f"<div class='findings{ok}'><p class='verdict'><b>{esc(card.verdict)}</b>",
        f"（综合评定 <b>{esc(card.overall)}</b>）</p><p class='grades'>{grades}</p>",
    ]
    for dimension in card.dimensions:
        if dimension.findings:
            parts.append(f"<h5>{esc(dimension.dimension)} · {esc(dimension.grade)}</h5><ul>")
            parts += [_finding_item(f) for f in _ordered(dimension.findings)]
            parts.append("</ul>")
    return "".join(parts) + "</div>"


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.severity != "error", f.row or 0))


def _finding_item(finding: Finding) -> str:
    where = f"第{finding.row}行" if finding.row else "整表"
    fix = f" <span class='fix'>建议：{esc(finding.fix.note)}</span>" if finding.fix else ""
    return (
        f"<li class='finding {finding.severity}'><b>{SEVERITY_LABELS[finding.severity]}</b>"
        f" · {where} · {esc(finding.message)} <code>{esc(finding.code)}</code>{fix}</li>"
    )


def table_html(table: TargetTable, findings: list[Finding] | None = None) -> str:
    """A whole table (header + rows with sources), rows with findings marked; the optional
    权重/绩效标准/中期 columns when a row has them, and what the importer noted."""
    flagged = {f.row: f.severity for f in findings or [] if f.row}
    extra = _extra_columns(table)
    body = []
    for n, i in enumerate(table.indicators, start=1):
        css = f" class='row-{flagged[n]}'" if n in flagged else ""
        level1 = f"{i.level1}（原文：{i.level1_source}）" if i.level1_source else i.level1
        cells = [n, level1, i.level2, i.name, i.description, i.value.raw]
        cells += [get(i) for _, get in extra] + [source_label(i.source)]
        body.append(f"<tr{css}>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
    headers = ["行", *DRAFT_HEADERS[:-1], *(h for h, _ in extra), DRAFT_HEADERS[-1]]
    head = "".join(f"<th>{h}</th>" for h in headers)
    rows_html = f"<table class='target'><tr>{head}</tr>{''.join(body)}</table>"
    report = findings_html(findings) if findings is not None else ""
    return table_header_html(table) + _import_notes_html(table) + rows_html + report


def _extra_columns(table: TargetTable) -> list[tuple[str, object]]:
    rows = table.indicators
    columns = [
        (
            "权重(%)",
            lambda i: "" if i.weight is None else f"{i.weight:g}",
            any(i.weight is not None for i in rows),
        ),
        ("绩效标准", lambda i: i.standard, any(i.standard for i in rows)),
        ("中期（实施期）指标", lambda i: i.long_term, any(i.long_term for i in rows)),
    ]
    return [(header, get) for header, get, shown in columns if shown]


def _import_notes_html(table: TargetTable) -> str:
    notes = [note.text for note in table.import_notes]
    if table.partial:
        notes.insert(0, "原文不完整（partial）：只有部分指标行，只用于指标检索，不参加整表评测。")
    items = "".join(f"<li>{esc(text)}</li>" for text in notes)
    return f"<ul class='import-notes'>{items}</ul>" if notes else ""


def project_hits_html(hits: list[ProjectHit]) -> str:
    """Search results: one card per project, the matched text with its words marked, and why."""
    if not hits:
        return (
            "<p>没有找到足够相近的往年项目。可以换个说法（例如只写主要工作：「供水管网 维修」），"
            "或放宽筛选条件。</p>"
        )
    cards = []
    for rank, hit in enumerate(hits, start=1):
        t = hit.table
        snippet = marked(hit.snippet, hit.scores.matched_terms)
        cards.append(
            f"<div class='hit'><b>{rank}. {esc(t.name)}</b> <code>{esc(t.id)}</code><br>"
            f"{esc(t.department.name)} · {esc(f'{t.year}年' if t.year else '年度未知')} · {esc(money(t.budget.total))}"
            f" · {len(t.indicators)} 行指标<br><span class='snippet'>{snippet}</span><br>"
            f"<i>匹配原因：{esc(hit.why)}</i></div>"
        )
    return "".join(cards)


def marked(text: str, terms: list[str]) -> str:
    """Escaped text with the matched words in <mark>."""
    html = esc(text)
    for term in sorted({esc(t) for t in terms if t}, key=len, reverse=True):
        html = html.replace(term, f"<mark>{term}</mark>")
    return html


def indicator_hits_html(
    hits: list[IndicatorHit], spreads: list[ValueSpread], answer: str = ""
) -> str:
    """Indicator-mode results: the answer in one line, the spread of values, then the rows."""
    if not hits:
        return "<p>没有找到匹配的指标。</p>"
    first = f"<p class='answer'><b>{esc(answer)}</b></p>" if answer else ""
    spread_rows = "".join(
        f"<tr><td>{esc(s.operator or '（无）')}</td><td>{esc(s.unit or '（无单位）')}</td>"
        f"<td>{s.count}</td><td>{s.minimum:g}</td><td>{s.median:g}</td><td>{s.maximum:g}</td></tr>"
        for s in spreads
    )
    spread = (
        "<h4>指标值分布（按符号和单位）</h4><table class='spread'><tr><th>符号</th><th>单位</th>"
        f"<th>行数</th><th>最小</th><th>中位数</th><th>最大</th></tr>{spread_rows}</table>"
        if spreads
        else "<p>匹配的指标都是定性值，没有数值分布。</p>"
    )
    rows = "".join(
        f"<tr><td>{esc(h.indicator.name)}</td><td>{esc(h.indicator.value.raw)}</td>"
        f"<td>{esc(h.indicator.level2)}</td><td>{esc(h.table_name)}</td>"
        f"<td><code>{esc(h.table_id)}</code> 第{h.row}行</td><td>{esc(h.why)}</td></tr>"
        for h in hits
    )
    listing = (
        "<h4>匹配的指标行</h4><table class='target'><tr><th>三级指标</th><th>指标值</th>"
        f"<th>二级指标</th><th>项目</th><th>来源</th><th>匹配原因</th></tr>{rows}</table>"
    )
    return first + spread + listing


APP_CSS = """
.table-head h4 {margin: 0.2em 0;}
.fact {margin-right: 1em;}
table.target, table.spread {border-collapse: collapse; width: 100%; font-size: 0.9em;}
table.target td, table.target th, table.spread td, table.spread th {border: 1px solid #ccc; padding: 3px 6px;}
.row-error td {background: #fde2e2;}
.row-warning td {background: #fff4d6;}
.finding.error b {color: #b00020;}
.finding.warning b {color: #a06000;}
.findings .fix {color: #1a5e20; margin-left: 0.5em;}
.findings h5 {margin: 0.6em 0 0.2em;}
.grade {margin-right: 0.3em;}
.grade-差 b, .grade-中 b {color: #b00020;}
.cmp-added td {background: #e3f6e3;}
.cmp-removed td {background: #fde2e2;}
.cmp-changed td {background: #fff4d6;}
.cmp-unused td {color: #777;}
.cmp-fields td {white-space: pre-wrap;}
.cmp-fields td:first-child, .cmp-fields td:nth-child(3) {white-space: nowrap; width: 5em;}
.cmp-reports {display: flex; gap: 1em;}
.cmp-reports > div {flex: 1;}
.hit {border-bottom: 1px solid #ddd; padding: 4px 0;}
#draft-chat .message-content {white-space: pre-wrap;}
.answer {font-size: 1.1em;}
.snippet mark {background: #fff1a8;}
.source-row {border-left: 3px solid #8ab; padding: 2px 8px; margin: 4px 0;}
#draft-grid {margin-bottom: 12px;}
#draft-grid .table-wrap {padding-bottom: 8px;}
"""
