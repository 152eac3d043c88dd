"""The app's handlers as plain methods on a `Workbench`: no gradio here, so tests call them directly.

The web UI (webui/) turns these results into components; everything a user does in the browser
goes through one of these methods and gets pydantic models back. Each tab's methods live in
assistant/workbench/<tab>.py; the Workbench joins them over the objects built at start-up.
"""

from __future__ import annotations

from assistant.drafts_store import DraftsStore
from assistant.rules import LiveTables
from assistant.schema import TargetTable
from assistant.settings import Settings
from assistant.workbench.common import TOKEN_RE, NoDraft, owner_from, reviewed
from assistant.workbench.compare import CompareServices
from assistant.workbench.draft import EXPORT_SUFFIXES, PROCEED_WORDS, DraftingServices
from assistant.workbench.imports import BulkImporter, CorpusAdder, ImportServices
from assistant.workbench.models import ReviewedTable
from assistant.workbench.page_edits import DraftPageEdits
from assistant.workbench.search import SearchServices, value_spreads

__all__ = [
    "EXPORT_SUFFIXES",
    "PROCEED_WORDS",
    "TOKEN_RE",
    "NoDraft",
    "Workbench",
    "owner_from",
    "reviewed",
    "value_spreads",
]


class Workbench(DraftingServices, DraftPageEdits, SearchServices, CompareServices, ImportServices):
    """Everything the app does, on concrete objects built once at start-up (assistant/wiring.py)."""

    def __init__(
        self,
        settings: Settings,
        retriever,
        drafter,
        store: DraftsStore,
        add_to_corpus: CorpusAdder | None = None,
        import_many: BulkImporter | None = None,
    ):
        self.settings, self.retriever, self.drafter = settings, retriever, drafter
        self.store, self.add_to_corpus = store, add_to_corpus
        self.import_many = import_many
        # Past tables for the history and 雷同 rules: the corpus as indexed now.
        self.review_context = LiveTables(retriever) if hasattr(retriever, "tables") else None

    def review(self, table: TargetTable) -> ReviewedTable:
        """The table reviewed under the configured profile, compared with the indexed corpus."""
        return reviewed(table, self.settings.review_profile, self.review_context)
