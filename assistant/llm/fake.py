"""`fake:<replies file>`: a chat model that replays recorded replies, so the app, the CLI and the
evals run end to end without a model (a mock mode for demos and tests).

The file holds the replies in order, separated by lines of exactly `---`; after the last reply
the first comes again. Tests' recorded replies (tests/fixtures/llm_replies/) are such files.
"""

from __future__ import annotations

from pathlib import Path

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.errors import ProviderUnavailable

SEPARATOR = "---"


def read_replies(path: Path) -> list[str]:
    """The replies in a replies file; raises ProviderUnavailable (Chinese) when there are none."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProviderUnavailable(
            f"找不到回放用的 LLM 回复文件「{path}」：fake:<文件> 需要一个已录制的回复文件。"
        ) from exc
    replies, current = [], []
    for line in text.splitlines():
        if line.strip() == SEPARATOR:
            replies.append("\n".join(current).strip())
            current = []
        else:
            current.append(line)
    replies = [r for r in [*replies, "\n".join(current).strip()] if r]
    if not replies:
        raise ProviderUnavailable(f"回复文件「{path}」是空的：每条回复之间用单独一行 --- 分隔。")
    return replies


def fake_chat_model(argument: str) -> FakeListChatModel:
    """A model replaying the replies of the file `argument`, in order, round and round."""
    if not argument:
        raise ProviderUnavailable(
            "LLM 配置「fake:」缺少回复文件，例如 fake:tests/fixtures/llm_replies/valid_qwen1.5b.txt。"
        )
    return FakeListChatModel(responses=read_replies(Path(argument).expanduser()))
