"""`build_index`: make the index match the corpus, incrementally and crash-safely.

A run (1) returns at once when the manifest's fingerprint matches the tables and the store,
(2) otherwise marks the index as being built, diffs the chroma ids (content hashes) against the
wanted docs, embeds and upserts only the new ones, deletes the stale ones, (3) writes the catalog
and BM25 files to a new generation directory and (4) swaps the manifest in atomically.
A run killed anywhere is repaired by the next one, which converges to the same ids.

Test/benchmark hooks (environment): JXMB_INDEX_BATCH_SIZE (docs per embed+upsert batch) and
JXMB_INDEX_BATCH_DELAY (seconds to sleep after each batch, to make a build slow enough to kill).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import uuid
from pathlib import Path

import numpy as np
from pydantic import Field
from tqdm import tqdm

from assistant.errors import ProviderUnavailable
from assistant.schema import Model, TargetTable
from assistant.settings import Settings
from index import manifest as mf
from index.catalog import Catalog
from index.documents import GRANULARITIES, Granularity, IndexDoc, documents_for
from index.embed_cache import CachedEmbeddings
from index.embedder_base import normalize_rows
from index.embeddings import make_embedder
from index.keyword import KeywordIndex, TextTokenizer, read_user_dict, user_dict_text, user_terms
from index.store import VectorStore, chroma_dir, close_client, make_client, reset_embedded_store

log = logging.getLogger(__name__)
USER_DICT = "userdict.txt"


class IndexReport(Model):
    """What one `build_index` run did (printed by `python -m assistant index`)."""

    tables: int = 0
    documents: dict[str, int] = Field(default_factory=dict, description="Docs per granularity.")
    added: int = Field(0, description="Docs written to the vector store (new or changed).")
    deleted: int = Field(0, description="Docs removed (changed, or their table left the corpus).")
    unchanged: int = 0
    embedded: int = Field(0, description="Texts actually sent to the embedding model.")
    cache_hits: int = Field(0, description="Texts whose vector was re-used (cache or repeat).")
    changed: bool = Field(False, description="False when the index was already up to date.")
    rebuilt: bool = Field(False, description="Started from a missing or broken index.")
    repaired: bool = Field(False, description="Finished an interrupted earlier build.")
    embedder: str = ""
    seconds: float = 0.0
    messages: list[str] = Field(default_factory=list, description="Chinese notes for the user.")


def store_location(settings: Settings) -> str:
    """Where the vectors live; 'embedded' is relative to the index dir, so a moved data dir still opens."""
    if settings.chroma_host:
        return f"http://{settings.chroma_host}:{settings.chroma_port}"
    return "embedded"


def fingerprint(tables: list[TargetTable], provider_id: str) -> str:
    digest = hashlib.sha256(f"{mf.FORMAT_VERSION}\x00{provider_id}".encode())
    for table in tables:
        digest.update(table.model_dump_json().encode())
    return digest.hexdigest()


def open_stores(settings: Settings, provider_id: str, report: IndexReport | None = None):
    """Client + one VectorStore per granularity; a broken embedded store is wiped and recreated."""
    client = None
    try:
        client = make_client(settings)
        stores = {g: VectorStore(client, g, provider_id) for g in GRANULARITIES}
        for store in stores.values():
            store.count()  # touches the files: a corrupt sqlite fails here, not mid-build
        return client, stores
    except ProviderUnavailable:
        raise
    except Exception as exc:
        if settings.chroma_host:
            where = store_location(settings)
            raise ProviderUnavailable(f"Chroma 服务 {where} 出错：{exc}") from exc
        if report is None:
            raise
        note = f"向量库文件已损坏（{type(exc).__name__}），已删除并重建：{chroma_dir(settings)}"
        log.warning(note)
        report.messages.append(note)
        report.rebuilt = True
        reset_embedded_store(settings, client)
        client = make_client(settings)
        return client, {g: VectorStore(client, g, provider_id) for g in GRANULARITIES}


class _Builder:
    def __init__(
        self, settings: Settings, tables: list[TargetTable], progress: bool, force: bool
    ) -> None:
        self.settings, self.tables, self.progress, self.force = settings, tables, progress, force
        self.index_dir = settings.index_dir
        self.embedder: CachedEmbeddings = make_embedder(settings)
        self.report = IndexReport(embedder=self.embedder.provider_id)
        self.batch_size = int(os.environ.get("JXMB_INDEX_BATCH_SIZE", "256"))
        self.batch_delay = float(os.environ.get("JXMB_INDEX_BATCH_DELAY", "0"))

    def run(self) -> IndexReport:
        provider = self.embedder.provider_id
        fp = fingerprint(self.tables, provider)
        previous = mf.read_manifest(self.index_dir)
        interrupted = mf.build_marked(self.index_dir)
        client, stores = open_stores(self.settings, provider, self.report)
        try:
            if not (interrupted or self.force) and self._up_to_date(previous, fp, stores):
                self.report.tables = previous.tables
                self.report.documents = dict(previous.counts)
                self.report.unchanged = sum(previous.counts.values())
                return self.report
            self.report.repaired = interrupted
            self.report.rebuilt |= previous is None and not interrupted
            if interrupted:
                self.report.messages.append("上次索引构建被中断，本次已修复。")
            mf.mark_building(self.index_dir, True)
            docs = documents_for(self.tables)
            for gran in GRANULARITIES:
                self._sync(gran, stores[gran], docs[gran])
            self._write_generation(docs, stores, fp, previous)
            mf.mark_building(self.index_dir, False)
            self.report.changed = True
            return self.report
        finally:
            close_client(client)

    def _up_to_date(self, previous: mf.Manifest | None, fp: str, stores) -> bool:
        if previous is None or previous.fingerprint != fp:
            return False
        if previous.chroma != store_location(self.settings):
            return False
        if not (self.index_dir / previous.generation).is_dir():
            return False
        return all(stores[g].count() == previous.counts.get(g) for g in GRANULARITIES)

    def _sync(self, gran: Granularity, store: VectorStore, docs: list[IndexDoc]) -> None:
        """Make the collection hold exactly `docs`: upsert the missing, delete the stale."""
        existing = store.ids()
        wanted = {d.id for d in docs}
        new = [d for d in docs if d.id not in existing]
        stale = existing - wanted
        self.report.unchanged += len(docs) - len(new)
        bar = tqdm(
            total=len(new),
            desc=f"索引{granularity_label(gran)}",
            unit="条",
            disable=not self.progress or not new,
        )
        with bar:
            for start in range(0, len(new), self.batch_size):
                batch = new[start : start + self.batch_size]
                vectors = embed_docs(self.embedder, batch)
                store.upsert(batch, vectors)
                self.report.added += len(batch)
                bar.update(len(batch))
                if self.batch_delay:
                    time.sleep(self.batch_delay)
        store.delete(stale)
        self.report.deleted += len(stale)

    def _tokens(self, docs, previous: mf.Manifest | None, terms: list[str]):
        """Token lists per granularity, re-using the previous generation's when the dictionary is the same."""
        reuse: dict[str, str] = {}
        old_dir = self.index_dir / previous.generation if previous else None
        if (
            old_dir
            and (old_dir / USER_DICT).is_file()
            and read_user_dict(old_dir / USER_DICT) == terms
        ):
            reuse = _previous_tokens(old_dir)
        tokenizer = TextTokenizer(terms)
        return {
            gran: [
                reuse[d.id].split() if d.id in reuse else tokenizer.tokens(d.keyword_text)
                for d in docs[gran]
            ]
            for gran in GRANULARITIES
        }

    def _write_generation(self, docs, stores, fp: str, previous: mf.Manifest | None) -> None:
        terms = user_terms(self.tables)
        tokens = self._tokens(docs, previous, terms)
        vectors = {g: self._vectors(docs[g]) for g in GRANULARITIES}
        generation = f"gen-{uuid.uuid4().hex[:12]}"
        gen_dir = self.index_dir / generation
        tables = _unique_tables(self.tables)
        Catalog.from_docs(tables, docs, tokens, vectors).save(gen_dir)
        (gen_dir / USER_DICT).write_text(user_dict_text(terms), encoding="utf-8")
        for gran in GRANULARITIES:
            KeywordIndex.build(tokens[gran]).save(gen_dir / f"keyword-{gran}")
        self.report.tables = len(tables)
        self.report.documents = {g: len(docs[g]) for g in GRANULARITIES}
        self.report.embedded = self.embedder.embedded
        self.report.cache_hits = self.embedder.cache_hits
        manifest = mf.Manifest(
            provider_id=self.embedder.provider_id,
            fingerprint=fp,
            generation=generation,
            counts=self.report.documents,
            collections={g: stores[g].name for g in GRANULARITIES},
            chroma=store_location(self.settings),
            tables=len(tables),
            built_at=time.time(),
        )
        mf.write_manifest(self.index_dir, manifest)
        mf.remove_old_generations(self.index_dir, keep=generation)

    def _vectors(self, docs: list[IndexDoc]) -> np.ndarray:
        if not docs:
            return np.zeros((0, 0), dtype=np.float32)
        # All were embedded by _sync (or earlier runs): these are cache reads, not model calls.
        return embed_docs(self.embedder, docs, count=False)


def embed_docs(embedder: CachedEmbeddings, docs: list[IndexDoc], count: bool = True) -> np.ndarray:
    """One unit vector per doc: the normalised mean of its parts' (cached) embeddings."""
    if not docs:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = embedder.embed_array([part for d in docs for part in d.dense_parts], count=count)
    starts = np.r_[0, np.cumsum([len(d.dense_parts) for d in docs])[:-1]]
    return normalize_rows(np.add.reduceat(vectors, starts, axis=0))


def _previous_tokens(gen_dir: Path) -> dict[str, str]:
    """doc id -> tokens of the previous generation; empty when its files are unreadable."""
    tokens: dict[str, str] = {}
    try:
        for gran in GRANULARITIES:
            data = json.loads((gen_dir / f"docs-{gran}.json").read_text(encoding="utf-8"))
            tokens.update(zip(data["ids"], data["tokens"], strict=True))
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # only an optimisation: re-tokenise everything
    return tokens


def _unique_tables(tables: list[TargetTable]) -> list[TargetTable]:
    seen: set[str] = set()
    return [t for t in tables if not (t.id in seen or seen.add(t.id))]


def build_index(
    settings: Settings,
    tables: list[TargetTable],
    progress: bool = True,
    *,
    force: bool = False,
) -> IndexReport:
    """Bring the index in line with `tables` (the caller reads the corpus); see the module docstring.

    `force` rewrites the catalog files even when the fingerprint says nothing changed (used
    after they were found broken); chroma is still only diffed, never re-embedded needlessly.
    """
    started = time.monotonic()
    with mf.build_lock(settings.index_dir):
        report = _Builder(settings, tables, progress, force).run()
    report.seconds = round(time.monotonic() - started, 3)
    return report


def granularity_label(gran: Granularity) -> str:
    return {"tables": "项目", "indicators": "指标"}[gran]
