"""Table ids: `<corpus file stem>-<n>`, the one pattern every id must fit before it names a file.

An id becomes a path (`corpus/tables/<id>.json`), so it is only ever made from the stored file's
name and checked here wherever it is used as one. An id read from a file's own content (the hidden
metadata of our exports) is never trusted as a table's id: such a file could pick any path.
"""

from __future__ import annotations

import re

from assistant.errors import ImportFailed

# A stem as `corpus.safe_file_name` makes it (no folders, no control or reserved characters, no
# leading dot, no text-direction marks), then `-` and the table number.
_TABLE_ID_RE = re.compile(
    r"(?!\.)[^/\\\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>:\"|?*]{1,200}"
    r"-[1-9][0-9]{0,5}"
)


def table_id_for(file: str, number: int) -> str:
    """Corpus table id '<file stem>-<n>'."""
    stem = file.rsplit(".", 1)[0] if "." in file else file
    return f"{stem}-{number}"


def is_safe_table_id(table_id: str) -> bool:
    """True when the id fits the one pattern (and so names a file inside its folder)."""
    return bool(_TABLE_ID_RE.fullmatch(table_id)) and table_id.strip() == table_id


def checked_table_id(table_id: str, file: str) -> str:
    """The id itself, or ImportFailed naming the file when it does not fit the pattern."""
    if not is_safe_table_id(table_id):
        raise ImportFailed(file, f"表编号「{table_id[:60]}」不合规，无法作为语料库文件名。")
    return table_id
