"""The held-out brief-facts cases (evals/cases/facts_heldout.yaml) are a fair test set: enough
briefs and kinds, none modelled on a corpus table, and every expected fact written in the brief
itself (a fact the brief does not state would score the drafter on something it was never told).
"""

from __future__ import annotations

import pytest

from assistant.drafting.project_types import project_types
from evals.casefiles import CASES_DIR, load_facts_cases

HELDOUT = CASES_DIR / "facts_heldout.yaml"


@pytest.fixture(scope="module")
def cases():
    return load_facts_cases(HELDOUT)


def test_heldout_set_is_large_and_varied(cases):
    assert len(cases) >= 16
    assert len({c.kind for c in cases}) >= 12
    assert {c.kind for c in cases} <= set(project_types())


def test_heldout_briefs_are_written_and_new(cases):
    development = {c.id for c in load_facts_cases()}
    for case in cases:
        assert case.derived_from is None, case.id
        assert case.id.startswith("h") and case.id not in development


def test_every_expected_fact_is_in_its_brief(cases):
    for case in cases:
        expected = case.expected
        items = [*expected.figures, *expected.activities, *expected.periods]
        items += [expected.unit] if expected.unit else []
        for item in items:
            assert item in case.text, f"{case.id}: 「{item}」 is not in the brief"
        for cost in expected.costs:
            name, _, amount = cost.partition(":")
            assert name in case.text, f"{case.id}: cost line 「{name}」 is not in the brief"
            assert f"{amount}万元" in case.text, f"{case.id}: {amount}万元 is not in the brief"


def test_every_case_expects_something(cases):
    for case in cases:
        e = case.expected
        assert e.figures or e.activities or e.periods or e.costs, case.id
