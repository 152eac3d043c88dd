"""The chroma vector store: embedded (PersistentClient) or a server (HttpClient).

Collections are per granularity and named with the embedder id, so switching embedders never
mixes vectors of two models. Vectors are always ours (computed and cached by index.embeddings);
chroma never embeds anything itself.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from assistant.errors import ProviderUnavailable
from assistant.settings import Settings
from index.documents import Granularity, IndexDoc


def collection_name(granularity: Granularity, provider_id: str) -> str:
    """A valid chroma name (3-512 chars of [A-Za-z0-9._-]) unique per granularity and embedder."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", provider_id).strip("-._")[:40]
    digest = hashlib.sha256(provider_id.encode()).hexdigest()[:8]
    return f"jxmb-{granularity}-{slug}-{digest}"


def chroma_dir(settings: Settings) -> Path:
    return settings.index_dir / "chroma"


def make_client(settings: Settings):
    """HttpClient when settings.chroma_host is set, else a PersistentClient under the index dir."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        except Exception as exc:
            raise ProviderUnavailable(
                f"无法连接 Chroma 服务 {settings.chroma_host}:{settings.chroma_port}：{exc}"
            ) from exc
    path = chroma_dir(settings)
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class VectorStore:
    """One chroma collection of one granularity."""

    def __init__(self, client, granularity: Granularity, provider_id: str) -> None:
        self.client = client
        self.name = collection_name(granularity, provider_id)
        self.collection = client.get_or_create_collection(
            self.name,
            embedding_function=None,
            metadata={"hnsw:space": "cosine", "embedder": provider_id, "granularity": granularity},
        )

    def count(self) -> int:
        return self.collection.count()

    def ids(self) -> set[str]:
        """Every id in the collection (paged: a server caps one response)."""
        out: set[str] = set()
        page, offset = 5000, 0
        while True:
            got = self.collection.get(include=[], limit=page, offset=offset)["ids"]
            out.update(got)
            if len(got) < page:
                return out
            offset += page

    def upsert(self, docs: Sequence[IndexDoc], vectors: np.ndarray) -> None:
        self.collection.upsert(
            ids=[d.id for d in docs],
            embeddings=vectors,
            documents=[d.keyword_text for d in docs],
            metadatas=[d.chroma_metadata() for d in docs],
        )

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        for start in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[start : start + 5000])

    def query(
        self, vector: np.ndarray, n: int, where: dict | None = None
    ) -> list[tuple[str, float]]:
        """(id, cosine similarity) of the n nearest documents, best first (n <= collection size)."""
        result = self.collection.query(
            query_embeddings=[vector], n_results=n, where=where, include=["distances"]
        )
        return [
            (i, 1.0 - float(d))
            for i, d in zip(result["ids"][0], result["distances"][0], strict=False)
        ]


def close_client(client) -> None:
    """Release chroma's per-path system so the directory can be removed or reopened cleanly."""
    try:
        client.close()
    except Exception:  # a client of a broken store may fail to close; nothing left to release
        pass


def reset_embedded_store(settings: Settings, client=None) -> None:
    """Throw away a broken embedded store so it can be rebuilt (server stores are left alone)."""
    import shutil

    from chromadb.api.shared_system_client import SharedSystemClient

    if client is not None:
        close_client(client)
    path = chroma_dir(settings)
    # chroma keeps one system per path for the whole process; a broken one must not be reused.
    system = SharedSystemClient._identifier_to_system.pop(str(path), None)
    SharedSystemClient._identifier_to_refcount.pop(str(path), None)
    if system is not None:
        try:
            system.stop()
        except Exception:  # stopping a system over a corrupt file may fail; it is dropped anyway
            pass
    shutil.rmtree(path, ignore_errors=True)
