"""The README's headline table is generated from the committed eval and benchmark results."""

from __future__ import annotations

import json

from evals.headline import (
    BENCH_RESULTS,
    END,
    HEADLINE_JSON,
    README,
    START,
    Headline,
    current_block,
    readme_block,
    render,
)


def test_readme_headline_is_the_generated_block():
    """Editing a figure by hand, or committing new results without `--write`, fails here."""
    block = readme_block(README.read_text(encoding="utf-8"))
    assert block, "README.md lost its headline markers"
    assert block == current_block(), "run `python -m evals.headline --write`"


def test_every_figure_row_comes_from_a_results_file():
    headline = Headline.model_validate_json(HEADLINE_JSON.read_text(encoding="utf-8"))
    only_evals = render(headline, {})
    assert "leave-one-out row F1" in only_evals and "ms" not in only_evals
    embedded = next(d for d in headline.drafters if d.name == "embedded")
    assert f"**{embedded.f1:.2f}** drafter" in only_evals
    assert render(None, {}).endswith(f"| --- | --- |\n{END}")  # no results, no rows: none made up
    load = json.loads((BENCH_RESULTS / "load.json").read_text(encoding="utf-8"))
    with_load = render(None, {"load": load})
    assert f"{load['sessions']} concurrent chat sessions" in with_load
    assert with_load.startswith(START) and with_load.endswith(END)
