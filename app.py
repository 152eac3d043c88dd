"""`python app.py`: build the concrete objects from Settings and serve the web app.

The index is brought up to date first (built when missing; incremental and quick otherwise),
then the app listens on settings.host:settings.port (127.0.0.1:7860 by default).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import gradio as gr  # noqa: E402  (after the offline switches)

from assistant.corpus import add_to_corpus  # noqa: E402
from assistant.drafting.engine import Drafter  # noqa: E402
from assistant.drafting.llm import make_chat_model, warm_up  # noqa: E402
from assistant.drafts_store import DraftsStore  # noqa: E402
from assistant.errors import AssistantError  # noqa: E402
from assistant.schema import TargetTable  # noqa: E402
from assistant.services import Workbench  # noqa: E402
from assistant.settings import Settings, get_settings  # noqa: E402
from webui.auth import LOGIN_MESSAGE, login_guard  # noqa: E402
from webui.layout import build_ui, launch_kwargs  # noqa: E402

log = logging.getLogger("app")


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


def corpus_adder(settings: Settings, live: LiveRetriever):
    """Add an uploaded file to the corpus, update the index incrementally, swap it in."""
    from index import build_index, open_index

    lock = threading.Lock()  # one index update at a time

    def add(path: Path) -> list[TargetTable]:
        with lock:
            tables = add_to_corpus(path, settings)
            build_index(settings, progress=False)
            live.swap(open_index(settings)).close()
        return tables

    return add


def create_workbench(settings: Settings) -> Workbench:
    """Index (built if missing), drafter, drafts store, wired into a Workbench."""
    from index import build_index, open_index

    report = build_index(settings, progress=True)
    for message in report.messages:
        log.warning(message)
    live = LiveRetriever(open_index(settings))
    chat_model = make_chat_model(settings)
    # A local model pre-computes its fixed prompt prefix once; in the background so start-up stays quick.
    threading.Thread(target=warm_up, args=(chat_model,), daemon=True).start()
    drafter = Drafter(live, chat_model=chat_model)
    store = DraftsStore(settings.drafts_db)
    return Workbench(settings, live, drafter, store, add_to_corpus=corpus_adder(settings, live))


def create_app(settings: Settings) -> tuple[gr.Blocks, Workbench]:
    workbench = create_workbench(settings)
    return build_ui(workbench, settings), workbench


def launch(demo: gr.Blocks, settings: Settings, **overrides):
    """Serve `demo` with login when configured; returns gradio's (app, local_url, share_url)."""
    auth = login_guard(settings)
    kwargs = {**launch_kwargs(settings), "auth": auth, **overrides}
    if auth is not None:
        kwargs.setdefault("auth_message", LOGIN_MESSAGE)
    return demo.launch(**kwargs)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    try:
        demo, _ = create_app(settings)
        print(f"绩效目标助手：http://{settings.host}:{settings.port}", flush=True)
        launch(demo, settings, quiet=False)
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
