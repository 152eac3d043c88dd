"""The indicator library by project type (assistant/data/indicator_library.yaml).

Mined from the real corpus with value statistics and citations (`library_mining.py`), plus the
standard indicators of the 共性指标 reference. The drafter takes standard rows and typical values
from it; the search tab's indicator mode lists it (`library_rows`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

import yaml
from pydantic import Field
from rapidfuzz import fuzz

from assistant.drafting.project_types import DATA_DIR, type_of
from assistant.schema import Model, SourceRef
from assistant.taxonomy import load_data

LIBRARY_FILE = DATA_DIR / "indicator_library.yaml"
_SAME_NAME = 75  # rapidfuzz partial ratio: a row name is this library entry


class LibraryEntry(Model):
    """One standard indicator of a project type, with what real tables set it to."""

    name: str = Field(description="三级指标名称。")
    slot: str = Field(description="数量/质量/时效/成本/效益/满意度。")
    level2: str = Field(description="二级指标。")
    value: str = Field("", description="典型指标值（语料中位数或最常见写法）。")
    unit: str = Field("", description="计量单位。")
    median: float | None = Field(None, description="数值中位数。")
    low: float | None = Field(None, description="最小值。")
    high: float | None = Field(None, description="最大值。")
    count: int = Field(0, description="语料中出现的行数（共性指标参考为0）。")
    sources: list[str] = Field(
        default_factory=list, description="出处：表id#行号，或 共性指标:类别#行号。"
    )


@cache
def library() -> dict[str, tuple[LibraryEntry, ...]]:
    if not LIBRARY_FILE.exists():
        return {}
    data = yaml.safe_load(LIBRARY_FILE.read_text(encoding="utf-8")) or {}
    return {k: tuple(LibraryEntry(**e) for e in v) for k, v in data.items()}


# Tables a draft must not learn from (leave-one-out hides the table being drafted): library
# entries mined from them lose those sources, and an entry mined only from them is gone.
_HIDDEN: ContextVar[frozenset[str]] = ContextVar("hidden_library_tables", default=frozenset())


@contextmanager
def hiding(table_ids: Iterable[str]) -> Iterator[None]:
    """Within the block the library behaves as if it were mined without these tables (and
    those an enclosing block hides)."""
    token = _HIDDEN.set(_HIDDEN.get() | frozenset(table_ids))
    try:
        yield
    finally:
        _HIDDEN.reset(token)


def standard_entries(types: list[str], slot: str | None = None) -> list[LibraryEntry]:
    """Entries of the given project types (and slot), most used first."""
    entries = [e for kind in types for e in library().get(kind, ()) if slot in (None, e.slot)]
    hidden = _HIDDEN.get()
    if hidden:
        entries = [kept for e in entries if (kept := _without(e, hidden)) is not None]
    return sorted(entries, key=lambda e: -e.count)


def _without(entry: LibraryEntry, hidden: frozenset[str]) -> LibraryEntry | None:
    if entry.count == 0:
        return entry  # the 共性指标 reference, not the corpus
    kept = [s for s in entry.sources if s.split("#")[0] not in hidden]
    if len(kept) == len(entry.sources):
        return entry
    return entry.model_copy(update={"sources": kept, "count": len(kept)}) if kept else None


def is_standard(name: str, types: list[str], slot: str | None = None) -> bool:
    """A row name that is a standard indicator of one of the types: in the 共性指标 reference or
    in at least two real tables (one table's own row is that project's wording, not a standard)."""
    if name in universal_names() or name in service_rows():
        return True
    kinds = [kind for kind in map(type_of, types) if kind]
    if any(name in kind.standard_names() for kind in kinds):
        return True
    entry = matching_entry(name, types, slot)
    return entry is not None and (entry.count == 0 or entry.count >= 2)


@cache
def universal_names() -> frozenset[str]:
    """Rows that fit any project (assistant/data/library_review.yaml)."""
    return frozenset(load_data("library_review").get("universal", []))


@cache
def service_rows() -> frozenset[str]:
    """The 满意度 and usual 效益 rows of public services (学生家长满意度, 群众安全感满意度, 社会治安防控能力
    提升情况: outcome_words.yaml), standard wherever the brief names the service."""
    services = load_data("outcome_words")["public_services"]
    return frozenset(
        [s["row"] for s in services] + [s["benefit"][0] for s in services if s.get("benefit")]
    )


def matching_entry(name: str, types: list[str], slot: str | None = None) -> LibraryEntry | None:
    best, best_score = None, 0.0
    for entry in standard_entries(types, slot):
        score = fuzz.ratio(entry.name, name)
        if score >= _SAME_NAME and score > best_score:
            best, best_score = entry, score
    return best


def library_rows(
    query: str, kind: str | None = None, k: int = 20
) -> list[tuple[str, LibraryEntry]]:
    """(type, entry) pairs whose name or type matches the query: the search tab's indicator mode."""
    scored = []
    for key, entries in library().items():
        if kind and key != kind:
            continue
        for entry in entries:
            score = 100.0 if query and query in key else fuzz.partial_ratio(query, entry.name)
            scored.append((score + min(entry.count, 10), key, entry))
    scored.sort(key=lambda s: -s[0])
    return [(key, entry) for _, key, entry in scored[:k]]


def library_source(entry: LibraryEntry) -> SourceRef:
    """Citation of a library row: the real rows it was mined from (table id#row) in the locator.

    No table_id: the rows may come from tables that are not (yet) in this index.
    """
    if entry.count == 0:
        return SourceRef(title="共性指标库", locator=entry.sources[0], rule="指标库标准指标")
    stats = f"中位数{entry.median:g}{entry.unit}，" if entry.median is not None else ""
    return SourceRef(
        title="指标库",
        locator="；".join(entry.sources[:3]),
        rule=f"指标库典型值（{stats}{entry.count}张表）",
    )
