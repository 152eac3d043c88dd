"""Mine the indicator library (assistant/data/indicator_library.yaml) from the real corpus.

    python -m assistant.drafting.library_mining [--extra DIR ...]

Each corpus table is typed by its name and purpose (project_types.yaml); its rows are grouped by
(type, slot, similar 三级 name), and each group becomes an entry with value statistics (median,
spread, count) and the real rows it came from (table id + row). The 共性指标 reference rows
(assistant/data/common_indicators.tsv) add the standard indicators of their project categories.
Names dropped after a hand check are listed in assistant/data/library_review.yaml.
"""

from __future__ import annotations

import argparse
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from assistant.drafting.library import LIBRARY_FILE, LibraryEntry
from assistant.drafting.library_names import MAX_NAME, clean_name
from assistant.drafting.project_types import DATA_DIR, classify_table, type_of
from assistant.errors import AssistantError
from assistant.importers import parse
from assistant.schema import Indicator, IndicatorValue, TargetTable
from assistant.taxonomy import load_data, slot_of

SIMILAR = 70  # rapidfuzz ratio: two 三级 names of one type and slot are the same indicator
_FIELD_RE = re.compile(
    r"^(?P<k>项目名称|主管部门|实施单位|年度|预算|年度目标)\s*[:：]\s*(?P<v>.*)$"
)


def read_labelled(path: Path) -> TargetTable | None:
    """Fallback reader for a 'key: value' header + tab-separated rows text file (corpus-extra)."""
    fields, rows, header, last = {}, [], None, ["", ""]
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _FIELD_RE.match(line)
        if match and header is None:
            fields[match["k"]] = match["v"].strip()
        cells = [c.strip() for c in line.split("\t")]
        if cells[0] == "一级指标":
            header = cells
        elif header and len(cells) >= 3:
            row = _labelled_row(header, cells, last)
            if row is not None:
                rows.append(row)
    if not rows:
        return None
    year = re.search(r"(?:19|20)\d{2}", fields.get("年度", ""))
    return TargetTable(
        id=f"{path.stem}-1",
        name=fields.get("项目名称", path.stem),
        year=int(year.group(0)) if year else None,
        purpose=fields.get("年度目标", ""),
        indicators=rows,
    )


def _labelled_row(header: list[str], cells: list[str], last: list[str]) -> Indicator | None:
    """One row; merged 一级/二级 cells are filled down, split value columns joined."""
    cells = (cells + [""] * len(header))[: max(len(header), 4)]
    if len([c for c in cells if c]) == 3 and cells[3] == "" and not cells[0].endswith("指标"):
        cells = ["", *cells[:3]]  # a merged 一级 cell left out
    last[0] = cells[0] or last[0]
    last[1] = cells[1] or last[1]
    col = {name: n for n, name in enumerate(header)}
    value = cells[3]
    if "计量单位" in col:  # split columns: 指标性质 | 指标值 | 计量单位
        value = f"{cells[col.get('指标性质', 4)]}{cells[col['指标值']]}{cells[col['计量单位']]}"
    elif "目标值" in col:
        value = f"{cells[col['目标值']]}{cells[col.get('度量单位', col['目标值'])]}"
    name = cells[2]
    if not name or not value or "TRUNCATED" in name + value:
        return None
    try:
        return Indicator(level1=last[0], level2=last[1], name=name, value=value)
    except ValueError:
        return None


def load_tables(corpus_dir: Path | None, extra: list[Path]) -> list[TargetTable]:
    """The corpus' tables as ingested (corpus/tables/*.json: the ids the index cites), else its
    text files; plus extra folders of text files (importer, else the fallback reader)."""
    tables: dict[str, TargetTable] = {}
    stored = sorted((corpus_dir / "tables").glob("*.json")) if corpus_dir else []
    for path in stored:
        table = TargetTable.model_validate_json(path.read_text(encoding="utf-8"))
        tables[table.id] = table
    paths = sorted(corpus_dir.glob("*.txt")) if corpus_dir and not stored else []
    for path in paths + [p for d in extra for p in sorted(d.glob("*.txt"))]:
        try:
            found = parse(path)
        except AssistantError:
            found = [t for t in [read_labelled(path)] if t is not None]
        for table in found:
            tables.setdefault(table.id or f"{path.stem}-1", table)
    return list(tables.values())


def mine(tables: list[TargetTable], dropped: set[str]) -> dict[str, list[LibraryEntry]]:
    """Entries per project type, from the corpus rows and the 共性指标 reference."""
    groups: dict[tuple[str, str], list[list[tuple[str, int, Indicator]]]] = defaultdict(list)
    for table in tables:
        types = classify_table(table)
        for row, ind in enumerate(table.indicators, start=1):
            slot = slot_of(ind)
            if not types or slot is None or _unusable(ind.name, dropped):
                continue
            clean = _with_name_unit(ind.model_copy(update={"name": clean_name(ind.name)}))
            for kind in _mined_kinds(types):
                _group(groups[(kind, slot)], (table.id, row, clean))
    library: dict[str, list[LibraryEntry]] = defaultdict(list)
    for (kind, slot), clusters in sorted(groups.items()):
        library[kind] += [_entry(slot, cluster) for cluster in clusters]
    for kind, entry in _reference_entries():
        library[kind].append(entry)
    return {k: sorted(v, key=lambda e: (_SLOT_ORDER[e.slot], -e.count)) for k, v in library.items()}


def _mined_kinds(types: list[str]) -> list[str]:
    """The types a table's rows teach: its main one, and for a past contract paid off (尾款) the
    work it paid for too (its rows are often that work's: 检查家次 of an inspection contract)."""
    first = type_of(types[0])
    work = [k for k in types[1:] if not (kind := type_of(k)) or not kind.decisive]
    return [types[0], *work[:1]] if first and first.decisive else types[:1]


_SLOT_ORDER = {s: n for n, s in enumerate(("数量", "质量", "时效", "成本", "效益", "满意度"))}


def _with_name_unit(ind: Indicator) -> Indicator:
    """'实施营造林总面积(亩)' | '80000' -> '实施营造林总面积' | '≥80000亩': the unit the name holds."""
    match = re.search(r"[(（](?P<u>[^)）]{1,4})[)）]$", ind.name)
    if not match:
        return ind
    name = ind.name[: match.start()]
    value = ind.value
    if value.kind == "quantitative" and not value.unit:
        value = IndicatorValue.parse(
            f"{value.operator or '≥'}{value.render().lstrip('≥≤=<>')}{match['u']}"
        )
    return ind.model_copy(update={"name": name, "value": value})


def _unusable(name: str, dropped: set[str]) -> bool:
    name = clean_name(name)
    return len(name) > MAX_NAME or bool(re.search(r"\d", name)) or name in dropped


def _group(clusters: list, item: tuple[str, int, Indicator]) -> None:
    for cluster in clusters:
        if fuzz.ratio(cluster[0][2].name, item[2].name) >= SIMILAR:
            cluster.append(item)
            return
    clusters.append([item])


def _entry(slot: str, cluster: list[tuple[str, int, Indicator]]) -> LibraryEntry:
    names = Counter(ind.name for _, _, ind in cluster)
    values = [ind.value for _, _, ind in cluster]
    units = Counter(v.unit for v in values if v.kind == "quantitative")
    unit = units.most_common(1)[0][0] if units else ""
    numbers = [v.number for v in values if v.kind == "quantitative" and v.unit == unit]
    typical = _typical(values, unit, numbers)
    return LibraryEntry(
        name=names.most_common(1)[0][0],
        slot=slot,
        level2=cluster[0][2].level2,
        value=typical,
        unit=unit,
        median=statistics.median(numbers) if numbers else None,
        low=min(numbers) if numbers else None,
        high=max(numbers) if numbers else None,
        count=len(cluster),
        sources=[f"{table_id}#{row}" for table_id, row, _ in cluster],
    )


def _typical(values: list[IndicatorValue], unit: str, numbers: list[float]) -> str:
    if numbers:
        operators = Counter(v.operator for v in values if v.unit == unit and v.operator)
        operator = operators.most_common(1)[0][0] if operators else "≥"
        number = statistics.median(numbers)
        if unit == "%" and number == 100 and operator in ("≥", ">="):
            return "=100%"  # the review reads ≥100% as a target no one can exceed
        return f"{operator}{number:.6f}".rstrip("0").rstrip(".") + unit
    return Counter(v.raw for v in values).most_common(1)[0][0]


def _reference_entries() -> list[tuple[str, LibraryEntry]]:
    """Standard indicators of the 共性指标 sample (no values: it names indicators only)."""
    categories = load_data("library_review").get("reference_categories", {})
    entries = []
    lines = (DATA_DIR / "common_indicators.tsv").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, start=1):
        cells = line.split("\t")
        if len(cells) != 4 or cells[0] not in categories:
            continue
        match = re.match(r"^(?P<n>[^(（]+)[(（](?P<u>[^)）]*)[)）]$", cells[3])
        name, unit = (match["n"], match["u"]) if match else (cells[3], "")
        slot = slot_of(Indicator(level1="产出指标", level2=cells[2], name=name, value="")) or (
            "满意度" if "满意" in cells[2] else "效益"
        )
        name = name.replace("**", "")
        entries.append(
            (
                categories[cells[0]],
                LibraryEntry(
                    name=name,
                    slot=slot,
                    level2=cells[2],
                    unit=unit.split("/")[0],
                    count=0,
                    sources=[f"共性指标:{cells[0]}#{n}"],
                ),
            )
        )
    return entries


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Mine the indicator library from the corpus.")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--extra", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    tables = load_tables(args.corpus, args.extra)
    dropped = set(load_data("library_review").get("dropped", []))
    library = mine(tables, dropped)
    data = {k: [e.model_dump(exclude_none=True) for e in v] for k, v in sorted(library.items())}
    header = (
        "# Generated by `python -m assistant.drafting.library_mining` from "
        f"{len(tables)} real tables; do not edit by hand:\n# drop names in library_review.yaml.\n"
    )
    LIBRARY_FILE.write_text(
        header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    print(f"{sum(map(len, library.values()))} entries, {len(library)} types, {len(tables)} tables")


if __name__ == "__main__":
    main()
