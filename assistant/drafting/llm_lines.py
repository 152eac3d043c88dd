"""The compact line format the LLM reads and writes: `一级指标|二级指标|三级指标|指标值|来源`.

One row per line is what small local models reproduce reliably (JSON costs them far more tokens
and breaks more often). The 来源 column is a short tag (`D3` = draft row 3, `A2` = row 2 of past
table A) so a rewritten row can keep its citation. Everything shown to the model as data is
sanitised here so it cannot break out of its line or out of the data block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from assistant.schema import LEVEL2_PARENTS, Indicator, normalize_level

DATA_OPEN, DATA_CLOSE = "<<<DATA", "DATA>>>"
LINE_HEADER = "一级指标|二级指标|三级指标|指标值|来源"

_REF_RE = re.compile(r"^[A-Z]\d{1,3}$")
_BULLET_RE = re.compile(r"^(?:[-*•·]\s*|\d{1,3}\s*[.、．)）]\s*)")
_FENCE_RE = re.compile(r"^```")
_SEPARATOR_RE = re.compile(r"^[\s|:：\-—]+$")
_LABEL_RE = re.compile(r"^.*[:：]\s*")
_DELIMITER_RE = re.compile(r"<{2,}|>{2,}|DATA\s*>>>|<<<\s*DATA", re.IGNORECASE)


class ParsedRow(NamedTuple):
    """One reply line read as an Indicator, with the 来源 tag the model gave (or '')."""

    indicator: Indicator
    ref: str
    line: str


class ParsedReply(NamedTuple):
    rows: list[ParsedRow]
    rejected: list[str]


def clean_cell(text: str) -> str:
    """A data value made safe for one cell: no line breaks, no column bars, no delimiters."""
    text = _DELIMITER_RE.sub(" ", text or "")
    text = text.replace("|", "/").replace("｜", "/")
    return re.sub(r"\s+", " ", text).strip()


def clean_block(text: str) -> str:
    """Multi-line data (the user's brief) without anything that could close the data block."""
    lines = (_DELIMITER_RE.sub(" ", line).strip() for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def format_row(indicator: Indicator, ref: str = "") -> str:
    """One indicator as a compact line (the value in its display form)."""
    cells = [indicator.level1, indicator.level2, indicator.name, indicator.value.render(), ref]
    return "|".join(clean_cell(cell) for cell in cells)


def format_rows(indicators: Iterable[Indicator], tag: str) -> str:
    """Numbered lines tagged `<tag><row>` (1-based), e.g. D1, D2 … for the draft."""
    return "\n".join(format_row(ind, f"{tag}{n}") for n, ind in enumerate(indicators, 1))


def _cells(line: str) -> list[str] | None:
    """The cells of a reply line, or None for lines that are not rows (fences, headers, prose)."""
    line = line.strip().replace("｜", "|")
    if not line or _FENCE_RE.match(line) or _SEPARATOR_RE.match(line) or "|" not in line:
        return None
    line = _BULLET_RE.sub("", line).strip().strip("|")
    cells = [cell.strip().strip("*`").strip() for cell in line.split("|")]
    cells[0] = _LABEL_RE.sub("", cells[0])  # '效益指标（新版格式）：社会效益指标' → the last part
    if "一级指标" in cells[0] and any("三级" in c for c in cells):
        return None
    return cells


def parse_line(line: str, shown: Mapping[str, Indicator] | None = None) -> ParsedRow | None:
    """A reply line as a ParsedRow; None when it is not a complete row.

    A line that is only a tag of a `shown` row (`D2`) means "keep that row as it is": it costs
    the model 2 tokens instead of ~20, and small models keep most rows.
    """
    tag = _BULLET_RE.sub("", line.strip()).strip("|｜ ").upper()
    if shown and tag in shown:
        return ParsedRow(indicator=shown[tag], ref=tag, line=line.strip())
    cells = _cells(line)
    if cells is None:
        return None
    if len(cells) >= 5 and not cells[-1]:
        cells.pop()  # an empty 来源 column
    ref = cells.pop().upper() if cells and _REF_RE.match(cells[-1].upper()) else ""
    if len(cells) == 3 and normalize_level(cells[0]) in LEVEL2_PARENTS:
        cells.insert(0, LEVEL2_PARENTS[normalize_level(cells[0])][0])  # 一级 left out
    if len(cells) < 4 or not all(cells[:3]) or not cells[-1]:
        return None
    description = cells[3] if len(cells) >= 5 else ""
    indicator = Indicator(
        level1=cells[0], level2=cells[1], name=cells[2], description=description, value=cells[-1]
    )
    return ParsedRow(indicator=indicator, ref=ref, line=line.strip())


def is_row_like(line: str) -> bool:
    """True for lines that look like an attempted row (so a failed parse is worth reporting)."""
    return _cells(line) is not None


def parse_reply(text: str, shown: Mapping[str, Indicator] | None = None) -> ParsedReply:
    """All rows of a reply, plus the row-like lines that could not be read."""
    rows, rejected = [], []
    for line in (text or "").splitlines():
        parsed = parse_line(line, shown)
        if parsed is not None:
            rows.append(parsed)
        elif is_row_like(line):
            rejected.append(line.strip())
    return ParsedReply(rows=rows, rejected=rejected)


class LineBuffer:
    """Collects streamed text and hands back each line once it is complete."""

    def __init__(self) -> None:
        self.text = ""
        self._pending = ""

    def feed(self, chunk: str) -> list[str]:
        self.text += chunk
        self._pending += chunk
        *complete, self._pending = self._pending.split("\n")
        return complete

    def flush(self) -> list[str]:
        rest, self._pending = self._pending, ""
        return [rest] if rest.strip() else []
