"""The review printed with an export: per table the verdict, the five graded dimensions and every
finding with its suggested fix. A sheet 「审核意见」 in .xlsx; closing paragraphs in .docx (after a
「说明：」 line, which the importers read as the end of a table, so files still round-trip)."""

from __future__ import annotations

from assistant.rules import review
from assistant.rules.card import report_card
from assistant.schema import Finding, TargetTable

REVIEW_SHEET = "审核意见"
REVIEW_HEADERS = ("项目名称", "审核维度", "评级", "级别", "行", "审核意见", "建议修改")
REVIEW_NOTE = "说明：以下为审核意见（按审核规则自动生成，不属于绩效目标表内容）。"
SEVERITY_LABELS = {"error": "错误", "warning": "警告"}


def reviews_for(
    tables: list[TargetTable], reviews: list[list[Finding]] | None
) -> list[list[Finding]]:
    """The given findings per table, or a fresh review (national profile) when none are given."""
    if reviews is None:
        return [review(table) for table in tables]
    if len(reviews) != len(tables):
        raise ValueError("reviews must give one findings list per table")
    return reviews


def review_rows(table: TargetTable, findings: list[Finding]) -> list[list[str]]:
    """The rows of one table's review: the verdict, one row per dimension, one per finding."""
    card = report_card(findings)
    rows = [[table.name, "综合评定", card.overall, "", "", card.verdict, ""]]
    for dimension in card.dimensions:
        count = dimension.errors + dimension.warnings
        rows.append([table.name, dimension.dimension, dimension.grade, "", "", f"{count} 处", ""])
        for finding in dimension.findings:
            rows.append(
                [
                    table.name,
                    dimension.dimension,
                    "",
                    SEVERITY_LABELS[finding.severity],
                    str(finding.row) if finding.row else "整表",
                    f"{finding.message}（{finding.code}）",
                    finding.fix.note if finding.fix else "",
                ]
            )
    return rows


def review_paragraphs(table: TargetTable, findings: list[Finding]) -> list[str]:
    """The same review as text lines (for .docx)."""
    card = report_card(findings)
    grades = "；".join(f"{d.dimension}{d.grade}" for d in card.dimensions)
    lines = [f"【{table.name}】{card.verdict}。综合评定：{card.overall}（{grades}）。"]
    for finding in findings:
        where = f"第{finding.row}行" if finding.row else "整表"
        fix = f" 建议修改：{finding.fix.note}。" if finding.fix else ""
        lines.append(f"{SEVERITY_LABELS[finding.severity]} {where}：{finding.message}{fix}")
    return lines
