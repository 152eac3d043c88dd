"""A persistent embedding cache: sha256(provider id + role + text) -> float32 vector (sqlite).

Indicator texts repeat a lot across tables (满意度, 验收…), so each distinct text is embedded
once per provider, and a re-index after a crash or a corpus edit re-uses every earlier vector.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from index.embedder_base import ArrayEmbeddings

log = logging.getLogger(__name__)
_CHUNK = 500  # sqlite's default limit on host parameters is 999
_QUERY_LRU = 512


def cache_key(provider_id: str, role: str, text: str) -> str:
    return hashlib.sha256(f"{provider_id}\x00{role}\x00{text}".encode()).hexdigest()


class EmbeddingCache:
    """Vectors in one sqlite file; a corrupt file is replaced by an empty cache (it is only a cache)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._conn = self._connect()
        except sqlite3.DatabaseError as exc:
            log.warning("向量缓存文件已损坏（%s），已清空重建：%s", exc, self.path)
            self.path.unlink(missing_ok=True)
            self._conn = self._connect()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        conn.execute("SELECT count(*) FROM emb").fetchone()
        return conn

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(f"SELECT key, vec FROM emb WHERE key IN ({marks})", chunk)
                for key, blob in rows:
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        rows = [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()]
        with self._lock, self._conn:
            self._conn.executemany("INSERT OR REPLACE INTO emb (key, vec) VALUES (?, ?)", rows)

    def __len__(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM emb").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class CachedEmbeddings(ArrayEmbeddings):
    """Wraps a provider: identical texts are embedded once, ever; counts what it really embedded."""

    def __init__(self, base: ArrayEmbeddings, cache: EmbeddingCache, batch_size: int = 32) -> None:
        self.base, self.cache, self.batch_size = base, cache, batch_size
        self.provider_id = base.provider_id
        self.embedded = 0  # texts sent to the model since creation
        self.cache_hits = 0
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()

    def embed_array(self, texts: list[str], count: bool = True) -> np.ndarray:
        """Vectors for texts (same order); `count=False` leaves the hit/embed counters alone."""
        keys = [cache_key(self.provider_id, "passage", t) for t in texts]
        known = self.cache.get_many(sorted(set(keys)))
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in known))
        if count:  # a text repeated within this call is a re-use too, not a second embedding
            self.cache_hits += len(texts) - len(missing)
        for start in range(0, len(missing), self.batch_size):
            batch = missing[start : start + self.batch_size]
            vectors = self.base.embed_array(batch)
            fresh = {
                cache_key(self.provider_id, "passage", t): v
                for t, v in zip(batch, vectors, strict=False)
            }
            self.cache.put_many(fresh)  # committed per batch: a killed build keeps its work
            known.update(fresh)
            self.embedded += len(batch) if count else 0
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([known[k] for k in keys]).astype(np.float32, copy=False)

    def embed_query_array(self, text: str) -> np.ndarray:
        # The drafter asks the same slot queries again and again: keep recent ones in memory.
        if text in self._queries:
            self._queries.move_to_end(text)
            return self._queries[text]
        vector = self.base.embed_query_array(text)
        self._queries[text] = vector
        if len(self._queries) > _QUERY_LRU:
            self._queries.popitem(last=False)
        return vector
