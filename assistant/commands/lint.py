"""`python -m assistant lint FILE [--json]`: run the review rules on every table of a file.

FILE is .txt/.docx/.xlsx (read by the importers) or .json: one TargetTable, a list of them, or a
Draft-like object with a `table` key. Exit code 0 = no errors, 1 = some error, 2 = bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.importers.json_tables import read_json_tables
from assistant.rules import ReviewContext, TablesContext, has_errors, profile_names, review
from assistant.rules.card import grades_line, report_card
from assistant.rules.fixes import apply_fixes
from assistant.schema import Finding, TargetTable
from assistant.settings import Settings

SEVERITY_LABELS = {"error": "错误", "warning": "警告"}
SHOWN_NAME_CHARS = 16


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "lint", help="按审核规则检查目标表文件（.txt/.docx/.xlsx/.json），有错误时退出码为1"
    )
    parser.add_argument("file", type=Path, help="要检查的文件")
    parser.add_argument("--json", action="store_true", help="输出 JSON：每张表的 findings 列表")
    parser.add_argument(
        "--profile",
        choices=profile_names(),
        help="审核口径：national（财预〔2021〕101号）、strict（六类必填）或 auto（按单位所在地区）；"
        "默认取设置 review_profile",
    )
    parser.add_argument(
        "--no-history", action="store_true", help="不与语料库中的往年表比较（跳过偏低与雷同检查）"
    )
    parser.add_argument(
        "--fix",
        action="store_true",
        help="应用审核建议的修改，逐条列出改了什么，修改后的表写入 <文件名>.fixed.json（原文件不动）",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    tables = load_tables(args.file, settings.max_upload_mb, settings.max_decompressed_mb)
    profile = args.profile or settings.review_profile
    context = None if args.no_history else corpus_context(settings)
    reviewed = [(table, review(table, profile, context)) for table in tables]
    if args.fix:
        stream = sys.stderr if args.json else sys.stdout  # --json keeps stdout pure JSON
        reviewed = fix_tables(reviewed, args.file, lambda t: review(t, profile, context), stream)
    if args.json:
        print(json.dumps([_json_entry(t, f) for t, f in reviewed], ensure_ascii=False, indent=2))
    else:
        print(format_report(reviewed))
    return 1 if any(has_errors(findings) for _, findings in reviewed) else 0


def load_tables(
    path: Path, max_upload_mb: float, max_decompressed_mb: float = 100.0
) -> list[TargetTable]:
    """The tables of `path`: JSON validated against TargetTable, other files via the importers."""
    if path.suffix.lower() != ".json":
        from assistant.importers import parse

        return parse(path, max_upload_mb, max_decompressed_mb=max_decompressed_mb)
    return read_json_tables(path, max_upload_mb)


def fix_tables(
    reviewed, path: Path, review_again, stream
) -> list[tuple[TargetTable, list[Finding]]]:
    """Apply every suggested fix, print each change, write the fixed tables beside the file."""
    fixed = []
    for table, findings in reviewed:
        new, notes = apply_fixes(table, findings)
        for note in notes:
            print(f"已修改【{table.id or table.name}】{note.text}", file=stream)
        fixed.append(new)
    out = path.with_name(f"{path.stem}.fixed.json")
    data = [table.model_dump(mode="json") for table in fixed]
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"修改后的表已写入 {out}，以下为修改后的审核结果。", file=stream)
    return [(table, review_again(table)) for table in fixed]


def corpus_context(settings: Settings) -> ReviewContext | None:
    """The parsed corpus as the past tables to compare with; None when it was never ingested."""
    from assistant.corpus import load_corpus

    if not any(settings.corpus_json_dir.glob("*.json")):
        return None
    return TablesContext(load_corpus(settings))


def format_report(reviewed: list[tuple[TargetTable, list[Finding]]]) -> str:
    """Human report: one block per table, one line per finding (级别, 行号, 三级指标, 说明)."""
    lines = []
    for table, findings in reviewed:
        errors = sum(f.severity == "error" for f in findings)
        lines.append(
            f"【{table.id or '未编号'}】{table.name}：错误 {errors} 条，警告 {len(findings) - errors} 条"
        )
        card = report_card(findings)
        lines.append(f"  审核评分：{grades_line(card)}")
        lines.append(f"  结论：{card.verdict}")
        lines.extend(_finding_line(table, finding) for finding in findings)
        if not findings:
            lines.append("  未发现问题")
    total_errors = sum(f.severity == "error" for _, fs in reviewed for f in fs)
    total = sum(len(fs) for _, fs in reviewed)
    lines.append(
        f"共 {len(reviewed)} 张表：错误 {total_errors} 条，警告 {total - total_errors} 条。"
    )
    return "\n".join(lines)


def _finding_line(table: TargetTable, finding: Finding) -> str:
    if finding.row is None:
        where, name = "全表", "—"
    else:
        where, name = f"第{finding.row}行", _short(table.indicators[finding.row - 1].name)
    severity = SEVERITY_LABELS[finding.severity]
    fix = f"\n    建议修改：{finding.fix.note}（lint --fix 可应用）" if finding.fix else ""
    return f"  {severity}\t{where}\t{name}\t{finding.message}（{finding.code}）{fix}"


def _short(name: str) -> str:
    return name if len(name) <= SHOWN_NAME_CHARS else name[: SHOWN_NAME_CHARS - 1] + "…"


def _json_entry(table: TargetTable, findings: list[Finding]) -> dict:
    return {
        "table_id": table.id,
        "name": table.name,
        "findings": [finding.model_dump(mode="json") for finding in findings],
        "report_card": report_card(findings).model_dump(
            mode="json", exclude={"dimensions": {"__all__": {"findings"}}}
        ),
    }
