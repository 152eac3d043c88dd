"""Where each benchmark's figures are kept: `benchmarks/results/<name>.json`, committed, so the
README's headline table (`python -m evals.headline --write`) is generated from measured runs.
Bulky by-products (indexes, synthetic tables) stay in the ignored `benchmarks/out/`."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def result_path(name: str) -> Path:
    return RESULTS_DIR / f"{name}.json"


def write_result(name: str, data: dict) -> Path:
    """Store one benchmark's figures (pretty JSON, UTF-8); returns the path."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = result_path(name)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def read_result(name: str) -> dict | None:
    """The stored figures of one benchmark, None when it has not been run."""
    path = result_path(name)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
