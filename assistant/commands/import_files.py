"""`python -m assistant import DIR|ZIP|FILE…`: file every target table of a folder or .zip.

Prints one line per file (tables and rows filed, notes, or why it was refused), then updates the
index once. Exit code 0 when every file was filed, 1 when some were refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from assistant.bulk_import import BulkReport, FileReport, bulk_import
from assistant.errors import AssistantError
from assistant.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import", help="批量导入文件夹或 .zip 中的目标表（.txt/.docx/.xlsx）到语料库并更新索引"
    )
    parser.add_argument("sources", type=Path, nargs="+", help="文件夹、.zip 或单个文件")
    parser.add_argument("--no-index", action="store_true", help="只写入语料库，不更新索引")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    missing = [str(p) for p in args.sources if not p.exists()]
    if missing:
        raise AssistantError(f"找不到：{'、'.join(missing)}")
    with tqdm(total=0, unit="个文件", file=sys.stderr, disable=not sys.stderr.isatty()) as bar:

        def progress(done: int, total: int, name: str) -> None:
            bar.total = total
            bar.update(done - bar.n)
            bar.set_postfix_str(name[-30:])

        report = bulk_import(args.sources, settings, progress=progress)
    for line in report_lines(report):
        print(line)
    if report.filed and not args.no_index:
        from index import build_index

        built = build_index(settings, progress=False)
        print(f"索引已更新：{built.tables} 张表，写入 {built.added} 条。")
    return 1 if report.refused else 0


def report_lines(report: BulkReport) -> list[str]:
    """One line per file, then the summary."""
    return [*(_line(f) for f in report.files), report.summary()]


def _line(item: FileReport) -> str:
    if item.refused:
        return f"拒绝\t{item.file}\t{item.refused}"
    notes = "；".join(item.warnings)
    return (
        f"导入\t{item.file}\t{len(item.table_ids)} 张表，{item.rows} 行指标"
        f"\t{'、'.join(item.table_ids)}" + (f"\t提示：{notes}" if notes else "")
    )
