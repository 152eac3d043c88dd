"""Corpus fixtures: target tables parsed from the real source files (never trimmed copies)."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, EXTRA_FILES, SEED_000, SEED_003


@pytest.fixture(scope="session")
def seed_tables_000():
    """The 7 tables of corpus/000_0a362c379c5850c5.txt (天津市供热燃气管理事务中心)."""
    from assistant.importers import parse

    return parse(SEED_000)


@pytest.fixture(scope="session")
def seed_tables_003():
    """The 4 tables of corpus/003_e87aba6a1a806e89.txt (天津市生态环境综合保障中心)."""
    from assistant.importers import parse

    return parse(SEED_003)


@pytest.fixture(scope="session")
def putuo_tables():
    """The 2 Shanghai Putuo 2026 tables (newer layout), one per file."""
    from assistant.importers import parse

    return [table for path in EXTRA_FILES for table in parse(path)]


@pytest.fixture(scope="session")
def corpus_tables():
    """All 34 corpus tables (11 Tianjin seeds, 23 from corpus/MANIFEST.tsv), parsed from the
    source files in corpus/ (not from the JSON), in corpus order."""
    from assistant.corpus import source_files
    from assistant.importers import parse

    tables = [table for path in source_files(CORPUS) for table in parse(path)]
    assert len(tables) == 34, f"expected 34 tables in {CORPUS}, got {len(tables)}"
    return tables


@pytest.fixture(scope="session")
def complete_tables(corpus_tables):
    """The corpus tables that are not cut off in their source (table-level checks use these)."""
    return [table for table in corpus_tables if not table.partial]


@pytest.fixture(scope="session")
def memory_drafter(corpus_tables):
    """The drafter over the 34 corpus tables held in memory (keyword retrieval, no index)."""
    from assistant.drafting import Drafter, MemoryRetriever

    return Drafter(MemoryRetriever(corpus_tables))
