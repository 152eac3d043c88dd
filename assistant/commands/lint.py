"""`python -m assistant lint FILE [--json]`: run the review rules on every table of a file.

FILE is .txt/.docx/.xlsx (read by the importers) or .json: one TargetTable, a list of them, or a
Draft-like object with a `table` key. Exit code 0 = no errors, 1 = some error, 2 = bad input.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import ValidationError

from assistant.errors import ImportFailed
from assistant.rules import has_errors, review
from assistant.schema import Finding, TargetTable
from assistant.settings import Settings

SEVERITY_LABELS = {"error": "错误", "warning": "警告"}
SHOWN_NAME_CHARS = 16
VALIDATION_PROBLEMS = {
    "missing": "缺少必填字段",
    "extra_forbidden": "是不认识的字段（拼写错误？）",
    "literal_error": "取值不在允许范围内",
}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "lint", help="按审核规则检查目标表文件（.txt/.docx/.xlsx/.json），有错误时退出码为1"
    )
    parser.add_argument("file", type=Path, help="要检查的文件")
    parser.add_argument("--json", action="store_true", help="输出 JSON：每张表的 findings 列表")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    tables = load_tables(args.file, settings.max_upload_mb)
    reviewed = [(table, review(table)) for table in tables]
    if args.json:
        print(json.dumps([_json_entry(t, f) for t, f in reviewed], ensure_ascii=False, indent=2))
    else:
        print(format_report(reviewed))
    return 1 if any(has_errors(findings) for _, findings in reviewed) else 0


def load_tables(path: Path, max_upload_mb: float) -> list[TargetTable]:
    """The tables of `path`: JSON validated against TargetTable, other files via the importers."""
    if path.suffix.lower() != ".json":
        from assistant.importers import parse

        return parse(path, max_upload_mb)
    if not path.is_file():
        raise ImportFailed(path.name, "文件不存在或不是普通文件。")
    if path.stat().st_size > max_upload_mb * 1024 * 1024:
        raise ImportFailed(path.name, f"文件超过上限 {max_upload_mb:g} MB（max_upload_mb）。")
    return tables_from_json(path.read_bytes(), path.name)


def tables_from_json(data: bytes, name: str) -> list[TargetTable]:
    """Validate JSON bytes as one table, a list of tables, or a draft with a `table` key."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportFailed(name, "不是 UTF-8 编码的 JSON 文件。") from exc
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            name, f"JSON 格式错误：第{exc.lineno}行第{exc.colno}列（{exc.msg}）。"
        ) from exc
    items = document if isinstance(document, list) else [document]
    if not items:
        raise ImportFailed(name, "JSON 列表是空的，没有目标表。")
    return [_table_from_item(item, number, name) for number, item in enumerate(items, start=1)]


def _table_from_item(item: object, number: int, name: str) -> TargetTable:
    if isinstance(item, dict) and "table" in item:
        item = item["table"]  # a Draft (or draft-like export): review its table
    if not isinstance(item, dict):
        raise ImportFailed(
            name, f"第{number}项不是目标表对象（应为含 name、indicators 等字段的对象）。"
        )
    try:
        return TargetTable.model_validate(item)
    except ValidationError as exc:
        raise ImportFailed(name, f"第{number}张表不符合目标表格式：{_explain(exc)}") from exc


def _explain(exc: ValidationError) -> str:
    """The first few validation problems, in Chinese, each naming the field path."""
    problems = []
    for error in exc.errors()[:3]:
        field = ".".join(str(part) for part in error["loc"]) or "（整个对象）"
        problem = VALIDATION_PROBLEMS.get(error["type"], "的值无效或类型不对")
        problems.append(f"字段 {field} {problem}")
    more = exc.error_count() - len(problems)
    return "；".join(problems) + (f"；另有{more}处问题。" if more > 0 else "。")


def format_report(reviewed: list[tuple[TargetTable, list[Finding]]]) -> str:
    """Human report: one block per table, one line per finding (级别, 行号, 三级指标, 说明)."""
    lines = []
    for table, findings in reviewed:
        errors = sum(f.severity == "error" for f in findings)
        lines.append(
            f"【{table.id or '未编号'}】{table.name}：错误 {errors} 条，警告 {len(findings) - errors} 条"
        )
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
    return f"  {severity}\t{where}\t{name}\t{finding.message}（{finding.code}）"


def _short(name: str) -> str:
    return name if len(name) <= SHOWN_NAME_CHARS else name[: SHOWN_NAME_CHARS - 1] + "…"


def _json_entry(table: TargetTable, findings: list[Finding]) -> dict:
    return {
        "table_id": table.id,
        "name": table.name,
        "findings": [finding.model_dump(mode="json") for finding in findings],
    }
