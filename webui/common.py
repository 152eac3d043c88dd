"""What every tab shares: the per-tab session, the owner, and turning errors into Chinese toasts."""

from __future__ import annotations

import errno
import functools
import inspect
import logging
import secrets
from dataclasses import dataclass
from html import escape

import gradio as gr

from assistant.errors import AssistantError, storage_problem
from assistant.services import TOKEN_RE, Workbench, owner_from
from assistant.workbench.models import DraftSession, Owner

log = logging.getLogger(__name__)
INTERNAL_ERROR = "处理时出现内部错误，请重试；如果一再出现，请把操作步骤告诉管理员。"


@dataclass
class UiContext:
    """Components and objects the tabs share."""

    workbench: Workbench
    session: gr.State  # DraftSession of this browser tab
    token: gr.BrowserState  # the browser's private owner token (localStorage)


def ensure_token(token: str | None) -> str:
    """This browser's owner token: kept when valid, else a new random one (192 bits)."""
    return token if isinstance(token, str) and TOKEN_RE.match(token) else secrets.token_urlsafe(24)


def current_owner(token: str | None, request: gr.Request | None) -> Owner:
    """The logged-in user when auth is on, else this browser's token."""
    username = getattr(request, "username", None) if request is not None else None
    return owner_from(username, token)


def as_session(value) -> DraftSession:
    """gr.State hands back what we stored; tolerate a dict (e.g. after a state reset)."""
    if isinstance(value, DraftSession):
        return value
    return DraftSession.model_validate(value or {})


def _to_gradio_error(exc: Exception) -> gr.Error:
    if isinstance(exc, AssistantError):
        # Toasts are shown as (sanitised) HTML, and messages quote what the user typed or a
        # file held: escaped, an <img src=…> there stays text and fetches nothing.
        return gr.Error(escape(str(exc), quote=False), title="无法完成")
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        log.error("disk full in a handler: %s", exc)
        return gr.Error(storage_problem(exc), title="无法完成")
    log.exception("unexpected error in a handler")
    return gr.Error(INTERNAL_ERROR, title="内部错误")


def user_errors(fn):
    """Show AssistantError messages (Chinese) as a toast instead of a traceback; works for generators."""
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def gen_wrapper(*args, **kwargs):
            try:
                yield from fn(*args, **kwargs)
            except gr.Error:
                raise
            except Exception as exc:
                raise _to_gradio_error(exc) from exc

        return gen_wrapper

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except Exception as exc:
            raise _to_gradio_error(exc) from exc

    return wrapper
