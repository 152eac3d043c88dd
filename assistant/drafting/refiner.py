"""What the drafter asks of an optional language model. The LLM layer (assistant/llm/)
implements it; the drafter never imports that layer, so drafting works without LangChain."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from assistant.drafting.edit_model import Edit
from assistant.drafting.retriever import Retrieved
from assistant.schema import Draft, Indicator

Progress = Callable[[str, list[Indicator]], None]


class Refiner(Protocol):
    """An LLM that may rewrite a draft and read free-form edit requests."""

    label: str  # what drafts carry in `Draft.drafter`, e.g. 'openai:gpt-4o-mini'

    def refine(
        self,
        draft: Draft,
        retrieved: Retrieved | None,
        on_progress: Progress | None = None,
        started: float | None = None,
    ) -> Draft:
        """The draft rewritten by the model (or the draft itself with a note when it fails);
        `started` (`time.monotonic()`) is when the draft began: the model's time budget counts
        from then, else from this call."""
        ...

    def parse_edit(self, text: str, draft: Draft) -> Edit | None:
        """One Edit for a request the rule-based parser did not understand, or None."""
        ...

    def warm_up(self) -> None:
        """Prepare a local model (slow once); a no-op for remote ones."""
        ...
