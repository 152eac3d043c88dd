"""With an LLM configured (`LLMRefiner.read_facts`), the LLM reads the brief into ProjectFacts (structured output when the
server enforces a JSON schema, else one JSON object in the reply), and the rules check it
(`facts_check.checked`). Any failure falls back to the rules' own reading.
"""

from __future__ import annotations

import json
import re

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import ValidationError

from assistant.drafting.facts import ProjectFacts
from assistant.drafting.facts_check import checked
from assistant.drafting.project_types import project_types
from assistant.llm.lines import clean_cell
from assistant.llm.replies import stream_text
from assistant.prompts import render

_MAX_BRIEF_CHARS = 2000
_JSON_RE = re.compile(r"\{.*\}", re.S)


def facts_messages(text: str) -> list:
    """Fixed instructions (with the type keys) first, then the brief as data."""
    return [
        SystemMessage(render("facts_read_system", types="、".join(project_types()))),
        HumanMessage(render("facts_read", brief=clean_cell(text)[:_MAX_BRIEF_CHARS])),
    ]


def read_reply(reply: str) -> ProjectFacts | None:
    """ProjectFacts from a text reply (the first JSON object that validates), or None."""
    match = _JSON_RE.search(reply or "")
    if not match:
        return None
    try:
        return ProjectFacts.model_validate(json.loads(match.group(0)))
    except (json.JSONDecodeError, ValidationError):
        return None


def llm_facts(
    text: str, rules: ProjectFacts, chat_model: BaseChatModel, deadline: float | None = None
) -> tuple[ProjectFacts, bool]:
    """The LLM's reading of the brief, checked by the rules; the rules' reading on any failure.
    True when the deadline (`time.monotonic()`) cut a streamed reply short."""
    messages = facts_messages(text)
    try:
        structured = chat_model.with_structured_output(ProjectFacts, method="json_schema")
        facts = structured.invoke(messages)
    except Exception:  # no schema support, or the call failed: try a plain reply
        try:
            reply, cut = stream_text(chat_model, messages, deadline)
        except Exception:  # an optional helper: the rules' reading stands
            return rules, False
        if cut:
            return rules, True
        facts = read_reply(reply)
    if not isinstance(facts, ProjectFacts):
        return rules, False
    return checked(facts, rules, text), False
