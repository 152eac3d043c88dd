"""`python -m evals.headline [--write]`: the README's headline table, from generated results only.

Every figure comes from `evals/headline.json` (written by `python -m evals`) or from
`benchmarks/results/*.json` (written by `python -m benchmarks`); nothing in the table is typed.
`--write` replaces the part of README.md between the two markers, and tests/test_headline.py fails
when the README and the committed results disagree.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import Field

from assistant.schema import Model
from evals.facts_recall import facts_summary
from evals.models import EvalRun
from evals.report import fidelity_overall, validity_overall
from evals.retrieval import summarize

ROOT = Path(__file__).resolve().parent.parent
HEADLINE_JSON = ROOT / "evals" / "headline.json"
BENCH_RESULTS = ROOT / "benchmarks" / "results"
README = ROOT / "README.md"
START, END = "<!-- headline:start -->", "<!-- headline:end -->"


class DrafterFigures(Model):
    """One drafter's (or baseline's) headline figures in one eval run."""

    name: str
    validity: float | None = Field(None, description="Share of validity briefs drafted valid.")
    review_errors: int = 0
    f1: float | None = Field(None, description="Mean leave-one-out row F1.")
    cost_within_budget: float | None = None
    facts_recall: float | None = None
    facts_recall_heldout: float | None = Field(
        None, description="Brief-facts recall on the held-out briefs (facts_heldout.yaml)."
    )
    unit_in_header: float | None = None
    off_topic: float | None = None


class Headline(Model):
    """What `make eval` measured, reduced to the README's figures."""

    started_at: str
    corpus_tables: int
    validity_briefs: int
    scored_tables: int = Field(description="Tables left out one at a time and scored.")
    facts_briefs: int
    facts_heldout_briefs: int = Field(0, description="Held-out briefs; 0 when not run.")
    retrieval_queries: int
    drafters: list[DrafterFigures]
    retrieval: dict[str, dict[str, float]] = Field(description="recall@1, recall@5 per mode.")


def headline_of(run: EvalRun) -> Headline:
    """The README's figures of one eval run."""
    drafters = []
    for name in run.drafters:
        valid, fidelity = validity_overall(run.validity, name), fidelity_overall(run.fidelity, name)
        facts = facts_summary(run.facts, name)
        heldout = facts_summary(run.facts_heldout, name)
        drafters.append(
            DrafterFigures(
                name=name,
                validity=valid["valid"],
                review_errors=int(valid["errors"] or 0),
                f1=fidelity["F1"],
                cost_within_budget=fidelity["cost ≤ budget"],
                facts_recall=facts["recall"],
                facts_recall_heldout=heldout["recall"],
                unit_in_header=facts["unit"],
                off_topic=facts["off-topic"],
            )
        )
    return Headline(
        started_at=run.started_at,
        corpus_tables=run.corpus_tables,
        validity_briefs=len({r.case_id for r in run.validity}),
        scored_tables=len({s.table_id for s in run.fidelity}),
        facts_briefs=len({r.case_id for r in run.facts}),
        facts_heldout_briefs=len({r.case_id for r in run.facts_heldout}),
        retrieval_queries=len({(r.query, r.kind) for r in run.retrieval}),
        drafters=drafters,
        retrieval={
            mode: {k: round(v, 2) for k, v in m.items() if k in ("recall@1", "recall@5")}
            for mode, m in summarize(run.retrieval).items()
        },
    )


def write_headline(run: EvalRun, path: Path = HEADLINE_JSON) -> Path:
    """Store the run's headline figures next to its report."""
    path.write_text(headline_of(run).model_dump_json(indent=2) + "\n", encoding="utf-8")
    return path


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _by_name(headline: Headline) -> dict[str, DrafterFigures]:
    return {d.name: d for d in headline.drafters}


def eval_rows(h: Headline) -> list[tuple[str, str]]:
    """(what, figure) rows measured by `make eval`."""
    d = _by_name(h)
    mine, near, generic = d.get("embedded"), d.get("nearest-table"), d.get("generic-template")
    if mine is None:
        return []
    others = [x for x in (near, generic) if x]

    def beside(attr: str, fmt) -> str:
        return "".join(f" · {fmt(getattr(x, attr))} {x.name}" for x in others)

    modes = " · ".join(
        f"{mode} {m['recall@1']:.2f} / {m['recall@5']:.2f}" for mode, m in h.retrieval.items()
    )
    heldout = [
        (
            f"brief-facts recall, {h.facts_heldout_briefs} held-out briefs written after the "
            "drafter was built",
            f"**{_pct(mine.facts_recall_heldout)}** drafter{beside('facts_recall_heldout', _pct)}",
        )
    ]
    return [
        (
            f"draft validity, embedded drafter ({h.validity_briefs} briefs)",
            f"**{_pct(mine.validity)}** ({mine.review_errors} review errors){beside('validity', _pct)}",
        ),
        (
            f"brief-facts recall ({h.facts_briefs} briefs; target ≥ 85%)",
            f"**{_pct(mine.facts_recall)}** drafter{beside('facts_recall', _pct)}",
        ),
        *(heldout if h.facts_heldout_briefs else []),
        (
            "unit named in the brief reaches the header",
            f"**{_pct(mine.unit_in_header)}** drafter{beside('unit_in_header', _pct)}",
        ),
        (
            "off-topic rows (target ≤ 5%)",
            f"**{_pct(mine.off_topic)}** drafter{beside('off_topic', _pct)}",
        ),
        (
            f"leave-one-out row F1, {h.scored_tables} complete real tables (of {h.corpus_tables}; "
            "target ≥ 0.45)",
            f"**{_num(mine.f1)}** drafter{beside('f1', _num)}",
        ),
        (
            "money costs ≤ budget (leave-one-out)",
            f"{_pct(mine.cost_within_budget)} drafter{beside('cost_within_budget', _pct)}",
        ),
        (f"project retrieval recall@1 / @5 ({h.retrieval_queries} queries)", modes),
    ]


def bench_rows(results: dict[str, dict | None]) -> list[tuple[str, str]]:
    """(what, figure) rows measured by `make bench`; a benchmark not run gives no row."""
    rows = []
    if draft := results.get("draft"):
        by_size = {v["tables"]: v for v in draft["indexes"].values()}
        cells = [
            f"{v['p50_ms']:.0f} / {v['p95_ms']:.0f} ms at {n} tables" for n, v in by_size.items()
        ]
        rows.append(
            (
                "embedded draft p50 / p95 (target p50 ≤ 100 ms real, ≤ 150 ms at 10k)",
                " · ".join(cells),
            )
        )
    if index := results.get("index"):
        for size, figures in index["sizes"].items():
            hybrid, build = figures["latency"]["hybrid"], figures["build"]
            rows.append(
                (
                    f"hybrid search p50 / p95, {size} synthetic tables (target ≤ 50 ms)",
                    f"{hybrid['p50_ms']:.0f} / {hybrid['p95_ms']:.0f} ms",
                )
            )
            rows.append(
                (
                    f"index build, {size} synthetic tables: cold / nothing changed "
                    "(targets ≤ 10 min / ≤ 10 s)",
                    f"{build['cold_build_s']:.0f} s / {build['unchanged_rerun_s']:.1f} s "
                    f"(load average {index['machine']['load_before']:.1f} on "
                    f"{index['machine']['cpus']} cores)",
                )
            )
    if load := results.get("load"):
        step = load["steps"]["draft"]
        rows.append(
            (
                f"{load['sessions']} concurrent chat sessions, draft p50 / p95",
                f"{step['p50_ms'] / 1000:.1f} / {step['p95_ms'] / 1000:.1f} s "
                f"({step['alone_ms'] / 1000:.1f} s alone)",
            )
        )
    return rows


def render(headline: Headline | None, results: dict[str, dict | None]) -> str:
    """The markdown block between the README markers."""
    rows = (eval_rows(headline) if headline else []) + bench_rows(results)
    lines = [
        START,
        "Generated by `python -m evals.headline --write` from `evals/headline.json` (`make eval`) and "
        "`benchmarks/results/` (`make bench`); do not edit by hand.",
        "",
        "| what | figure |",
        "| --- | --- |",
        *[f"| {what} | {figure} |" for what, figure in rows],
        END,
    ]
    return "\n".join(lines)


def current_block() -> str:
    """The block as the committed results give it."""
    headline = (
        Headline.model_validate_json(HEADLINE_JSON.read_text(encoding="utf-8"))
        if HEADLINE_JSON.is_file()
        else None
    )
    return render(headline, {name: _bench_result(name) for name in ("draft", "index", "load")})


def _bench_result(name: str) -> dict | None:
    # Read as files: evals and benchmarks are separate layers and do not import each other.
    path = BENCH_RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def readme_block(text: str) -> str:
    """The README's generated block (markers included), empty when it has none."""
    if START not in text or END not in text:
        return ""
    return text[text.index(START) : text.index(END) + len(END)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.headline")
    parser.add_argument("--write", action="store_true", help="写入 README.md 的生成部分")
    args = parser.parse_args(argv)
    block = current_block()
    if not args.write:
        print(block)
        return 0
    text = README.read_text(encoding="utf-8")
    if not readme_block(text):
        print("README.md 中没有 headline 标记", file=sys.stderr)
        return 1
    README.write_text(text.replace(readme_block(text), block), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
