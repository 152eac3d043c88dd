"""A small LangChain chat model over `llama_cpp.Llama`, loaded once per process.

Why our own adapter: langchain-community is not a dependency, and we want two things it does not
give us together: one shared Llama per model file (loading costs seconds and ~1.9 GB for the 1.5B
model: llama.cpp repacks the weights for AVX2, so even a second context of the same file costs
that again), and a lock, because a Llama context is not thread-safe while Gradio serves several tabs.

Prefix caching: llama.cpp keeps the KV cache of the previous call and re-evaluates only the
tokens after the longest common prefix, so our prompts put the fixed instructions first and
`warm_up` evaluates the refine prefix at start. An LLM edit parse (rare: the rule-based parser
comes first) has another prefix, so the refine after it pays for its prefix once more (~5 s with
the 1.5B model). llama-cpp's `LlamaRAMCache` would keep both, but it copies the whole state,
logits included, after every call: ~0.6 s a call, more than it saves.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field

# Must be set before llama.cpp's OpenMP runtime starts: busy-waiting threads are several times
# slower when the 2 cores are shared with the app and other processes (measured: docs/llm.md).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

_ROLES = {"system": "system", "human": "user", "ai": "assistant"}
_LOADED: dict[tuple[str, int, int], tuple[Any, threading.Lock]] = {}
_LOAD_LOCK = threading.Lock()


def load_llama(model_path: str, n_ctx: int, n_threads: int) -> tuple[Any, threading.Lock]:
    """The process-wide Llama for this file and its lock; loads it on first use."""
    key = (model_path, n_ctx, n_threads)
    with _LOAD_LOCK:
        if key not in _LOADED:
            from llama_cpp import Llama

            llama = Llama(
                model_path=model_path,
                n_ctx=n_ctx,
                n_threads=n_threads,
                n_threads_batch=n_threads,
                n_batch=512,
                flash_attn=True,  # ~7 % faster prompt evaluation on 2 cores (docs/llm.md)
                seed=0,
                verbose=False,
            )
            _LOADED[key] = (llama, threading.Lock())
        return _LOADED[key]


def has_amx_kernels() -> bool:
    """True when this llama.cpp build runs AMX kernels, which segfault on Q4_K models here
    (llama.cpp issue #20824); `make llm-local` builds without them."""
    import llama_cpp

    return b"AMX_INT8 = 1" in llama_cpp.llama_print_system_info()


def _as_llama_messages(messages: list[BaseMessage]) -> list[dict[str, str]]:
    return [{"role": _ROLES.get(m.type, "user"), "content": m.text} for m in messages]


class LlamaCppChatModel(BaseChatModel):
    """Chat completions from a local GGUF model through llama-cpp-python (greedy by default)."""

    model_path: str
    n_ctx: int = 4096
    n_threads: int = 2
    temperature: float = 0.0
    max_tokens: int = Field(512, description="12 rows of the line format take ~270 tokens.")
    repeat_penalty: float = Field(1.05, description="A little, so small models do not loop.")

    @property
    def _llm_type(self) -> str:
        return "llamacpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_path": self.model_path, "n_ctx": self.n_ctx, "n_threads": self.n_threads}

    def load(self) -> tuple[Any, threading.Lock]:
        return load_llama(self.model_path, self.n_ctx, self.n_threads)

    def warm_up(self, system_prompt: str) -> None:
        """Evaluate the fixed system prompt once so later requests reuse its KV state."""
        llama, lock = self.load()
        messages = [{"role": "system", "content": system_prompt}, {"role": "user", "content": ""}]
        with lock:
            llama.create_chat_completion(messages=messages, max_tokens=1, temperature=0.0)

    def _completion_args(self, messages: list[BaseMessage], stop: list[str] | None) -> dict:
        return {
            "messages": _as_llama_messages(messages),
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "repeat_penalty": self.repeat_penalty,
            "stop": stop or [],
        }

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        llama, lock = self.load()
        with lock:
            result = llama.create_chat_completion(**self._completion_args(messages, stop))
        text = result["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        llama, lock = self.load()
        with lock:
            args = self._completion_args(messages, stop)
            for part in llama.create_chat_completion(stream=True, **args):
                delta = part["choices"][0]["delta"].get("content")
                if not delta:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                if run_manager:
                    run_manager.on_llm_new_token(delta, chunk=chunk)
                yield chunk
