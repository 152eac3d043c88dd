"""The optional LLM layer: providers (none, openai, llamacpp, fake) and what a model does for the
drafter (refine a draft, read an edit request), offered as a `Refiner` (assistant/drafting/refiner.py).

    make_refiner(settings)  -> LLMRefiner | None   (None for `llm = none`)

Only this package imports LangChain; a provider's own library is imported when it is chosen.
"""

from __future__ import annotations

import time

from langchain_core.language_models import BaseChatModel

from assistant.drafting.edit_model import Edit
from assistant.drafting.facts import ProjectFacts
from assistant.drafting.refiner import Progress
from assistant.drafting.retriever import Retrieved
from assistant.llm.edit import parse_edit
from assistant.llm.facts import llm_facts
from assistant.llm.providers import make_chat_model, warm_up
from assistant.llm.refine import llm_label, refine
from assistant.schema import Draft
from assistant.settings import Settings

FACTS_SHARE = 0.5  # of a draft's time budget, for reading its brief: the rewrite needs the rest

__all__ = [
    "LLMRefiner",
    "llm_label",
    "make_chat_model",
    "make_refiner",
    "parse_edit",
    "refine",
    "warm_up",
]


class LLMRefiner:
    """The drafter's `Refiner` over a LangChain chat model.

    `seconds` is the time budget of one draft (`JXMB_LLM_SECONDS`): a reading of the brief gets
    at most FACTS_SHARE of it, the rewrite what is left since the draft began.
    """

    def __init__(
        self, chat_model: BaseChatModel, max_retries: int = 2, seconds: float | None = None
    ):
        self.chat_model, self.max_retries, self.seconds = chat_model, max_retries, seconds
        self.label = llm_label(chat_model)
        # A model that could not read a brief in its share of the time would only be cut again
        # (a local 1.5B model takes 30-45 s): it is not asked to read briefs again.
        self.reads_briefs = True

    def refine(
        self,
        draft: Draft,
        retrieved: Retrieved | None,
        on_progress: Progress | None = None,
        started: float | None = None,
    ) -> Draft:
        seconds = self.seconds
        if seconds is not None and started is not None:
            seconds -= time.monotonic() - started
        return refine(draft, retrieved, self.chat_model, self.max_retries, on_progress, seconds)

    def parse_edit(self, text: str, draft: Draft) -> Edit | None:
        return parse_edit(text, draft, self.chat_model)

    def warm_up(self) -> None:
        warm_up(self.chat_model)

    def read_facts(self, text: str, rules: ProjectFacts) -> ProjectFacts:
        """The brief read by the model into ProjectFacts, checked by the rules (`facts.py`)."""
        if not self.reads_briefs:
            return rules
        share = None if self.seconds is None else time.monotonic() + self.seconds * FACTS_SHARE
        facts, cut = llm_facts(text, rules, self.chat_model, share)
        self.reads_briefs = not cut
        return facts


def make_refiner(settings: Settings) -> LLMRefiner | None:
    """The refiner named by `settings.llm`, None for `none`; raises ProviderUnavailable (Chinese)."""
    chat_model = make_chat_model(settings)
    if chat_model is None:
        return None
    return LLMRefiner(chat_model, seconds=settings.llm_seconds)
