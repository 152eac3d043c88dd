"""SYNTHETIC target tables for benchmarks, recombined from the real corpus rows.

Every table made here is labelled: id `SYNTH-<n>-<i>`, name starting `SYNTH-`, source file
`SYNTHETIC (benchmarks/synthetic.py)`. Each takes a real table as its skeleton and fills every
row with a real row of the same 二级指标 from any corpus table, so rows repeat across tables as
they do in real budgets (which is what the embedding cache exploits). Written under
benchmarks/out/, never corpus/.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from pathlib import Path

from assistant.schema import Budget, Indicator, SourceRef, TargetTable

OUT_DIR = Path(__file__).resolve().parent / "out"
SYNTH_FILE = "SYNTHETIC (benchmarks/synthetic.py)"
_YEARS = (2023, 2024, 2025, 2026)


def _topic(name: str) -> str:
    """The subject of a real project name, without its unit prefix and year."""
    name = re.sub(r"^市热燃中心", "", name)
    return re.sub(r"\d{4}(-\d{4})?年(度)?", "", name).strip() or name


def _rows_by_level2(real: list[TargetTable]) -> dict[str, list[Indicator]]:
    pool: dict[str, list[Indicator]] = defaultdict(list)
    for table in real:
        for row in table.indicators:
            pool[row.level2].append(row.model_copy(update={"source": None}))
    return pool


def synthetic_tables(real: list[TargetTable], count: int, seed: int = 7) -> list[TargetTable]:
    """`count` SYNTHETIC tables recombined from `real` (deterministic for a seed)."""
    if not real:
        raise ValueError("需要至少一张真实的表作为重组来源")
    rng = random.Random(seed)
    pool = _rows_by_level2(real)
    topics = sorted({_topic(t.name) for t in real})
    departments = [t.department for t in real]
    tables = []
    for i in range(count):
        skeleton = rng.choice(real)
        name = f"SYNTH-{i:05d} {rng.choice(topics)}"
        base_budget = skeleton.budget.total or 50.0
        tables.append(
            TargetTable(
                id=f"SYNTH-{count}-{i:05d}",
                name=name,
                department=rng.choice(departments),
                year=rng.choice(_YEARS),
                budget=Budget(total=round(base_budget * rng.uniform(0.3, 3.0), 2)),
                purpose=skeleton.purpose,
                goals=list(skeleton.goals),
                indicators=[rng.choice(pool[row.level2]) for row in skeleton.indicators],
                source=SourceRef(file=SYNTH_FILE, title=name, locator=f"合成表{i + 1}"),
            )
        )
    return tables


def write_jsonl(tables: list[TargetTable], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(t.model_dump_json() + "\n" for t in tables), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[TargetTable]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [TargetTable.model_validate_json(line) for line in lines if line.strip()]
