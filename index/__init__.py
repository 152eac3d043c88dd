"""The retrieval index: embedders, chroma store, jieba/BM25, fusion, filters.

Public API: `open_index(settings) -> HybridIndex`, `build_index(settings, tables=None,
progress=True) -> IndexReport`, `make_embedder(settings)`.
"""

from index.build import build_index
from index.embeddings import make_embedder
from index.hybrid import HybridIndex, open_index

__all__ = ["HybridIndex", "build_index", "make_embedder", "open_index"]
