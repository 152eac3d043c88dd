"""What the report says per slot: each drafter's matched rows, the retrieval ceiling, and where
the first drafter is weakest. Rows and sentences only; evals/report.py lays them out."""

from __future__ import annotations

from evals.ceiling import ceiling_bounds, ceiling_by_slot, matched_within
from evals.fidelity import fidelity_by_slot
from evals.metrics import mean
from evals.models import EvalRun

WEAK_SLOTS = 3  # how many of the worst slots the weak-spots sentence names

CEILING_MEANING = (
    "A drafter matches a real row only by copying a similar row of another table or by composing "
    "it from the brief and the indicator library, so the rows no other table has (not matchable "
    "below) must come from the brief or the library. Matchable: a row of the same slot in "
    "another corpus table (partial tables included) scores ≥ the matcher threshold. Bound for a "
    "drafter that only copies: per table recall R ≤ matchable / real rows; copying exactly one "
    "partner per matchable row and nothing else (precision 1) gives F1 = 2R/(1+R); the F1 bound "
    "is its mean over the scored tables, like F1 above."
)


def slot_fidelity_rows(run: EvalRun) -> tuple[list[str], list[list]]:
    """(header, rows): matched/draft/real rows per slot for every drafter, then all slots."""
    per_drafter = {name: fidelity_by_slot(run.fidelity, name) for name in run.drafters}
    slots = list(dict.fromkeys(slot for d in per_drafter.values() for slot in d))
    rows = []
    for slot in slots:
        cells = [per_drafter[name].get(slot) for name in run.drafters]
        rows.append([slot, *(f"{c.matched}/{c.draft}/{c.real}" if c else "–" for c in cells)])
    totals = []
    for name in run.drafters:
        d = per_drafter[name].values()
        totals.append(
            f"{sum(c.matched for c in d)}/{sum(c.draft for c in d)}/{sum(c.real for c in d)}"
        )
    return ["slot", *run.drafters], [*rows, ["all", *totals]]


def weak_slots_text(run: EvalRun) -> list[str]:
    """The first drafter's worst slots by recall, with what other tables could have supplied,
    and the slots where it leaves the most matchable rows unmatched."""
    if not run.drafters or not run.fidelity:
        return []
    name = run.drafters[0]
    by_slot = [s for s in fidelity_by_slot(run.fidelity, name).values() if s.real]
    matchable = {slot: can for slot, (can, _) in ceiling_by_slot(run.ceiling).items()}
    within = matched_within(run.fidelity, name, run.ceiling)
    lines = [f"Where `{name}` is still weak in leave-one-out (worst slots by recall):", ""]
    for s in sorted(by_slot, key=lambda s: (s.matched / s.real, -s.real))[:WEAK_SLOTS]:
        line = f"- {s.slot}: {s.matched} of {s.real} real rows matched from {s.draft} draft rows "
        line += f"(recall {s.matched / s.real:.2f})"
        if s.slot in matchable:
            line += (
                f"; {matchable[s.slot]} of the {s.real} are matchable from other tables, "
                f"{within.get(s.slot, 0)} of them matched"
            )
        lines.append(line + ".")
    gaps = {slot: can - within.get(slot, 0) for slot, can in matchable.items()}
    worst_gaps = sorted((g for g in gaps.items() if g[1] > 0), key=lambda g: -g[1])[:WEAK_SLOTS]
    if worst_gaps:
        named = ", ".join(f"{slot} {gap}" for slot, gap in worst_gaps)
        lines.append(
            f"- Most matchable rows left unmatched (retrieval could supply them): {named}."
        )
    return [*lines, ""]


def ceiling_rows(run: EvalRun) -> tuple[list[str], list[list]]:
    """(header, rows): real and matchable rows per slot, and the first drafter's matches."""
    name = run.drafters[0] if run.drafters else ""
    matched = fidelity_by_slot(run.fidelity, name)
    within = matched_within(run.fidelity, name, run.ceiling)
    header = [
        "slot",
        "real rows",
        "matchable",
        "recall bound",
        f"{name} matched",
        "of them matchable",
    ]
    rows = []
    for slot, (can, real) in ceiling_by_slot(run.ceiling).items():
        got = matched[slot].matched if slot in matched else 0
        rows.append([slot, real, can, can / real if real else None, got, within.get(slot, 0)])
    if rows:
        total = [sum(r[i] for r in rows) for i in (1, 2, 4, 5)]
        rows.append(["all", total[0], total[1], total[1] / total[0], total[2], total[3]])
    return header, rows


def ceiling_text(run: EvalRun) -> list[str]:
    """The bound in one sentence and how many of the first drafter's matches lie beyond it."""
    b = ceiling_bounds(run.ceiling)
    if not b["real"]:
        return ["No scored table: no ceiling."]
    name = run.drafters[0]
    mine = [s for s in run.fidelity if s.drafter == name]
    matched = sum(s.matched for s in mine)
    beyond = matched - sum(matched_within(run.fidelity, name, run.ceiling).values())
    f1 = mean(s.f1 for s in mine)
    return [
        f"{b['matchable']} of the {b['real']} rows of the {b['tables']} scored tables are "
        f"matchable from other tables. A copy-only drafter could reach at best recall "
        f"{b['recall bound']:.2f} over all rows ({b['mean recall bound']:.2f} mean over tables) "
        f"and mean row F1 {b['F1 bound']:.2f}; `{name}` reaches F1 "
        f"{'–' if f1 is None else f'{f1:.2f}'} (target ≥ 0.45).",
        f"{beyond} of `{name}`'s {matched} matched rows have no matchable row in another table: "
        "they came from the brief or the indicator library.",
    ]


def ceiling_console(run: EvalRun) -> list[str]:
    """Console lines: the ceiling and the first drafter's rows per slot."""
    b = ceiling_bounds(run.ceiling)
    if not b["real"]:
        return []
    name = run.drafters[0]
    slots = "  ".join(
        f"{s.slot} {s.matched}/{s.real}" for s in fidelity_by_slot(run.fidelity, name).values()
    )
    return [
        f"  ceiling: {b['matchable']}/{b['real']} real rows matchable from other tables; "
        f"copy-only bound recall {b['recall bound']:.2f}, F1 {b['F1 bound']:.2f}",
        f"  {name} matched/real per slot: {slots}",
    ]
