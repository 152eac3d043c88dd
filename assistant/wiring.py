"""The composition root: the one place that builds concrete objects (index, drafter, LLM, drafts
store, workbench) from Settings. app.py, the CLI, evals/ and benchmarks/ all build through here,
so a setting (e.g. JXMB_LLM) means the same everywhere.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from assistant.bulk_import import BulkReport, bulk_import
from assistant.corpus import add_to_corpus, load_corpus, source_files, withdraw_from_corpus
from assistant.drafting.engine import Drafter
from assistant.drafting.refiner import Refiner
from assistant.drafting.retriever import Retriever
from assistant.drafts_store import DraftsStore
from assistant.errors import AssistantError, storage_problem
from assistant.schema import TargetTable
from assistant.services import Workbench
from assistant.settings import Settings

log = logging.getLogger(__name__)


def make_refiner(settings: Settings) -> Refiner | None:
    """The LLM named by `settings.llm` as a Refiner, None for `none`; LangChain is imported
    only when an LLM is configured. Raises ProviderUnavailable (Chinese) when it cannot be built."""
    if (settings.llm or "none").strip().lower() in ("", "none"):
        return None
    from assistant.llm import make_refiner as build

    return build(settings)


def build_index(settings: Settings, progress: bool = True, force: bool = False):
    """Bring the index in line with the corpus (index/ never reads the corpus itself)."""
    from index import build_index as build

    return build(settings, load_corpus(settings), progress, force=force)


def open_index(settings: Settings, build: bool = False):
    """The hybrid index of the corpus (rebuilt when missing or broken); `build=True` first
    brings it up to date with the corpus (and logs its notes)."""
    from index import open_index as open_hybrid

    if build:
        for message in build_index(settings).messages:
            log.warning(message)
    return open_hybrid(settings, rebuild_from=lambda: load_corpus(settings))


def make_drafter(
    settings: Settings, retriever: Retriever, refiner: Refiner | None | bool = True
) -> Drafter:
    """A Drafter over `retriever`; `refiner=True` builds the configured LLM, False/None: none."""
    if refiner is True:
        refiner = make_refiner(settings)
    return Drafter(retriever, refiner=refiner or None, profile=settings.review_profile)


class LiveRetriever:
    """The current index behind a fixed object, so the drafter keeps working after an import
    swaps in a freshly built index."""

    def __init__(self, index):
        self.current = index

    def swap(self, index):
        """Use `index` from now on; returns the previous one (for the caller to close)."""
        previous, self.current = self.current, index
        return previous

    def search_projects(self, query, filters=None, k=10):
        return self.current.search_projects(query, filters, k=k)

    def search_indicators(self, query, filters=None, k=10):
        return self.current.search_indicators(query, filters, k=k)

    def get_table(self, table_id):
        return self.current.get_table(table_id)

    def tables(self):
        return self.current.tables()


_INDEX_LOCK = threading.Lock()  # one corpus write + index update at a time


def corpus_adder(settings: Settings, live: LiveRetriever):
    """Add an uploaded file to the corpus, update the index incrementally, swap it in."""

    def add(path: Path) -> list[TargetTable]:
        with _INDEX_LOCK:
            known = {p.name for p in source_files(settings.corpus_dir)}
            tables = add_to_corpus(path, settings)
            try:
                build_index(settings, progress=False)
            except Exception as exc:
                # A file in the corpus but not in the index would come back on the next start
                # as if added: take it out again (a re-added identical file stays).
                new = [t for t in tables if t.source.file not in known]
                withdraw_from_corpus(new, settings)
                raise AssistantError(
                    f"更新索引失败，文件没有加入语料库：{storage_problem(exc)}"
                ) from exc
            live.swap(open_index(settings)).close()
        return tables

    return add


def bulk_importer(settings: Settings, live: LiveRetriever):
    """File many uploads (files, a folder's .zip), then update the index once and swap it in."""

    def import_many(paths: list[Path], progress=None) -> BulkReport:
        with _INDEX_LOCK:
            report = bulk_import(paths, settings, progress=progress)
            if report.filed:
                build_index(settings, progress=False)
                live.swap(open_index(settings)).close()
        return report

    return import_many


def make_workbench(settings: Settings) -> Workbench:
    """Index (built if missing), drafter with the configured LLM, drafts store: the app's Workbench."""
    live = LiveRetriever(open_index(settings, build=True))
    refiner = make_refiner(settings)
    if refiner is not None:
        # A local model pre-computes its fixed prompt prefix once; in the background so start-up stays quick.
        threading.Thread(target=refiner.warm_up, daemon=True).start()
    drafter = Drafter(live, refiner=refiner, profile=settings.review_profile)
    store = DraftsStore(settings.drafts_db)
    if store.notice:
        log.warning(store.notice)
    return Workbench(
        settings,
        live,
        drafter,
        store,
        add_to_corpus=corpus_adder(settings, live),
        import_many=bulk_importer(settings, live),
    )
