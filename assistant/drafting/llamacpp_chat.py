"""A small LangChain chat model over `llama_cpp.Llama`, loaded once per process.

Why our own adapter: langchain-community is not a dependency, and we want two things it does not
give us together: model contexts shared by the whole process (loading costs seconds), and a lock,
because a Llama context is not thread-safe while Gradio serves several tabs.

Prefix caching: llama.cpp keeps the KV cache of the previous call and re-evaluates only the
tokens after the longest common prefix, so our prompts put the fixed instructions first. Each
fixed system prompt (refine, edit) gets a context of its own, so alternating between them never
re-evaluates a prefix; the weights are memory-mapped once and shared by the contexts, each adds
~0.2 GB of KV and work buffers. `warm_up` evaluates the prefixes once at start. (llama-cpp's
`LlamaRAMCache` did the same job but copied the whole state after every call: ~0.6 s a call.)
"""

from __future__ import annotations

import hashlib
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
MAX_CONTEXTS = 3  # per model file: the refine and edit prefixes, and one spare
_CONTEXTS: dict[tuple[str, int, int, str], Any] = {}
_LOCKS: dict[str, threading.Lock] = {}
_LOAD_LOCK = threading.Lock()


def prefix_key(system_prompt: str) -> str:
    """A short name for a fixed system prompt: the context that keeps its KV state."""
    return hashlib.sha256(system_prompt.encode("utf-8")).hexdigest()[:16] if system_prompt else ""


def _new_llama(model_path: str, n_ctx: int, n_threads: int) -> Any:
    from llama_cpp import Llama

    return Llama(
        model_path=model_path,
        n_ctx=n_ctx,
        n_threads=n_threads,
        n_threads_batch=n_threads,
        n_batch=512,
        flash_attn=True,  # ~8 % faster prompt evaluation on 2 cores (docs/llm.md)
        seed=0,
        verbose=False,
    )


def load_llama(
    model_path: str, n_ctx: int, n_threads: int, prefix: str = ""
) -> tuple[Any, threading.Lock]:
    """The process-wide Llama context for this file and fixed prefix, and the file's lock.

    One lock per file: contexts of the same model share the cores, so they take turns.
    """
    key = (model_path, n_ctx, n_threads, prefix)
    with _LOAD_LOCK:
        if key not in _CONTEXTS:
            same_file = [k for k in _CONTEXTS if k[0] == model_path]
            if len(same_file) >= MAX_CONTEXTS:
                del _CONTEXTS[same_file[0]]  # the oldest: dicts keep insertion order
            _CONTEXTS[key] = _new_llama(model_path, n_ctx, n_threads)
        return _CONTEXTS[key], _LOCKS.setdefault(model_path, threading.Lock())


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

    def load(self, messages: list[BaseMessage] | None = None) -> tuple[Any, threading.Lock]:
        """The context for these messages' system prompt (loaded on first use) and its lock."""
        system = next((m.text for m in messages or [] if m.type == "system"), "")
        return load_llama(self.model_path, self.n_ctx, self.n_threads, prefix_key(system))

    def warm_up(self, system_prompts: list[str]) -> None:
        """Evaluate fixed system prompts once so later requests reuse their KV state."""
        for prompt in system_prompts:
            llama, lock = load_llama(
                self.model_path, self.n_ctx, self.n_threads, prefix_key(prompt)
            )
            messages = [{"role": "system", "content": prompt}, {"role": "user", "content": ""}]
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
        llama, lock = self.load(messages)
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
        llama, lock = self.load(messages)
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
