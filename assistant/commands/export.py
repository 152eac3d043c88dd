"""`python -m assistant export FILE.json --to OUT.xlsx|OUT.docx|OUT.html [--table ID | --all]`.

FILE.json holds one TargetTable, a list of them (what `parse --json` prints) or a Draft (its
table is exported). From a list, `--table ID` picks one, `--all` writes every table (a sheet or a
page each) and otherwise the first table is exported.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.errors import AssistantError
from assistant.exporters import export_tables
from assistant.importers.json_tables import read_json_tables
from assistant.rules import review
from assistant.rules.card import report_card
from assistant.schema import TargetTable
from assistant.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="把 JSON 中的目标表导出为 .xlsx、.docx 或打印预览 .html（报送格式，合并一级/二级单元格）",
    )
    parser.add_argument("file", type=Path, help="JSON 文件：一张表、表的列表或草稿")
    parser.add_argument(
        "--to",
        required=True,
        type=Path,
        help="输出文件，扩展名 .xlsx、.docx 或 .html（A4 打印预览）",
    )
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--table", help="列表中要导出的表 id（默认导出第一张）")
    choice.add_argument(
        "--all", action="store_true", help="导出列表中的全部表（每表一个工作表/一页）"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    tables = load_tables(args.file)
    chosen = select_tables(tables, args.table, args.all, args.file.name)
    cards = [report_card(review(table, settings.review_profile)) for table in chosen]
    written = export_tables(chosen, args.to, cards)
    names = "、".join(table.name for table in chosen)
    print(f"已导出 {len(chosen)} 张表到 {written}：{names}")
    return 0


def load_tables(path: Path) -> list[TargetTable]:
    """The tables in a JSON file: a TargetTable, a list of them, or a Draft's table."""
    return read_json_tables(path)


def select_tables(
    tables: list[TargetTable], table_id: str | None, everything: bool, file: str
) -> list[TargetTable]:
    """Which tables to write: all, the one with `table_id`, or the first."""
    if not tables:
        raise AssistantError(f"文件「{file}」里没有目标表。")
    if everything:
        return tables
    if table_id is None:
        return tables[:1]
    matches = [table for table in tables if table.id == table_id]
    if not matches:
        known = "、".join(table.id or "（无 id）" for table in tables[:10])
        raise AssistantError(f"文件「{file}」里没有 id 为「{table_id}」的表。可选：{known}")
    return matches[:1]
