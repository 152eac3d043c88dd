"""The dependency rule holds: `lint-imports` (make lint) passes on the repo, fails on a
layer-breaking import even inside a function, and no modules import each other in a cycle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("assistant", "index", "webui", "evals", "benchmarks")
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(cwd / ".importlinter")],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_repo_keeps_its_layers():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_layer_breaking_import_inside_a_function_fails(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    rules = tmp_path / "assistant" / "rules" / "registry.py"
    rules.write_text(
        rules.read_text(encoding="utf-8")
        + "\n\ndef _bad():\n    from assistant.drafting import engine  # rules may not see drafting\n\n"
        "    return engine\n",
        encoding="utf-8",
    )
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "assistant.rules.registry -> assistant.drafting.engine" in result.stdout


def test_no_import_cycles():
    graph = grimp.build_graph(*PACKAGES, include_external_packages=False, cache_dir=None)
    cycles = [scc for scc in _strongly_connected(graph) if len(scc) > 1]
    assert cycles == []


def _strongly_connected(graph) -> list[list[str]]:
    """Tarjan's algorithm over the module graph (grimp sees imports inside functions too)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in order:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], order[other])
        if low[module] == order[module]:
            component = []
            while (member := stack.pop()) != module:
                component.append(member)
            found.append(sorted([*component, module]))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    for module in sorted(graph.modules):
        if module not in order:
            visit(module)
    return found
