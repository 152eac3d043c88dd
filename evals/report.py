"""Write evals/report.md and evals/f1_per_table.png from an EvalRun, and a short console summary."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on servers and CI
import matplotlib.pyplot as plt  # noqa: E402

from evals.facts_recall import facts_summary  # noqa: E402
from evals.metrics import mean, rate  # noqa: E402
from evals.models import EvalRun, FactsResult, FidelityScores, ValidityResult  # noqa: E402
from evals.retrieval import summarize  # noqa: E402
from evals.slot_report import (  # noqa: E402
    CEILING_MEANING,
    ceiling_console,
    ceiling_rows,
    ceiling_text,
    slot_fidelity_rows,
    weak_slots_text,
)

_VALIDITY_CHECKS = (
    ("valid", "有效"),
    ("schema_valid", "结构合法"),
    ("categories_complete", "类别齐全"),
    ("costs_within_budget", "成本≤预算"),
    ("all_rows_cited", "逐行有出处"),
)


def _fmt(value, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(_fmt(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def validity_overall(results: list[ValidityResult], drafter: str) -> dict[str, float | None]:
    """Rate of each check (and of overall validity) for one drafter."""
    mine = [r for r in results if r.drafter == drafter]
    rates = {key: rate(bool(getattr(r, key)) for r in mine) for key, _ in _VALIDITY_CHECKS}
    rates["budget_read"] = rate(r.budget_read for r in mine if r.budget_read is not None)
    rates["errors"] = float(sum(r.review_errors for r in mine))
    rates["warnings"] = float(sum(r.review_warnings for r in mine))
    return rates


def fidelity_overall(scores: list[FidelityScores], drafter: str) -> dict[str, float | None]:
    """Means over the left-out tables for one drafter."""
    mine = [s for s in scores if s.drafter == drafter]
    return {
        "P": mean(s.precision for s in mine),
        "R": mean(s.recall for s in mine),
        "F1": mean(s.f1 for s in mine),
        "二级 coverage": mean(s.level2_coverage for s in mine),
        "value agreement": mean(s.value_agreement for s in mine),
        "cost ≤ budget": rate(
            s.cost_within_budget for s in mine if s.cost_within_budget is not None
        ),
        "cost ≥80% budget": rate(
            s.cost_close_to_budget for s in mine if s.cost_close_to_budget is not None
        ),
        "s/draft": mean(s.seconds for s in mine),
    }


_VALIDITY_COLUMNS = (
    ("case", lambda r: r.case_id),
    ("drafter", lambda r: r.drafter),
    ("有效", lambda r: r.valid),
    ("结构", lambda r: r.schema_valid),
    ("错误", lambda r: r.review_errors),
    ("警告", lambda r: r.review_warnings),
    ("缺类别", lambda r: "、".join(r.missing_slots) or "–"),
    ("成本≤预算", lambda r: r.costs_within_budget),
    ("出处", lambda r: r.all_rows_cited),
    ("预算读对", lambda r: r.budget_read),
    ("行数", lambda r: r.rows),
    ("s", lambda r: r.seconds),
    ("问题", lambda r: r.problem or "–"),
)


def _validity_section(run: EvalRun) -> list[str]:
    lines = ["## 1. Validity (briefs.yaml)", ""]
    header = [
        "drafter",
        *(label for _, label in _VALIDITY_CHECKS),
        "预算读对",
        "errors",
        "warnings",
    ]
    rows = []
    for name in run.drafters:
        o = validity_overall(run.validity, name)
        checks = [o[key] for key, _ in _VALIDITY_CHECKS]
        rows.append([name, *checks, o["budget_read"], int(o["errors"]), int(o["warnings"])])
    lines += _table(header, rows)
    lines += [
        "预算读对 (brief parsing read the stated budget) is reported but not part of 有效.",
        "",
        "Per case:",
        "",
    ]
    rows = [[get(r) for _, get in _VALIDITY_COLUMNS] for r in run.validity]
    return lines + _table([label for label, _ in _VALIDITY_COLUMNS], rows)


def _fidelity_section(run: EvalRun) -> list[str]:
    lines = ["## 2. Fidelity (leave-one-out on the real tables)", ""]
    overall = [fidelity_overall(run.fidelity, name) for name in run.drafters]
    header = ["drafter", *overall[0].keys()] if overall else ["drafter"]
    lines += _table(header, [[n, *o.values()] for n, o in zip(run.drafters, overall, strict=True)])
    if run.matcher:
        m = run.matcher
        lines += [
            f"Row matcher on the {m.pairs} labelled name pairs (cases/name_pairs.yaml): "
            f"precision {m.precision:.2f}, recall {m.recall:.2f}; misjudged: "
            + ("; ".join(m.wrong) or "none"),
            "",
        ]
    lines += ["Per slot (matched/draft rows/real rows, summed over the left-out tables):", ""]
    lines += _table(*slot_fidelity_rows(run))
    lines += weak_slots_text(run)
    lines += ["Per table (matched/draft rows/real rows, F1, 二级 coverage, value agreement):", ""]
    header = ["table", *run.drafters]
    rows = []
    for table_id in dict.fromkeys(s.table_id for s in run.fidelity):
        cells = [table_id]
        for name in run.drafters:
            s = next(
                (x for x in run.fidelity if x.table_id == table_id and x.drafter == name), None
            )
            cells.append(_fidelity_cell(s))
        rows.append(cells)
    return lines + _table(header, rows)


def _ceiling_section(run: EvalRun) -> list[str]:
    """How many real rows other tables could supply at all: the bound on copying rows."""
    lines = ["## 2b. Retrieval ceiling (leave-one-out)", "", CEILING_MEANING, ""]
    return [*lines, *_table(*ceiling_rows(run)), *ceiling_text(run), ""]


def _fidelity_cell(s: FidelityScores | None) -> str:
    if s is None:
        return "–"
    cell = f"{s.matched}/{s.draft_rows}/{s.real_rows} F1 {s.f1:.2f} cov {s.level2_coverage:.2f}"
    cell += f" val {_fmt(s.value_agreement)}"
    return cell + (f" ⚠ {s.problem}" if s.problem else "")


FACTS_TARGETS = "targets: recall ≥ 0.85, unit in header whenever named, off-topic ≤ 0.05"


_FACTS_HEADER = ["drafter", "cases", "recall", "unit", "off-topic", "s/draft"]


def _facts_section(run: EvalRun) -> list[str]:
    """Brief-facts recall, unit in header and off-topic rows, overall and per project type."""
    lines = ["## 4. Brief facts (facts_briefs.yaml)", "", FACTS_TARGETS, ""]
    rows = [[n, *facts_summary(run.facts, n).values()] for n in run.drafters]
    lines += _table(_FACTS_HEADER, rows)
    lines += _heldout_lines(run)
    lines += ["Per project type (recall / off-topic):", ""]
    kinds = list(dict.fromkeys(r.kind for r in run.facts))
    rows = []
    for kind in kinds:
        cells = [kind, facts_summary(run.facts, run.drafters[0], kind)["cases"]]
        for name in run.drafters:
            o = facts_summary(run.facts, name, kind)
            cells.append(f"{_fmt(o['recall'])} / {_fmt(o['off-topic'])}")
        rows.append(cells)
    lines += _table(["type", "cases", *run.drafters], rows)
    misses = [r for r in run.facts if r.drafter == run.drafters[0] and (r.missed or r.off_topic)]
    lines += [f"Where `{run.drafters[0]}` is still weak (missed facts; off-topic rows):", ""]
    return [*lines, *_missed_lines(misses), ""]


def _missed_lines(results: list[FactsResult]) -> list[str]:
    return [
        f"- {r.case_id}: missed {'、'.join(r.missed) or '–'}; off-topic {'、'.join(r.off_topic) or '–'}"
        for r in results
    ] or ["- none"]


def _heldout_lines(run: EvalRun) -> list[str]:
    """The held-out briefs (written after the drafter was built) as their own table."""
    title = "Held-out briefs, written after the drafter was built (facts_heldout.yaml)"
    if not run.facts_heldout:
        return [f"{title}: file not present, not run.", ""]
    rows = [[n, *facts_summary(run.facts_heldout, n).values()] for n in run.drafters]
    lines = [f"{title}:", "", *_table(_FACTS_HEADER, rows)]
    first = run.drafters[0]
    misses = [r for r in run.facts_heldout if r.drafter == first and (r.missed or r.off_topic)]
    lines += [f"Held-out briefs where `{first}` missed facts or added off-topic rows:", ""]
    return [*lines, *_missed_lines(misses), ""]


def _retrieval_section(run: EvalRun) -> list[str]:
    lines = ["## 3. Retrieval (retrieval.yaml, project search)", ""]
    header = ["cases", "mode", "recall@1", "recall@5", "MRR", "n"]
    rows = []
    for kind in (None, "paraphrase", "keyword", "category"):
        for mode, m in summarize(run.retrieval, kind).items():
            rows.append([kind or "all", mode, m["recall@1"], m["recall@5"], m["MRR"], int(m["n"])])
    lines += _table(header, rows)
    lines += ["Per query (rank of the first right answer per mode; – = not in the top 10):", ""]
    modes = list(dict.fromkeys(r.mode for r in run.retrieval))
    rows = []
    for query in dict.fromkeys(r.query for r in run.retrieval):
        mine = {r.mode: r for r in run.retrieval if r.query == query}
        first = next(iter(mine.values()))
        ranks = [
            round(1 / mine[m].reciprocal_rank) if mine[m].reciprocal_rank else None for m in modes
        ]
        rows.append([query, first.kind, ", ".join(first.expected), *ranks])
    return lines + _table(["query", "kind", "expected", *modes], rows)


def write_report(run: EvalRun, out_dir: Path) -> Path:
    """Write report.md and f1_per_table.png into out_dir; returns the report path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    plot_f1(run, out_dir / "f1_per_table.png")
    lines = [
        "# Evaluation report",
        "",
        f"Run {run.started_at}, {run.seconds:.0f} s; embedder `{run.embedder}`, LLM `{run.llm}`, "
        f"{run.corpus_tables} corpus tables.",
        "",
        *[f"- {note}" for note in run.notes],
        "",
        *_validity_section(run),
        *_fidelity_section(run),
        "![F1 per table](f1_per_table.png)",
        "",
        *_ceiling_section(run),
        *_retrieval_section(run),
        *_facts_section(run),
    ]
    path = out_dir / "report.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def plot_f1(run: EvalRun, path: Path) -> None:
    """Grouped bars: row F1 per left-out table, one bar per drafter/baseline."""
    table_ids = list(dict.fromkeys(s.table_id for s in run.fidelity))
    width = 0.8 / max(len(run.drafters), 1)
    fig, ax = plt.subplots(figsize=(max(8, len(table_ids) * 0.9), 4.5))
    for n, name in enumerate(run.drafters):
        f1 = {s.table_id: s.f1 for s in run.fidelity if s.drafter == name}
        xs = [i + (n - (len(run.drafters) - 1) / 2) * width for i in range(len(table_ids))]
        ax.bar(xs, [f1.get(t, 0.0) for t in table_ids], width, label=name)
    ax.set_xticks(range(len(table_ids)))
    ax.set_xticklabels([_short_id(t) for t in table_ids], rotation=45, ha="right", fontsize=8)
    ax.set_ylim(0, 1)
    ax.set_ylabel("row F1 vs the real table")
    ax.set_title("Leave-one-out row F1 per table")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _short_id(table_id: str) -> str:
    # Tick labels stay ASCII: a server may have no CJK font.
    stem, _, number = table_id.rpartition("-")
    return f"{stem[:8]}…{stem[-7:]}-{number}" if len(stem) > 16 else table_id


def console_summary(run: EvalRun) -> str:
    """A few lines for the terminal: the headline numbers."""
    lines = [f"evals: {run.corpus_tables} tables, {run.seconds:.0f} s"]
    for name in run.drafters:
        v = validity_overall(run.validity, name)
        f = fidelity_overall(run.fidelity, name)
        lines.append(
            f"  {name:18s} validity {_fmt(v['valid'])}  F1 {_fmt(f['F1'])}  "
            f"values {_fmt(f['value agreement'])}  {_fmt(f['s/draft'])} s/draft"
        )
    for name in run.drafters:
        o = facts_summary(run.facts, name)
        lines.append(
            f"  {name:18s} facts recall {_fmt(o['recall'])}  unit {_fmt(o['unit'])}  "
            f"off-topic {_fmt(o['off-topic'])}"
        )
    for name in run.drafters if run.facts_heldout else []:
        o = facts_summary(run.facts_heldout, name)
        lines.append(
            f"  {name:18s} held-out facts recall {_fmt(o['recall'])}  unit {_fmt(o['unit'])}  "
            f"off-topic {_fmt(o['off-topic'])} ({o['cases']} briefs)"
        )
    lines += ceiling_console(run)
    for mode, m in summarize(run.retrieval).items():
        lines.append(
            f"  retrieval {mode:8s} R@1 {m['recall@1']:.2f}  R@5 {m['recall@5']:.2f}  MRR {m['MRR']:.2f}"
        )
    return "\n".join(lines)
