"""Drafting: brief parser, embedded composer (`Drafter`), repairs and conversational edits.

An LLM, when configured, is a `Refiner` (refiner.py) built by assistant/llm/; drafting never
imports that layer.
"""

from assistant.drafting.brief import BriefInvalid, parse_brief
from assistant.drafting.edit_rules import parse_command
from assistant.drafting.edits import EditRefused
from assistant.drafting.engine import Drafter, draft
from assistant.drafting.refiner import Refiner
from assistant.drafting.retriever import MemoryRetriever, Retriever

__all__ = [
    "BriefInvalid",
    "Drafter",
    "EditRefused",
    "MemoryRetriever",
    "Refiner",
    "Retriever",
    "draft",
    "parse_brief",
    "parse_command",
]
