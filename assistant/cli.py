"""`python -m assistant <command>`: each command lives in assistant/commands/<name>.py.

A command module defines `register(subparsers)` which adds its parser and sets `func=run`,
where `run(args, settings) -> int` returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from assistant.errors import AssistantError

COMMANDS = (
    "parse",
    "lint",
    "ingest",
    "import_files",
    "export",
    "index",
    "search",
    "draft",
    "fetch_model",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="绩效目标助手")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"assistant.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"assistant.commands.{name}":
                raise
            continue  # command not built yet
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from assistant.settings import get_settings

    args = build_parser().parse_args(argv)
    try:
        return args.func(args, get_settings())
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `... | head` closed stdout early; that is not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
