"""The index against a real Chroma server (`chroma run`) instead of the embedded store."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from index import build_index, open_index
from index.build import open_stores
from tests.fixtures_index import copy_embedding_cache, index_settings

CHROMA = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "chroma"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    """A chroma server on 127.0.0.1 with its own data dir; stopped after the test."""
    if not CHROMA.exists():
        pytest.skip(f"chroma CLI not found at {CHROMA}")
    port = _free_port()
    log = open(tmp_path / "chroma.log", "wb")
    proc = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(tmp_path / "server-data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail((tmp_path / "chroma.log").read_text(errors="replace"))
            time.sleep(0.3)
    yield port
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_build_and_search_through_a_chroma_server(
    tmp_path, chroma_server, corpus_index, corpus_index_settings, corpus_tables
):
    settings = index_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=chroma_server)
    copy_embedding_cache(corpus_index_settings, settings)
    report = build_index(settings, corpus_tables, progress=False)
    assert report.documents["tables"] == len(corpus_tables) and report.embedded == 0
    assert not (settings.index_dir / "chroma").exists()  # nothing went to an embedded store

    client, stores = open_stores(settings, report.embedder)
    try:
        assert {g: s.ids() for g, s in stores.items()} == {
            g: s.ids() for g, s in corpus_index.stores.items()
        }
    finally:
        client.close()

    index = open_index(settings)
    try:
        hits = index.search_projects("天津燃气供热站的安全应急检查", k=1)
        assert hits[0].table.id == "000_0a362c379c5850c5-1"
        assert hits[0].scores.dense_rank == 1
        assert not build_index(settings, corpus_tables, progress=False).changed
    finally:
        index.close()


def test_unreachable_server_is_a_clear_error(tmp_path, corpus_tables):
    from assistant.errors import ProviderUnavailable

    settings = index_settings(tmp_path / "data", chroma_host="127.0.0.1", chroma_port=_free_port())
    with pytest.raises(ProviderUnavailable, match="无法连接 Chroma 服务"):
        build_index(settings, corpus_tables[:1], progress=False)
