"""`HybridIndex`: dense (chroma / exact numpy) + BM25 retrieval, fused by RRF, filtered in numpy.

Unfiltered (or lightly filtered) dense search asks chroma's HNSW index without a `where` clause
(a `where` costs far more) and over-fetches in proportion to how much the filter keeps. When a
filter keeps few docs (or chroma fails) the allowed vectors are scored exactly in numpy instead:
exact, and cheaper than a large over-fetch there.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Literal

import numpy as np

from assistant.citations import row_citation, table_place
from assistant.errors import AssistantError
from assistant.schema import IndicatorHit, MatchScores, ProjectHit, SearchFilters, TargetTable
from assistant.settings import Settings
from index.catalog import Catalog
from index.documents import Granularity
from index.embed_cache import CachedEmbeddings
from index.explain import matched_terms, why
from index.filters import doc_mask
from index.fusion import DEFAULT_WEIGHTS, RRF_K, rrf
from index.keyword import KeywordIndex, TextTokenizer
from index.store import VectorStore, close_client

log = logging.getLogger(__name__)
Mode = Literal["hybrid", "dense", "keyword"]
EXACT_BELOW = 0.25  # filters keeping less than this share of docs are searched exactly,
EXACT_MAX_DOCS = 20_000  # as are filters keeping at most this many docs (~1 ms of einsum)
MIN_CANDIDATES = 50  # depth of each ranked list before fusion


def top_positions(scores: np.ndarray, n: int, allowed: np.ndarray | None = None) -> np.ndarray:
    """Positions of the n highest scores (best first); `allowed` maps back from a subset."""
    if len(scores) == 0 or n <= 0:
        return np.zeros(0, dtype=np.int64)
    n = min(n, len(scores))
    part = np.argpartition(-scores, n - 1)[:n]
    best = part[np.argsort(-scores[part], kind="stable")]
    return best if allowed is None else allowed[best]


class HybridIndex:
    """The search API of the index (what the drafter's Retriever protocol expects)."""

    def __init__(
        self,
        catalog: Catalog,
        keyword: dict[Granularity, KeywordIndex],
        tokenizer: TextTokenizer,
        embedder: CachedEmbeddings,
        stores: dict[Granularity, VectorStore],
        client=None,
    ) -> None:
        self.catalog, self.keyword, self.tokenizer = catalog, keyword, tokenizer
        self.embedder, self.stores, self._client = embedder, stores, client
        self.rrf_k, self.weights = (
            RRF_K,
            DEFAULT_WEIGHTS,
        )  # per-instance, so evaluations can vary them

    # ------------------------------------------------------------ public API

    def search_projects(
        self, query: str, filters: SearchFilters | None = None, k: int = 10, mode: Mode = "hybrid"
    ) -> list[ProjectHit]:
        """Past tables most like `query` (one document per table: name, purpose, goals)."""
        hits = []
        for pos, scores in self.ranked("tables", query, filters, k, mode):
            cols = self.catalog.docs["tables"]
            table = self.catalog.table(int(cols.table_idx[pos]))
            hits.append(ProjectHit(table=table, scores=scores, why=why(scores, table_place(table))))
        return hits

    def search_indicators(
        self, query: str, filters: SearchFilters | None = None, k: int = 10, mode: Mode = "hybrid"
    ) -> list[IndicatorHit]:
        """Indicator rows of past tables most like `query`, each citing its table and row."""
        cols = self.catalog.docs["indicators"]
        hits = []
        for pos, scores in self.ranked("indicators", query, filters, k, mode):
            table = self.catalog.table(int(cols.table_idx[pos]))
            row = int(cols.rows[pos])
            cite = row_citation(table, row)
            indicator = table.indicators[row - 1].model_copy(update={"source": cite})
            hits.append(
                IndicatorHit(
                    table_id=table.id,
                    table_name=table.name,
                    row=row,
                    indicator=indicator,
                    year=table.year,
                    budget_total=table.budget.total,
                    scores=scores,
                    why=why(scores, f"{table_place(table)} 第{row}行"),
                )
            )
        return hits

    def get_table(self, table_id: str) -> TargetTable | None:
        pos = self.catalog.table_pos.get(table_id)
        return None if pos is None else self.catalog.table(pos)

    def tables(self) -> list[TargetTable]:
        return [self.catalog.table(i) for i in range(len(self.catalog.table_ids))]

    def close(self) -> None:
        if self._client is not None:
            close_client(self._client)
            self._client = None

    # ------------------------------------------------------------ ranking

    def ranked(
        self,
        gran: Granularity,
        query: str,
        filters: SearchFilters | None,
        k: int,
        mode: Mode = "hybrid",
    ) -> list[tuple[int, MatchScores]]:
        """Fused (doc position, scores) best first, at most k, all passing `filters`."""
        query = (query or "").strip()
        if not query or k <= 0 or not len(self.catalog.docs[gran]):
            return []
        mask = doc_mask(self.catalog, gran, filters)
        if mask is not None and not mask.any():
            return []
        depth = max(MIN_CANDIDATES, 3 * k)
        tokens = self.tokenizer.tokens(query)
        dense = self._dense(gran, query, mask, depth) if mode != "keyword" else []
        keyword = self._keyword(gran, tokens, mask, depth) if mode != "dense" else []
        fused = rrf(dense, keyword, k=self.rrf_k, weights=self.weights, limit=k)
        doc_tokens = self.catalog.docs[gran].tokens
        for pos, scores in fused:
            if scores.keyword_rank is not None:
                scores.matched_terms = matched_terms(tokens, doc_tokens[pos])
        return fused

    def _keyword(
        self, gran: Granularity, tokens: list[str], mask, n: int
    ) -> list[tuple[int, float]]:
        scores = self.keyword[gran].scores(tokens)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        best = top_positions(scores, n)
        return [(int(p), float(scores[p])) for p in best if scores[p] > 0]

    def _dense(self, gran: Granularity, query: str, mask, n: int) -> list[tuple[int, float]]:
        qvec = self.embedder.embed_query_array(query)
        total = len(self.catalog.docs[gran])
        share = 1.0 if mask is None else float(mask.mean())
        small = mask is not None and (share < EXACT_BELOW or share * total <= EXACT_MAX_DOCS)
        if self.stores.get(gran) is not None and not small:
            found = self._dense_chroma(gran, qvec, mask, n, share, total)
            if found is not None:
                return found
        return self._dense_exact(gran, qvec, mask, n)

    def _dense_chroma(self, gran, qvec, mask, n, share, total) -> list[tuple[int, float]] | None:
        """Over-fetch from HNSW and post-filter; None when that did not yield n survivors."""
        fetch = min(total, math.ceil(n / share * 1.5) + 10)
        position = self.catalog.docs[gran].position
        try:
            raw = self.stores[gran].query(qvec, fetch)
        except Exception as exc:  # a broken store must not break search: the exact path is there
            log.warning("向量库查询失败（%s），改用内存中的精确检索。", exc)
            return None
        found = [(position[i], s) for i, s in raw if i in position]
        if mask is not None:
            found = [(p, s) for p, s in found if mask[p]]
        if len(found) < n and fetch < total:
            return None
        return found[:n]

    def _dense_exact(self, gran, qvec, mask, n) -> list[tuple[int, float]]:
        """Cosine similarity of every allowed vector (they are unit length), best n."""
        vectors = self.catalog.docs[gran].vectors
        allowed = None if mask is None else np.flatnonzero(mask)
        subset = vectors if allowed is None else vectors[allowed]
        # einsum, not `@`: multi-threaded BLAS stalls for tens of ms on a busy 2-core machine,
        # this single-threaded loop takes ~0.5 ms per 10k vectors whatever the load.
        sims = np.einsum("ij,j->i", subset, qvec)
        best = top_positions(sims, n)
        return [(int(p if allowed is None else allowed[p]), float(sims[p])) for p in best]


# ---------------------------------------------------------------- opening


class IndexUnavailable(Exception):
    """The index on disk cannot be used as it is (the message says why, in Chinese)."""


def load_index(settings: Settings) -> HybridIndex:
    """Open the index as built; IndexUnavailable when it is missing, stale-format or broken."""
    from index import manifest as mf
    from index.build import USER_DICT, open_stores, store_location
    from index.embeddings import make_embedder
    from index.keyword import read_user_dict

    manifest = mf.read_manifest(settings.index_dir)
    if manifest is None:
        raise IndexUnavailable("尚未建立或清单文件缺失")
    if mf.build_marked(settings.index_dir):
        raise IndexUnavailable("上次构建未完成")
    if manifest.chroma != store_location(settings):
        raise IndexUnavailable("的向量库位置与配置不同")
    embedder = make_embedder(settings)
    if manifest.provider_id != embedder.provider_id:
        raise IndexUnavailable(f"是用另一个向量模型（{manifest.provider_id}）建立的")
    client = None
    try:
        gen_dir = settings.index_dir / manifest.generation
        catalog = Catalog.load(gen_dir)
        keyword = {g: KeywordIndex.load(gen_dir / f"keyword-{g}") for g in manifest.counts}
        tokenizer = TextTokenizer(read_user_dict(gen_dir / USER_DICT))
        client, stores = open_stores(settings, manifest.provider_id)
        counts = {g: s.count() for g, s in stores.items()}
    except Exception as exc:
        if client is not None:
            close_client(client)
        raise IndexUnavailable(f"文件已损坏（{type(exc).__name__}: {exc}）") from exc
    if counts != manifest.counts or any(len(catalog.docs[g]) != n for g, n in counts.items()):
        close_client(client)
        raise IndexUnavailable("的向量库与清单不一致")
    return HybridIndex(catalog, keyword, tokenizer, embedder, stores, client)


def open_index(
    settings: Settings, rebuild_from: Callable[[], list[TargetTable]] | None = None
) -> HybridIndex:
    """The index under settings.index_dir; a missing or broken one is rebuilt from the tables
    `rebuild_from` gives (the corpus: index/ does not read it itself), else reported."""
    from index.build import build_index

    try:
        return load_index(settings)
    except IndexUnavailable as exc:
        if rebuild_from is None:
            raise AssistantError(f"索引{exc}：请运行 python -m assistant index 重建。") from exc
        notice = f"索引{exc}，正在从语料库重建……（{settings.index_dir}）"
    log.warning(notice)
    build_index(settings, rebuild_from(), progress=False, force=True)
    return load_index(settings)
