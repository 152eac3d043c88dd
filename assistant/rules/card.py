"""The reviewer's report card: findings grouped by the five review dimensions, each graded
优/良/中/差 by the thresholds in review_words.yaml, with an overall grade and a one-line verdict.

「审核通过」 is never the verdict while a 相关性 or 可衡量性 warning stands (the review checks form;
those warnings need a person): then it is 「形式审核通过，N 处需要核对」.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.schema import DimensionGrade, Finding, Grade, ReportCard

from .words import review_words

GRADE_ORDER: tuple[Grade, ...] = ("优", "良", "中", "差")


def dimension_of(code: str) -> str:
    """The review dimension a rule code reports on (explicit code, then prefix, else 完整性)."""
    data = review_words().report_card
    if code in data.codes:
        return data.codes[code]
    for prefix, dimension in data.prefixes.items():
        if code.startswith(prefix):
            return dimension
    return data.dimensions[0]


def _grade(errors: int, warnings: int) -> Grade:
    for band in review_words().report_card.grades:
        if errors <= band.max_errors and warnings <= band.max_warnings:
            return band.grade
    return GRADE_ORDER[-1]


def _worse(grade: Grade, cap: Grade) -> Grade:
    return max(grade, cap, key=GRADE_ORDER.index)


def _overall(dimensions: list[DimensionGrade], errors: int) -> tuple[Grade, float]:
    data = review_words().report_card
    points = sum(data.points[d.grade] for d in dimensions) / len(dimensions)
    grade = next(b.grade for b in data.overall if points >= b.min_points)
    if any(d.grade == GRADE_ORDER[-1] for d in dimensions):
        grade = _worse(grade, data.cap_when_any_poor)
    if errors:
        grade = _worse(grade, data.cap_when_errors)
    return grade, points


def verdict(errors: int, warnings: int, to_check: int) -> str:
    if errors:
        extra = f"，另有 {warnings} 处需要核对" if warnings else ""
        return f"审核不通过：{errors} 处错误需要修改{extra}"
    if to_check:
        return f"形式审核通过，{warnings} 处需要核对"
    if warnings:
        return f"审核通过（{warnings} 处提示）"
    return "审核通过"


def report_card(findings: Iterable[Finding]) -> ReportCard:
    """Grade each dimension by its errors and warnings; the overall grade averages the points."""
    data = review_words().report_card
    groups: dict[str, list[Finding]] = {d: [] for d in data.dimensions}
    for finding in findings:
        groups[dimension_of(finding.code)].append(finding)
    dimensions = []
    for name, members in groups.items():
        errors = sum(f.severity == "error" for f in members)
        warnings = len(members) - errors
        dimensions.append(
            DimensionGrade(
                dimension=name,
                grade=_grade(errors, warnings),
                errors=errors,
                warnings=warnings,
                findings=members,
            )
        )
    errors = sum(d.errors for d in dimensions)
    warnings = sum(d.warnings for d in dimensions)
    to_check = sum(d.warnings for d in dimensions if d.dimension in data.blocking_dimensions)
    overall, points = _overall(dimensions, errors)
    return ReportCard(
        dimensions=dimensions,
        overall=overall,
        points=round(points, 1),
        errors=errors,
        warnings=warnings,
        to_check=to_check,
        verdict=verdict(errors, warnings, to_check),
    )


def grades_line(card: ReportCard) -> str:
    """One line for text reports: 完整性 优 · 相关性 良（2处） · … → 综合 良."""
    parts = []
    for d in card.dimensions:
        count = d.errors + d.warnings
        parts.append(f"{d.dimension} {d.grade}" + (f"（{count}处）" if count else ""))
    return " · ".join(parts) + f" → 综合 {card.overall}"
