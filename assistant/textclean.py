"""The one cleaning step for text that comes in: chat, briefs, grid cells, search, upload and export names.

Text-direction controls (U+202E and friends) make a name read differently from what it is
('报告' + U+202E + 'xslx.exe' shows as 报告exe.xlsx); C0/C1 control characters cannot be stored in
.xlsx/.docx at all. Every input boundary passes its text through `clean_text`, and
`within_limit` refuses text longer than the configured cap with a Chinese message.
"""

from __future__ import annotations

import re

from assistant.errors import AssistantError

# Bidi embeddings/overrides/isolates and marks, zero-width characters, BOM, line/paragraph separators.
_INVISIBLE = "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"
_CONTROL_RE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_INVISIBLE}]")
_LINE_BREAK_RE = re.compile(r"\r\n?|[\u2028\u2029]")
_SPACE_RE = re.compile(r"[\t\n]+")
# Words that address the assistant rather than describe a project ('忽略以上规则'): a clause
# holding them is never taken for the project's name or content.
_INSTRUCTION_RE = re.compile(
    r"(?:忽略|无视|不要理会|不用管|绕过|不遵守|不要遵守|忘记|忘掉)[^，。；,;]{0,4}"
    r"(?:以上|上面|之前|前面|先前|所有|全部|一切|系统|此前)[^，。；,;]{0,4}"
    r"(?:规则|指令|提示|要求|约束|限制|设定|说明)|你现在是|请你扮演|你扮演|系统提示词|"
    r"ignore\s+(?:all\s+|the\s+)?(?:previous|above|prior)|disregard\s+(?:all|the|previous)|"
    r"system\s+prompt",
    re.IGNORECASE,
)


class InputTooLong(AssistantError):
    """A text is longer than its cap in settings."""


def clean_text(text: str | None, multiline: bool = False) -> str:
    """`text` without control, direction or zero-width characters; one line unless `multiline`
    (then line breaks are kept as \\n and tabs as tabs)."""
    text = _LINE_BREAK_RE.sub("\n", "" if text is None else str(text))
    if not multiline:
        text = _SPACE_RE.sub(" ", text)
    return _CONTROL_RE.sub("", text)


def looks_like_instruction(text: str) -> bool:
    """True when `text` tells the assistant what to do ('忽略以上规则') instead of describing work."""
    return bool(_INSTRUCTION_RE.search(text or ""))


def within_limit(text: str, limit: int, what: str, setting: str) -> str:
    """`text` when it has at most `limit` characters, else InputTooLong naming the cap."""
    check_size(len(text), limit, what, setting)
    return text


def check_size(size: int, limit: int, what: str, setting: str, unit: str = "字") -> None:
    """InputTooLong when `size` is above `limit` (characters, rows…)."""
    if size > limit:
        raise InputTooLong(
            f"{what}超过上限：共 {size} {unit}，最多 {limit} {unit}（设置项 {setting}）。请精简后再试。"
        )
