"""The adversarial run behind docs/security.md (tests/adversarial.py): nothing crashes, loses
data or opens a hole, and the table in the doc is the one the run produces."""

from __future__ import annotations

import pytest

from tests.adversarial import DOC, bad_outcomes, render, run_all
from tests.attack_list import ATTACKS
from tests.badinputs import copy_corpus


def test_the_doc_lists_every_attack():
    text = DOC.read_text(encoding="utf-8")
    missing = [a.key for a in ATTACKS if f"`{a.key}`" not in text]
    assert not missing, f"run python -m tests.adversarial to update docs/security.md: {missing}"


@pytest.mark.slow
def test_every_attack_is_refused_or_handled_and_the_doc_is_current(tmp_path):
    copy_corpus(tmp_path / "corpus")
    results = run_all(tmp_path)
    assert not bad_outcomes(results)
    assert render(results) in DOC.read_text(encoding="utf-8")
