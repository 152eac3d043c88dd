"""TargetTable -> index documents: one per table and one per indicator row, ids = content hashes.

An indicator's *dense* text is the row alone (一级/二级/三级/描述/指标值), so identical rows of
different tables share one embedding (the cache embeds it once); its *keyword* text adds the
table name, so BM25 still sees the project context.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Literal

from assistant.schema import Indicator, Model, TargetTable

Granularity = Literal["tables", "indicators"]
DENSE_CHARS = 120  # measured: keeps every corpus table first for its name and paraphrase
GRANULARITIES: tuple[Granularity, ...] = ("tables", "indicators")


class IndexDoc(Model):
    """One retrievable unit with the metadata the filters and citations need."""

    id: str
    granularity: Granularity
    table_id: str
    row: int = 0  # 1-based indicator row; 0 for the table document
    dense_parts: list[str]  # embedded one by one; the doc's vector is their normalised mean
    keyword_text: str
    department_code: str = ""
    department_name: str = ""
    year: int | None = None
    budget_total: float | None = None
    level1: str = ""
    level2: str = ""
    source_file: str = ""
    table_title: str = ""

    def chroma_metadata(self) -> dict[str, str | int | float]:
        """Chroma metadata: no None values (chroma rejects them), so absent numbers are left out."""
        meta = self.model_dump(exclude={"id", "dense_parts", "keyword_text"})
        return {k: v for k, v in meta.items() if v is not None}


def _content_id(payload: dict) -> str:
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def _table_fields(table: TargetTable) -> dict:
    return {
        "table_id": table.id,
        "department_code": table.department.code,
        "department_name": table.department.name,
        "year": table.year,
        "budget_total": table.budget.total,
        "source_file": table.source.file,
        "table_title": table.source.title or table.name,
    }


def table_text(table: TargetTable) -> str:
    """Name + purpose + goals (all of it: BM25 is cheap)."""
    parts = [f"项目名称：{table.name}"]
    if table.purpose:
        parts.append(f"资金用途：{table.purpose}")
    if table.goals:
        parts.append("绩效目标：" + "；".join(table.goals))
    return "\n".join(parts)


def _squash(text: str) -> str:
    return re.sub(r"[\s\d.、，。；;:：]+", "", text)


def table_dense_parts(table: TargetTable) -> list[str]:
    """[name, start of purpose/goals]: what the embedding model sees of a table.

    Embedding cost grows with length (a whole table is ~130 tokens against ~30 for a row); the
    name carries most of the meaning. Goals often repeat the purpose word for word, so they are
    added only when they say something else; the second part is capped at DENSE_CHARS.
    Two parts rather than one text: a project filed again under a new name or year keeps the
    same purpose, and the cache then embeds only the new name.
    """
    extra = table.purpose
    goals = "；".join(table.goals)
    if goals and _squash(goals)[:40] not in _squash(extra):
        extra = f"{extra}；{goals}" if extra else goals
    extra = extra.strip()[:DENSE_CHARS]
    return [f"项目名称：{table.name}", extra] if extra else [f"项目名称：{table.name}"]


def indicator_text(indicator: Indicator) -> str:
    text = f"{indicator.name}（{indicator.level1}/{indicator.level2}）"
    if indicator.description:
        text += f"：{indicator.description}"
    return f"{text}；指标值：{indicator.value.raw}"


def _make_doc(
    granularity: Granularity, fields: dict, dense: list[str], keyword: str, **extra
) -> IndexDoc:
    payload = {**fields, **extra, "granularity": granularity, "dense": dense, "keyword": keyword}
    return IndexDoc(
        id=_content_id(payload),
        granularity=granularity,
        dense_parts=dense,
        keyword_text=keyword,
        **fields,
        **extra,
    )


def table_keyword_text(table: TargetTable) -> str:
    """Name + purpose + goals + the rows' names and descriptions: a project is also found by a
    term that only its indicators mention (e.g. 煤改气 in a cost row)."""
    rows = "；".join(f"{i.name}：{i.description}" for i in table.indicators)
    return f"{table_text(table)}\n指标：{rows}" if rows else table_text(table)


def table_document(table: TargetTable) -> IndexDoc:
    return _make_doc(
        "tables", _table_fields(table), table_dense_parts(table), table_keyword_text(table)
    )


def indicator_documents(table: TargetTable) -> list[IndexDoc]:
    fields = _table_fields(table)
    docs = []
    for row, indicator in enumerate(table.indicators, start=1):
        dense = indicator_text(indicator)
        keyword = f"{dense}\n项目：{table.name}"
        extra = {"row": row, "level1": indicator.level1, "level2": indicator.level2}
        docs.append(_make_doc("indicators", fields, [dense], keyword, **extra))
    return docs


def documents_for(tables: list[TargetTable]) -> dict[Granularity, list[IndexDoc]]:
    """Both granularities for all tables, in corpus order; a table id may appear only once."""
    seen: set[str] = set()
    out: dict[Granularity, list[IndexDoc]] = {"tables": [], "indicators": []}
    for table in tables:
        if table.id in seen:
            continue  # the corpus loader owns uniqueness; a duplicate would break citations
        seen.add(table.id)
        out["tables"].append(table_document(table))
        out["indicators"].extend(indicator_documents(table))
    return out
