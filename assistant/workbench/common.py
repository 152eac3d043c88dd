"""What every tab's services share: the current draft or a clear error, owners, reviews."""

from __future__ import annotations

import re

from assistant.errors import AssistantError
from assistant.rules import DEFAULT_PROFILE, ReviewContext, review
from assistant.schema import Draft, TargetTable
from assistant.workbench.models import DraftSession, Owner, ReviewedTable

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class NoDraft(AssistantError):
    def __init__(self):
        super().__init__(
            "还没有草稿：请先在左侧对话框描述项目，例如「2026年燃气管道安全巡检，预算80万元」。"
        )


def owner_from(username: str | None, browser_token: str | None) -> Owner:
    """The logged-in user, else the browser's private token; neither is an error."""
    if username:
        return Owner(id=f"user:{username}", name=username)
    if browser_token and TOKEN_RE.match(browser_token):
        return Owner(id=f"browser:{browser_token}", name=f"访客-{browser_token[:6]}")
    raise AssistantError("无法识别当前浏览器（本地存储不可用）：请刷新页面或启用浏览器存储后重试。")


def reviewed(
    table: TargetTable, profile: str = DEFAULT_PROFILE, context: ReviewContext | None = None
) -> ReviewedTable:
    """The table with its findings under `profile`, compared with `context`'s past tables."""
    return ReviewedTable(table=table, findings=review(table, profile, context))


def require(session: DraftSession) -> Draft:
    """The session's draft, or NoDraft (a Chinese message saying how to start one)."""
    if session.draft is None:
        raise NoDraft()
    return session.draft


def query_text(query: str) -> str:
    """A search query, stripped; an empty one is a clear error."""
    query = (query or "").strip()
    if not query:
        raise AssistantError("请输入检索内容，例如「燃气 安全检查」或「满意度指标通常定多少？」。")
    return query
