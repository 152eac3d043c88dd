"""Target tables from JSON: one TargetTable, a list of them, or a Draft-like object with a
`table` key (what `parse --json`, `draft --json` and the corpus write). Used by `lint` and `export`."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from assistant.errors import ImportFailed
from assistant.schema import TargetTable

VALIDATION_PROBLEMS = {
    "missing": "缺少必填字段",
    "extra_forbidden": "是不认识的字段（拼写错误？）",
    "literal_error": "取值不在允许范围内",
}


def read_json_tables(path: Path, max_upload_mb: float | None = None) -> list[TargetTable]:
    """The tables of a JSON file; ImportFailed (Chinese) when missing, too big or not tables."""
    if not path.is_file():
        raise ImportFailed(path.name, "文件不存在或不是普通文件。")
    if max_upload_mb is not None and path.stat().st_size > max_upload_mb * 1024 * 1024:
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
    elif isinstance(item, dict) and "draft" in item:
        # `draft --json`: the table at the top level, the rest of the draft under "draft".
        item = {key: value for key, value in item.items() if key != "draft"}
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
