"""`python -m assistant fetch-model [--small] [--env-file PATH] [--no-env]`: download the local
LLM for `make llm-local` and point JXMB_LLM at it (assistant/llm/fetch_model.py does the work)."""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.settings import PROJECT_ROOT, Settings


def register(subparsers) -> None:
    parser = subparsers.add_parser("fetch-model", help="下载本地 LLM 模型（GGUF）并写入 .env 配置")
    parser.add_argument("--small", action="store_true", help="使用 0.5B 小模型（更快，质量较低）")
    parser.add_argument("--env-file", type=Path, default=PROJECT_ROOT / ".env")
    parser.add_argument("--no-env", action="store_true", help="只下载，不修改 .env")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.llm import fetch_model  # LangChain and pip only when this command runs

    return fetch_model.run(args, settings)
