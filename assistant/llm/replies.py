"""Getting the refine reply from the model: streamed lines, or JSON rows from a server that
enforces a JSON schema (structured output); either way read row by row and cut off when the
reply starts to loop. `refine.py` parses, repairs and reviews what comes back.
"""

from __future__ import annotations

import time
from typing import NamedTuple

from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_core.runnables import Runnable
from pydantic import Field, ValidationError

from assistant.drafting.refiner import Progress
from assistant.llm.lines import LineBuffer, ReplyReader, clean_cell
from assistant.schema import Indicator, Model

MAX_REPLY_ROWS, MAX_REPEATS = 16, 3
SCHEMA_REFUSED = (400, 422)  # HTTP status of a server that does not take `response_format`


class ReplyRow(Model):
    """One row of an LLM's refine reply (the line format `来源|三级指标|指标值` as JSON)."""

    ref: str = Field(description="来源：改写自草稿第3行写 D3，采用参考表A第5行写 A5。")
    name: str = Field(description="三级指标名称。")
    value: str = Field(description="指标值，如 ≥200家次、≤30日、100%、合理。")


class RefineReply(Model):
    """An LLM's refine reply when the server enforces a JSON schema (structured output)."""

    rows: list[ReplyRow] = Field(description="改写后的全部指标行，按草稿顺序。")


class Reply(NamedTuple):
    """One reply as lines, the structured runnable to use next time, and whether the time
    budget cut the reply short (its last rows never came)."""

    text: str
    structured: Runnable | None
    cut: bool = False


class _ReplyWatcher:
    """Follows a streamed reply row by row: reports each row and notices when the reply loops.

    A reply loops when it starts its table again, keeps repeating rows or writes more rows than
    a table has (small models loop until max_tokens otherwise: most of their time).
    """

    def __init__(self, shown: dict[str, Indicator] | None, on_progress: Progress | None):
        self.reader, self.on_progress = ReplyReader(shown), on_progress
        self.seen: list[tuple] = []
        self.rows: list[Indicator] = []
        self.repeats = 0

    def take(self, line: str) -> bool:
        """Reads one line; False when the reply has started to loop."""
        parsed = self.reader.read(line)
        if parsed is None:
            return True
        key = (parsed.indicator.level2, parsed.indicator.name, parsed.indicator.value.raw)
        seen = self.seen
        if (seen and key == seen[0]) or self.repeats >= MAX_REPEATS or len(seen) >= MAX_REPLY_ROWS:
            return False
        self.repeats += key in seen
        seen.append(key)
        self.rows.append(parsed.indicator)
        if self.on_progress is not None:
            self.on_progress(f"LLM 正在改写：已生成 {len(self.rows)} 行", list(self.rows))
        return True


def stream_reply(
    chat_model: BaseChatModel,
    messages: list[BaseMessage],
    on_progress: Progress | None,
    shown: dict[str, Indicator] | None = None,
    deadline: float | None = None,
) -> tuple[str, bool]:
    """The model's reply, and whether the deadline (`time.monotonic()`) cut it short; each
    complete row is reported to `on_progress` as it arrives.

    Reading stops early when the reply starts to loop (see `_ReplyWatcher`), and at the
    deadline, keeping the complete lines read so far.
    """
    buffer, watcher = LineBuffer(), _ReplyWatcher(shown, on_progress)
    stream = chat_model.stream(messages)
    try:
        for chunk in stream:
            for line in buffer.feed(chunk.text):
                if not watcher.take(line):
                    return buffer.text.rsplit(line, 1)[0], False
            if deadline is not None and time.monotonic() > deadline:
                return buffer.done_text(), True
    finally:
        stream.close()
    for line in buffer.flush():
        watcher.take(line)  # the last row, when the reply ends without a line break
    return buffer.text, False


def stream_text(
    chat_model: BaseChatModel, messages: list[BaseMessage], deadline: float | None
) -> tuple[str, bool]:
    """A whole reply, or what had come of it at the deadline (`time.monotonic()`; cut: True)."""
    parts: list[str] = []
    stream = chat_model.stream(messages)
    try:
        for chunk in stream:
            parts.append(chunk.text)
            if deadline is not None and time.monotonic() > deadline:
                return "".join(parts), True
    finally:
        stream.close()
    return "".join(parts), False


def structured_refiner(chat_model: BaseChatModel) -> Runnable | None:
    """The model with structured output (the server enforces the RefineReply JSON schema), for
    models that offer it (OpenAI-compatible servers); None for the others (local llama.cpp)."""
    try:
        return chat_model.with_structured_output(RefineReply, method="json_schema")
    except (NotImplementedError, ValueError, TypeError):
        return None


def structured_reply(
    structured: Runnable,
    messages: list[BaseMessage],
    on_progress: Progress | None,
    shown: dict[str, Indicator] | None = None,
) -> str:
    """A structured reply as the lines the parser reads (one repair and review path for both)."""
    reply = structured.invoke(messages)
    watcher, lines = _ReplyWatcher(shown, on_progress), []
    for row in reply.rows:
        line = "|".join(clean_cell(cell) for cell in (row.ref, row.name, row.value))
        if not watcher.take(line):
            break
        lines.append(line)
    return "\n".join(lines)


def ask(
    chat_model: BaseChatModel,
    structured: Runnable | None,
    messages: list[BaseMessage],
    on_progress: Progress | None,
    shown: dict[str, Indicator],
    deadline: float | None = None,
) -> Reply:
    """One reply, structured when the server takes a JSON schema, else streamed lines; a server
    that refuses the schema gets the line format from then on. Only streamed replies can be
    cut at the deadline: a server's JSON is whole or nothing."""
    if structured is not None:
        try:
            return Reply(structured_reply(structured, messages, on_progress, shown), structured)
        except (OutputParserException, ValidationError):
            structured = None  # the server ignored the schema
        except Exception as exc:
            if getattr(exc, "status_code", None) not in SCHEMA_REFUSED:
                raise  # down, timed out, unauthorised: asking again in lines would not help
            structured = None
    text, cut = stream_reply(chat_model, messages, on_progress, shown, deadline)
    return Reply(text, None, cut)
