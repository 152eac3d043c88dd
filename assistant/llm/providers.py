"""The optional LLM: build a LangChain chat model from the `llm` setting.

none                    → no LLM (the embedded drafter works alone)
openai:<model>          → any OpenAI-compatible server (settings.openai_base_url / _api_key)
llamacpp:<file.gguf>    → a local model through llama-cpp-python (`make llm-local`)
fake:<replies file>     → replays recorded replies (assistant/llm/fake.py)
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from langchain_core.language_models import BaseChatModel

from assistant.errors import ProviderUnavailable
from assistant.prompts import render
from assistant.settings import Settings

_CONFIG_HELP = "可用的取值：none、openai:<模型名>、llamacpp:<模型文件.gguf>、fake:<回复文件>。"


def make_chat_model(settings: Settings) -> BaseChatModel | None:
    """The chat model named by `settings.llm`, or None for `none`."""
    config = (settings.llm or "none").strip()
    provider, _, argument = config.partition(":")
    provider = provider.strip().lower()
    if provider in ("", "none"):
        return None
    if provider == "openai":
        model = _openai_model(argument.strip(), settings)
    elif provider == "llamacpp":
        model = _llamacpp_model(argument.strip(), settings)
    elif provider == "fake":
        from assistant.llm.fake import fake_chat_model

        model = fake_chat_model(argument.strip())
    else:
        raise ProviderUnavailable(f"未知的 LLM 配置「{config}」。{_CONFIG_HELP}")
    # the label drafts carry (shown in the app): the model file's name, not the server's paths
    label = f"llamacpp:{Path(argument.strip()).name}" if provider == "llamacpp" else config
    model.metadata = {**(model.metadata or {}), "jxmb_llm": label}
    return model


def _openai_model(model_name: str, settings: Settings) -> BaseChatModel:
    if not model_name:
        raise ProviderUnavailable(
            f"LLM 配置「openai:」缺少模型名，例如 openai:gpt-4o-mini。{_CONFIG_HELP}"
        )
    if importlib.util.find_spec("langchain_openai") is None:
        raise ProviderUnavailable("未安装 langchain-openai：请运行 pip install langchain-openai。")
    from langchain_openai import ChatOpenAI

    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    if not key and not settings.openai_base_url:
        raise ProviderUnavailable(
            "使用 openai:<模型名> 需要设置 JXMB_OPENAI_API_KEY，"
            "或用 JXMB_OPENAI_BASE_URL 指向一个兼容 OpenAI 接口的本地服务。"
        )
    # Local OpenAI-compatible servers ignore the key but the client insists on one.
    return ChatOpenAI(
        model=model_name,
        base_url=settings.openai_base_url,
        api_key=key or "not-needed",
        temperature=0,
        timeout=120,
        max_retries=1,
    )


def warm_up(chat_model: BaseChatModel | None) -> None:
    """Pre-compute the refine prompt's fixed prefix in a local model (slow once, then every
    request is faster); a no-op for remote models. The app calls this in a background thread."""
    if chat_model is not None and hasattr(chat_model, "warm_up"):
        chat_model.warm_up(render("draft_refine_system"))


def resolve_model_path(argument: str, settings: Settings) -> Path:
    """The GGUF file named in the config: as given, else under <data_dir>/models."""
    path = Path(argument).expanduser()
    if not path.is_file() and not path.is_absolute():
        path = settings.data_dir / "models" / argument
    if not argument or not path.is_file():
        raise ProviderUnavailable(
            f"找不到本地模型文件「{argument}」：请运行 make llm-local 下载模型"
            "（或把 JXMB_LLM 设为 llamacpp:<已有的 .gguf 文件路径>）。"
        )
    return path


def _llamacpp_model(argument: str, settings: Settings) -> BaseChatModel:
    path = resolve_model_path(argument, settings)
    if importlib.util.find_spec("llama_cpp") is None:
        raise ProviderUnavailable(
            "未安装 llama-cpp-python：请运行 make llm-local（或 pip install llama-cpp-python）。"
        )
    from assistant.llm.llamacpp_chat import LlamaCppChatModel, has_amx_kernels

    if has_amx_kernels():
        raise ProviderUnavailable(
            "当前安装的 llama-cpp-python 启用了 AMX 内核，加载 Q4_K_M 模型推理时会崩溃："
            "请运行 make llm-local 按 AVX2 重新编译。"
        )
    model = LlamaCppChatModel(model_path=str(path.resolve()), n_threads=settings.llm_threads)
    try:  # loaded now so a broken file is reported at start
        model.load()
    except (ValueError, OSError, RuntimeError) as exc:
        raise ProviderUnavailable(
            f"无法加载本地模型「{path.name}」：{exc}。可重新运行 make llm-local。"
        ) from exc
    return model
