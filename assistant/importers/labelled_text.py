"""Labelled text: `标签: 值` header lines, then a tab-separated indicator block with its header row.

The shape of the corpus-extra files, the Shanghai budget-book text and what people paste from a
web page or a spreadsheet. Each line becomes a row of cells (a `标签: 值` line → [标签, 值],
several `标签: 值` pairs split by wide spaces → their cells, an indented line continues the value
above, 「一、项目概述 …」 → [项目概述, …]); the rows then go through the same header and
indicator readers as .docx/.xlsx, so column names are read by meaning in every format.
"""

from __future__ import annotations

import re

from assistant.errors import ImportFailed
from assistant.importers.columns import column_map
from assistant.importers.labels import import_labels
from assistant.importers.office_grid import GridTable, build_table, read_indicators
from assistant.importers.office_header import read_header_block, split_label_value
from assistant.schema import TargetTable

_SECTION_RE = re.compile(r"^[一二三四五六七八九十]+、\s*(?P<label>\S+?)\s+(?P<value>\S.*)$")
_WIDE_GAP_RE = re.compile(r"\s{3,}")
_LABEL_LINE_RE = re.compile(r"^[^\t:：]{2,40}[:：]")


def looks_like_labelled_text(text: str) -> bool:
    """True for a 项目名称 label line plus a tab-separated indicator header row."""
    lines = text.split("\n")
    named = any(
        import_labels().field_of(split_label_value(line.strip())[0]) == "name"
        for line in lines
        if _LABEL_LINE_RE.match(line.strip())
    )
    return named and any("\t" in line and column_map(line.split("\t")) for line in lines)


def parse_labelled_text(text: str, file: str) -> list[TargetTable]:
    """Every table of the text: each indicator block with the label lines above (and below) it."""
    lines = [line.rstrip() for line in text.split("\n")]
    blocks = _blocks(lines)
    if not blocks:
        raise ImportFailed(file, "没有找到指标表头（一级指标⇥二级指标⇥三级指标⇥指标值）。")
    tables = []
    for number, (head_lines, header_at, body_lines) in enumerate(blocks, start=1):
        where = "文本" if len(blocks) == 1 else f"文本第{number}张表"
        columns = column_map(lines[header_at].split("\t"))
        rows = [line.split("\t") for line in body_lines]
        if not rows:
            raise ImportFailed(file, f"{where}只有指标表头，没有指标行，文件可能被截断。")
        header = read_header_block(_header_rows(head_lines), file, where)
        found = read_indicators(columns, rows, file, where)
        # a text file has no sheets: its tables are cited 表1, 表2 … like the Word export's
        tables.append(
            build_table(
                GridTable(
                    header=header,
                    where="",
                    indicators=found.indicators,
                    truncated=found.truncated,
                ),
                file,
                number,
                None,
            )
        )
    return tables


def _blocks(lines: list[str]) -> list[tuple[list[str], int, list[str]]]:
    """(label lines, header row index, indicator lines) per table; text after the last block's
    rows belongs to that table (the Shanghai files print 项目概述 below the indicators)."""
    starts = [i for i, line in enumerate(lines) if "\t" in line and column_map(line.split("\t"))]
    blocks, previous_end = [], 0
    for number, at in enumerate(starts):
        end = at + 1
        while end < len(lines) and "\t" in lines[end] and end not in starts:
            end += 1
        head = lines[previous_end:at]
        if number == len(starts) - 1:
            head = head + lines[end:]
        blocks.append((head, at, lines[at + 1 : end]))
        previous_end = end
    return blocks


def _header_rows(lines: list[str]) -> list[list[str]]:
    """Label lines as cells; an indented line continues the label line above it."""
    rows: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        if line[:1] in (" ", "\u3000") and rows and len(rows[-1]) > 1:
            rows[-1][-1] = f"{rows[-1][-1]}\n{line.strip()}".strip()
            continue
        rows.append(_cells(line.strip()))
    return rows


def _cells(line: str) -> list[str]:
    if section := _SECTION_RE.match(line):
        if import_labels().field_of(section["label"]) is not None:
            return [section["label"], section["value"]]
    parts = _WIDE_GAP_RE.split(line)
    if len(parts) > 1 and all(len(split_label_value(part)) == 2 for part in parts):
        return [cell for part in parts for cell in split_label_value(part)]
    return split_label_value(line)
