"""What the 检索 tab makes of raw hits: only real matches, a snippet and a reason in words, and
in indicator mode a one-line answer over the rows of the kind asked about.

Tuning numbers and question words are data (assistant/data/search.yaml).
"""

from __future__ import annotations

import re
from statistics import median

from assistant.schema import IndicatorHit, IndicatorValue, ProjectHit, TargetTable
from assistant.taxonomy import load_data

_SPACE_RE = re.compile(r"[\s，,。；;、？?！!：:]+")


def _tuning() -> dict:
    return load_data("search")


def query_coverage(query: str, terms: list[str]) -> float:
    """Share of the query's characters that the matched words cover (0-1)."""
    plain = _SPACE_RE.sub("", query)
    if not plain:
        return 0.0
    covered = set()
    for term in terms:
        start = plain.find(term)
        while start >= 0:
            covered.update(range(start, start + len(term)))
            start = plain.find(term, start + 1)
    return len(covered) / len(plain)


def relevant_projects(query: str, hits: list[ProjectHit]) -> list[ProjectHit]:
    """Hits that match the query well enough, each with a snippet and a reason in words;
    no padding with the rest of the corpus."""
    tuning = _tuning()
    kept = []
    for hit in hits:
        coverage = query_coverage(query, hit.scores.matched_terms)
        dense = hit.scores.dense or 0.0
        if coverage < tuning["min_query_coverage"] and dense < tuning["min_similarity_alone"]:
            continue
        snippet = project_snippet(hit.table, hit.scores.matched_terms)
        why = match_reason(coverage, hit.scores.matched_terms, dense, tuning)
        kept.append(hit.model_copy(update={"why": why, "snippet": snippet}))
    return kept


def match_reason(
    coverage: float, terms: list[str], dense: float, tuning: dict, where: str = "项目名称或说明"
) -> str:
    """Why a hit matched, in words a budget officer reads."""
    parts = []
    if terms:
        words = "、".join(f"「{t}」" for t in terms)
        share = "全部查询词" if coverage >= 0.99 else f"查询内容的{coverage:.0%}"
        parts.append(f"{where}中出现{words}（覆盖{share}）")
    if dense >= tuning["min_similarity_alone"]:
        parts.append(f"内容意思相近（相似度{dense:.2f}）")
    return "；".join(parts) or "内容相近"


def project_snippet(table: TargetTable, terms: list[str]) -> str:
    """The part of the table's own text (name, purpose, goals) around the first matched word."""
    texts = [table.purpose, *table.goals, table.name]
    width = _tuning()["snippet_chars"]
    for text in texts:
        for term in terms:
            at = text.find(term)
            if at >= 0:
                start = max(0, at - width // 3)
                part = text[start : start + width]
                return ("…" if start else "") + part + ("…" if start + width < len(text) else "")
    first = next((t for t in texts if t), "")
    return first[:width] + ("…" if len(first) > width else "")


# ---------------------------------------------------------------- indicator mode


def explained_rows(query: str, hits: list[IndicatorHit]) -> list[IndicatorHit]:
    """Indicator hits with the reason in words and the place they come from."""
    tuning = _tuning()
    explained = []
    for hit in hits:
        scores = hit.scores
        coverage = query_coverage(query, scores.matched_terms)
        reason = match_reason(coverage, scores.matched_terms, scores.dense or 0.0, tuning, "指标行")
        place = f"《{hit.table_name}》第{hit.row}行"
        explained.append(hit.model_copy(update={"why": f"{reason}；出处：{place}"}))
    return explained


def asked_kind(query: str) -> str:
    """The kind of indicator a question is about: 「满意度指标通常定多少？」 -> 满意度."""
    words = sorted(_tuning()["question_words"], key=len, reverse=True)
    kind = _SPACE_RE.sub("", query)
    for word in words:
        kind = kind.replace(word, "")
    return kind


def rows_of_kind(kind: str, hits: list[IndicatorHit]) -> list[IndicatorHit]:
    """Hits whose 三级 name is of that kind (a 满意度 answer counts no 家次 or 故障率 rows)."""
    if not kind:
        return hits
    # 「巡检家次」 with no such row still asks about 家次 rows (检查家次).
    for core in (_tuning()["kind_cores"].get(kind, kind), kind[-2:]):
        rows = [h for h in hits if core in h.indicator.name]
        if rows:
            return rows
    return []


def one_line_answer(kind: str, hits: list[IndicatorHit]) -> str:
    """「满意度指标：8 张表，中位数 ≥90%，范围 ≥80%–>95%」 over the rows of the asked kind."""
    label = f"{kind}指标" if kind else "匹配的指标"
    if kind and not rows_of_kind(kind, hits):
        label = f"与「{kind}」相近的指标"
    else:
        hits = rows_of_kind(kind, hits)
    values = [h for h in hits if _number(h.indicator.value) is not None]
    if not hits:
        return f"{label}：往年表中没有找到这类指标。"
    tables = len({h.table_id for h in hits})
    if not values:
        return f"{label}：{tables} 张表，都是定性值（如「{hits[0].indicator.value.raw}」）。"
    unit = max({h.indicator.value.unit for h in values}, key=lambda u: _unit_count(values, u))
    same_unit = sorted(
        (h.indicator.value for h in values if h.indicator.value.unit == unit), key=_number
    )
    middle = median(v.number for v in same_unit)
    operator = max({v.operator or "" for v in same_unit}, key=lambda o: _op_count(same_unit, o))
    shown = IndicatorValue.parse(f"{operator}{middle:g}{unit}").render()
    return (
        f"{label}：{tables} 张表，中位数 {shown}，"
        f"范围 {_shown(same_unit[0])}–{_shown(same_unit[-1])}"
    )


def _number(value: IndicatorValue) -> float | None:
    return value.number if value.kind == "quantitative" else None


def _shown(value: IndicatorValue) -> str:
    text = value.render()
    return text if value.operator else f"={text}"


def _unit_count(hits: list[IndicatorHit], unit: str) -> int:
    return sum(1 for h in hits if h.indicator.value.unit == unit)


def _op_count(values: list[IndicatorValue], operator: str) -> int:
    return sum(1 for v in values if (v.operator or "") == operator)
