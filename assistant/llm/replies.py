"""The refine reply as JSON, for servers that enforce a JSON schema (structured output)."""

from __future__ import annotations

from pydantic import Field

from assistant.schema import Model


class ReplyRow(Model):
    """One row of an LLM's refine reply (the line format `来源|三级指标|指标值` as JSON)."""

    ref: str = Field(description="来源：改写自草稿第3行写 D3，采用参考表A第5行写 A5。")
    name: str = Field(description="三级指标名称。")
    value: str = Field(description="指标值，如 ≥200家次、≤30日、100%、合理。")


class RefineReply(Model):
    """An LLM's refine reply when the server enforces a JSON schema (structured output)."""

    rows: list[ReplyRow] = Field(description="改写后的全部指标行，按草稿顺序。")
