"""`python -m assistant ingest [--if-missing]`: rebuild corpus/tables/*.json from the source files."""

from __future__ import annotations

import argparse
import sys

from assistant.corpus import run_ingest
from assistant.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("ingest", help="解析语料库中的源文件，重建 corpus/tables/*.json")
    parser.add_argument(
        "--if-missing", action="store_true", help="只在 corpus/tables 里还没有 JSON 时才重建"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """0 when every source parsed, 1 when some were skipped (their messages go to stderr)."""
    json_dir = settings.corpus_json_dir
    if args.if_missing and json_dir.is_dir() and any(json_dir.glob("*.json")):
        count = len(list(json_dir.glob("*.json")))
        print(f"语料库已有 {count} 张表的 JSON，跳过重建（--if-missing）。")
        return 0
    report = run_ingest(settings)
    files = len({table.source.file for table in report.tables})
    print(
        f"已解析 {len(report.tables)} 张表（{files} 个文件）：写入 {len(report.written)}，"
        f"未变 {len(report.unchanged)}，删除 {len(report.removed)}。目录：{json_dir}"
    )
    for message in report.failures:
        print(f"跳过：{message}", file=sys.stderr)
    return 1 if report.failures else 0
