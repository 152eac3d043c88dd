"""Prompt templates live as files in prompts/; this loads them by name and fills `${variables}`.

`string.Template` rather than str.format because prompts show JSON examples with literal braces.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from string import Template

from assistant.errors import AssistantError
from assistant.settings import PROJECT_ROOT

PROMPTS_DIR = PROJECT_ROOT / "prompts"
_NAME_RE = re.compile(r"^[a-z0-9_]+$")


class PromptError(AssistantError):
    """A prompt file is missing or was rendered with the wrong variables."""


def prompt_path(name: str) -> Path:
    """The file of prompt `name` ('draft_refine' or 'draft_refine.txt')."""
    stem = name.removesuffix(".txt")
    if not _NAME_RE.match(stem):
        raise PromptError(f"提示词名称「{name}」不合法：只能使用小写字母、数字和下划线。")
    return PROMPTS_DIR / f"{stem}.txt"


@cache
def load(name: str) -> str:
    """The raw text of prompt `name`."""
    path = prompt_path(name)
    if not path.is_file():
        raise PromptError(f"找不到提示词文件「{path.name}」（目录 {PROMPTS_DIR}）。")
    return path.read_text(encoding="utf-8")


def variables(name: str) -> set[str]:
    """The `${...}` variables prompt `name` expects."""
    return set(Template(load(name)).get_identifiers())


def render(name: str, **values: object) -> str:
    """Prompt `name` with every `${variable}` filled; a missing or unknown variable raises."""
    expected = variables(name)
    missing = sorted(expected - values.keys())
    if missing:
        raise PromptError(f"提示词「{name}」缺少变量：{'、'.join(missing)}")
    unknown = sorted(values.keys() - expected)
    if unknown:
        raise PromptError(f"提示词「{name}」没有这些变量：{'、'.join(unknown)}")
    return Template(load(name)).substitute({k: str(v) for k, v in values.items()})
