"""`python -m assistant search "燃气 安全检查" [filters] [--indicators] [-k N] [--json]`."""

from __future__ import annotations

import argparse
import json

from assistant.errors import AssistantError
from assistant.schema import SearchFilters
from assistant.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("search", help="检索相似的历史项目或指标行")
    parser.add_argument("query", help="检索内容，例如：燃气 安全检查")
    parser.add_argument("--indicators", action="store_true", help="检索指标行（默认检索项目）")
    parser.add_argument("-k", type=int, default=10, help="返回条数（默认 10）")
    parser.add_argument("--year", type=int, help="年度（等于 --year-min Y --year-max Y）")
    parser.add_argument("--year-min", type=int)
    parser.add_argument("--year-max", type=int)
    parser.add_argument("--department", help="主管部门编码或名称的一部分")
    parser.add_argument("--budget-min", type=float, help="预算下限（万元）")
    parser.add_argument("--budget-max", type=float, help="预算上限（万元）")
    parser.add_argument("--level1", help="一级指标，例如 满意度指标")
    parser.add_argument("--level2", help="二级指标，例如 数量指标")
    parser.add_argument("--exclude", action="append", default=[], help="排除的表 id（可重复）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    parser.set_defaults(func=run)


def filters_from_args(args: argparse.Namespace) -> SearchFilters:
    if args.k <= 0:
        raise AssistantError("-k 必须是正整数。")
    year_min = args.year if args.year is not None else args.year_min
    year_max = args.year if args.year is not None else args.year_max
    if year_min is not None and year_max is not None and year_min > year_max:
        raise AssistantError(f"年度范围无效：{year_min} 大于 {year_max}。")
    if None not in (args.budget_min, args.budget_max) and args.budget_min > args.budget_max:
        raise AssistantError(f"预算范围无效：{args.budget_min} 大于 {args.budget_max}。")
    return SearchFilters(
        department=args.department,
        year_min=year_min,
        year_max=year_max,
        budget_min=args.budget_min,
        budget_max=args.budget_max,
        level1=args.level1,
        level2=args.level2,
        exclude_table_ids=args.exclude,
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.wiring import open_index

    if not args.query.strip():
        raise AssistantError("检索内容不能为空。")
    filters = filters_from_args(args)
    index = open_index(settings)
    try:
        if args.indicators:
            hits = index.search_indicators(args.query, filters, k=args.k)
        else:
            hits = index.search_projects(args.query, filters, k=args.k)
    finally:
        index.close()
    if args.json:
        print(json.dumps([h.model_dump(mode="json") for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("没有找到符合条件的结果。")
        return 0
    for rank, hit in enumerate(hits, start=1):
        print(_line(rank, hit, args.indicators))
        print(f"    {hit.why}")
    return 0


def _line(rank: int, hit, indicators: bool) -> str:
    if indicators:
        ind = hit.indicator
        return (
            f"{rank}. {ind.name}｜{ind.level1}/{ind.level2}｜{ind.value.raw}"
            f"  ←  {hit.table_name}（{hit.table_id} 第{hit.row}行）"
        )
    table = hit.table
    budget = f"{table.budget.total:g}万元" if table.budget.total is not None else "预算未知"
    return f"{rank}. {table.name}（{table.id}，{table.year or '年度未知'}，{budget}，{table.department.name}）"
