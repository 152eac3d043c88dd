"""The review printed with an export: per table the verdict, the five graded dimensions and every
finding with its suggested fix. A sheet 「审核意见」 in .xlsx; closing paragraphs in .docx (after a
「说明：」 line, which the importers read as the end of a table, so files still round-trip).

The caller grades the tables (assistant.rules.card.report_card) and passes the ReportCards in:
exporters sit beside the rules, not above them.
"""

from __future__ import annotations

from assistant.schema import ReportCard, TargetTable

REVIEW_SHEET = "审核意见"
REVIEW_HEADERS = ("项目名称", "审核维度", "评级", "级别", "行", "审核意见", "建议修改")
REVIEW_NOTE = "说明：以下为审核意见（按审核规则自动生成，不属于绩效目标表内容）。"
SEVERITY_LABELS = {"error": "错误", "warning": "警告"}


def check_cards(tables: list[TargetTable], cards: list[ReportCard] | None) -> None:
    if cards is not None and len(cards) != len(tables):
        raise ValueError("cards must give one ReportCard per table")


def review_rows(table: TargetTable, card: ReportCard) -> list[list[str]]:
    """The rows of one table's review: the verdict, one row per dimension, one per finding."""
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


def review_paragraphs(table: TargetTable, card: ReportCard) -> list[str]:
    """The same review as text lines (for .docx)."""
    grades = "；".join(f"{d.dimension}{d.grade}" for d in card.dimensions)
    lines = [f"【{table.name}】{card.verdict}。综合评定：{card.overall}（{grades}）。"]
    for dimension in card.dimensions:
        for finding in dimension.findings:
            where = f"第{finding.row}行" if finding.row else "整表"
            fix = f" 建议修改：{finding.fix.note}。" if finding.fix else ""
            severity = SEVERITY_LABELS[finding.severity]
            lines.append(f"{severity} {where}（{dimension.dimension}）：{finding.message}{fix}")
    return lines
