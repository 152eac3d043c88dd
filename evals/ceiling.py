"""The retrieval ceiling of leave-one-out: how many real rows any other table could supply.

A real row is *matchable* when some row of the same slot in another corpus table (partial tables
included: drafts may cite them) scores ≥ the row matcher's threshold against it. A drafter that
only copies rows of other tables can match no other real row, so per table its recall is at most
matchable / real rows; with perfect precision (it copies exactly one partner per matchable row and
nothing else) its F1 is 2R/(1+R). Rows composed from the brief or the indicator library are not
bounded by this: they may match real rows that no other table has.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from assistant.schema import Indicator, TargetTable
from evals.matching import NameSimilarity, match_name, slot_of, slot_order
from evals.metrics import mean
from evals.models import FidelityScores, RowCeiling, TableCeiling

_OWN = -2.0  # below any cosine: a table's own rows never count as its partners


def retrieval_ceiling(
    scored: list[TargetTable], corpus: list[TargetTable], similarity: NameSimilarity
) -> list[TableCeiling]:
    """The matchable rows of every scored table, one similarity matrix per slot."""
    scored_ids = {t.id for t in scored}
    pool: dict[str, list[tuple[str, int, Indicator]]] = defaultdict(list)
    for table in {t.id: t for t in [*corpus, *scored]}.values():
        for row_no, indicator in enumerate(table.indicators, start=1):
            pool[slot_of(indicator)].append((table.id, row_no, indicator))
    found: dict[tuple[str, int], RowCeiling] = {}
    for slot, members in pool.items():
        left = [m for m in members if m[0] in scored_ids]
        if not left:
            continue
        scores = similarity.matrix(
            [match_name(m[2]) for m in left], [match_name(m[2]) for m in members]
        )
        owners = np.array([m[0] for m in members])
        scores = np.where(np.array([m[0] for m in left])[:, None] == owners, _OWN, scores)
        for (table_id, row_no, indicator), line in zip(left, scores, strict=True):
            found[table_id, row_no] = _row_ceiling(
                slot, row_no, indicator, line, members, similarity
            )
    return [
        TableCeiling(
            table_id=t.id,
            rows=[found[t.id, n] for n in range(1, len(t.indicators) + 1)],
        )
        for t in scored
    ]


def _row_ceiling(slot, row_no, indicator, line, members, similarity) -> RowCeiling:
    best = int(np.argmax(line))
    if line[best] == _OWN:  # no other table has a row of this slot
        return RowCeiling(row=row_no, slot=slot, name=indicator.name, matchable=False)
    partner_table, _, partner = members[best]
    return RowCeiling(
        row=row_no,
        slot=slot,
        name=indicator.name,
        best=float(line[best]),
        partner=f"{partner_table}: {partner.name}",
        matchable=bool(line[best] >= similarity.threshold),
    )


def ceiling_by_slot(ceilings: list[TableCeiling]) -> dict[str, tuple[int, int]]:
    """(matchable, real) rows per slot, in the taxonomy's slot order."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in (r for c in ceilings for r in c.rows):
        counts[row.slot][0] += row.matchable
        counts[row.slot][1] += 1
    return {slot: (counts[slot][0], counts[slot][1]) for slot in slot_order(counts)}


def ceiling_bounds(ceilings: list[TableCeiling]) -> dict[str, float | int | None]:
    """Matchable and real rows, and the recall and F1 a copy-only drafter could reach at best.

    `recall bound` is micro (all matchable / all real rows); `mean recall bound` and `F1 bound`
    are means over tables, like the fidelity table's R and F1: per table R = matchable / real and
    F1 = 2R/(1+R), the F1 of a draft holding exactly one partner per matchable row."""
    matchable = sum(r.matchable for c in ceilings for r in c.rows)
    real = sum(len(c.rows) for c in ceilings)
    recalls = [sum(r.matchable for r in c.rows) / len(c.rows) for c in ceilings if c.rows]
    return {
        "tables": len(ceilings),
        "matchable": matchable,
        "real": real,
        "recall bound": matchable / real if real else None,
        "mean recall bound": mean(recalls),
        "F1 bound": mean(2 * r / (1 + r) for r in recalls),
    }


def matched_within(
    scores: list[FidelityScores], drafter: str, ceilings: list[TableCeiling]
) -> dict[str, int]:
    """One drafter's matched real rows per slot that are matchable from other tables; the rest
    of its matches came from the brief or the library."""
    matchable = {(c.table_id, r.row) for c in ceilings for r in c.rows if r.matchable}
    counts: dict[str, int] = defaultdict(int)
    for s in scores:
        if s.drafter == drafter:
            for m in s.matches:
                counts[m.slot] += (s.table_id, m.real_row) in matchable
    return dict(counts)
