"""`python -m evals.rule_rates [--write]`: how often each review rule fires on the real corpus.

Every table of corpus/tables is reviewed under both profiles, compared with the other corpus
tables (leave-one-out, for the history and 雷同 rules). The markdown goes to stdout, or with
--write replaces the generated part of docs/rules.md (between the two markers), so the rates in
the docs are always measured, never typed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from assistant.corpus import load_corpus
from assistant.rules import RULES, TablesContext, profile_label, review
from assistant.rules.card import dimension_of, report_card
from assistant.schema import Finding, TargetTable
from assistant.settings import get_settings

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
START, END = "<!-- rule-rates:start -->", "<!-- rule-rates:end -->"
SEVERITY = {"error": "错误", "warning": "警告"}
PROFILES = ("national", "strict")


def measure(tables: list[TargetTable]) -> dict[str, list[list[Finding]]]:
    """Findings per table under each profile, each table compared with all the others."""
    context = TablesContext(tables)
    return {p: [review(t, p, context) for t in tables] for p in PROFILES}


def _tables_hit(reviews: list[list[Finding]]) -> Counter:
    return Counter(code for findings in reviews for code in {f.code for f in findings})


def _rows_hit(reviews: list[list[Finding]]) -> Counter:
    return Counter(f.code for findings in reviews for f in findings if f.row is not None)


def rate_table(tables: list[TargetTable], measured: dict[str, list[list[Finding]]]) -> list[str]:
    n_tables, n_rows = len(tables), sum(len(t.indicators) for t in tables)
    national, strict = measured["national"], measured["strict"]
    tables_n, tables_s, rows_n = _tables_hit(national), _tables_hit(strict), _rows_hit(national)
    lines = [
        f"| 编码 | 级别 | 维度 | 含义 | 出处 | 命中表（全国口径，共{n_tables}张） "
        f"| 命中行（共{n_rows}行） | 命中表（从严口径） |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in RULES:
        rows = f"{rows_n[r.code]}（{rows_n[r.code] / n_rows:.0%}）" if rows_n[r.code] else "0"
        lines.append(
            f"| `{r.code}` | {SEVERITY[r.severity]} | {dimension_of(r.code)} | {r.summary} "
            f"| {r.source} | {tables_n[r.code]}（{tables_n[r.code] / n_tables:.0%}） | {rows} "
            f"| {tables_s[r.code]} |"
        )
    return lines


def verdict_table(tables: list[TargetTable], reviews: list[list[Finding]]) -> list[str]:
    lines = ["| 表 | 项目 | 评分（完整性/相关性/适当性/可行性/可衡量性） | 综合 | 结论 |"]
    lines.append("| --- | --- | --- | --- | --- |")
    for table, findings in zip(tables, reviews, strict=True):
        card = report_card(findings)
        grades = "/".join(d.grade for d in card.dimensions)
        lines.append(
            f"| {table.id} | {table.name[:24]} | {grades} | {card.overall} | {card.verdict} |"
        )
    return lines


def report(tables: list[TargetTable]) -> str:
    measured = measure(tables)
    lines = [
        START,
        f"以下由 `python -m evals.rule_rates --write` 在 corpus/tables 的 {len(tables)} 张真实表上生成"
        "（每张表与其余各表比较，用于“低于同类”和“雷同”）；请勿手改。",
        "",
        *rate_table(tables, measured),
        "",
        f"### 每张表的审核结论（{profile_label('national')}）",
        "",
        *verdict_table(tables, measured["national"]),
        END,
    ]
    return "\n".join(lines)


def write_docs(text: str, path: Path = DOCS) -> None:
    """Replace the generated part of docs/rules.md (the markers must be there)."""
    doc = path.read_text(encoding="utf-8")
    if START not in doc or END not in doc:
        raise SystemExit(f"{path} 缺少生成标记 {START} / {END}")
    head, rest = doc.split(START, 1)
    path.write_text(head + text + rest.split(END, 1)[1], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.rule_rates")
    parser.add_argument("--write", action="store_true", help="写入 docs/rules.md 的生成部分")
    args = parser.parse_args(argv)
    text = report(load_corpus(get_settings()))
    if args.write:
        write_docs(text)
    else:
        sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
