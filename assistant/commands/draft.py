"""`python -m assistant draft "描述…" [--json] [--brief FILE.json] [--year N] [--exclude ID] [--no-llm]`.

The LLM named by JXMB_LLM (none | openai:… | llamacpp:… | fake:…) refines the draft unless --no-llm.

JSON output keeps the corpus contract: the top level IS the TargetTable (every row with its
`source`); everything else about the draft sits under the one extra key `draft`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pydantic import ValidationError

from assistant.citations import source_text
from assistant.errors import AssistantError
from assistant.rules.card import grades_line, report_card
from assistant.schema import Draft, ProjectBrief, SearchFilters
from assistant.settings import Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("draft", help="根据项目描述起草绩效目标表")
    parser.add_argument(
        "text", nargs="?", default="", help="项目描述，例如：2026年燃气管道安全巡检，预算80万元"
    )
    parser.add_argument("--brief", type=Path, help="ProjectBrief JSON 文件（代替或补充文字描述）")
    parser.add_argument("--year", type=int, help="预算年度（覆盖描述中的年度）")
    parser.add_argument("--exclude", action="append", default=[], help="不参考的表 id（可重复）")
    parser.add_argument(
        "--json", action="store_true", help="以 JSON 输出（顶层为目标表，其余在 draft 键下）"
    )
    parser.add_argument(
        "--no-llm", action="store_true", help="不使用大模型（忽略 JXMB_LLM），只用内置起草"
    )
    parser.set_defaults(func=run)


def load_brief(args: argparse.Namespace) -> ProjectBrief:
    """The brief from --brief and/or the text; --year overrides the year."""
    from assistant.drafting.brief import missing_fields, parse_brief

    if args.brief is not None:
        brief = _read_brief_file(args.brief)
        if args.text.strip():
            brief.text = args.text.strip()
    else:
        brief = parse_brief(args.text)
    if args.year is not None:
        if not 1990 <= args.year <= 2100:
            raise AssistantError(f"年度无效：{args.year}，应为四位数年份。")
        brief.year = args.year
    brief.missing = missing_fields(brief)
    return brief


def _read_brief_file(path: Path) -> ProjectBrief:
    try:
        return ProjectBrief.model_validate_json(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AssistantError(f"无法读取项目描述文件「{path}」：{exc.strerror}") from exc
    except ValidationError as exc:
        problem = "；".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
        raise AssistantError(
            f"项目描述文件「{path}」不是有效的 ProjectBrief JSON：{problem}"
        ) from exc


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.wiring import make_drafter, open_index

    brief = load_brief(args)
    index = open_index(settings)
    try:
        drafter = make_drafter(settings, index, refiner=not args.no_llm)
        filters = SearchFilters(exclude_table_ids=args.exclude) if args.exclude else None
        draft = drafter.draft(brief, filters=filters)
    finally:
        index.close()
    print(draft_json(draft) if args.json else render_draft(draft))
    return 0


def draft_json(draft: Draft) -> str:
    """The table at the top level (corpus JSON contract) + `draft`: brief, findings, notes…"""
    data = draft.table.model_dump(mode="json")
    data["draft"] = draft.model_dump(mode="json", exclude={"table"})
    return json.dumps(data, ensure_ascii=False, indent=2)


def render_draft(draft: Draft) -> str:
    """A readable table with a source per row, then findings, assumptions, questions, notes."""
    table = draft.table
    budget = table.budget
    lines = [
        f"项目名称：{table.name}",
        f"年度：{table.year}    主管部门：{table.department.name or '（未填）'}    起草：{draft.drafter}",
        f"预算数：{_money(budget.total)}    其中财政资金：{_money(budget.fiscal)}    其他资金：{_money(budget.other)}",
        "绩效目标：",
        *[f"  {goal}" for goal in table.goals],
        "",
        "行 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 来源",
    ]
    for n, ind in enumerate(table.indicators, start=1):
        lines.append(
            f"{n} | {ind.level1} | {ind.level2} | {ind.name} | {ind.value.raw} | {source_text(ind.source)}"
        )
    card = report_card(draft.findings)
    lines += ["", f"审核结论：{card.verdict}（{grades_line(card)}）"]
    sections = (
        ("审核提示", [f"[{f.severity}] {f.message}" for f in draft.findings]),
        ("假设", draft.assumptions),
        ("待确认", draft.questions),
        ("修复记录", draft.notes),
    )
    for title, items in sections:
        if items:
            lines += ["", f"{title}：", *[f"  · {item}" for item in items]]
    return "\n".join(lines)


def _money(amount: float | None) -> str:
    return "未提供" if amount is None else f"{amount:g}万元"
