"""The optional LLM layer: providers (none, openai, llamacpp, fake) and what a model does for the
drafter (refine a draft, read an edit request), offered as a `Refiner` (assistant/drafting/refiner.py).

    make_refiner(settings)  -> LLMRefiner | None   (None for `llm = none`)

Only this package imports LangChain; a provider's own library is imported when it is chosen.
"""

from __future__ import annotations

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
    """The drafter's `Refiner` over a LangChain chat model."""

    def __init__(
        self, chat_model: BaseChatModel, max_retries: int = 2, seconds: float | None = None
    ):
        self.chat_model, self.max_retries, self.seconds = chat_model, max_retries, seconds
        self.label = llm_label(chat_model)

    def refine(
        self, draft: Draft, retrieved: Retrieved | None, on_progress: Progress | None = None
    ) -> Draft:
        return refine(
            draft, retrieved, self.chat_model, self.max_retries, on_progress, self.seconds
        )

    def parse_edit(self, text: str, draft: Draft) -> Edit | None:
        return parse_edit(text, draft, self.chat_model)

    def warm_up(self) -> None:
        warm_up(self.chat_model)

    def read_facts(self, text: str, rules: ProjectFacts) -> ProjectFacts:
        """The brief read by the model into ProjectFacts, checked by the rules (`facts.py`)."""
        return llm_facts(text, rules, self.chat_model)


def make_refiner(settings: Settings) -> LLMRefiner | None:
    """The refiner named by `settings.llm`, None for `none`; raises ProviderUnavailable (Chinese)."""
    chat_model = make_chat_model(settings)
    if chat_model is None:
        return None
    return LLMRefiner(chat_model, seconds=settings.llm_seconds)
