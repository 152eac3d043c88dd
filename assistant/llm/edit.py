"""Free-form edit requests the drafter's rules did not understand → one `Edit`, via the LLM.

The model answers with one line of JSON that pydantic validates; anything else (prose, an
unknown kind, a row that does not exist, a call that fails) gives None so the chat can say it
did not understand rather than apply a guess.
"""

from __future__ import annotations

import json
import re

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import ValidationError

from assistant.drafting.edit_model import Edit
from assistant.llm.lines import clean_cell
from assistant.prompts import render
from assistant.schema import LEVEL2_PARENTS, Draft, normalize_level

_JSON_RE = re.compile(r"\{[^{}]*\}")
_ROW_KINDS = {"set_value", "rename", "remove_row"}
_MAX_REQUEST_CHARS = 500


def edit_messages(text: str, draft: Draft) -> list:
    """The prompt for one edit request: fixed instructions first, then the rows and the request."""
    rows = "\n".join(
        f"{n}. {clean_cell(i.level1)}|{clean_cell(i.level2)}|{clean_cell(i.name)}|"
        f"{clean_cell(i.value.render())}"
        for n, i in enumerate(draft.table.indicators, 1)
    )
    request = clean_cell(text)[:_MAX_REQUEST_CHARS]
    return [
        SystemMessage(render("edit_parse_system")),
        HumanMessage(render("edit_parse", rows=rows, request=request)),
    ]


def read_edit(reply: str, draft: Draft) -> Edit | None:
    """The Edit in a reply (first JSON object that validates), or None."""
    for candidate in _JSON_RE.findall(reply or ""):
        try:
            data = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        if not isinstance(data, dict) or data.get("kind") is None:
            return None
        data = {k: v for k, v in data.items() if v is not None}
        try:
            edit = Edit.model_validate(data)
        except ValidationError:
            return None
        if edit.level2:
            edit = edit.model_copy(update={"level2": normalize_level(edit.level2)})
        return edit if _fits(edit, draft) else None
    return None


def _fits(edit: Edit, draft: Draft) -> bool:
    """Whether the edit names what it needs and points at an existing row / a known 二级."""
    rows = len(draft.table.indicators)
    row_ok = edit.row is not None and 1 <= edit.row <= rows
    level2_ok = normalize_level(edit.level2 or "") in LEVEL2_PARENTS
    if edit.kind in _ROW_KINDS and not row_ok:
        return False
    if edit.kind in {"set_value", "rename"}:
        return bool((edit.value or "").strip())
    if edit.kind == "set_budget":
        return edit.budget is not None and edit.budget > 0
    if edit.kind == "set_year":
        return edit.year is not None and 1990 <= edit.year <= 2100
    if edit.kind == "add_row":
        return level2_ok
    if edit.kind == "regenerate_slot":
        return level2_ok or (edit.level2 is None and row_ok)
    return True


def parse_edit(text: str, draft: Draft, chat_model: BaseChatModel) -> Edit | None:
    """Ask the model to turn a free-form request into an Edit; None when it cannot."""
    if not (text or "").strip():
        return None
    try:
        reply = chat_model.invoke(edit_messages(text, draft))
    except Exception:  # an optional helper: any failure means "not understood"
        return None
    return read_edit(reply.text, draft)
