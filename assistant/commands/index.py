"""`python -m assistant index [--force] [--quiet] [--json]`: build or update the retrieval index."""

from __future__ import annotations

import argparse

from assistant.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "index", help="按语料库建立/增量更新检索索引（只嵌入新增或改动的内容）"
    )
    parser.add_argument("--force", action="store_true", help="即使没有变化也重写索引文件")
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出构建报告")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.wiring import build_index

    report = build_index(settings, progress=not args.quiet, force=args.force)
    if args.json:
        print(report.model_dump_json(indent=2))
        return 0
    for note in report.messages:
        print(note)
    docs = "，".join(f"{_LABELS.get(g, g)} {n} 条" for g, n in report.documents.items())
    if not report.changed:
        print(f"索引已是最新：{report.tables} 张表（{docs}），用时 {report.seconds:.1f} 秒。")
        return 0
    print(
        f"索引已更新：{report.tables} 张表（{docs}）；新增/改动 {report.added}，删除 {report.deleted}，"
        f"未变 {report.unchanged}；实际嵌入 {report.embedded} 条文本，缓存命中 {report.cache_hits}；"
        f"用时 {report.seconds:.1f} 秒。"
    )
    return 0


_LABELS = {"tables": "项目", "indicators": "指标"}
