"""Keyword retrieval: jieba with a user dictionary made from the corpus, scored by bm25s.

The user dictionary holds the corpus's own terms (三级指标 names, compounds from project names
such as 驻场运维, the 一级/二级 names) so that jieba keeps them whole; `cut_for_search` still
emits their parts, so a query for 运维 matches 驻场运维 too, and the whole term scores extra.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

import bm25s
import jieba
import numpy as np

from assistant.schema import LEVEL1_NAMES, LEVEL2_PARENTS, TargetTable

jieba.setLogLevel(logging.WARNING)

_STOPWORDS = frozenset(
    "的 了 和 与 及 等 对 为 在 是 或 其 之 以 并 将 从 由 按 于 把 被 有 个 定 项目".split()
)
_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff]")
_YEARS = re.compile(r"\d{4}(?:\s*[-—至]\s*\d{4})?\s*年?(?:度)?")
_BRACKETED = re.compile(r"[（(《“\"][^）)》”\"]*[）)》”\"]")
_SPLIT = re.compile(r"[\s，,、；;：:。.及和与的\-—“”\"《》（）()]+")
_HAS_DIGIT = re.compile(r"\d")
_USER_FREQ = 2000


def _name_compounds(name: str, base: jieba.Tokenizer) -> set[str]:
    """Terms from a project name: its words and adjacent word pairs (驻场+运维 -> 驻场运维)."""
    terms: set[str] = set()
    core = _YEARS.sub(" ", _BRACKETED.sub(" ", name))
    for chunk in _SPLIT.split(core):
        words = [w for w in base.lcut(chunk) if len(w) >= 2 and not _HAS_DIGIT.search(w)]
        terms.update(words)
        for left, right in zip(words, words[1:], strict=False):
            if len(left) + len(right) <= 6:
                terms.add(left + right)
    return terms


def user_terms(tables: list[TargetTable]) -> list[str]:
    """The corpus's own vocabulary, sorted so the dictionary file is deterministic."""
    base = _base_tokenizer()
    terms: set[str] = set(LEVEL1_NAMES) | set(LEVEL2_PARENTS)
    for project in {t.name for t in tables}:  # rows and names repeat: segment each once
        terms |= _name_compounds(project, base)
    for name in {re.sub(r"\s+", "", i.name) for t in tables for i in t.indicators}:
        if 2 <= len(name) <= 10 and not _HAS_DIGIT.search(name) and not _SPLIT.search(name):
            terms.add(name)
            # Its parts too: cut_for_search only emits sub-words the dictionary knows.
            terms.update(w for w in base.lcut(name) if len(w) >= 2)
    return sorted(terms)


@lru_cache(maxsize=1)
def _base_tokenizer() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def user_dict_text(terms: list[str]) -> str:
    """jieba's user-dictionary format: one 'term freq' per line."""
    return "".join(f"{t} {_USER_FREQ}\n" for t in terms)


def read_user_dict(path: Path) -> list[str]:
    return [line.split(" ")[0] for line in path.read_text(encoding="utf-8").splitlines() if line]


class TextTokenizer:
    """jieba (own instance: the global jieba dictionary stays untouched) + normalisation."""

    def __init__(self, terms: list[str]) -> None:
        self._tok = jieba.Tokenizer()
        # Loading jieba's main dictionary costs ~1 s; copy the loaded one instead (add_word mutates it).
        base = _base_tokenizer()
        self._tok.FREQ, self._tok.total = dict(base.FREQ), base.total
        self._tok.initialized = True
        for term in terms:
            self._tok.add_word(term, _USER_FREQ)
        self._lock = threading.Lock()  # jieba's lazy state is not thread-safe
        # Per line: an indicator doc is "row text" + "项目：name", and rows repeat across tables.
        self._cached = lru_cache(maxsize=65536)(self._tokenize)

    def _tokenize(self, text: str) -> tuple[str, ...]:
        with self._lock:
            words = self._tok.cut_for_search(text.lower())
            return tuple(
                w
                for w in (x.strip() for x in words)
                if w and _TOKEN_OK.search(w) and w not in _STOPWORDS
            )

    def tokens(self, text: str) -> list[str]:
        """Search tokens of text; jieba never joins words across a line break, so lines are
        tokenised (and cached) one by one."""
        return [tok for line in text.split("\n") for tok in self._cached(line)]


class KeywordIndex:
    """BM25 (bm25s, sparse matrix) over pre-tokenised documents; scores for every doc at once.

    An empty corpus has no model (bm25s cannot index nothing): every score array is then empty.
    """

    _EMPTY = "EMPTY"

    def __init__(self, model: bm25s.BM25 | None) -> None:
        self._model = model
        self._vocab: dict[str, int] = model.vocab_dict if model is not None else {}

    @classmethod
    def build(cls, token_lists: list[list[str]]) -> KeywordIndex:
        if not token_lists:
            return cls(None)
        model = bm25s.BM25()
        model.index([toks or [""] for toks in token_lists], show_progress=False)
        return cls(model)

    @property
    def size(self) -> int:
        return 0 if self._model is None else int(self._model.scores["num_docs"])

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """BM25 score of every document (0 where no query term occurs)."""
        ids = sorted({self._vocab[t] for t in query_tokens if t in self._vocab})
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return self._model.get_scores(ids)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        if self._model is None:
            (directory / self._EMPTY).touch()
        else:
            self._model.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> KeywordIndex:
        if (directory / cls._EMPTY).exists():
            return cls(None)
        return cls(bm25s.BM25.load(str(directory), show_progress=False, verbosity=0))
