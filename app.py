"""`python app.py`: build the concrete objects from Settings and serve the web app.

The index is brought up to date first (built when missing; incremental and quick otherwise),
then the app listens on settings.host:settings.port (127.0.0.1:7860 by default).
"""

from __future__ import annotations

import logging
import os
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import gradio as gr  # noqa: E402  (after the offline switches)

from assistant.errors import AssistantError  # noqa: E402
from assistant.services import Workbench  # noqa: E402
from assistant.settings import Settings, get_settings  # noqa: E402
from assistant.wiring import make_workbench  # noqa: E402
from webui.auth import LOGIN_MESSAGE, login_guard  # noqa: E402
from webui.layout import build_ui, launch_kwargs  # noqa: E402


def create_workbench(settings: Settings) -> Workbench:
    """Everything the app serves, built by the composition root (assistant/wiring.py)."""
    return make_workbench(settings)


def create_app(settings: Settings) -> tuple[gr.Blocks, Workbench]:
    workbench = create_workbench(settings)
    return build_ui(workbench, settings), workbench


def launch(demo: gr.Blocks, settings: Settings, **overrides):
    """Serve `demo` with login when configured; returns gradio's (app, local_url, share_url)."""
    auth = login_guard(settings)
    kwargs = {**launch_kwargs(settings), "auth": auth, **overrides}
    if auth is not None:
        kwargs.setdefault("auth_message", LOGIN_MESSAGE)
    return demo.launch(**kwargs)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    try:
        demo, _ = create_app(settings)
        print(f"绩效目标助手：http://{settings.host}:{settings.port}", flush=True)
        # quiet: gradio's start-up text would invite users to make a public share link.
        launch(demo, settings)
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
