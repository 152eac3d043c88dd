"""Shared test set-up: offline environment, real corpus paths, a per-test settings profile.

Area-specific fixtures live in tests/fixtures_<area>.py and are loaded here as plugins, so each
area owns its own fixture file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED_000 = CORPUS / "000_0a362c379c5850c5.txt"
SEED_003 = CORPUS / "003_e87aba6a1a806e89.txt"
EXTRA_FILES = sorted(CORPUS.glob("shanghai_*.txt"))

pytest_plugins = sorted(f"tests.{p.stem}" for p in Path(__file__).parent.glob("fixtures_*.py"))


@pytest.fixture
def test_settings(tmp_path):
    """Settings of the test profile: a fresh data dir, the real corpus read-only."""
    from assistant.settings import Settings

    return Settings(
        profile="test",
        data_dir=tmp_path / "data",
        corpus_dir=CORPUS,
        llm="none",
        _env_file=None,
    )
