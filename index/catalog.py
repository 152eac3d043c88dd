"""The in-memory mirror of the index: tables, per-doc metadata as numpy columns, vectors, tokens.

Filtering in numpy over this mirror costs well under a millisecond at 80k docs, where a chroma
`where` clause costs ~100 ms; the vectors let a very selective filter be searched exactly.
Saved as plain files (jsonl / json / npy) in one generation directory of the index.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.schema import TargetTable, normalize_level
from index.documents import GRANULARITIES, Granularity, IndexDoc


class DocColumns:
    """Docs of one granularity, position i everywhere = the i-th document."""

    def __init__(self, ids, table_idx, rows, level1, level2, tokens, vectors) -> None:
        self.ids: list[str] = list(ids)
        self.table_idx = np.asarray(table_idx, dtype=np.int32)
        self.rows = np.asarray(rows, dtype=np.int32)
        self.level_names = sorted(set(level1) | set(level2) | {""})
        codes = {name: i for i, name in enumerate(self.level_names)}
        self.level1 = np.array([codes[x] for x in level1], dtype=np.int16)
        self.level2 = np.array([codes[x] for x in level2], dtype=np.int16)
        self.tokens: list[str] = list(tokens)  # space-joined jieba tokens per doc
        self.vectors = vectors
        self.position = {doc_id: i for i, doc_id in enumerate(self.ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def level_code(self, name: str) -> int:
        """Code of a 一级/二级 name, -1 when no document has it."""
        name = normalize_level(name)
        return self.level_names.index(name) if name in self.level_names else -1

    def to_json(self) -> dict:
        names = self.level_names
        return {
            "ids": self.ids,
            "table_idx": self.table_idx.tolist(),
            "rows": self.rows.tolist(),
            "level1": [names[c] for c in self.level1],
            "level2": [names[c] for c in self.level2],
            "tokens": self.tokens,
        }


class Catalog:
    """Tables (raw JSON, validated on demand) + table-level columns + DocColumns per granularity."""

    def __init__(self, table_json: list[str], docs: dict[Granularity, DocColumns]) -> None:
        self.table_json = table_json
        raw = [json.loads(t) for t in table_json]
        self.table_ids: list[str] = [r["id"] for r in raw]
        self.table_pos = {tid: i for i, tid in enumerate(self.table_ids)}
        self.table_names: list[str] = [r["name"] for r in raw]
        self.dept_codes: list[str] = [r["department"]["code"] for r in raw]
        self.dept_names: list[str] = [r["department"]["name"] for r in raw]
        self.years = np.array([_num(r["year"]) for r in raw], dtype=np.float64)
        self.budgets = np.array([_num(r["budget"]["total"]) for r in raw], dtype=np.float64)
        self.docs = docs
        self._tables: dict[int, TargetTable] = {}
        self.department_masks: dict[str, np.ndarray] = {}  # filter value -> table mask

    def table(self, position: int) -> TargetTable:
        if position not in self._tables:
            self._tables[position] = TargetTable.model_validate_json(self.table_json[position])
        return self._tables[position]

    @cached_property
    def table_levels(self) -> list[set[str]]:
        """The 一级/二级 names each table uses (for level filters on table documents)."""
        out: list[set[str]] = [set() for _ in self.table_ids]
        cols = self.docs["indicators"]
        for t, l1, l2 in zip(cols.table_idx, cols.level1, cols.level2, strict=True):
            out[t].update((cols.level_names[l1], cols.level_names[l2]))
        return out

    @classmethod
    def from_docs(cls, tables, docs, tokens, vectors) -> Catalog:
        """Build from TargetTables, their IndexDocs, token lists and vectors (per granularity)."""
        table_json = [t.model_dump_json() for t in tables]
        pos = {t.id: i for i, t in enumerate(tables)}
        columns = {}
        for gran in GRANULARITIES:
            items: list[IndexDoc] = docs[gran]
            columns[gran] = DocColumns(
                [d.id for d in items],
                [pos[d.table_id] for d in items],
                [d.row for d in items],
                [d.level1 for d in items],
                [d.level2 for d in items],
                [" ".join(t) for t in tokens[gran]],
                vectors[gran],
            )
        return cls(table_json, columns)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "tables.jsonl").write_text("\n".join(self.table_json) + "\n", encoding="utf-8")
        for gran, cols in self.docs.items():
            with open(directory / f"docs-{gran}.json", "w", encoding="utf-8") as fh:
                json.dump(cols.to_json(), fh, ensure_ascii=False)
            np.save(directory / f"vectors-{gran}.npy", np.asarray(cols.vectors, dtype=np.float32))

    @classmethod
    def load(cls, directory: Path) -> Catalog:
        lines = (directory / "tables.jsonl").read_text(encoding="utf-8").splitlines()
        columns = {}
        for gran in GRANULARITIES:
            with open(directory / f"docs-{gran}.json", encoding="utf-8") as fh:
                data = json.load(fh)
            # Memory-mapped (opening is instant), seen as a plain ndarray (memmap's subclass
            # machinery costs per-element time in the search loop).
            vectors = np.asarray(np.load(directory / f"vectors-{gran}.npy", mmap_mode="r"))
            if len(vectors) != len(data["ids"]):
                raise ValueError(f"{gran}: {len(vectors)} vectors for {len(data['ids'])} docs")
            columns[gran] = DocColumns(
                data["ids"],
                data["table_idx"],
                data["rows"],
                data["level1"],
                data["level2"],
                data["tokens"],
                vectors,
            )
        return cls([line for line in lines if line.strip()], columns)


def _num(value) -> float:
    return float("nan") if value is None else float(value)
