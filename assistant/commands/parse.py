"""`python -m assistant parse FILE [--json]`: show the tables of a file without touching the corpus."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.importers import parse
from assistant.schema import TargetTable
from assistant.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "parse", help="读取目标表文件（.txt/.docx/.xlsx）并显示，不改动语料库"
    )
    parser.add_argument("file", type=Path, help="要读取的文件")
    parser.add_argument("--json", action="store_true", help="输出 JSON（TargetTable 列表）")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    tables = parse(
        args.file, settings.max_upload_mb, max_decompressed_mb=settings.max_decompressed_mb
    )
    if args.json:
        data = [table.model_dump(mode="json") for table in tables]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for table in tables:
            print(summary_line(table))
    return 0


def summary_line(table: TargetTable) -> str:
    """One line per table: id, name, budget (万元), indicator row count."""
    budget = "预算未填" if table.budget.total is None else f"预算{table.budget.total:.2f}万元"
    return f"{table.id}\t{table.name}\t{budget}\t{len(table.indicators)}行指标"
