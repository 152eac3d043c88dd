"""App fixtures: Workbenches over the real index, and the Gradio app served on 127.0.0.1.

`app_server` launches the real app (app.create_app) once per session on a free port, with a
tmp data dir and a tmp copy of the real corpus files (whole files, so imports never write
into corpus/), and its index built by the app's own start-up path.
"""

from __future__ import annotations

import shutil
import socket
from dataclasses import dataclass

import pytest

from tests.conftest import CORPUS

BRIEF = "2026年燃气管道安全巡检，预算80万元"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def corpus_copy(target, names=None):
    """A writable copy of (some of) the real corpus source files."""
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(CORPUS.glob("*.txt")):
        if names is None or path.name in names:
            shutil.copy(path, target / path.name)
    return target


@pytest.fixture
def make_workbench(corpus_index, tmp_path):
    """Factory: a Workbench on the shared real index with its own drafts DB (chat_model optional)."""
    from assistant.drafting.engine import Drafter
    from assistant.drafts_store import DraftsStore
    from assistant.services import Workbench
    from tests.fixtures_index import index_settings

    settings = index_settings(tmp_path / "data")

    def build(chat_model=None, db_name="drafts.sqlite3"):
        store = DraftsStore(tmp_path / db_name)
        from assistant.llm import LLMRefiner

        refiner = LLMRefiner(chat_model) if chat_model is not None else None
        return Workbench(settings, corpus_index, Drafter(corpus_index, refiner), store)

    return build


@pytest.fixture(scope="session")
def app_settings(tmp_path_factory, corpus_index_settings, corpus_index):
    """Settings of the served app: tmp data dir (embedding cache pre-warmed), tmp corpus copy."""
    from tests.fixtures_index import copy_embedding_cache, index_settings

    root = tmp_path_factory.mktemp("app")
    settings = index_settings(
        root / "data", corpus_dir=corpus_copy(root / "corpus"), port=free_port()
    )
    copy_embedding_cache(corpus_index_settings, settings)
    return settings


@dataclass
class AppServer:
    url: str
    workbench: object  # assistant.services.Workbench
    settings: object  # assistant.settings.Settings


@pytest.fixture(scope="session")
def app_server(app_settings):
    """The real app (app.create_app + app.launch) serving in this process."""
    from app import create_app, launch

    demo, workbench = create_app(app_settings)
    _, url, _ = launch(demo, app_settings, prevent_thread_lock=True)
    yield AppServer(url=url, workbench=workbench, settings=app_settings)
    demo.close()
    workbench.retriever.current.close()
