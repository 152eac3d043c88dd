"""The compact line format the LLM reads and writes: `来源|三级指标|指标值`, one row a line.

    D1|检查企业数量|≥192家次
    A4|燃气场站检查数|≥30座

Small local models reproduce this reliably, and it costs ~14 tokens a row instead of ~20 for
5-column `一级|二级|三级|值|来源` lines (JSON costs far more): generation is most of a refine's
time on 2 cores. The 来源 tag (`D3` = draft row 3, `A2` = row 2 of past table A) comes first,
so the model picks the row before it writes, and the row's 二级/一级 follow from that row.
The parser also reads 5-column lines, `二级：` heading lines and other small-model habits.
Everything shown to the model as data is sanitised here so it cannot break out of its line or
out of the data block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from assistant.schema import LEVEL2_PARENTS, Indicator, normalize_level

DATA_OPEN, DATA_CLOSE = "<<<DATA", "DATA>>>"
LINE_FORMAT = "来源|三级指标|指标值"

_REF_RE = re.compile(r"^[A-Z]\d{1,3}$")
_BULLET_RE = re.compile(r"^(?:[-*•·]\s*|\d{1,3}\s*[.、．)）]\s*)")
_FENCE_RE = re.compile(r"^```")
_SEPARATOR_RE = re.compile(r"^[\s|:：\-—]+$")
_LABEL_RE = re.compile(r"^.*[:：]\s*")
_HEADING_RE = re.compile(r"^[#\s【\[（(]*(.+?)[】\]）)]*\s*[:：]?\s*$")
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


def format_row(indicator: Indicator, ref: str) -> str:
    """One indicator as a compact line `ref|三级指标|指标值` (the value in its display form)."""
    return "|".join([ref, clean_cell(indicator.name), clean_cell(indicator.value.render())])


def format_rows(indicators: Iterable[Indicator], tag: str) -> str:
    """Lines tagged `<tag><row>` (1-based), e.g. D1, D2 … for the draft."""
    return "\n".join(format_row(ind, f"{tag}{n}") for n, ind in enumerate(indicators, 1))


def heading_level2(line: str) -> str | None:
    """The 二级 a heading line names (`数量指标：`, `【质量指标】`, `## 时效指标`), else None."""
    if "|" in line or "｜" in line:
        return None
    match = _HEADING_RE.match(_BULLET_RE.sub("", line.strip()))
    level2 = normalize_level(match.group(1)) if match else ""
    return level2 if level2 in LEVEL2_PARENTS else None


def _cells(line: str) -> list[str] | None:
    """The cells of a reply line, or None for lines that are not rows (fences, headers, prose)."""
    line = line.strip().replace("｜", "|")
    if not line or _FENCE_RE.match(line) or _SEPARATOR_RE.match(line) or "|" not in line:
        return None
    line = _BULLET_RE.sub("", line).strip().strip("|")
    cells = [cell.strip().strip("*`").strip() for cell in line.split("|")]
    cells[0] = _LABEL_RE.sub("", cells[0])  # '效益指标（新版格式）：社会效益指标' → the last part
    if any(c in ("来源", "三级指标") for c in cells):
        return None  # a header line
    return cells


def _take_ref(cells: list[str]) -> str:
    """Removes and returns the 来源 tag, first (compact format) or last (5-column format)."""
    if cells and _REF_RE.match(cells[0].upper()):
        return cells.pop(0).upper()
    if len(cells) >= 5 and not cells[-1]:
        cells.pop()  # an empty 来源 column
    return cells.pop().upper() if cells and _REF_RE.match(cells[-1].upper()) else ""


def _shown_with_name(shown: Mapping[str, Indicator], name: str) -> Indicator | None:
    """A shown row of this name: small models re-number rows they copy (`D9|<name of D1>|…`)."""
    return next((row for row in shown.values() if row.name == name), None)


def _indicator(cells: list[str], context: Indicator | None, level2: str | None) -> Indicator | None:
    """The cells left after the tag as an Indicator; levels from the cells, else the context."""
    if len(cells) == 2 and (context is not None or level2):
        level2 = context.level2 if context is not None else level2
        level1 = context.level1 if context is not None else LEVEL2_PARENTS[level2][0]
        cells = [level1, level2, *cells]
    elif len(cells) == 3 and normalize_level(cells[0]) in LEVEL2_PARENTS:
        cells.insert(0, LEVEL2_PARENTS[normalize_level(cells[0])][0])  # 一级 left out
    if len(cells) < 4 or not all(cells[:3]) or not cells[-1]:
        return None
    description = cells[3] if len(cells) >= 5 else ""
    return Indicator(
        level1=cells[0], level2=cells[1], name=cells[2], description=description, value=cells[-1]
    )


def parse_line(
    line: str, shown: Mapping[str, Indicator] | None = None, level2: str | None = None
) -> ParsedRow | None:
    """A reply line as a ParsedRow; None when it is not a complete row.

    `level2` is the heading the line stands under. A line that is only a tag of a `shown` row
    (`D2`) means "keep that row as it is".
    """
    shown = shown or {}
    tag = _BULLET_RE.sub("", line.strip()).strip("|｜ ").upper()
    if tag in shown:
        return ParsedRow(indicator=shown[tag], ref=tag, line=line.strip())
    cells = _cells(line)
    if cells is None:
        return None
    ref = _take_ref(cells)
    context = shown.get(ref) or _shown_with_name(shown, cells[0] if cells else "")
    indicator = _indicator(cells, context, level2)
    return ParsedRow(indicator, ref, line.strip()) if indicator is not None else None


def is_row_like(line: str) -> bool:
    """True for lines that look like an attempted row (so a failed parse is worth reporting)."""
    return _cells(line) is not None


class ReplyReader:
    """Reads a reply line by line, remembering the 二级 heading the lines stand under."""

    def __init__(self, shown: Mapping[str, Indicator] | None = None) -> None:
        self.shown = shown or {}
        self.level2: str | None = None

    def read(self, line: str) -> ParsedRow | None:
        heading = heading_level2(line)
        if heading is not None:
            self.level2 = heading
            return None
        return parse_line(line, self.shown, self.level2)


def parse_reply(text: str, shown: Mapping[str, Indicator] | None = None) -> ParsedReply:
    """All rows of a reply, plus the row-like lines that could not be read."""
    reader, rows, rejected = ReplyReader(shown), [], []
    for line in (text or "").splitlines():
        parsed = reader.read(line)
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

    def done_text(self) -> str:
        """The text of the complete lines so far (a line still being written left out)."""
        return self.text[: len(self.text) - len(self._pending)]

    def flush(self) -> list[str]:
        rest, self._pending = self._pending, ""
        return [rest] if rest.strip() else []
