"""Citations: every row of a draft says where it came from (a corpus table and row, or the rule
that made it). One module makes and prints them, for the drafter, the LLM layer, the index, the
app and the CLI."""

from __future__ import annotations

import re
from collections import Counter

from assistant.schema import IndicatorHit, SourceRef, TargetTable

HAND_EDIT_RULE = "手工填写"


# ---------------------------------------------------------------- making citations


def row_citation(table: TargetTable, row: int) -> SourceRef:
    """Row `row` (1-based) of a corpus table: file, table title, place, id."""
    locator = f"{table.source.locator} 第{row}行".strip() if table.source.locator else f"第{row}行"
    return SourceRef(
        file=table.source.file,
        title=table.source.title or table.name,
        locator=locator,
        table_id=table.id,
        row=row,
    )


def source_of(hit: IndicatorHit, rule: str = "") -> SourceRef:
    """A retrieved row: table id + 1-based row, plus file/title when the index has them; `rule`
    says what was changed when it was adapted."""
    own = hit.indicator.source or SourceRef()
    return SourceRef(
        file=own.file,
        title=own.title or hit.table_name,
        locator=own.locator or f"第{hit.row}行",
        table_id=hit.table_id,
        row=hit.row,
        rule=rule,
    )


def rule_source(rule: str) -> SourceRef:
    """A row made by a rule rather than copied."""
    return SourceRef(rule=rule)


def with_rule(source: SourceRef | None, note: str) -> SourceRef:
    """The citation with `note` added to what was changed (a rule citation when there was none)."""
    if source is None:
        return rule_source(note)
    return source.model_copy(update={"rule": "；".join(p for p in (source.rule, note) if p)})


# ---------------------------------------------------------------- printing citations


# A printed title '2.<项目名称>绩效目标表' names the project once the numbering and form name go.
_TITLE_TRIM_RE = re.compile(r"^\s*[0-9０-９]+[.、．]\s*|(?:项目支出)?绩效目标(?:申报)?表$")


def table_place(table: TargetTable) -> str:
    """'<file>，《<title>》': where a table was read."""
    title = table.source.title or table.name
    file = f"{table.source.file}，" if table.source.file else ""
    return f"{file}《{title}》"


def source_label(source: SourceRef | None) -> str:
    """One-line citation as the grid shows it: '<project name> 第n行', '规则：…' or 手工填写."""
    if source is None:
        return HAND_EDIT_RULE
    if source.table_id:
        place = _TITLE_TRIM_RE.sub("", source.title) or source.table_id  # the project's name
        return f"{place} 第{source.row}行" if source.row else place
    if source.rule:
        return f"规则：{source.rule}"
    return source.locator or source.file or HAND_EDIT_RULE


def source_text(source: SourceRef | None) -> str:
    """Citation with what was changed, for the CLI: '<table id> 第n行（改动）' or the rule."""
    if source is None:
        return "（无）"
    if source.table_id:
        extra = f"（{source.rule}）" if source.rule else ""
        return f"{source.table_id} 第{source.row}行{extra}"
    return source.rule or "（无）"


# ---------------------------------------------------------------- reading citations


def cited_table_ids(table: TargetTable) -> list[str]:
    """Corpus tables cited by the rows of `table`, most cited first."""
    counts = Counter(i.source.table_id for i in table.indicators if i.source and i.source.table_id)
    return [table_id for table_id, _ in counts.most_common()]


def cited_pairs(table: TargetTable, source_table_id: str) -> list[tuple[int, int]]:
    """(draft row, source row) pairs, 1-based, for rows of `table` citing that source table."""
    pairs, used = [], set()
    for n, indicator in enumerate(table.indicators, start=1):
        source = indicator.source
        if source and source.table_id == source_table_id and source.row and source.row not in used:
            pairs.append((n, source.row))
            used.add(source.row)
    return pairs
