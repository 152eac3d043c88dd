"""What every embedder of the index offers: LangChain's `Embeddings` plus numpy arrays and a
stable provider id. Its own module so the providers (embeddings.py) and the cache
(embed_cache.py) both build on it without importing each other."""

from __future__ import annotations

import numpy as np
from langchain_core.embeddings import Embeddings


class ArrayEmbeddings(Embeddings):
    """An `Embeddings` that also gives float32 numpy arrays (rows L2-normalised) and a stable id.

    `provider_id` names the model and the way texts are prefixed: two configs that would give
    different vectors for the same text must have different ids (it keys the cache and the
    chroma collection names).
    """

    provider_id: str = "abstract"

    def embed_array(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def embed_query_array(self, text: str) -> np.ndarray:
        raise NotImplementedError

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_array(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_array(text).tolist()


def normalize_rows(matrix: np.ndarray) -> np.ndarray:
    """Unit-length rows (float32); zero rows stay zero."""
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)
