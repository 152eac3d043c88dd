"""Load: simultaneous browser sessions drafting, editing and saving through the running app.

    python -m benchmarks.bench_load                 # 20 sessions
    python -m benchmarks.bench_load --sessions 40   # (also: JXMB_BENCH_QUICK=1 → 10 sessions)

Launches the real app (app.create_app) on 127.0.0.1 with its data dir under
benchmarks/out/data-load (real corpus, read-only). Each session is one gradio_client Client (one
browser tab, its own owner token) on its own thread; all start together, then each drafts its
own project (different place, kind and budget), changes one value by chat and saves.
Reports p50/p95 per step under that load: benchmarks/results/load.json + a markdown table.
tests/test_hardening_concurrency.py drives the same sessions and checks for cross-talk.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.settings import PROJECT_ROOT, Settings
from benchmarks.results import write_result
from benchmarks.timing import percentiles_ms

OUT_DIR = Path(__file__).resolve().parent / "out"
STEPS = ("open", "draft", "edit", "save", "list")
PLACES = (
    "普陀区", "静安区", "徐汇区", "长宁区", "虹口区", "杨浦区", "黄浦区", "闵行区", "宝山区", "嘉定区",
    "和平区", "河西区", "南开区", "河东区", "河北区", "红桥区", "东丽区", "西青区", "津南区", "北辰区",
)  # fmt: skip
KINDS = ("燃气管道安全巡检", "供热站安全应急检查", "生态环境监测设备运维", "排水管网维护")


class SessionRun(BaseModel):
    """What one simulated browser tab did and saw."""

    index: int
    brief: str
    budget: float = Field(description="The budget in the brief, 万元.")
    token: str = ""
    draft_id: str = ""
    edited_value: str = Field("", description="The value the chat edit set.")
    rows: list[list[str]] = Field(default_factory=list, description="Grid after the save.")
    status: str = ""
    review_html: str = ""
    listed_ids: list[str] = Field(default_factory=list, description="Drafts this tab may list.")
    seconds: dict[str, float] = Field(default_factory=dict, description="Latency per step.")


def session_brief(index: int) -> tuple[str, float]:
    """A different project per session: place, kind and budget all vary."""
    budget = round(30 + 7.5 * index, 1)
    place, kind = PLACES[index % len(PLACES)], KINDS[index % len(KINDS)]
    return f"2026年{place}{kind}，预算{budget:g}万元", budget


def _grid(value) -> list[list[str]]:
    return value["data"] if isinstance(value, dict) else value


def _timed(run: SessionRun, step: str, call):
    started = time.perf_counter()
    result = call()
    run.seconds[step] = time.perf_counter() - started
    return result


def run_session(url: str, index: int, start: threading.Barrier | None = None) -> SessionRun:
    """One tab: open the app, draft its brief, change the first 数量 row's value, save, list."""
    from gradio_client import Client

    brief, budget = session_brief(index)
    run = SessionRun(index=index, brief=brief, budget=budget)
    client = _timed(run, "open", lambda: Client(url, verbose=False))
    run.token = client.predict(None, api_name="/ensure_token")
    if start is not None:
        start.wait(timeout=120)
    out = _timed(run, "draft", lambda: client.predict(brief, [], run.token, api_name="/chat"))
    chat, rows, drafts = out[0], _grid(out[2]), out[5]
    run.draft_id = drafts["value"]
    target = next((r for r in rows if r[1] == "数量指标"), rows[0])
    run.edited_value = f"≥{200 + index}家次"
    edit = f"把{target[2]}改为{run.edited_value}"
    _timed(run, "edit", lambda: client.predict(edit, chat, run.token, api_name="/chat"))
    note = f"负载测试会话{index}"
    saved = _timed(run, "save", lambda: client.predict(note, run.token, api_name="/save"))
    run.rows, run.review_html, run.status = _grid(saved[0]), saved[1], saved[2]
    listed = _timed(run, "list", lambda: client.predict(run.token, api_name="/list_drafts"))
    run.listed_ids = [value for _, value in listed["choices"]]
    client.close()
    return run


def run_load(url: str, sessions: int) -> tuple[list[SessionRun], float]:
    """All sessions at once (one thread each); returns their runs and the wall time."""
    start = threading.Barrier(sessions)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=sessions) as pool:
        futures = [pool.submit(run_session, url, i, start) for i in range(sessions)]
        runs = [future.result() for future in futures]
    return runs, time.perf_counter() - started


def summarize(runs: list[SessionRun], wall_s: float, alone: SessionRun | None = None) -> dict:
    """Per-step percentiles under load; `alone` is one session run by itself (the baseline)."""
    steps = {step: percentiles_ms([r.seconds[step] * 1000 for r in runs]) for step in STEPS}
    if alone is not None:
        for step, row in steps.items():
            row["alone_ms"] = round(alone.seconds[step] * 1000, 1)
    return {
        "sessions": len(runs),
        "wall_s": round(wall_s, 1),
        "cpus": os.cpu_count(),
        "steps": steps,
    }


def markdown(summary: dict) -> str:
    labels = {
        "open": "打开页面",
        "draft": "起草",
        "edit": "对话修改",
        "save": "保存",
        "list": "列出草稿",
    }
    lines = [
        f"{summary['sessions']} 个会话同时进行，总用时 {summary['wall_s']} 秒（{summary['cpus']} 核）",
        "",
        "| 步骤 | 单会话 ms | p50 ms | p95 ms | max ms | n |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for step, row in summary["steps"].items():
        lines.append(
            f"| {labels[step]} | {row.get('alone_ms', '—')} | {row['p50_ms']} | {row['p95_ms']} "
            f"| {row['max_ms']} | {row['n']} |"
        )
    return "\n".join(lines)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_app(data_dir: Path):
    """Launch the real app on 127.0.0.1 with a fresh drafts DB; returns (url, stop)."""
    from app import create_app, launch

    for stale in data_dir.glob("drafts.sqlite3*"):
        stale.unlink()
    settings = Settings(
        data_dir=data_dir,
        corpus_dir=PROJECT_ROOT / "corpus",
        llm="none",
        host="127.0.0.1",
        port=_free_port(),
        _env_file=None,
    )
    demo, workbench = create_app(settings)
    _, url, _ = launch(demo, settings, prevent_thread_lock=True)

    def stop() -> None:
        demo.close()
        workbench.retriever.current.close()

    return url, stop


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="并发负载基准：多个会话同时起草、修改、保存")
    parser.add_argument("--sessions", type=int, default=None, help="同时的会话数（默认 20）")
    args = parser.parse_args(argv)
    quick = os.environ.get("JXMB_BENCH_QUICK") == "1"
    sessions = args.sessions or (10 if quick else 20)
    data_dir = OUT_DIR / "data-load"
    data_dir.mkdir(parents=True, exist_ok=True)
    if not (data_dir / "cache").exists() and (OUT_DIR / "data-real" / "cache").is_dir():
        shutil.copytree(OUT_DIR / "data-real" / "cache", data_dir / "cache")  # skip re-embedding
    url, stop = serve_app(data_dir)
    try:
        alone = run_session(url, sessions)  # baseline (and warm-up): one session by itself
        runs, wall_s = run_load(url, sessions)
    finally:
        stop()
    summary = summarize(runs, wall_s, alone)
    path = write_result("load", summary)
    print("\n" + markdown(summary))
    print(f"\n结果已写入 {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
