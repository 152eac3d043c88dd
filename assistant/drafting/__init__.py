"""Drafting: brief parser, embedded composer (`Drafter`), repairs and conversational edits.

The optional LLM layer lives in `assistant.drafting.llm` and is imported only when configured.
"""

from assistant.drafting.brief import BriefInvalid, parse_brief
from assistant.drafting.edit_rules import parse_command
from assistant.drafting.edits import EditRefused
from assistant.drafting.engine import Drafter, draft
from assistant.drafting.retriever import MemoryRetriever, Retriever

__all__ = [
    "BriefInvalid",
    "Drafter",
    "EditRefused",
    "MemoryRetriever",
    "Retriever",
    "draft",
    "parse_brief",
    "parse_command",
]
