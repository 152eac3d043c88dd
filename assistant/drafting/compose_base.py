"""Shared pieces of the row composers: a row cited to the brief, numbers, de-duplication."""

from __future__ import annotations

import jieba

from assistant.schema import (
    BENEFIT,
    OUTPUT,
    QUALITY,
    QUANTITY,
    SATISFACTION,
    SATISFACTION_L2,
    TIMELINESS,
    Indicator,
    SourceRef,
)


def brief_source(text: str) -> SourceRef:
    return SourceRef(rule=f"按项目描述生成（原文「{text[:40]}」）")


def make_row(level2: str, name: str, value: str, description: str, source: SourceRef) -> Indicator:
    level1 = {QUANTITY: OUTPUT, QUALITY: OUTPUT, TIMELINESS: OUTPUT, SATISFACTION_L2: SATISFACTION}
    return Indicator(
        level1=level1.get(level2, BENEFIT), level2=level2, name=_short(name),
        description=description, value=value, source=source,
    )  # fmt: skip


def _short(name: str) -> str:
    """At most 16 characters; a rate keeps its measure ('…投诉举报案件按期结案率'), its work goes."""
    if len(name) <= 16 or not name.endswith("率"):
        return name[:16]
    words = jieba.lcut(name)
    while len("".join(words)) > 16 and len(words) > 1:
        words = words[1:]  # whole words off the front: '处理劳动保障…' -> 劳动保障…
    return "".join(words)[-16:]


# ---------------------------------------------------------------- 数量


def num(number: float) -> str:
    return f"{number:.6f}".rstrip("0").rstrip(".")


def tail_words(text: str, limit: int = 8) -> str:
    """The last whole words of text, at most `limit` characters ('…环境风险隐患排查',
    '省级数字档案馆测评' -> 测评 at 4)."""
    tail = ""
    for word in reversed(jieba.lcut(text)):
        if len(tail) + len(word) > limit:
            break
        tail = word + tail
    return tail or text[-limit:]


def unique(rows: list[Indicator]) -> list[Indicator]:
    seen, out = set(), []
    for row in rows:
        if row.name not in seen:
            seen.add(row.name)
            out.append(row)
    return out
